"""load -> dump -> load is the identity, for generated maps and the shipped ones."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import Agent, Argument, ArgumentMap, Citation, Source, Statement, Translation
from argmap.model import (
    MODES,
    RELATIONS,
    STATUSES,
    CriticalQuestion,
    Relation,
    Scheme,
    SchemeRole,
)

ROOT = Path(__file__).resolve().parent.parent

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

    statements = []
    for sid in statement_ids:
        body, title, hedge = draw(text), draw(optional_text), draw(optional_text)
        statements.append(
            Statement(
                sid,
                body,
                title=title,
                translations=translations(body, title, hedge),
                implicit=draw(st.booleans()),
                mode=draw(st.sampled_from(MODES)),
                hedge=hedge,
                via=agent(),
                by=agents(),
                quotes=citations(),
                tags=draw(st.lists(text, max_size=2)),
                note=draw(optional_text),
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
                title=title,
                translations=translations(None, title),
                implicit=draw(st.booleans()),
                via=agent(),
                by=agents(),
                quotes=citations(),
                tags=draw(st.lists(text, max_size=2)),
                note=draw(optional_text),
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
        theses=draw(st.lists(st.sampled_from(statement_ids), max_size=2)),
        description=description,
        lang=langs[0] if langs else None,
        other_langs=others,
        translations=translations(description, map_title),
    )


@settings(max_examples=300, deadline=None)
@given(maps())
def test_generated_maps_survive_dump_and_load(m: ArgumentMap) -> None:
    # check=False: generated maps may break whole-map rules; the format must still carry them.
    assert argmap.loads(argmap.dumps(m), check=False) == m


def test_shipped_maps_survive_dump_and_load(tmp_path: Path) -> None:
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        m = argmap.load(path)
        again = argmap.load(argmap.dump(m, tmp_path / path.name))
        assert again == m, path.name
        assert argmap.dumps(again) == argmap.dumps(m)


def test_german_text_survives_byte_for_byte() -> None:
    m = ArgumentMap(
        "Größe",
        [Statement("s", "„Die Straße“ – ‚ß‘ …"), Statement("t", "Ünïcödé")],
        [Argument("a", ["s"], "support", "t")],
    )
    dumped = argmap.dumps(m)
    assert "„Die Straße“ – ‚ß‘ …" in dumped
    assert argmap.loads(dumped) == m
