"""argmap._render: DOT built with graphviz, SVG/PNG/PDF through `dot`, errors people can act on."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import graphviz
import pytest
from helpers import SVG, parse_dot
from hypothesis import given
from hypothesis import strategies as st
from sample_maps import LIFELINE_NODE_IDS, NASTY, bilingual_map, lifeline_map, nasty_map
from strategies import fuzz

from argmap._dot import LIGHT_LAYOUT_NODES, Graph, _NoHtml, _quote, _quote_edge, run_dot
from argmap._render import mimebundle, render, to_dot, to_svg
from argmap._text import UNSAFE, clean
from argmap.errors import ArgmapError, MapError, OutputError, RenderError
from argmap.model import Argument, ArgumentMap, Citation, Group, Source, Statement

TESTS = Path(__file__).resolve().parent
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"

MISSING_DOT = (
    "rendering {} needs Graphviz's `dot` on PATH; install it with `apt-get install graphviz` "
    "(Debian/Ubuntu), `brew install graphviz` (macOS) or from https://graphviz.org/download/; "
    "`argmap render --format dot` works without it"
)


def svg_root(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def svg_groups(root: ET.Element) -> dict[str, ET.Element]:
    """The ``<g>`` elements with a ``class`` (graph, nodes, edges, clusters), by ``id``."""
    return {g.attrib["id"]: g for g in root.iter(f"{SVG}g") if "class" in g.attrib}


def texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def tooltip(element: ET.Element) -> str | None:
    link = element.find(f".//{SVG}a")
    return None if link is None else link.get(XLINK_TITLE)


@pytest.fixture
def no_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PATH holds only an empty folder, so `dot` cannot be found."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.fixture
def failing_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `dot` on PATH that reads its input, complains and exits 1."""
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    script = folder / "dot"
    script.write_text(
        "#!/bin/sh\nwhile read -r _; do :; done\necho 'Error: out of ink' >&2\nexit 1\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")


# -- DOT: no Graphviz needed ---------------------------------------------------


def test_dot_declares_each_node_with_element_id_and_classes() -> None:
    dot = parse_dot(to_dot(lifeline_map()))
    assert list(dot.nodes) == LIFELINE_NODE_IDS
    for name, attributes in dot.nodes.items():
        assert attributes["id"] == name
    assert dot.nodes["statement-less-incentive"]["class"] == "argmap-statement argmap-thesis"
    assert dot.nodes["argument-no-lifeline"]["class"] == (
        "argmap-argument argmap-attack argmap-undermining"
    )


def test_dot_draws_conclusions_above_premises_by_default() -> None:
    assert parse_dot(to_dot(lifeline_map())).graph["rankdir"] == "BT"
    assert parse_dot(to_dot(lifeline_map(), rankdir="LR")).graph["rankdir"] == "LR"


def test_dot_graph_label_is_the_map_title_at_the_top() -> None:
    source = to_dot(lifeline_map())
    dot = parse_dot(source)
    assert dot.graph["label"] == "<<B>A Russian lifeline for Pyongyang</B>>"
    assert dot.graph["labelloc"] == "t"
    assert source.startswith('digraph "A Russian lifeline for Pyongyang" {')


def test_dot_uses_one_sans_serif_font_for_graph_nodes_and_edges() -> None:
    dot = parse_dot(to_dot(lifeline_map()))
    fonts = {dot.graph["fontname"], dot.node_defaults["fontname"], dot.edge_defaults["fontname"]}
    assert fonts == {"Helvetica,Arial,sans-serif"}


def test_dot_statements_are_rounded_boxes_with_left_aligned_html_labels() -> None:
    node = parse_dot(to_dot(lifeline_map())).node("statement-less-incentive")
    assert node["shape"] == "box"
    assert "rounded" in node["style"].split(",")
    label = node["label"]
    assert label.startswith("<<TABLE") and label.endswith("</TABLE>>")
    assert "<B>Less incentive</B>" in label
    assert "Kim has less incentive to improve<BR/>relations with Washington." in label
    assert 'ALIGN="LEFT"' in label
    assert '<FONT POINT-SIZE="10" COLOR="#757575"><I>— Analysts cited in the article</I>' in label


def test_dot_main_thesis_has_a_thicker_border_and_a_soft_fill() -> None:
    dot = parse_dot(to_dot(lifeline_map()))
    thesis, plain = dot.node("statement-less-incentive"), dot.node("statement-lifeline")
    assert float(thesis["penwidth"]) > float(plain["penwidth"])
    assert thesis["fillcolor"] != plain["fillcolor"] == "white"


def test_dot_argument_nodes_are_small_and_coloured_by_relation() -> None:
    dot = parse_dot(to_dot(lifeline_map()))
    support = dot.node("argument-russian-lifeline")
    attack = dot.node("argument-no-lifeline")
    undercut = dot.node("argument-deal-undercut")
    statement = dot.node("statement-lifeline")
    assert float(support["fontsize"]) < float(statement["fontsize"])
    assert "A Russian lifeline lowers Kim&#x27;s<BR/>incentive" in support["label"]
    assert support["color"] == "#2e7d32"
    assert attack["color"] == undercut["color"] == "#c62828"
    assert "dashed" in undercut["style"]


def test_dot_premise_edges_are_thin_grey_into_the_argument_node() -> None:
    dot = parse_dot(to_dot(lifeline_map()))
    for premise in ("statement-sanctions-motive", "statement-lifeline"):
        edge = dot.edge(premise, "argument-russian-lifeline")
        assert edge["color"] == "#9e9e9e"
        assert edge["class"] == "argmap-premise"
        assert float(edge["penwidth"]) < float(dot.edge_defaults["penwidth"])


def test_dot_relation_edges_are_green_red_and_dashed_red() -> None:
    dot = parse_dot(to_dot(lifeline_map()))
    support = dot.edge("argument-russian-lifeline", "statement-less-incentive")
    attack = dot.edge("argument-no-lifeline", "statement-lifeline")
    undercut = dot.edge("argument-deal-undercut", "argument-russian-lifeline")
    assert (support["color"], support["class"]) == ("#2e7d32", "argmap-support")
    assert (attack["color"], attack["class"]) == ("#c62828", "argmap-attack argmap-undermining")
    assert (undercut["color"], undercut["style"]) == ("#c62828", "dashed")
    assert undercut["class"] == "argmap-undercut"


def test_dot_relation_edges_differ_without_colour() -> None:
    """Greyscale print: arrowhead and line style alone tell support, attack and undercut apart."""
    dot = parse_dot(to_dot(lifeline_map()))
    shapes = {
        (e.get("arrowhead"), e.get("style", "solid"))
        for e in (
            dot.edge("argument-russian-lifeline", "statement-less-incentive"),
            dot.edge("argument-no-lifeline", "statement-lifeline"),
            dot.edge("argument-deal-undercut", "argument-russian-lifeline"),
        )
    }
    assert shapes == {("normal", "solid"), ("tee", "solid"), ("tee", "dashed")}


def test_dot_tooltip_holds_the_quote_or_the_text() -> None:
    dot = parse_dot(to_dot(lifeline_map()))
    assert dot.nodes["statement-sanctions-motive"]["tooltip"] == (
        "„Historisch gesehen war einer der Hauptgründe“ (Putin in Nordkorea)"
    )
    assert dot.nodes["statement-debris"]["tooltip"] == (
        "North Korean missile debris was found in Ukraine."
    )


def test_a_tooltip_that_reads_as_another_node_s_label_stays_text() -> None:
    """Quoting is remembered by value and by kind: the tooltip is a string, not HTML."""
    label = parse_dot(to_dot(ArgumentMap("T", [Statement("a", "A")]))).nodes["statement-a"]["label"]
    m = ArgumentMap("T", [Statement("a", "A"), Statement("b", label)])
    dot = to_dot(m)
    assert parse_dot(dot).nodes["statement-b"]["tooltip"] == label.replace('"', '\\"')
    assert f"tooltip={label}" not in dot  # an HTML-like label, which Graphviz draws as a table


def test_dot_legend_is_drawn_only_when_asked() -> None:
    assert parse_dot(to_dot(lifeline_map())).subgraphs == []
    dot = parse_dot(to_dot(lifeline_map(), legend=True))
    assert dot.subgraphs == ["cluster_legend"]
    legend_nodes = [n for n in dot.nodes if n.startswith("legend-")]
    assert legend_nodes == [
        "legend-statement",
        "legend-thesis",
        "legend-support",
        "legend-attack",
        "legend-undercut",
    ]
    kinds = {dot.edges[key]["label"] for key in dot.edges if key[0].startswith("legend-")}
    assert kinds == {"<premise>", "<support>", "<attack>", "<undercut>"}


def test_dot_text_with_dot_and_html_syntax_is_escaped() -> None:
    dot = parse_dot(to_dot(nasty_map()))
    label = dot.nodes["statement-s1"]["label"]
    assert "&lt;b&gt;bold&lt;/b&gt;" in label
    assert "&quot;]; x -&gt; y" in label
    assert "&amp;amp;" in label
    assert "<b>" not in label
    # Every node and edge statement is still on its own line: nothing broke out.
    assert set(dot.nodes) == {"statement-s1", "statement-s2", "argument-a1"}
    assert list(dot.edges) == [
        ("statement-s2", "argument-a1"),
        ("argument-a1", "statement-s1"),
    ]


#: Text on each side of graphviz's choices: ids, keywords, numbers, HTML-like
#: strings, quotes and backslashes (escaped, doubled, last), line breaks.
DOT_TEXT = st.text(st.sampled_from(list('aZ_09.-<>"\\ \n&é')) | st.characters(), max_size=12) | (
    st.sampled_from(
        ["", "node", "Graph", "STRICT", "-1.5", ".5", "1.", "<x>", "<x>\n", "a\\", "a\\\n"]
    )
)


@given(text=DOT_TEXT, nohtml=st.booleans())
@fuzz(1000)
def test_dot_text_is_quoted_as_graphviz_quotes_it(text: str, nohtml: bool) -> None:
    with warnings.catch_warnings(record=True) as ours:
        warnings.simplefilter("always")
        quoted = _quote.__wrapped__(_NoHtml(text) if nohtml else text)
    with warnings.catch_warnings(record=True) as theirs:
        warnings.simplefilter("always")
        expected = graphviz.quoting.quote(graphviz.nohtml(text) if nohtml else text)
    assert quoted == expected
    assert [str(w.message) for w in ours] == [str(w.message) for w in theirs]


@given(ends=st.lists(DOT_TEXT, min_size=1, max_size=3))
@fuzz(300)
def test_an_edge_end_is_quoted_as_graphviz_quotes_it(ends: list[str]) -> None:
    end = ":".join(ends)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # of a final backslash: the test above compares them
        assert _quote_edge.__wrapped__(end) == graphviz.quoting.quote_edge(end)


#: Attributes as argmap's DOT has them: names, plain and HTML-like values, none.
ATTRS = st.dictionaries(
    st.sampled_from(["id", "class", "label", "shape", "style", "rank", "labelloc", "width"]),
    st.none() | st.sampled_from(["box", "rounded,dashed", "<<B>x</B>>", 'a "b"', "same", "0.5"]),
    max_size=4,
)


@st.composite
def graph_calls(draw: st.DrawFn, depth: int = 0) -> list[tuple[Any, ...]]:
    """Calls of a DOT graph: attributes, nodes, edges, and subgraphs of their own calls."""
    call = st.one_of(
        st.tuples(st.just("attr"), st.sampled_from([None, "graph", "node", "edge"]), ATTRS),
        st.tuples(st.just("node"), DOT_TEXT, st.none() | DOT_TEXT, st.none() | ATTRS, ATTRS),
        st.tuples(
            st.just("edge"), DOT_TEXT, DOT_TEXT, st.none() | DOT_TEXT, st.none() | ATTRS, ATTRS
        ),
    )
    calls: list[tuple[Any, ...]] = draw(st.lists(call, max_size=6))
    if depth < 2:
        for _ in range(draw(st.integers(0, 2))):
            name = draw(st.none() | st.sampled_from(["cluster_a", "legend", "row 1"]))
            defaults = (draw(ATTRS), draw(ATTRS), draw(ATTRS))
            calls.append(("subgraph", name, defaults, draw(graph_calls(depth + 1))))
    return calls


def _replay(graph: Any, make: Any, calls: list[tuple[Any, ...]]) -> Any:
    for kind, *args in calls:
        if kind == "attr":
            graph.attr(args[0], **{k: v for k, v in args[1].items()})
        elif kind == "node":
            name, label, attributes, attrs = args
            graph.node(name, label, attributes, **{k: v for k, v in attrs.items() if k != "label"})
        elif kind == "edge":
            tail, head, label, attributes, attrs = args
            attrs = {k: v for k, v in attrs.items() if k != "label"}
            graph.edge(tail, head, label, attributes, **attrs)
        else:
            name, (graph_attr, node_attr, edge_attr), inner = args
            sub = make(name=name, graph_attr=graph_attr, node_attr=node_attr, edge_attr=edge_attr)
            graph.subgraph(_replay(sub, make, inner))
    return graph


@given(name=st.sampled_from(["argmap", "A map", "<b>"]), calls=graph_calls())
@fuzz(300)
def test_a_graph_is_written_as_graphviz_writes_a_digraph(
    name: str, calls: list[tuple[Any, ...]]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # graphviz warns of a final backslash; both write it
        ours = _replay(Graph(name=_NoHtml(name)), Graph, calls).source
        theirs = _replay(graphviz.Digraph(name=graphviz.nohtml(name)), graphviz.Digraph, calls)
        assert ours == theirs.source


def test_dot_is_identical_for_the_same_map() -> None:
    assert to_dot(lifeline_map(), legend=True) == to_dot(lifeline_map(), legend=True)


def _run_in_fresh_python(code: str, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    script = f"import sys; sys.path.insert(0, {str(TESTS)!r})\n{code}"
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, check=True
    ).stdout


@pytest.mark.parametrize("output", ["to_dot", pytest.param("to_svg", marks=pytest.mark.needs_dot)])
def test_output_is_byte_identical_across_hash_seeds(output: str) -> None:
    code = (
        "from sample_maps import lifeline_map\n"
        f"from argmap._render import {output}\n"
        f"sys.stdout.buffer.write({output}(lifeline_map(), legend=True).encode())\n"
    )
    outputs = {_run_in_fresh_python(code, seed) for seed in ("0", "1", "4242")}
    expected = {"to_dot": to_dot, "to_svg": to_svg}[output](lifeline_map(), legend=True)
    assert outputs == {expected.encode()}


def test_to_dot_checks_its_options() -> None:
    with pytest.raises(ValueError, match=r"^'width' must be at least 10 \(got 3\)$"):
        to_dot(lifeline_map(), width=3)


def test_to_dot_needs_no_graphviz_executable(no_dot: None) -> None:
    assert to_dot(lifeline_map()).startswith("digraph ")


def test_render_dot_format_writes_the_source_without_graphviz(no_dot: None, tmp_path: Path) -> None:
    out = render(lifeline_map(), tmp_path / "map.dot")
    assert out == tmp_path / "map.dot"
    assert out.read_text("utf-8") == to_dot(lifeline_map())


def _graph_line(dot: str) -> str:
    return next(line for line in dot.splitlines() if line.strip().startswith("graph ["))


@pytest.mark.parametrize(
    ("nodes", "light"), [(LIGHT_LAYOUT_NODES, False), (LIGHT_LAYOUT_NODES + 1, True)]
)
def test_diagrams_of_over_a_thousand_nodes_get_the_lighter_layout(nodes: int, light: bool) -> None:
    statements = {f"s{i}": Statement(f"s{i}", "S.") for i in range(nodes)}
    graph = _graph_line(to_dot(ArgumentMap(title="T", statements=statements)))
    assert ("nslimit=0.5" in graph) is light
    assert ("mclimit=0.2" in graph) is light
    assert "nslimit1" not in graph  # ranking stays exact
    assert "splines" not in graph  # edges routed as always


def test_a_large_diagram_with_groups_is_ranked_as_a_whole() -> None:
    """newrank: Graphviz's default ranks each cluster apart and lays chains through them flat."""
    statements = {f"s{i}": Statement(f"s{i}", "S.") for i in range(LIGHT_LAYOUT_NODES + 1)}
    grouped = ArgumentMap(
        title="T", statements=statements, groups={"g": Group("g", "G", ("s0", "s1"))}
    )
    assert "newrank=true" in _graph_line(to_dot(grouped))
    assert "newrank" not in _graph_line(to_dot(ArgumentMap(title="T", statements=statements)))
    small = {f"s{i}": Statement(f"s{i}", "S.") for i in range(LIGHT_LAYOUT_NODES)}
    small_grouped = ArgumentMap(
        title="T", statements=small, groups={"g": Group("g", "G", ("s0", "s1"))}
    )
    assert "newrank" not in _graph_line(to_dot(small_grouped))


def test_the_lighter_layout_counts_the_nodes_drawn_not_the_map() -> None:
    statements = {f"s{i}": Statement(f"s{i}", "S.") for i in range(LIGHT_LAYOUT_NODES + 1)}
    m = ArgumentMap(title="T", statements=statements)
    assert "nslimit" not in _graph_line(to_dot(m, focus="s0", depth=1))


def test_importing_argmap_does_not_import_graphviz() -> None:
    code = "import argmap\nassert 'graphviz' not in sys.modules, 'graphviz was imported'\n"
    _run_in_fresh_python(code, "0")


# -- SVG ------------------------------------------------------------------------


@pytest.mark.needs_dot
def test_svg_groups_carry_element_ids_and_classes() -> None:
    groups = svg_groups(svg_root(to_svg(lifeline_map())))
    thesis = groups["statement-less-incentive"]
    assert thesis.attrib["class"].split() == ["node", "argmap-statement", "argmap-thesis"]
    assert "argmap-undercut" in groups["argument-deal-undercut"].attrib["class"].split()
    edge_classes = [
        g.attrib["class"] for g in groups.values() if g.attrib["class"].startswith("edge")
    ]
    assert edge_classes.count("edge argmap-premise") == 5
    assert "edge argmap-attack argmap-rebuttal" in edge_classes


@pytest.mark.needs_dot
def test_svg_shows_title_wrapped_text_and_speakers_in_order() -> None:
    groups = svg_groups(svg_root(to_svg(lifeline_map())))
    assert texts(groups["statement-less-incentive"]) == [
        "Less incentive",
        "Kim has less incentive to improve",
        "relations with Washington.",
        "— Analysts cited in the article",
    ]
    assert texts(groups["argument-debris-evidence"]) == ["debris-evidence"]


@pytest.mark.needs_dot
def test_svg_tooltip_holds_the_quotes() -> None:
    groups = svg_groups(svg_root(to_svg(lifeline_map())))
    assert tooltip(groups["statement-sanctions-motive"]) == (
        "„Historisch gesehen war einer der Hauptgründe“ (Putin in Nordkorea)"
    )


@pytest.mark.needs_dot
def test_svg_title_and_heading_are_the_map_title() -> None:
    root = svg_root(to_svg(lifeline_map()))
    graph = root.find(f"{SVG}g")
    assert graph is not None
    assert graph.findtext(f"{SVG}title") == "A Russian lifeline for Pyongyang"
    assert texts(graph)[0] == "A Russian lifeline for Pyongyang"


@pytest.mark.needs_dot
def test_markup_quotes_and_backslashes_in_text_stay_text_in_svg() -> None:
    root = svg_root(to_svg(nasty_map(), width=200))
    groups = svg_groups(root)
    statement = groups["statement-s1"]
    lines = texts(statement)
    assert lines[:2] == [f"<i>{NASTY}</i>", NASTY]
    assert " ".join(lines[2:]) == f"— Agent {NASTY}"  # the byline wraps at the text's width
    assert tooltip(statement) == f"“Quote {NASTY}” (Source {NASTY})"
    assert texts(groups["argument-a1"]) == [f"Arg {NASTY}"]
    assert tooltip(groups["argument-a1"]) == f"Arg {NASTY}"
    graph = root.find(f"{SVG}g")
    assert graph is not None
    assert texts(graph)[0] == f"Title {NASTY}"
    # No element was injected by the text.
    assert not [e for e in root.iter() if e.tag in (f"{SVG}b", f"{SVG}i", "b", "i")]


@pytest.mark.needs_dot
def test_each_quote_is_its_own_tooltip_line() -> None:
    m = ArgumentMap(
        "t",
        sources=[Source("art", "The article")],
        statements=[
            Statement("s", "S.", quotes=[Citation("art", "One"), Citation("art", "Two \\n")])
        ],
    )
    tip = tooltip(svg_groups(svg_root(to_svg(m)))["statement-s"])
    assert tip == "“One” (The article)\n“Two \\n” (The article)"


@pytest.mark.needs_dot
def test_control_characters_are_dropped_so_the_svg_stays_xml() -> None:
    m = ArgumentMap("bell\x07", statements=[Statement("s", "null\x00 bell\x07 esc\x1b end")])
    groups = svg_groups(svg_root(to_svg(m)))
    assert texts(groups["statement-s"]) == ["null bell esc end"]


def test_text_is_passed_through_unchanged_exactly_when_it_has_nothing_to_drop() -> None:
    # clean returns text at once unless UNSAFE finds a character it changes:
    # a control (Cc), a surrogate (Cs), a line or paragraph separator, U+FFFE/U+FFFF.
    changed = {chr(c) for c in range(sys.maxunicode + 1) if clean(chr(c), newlines=False) != chr(c)}
    unsafe = {chr(c) for c in range(sys.maxunicode + 1) if UNSAFE.search(chr(c))}
    assert changed == unsafe
    assert {unicodedata.category(c) for c in unsafe} == {"Cc", "Cs", "Zl", "Zp", "Cn"}
    assert clean("a\tb\r\nc\u2028d\x00e", newlines=True) == "a b\nc de"


@pytest.mark.parametrize("newlines", [False, True])
def test_each_character_is_kept_spaced_or_dropped_as_its_category_says(newlines: bool) -> None:
    """Line breaks kept or spaced, whitespace controls spaced, other Cc and Cs dropped."""

    def by_category(char: str) -> str:
        if char == "\n" and newlines:
            return char
        if char in "\t\n\r\v\f\x85\u2028\u2029":
            return " "
        if unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff":
            return ""
        return char

    # Every character UNSAFE finds, among others.
    for c in [*range(0x3000), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF, sys.maxunicode]:
        char = chr(c)
        assert (
            clean(f"a{char}b\nc", newlines=newlines)
            == f"a{by_category(char)}b{by_category(chr(10))}c"
        )


@pytest.mark.needs_dot
def test_svg_legend_explains_every_element() -> None:
    groups = svg_groups(svg_root(to_svg(lifeline_map(), legend=True)))
    assert "argmap-legend" in groups["argmap-legend"].attrib["class"].split()
    shown = [
        t for g in groups.values() if g.attrib["class"] == "node argmap-legend" for t in texts(g)
    ]
    assert shown == [
        "Statement",
        "Main thesis",
        "supporting argument",
        "attacking argument",
        "undercutting argument",
    ]
    assert "legend-statement" not in svg_groups(svg_root(to_svg(lifeline_map())))


@pytest.mark.needs_dot
def test_mimebundle_holds_the_svg() -> None:
    bundle = mimebundle(lifeline_map())
    assert list(bundle) == ["image/svg+xml"]
    assert bundle["image/svg+xml"] == to_svg(lifeline_map())


@pytest.mark.needs_dot
def test_a_map_displays_itself_as_svg_in_jupyter() -> None:
    assert lifeline_map()._repr_mimebundle_() == mimebundle(lifeline_map())


# -- render() -------------------------------------------------------------------


@pytest.mark.needs_dot
@pytest.mark.parametrize(
    ("name", "magic"),
    [
        ("map.svg", b"<?xml"),
        ("map.png", b"\x89PNG\r\n\x1a\n"),
        ("map.pdf", b"%PDF-"),
        ("MAP.SVG", b"<?xml"),
    ],
)
def test_render_picks_the_format_from_the_suffix(tmp_path: Path, name: str, magic: bytes) -> None:
    out = render(lifeline_map(), tmp_path / name)
    assert out == tmp_path / name
    assert out.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


@pytest.mark.needs_dot
def test_render_pdf_carries_a_fixed_date_so_bytes_repeat(tmp_path: Path) -> None:
    first = render(lifeline_map(), tmp_path / "a.pdf").read_bytes()
    second = render(lifeline_map(), tmp_path / "b.pdf").read_bytes()
    assert first == second
    dates = re.findall(rb"/(?:CreationDate|ModDate) ?\(D:(\d{14})", first)
    assert dates
    assert set(dates) == {b"19700101000000"}


@pytest.mark.needs_dot
def test_render_png_is_byte_identical_for_the_same_map(tmp_path: Path) -> None:
    first = render(lifeline_map(), tmp_path / "a.png").read_bytes()
    assert render(lifeline_map(), tmp_path / "b.png").read_bytes() == first


@pytest.mark.needs_dot
def test_render_format_argument_overrides_the_suffix(tmp_path: Path) -> None:
    out = render(lifeline_map(), tmp_path / "map.txt", format="png")
    assert out.read_bytes().startswith(b"\x89PNG")


def test_render_rejects_an_unknown_suffix_naming_the_allowed_ones(tmp_path: Path) -> None:
    path = tmp_path / "map.jpg"
    with pytest.raises(ValueError) as info:
        render(lifeline_map(), path)
    assert str(info.value) == (
        f"{path}: cannot tell the output format from the suffix '.jpg'; "
        "use one of .svg, .png, .pdf, .dot, .html or give the format explicitly"
    )
    with pytest.raises(ValueError, match="from a name without a suffix"):
        render(lifeline_map(), tmp_path / "map")
    assert list(tmp_path.iterdir()) == []


def test_render_rejects_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as info:
        render(lifeline_map(), tmp_path / "map.svg", format="jpg")  # type: ignore[arg-type]
    assert str(info.value) == (
        "'format' must be one of ['svg', 'png', 'pdf', 'dot', 'html'] (got 'jpg')"
    )


def test_render_into_a_missing_folder_raises_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        render(lifeline_map(), tmp_path / "nowhere" / "map.dot")


# -- errors ------------------------------------------------------------------------


@pytest.mark.parametrize(("call", "fmt"), [("svg", "SVG"), ("png", "PNG"), ("pdf", "PDF")])
def test_missing_dot_raises_render_error_saying_how_to_install_it(
    no_dot: None, tmp_path: Path, call: str, fmt: str
) -> None:
    with pytest.raises(RenderError) as info:
        if call == "svg":
            to_svg(lifeline_map())
        else:
            render(lifeline_map(), tmp_path / f"map.{call}")
    assert str(info.value) == MISSING_DOT.format(fmt)
    assert isinstance(info.value, ArgmapError)
    assert isinstance(info.value, RuntimeError)


def test_render_keeps_an_existing_file_when_dot_is_missing(no_dot: None, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    out.write_text("previous diagram")
    with pytest.raises(RenderError):
        render(lifeline_map(), out)
    assert out.read_text() == "previous diagram"
    assert [p.name for p in tmp_path.iterdir() if p.name != "empty-path"] == ["map.svg"]


def test_failing_dot_raises_render_error_with_its_stderr(failing_dot: None) -> None:
    with pytest.raises(RenderError) as info:
        to_svg(lifeline_map())
    assert str(info.value) == (
        "Graphviz's `dot` failed to render SVG (exit status 1): Error: out of ink"
    )


def test_render_keeps_an_existing_file_when_dot_fails(failing_dot: None, tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    out.write_bytes(b"previous diagram")
    with pytest.raises(RenderError, match="out of ink"):
        render(lifeline_map(), out)
    assert out.read_bytes() == b"previous diagram"
    assert [p.name for p in tmp_path.iterdir() if p.name != "fake-bin"] == ["map.png"]


@pytest.mark.needs_dot
def test_dot_syntax_errors_reach_the_render_error() -> None:
    with pytest.raises(
        RenderError, match=r"failed to render SVG \(exit status 1\): .*syntax error"
    ):
        run_dot("digraph {", "svg")


def test_a_map_with_dangling_references_is_not_drawn(tmp_path: Path) -> None:
    """An argument built in Python towards a missing id would be an edge to nothing."""
    m = ArgumentMap(
        "t",
        statements=[Statement("s", "S.")],
        arguments=[Argument("a", ["s", "ghost"], "undercut", "phantom")],
    )
    out = tmp_path / "m.dot"
    out.write_text("before", encoding="utf-8")
    with pytest.raises(MapError) as caught:
        render(m, out)
    assert [str(i) for i in caught.value.issues] == [
        "arguments/a/premises/1: error: unknown-statement: argument 'a' lists premise 'ghost', "
        "which is not a defined statement; define it under 'statements' or fix the id",
        "arguments/a/undercuts: error: unknown-argument: argument 'a' undercuts 'phantom', "
        "which is not a defined argument; define it under 'arguments' or fix the id",
    ]
    assert out.read_text(encoding="utf-8") == "before"
    with pytest.raises(MapError):
        to_dot(m)


@pytest.mark.needs_dot
def test_groups_are_framed_clusters_with_their_title() -> None:
    root = svg_root(to_svg(bilingual_map()))
    groups = svg_groups(root)
    assert "argmap-group" in groups["group-g"].attrib["class"].split()
    assert texts(groups["group-g"]) == ["Line"]


@pytest.mark.needs_dot
def test_untranslated_text_carries_a_visible_mark() -> None:
    groups = svg_groups(svg_root(to_svg(bilingual_map(), lang="de")))
    assert texts(groups["statement-b"])[-1] == "[en] not translated"
    assert "argmap-untranslated" in groups["statement-b"].attrib["class"].split()
