"""Carneades' weighing and Carneades' graphs: the reader, the labels, the conformance suite.

No implementation of Carneades is on PyPI to compare with, so the weighing
is checked against the labels Carneades 4 itself records for its graphs
(tests/corpora/carneades-yaml, a copy of its ``examples/AGs/YAML`` with its
licence) and against small cases worked out by hand from its rules.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import run

import argmap
from argmap import Argument, ArgumentMap, Dispute, MapError, Severity, Statement
from argmap.analyse import LABELS, Label, evaluate, support_cycles
from argmap.model import Status

ROOT = Path(__file__).resolve().parent.parent
CARNEADES = ROOT / "tests" / "corpora" / "carneades-yaml"
GRAPHS = sorted(CARNEADES.glob("*.yml"))

#: The graphs argmap refuses, and the construct each error names.
REFUSED = {
    "abduction.yml": "argument scheme 'abduction' has variables",
    "basic_event_calculus.yml": "issue scheme 'wfh'",
    "chr-leq.yml": "argument scheme 'reflexivity' has variables ['X']",
    "constant_weight.yml": "argument scheme 's1' has variables ['X']",
    "defeasible-modus-ponens.yml": "argument scheme 'defeasible_modus_ponens' has variables",
    "family-law.yml": "issue scheme 'neediness'",
    "lex.yml": "weighing function 'lex' orders arguments by properties of their schemes",
    "mcda-porsche.yml": "argument scheme 'car_buying_scheme' weighs by 'criteria'",
    "self-defeat.yml": "issue scheme 'negation': Carneades makes issues from it by rule inference",
    "walton.yml": "argument scheme 'witness_testimony' has variables ['W', 'D', 'S']",
}


def expected_labels(path: Path) -> dict[str, Label]:
    """The labels Carneades records under ``tests:``, by statement id."""
    graph = yaml.safe_load(path.read_text("utf-8")) or {}
    expected: dict[str, Label] = {}
    for label in LABELS:
        for sid in (graph.get("tests") or {}).get(label) or []:
            expected[str(sid)] = label
    return expected


def test_the_corpus_is_there() -> None:
    assert len(GRAPHS) == 43
    assert sum(1 for g in GRAPHS if expected_labels(g)) == 34


@pytest.mark.parametrize("path", GRAPHS, ids=lambda p: p.stem)
def test_every_graph_imports_with_carneades_labels_or_is_refused_naming_the_construct(
    path: Path,
) -> None:
    if path.name in REFUSED:
        with pytest.raises(MapError) as caught:
            argmap.load(path)
        assert {i.code for i in caught.value.issues} == {"carneades-unsupported"}
        assert any(REFUSED[path.name] in i.message for i in caught.value.issues)
        return
    m = argmap.load(path)
    expected = expected_labels(path)
    labels = argmap.evaluate(m, "carneades").statements
    assert {sid: labels[sid] for sid in expected} == expected


def test_conformance_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """How many graphs import and how many labels match: what docs/evaluation.md states."""
    imported = matched = total = 0
    with_tests = [g for g in GRAPHS if expected_labels(g)]
    for path in with_tests:
        if path.name in REFUSED:
            continue
        imported += 1
        labels = argmap.evaluate(argmap.load(path), "carneades").statements
        for sid, label in expected_labels(path).items():
            total += 1
            matched += labels[sid] == label
    with capsys.disabled():
        print(
            f"\nCarneades conformance: {imported} of {len(with_tests)} graphs with tests "
            f"import; {matched} of {total} labels match"
        )
    assert (imported, matched, total) == (30, 164, 164)
    docs = (ROOT / "docs" / "evaluation.md").read_text("utf-8")
    assert f"**{imported} import, and all {total} of their labels match**" in docs
    refused = len(with_tests) - imported
    assert f"The {refused} others are refused" in docs
    for name in REFUSED:
        assert f"`{name}`" in docs


def test_the_reader_keeps_carneades_ids_and_adds_what_dung_needs() -> None:
    m = argmap.load(CARNEADES / "tandem.yml")
    assert [s for s in m.statements if s in ("jt", "¬jt", "jmt")] == ["jt", "¬jt", "jmt"]
    assert m.statements["jw"].status == "assumed"
    assert m.statements["jt"].status == "questioned"
    contra = m.arguments["a9.contra.st"]
    assert (contra.premises, contra.kind, contra.target) == (("jmt",), "attack", "st")
    assert contra.implicit and contra.tags == ("carneades-contra",)
    assert [(i.id, i.positions, i.standard) for i in m.issues.values()][:2] == [
        ("i1", ("jmt", "jst", "mst"), None),
        ("i2", ("jt", "¬jt"), None),
    ]
    frisian = argmap.load(CARNEADES / "frisian.yml")
    undercut = frisian.arguments["a1.undercut"]
    assert (undercut.premises, undercut.kind, undercut.target) == (("¬app(a1)",), "undercut", "a1")
    trivial = argmap.load(CARNEADES / "trivial.yml")
    assert trivial.arguments["a1"].premises == ("a1.premise",)
    assert trivial.statements["a1.premise"].status == "assumed"
    rebuttal = argmap.load(CARNEADES / "rebuttal.yml")
    a2 = rebuttal.arguments["a2"]
    assert (a2.scheme, a2.weighing, a2.weight) == ("s2", "constant", 0.5)
    jogging = argmap.load(CARNEADES / "jogging.yml")
    assert jogging.arguments["a3"].weighing == "factorized"


def test_a_carneades_graph_is_told_by_its_content_or_by_from(tmp_path: Path) -> None:
    text = (CARNEADES / "rebuttal.yml").read_text("utf-8")
    as_yaml = tmp_path / "graph.yaml"
    as_yaml.write_text(text, "utf-8")
    assert argmap.load(as_yaml).statements["¬p"].text == "¬P"
    other = tmp_path / "graph.txt"
    other.write_text(text, "utf-8")
    assert argmap.load(other, format="carneades").arguments["a1"].weight == 0.1
    code, out, _ = run("evaluate", str(other), "--from", "carneades", "--semantics", "carneades")
    assert code == 0
    assert out.splitlines()[:3] == ["carneades weighing", "", "statements:"]
    assert re.search(r"^  in +¬p +¬P$", out, re.M)


def test_evaluate_json_reports_labels_under_the_graphs_ids() -> None:
    code, out, _ = run(
        "evaluate",
        str(CARNEADES / "unsupported2.yml"),
        "--semantics",
        "carneades",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["semantics"] == "carneades"
    assert data["statements"] == {"p": "undecided", "¬p": "undecided", "q": "out", "¬app(a1)": "in"}


def test_a_refused_graph_is_an_error_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "lex.yml"
    path.write_text((CARNEADES / "lex.yml").read_text("utf-8"), "utf-8")
    code, out, err = run("evaluate", str(path), "--semantics", "carneades")
    assert (code, out) == (1, "")
    assert (
        f"{path}:16:5: error: carneades-unsupported: weighing function 'lex' orders arguments "
        "by properties of their schemes, which argmap does not do; give the arguments weights "
        "instead"
    ) in err.splitlines()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "statements: {p: P}\narguments:\n  a1: {conclusion: p, scheme: s9, premises: [p]}\n"
            "meta: {}\n",
            "g.yml:3:31: error: carneades: argument 'a1' names scheme 's9', which is neither a "
            "weighing (linked, convergent, cumulative, factorized) nor one of the graph's "
            "'argument_schemes'",
        ),
        (
            "statements: {p: P}\nissues:\n  i1: {positions: [p], standard: XYZ}\nmeta: {}\n",
            "g.yml:3:34: error: carneades: issue 'i1' has the proof standard 'XYZ'; Carneades' "
            "standards are DV, PE, CCE and BRD",
        ),
        (
            "statements: {'a b': P}\nmeta: {}\n",
            "g.yml:1:14: error: invalid-id: 'a b' cannot be an argmap id (letters, digits, '-', "
            "'_', '.', '(', ')', ',' and a leading '¬'); rename it in the graph",
        ),
    ],
)
def test_bad_graphs_are_errors_naming_the_place(text: str, message: str) -> None:
    with pytest.raises(MapError) as caught:
        argmap.loads(text, file="g.yml", format="carneades")
    assert str(caught.value.issues[0]) == message


# -- the weighing, worked out by hand -----------------------------------------


def weighed(
    arguments: list[Argument],
    *,
    standard: str | None = None,
    statements: list[Statement] | None = None,
) -> dict[str, Label]:
    """Carneades' labels of a map with the issue {yes, no} and the premises given below."""
    given = [
        Statement("a", "A.", status="assumed"),
        Statement("b", "B.", status="assumed"),
        Statement("c", "C.", status="assumed"),
        Statement("x", "X.", status="questioned"),
        Statement("yes", "Yes."),
        Statement("no", "No."),
    ]
    m = ArgumentMap(
        "Weighed",
        [*given, *(statements or [])],
        arguments,
        issues=[Dispute("q", ["yes", "no"], standard=standard)],  # type: ignore[arg-type]
    )
    return dict(argmap.evaluate(m, "carneades").statements)


def pro(aid: str, premises: list[str], target: str, **kw: object) -> Argument:
    return Argument(aid, premises, "support", target, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("weights", "standard", "yes", "no"),
    [
        ((0.6, 0.4), None, "in", "out"),  # pe: more weighs more
        ((0.5, 0.5), None, "out", "out"),  # a tie: no position wins
        ((0.9, 0.3), "cce", "in", "out"),  # margin 0.6 > 0.5
        ((0.7, 0.3), "cce", "out", "out"),  # margin 0.4
        ((0.9, 0.2), "brd", "in", "out"),  # margin 0.7, the other under 0.3
        ((0.95, 0.35), "brd", "out", "out"),  # margin 0.6, but the other weighs 0.35
        ((0.0, 0.4), None, "out", "in"),
    ],
)
def test_proof_standards(
    weights: tuple[float, float], standard: str | None, yes: Label, no: Label
) -> None:
    labels = weighed(
        [pro("p", ["a"], "yes", weight=weights[0]), pro("n", ["b"], "no", weight=weights[1])],
        standard=standard,
    )
    assert (labels["yes"], labels["no"]) == (yes, no)


@pytest.mark.parametrize(
    ("weighing", "premises", "weight", "yes"),
    [
        ("linked", ["a", "b"], None, "in"),  # 1 > 0.5
        ("linked", ["a", "x"], None, "out"),  # x is out: weighs 0
        ("convergent", ["a", "x"], None, "in"),  # one premise in suffices
        ("convergent", ["x"], None, "out"),
        ("cumulative", ["a", "b", "x"], None, "in"),  # 2/3 > 0.5
        ("cumulative", ["a", "x"], None, "out"),  # 1/2 ties 0.5
        ("cumulative", ["a", "b", "x"], 0.6, "out"),  # 0.6 * 2/3 = 0.4 < 0.5
        ("constant", ["x"], 0.7, "in"),  # whatever its premises
        ("constant", ["x"], 0.3, "out"),
    ],
)
def test_weighings(weighing: str, premises: list[str], weight: float | None, yes: Label) -> None:
    labels = weighed(
        [
            pro("p", premises, "yes", weighing=weighing, weight=weight),
            pro("n", ["c"], "no", weight=0.5),
        ]
    )
    assert labels["yes"] == yes


def test_factorized_weighs_the_share_of_the_issues_premises() -> None:
    """Three distinct premises in the issue: two for yes (2/3), one for no (1/3)."""
    labels = weighed(
        [
            pro("p", ["a", "b"], "yes", weighing="factorized"),
            pro("n", ["c"], "no", weighing="factorized"),
        ]
    )
    assert (labels["yes"], labels["no"]) == ("in", "out")
    with_out = weighed(
        [
            pro("p", ["a", "x"], "yes", weighing="factorized"),
            pro("n", ["c"], "no", weighing="factorized"),
        ]
    )
    assert (with_out["yes"], with_out["no"]) == ("out", "in")


def test_a_position_no_argument_supports_is_not_given_unless_its_status_says_so() -> None:
    labels = weighed([pro("p", ["a"], "yes", weight=0.2)])
    assert (labels["yes"], labels["no"]) == ("in", "out")
    m = ArgumentMap(
        "Given",
        [
            Statement("a", "A.", status="assumed"),
            Statement("yes", "Yes."),
            Statement("no", "No.", status="assumed"),
        ],
        [pro("p", ["a"], "yes", weight=0.2)],
        issues=[Dispute("q", ["yes", "no"])],
    )
    assert dict(argmap.evaluate(m, "carneades").statements)["no"] == "in"


def test_an_undercut_argument_weighs_nothing() -> None:
    labels = weighed(
        [
            pro("p", ["a"], "yes", weight=0.9),
            pro("n", ["b"], "no", weight=0.4),
            Argument("u", ["c"], "undercut", "p"),
        ]
    )
    assert (labels["yes"], labels["no"]) == ("out", "in")


def test_an_undecided_premise_holds_the_issue_open() -> None:
    """A circle of support leaves its statements undecided, and an issue that waits on them."""
    loop = [Statement("l1", "L1."), Statement("l2", "L2.")]
    labels = weighed(
        [
            pro("p", ["l1"], "yes"),
            pro("n", ["b"], "no", weight=0.4),
            pro("c1", ["l2"], "l1"),
            pro("c2", ["l1"], "l2"),
        ],
        statements=loop,
    )
    assert (labels["l1"], labels["l2"], labels["yes"], labels["no"]) == (
        "undecided",
        "undecided",
        "undecided",
        "undecided",
    )


def test_attacks_outside_issues_are_weighed_as_the_negation() -> None:
    m = ArgumentMap(
        "Attacked",
        [
            Statement("a", "A.", status="assumed"),
            Statement("b", "B.", status="assumed"),
            Statement("claim", "Claim.", status="questioned"),
            Statement("given", "Given."),
        ],
        [
            Argument("for", ["a"], "support", "claim", weight=0.8),
            Argument("against", ["b"], "attack", "claim", weight=0.3),
            Argument("doubt", ["b"], "attack", "given"),
        ],
    )
    carneades = argmap.evaluate(m, "carneades")
    assert carneades.statements["claim"] == "in"  # 0.8 beats 0.3
    assert carneades.statements["given"] == "in"  # given: an attack does not undo it
    dung = argmap.evaluate(m)
    assert (dung.statements["claim"], dung.statements["given"]) == ("undecided", "out")


def test_dung_semantics_let_positions_exclude_each_other() -> None:
    m = ArgumentMap(
        "Positions",
        [
            Statement("a", "A."),
            Statement("b", "B."),
            Statement("yes", "Yes."),
            Statement("no", "No."),
        ],
        [pro("p", ["a"], "yes"), pro("n", ["b"], "no")],
        issues=[Dispute("q", ["yes", "no"])],
    )
    assert dict(argmap.evaluate(m).statements) == {
        "a": "in",
        "b": "in",
        "yes": "undecided",
        "no": "undecided",
    }
    preferred = argmap.evaluate(m, "preferred", acceptance="credulous")
    assert (preferred.statements["yes"], preferred.statements["no"]) == ("in", "in")
    assert preferred.extensions == 2


# -- Dung's semantics on Carneades' graphs, translated by hand ----------------
#
# A translation of six graphs into argmap's own terms (a conclusion ``¬x``
# an attack on ``x``, ids made plain), evaluated by Dung's semantics: where
# their labels agree with Carneades', and where argmap's defaults differ.

#: The graphs the hand translation covers: linked and convergent arguments only.
DUNG_GRAPHS = [
    CARNEADES / f"{name}.yml"
    for name in (
        "even-loop",
        "independent-support-loop",
        "linked-convergent",
        "odd-loop",
        "support-loop",
        "toulmin",
    )
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


def load_graph(path: Path) -> dict[str, Any]:
    graph: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return graph


@pytest.mark.parametrize("path", DUNG_GRAPHS, ids=lambda p: p.stem)
def test_labels_match_carneades_with_its_closed_world(path: Path) -> None:
    """With every statement that is no assumption questioned, every label agrees."""
    graph = load_graph(path)
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
    graph = load_graph(path)
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
    m = translate(load_graph(CARNEADES / f"{name}.yml"), closed=False)
    issues = argmap.check(m)
    assert [(i.code, i.severity) for i in issues] == [("circular-support", Severity.WARNING)]
    assert support_cycles(m)
    expected = carneades_labels(load_graph(CARNEADES / f"{name}.yml"))
    assert {sid: evaluate(m).statements[sid] for sid in expected} == expected


@pytest.mark.parametrize("name", ["support-loop", "even-loop", "odd-loop"])
def test_beyond_grounded_a_circle_of_support_is_a_choice_carneades_does_not_offer(
    name: str,
) -> None:
    """Carneades labels with grounded semantics only. Under preferred and stable
    semantics a circle of support with nothing outside it is a choice, as an
    even cycle of attacks is: accept the whole circle or none of it. Sceptically
    its statements stay undecided, as in Carneades; credulously they are in."""
    m = translate(load_graph(CARNEADES / f"{name}.yml"), closed=False)
    expected = carneades_labels(load_graph(CARNEADES / f"{name}.yml"))
    for semantics in ("preferred", "stable"):
        sceptical = evaluate(m, semantics)
        assert sceptical.extensions == 2
        assert {sid: sceptical.statements[sid] for sid in expected} == expected
        credulous = evaluate(m, semantics, acceptance="credulous")
        assert {sid: credulous.statements[sid] for sid in expected} == dict.fromkeys(expected, "in")


def test_an_attack_on_an_argument_as_a_whole_undercuts_it_and_backing_changes_nothing() -> None:
    labels = weighed(
        [
            pro("p", ["a"], "yes", weight=0.9),
            pro("n", ["b"], "no", weight=0.4),
            Argument("whole", ["c"], "attack", "p"),
            Argument("backing", ["c"], "support", "n"),
        ]
    )
    assert (labels["yes"], labels["no"]) == ("out", "in")
