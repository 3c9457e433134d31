"""Evaluated diagrams: the view carries the labels, the renderer draws them apart without colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from helpers import SVG, parse_dot
from sample_maps import lifeline_map

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


def test_labels_differ_in_fill_border_style_and_text() -> None:
    m = standoff()
    dot = parse_dot(to_dot(m, evaluation=evaluate(m)))
    inside = dot.node("statement-pro")
    out = dot.node("argument-also")
    undecided = dot.node("statement-claim")
    assert (inside["fillcolor"], inside["style"], inside["penwidth"]) == (
        "#a9cbef",
        "rounded,filled",
        "2",
    )
    assert (out["fillcolor"], out["style"], out["fontcolor"]) == (
        "#f5f5f5",
        "rounded,filled,dashed",
        "#6b6b6b",
    )
    assert (undecided["fillcolor"], undecided["style"]) == ("#ffe38f", "rounded,filled,dotted")
    # The main thesis keeps a heavier border; arguments keep their relation's colour.
    assert undecided["penwidth"] == "3.2"
    assert out["color"] == "#2e7d32"
    assert dot.node("argument-against")["color"] == "#c62828"
    # Three styles, three fills: apart without colour.
    styles = {dot.node(n)["style"] for n in ("statement-pro", "argument-also", "statement-claim")}
    assert len(styles) == 3


def test_the_edge_of_an_argument_that_is_out_fades() -> None:
    m = standoff()
    dot = parse_dot(to_dot(m, evaluation=evaluate(m)))
    assert dot.edge("argument-also", "statement-claim")["color"] == "#a5d6a7"
    assert dot.edge("argument-undercut", "argument-also")["color"] == "#c62828"


def test_the_legend_explains_the_labels_in_order() -> None:
    m = standoff()
    source = to_dot(m, evaluation=evaluate(m, reject=["con"]))
    dot = parse_dot(source)
    assert "subgraph cluster_legend_labels {" in source
    order = [source.index(f'"legend-{label}" [') for label in ("in", "out", "undecided")]
    assert order == sorted(order)
    assert "Labels: grounded semantics; rejecting con" in source
    assert dot.node("legend-out")["style"] == "rounded,filled,dashed"


@pytest.mark.needs_dot
def test_svg_groups_carry_the_label_classes() -> None:
    m = standoff()
    root = ET.fromstring(to_svg(m, evaluation=evaluate(m)))
    classes = {g.get("id"): g.get("class") for g in root.iter(f"{SVG}g")}
    assert classes["statement-claim"] == "node argmap-statement argmap-thesis argmap-undecided"
    assert classes["argument-undercut"] == "node argmap-argument argmap-undercut argmap-in"
    assert classes["legend-in"] == "node argmap-legend argmap-in"
    assert classes["argmap-legend-labels"] == "cluster argmap-legend"
