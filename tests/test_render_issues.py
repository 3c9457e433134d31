"""Drawing issues: the question node, its dotted links to its positions, the statement that
asks it drawn once, the proof standard in both languages, selections, the legend, SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap._render import to_dot, to_svg
from argmap.model import ArgumentMap, Dispute, Statement
from argmap.view import build_view, wording

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def partnership() -> ArgumentMap:
    return argmap.load(ROOT / "docs" / "examples" / "partnership.yaml")


def positions_of(view: argmap.view.MapView) -> list[tuple[str, str]]:
    return [(e.source, e.target) for e in view.edges if e.kind == "position"]


def node_lines(dot: str) -> dict[str, str]:
    """Each node's DOT line by node name."""
    return {m[1]: m[2] for m in re.finditer(r'^\t+"([^"]+)" \[(.*)\]$', dot, re.MULTILINE)}


# -- the view -------------------------------------------------------------------------


def test_an_issue_is_a_node_of_its_question_joined_to_each_position(
    partnership: ArgumentMap,
) -> None:
    view = build_view(partnership)
    node = view.node("issue-partnership")
    assert (node.kind, node.ref, node.issue, node.classes) == (
        "issue",
        "partnership",
        "partnership",
        ("argmap-issue",),
    )
    assert (node.marks, node.lines, node.standard) == (
        ("? issue",),
        ("Is the partnership solid?",),
        "standard: clear and convincing",
    )
    assert view.nodes[-1] is node  # issues come last
    assert positions_of(view) == [
        ("statement-solid", "issue-partnership"),
        ("statement-fragile", "issue-partnership"),
        ("statement-more-shells", "statement-ask-shells"),
        ("statement-fewer-shells", "statement-ask-shells"),
    ]
    assert {e.classes for e in view.edges if e.kind == "position"} == {("argmap-position",)}


def test_the_statement_that_asks_an_issue_is_its_node_and_is_not_drawn_twice(
    partnership: ArgumentMap,
) -> None:
    view = build_view(partnership)
    assert "issue-shells" not in [n.id for n in view.nodes]
    asker = view.node("statement-ask-shells")
    assert (asker.kind, asker.issue, asker.mode) == ("statement", "shells", "question")
    assert asker.classes == ("argmap-statement", "argmap-question", "argmap-issue")
    assert asker.marks == ("? issue",)  # the issue's mark, in place of the question's
    assert asker.standard is None  # pe, the default, is not written
    assert [n.issue for n in view.nodes if n.issue] == ["shells", "partnership"]


def test_issue_words_are_german_in_a_german_diagram(partnership: ArgumentMap) -> None:
    view = build_view(partnership, lang="de")
    node = view.node("issue-partnership")
    assert (node.marks, node.lines, node.standard, node.untranslated) == (
        ("? Streitfrage",),
        ("Ist die Partnerschaft solide?",),
        "Beweismaß: klar und überzeugend",
        None,
    )
    assert view.node("statement-ask-shells").marks == ("? Streitfrage",)
    words = wording("de")
    assert [words.proof_standard(s) for s in ("pe", "cce", "brd")] == [
        "Beweismaß: überwiegende Wahrscheinlichkeit",
        "Beweismaß: klar und überzeugend",
        "Beweismaß: ohne vernünftigen Zweifel",
    ]
    assert wording("en").proof_standard("brd") == "standard: beyond reasonable doubt"


def test_an_issue_without_question_shows_its_asker_s_text_or_its_id_and_marks_fallbacks() -> None:
    m = ArgumentMap(
        "T",
        statements=[
            Statement("yes", "Yes."),
            Statement("no", "No."),
            Statement("maybe", "Maybe."),
            Statement("perhaps", "Perhaps."),
            Statement("ask", "Will it?", mode="question"),
        ],
        issues=[
            Dispute("bare", ["yes", "no"], standard="brd"),
            Dispute("asked", ["maybe", "perhaps"], statement="ask"),
        ],
        lang="en",
        other_langs=["de"],
    )
    view = build_view(m, focus="maybe", depth=0)  # the asker is not drawn: a node of its own
    assert view.node("issue-asked").lines == ("Will it?",)
    whole = build_view(m, lang="de")
    bare = whole.node("issue-bare")
    assert (bare.lines, bare.standard) == (("bare",), "Beweismaß: ohne vernünftigen Zweifel")
    english = ArgumentMap(
        "T",
        statements=[Statement("yes", "Yes."), Statement("no", "No.")],
        issues=[Dispute("q", ["yes", "no"], question="Yes or no?")],
        lang="en",
        other_langs=["de"],
    )
    fallback = build_view(english, lang="de").node("issue-q")
    assert (fallback.untranslated, fallback.classes) == (
        "en",
        ("argmap-issue", "argmap-untranslated"),
    )


def test_an_issue_is_drawn_when_one_of_its_positions_is(partnership: ArgumentMap) -> None:
    """Selections keep an issue while a position of it is drawn, joined to those drawn only."""
    focused = build_view(partnership, focus="solid", depth=1)
    assert positions_of(focused) == [("statement-solid", "issue-partnership")]
    assert "statement-ask-shells" not in [n.id for n in focused.nodes]
    shells = build_view(partnership, focus="more-shells", depth=0)
    # The asker is not drawn here, so the issue has a node of its own, with the asker's text.
    assert positions_of(shells) == [("statement-more-shells", "issue-shells")]
    assert shells.node("issue-shells").lines == ("Will the shells keep coming?",)
    premise = build_view(partnership, focus="past", depth=0)
    assert [n.id for n in premise.nodes] == ["statement-past"]  # no position: no issue
    assert positions_of(premise) == []


def test_without_premises_and_with_folds_issues_join_the_positions_still_drawn(
    partnership: ArgumentMap,
) -> None:
    view = build_view(partnership, premises=False)
    assert positions_of(view) == positions_of(build_view(partnership))
    folded = build_view(partnership, collapse=["solid"])
    assert ("statement-solid", "issue-partnership") in positions_of(folded)


def test_evaluated_positions_keep_their_labels_and_issue_links_carry_none(
    partnership: ArgumentMap,
) -> None:
    evaluation = argmap.evaluate(partnership, "carneades")
    view = build_view(partnership, evaluation=evaluation)
    for sid in ("solid", "fragile", "more-shells", "fewer-shells", "ask-shells"):
        node = view.node(f"statement-{sid}")
        assert node.label == evaluation.statements[sid]
        assert node.classes[-1] == f"argmap-{node.label}"
    assert view.node("issue-partnership").label is None
    assert {e.label for e in view.edges if e.kind == "position"} == {None}


def test_a_map_without_issues_draws_none() -> None:
    view = build_view(argmap.load(ROOT / "maps" / "overview.yaml"))
    assert not [n for n in view.nodes if n.issue or n.kind == "issue"]
    assert not positions_of(view)


# -- DOT and SVG -----------------------------------------------------------------------


def test_dot_draws_the_issue_in_purple_and_its_positions_dotted_without_heads(
    partnership: ArgumentMap,
) -> None:
    dot = to_dot(partnership)
    lines = node_lines(dot)
    issue = lines["issue-partnership"]
    assert 'class="argmap-issue"' in issue
    assert 'fillcolor="#ede7f6"' in issue and 'color="#4527a0"' in issue
    assert "<I>? issue</I>" in issue
    assert "<I>standard: clear and convincing</I>" in issue
    assert 'class="argmap-statement argmap-question argmap-issue"' in lines["statement-ask-shells"]
    assert 'fillcolor="#ede7f6"' in lines["statement-ask-shells"]
    assert (
        '\t"statement-solid" -> "issue-partnership" [arrowhead=none color="#4527a0" '
        'penwidth=1.2 style=dotted class="argmap-position"]\n'
    ) in dot
    assert dot.count('class="argmap-position"') == 4


def test_the_legend_explains_issues_only_when_the_diagram_has_one(
    partnership: ArgumentMap,
) -> None:
    dot = to_dot(partnership, legend=True)
    assert '"legend-issue"' in dot
    assert "Issue: a question," in dot
    assert re.search(r'"legend-thesis" -> "legend-issue" \[label=<position>', dot)
    german = to_dot(partnership, legend=True, lang="de")
    assert "<I>? Streitfrage</I>" in node_lines(german)["legend-issue"]
    # The question's own sample is left out: the issue's mark is what the asker shows.
    assert '"legend-question"' not in dot
    elsewhere = to_dot(partnership, legend=True, focus="past", depth=0)
    assert '"legend-issue"' not in elsewhere
    overview = to_dot(argmap.load(ROOT / "maps" / "overview.yaml"), legend=True)
    assert "legend-issue" not in overview


@pytest.mark.needs_dot
def test_the_svg_shows_the_question_marked_with_its_standard(partnership: ArgumentMap) -> None:
    for lang, mark, text, standard in (
        ("en", "? issue", "Is the partnership solid?", "standard: clear and convincing"),
        ("de", "? Streitfrage", "Ist die Partnerschaft solide?", "Beweismaß: klar und überzeugend"),
    ):
        root = ET.fromstring(to_svg(partnership, lang=lang))
        groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
        issue = groups["issue-partnership"]
        assert "argmap-issue" in (issue.get("class") or "").split()
        texts = ["".join(t.itertext()) for t in issue.iter(f"{SVG}text")]
        assert texts == [mark, text, standard]
        edges = [g for g in groups.values() if "argmap-position" in (g.get("class") or "")]
        assert len(edges) == 4
        for edge in edges:
            path = edge.find(f"{SVG}path")
            assert path is not None and path.get("stroke-dasharray") == "1,5"  # dotted
            assert edge.find(f"{SVG}polygon") is None  # no arrowhead


def test_without_premises_a_position_used_only_as_a_premise_is_not_joined() -> None:
    m = argmap.loads(
        "argmap: 1\ntitle: T\n"
        "statements: {c: C., yes: Yes., no: No.}\n"
        "arguments:\n  r: {premises: [yes], supports: c}\n"
        "issues:\n  q: {positions: [yes, no], question: Yes?}\n"
    )
    assert positions_of(build_view(m)) == [
        ("statement-yes", "issue-q"),
        ("statement-no", "issue-q"),
    ]
    assert positions_of(build_view(m, premises=False)) == [("statement-no", "issue-q")]


def test_the_legend_strip_of_a_map_in_rows_stands_the_issue_beside_the_others() -> None:
    """Drawn in rows, the legend is two ranks deep: the issue's sample has no edge there."""
    from argmap._dot import _legend

    legend, ends = _legend("BT", strip=True, issue="? issue")
    source = legend.source
    assert '"legend-issue"' in source
    assert '-> "legend-issue"' not in source
    assert ends == ["legend-thesis", "legend-argument", "legend-issue"]
    framed, framed_ends = _legend("BT", issue="? issue")
    assert '"legend-thesis" -> "legend-issue"' in framed.source
    assert framed_ends == ["legend-issue"]
