"""Drawing what the text says and what the map adds: implicit parts, questions,
hypotheses, hedges and relays in the view, DOT, SVG, the legend, Mermaid and
the viewer's data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from sample_maps import GROUNDED

import argmap
from argmap import to_mermaid as mermaid
from argmap._html import page_data
from argmap._render import to_dot, to_svg
from argmap.model import ArgumentMap
from argmap.view import Wording, build_view, byline, wording

SVG = "{http://www.w3.org/2000/svg}"


PLAIN = """\
argmap: 1
title: Plain
statements:
  a: {text: A holds.}
  b: {text: B holds., by: someone}
arguments:
  r: {premises: [b], supports: a}
agents:
  someone: {name: Someone}
"""


@pytest.fixture(scope="module")
def grounded() -> ArgumentMap:
    return argmap.loads(GROUNDED)


def node_lines(dot: str) -> dict[str, str]:
    """Each node's DOT line by node name."""
    return {m[1]: m[2] for m in re.finditer(r'^\t+"([^"]+)" \[(.*)\]$', dot, re.MULTILINE)}


def style_of(line: str) -> str:
    found = re.search(r'style="([^"]*)"', line)
    return found[1] if found else ""


# -- the view: classes, marks, hedge and relay as data ------------------------------


def test_classes_mark_exactly_the_implicit_questions_and_hypotheses(
    grounded: ArgumentMap,
) -> None:
    view = build_view(grounded)
    with_class = {
        cls: {n.id for n in view.nodes if cls in n.classes}
        for cls in ("argmap-implicit", "argmap-question", "argmap-hypothetical")
    }
    assert with_class == {
        "argmap-implicit": {"statement-link", "argument-ends"},
        "argmap-question": {"statement-lasting"},
        "argmap-hypothetical": {"statement-ceasefire"},
    }
    assert view.node("statement-link").classes == ("argmap-statement", "argmap-implicit")
    assert view.node("argument-ends").classes == (
        "argmap-argument",
        "argmap-attack",
        "argmap-rebuttal",
        "argmap-implicit",
    )


def test_marks_hedge_and_relay_in_the_language_drawn(grounded: ArgumentMap) -> None:
    english, german = build_view(grounded), build_view(grounded, lang="de")
    marks = {n.id: n.marks for n in english.nodes if n.marks}
    assert marks == {
        "statement-link": ("implicit",),
        "statement-lasting": ("? question",),
        "statement-ceasefire": ("if …",),
        "argument-ends": ("implicit",),
    }
    assert {n.id: n.marks for n in german.nodes if n.marks} == {
        "statement-link": ("implizit",),
        "statement-lasting": ("? Frage",),
        "statement-ceasefire": ("wenn …",),
        "argument-ends": ("implizit",),
    }
    deal, deal_de = english.node("statement-deal"), german.node("statement-deal")
    assert (deal.hedge, deal.via, deal.speakers) == (
        "presumably",
        "The publication",
        ("Washington and Seoul",),
    )
    assert (deal_de.hedge, deal_de.via) == ("vermutlich", "Die Veröffentlichung")
    assert deal.untranslated is None and deal_de.untranslated is None
    assert english.wording == Wording() and german.wording == wording("de")


def test_the_wording_follows_the_primary_language_and_falls_back_to_english() -> None:
    assert wording("de-CH") == wording("de")
    assert wording("de").implicit == "implizit"
    assert wording("fr") == wording(None) == Wording()


def test_a_hedge_without_a_translation_is_shown_as_authored_and_marked() -> None:
    m = argmap.loads(
        "argmap: 1\ntitle: T\nlang: [en, de]\nstatements:\n"
        "  s: {text: {en: It rains., de: Es regnet.}, hedge: probably}\n"
    )
    node = build_view(m, lang="de").node("statement-s")
    assert (node.hedge, node.untranslated) == ("probably", "en")
    assert "argmap-untranslated" in node.classes


def test_the_byline_names_the_relay_after_the_speakers() -> None:
    assert byline(("A", "B")) == "— A; B"
    assert byline(("A", "B"), "C") == "— A; B, via C"
    assert byline((), "C") == "— via C"
    assert byline((), None) == ""


# -- DOT: dashed outlines, marks, hedge, byline ---------------------------------------


def test_implicit_nodes_are_dashed_and_only_they(grounded: ArgumentMap) -> None:
    nodes = node_lines(to_dot(grounded))
    dashed = {name for name, line in nodes.items() if "dashed" in style_of(line)}
    assert dashed == {"statement-link", "argument-ends"}
    assert style_of(nodes["statement-link"]) == "rounded,filled,dashed"


def test_the_labels_carry_the_marks_the_hedge_and_the_relay(grounded: ArgumentMap) -> None:
    nodes = node_lines(to_dot(grounded))
    mark = '<FONT POINT-SIZE="10" COLOR="#455a64"><I>{}</I></FONT>'
    assert mark.format("implicit") in nodes["statement-link"]
    assert mark.format("? question") in nodes["statement-lasting"]
    assert mark.format("if …") in nodes["statement-ceasefire"]
    assert mark.format("implicit") in nodes["argument-ends"]
    deal = nodes["statement-deal"]
    assert "<I>(presumably)</I>" in deal
    assert "<I>— Washington and Seoul, via The publication</I>" in deal
    # The mark comes first, above the text.
    assert nodes["statement-link"].index("implicit") < nodes["statement-link"].index("Debris")
    # An argument's speakers and relay are in its tooltip.
    assert nodes["argument-from-debris"].endswith(
        '\\n— Washington and Seoul, via The publication" width=0.3'
    )


BYLINES = """\
argmap: 1
title: Bylines
agents:
  analysts: Analysts cited in the article
  long: Daniel Pinkston, East Asia expert at Troy University in Seoul
statements:
  broken:
    text: Dictators can break their commitments at any time.
    by: analysts
  unreliable:
    text: Dictators are not reliable partners.
    by: analysts
  tired:
    text: The Chinese are tired of it.
    by: long
arguments:
  a:
    premises: [broken, tired]
    supports: unreliable
"""


def test_a_byline_wraps_at_the_wrap_width_of_the_text_in_its_smaller_font() -> None:
    """A byline wraps at the text's wrap width in its own smaller font (10 points to 12):
    the same byline stays whole under a narrow text and a wide one, and a long one wraps
    the same way in every box, never wider than a full line of text."""
    nodes = node_lines(to_dot(argmap.loads(BYLINES), width=30))
    assert "Dictators can break their<BR/>commitments at any time." in nodes["statement-broken"]
    for statement in ("broken", "unreliable"):
        assert "<I>— Analysts cited in the article</I>" in nodes[f"statement-{statement}"]
    assert (
        "<I>— Daniel Pinkston, East Asia expert<BR/>at Troy University in Seoul</I>"
        in nodes["statement-tired"]
    )


def test_german_marks_and_byline(grounded: ArgumentMap) -> None:
    dot = to_dot(grounded, lang="de")
    for text in (
        ">implizit<",
        ">? Frage<",
        ">wenn …<",
        "<I>(vermutlich)</I>",
        "— Washington und Seoul, via Die Veröffentlichung",
    ):
        assert text in dot


def test_an_implicit_node_keeps_its_dashes_under_an_evaluation(grounded: ArgumentMap) -> None:
    nodes = node_lines(to_dot(grounded, evaluation=argmap.evaluate(grounded)))
    labels = argmap.evaluate(grounded)
    assert labels.statements["link"] == "in"
    assert style_of(nodes["statement-link"]) == "rounded,filled,dashed"
    # A stated node that is in looks as without an evaluation: solid.
    assert labels.statements["debris"] == "in"
    assert "dashed" not in style_of(nodes["statement-debris"])


def test_a_map_without_the_keys_draws_as_before() -> None:
    dot = to_dot(argmap.loads(PLAIN), legend=True)
    for absent in (
        "argmap-implicit",
        "argmap-question",
        "argmap-hypothetical",
        "dashed,",
        "455a64",
    ):
        assert absent not in dot.replace('style="rounded,dashed"', "")
    assert "— Someone</I>" in dot


# -- the legend: each mark the diagram shows, and only those ----------------------------


def legend_samples(dot: str) -> list[str]:
    return sorted(
        name
        for name in node_lines(dot)
        if name
        in {
            "legend-implicit",
            "legend-implicit-argument",
            "legend-question",
            "legend-hypothetical",
            "legend-hedge",
        }
    )


def test_the_legend_explains_every_mark_drawn(grounded: ArgumentMap) -> None:
    dot = to_dot(grounded, legend=True)
    assert legend_samples(dot) == [
        "legend-hedge",
        "legend-hypothetical",
        "legend-implicit",
        "legend-implicit-argument",
        "legend-question",
    ]
    nodes = node_lines(dot)
    assert "implicit: the map adds it,<BR/>the text does not say it" in nodes["legend-implicit"]
    assert style_of(nodes["legend-implicit"]) == "rounded,filled,dashed"
    assert "question: asked, not claimed" in nodes["legend-question"]
    assert "<I>(presumably)</I>" in nodes["legend-hedge"]
    # Samples show the marks as the diagram draws them, in its language.
    german = node_lines(to_dot(grounded, legend=True, lang="de"))
    assert ">? Frage<" in german["legend-question"]
    assert "<I>(vermutlich)</I>" in german["legend-hedge"]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("q", ["legend-question"]),
        ("h", ["legend-hypothetical"]),
        ("i", ["legend-implicit"]),
        ("ia", ["legend-implicit-argument"]),
    ],
)
def test_the_legend_leaves_out_the_marks_not_drawn(tags: str, expected: list[str]) -> None:
    m = argmap.loads(
        """\
argmap: 1
title: Each alone
statements:
  t: {text: Target., tags: [q, h, i, ia]}
  q: {text: Asked?, mode: question, tags: [q]}
  h: {text: Supposed., mode: hypothetical, tags: [h]}
  i: {text: Added., implicit: true, tags: [i]}
  p: {text: Premise., tags: [ia]}
arguments:
  ia: {premises: [p], supports: t, implicit: true, tags: [ia]}
"""
    )
    assert legend_samples(to_dot(m, legend=True, tags=tags)) == expected
    assert legend_samples(to_dot(m, tags=tags)) == []  # no legend asked for
    assert legend_samples(to_dot(argmap.loads(PLAIN), legend=True)) == []


# -- SVG: the classes reach the elements ------------------------------------------------


@pytest.mark.needs_dot
def test_svg_nodes_carry_the_classes_and_the_marks(grounded: ArgumentMap) -> None:
    root = ET.fromstring(to_svg(grounded))
    groups = {g.get("id", ""): g for g in root.iter(f"{SVG}g") if g.get("class")}

    def classed(cls: str) -> set[str]:
        return {i for i, g in groups.items() if cls in (g.get("class") or "").split()}

    assert classed("argmap-implicit") == {"statement-link", "argument-ends"}
    assert classed("argmap-question") == {"statement-lasting"}
    assert classed("argmap-hypothetical") == {"statement-ceasefire"}

    def text(node: str) -> str:
        return " ".join(t.text or "" for t in groups[node].iter(f"{SVG}text"))

    assert text("statement-link").startswith("implicit Debris means supply.")
    assert text("statement-lasting").startswith("? question Will the partnership last?")
    assert "(presumably)" in text("statement-deal")
    assert "via The" in text("statement-deal")
    outline = next(groups["statement-link"].iter(f"{SVG}path"))
    assert outline.get("stroke-dasharray") == "5,2"


# -- Mermaid -----------------------------------------------------------------------------


def test_mermaid_dashes_implicit_nodes_and_writes_the_marks(grounded: ArgumentMap) -> None:
    text = mermaid(grounded)
    lines = text.splitlines()
    assert "  classDef implicit stroke-dasharray:5 3" in lines
    assert "  class s_link,a_ends implicit" in lines
    assert '  s_link("<i>implicit</i><br>Debris means supply.")' in lines
    assert '  s_lasting("<i>? question</i><br>Will the partnership last?<br>' in text
    assert '  s_ceasefire("<i>if …</i><br>' in text
    assert '  a_ends(["<i>implicit</i><br>ends"])' in lines
    assert "<i>(presumably)</i><br><i>— Washington and Seoul, via The<br>publication</i>" in text
    german = mermaid(grounded, lang="de")
    assert '  s_link("<i>implizit</i><br>Trümmer heißen Lieferung.")' in german
    assert "<i>(vermutlich)</i>" in german
    assert "classDef implicit" not in mermaid(argmap.loads(PLAIN))


# -- the viewer's data -------------------------------------------------------------------


def test_page_data_says_what_is_implicit_its_mode_hedge_and_relay(grounded: ArgumentMap) -> None:
    data: dict[str, Any] = page_data(grounded, build_view(grounded))
    statements, arguments = data["statements"], data["arguments"]
    assert statements["link"]["implicit"] is True
    assert "implicit" not in statements["deal"]  # stated: the default, left out
    assert statements["lasting"]["mode"] == "question"
    assert statements["ceasefire"]["mode"] == "hypothetical"
    assert "mode" not in statements["deal"]
    assert statements["deal"]["hedge"] == [["en", "presumably"], ["de", "vermutlich"]]
    assert statements["deal"]["via"] == "publication"
    assert "publication" in data["agents"]
    assert arguments["ends"]["implicit"] is True
    assert arguments["from-debris"]["quotes"] == [
        {"source": "article", "text": "werden in der Ukraine Raketentrümmer gefunden"}
    ]
