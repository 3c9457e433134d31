"""Hypothesis strategies the test modules share: whole maps, mutated files, fuzz settings."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from argmap import Agent, Argument, ArgumentMap, Citation, Source, Statement, Translation
from argmap.model import (
    MODES,
    RELATIONS,
    STANDARDS,
    STATUSES,
    WEIGHINGS,
    CriticalQuestion,
    Dispute,
    Relation,
    Scheme,
    SchemeRole,
)

Unit = TypeVar("Unit")


def fuzz(examples: int) -> settings:
    """Settings for a fuzzing property: ``examples`` tries, or ARGMAP_FUZZ_EXAMPLES of them."""
    return settings(
        max_examples=int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", str(examples))),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- a file with a few random edits ------------------------------------------------


@st.composite
def _edited(
    draw: st.DrawFn,
    seeds: Sequence[Sequence[Unit]],
    inserts: st.SearchStrategy[Sequence[Unit]],
    replacements: st.SearchStrategy[Unit],
    span: int,
) -> list[Unit]:
    """One of ``seeds`` with one to four deletions, insertions, replacements or duplications."""
    units = list(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(units)))
        edit = draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        length = draw(st.integers(1, span))
        if edit == "delete":
            del units[where : where + length]
        elif edit == "insert":
            units[where:where] = draw(inserts)
        elif edit == "replace" and where < len(units):
            units[where] = draw(replacements)
        else:
            units[where:where] = units[where : where + length]
    return units


def mutated_bytes(seeds: Sequence[bytes], fragments: Sequence[bytes]) -> st.SearchStrategy[str]:
    """A seed file with a few edits to its bytes (random bytes or ``fragments`` put in), decoded."""
    return _edited(
        seeds, st.binary(max_size=8) | st.sampled_from(fragments), st.integers(0, 255), span=40
    ).map(lambda units: bytes(units).decode("utf-8", errors="replace"))


def mutated_text(seeds: Sequence[str], inserts: Sequence[str]) -> st.SearchStrategy[str]:
    """A seed text with a few edits to its characters (printable ASCII or ``inserts`` put in)."""
    return _edited(seeds, st.sampled_from(inserts), st.integers(32, 126).map(chr), span=30).map(
        "".join
    )


# -- whole maps -----------------------------------------------------------------------

ids = st.from_regex(r"[a-zäöüß0-9][a-zäöüß0-9_.-]{0,11}", fullmatch=True)
# Any text YAML can carry: no surrogates, and none of the C0/C1 controls YAML forbids.
text = text_ = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\u2028\u2029\x85")
    | st.sampled_from("„“‚‘ß\n\t\"'\\:#&*!|>%@`"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
optional_text = st.none() | text


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    langs = draw(st.sampled_from([(), ("en",), ("de-CH",), ("en", "de"), ("de", "en", "fr")]))
    others = langs[1:]

    def translations(
        text: str | None, title: str | None, hedge: str | None = None
    ) -> list[Translation]:
        """Translations of whichever of text, title and hedge exist, in some other languages."""
        result = []
        for lang in others:
            t = draw(st.none() | text_) if text is not None else None
            h = draw(st.none() | text_) if title is not None else None
            q = draw(st.none() | text_) if hedge is not None else None
            if t is not None or h is not None or q is not None:
                result.append(Translation(lang, t, h, hedge=q))
        return result

    statement_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    argument_ids = draw(
        st.lists(ids.filter(lambda i: i not in statement_ids), max_size=5, unique=True)
    )
    agent_ids = draw(st.lists(ids, max_size=3, unique=True))
    source_ids = draw(st.lists(ids, max_size=2, unique=True))

    def citations() -> list[Citation]:
        if not source_ids:
            return []
        return draw(st.lists(st.builds(Citation, st.sampled_from(source_ids), text), max_size=2))

    def agents() -> list[str]:
        return draw(st.lists(st.sampled_from(agent_ids), max_size=2)) if agent_ids else []

    def agent() -> str | None:
        return draw(st.none() | st.sampled_from(agent_ids)) if agent_ids else None

    def shared(body: str | None, title: str | None, hedge: str | None = None) -> dict[str, Any]:
        """The fields statements and arguments share: translations, implicit, via, by, ..."""
        return {
            "translations": translations(body, title, hedge),
            "implicit": draw(st.booleans()),
            "via": agent(),
            "by": agents(),
            "quotes": citations(),
            "tags": draw(st.lists(text, max_size=2)),
            "note": draw(optional_text),
        }

    statements = []
    for sid in statement_ids:
        body, title, hedge = draw(text), draw(optional_text), draw(optional_text)
        statements.append(
            Statement(
                sid,
                body,
                title=title,
                mode=draw(st.sampled_from(MODES)),
                hedge=hedge,
                **shared(body, title, hedge),
                status=draw(st.none() | st.sampled_from(STATUSES)),
            )
        )
    arguments = []
    for aid in argument_ids:
        kind: Relation = draw(st.sampled_from(RELATIONS))
        targets = argument_ids if kind == "undercut" else statement_ids
        premises = draw(st.lists(st.sampled_from(statement_ids), min_size=1, max_size=3))
        with_roles = draw(st.booleans())
        title = draw(optional_text)
        arguments.append(
            Argument(
                aid,
                premises,
                kind,
                draw(st.sampled_from(targets)),
                scheme=draw(st.none() | ids),
                roles=draw(
                    st.lists(ids, min_size=len(premises), max_size=len(premises), unique=True)
                )
                if with_roles
                else (),
                answers=draw(st.none() | ids),
                weight=draw(st.sampled_from([None, 0.0, 0.25, 0.5, 1.0])),
                weighing=draw(st.sampled_from(WEIGHINGS)),
                title=title,
                **shared(None, title),
            )
        )
    map_title, description = draw(text), draw(optional_text)
    return ArgumentMap(
        map_title,
        statements,
        arguments,
        agents=[Agent(a, draw(text), draw(optional_text), draw(optional_text)) for a in agent_ids],
        sources=[
            Source(s, draw(text), *[draw(optional_text) for _ in range(6)]) for s in source_ids
        ],
        schemes=[
            Scheme(
                s,
                draw(text),
                [SchemeRole(r, draw(text)) for r in draw(st.lists(ids, max_size=3, unique=True))],
                draw(optional_text),
                [
                    CriticalQuestion(q, draw(text))
                    for q in draw(st.lists(ids, max_size=3, unique=True))
                ],
                reference=draw(optional_text),
            )
            for s in draw(st.lists(ids, max_size=2, unique=True))
        ],
        issues=[
            Dispute(
                i,
                draw(st.lists(st.sampled_from(statement_ids), min_size=2, max_size=3, unique=True)),
                question=draw(optional_text),
                standard=draw(st.none() | st.sampled_from(STANDARDS)),
            )
            for i in draw(st.lists(ids, max_size=2 if len(statement_ids) > 1 else 0, unique=True))
        ],
        theses=draw(st.lists(st.sampled_from(statement_ids), max_size=2)),
        description=description,
        lang=langs[0] if langs else None,
        other_langs=others,
        translations=translations(description, map_title),
    )


# -- small sound maps to evaluate ------------------------------------------------


@st.composite
def sound_maps(draw: st.DrawFn) -> ArgumentMap:
    """Small maps every evaluation takes: every reference resolves, circles allowed.

    Statements of every mode and status; arguments that support or attack a
    statement or an argument, or undercut one, with weights and weighings;
    at most one issue with two or three positions.
    """
    size = draw(st.integers(1, 5))
    names = [f"s{i}" for i in range(size)]
    statements = [
        Statement(
            n,
            f"Statement {n}.",
            status=draw(st.none() | st.sampled_from(STATUSES)),
            mode=draw(st.sampled_from(MODES)),
        )
        for n in names
    ]
    arguments: list[Argument] = []
    for i in range(draw(st.integers(0, 5))):
        aid = f"a{i}"
        kind: Relation = draw(st.sampled_from(RELATIONS))
        on_argument = kind == "undercut" or (arguments and draw(st.integers(0, 4)) == 0)
        if on_argument and not arguments:
            continue
        target = (
            draw(st.sampled_from([a.id for a in arguments]))
            if on_argument
            else draw(st.sampled_from(names))
        )
        pool = [n for n in names if n != target]
        if not pool:
            continue
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True))
        arguments.append(
            Argument(
                aid,
                premises,
                kind,
                target,
                weight=draw(st.sampled_from([None, 0.0, 0.4, 1.0])),
                weighing=draw(st.sampled_from(WEIGHINGS)),
            )
        )
    issues = []
    if size >= 2 and draw(st.booleans()):
        positions = draw(st.lists(st.sampled_from(names), min_size=2, max_size=3, unique=True))
        issues.append(
            Dispute("i", positions, standard=draw(st.none() | st.sampled_from(STANDARDS)))
        )
    return ArgumentMap("t", statements, arguments, issues=issues)
