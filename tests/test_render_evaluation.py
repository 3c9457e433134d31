"""Evaluated diagrams: the view carries the labels, the renderer draws them apart without colour."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import SVG, Dot, parse_dot
from sample_maps import lifeline_map

from argmap._io import load
from argmap._render import to_dot, to_svg
from argmap.analyse import evaluate
from argmap.model import Argument, ArgumentMap, Statement
from argmap.view import build_view


def standoff() -> ArgumentMap:
    """A claim with a reason for it and a reason against it, and an undercut support."""
    return ArgumentMap(
        "Standoff",
        [
            Statement("claim", "The claim."),
            Statement("pro", "A reason for it."),
            Statement("con", "A reason against it."),
            Statement("other", "Another reason."),
            Statement("doubt", "A doubt about the inference."),
        ],
        [
            Argument("for", ["pro"], "support", "claim"),
            Argument("against", ["con"], "attack", "claim"),
            Argument("also", ["other"], "support", "claim"),
            Argument("undercut", ["doubt"], "undercut", "also"),
        ],
    )


def test_the_view_carries_each_label_as_field_and_class() -> None:
    m = standoff()
    view = build_view(m, evaluation=evaluate(m))
    assert view.node("statement-claim").label == "undecided"
    assert view.node("statement-claim").classes == (
        "argmap-statement",
        "argmap-thesis",
        "argmap-undecided",
    )
    assert view.node("statement-pro").label == "in"
    assert view.node("argument-also").label == "out"
    assert view.node("argument-also").classes[-1] == "argmap-out"
    assert view.evaluated == "grounded semantics"
    assert view.legend


def test_edges_from_arguments_carry_the_arguments_label() -> None:
    m = standoff()
    view = build_view(m, evaluation=evaluate(m))
    labels = {(e.source, e.target): (e.label, e.classes[-1]) for e in view.edges}
    assert labels["statement-pro", "argument-for"] == (None, "argmap-premise")
    assert labels["argument-also", "statement-claim"] == ("out", "argmap-out")
    assert labels["argument-undercut", "argument-also"] == ("in", "argmap-in")


def test_the_view_names_the_evaluation_for_the_legend() -> None:
    m = standoff()
    evaluation = evaluate(m, "preferred", acceptance="credulous", accept=["con"], reject="pro")
    view = build_view(m, evaluation=evaluation)
    assert view.evaluated == "preferred semantics, credulous; accepting con; rejecting pro"


def test_the_legend_names_carneades_labelling_without_an_acceptance() -> None:
    """Carneades labels once by weighing: neither a semantics nor sceptical nor credulous."""
    m = standoff()
    for acceptance in ("sceptical", "credulous"):
        evaluation = evaluate(m, "carneades", acceptance=acceptance, reject="pro")
        view = build_view(m, evaluation=evaluation)
        assert view.evaluated == "Carneades (CAES) labelling; rejecting pro"
    lifeline = load(Path(__file__).parent.parent / "maps" / "russian-lifeline.yaml")
    for lang in ("en", "de"):
        dot = to_dot(lifeline, evaluation=evaluate(lifeline, "carneades"), lang=lang)
        assert "Labels: Carneades (CAES) labelling" in dot
        assert "carneades semantics" not in dot
        assert "sceptical" not in dot


def test_without_an_evaluation_nothing_changes() -> None:
    m = standoff()
    view = build_view(m)
    assert {n.label for n in view.nodes} == {None}
    assert {e.label for e in view.edges} == {None}
    assert view.evaluated is None
    assert not view.legend
    assert "argmap-in" not in to_dot(m)


def test_an_evaluation_of_another_map_is_refused() -> None:
    with pytest.raises(ValueError, match="'evaluation' must label every statement and argument"):
        build_view(lifeline_map(), evaluation=evaluate(standoff()))


def ladder() -> ArgumentMap:
    """A thesis on a step that a reason for and a reason against leave open,
    an implicit step that rests on a question, and a stated rejected attack."""
    return ArgumentMap(
        "Ladder",
        [
            Statement("top", "The thesis."),
            Statement("mid", "A step towards it."),
            Statement("pro", "A reason for the step."),
            Statement("con", "A reason against the step."),
            Statement("gap", "A step the text leaves out.", implicit=True),
            Statement("ask", "Is it so?", mode="question"),
        ],
        [
            Argument("up", ["mid"], "support", "top"),
            Argument("for", ["pro"], "support", "mid"),
            Argument("against", ["con"], "attack", "mid"),
            Argument("filled", ["gap"], "support", "top", implicit=True),
            Argument("asked", ["ask"], "support", "gap"),
        ],
    )


#: The attributes an evaluation may set on a node, and those it never touches.
PAINT = ("fillcolor", "color", "penwidth", "fontcolor", "style")


def paint(dot: Dot, node: str) -> dict[str, str]:
    """The node's fill, border, text colour and line style, defaults filled in."""
    attrs = {**dot.node_defaults, **dot.nodes[node]}
    return {key: attrs[key] for key in PAINT if key in attrs}


def first_row(dot: Dot, node: str) -> str:
    """The first row of the node's HTML-like label: its badge, marks or text."""
    label = dot.nodes[node]["label"]
    return label[label.index("<TR>") : label.index("</TR>") + 5]


def badge_row(colour: str, text: str) -> str:
    return (
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="{colour}">'
        f"<B>{text}</B></FONT></TD></TR>"
    )


OUT_BADGE = badge_row("#424242", "✗ out")
UNDECIDED_BADGE = badge_row("#5c4500", "± undecided")


def test_in_looks_exactly_as_without_an_evaluation() -> None:
    m = standoff()
    plain = parse_dot(to_dot(m))
    evaluated = parse_dot(to_dot(m, evaluation=evaluate(m, accept=["claim"])))
    inside = ["statement-claim", "statement-pro", "argument-for", "argument-undercut"]
    for node in inside:
        assert {k: v for k, v in evaluated.nodes[node].items() if k != "class"} == {
            k: v for k, v in plain.nodes[node].items() if k != "class"
        }, node
        assert evaluated.nodes[node]["class"].endswith(" argmap-in")


def test_out_greys_a_statement_and_badges_it() -> None:
    m = standoff()
    dot = parse_dot(to_dot(m, evaluation=evaluate(m, reject=["con"])))
    assert paint(dot, "statement-con") == {
        "fillcolor": "#f0f0f0",
        "color": "#9e9e9e",
        "penwidth": "1",
        "fontcolor": "#5f5f5f",
        "style": "rounded,filled",
    }
    assert first_row(dot, "statement-con") == OUT_BADGE


def test_undecided_fills_a_statement_amber_with_a_heavy_border_and_badges_it() -> None:
    m = ladder()
    dot = parse_dot(to_dot(m, evaluation=evaluate(m)))
    assert evaluate(m).statements["mid"] == "undecided"
    assert paint(dot, "statement-mid") == {
        "fillcolor": "#ffca28",
        "color": "#7a5c00",
        "penwidth": "2",
        "fontcolor": "#212121",
        "style": "rounded,filled",
    }
    assert first_row(dot, "statement-mid") == UNDECIDED_BADGE


def test_the_three_labels_differ_in_fill_border_text_and_badge() -> None:
    """Apart in greyscale too: each differs in more than its hue."""
    m = ladder()
    settled = parse_dot(to_dot(m, evaluation=evaluate(m, reject=["con"])))
    open_ = parse_dot(to_dot(m, evaluation=evaluate(m)))
    looks = [
        paint(settled, "statement-pro"),
        paint(settled, "statement-con"),
        paint(open_, "statement-mid"),
    ]
    assert [settled.nodes["statement-pro"]["class"], settled.nodes["statement-con"]["class"]] == [
        "argmap-statement argmap-in",
        "argmap-statement argmap-out",
    ]
    assert len({look["fillcolor"] for look in looks}) == 3
    assert len({look["color"] for look in looks}) == 3
    assert [look["penwidth"] for look in looks] == ["1", "1", "2"]
    assert [look["fontcolor"] for look in looks] == ["#212121", "#5f5f5f", "#212121"]
    rows = [
        first_row(settled, "statement-pro"),
        first_row(settled, "statement-con"),
        first_row(open_, "statement-mid"),
    ]
    assert rows[1:] == [OUT_BADGE, UNDECIDED_BADGE]
    assert "<B>" not in rows[0]


@pytest.mark.parametrize(
    ("accept", "reject", "label", "fill", "badge"),
    [
        (["top"], [], "in", "#fff8e1", None),
        ([], ["top"], "out", "#f0f0f0", OUT_BADGE),
        ([], [], "undecided", "#ffca28", UNDECIDED_BADGE),
    ],
)
def test_the_thesis_keeps_its_heavy_dark_border_under_every_label(
    accept: list[str], reject: list[str], label: str, fill: str, badge: str | None
) -> None:
    m = ladder()
    evaluation = evaluate(m, accept=accept, reject=reject)
    assert evaluation.statements["top"] == label
    dot = parse_dot(to_dot(m, evaluation=evaluation))
    look = paint(dot, "statement-top")
    assert (look["color"], look["penwidth"], look["fillcolor"]) == ("#263238", "2.5", fill)
    row = first_row(dot, "statement-top")
    if badge:
        assert row == badge
    else:
        assert "<FONT" not in row  # no badge: the title comes first


def test_arguments_keep_their_relation_s_border_and_take_the_label_s_fill() -> None:
    m = standoff()
    dot = parse_dot(to_dot(m, evaluation=evaluate(m)))
    assert paint(dot, "argument-also") == {
        "fillcolor": "#f0f0f0",
        "color": "#2e7d32",
        "penwidth": "1",
        "fontcolor": "#5f5f5f",
        "style": "rounded,filled",
    }
    assert paint(dot, "argument-against") == {
        "fillcolor": "#ffca28",
        "color": "#c62828",
        "penwidth": "1",
        "fontcolor": "#212121",
        "style": "rounded,filled",
    }
    assert "± undecided" in first_row(dot, "argument-against")
    assert "✗ out" in first_row(dot, "argument-also")


def test_a_rejected_attack_does_not_look_like_an_undercut() -> None:
    m = standoff()
    dot = parse_dot(to_dot(m, evaluation=evaluate(m, reject=["con"])))
    rejected = paint(dot, "argument-against")
    undercut = paint(dot, "legend-undercut")
    assert rejected["style"] == "rounded,filled"
    assert undercut["style"] == "rounded,filled,dashed"
    assert rejected["fillcolor"] != undercut["fillcolor"]
    # Nor does its edge: an attack's edge fades, and stays solid.
    edge = dot.edges["argument-against", "statement-claim"]
    assert (edge["color"], edge.get("style")) == ("#ef9a9a", None)


def test_implicit_parts_stay_apart_from_every_label() -> None:
    """Only what the map adds is dashed; a label never dashes or dots a border."""
    m = ladder()
    for evaluation in (evaluate(m), evaluate(m, reject=["con", "top"])):
        dot = parse_dot(to_dot(m, evaluation=evaluation))
        for node in dot.nodes:
            if node.startswith(("statement-", "argument-")):
                style = paint(dot, node)["style"]
                dashed = node in ("statement-gap", "argument-filled")
                assert style == ("rounded,filled,dashed" if dashed else "rounded,filled"), node
    dot = parse_dot(to_dot(m, evaluation=evaluate(m)))
    # The implicit step rests on an open question: out, badged, and still marked.
    assert evaluate(m).statements["gap"] == "out"
    assert first_row(dot, "statement-gap") == OUT_BADGE
    assert ">implicit<" in dot.nodes["statement-gap"]["label"]
    # The question's own mark and the badges never share a sign.
    assert first_row(dot, "statement-ask") == OUT_BADGE
    assert ">? question<" in dot.nodes["statement-ask"]["label"]
    assert not any(badge.startswith("?") for badge in ("✗ out", "± undecided"))


def test_the_edge_of_an_argument_that_is_out_fades() -> None:
    m = standoff()
    dot = parse_dot(to_dot(m, evaluation=evaluate(m)))
    assert dot.edge("argument-also", "statement-claim")["color"] == "#a5d6a7"
    assert dot.edge("argument-undercut", "argument-also")["color"] == "#c62828"


def legend_labels(source: str) -> list[str]:
    """The label samples of the legend, in the order drawn."""
    found = re.findall(r'^\t+"legend-(in|out|undecided)" \[', source, re.MULTILINE)
    return list(found)


def test_the_legend_shows_only_the_labels_that_occur_in_order() -> None:
    m = standoff()
    assert legend_labels(to_dot(m, evaluation=evaluate(m))) == ["in", "out", "undecided"]
    assert legend_labels(to_dot(m, evaluation=evaluate(m, reject=["con"]))) == ["in", "out"]
    # What is drawn counts: the focus on `pro` leaves the rejected `also` out.
    only = to_dot(m, evaluation=evaluate(m, accept=["claim"]), focus="pro", depth=1)
    assert legend_labels(only) == ["in"]
    assert "Labels: grounded semantics; accepting claim" in only


def test_the_legend_says_what_each_label_means() -> None:
    m = standoff()
    source = to_dot(m, evaluation=evaluate(m))
    dot = parse_dot(source)
    assert "subgraph cluster_legend_labels {" in source
    assert dot.nodes["legend-in"]["label"] == (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        '<TR><TD ALIGN="LEFT" BALIGN="LEFT">in: accepted</TD></TR></TABLE>>'
    )
    assert dot.nodes["legend-out"]["label"] == (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + OUT_BADGE
        + '<TR><TD ALIGN="LEFT" BALIGN="LEFT">rejected, or not established<BR/>'
        "(without the support it needs)</TD></TR></TABLE>>"
    )
    assert dot.nodes["legend-undecided"]["label"] == (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + UNDECIDED_BADGE
        + '<TR><TD ALIGN="LEFT" BALIGN="LEFT">the map leaves it open</TD></TR></TABLE>>'
    )
    assert "out: rejected<" not in source


def test_the_legend_draws_each_label_as_a_plain_statement_with_it_is_drawn() -> None:
    m = ladder()
    dot = parse_dot(to_dot(m, evaluation=evaluate(m, reject=["con"])))
    assert paint(dot, "legend-out") == paint(dot, "statement-con")
    assert paint(dot, "legend-in") == paint(dot, "statement-pro")
    dot = parse_dot(to_dot(m, evaluation=evaluate(m)))
    assert paint(dot, "legend-undecided") == paint(dot, "statement-mid")


@pytest.mark.needs_dot
def test_svg_groups_carry_the_label_classes() -> None:
    m = standoff()
    root = ET.fromstring(to_svg(m, evaluation=evaluate(m)))
    classes = {g.get("id"): g.get("class") for g in root.iter(f"{SVG}g")}
    assert classes["statement-claim"] == "node argmap-statement argmap-thesis argmap-undecided"
    assert classes["argument-undercut"] == "node argmap-argument argmap-undercut argmap-in"
    assert classes["legend-in"] == "node argmap-legend argmap-in"
    assert classes["argmap-legend-labels"] == "cluster argmap-legend"
    claim = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "statement-claim")
    assert [t.text for t in claim.iter(f"{SVG}text")][:2] == ["± undecided", "The claim."]
