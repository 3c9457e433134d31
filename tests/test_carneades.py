"""Evaluation against Carneades: its graphs, translated into maps, get the labels it gives them.

The graphs and the labels Carneades computes for them (under ``tests:``) come
from the Carneades 4 repository; a copy with its licence is in
tests/corpora/carneades-yaml. docs/evaluation.md explains the translation
and the one difference in semantics that shows.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import argmap
from argmap import Severity
from argmap.analyse import LABELS, Label, evaluate, support_cycles
from argmap.model import Argument, ArgumentMap, Statement, Status

CARNEADES = Path(__file__).resolve().parent / "corpora" / "carneades-yaml"
GRAPHS = sorted(CARNEADES.glob("*.yml"))


def test_the_corpus_is_there() -> None:
    assert [g.name for g in GRAPHS] == [
        "even-loop.yml",
        "independent-support-loop.yml",
        "linked-convergent.yml",
        "odd-loop.yml",
        "support-loop.yml",
        "toulmin.yml",
    ]


def slug(carneades_id: str) -> str:
    """An argmap id for a Carneades one: ``¬app(a1)`` becomes ``not-app-a1``."""
    return re.sub(r"[^\w.-]+", "-", carneades_id.replace("¬", "not-")).strip("-")


def translate(graph: dict[str, Any], *, closed: bool) -> ArgumentMap:
    """An argmap map of a Carneades graph.

    * an argument with ``scheme: convergent`` (any one premise suffices)
      becomes one argument per premise; other arguments keep their premises
      linked (Carneades' default scheme, ``linked``);
    * a conclusion ``¬x``, where ``x`` is a statement, makes the argument an
      attack on ``x``; otherwise the argument supports its conclusion;
    * an ``undercutter: u`` becomes an argument from ``u`` that undercuts;
    * statements listed under ``assumptions`` or marked ``assumed: true`` are
      ``status: assumed``; the positions of ``issues`` are ``status:
      questioned``. With ``closed``, every other statement is questioned
      too, as Carneades treats it; without it, argmap's default applies.
    """
    raw = graph["statements"]
    assumed = set(graph.get("assumptions") or [])
    assumed |= {sid for sid, s in raw.items() if isinstance(s, dict) and s.get("assumed")}
    at_issue = {p for i in (graph.get("issues") or {}).values() for p in i.get("positions", [])}
    statements = []
    for sid, value in raw.items():
        text = value["text"] if isinstance(value, dict) else value
        status: Status | None = None
        if sid in assumed:
            status = "assumed"
        elif closed or sid in at_issue:
            status = "questioned"
        statements.append(Statement(slug(sid), str(text).strip(), status=status))
    arguments = []
    for aid, value in graph["arguments"].items():
        premises = value["premises"]
        premises = list(premises.values()) if isinstance(premises, dict) else list(premises)
        conclusion = value["conclusion"]
        kind = "support"
        if conclusion.startswith("¬") and conclusion[1:] in raw:
            kind, conclusion = "attack", conclusion[1:]
        scheme = value.get("scheme", "linked")
        assert scheme in ("linked", "convergent"), f"{aid}: scheme {scheme!r} has no translation"
        groups = [[p] for p in premises] if scheme == "convergent" else [premises]
        for group in groups:
            argument_id = slug(aid) if len(groups) == 1 else f"{slug(aid)}.{slug(group[0])}"
            arguments.append(
                Argument(argument_id, [slug(p) for p in group], kind, slug(conclusion))  # type: ignore[arg-type]
            )
            if value.get("undercutter"):
                arguments.append(
                    Argument(
                        f"{argument_id}.undercut",
                        [slug(value["undercutter"])],
                        "undercut",
                        argument_id,
                    )
                )
    title = (graph.get("meta") or {}).get("title", "Carneades graph")
    return ArgumentMap(title, statements, arguments)


def carneades_labels(graph: dict[str, Any]) -> dict[str, Label]:
    """The labels Carneades records under ``tests:``, by argmap id."""
    expected: dict[str, Label] = {}
    for label in LABELS:
        for sid in (graph.get("tests") or {}).get(label) or []:
            expected[slug(sid)] = label
    return expected


def load(path: Path) -> dict[str, Any]:
    graph: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return graph


@pytest.mark.parametrize("path", GRAPHS, ids=lambda p: p.stem)
def test_labels_match_carneades_with_its_closed_world(path: Path) -> None:
    """With every statement that is no assumption questioned, every label agrees."""
    graph = load(path)
    expected = carneades_labels(graph)
    assert expected
    result = evaluate(translate(graph, closed=True))
    assert {sid: result.statements[sid] for sid in expected} == expected


@pytest.mark.parametrize(
    ("path", "differing"),
    [
        # `s` is neither assumed nor supported: Carneades rejects it, argmap
        # assumes it; `t` still holds through its other premise either way.
        (CARNEADES / "linked-convergent.yml", {"s"}),
        (CARNEADES / "toulmin.yml", set()),
        # Circles of support: every statement in them is supported, so argmap
        # needs it supported from outside the circle, as Carneades does.
        (CARNEADES / "support-loop.yml", set()),
        (CARNEADES / "independent-support-loop.yml", set()),
        (CARNEADES / "even-loop.yml", set()),
        (CARNEADES / "odd-loop.yml", set()),
    ],
    ids=lambda v: v.stem if isinstance(v, Path) else None,
)
def test_argmap_defaults_differ_only_where_carneades_rejects_unsupported_statements(
    path: Path, differing: set[str]
) -> None:
    """argmap assumes a statement no argument supports; Carneades does not.

    With argmap's defaults the labels differ exactly on the statements that
    are neither assumptions nor the conclusion of any argument: ``in`` for
    argmap, ``out`` for Carneades.
    """
    graph = load(path)
    expected = carneades_labels(graph)
    m = translate(graph, closed=False)
    result = evaluate(m)
    mismatches = {sid for sid in expected if result.statements[sid] != expected[sid]}
    assert mismatches == differing
    for sid in mismatches:
        assert (result.statements[sid], expected[sid]) == ("in", "out")
        assert m.statements[sid].status is None
        assert not m.arguments_for(sid)


@pytest.mark.parametrize(
    "name", ["support-loop", "even-loop", "odd-loop", "independent-support-loop"]
)
def test_circles_of_support_load_with_a_warning_and_evaluate(name: str) -> None:
    """A circle of support is shown and warned about, not refused; Carneades' labels hold."""
    m = translate(load(CARNEADES / f"{name}.yml"), closed=False)
    issues = argmap.check(m)
    assert [(i.code, i.severity) for i in issues] == [("circular-support", Severity.WARNING)]
    assert support_cycles(m)
    expected = carneades_labels(load(CARNEADES / f"{name}.yml"))
    assert {sid: evaluate(m).statements[sid] for sid in expected} == expected


@pytest.mark.parametrize("name", ["support-loop", "even-loop", "odd-loop"])
def test_beyond_grounded_a_circle_of_support_is_a_choice_carneades_does_not_offer(
    name: str,
) -> None:
    """Carneades labels with grounded semantics only. Under preferred and stable
    semantics a circle of support with nothing outside it is a choice, as an
    even cycle of attacks is: accept the whole circle or none of it. Sceptically
    its statements stay undecided, as in Carneades; credulously they are in."""
    m = translate(load(CARNEADES / f"{name}.yml"), closed=False)
    expected = carneades_labels(load(CARNEADES / f"{name}.yml"))
    for semantics in ("preferred", "stable"):
        sceptical = evaluate(m, semantics)
        assert sceptical.extensions == 2
        assert {sid: sceptical.statements[sid] for sid in expected} == expected
        credulous = evaluate(m, semantics, acceptance="credulous")
        assert {sid: credulous.statements[sid] for sid in expected} == dict.fromkeys(expected, "in")
