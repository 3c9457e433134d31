"""Comparing two maps: matches by id and by text, every kind of difference, the CLI, the drawing."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from helpers import INVALID, ROOT, SVG, VALID, run, work_in

import argmap
from argmap._diff import diff_view
from argmap.model import Argument, ArgumentMap, Citation, Dispute, Source, Statement

LIFELINE = ROOT / "maps" / "russian-lifeline.yaml"
EDITED = ROOT / "docs" / "examples" / "russian-lifeline-edited.yaml"


def pair() -> tuple[ArgumentMap, ArgumentMap]:
    sources = [Source("src", "A source")]
    old = ArgumentMap(
        "Old",
        statements=[
            Statement("t", "The thesis holds.", by="ann"),
            Statement("p", "The first premise is true.", quotes=[Citation("src", "first")]),
            Statement("gone", "Something nobody says any more."),
        ],
        arguments=[Argument("a", ["p", "gone"], "support", "t")],
        sources=sources,
    )
    new = ArgumentMap(
        "Old",
        statements=[
            Statement("t", "The thesis holds.", by="bob", via="ann"),
            Statement("premise-1", "The first premise is true!", quotes=[Citation("src", "1st")]),
            Statement("fresh", "A new statement."),
        ],
        arguments=[
            Argument("a", ["premise-1"], "attack", "t"),
            Argument("b", ["fresh"], "support", "t"),
        ],
        sources=sources,
    )
    return old, new


def test_every_kind_of_difference_with_the_renamed_statement_matched_by_text() -> None:
    old, new = pair()
    result = argmap.diff(old, new)
    renamed = [(m.kind, m.old, m.new, m.score) for m in result.matches if m.by == "text"]
    assert renamed == [("statement", "p", "premise-1", 0.96)]
    assert result.new_id("statement", "p") == "premise-1"
    assert result.new_id("statement", "gone") is None
    assert [(d.what, d.change, d.id, d.detail) for d in result.differences] == [
        ("statement", "added", "fresh", "statement added"),
        ("attribution", "changed", "t", "by changed"),
        ("attribution", "added", "t", "via added"),
        ("statement", "changed", "premise-1", "id changed (matched by text, similarity 0.96)"),
        ("statement", "changed", "premise-1", "text changed (similarity 0.96)"),
        ("quote", "added", "premise-1", "quote from 'src' added"),
        ("quote", "removed", "premise-1", "quote from 'src' removed"),
        ("statement", "removed", "gone", "statement removed"),
        ("argument", "added", "b", "argument added"),
        ("relation", "changed", "a", "kind or target changed"),
        ("relation", "removed", "a", "premise 'gone' removed"),
    ]
    assert result.summary() == (
        "11 differences: 1 statement added, 1 attribution changed, 1 attribution added, "
        "2 statements changed, 1 quote added, 1 quote removed, 1 statement removed, "
        "1 argument added, 1 relation changed, 1 relation removed"
    )


def test_a_map_equals_itself_and_unlike_texts_are_not_matched() -> None:
    m = argmap.load(LIFELINE)
    assert argmap.diff(m, m).equal
    assert argmap.diff(m, m).as_dict() == {"equal": True, "matches": [], "differences": []}
    a = ArgumentMap("T", statements=[Statement("x", "Cats sleep all day.")])
    b = ArgumentMap("T", statements=[Statement("y", "Inflation rose in May.")])
    assert [(d.change, d.id) for d in argmap.diff(a, b).differences] == [
        ("added", "y"),
        ("removed", "x"),
    ]


def test_the_shipped_map_against_its_edited_copy() -> None:
    result = argmap.diff(argmap.load(LIFELINE), argmap.load(EDITED))
    assert [(d.change, d.what, d.id) for d in result.differences] == [
        ("changed", "attribution", "un-seat"),
        ("changed", "statement", "valuable"),
        ("changed", "statement", "russian-offer"),
        ("changed", "statement", "russian-offer"),
        ("removed", "statement", "moscow-measures"),
        ("removed", "argument", "ending-sanctions"),
    ]


def test_cli_reports_and_exits_like_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, err = run("diff", str(LIFELINE), str(EDITED))
    assert (status, err) == (1, "")
    assert out.splitlines()[:3] == [
        "~ attribution un-seat: by changed",
        "  -  article",
        "  +  analysts",
    ]
    assert out.endswith(
        "6 differences: 1 attribution changed, 3 statements changed, 1 statement removed, "
        "1 argument removed\n"
    )
    assert run("diff", str(LIFELINE), str(LIFELINE)) == (0, "no differences\n", "")
    status, out, _ = run("diff", str(LIFELINE), str(EDITED), "--format", "json")
    data = json.loads(out)
    assert data["matches"] == [
        {
            "kind": "statement",
            "old": "lifeline",
            "new": "russian-offer",
            "by": "text",
            "score": 0.83,
        }
    ]
    assert len(data["differences"]) == 6
    work_in(tmp_path, monkeypatch, {"valid.yaml": VALID, "invalid.yaml": INVALID})
    status, out, err = run("diff", "valid.yaml", "invalid.yaml")
    assert (status, out) == (2, "")
    assert "invalid.yaml:6:19: error: unknown-statement:" in err
    assert run("diff", "valid.yaml", "missing.yaml") == (
        2,
        "",
        "argmap diff: error: missing.yaml: no such file\n",
    )
    assert run("diff", "valid.yaml", "valid.yaml", "-f", "svg")[0] == 2
    assert run("diff", "valid.yaml", "valid.yaml", "--lang", "fr")[0] == 2


@pytest.mark.needs_dot
def test_the_drawing_marks_what_was_added_changed_and_removed_with_a_legend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = pair()
    merged, view = diff_view(old, new)
    assert "gone" in merged.statements and "gone" not in new.statements
    classes = {node.id: node.classes for node in view.nodes}
    assert "argmap-added" in classes["statement-fresh"]
    assert "argmap-removed" in classes["statement-gone"]
    assert "argmap-changed" in classes["statement-premise-1"]
    assert "argmap-changed" in classes["argument-a"]
    assert view.node("statement-gone").marks[0] == "- removed"
    work_in(tmp_path, monkeypatch, {})
    assert run("diff", str(LIFELINE), str(EDITED), "-o", "changes.svg") == (
        1,
        "wrote changes.svg\n",
        "",
    )
    root = ET.parse(tmp_path / "changes.svg").getroot()
    groups = {g.get("id"): g.get("class", "") for g in root.iter(f"{SVG}g")}
    assert "argmap-removed" in groups["statement-moscow-measures"]
    assert "argmap-removed" in groups["argument-ending-sanctions"]
    assert "argmap-changed" in groups["statement-russian-offer"]
    assert {"legend-changed", "legend-removed"} <= set(groups)
    assert "legend-added" not in groups  # the legend explains only what is drawn
    status, _, err = run("diff", str(LIFELINE), str(EDITED), "-o", "changes.html")
    assert (status, err) == (1, "")
    page = (tmp_path / "changes.html").read_text("utf-8")
    svg = ET.fromstring(page[page.index("<svg") : page.index("</svg>") + len("</svg>")])
    drawn = {g.get("id"): g.get("class", "") for g in svg.iter(f"{SVG}g")}
    assert drawn["statement-moscow-measures"] == "node argmap-statement argmap-removed"


def test_an_attack_moved_from_a_statement_to_an_argument_is_a_changed_relation() -> None:
    old = ArgumentMap(
        "R",
        statements=[Statement(s, f"{s.upper()} is said.") for s in "tpq"],
        arguments=[
            Argument("a", ["p"], "support", "t"),
            Argument("b", ["q"], "attack", "t"),
        ],
    )
    new = ArgumentMap(
        "R",
        statements=list(old.statements.values()),
        arguments=[
            Argument("a", ["p"], "support", "t"),
            Argument("b", ["q"], "attack", "a"),
        ],
    )
    assert [
        (d.what, d.change, d.id, d.before, d.after) for d in argmap.diff(old, new).differences
    ] == [("relation", "changed", "b", "attack t", "attack a")]


def test_issues_status_and_weighing_are_compared() -> None:
    statements = [Statement(s, f"{s.upper()} is said.") for s in "tpqr"]
    old = ArgumentMap(
        "W",
        statements=[*statements[:3], attrs.evolve(statements[3], status="assumed")],
        arguments=[Argument("a", ["p"], "support", "t", weight=0.5)],
        issues=[
            Dispute("i", ["t", "q"], question="Does T hold?"),
            Dispute("gone", ["p", "q"]),
        ],
    )
    new = ArgumentMap(
        "W",
        statements=statements,
        arguments=[Argument("a", ["p"], "support", "t", weight=0.8, weighing="convergent")],
        issues=[
            Dispute("i", ["t", "r"], question="Does T hold?", standard="brd"),
            Dispute("fresh", ["p", "r"], question="P or R?"),
        ],
    )
    result = argmap.diff(old, new)
    assert [(d.what, d.change, d.id, d.detail, d.before, d.after) for d in result.differences] == [
        ("statement", "changed", "r", "status changed", "assumed", None),
        ("argument", "changed", "a", "weight changed", "0.5", "0.8"),
        ("argument", "changed", "a", "weighing changed", "linked", "convergent"),
        ("issue", "added", "fresh", "issue added", None, "P or R?"),
        ("issue", "changed", "i", "positions changed", "t, q", "t, r"),
        ("issue", "changed", "i", "standard changed", None, "brd"),
        ("issue", "removed", "gone", "issue removed", "gone", None),
    ]
    _, view = diff_view(old, new)
    marked = {node.id: node.classes for node in view.nodes if node.id.startswith("issue-")}
    assert "argmap-added" in marked["issue-fresh"]
    assert "argmap-changed" in marked["issue-i"]
