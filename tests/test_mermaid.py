"""Mermaid export: exact flowcharts, escaping, every shipped map, read by Mermaid's own parser."""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap
from argmap import to_mermaid as dumps
from argmap._text import clean
from argmap.cli import main
from argmap.model import Argument, Group, Statement
from argmap.view import build_view

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SHIPPED = sorted((ROOT / "maps").glob("*.yaml"))
PARSER = ROOT / "tests" / "mermaid_parse.mjs"

Parse = Callable[..., list[dict[str, Any]]]


@pytest.fixture(scope="module")
def mermaid_parse(mermaid_modules: Path) -> Parse:
    """Mermaid's own parser (`make mermaid`); skips when it is missing (see conftest)."""

    def parse(*texts: str) -> list[dict[str, Any]]:
        done = subprocess.run(
            ["node", str(PARSER), str(mermaid_modules)],
            input=json.dumps(list(texts)),
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        results: list[dict[str, Any]] = json.loads(done.stdout)
        return results

    return parse


# -- reading the flowchart back in Python ------------------------------------------

NODE = re.compile(r'^ +(\w+)(\(\[|\[\[|\(|\{\{)"([^"]*)"(\]\)|\]\]|\)|\}\})$')
EDGE = re.compile(r"^  (\w+) (-->|--x|-\.-x|-\.->|-\.-) (\w+)$")
SUBGRAPH = re.compile(r'^  subgraph (\w+)\["([^"]*)"\]$')
SHAPES = {"(": "statement", "([": "argument", "[[": "fold", "{{": "issue"}
ARROWS = {
    "premise": "-->",
    "support": "-->",
    "attack": "--x",
    "undercut": "-.-x",
    "fold": "-.->",
    "position": "-.-",
}


def read(text: str) -> dict[str, Any]:
    """The flowchart's parts, failing on any line that is not one argmap writes."""
    lines = text.splitlines()
    assert lines[0] == "---"
    end = lines.index("---", 1)
    chart: dict[str, Any] = {
        "front": lines[1:end],
        "direction": lines[end + 1].removeprefix("flowchart "),
        "nodes": {},
        "edges": [],
        "subgraphs": {},
        "classes": {},
        "class_defs": {},
        "link_styles": {},
        "styles": {},
    }
    subgraph = None
    for line in lines[end + 2 :]:
        if m := NODE.match(line):
            assert m[1] not in chart["nodes"], f"node {m[1]} twice"
            chart["nodes"][m[1]] = (SHAPES[m[2]], m[3])
            if subgraph is not None:
                chart["subgraphs"][subgraph][1].append(m[1])
        elif m := EDGE.match(line):
            chart["edges"].append((m[1], m[2], m[3]))
        elif m := SUBGRAPH.match(line):
            subgraph = m[1]
            chart["subgraphs"][subgraph] = (m[2], [])
        elif line == f"    direction {chart['direction']}":
            assert subgraph is not None
        elif line == "  end":
            subgraph = None
        elif line.startswith("  classDef "):
            _, name, style = line.split(" ", 4)[2:]
            chart["class_defs"][name] = style
        elif line.startswith("  class "):
            _, ids, name = line.strip().split(" ")
            chart["classes"][name] = ids.split(",")
        elif line.startswith("  linkStyle "):
            _, numbers, style = line.strip().split(" ", 2)
            chart["link_styles"][style] = [int(n) for n in numbers.split(",")]
        elif line.startswith("  style "):
            _, name, style = line.strip().split(" ")
            chart["styles"][name] = style
        else:
            raise AssertionError(f"unexpected line {line!r}")
    return chart


def shown(lines: tuple[str, ...]) -> str:
    """A label's lines as Mermaid shows them: control characters dropped."""
    return "<br>".join(" ".join(clean(line, newlines=False).split()) for line in lines)


def label_of(text: str) -> str:
    """What Mermaid shows for a label: entities decoded, joiners invisible."""

    def entity(m: re.Match[str]) -> str:
        name = m[1]
        named = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
        return named[name] if name in named else chr(int(name))

    return re.sub(r"#(\w+);", entity, text).replace("\u2060", "")


# -- exact output ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["undercut", "first-map"])
def test_small_maps_export_exactly(name: str) -> None:
    """Golden flowcharts of two small maps: support, attack, undercut, titles, speakers."""
    m = argmap.load(ROOT / "docs" / "examples" / f"{name}.yaml")
    assert argmap.dumps(m, "mermaid") == (GOLDEN / f"{name}.mmd").read_text("utf-8")


def test_a_statement_s_label_is_title_text_and_speakers() -> None:
    m = ArgumentMap(
        "T",
        statements=[
            Statement("a", "Premise text.", title="A title", by=["x", "y"]),
            Statement("b", "Conclusion."),
        ],
        arguments=[Argument("r", ["a"], "support", "b")],
        agents=[argmap.Agent("x", "Ann")],
    )
    chart = read(dumps(m))
    assert chart["nodes"]["s_a"] == (
        "statement",
        "<b>A title</b><br>Premise text.<br><i>— Ann; y</i>",
    )
    assert chart["nodes"]["a_r"] == ("argument", "r")
    assert chart["front"] == [
        'title: "T"',
        "config:",
        "  flowchart:",
        "    wrappingWidth: 200",
    ]


def test_groups_are_subgraphs_in_the_diagram_s_direction() -> None:
    m = ArgumentMap(
        "Grouped",
        statements=[Statement("a", "A."), Statement("b", "B."), Statement("c", "C.")],
        arguments=[Argument("r", ["a"], "support", "b"), Argument("q", ["c"], "attack", "b")],
        groups=[Group("g1", 'One "group"', ["b", "r"]), Group("g2", "Two", ["r", "c"])],
    )
    text = dumps(m, rankdir="LR")
    chart = read(text)
    assert chart["direction"] == "LR"
    # a node named by two groups is drawn in the first
    assert chart["subgraphs"] == {
        "g_g1": ("One #quot;group#quot;", ["s_b", "a_r"]),
        "g_g2": ("Two", ["s_c"]),
    }
    assert chart["styles"] == dict.fromkeys(
        ["g_g1", "g_g2"], "fill:#f7f9fa,stroke:#cfd8dc,color:#37474f"
    )
    assert "    direction LR" in text.splitlines()


def test_options_are_those_of_the_diagram() -> None:
    m = argmap.load(ROOT / "maps" / "russian-lifeline.yaml")
    german = read(dumps(m, lang="de"))
    assert german["front"][0] == (
        'title: "Ein russischer Rettungsanker würde Kims Anreiz senken, sich Washington zuzuwenden"'
    )
    # The map's hypothesis, marked in the language drawn.
    assert german["nodes"]["s_lifeline"][1].startswith(
        "<i>wenn …</i><br><b>Ein russischer Rettungsanker</b>"
    )
    focused = read(dumps(m, focus="lifeline", depth=1))
    assert set(focused["nodes"]) == {
        "s_lifeline",
        "a_russian_lifeline",
        "s_less_incentive",
        "s_sanctions_motive",
    }
    folded = read(dumps(m, collapse="less-incentive"))
    assert folded["nodes"]["f_less_incentive"][0] == "fold"
    assert folded["classes"]["fold"] == ["f_less_incentive"]
    with pytest.raises(ValueError, match="'width' must be at least 10"):
        dumps(m, width=5)


def test_an_evaluation_colours_nodes_and_fades_the_edges_of_rejected_arguments() -> None:
    m = argmap.load(ROOT / "docs" / "examples" / "undercut.yaml")
    chart = read(dumps(m, evaluation=argmap.evaluate(m)))
    assert chart["classes"]["in"] == [
        "s_no_solid_foundation",
        "s_no_common_values",
        "s_stronger_than_ever",
        "s_dictators_break",
    ]
    assert chart["classes"]["inArgument"] == ["a_status_quo_only", "a_no_guarantee"]
    assert chart["classes"]["outArgument"] == ["a_strongest_ties"]
    # an argument keeps its relation's border; a statement takes the label's
    assert "stroke:" not in chart["class_defs"]["outArgument"]
    assert "stroke:#37474f" in chart["class_defs"]["in"]
    # the edge of the rejected attack (number 3) fades
    assert chart["link_styles"]["stroke:#ef9a9a,stroke-width:1.2px"] == [3]


def test_the_same_map_gives_the_same_text() -> None:
    m = argmap.load(ROOT / "maps" / "overview.yaml")
    assert dumps(m) == dumps(argmap.load(ROOT / "maps" / "overview.yaml"))


# -- ids and escaping ----------------------------------------------------------------

KEYWORDS = [
    "end",
    "graph",
    "subgraph",
    "click",
    "style",
    "class",
    "classDef",
    "linkStyle",
    "direction",
    "flowchart",
    "default",
    "call",
    "href",
    "o",
    "x",
    "TB",
    "BT",
]


def keyword_map() -> ArgumentMap:
    ids = [*KEYWORDS, "a.b", "a-b", "a_b", "straße", "1st"]
    return ArgumentMap(
        "Keywords",
        statements=[Statement(i, f"Statement {i}.") for i in ids],
        arguments=[
            Argument(f"{i}-arg", [i], "support" if n % 2 else "attack", ids[n - 1])
            for n, i in enumerate(ids)
            if n
        ],
        groups=[Group("end", "End", ["end", "graph"])],
    )


def test_ids_are_prefixed_ascii_and_unique() -> None:
    chart = read(dumps(keyword_map()))
    nodes = list(chart["nodes"])
    assert nodes[:5] == ["s_end", "s_graph", "s_subgraph", "s_click", "s_style"]
    # "a.b", "a-b" and "a_b" are three statements: the later ones are numbered
    assert [n for n in nodes if n.startswith("s_a_")] == ["s_a_b", "s_a_b_2", "s_a_b_3"]
    assert "s_stra_e" in nodes
    assert "s_1st" in nodes
    assert list(chart["subgraphs"]) == ["g_end"]
    assert all(re.fullmatch(r"[sagf]_[A-Za-z0-9_]+", n) for n in nodes)


HOSTILE = [
    'He said "no" & <script>alert(1)</script>',
    "#quot; is not a quote, #35; not a hash, &amp; not an ampersand, &lt;b&gt;",
    "`code` and ```fences``` and **bold** _under_",
    "%%{init: {'theme': 'dark'}}%% and %% a comment, 50 % off",
    "$$x^2$$ is a formula, $5 is not",
    r"C:\new\name and a literal \n",
    "fa:fa-car fab:fa-github icons",
    "[brackets] (parens) {braces} |pipes| ;semicolons; :::class --> -.-x end",
    "style: #fff; classDef x fill:#f00;",
    "Straße — ünïcödé ✓ 日本語 🙂 עברית",
    "line\nbreak\ttab\u2028separator\x07bell\x00nul\ufffe",
    "<br> is text here, <b>so is this</b>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_inside_its_label(text: str) -> None:
    m = ArgumentMap("Hostile " + text, statements=[Statement("s", text)])
    chart = read(dumps(m))  # every line is one argmap writes: nothing broke out
    (shape, label) = chart["nodes"]["s_s"]
    assert shape == "statement"
    lines = build_view(m, width=32).node("statement-s").lines
    assert label_of(label) == shown(lines)
    assert not re.search(r"[\"<>`&]", label.replace("<br>", ""))


def test_what_mermaid_would_read_differently_is_broken_up() -> None:
    m = ArgumentMap("T", statements=[Statement("s", r"$$x$$ C:\new fa:fa-car %%{init}%%")])
    label = read(dumps(m, width=80))["nodes"]["s_s"][1]
    assert label == r"$#8288;$x$#8288;$ C:\#8288;new fa:#8288;fa-car #37;%{init}#37;%"


def test_a_label_that_looks_like_a_style_has_its_colons_escaped() -> None:
    """Mermaid cuts the last ';' from a line with 'style', ':' and '#' in that order."""
    m = ArgumentMap("T", statements=[Statement("s", "lifestyle:#1; x")])
    assert read(dumps(m))["nodes"]["s_s"][1] == "lifestyle#58;#35;1; x"


def test_the_title_is_a_yaml_string_without_markup() -> None:
    m = ArgumentMap('A <b>"title"</b> & \\ more', statements=[Statement("s", "S.")])
    title = read(dumps(m))["front"][0].removeprefix("title: ")
    # Mermaid cleans the title as HTML and shows it as text: lookalikes, not markup
    assert json.loads(title) == 'A ＜b＞"title"＜/b＞ ＆ \\ more'


# -- every shipped map -------------------------------------------------------------


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_maps_export_what_the_diagram_shows(path: Path) -> None:
    m = argmap.load(path)
    view = build_view(m, width=32)
    chart = read(argmap.dumps(m, "mermaid"))
    assert len(chart["nodes"]) == len(view.nodes)
    ids = {
        node.id: f"{node.kind[0]}_{re.sub('[^A-Za-z0-9]', '_', node.ref)}" for node in view.nodes
    }
    assert sorted(chart["nodes"]) == sorted(ids.values())
    assert chart["edges"] == [(ids[e.source], ARROWS[e.kind], ids[e.target]) for e in view.edges]
    numbers = sorted(n for found in chart["link_styles"].values() for n in found)
    assert numbers == list(range(len(view.edges)))
    assert [members for _, members in chart["subgraphs"].values()] == [
        [ids[member] for member in cluster.members] for cluster in view.clusters
    ]
    assert chart["classes"]["thesis"] == [ids[n.id] for n in view.nodes if n.thesis]
    assert set(chart["classes"]) <= set(chart["class_defs"])


# -- Mermaid's own parser ------------------------------------------------------------


def test_mermaid_reads_every_shipped_map(mermaid_parse: Parse) -> None:
    maps = [argmap.load(path) for path in SHIPPED]
    texts = [argmap.dumps(m, "mermaid") for m in maps]
    texts += [argmap.dumps(m, "mermaid") for m in maps if "de" in m.langs]
    for text, result in zip(texts, mermaid_parse(*texts), strict=True):
        assert result["ok"], result.get("error")
        chart = read(text)
        assert result["type"] == "flowchart-v2"
        assert result["direction"] == "BT"
        # Mermaid counts a styled subgraph among its vertices too
        assert list(result["vertices"]) == [*chart["nodes"], *chart["styles"]]
        for node_id, (shape, label) in chart["nodes"].items():
            vertex = result["vertices"][node_id]
            assert vertex["text"].replace("\u2060", "") == label_of(label)
            assert (
                vertex["type"]
                == {"statement": "round", "argument": "stadium", "fold": "subroutine"}[shape]
            )
        assert [(e["start"], e["end"]) for e in result["edges"]] == [
            (s, t) for s, _, t in chart["edges"]
        ]
        assert [s["id"] for s in result["subgraphs"]] == list(chart["subgraphs"])
        assert result["frontMatter"].splitlines()[0] == chart["front"][0]


def test_mermaid_reads_every_view_option(mermaid_parse: Parse) -> None:
    m = argmap.load(ROOT / "maps" / "overview.yaml")
    texts = [
        dumps(m, evaluation=argmap.evaluate(m), collapse=["desperation"], lang="de"),
        dumps(m, rankdir="LR", tags="military"),
        dumps(m, focus="desperation", depth=1, rankdir="TB"),
    ]
    results = mermaid_parse(*texts)
    assert [r["ok"] for r in results] == [True, True, True], results
    folded = results[0]
    assert folded["vertices"]["f_desperation"]["type"] == "subroutine"
    assert "in" in folded["classes"] and "outArgument" in folded["classes"]
    assert [r["direction"] for r in results] == ["BT", "LR", "TB"]


def test_an_issue_is_a_hexagon_dotted_to_its_positions_and_mermaid_reads_it(
    mermaid_parse: Parse,
) -> None:
    """The question of an issue no statement asks is a hexagon; one a statement asks is that
    statement, marked; each position is joined to it by a dotted line without a head."""
    m = argmap.load(ROOT / "docs" / "examples" / "partnership.yaml")
    texts = [dumps(m), dumps(m, lang="de", evaluation=argmap.evaluate(m, "carneades"))]
    chart = read(texts[0])
    assert chart["nodes"]["i_partnership"] == (
        "issue",
        "<i>? issue</i><br>Is the partnership solid?<br><i>standard: clear and convincing</i>",
    )
    assert chart["nodes"]["s_ask_shells"] == (
        "statement",
        "<i>? issue</i><br>Will the shells keep coming?",
    )
    assert [e for e in chart["edges"] if e[1] == "-.-"] == [
        ("s_solid", "-.-", "i_partnership"),
        ("s_fragile", "-.-", "i_partnership"),
        ("s_more_shells", "-.-", "s_ask_shells"),
        ("s_fewer_shells", "-.-", "s_ask_shells"),
    ]
    assert chart["classes"]["issue"] == ["s_ask_shells", "i_partnership"]
    assert chart["link_styles"]["stroke:#4527a0,stroke-width:1.2px"] == [8, 9, 10, 11]
    german = read(texts[1])["nodes"]["i_partnership"][1]
    assert german == (
        "<i>? Streitfrage</i><br>Ist die Partnerschaft solide?<br>"
        "<i>Beweismaß: klar und überzeugend</i>"
    )
    results = mermaid_parse(*texts)
    assert [r["ok"] for r in results] == [True, True], results
    vertex = results[0]["vertices"]["i_partnership"]
    assert vertex["type"] == "hexagon"
    assert vertex["classes"] == ["issue"]
    dotted = [e for e in results[0]["edges"] if e["end"] in ("i_partnership", "s_ask_shells")]
    assert [(e["start"], e["type"], e["stroke"]) for e in dotted] == [
        ("s_solid", "arrow_open", "dotted"),
        ("s_fragile", "arrow_open", "dotted"),
        ("s_more_shells", "arrow_open", "dotted"),
        ("s_fewer_shells", "arrow_open", "dotted"),
    ]


def test_mermaid_reads_keywords_as_ids_and_hostile_text_as_text(mermaid_parse: Parse) -> None:
    hostile = ArgumentMap(
        "Hostile <b>&</b> %%{init}%%",
        statements=[Statement(f"s{n}", text) for n, text in enumerate(HOSTILE)],
        arguments=[Argument(f"a{n}", [f"s{n}"], "support", "s0") for n in range(1, len(HOSTILE))],
        groups=[Group("g", HOSTILE[0], ["s0", "s1"])],
    )
    texts = [dumps(keyword_map()), dumps(hostile)]
    keywords, result = mermaid_parse(*texts)
    assert keywords["ok"], keywords.get("error")
    assert set(keywords["vertices"]) == {*read(texts[0])["nodes"], "g_end"}
    assert result["ok"], result.get("error")
    view = build_view(hostile, width=32)
    for n in range(len(HOSTILE)):
        text = result["vertices"][f"s_s{n}"]["text"].replace("\u2060", "")
        assert text == shown(view.node(f"statement-s{n}").lines)
    assert result["subgraphs"][0]["title"] == HOSTILE[0]
    assert len(result["edges"]) == 2 * (len(HOSTILE) - 1)


def test_mermaid_rejects_what_argmap_must_never_write(mermaid_parse: Parse) -> None:
    """The parser is strict enough to catch a keyword id or an unescaped quote."""
    results = mermaid_parse("flowchart BT\n  end --> b\n", 'flowchart BT\n  a("say "no" now")\n')
    assert [r["ok"] for r in results] == [False, False]
    assert "Parse error on line 2" in results[0]["error"]


# -- the command line --------------------------------------------------------------


@pytest.mark.parametrize("name", ["map.mmd", "map.mermaid"])
def test_convert_writes_a_flowchart(tmp_path: Path, name: str) -> None:
    source = ROOT / "docs" / "examples" / "undercut.yaml"
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / name
    assert main(["convert", str(source), "-o", str(target)], stdout=out, stderr=err) == 0
    assert out.getvalue() == f"wrote {target}\n"
    assert target.read_text("utf-8") == (GOLDEN / "undercut.mmd").read_text("utf-8")


def test_convert_to_mermaid_on_standard_output() -> None:
    source = ROOT / "docs" / "examples" / "undercut.yaml"
    out, err = io.StringIO(), io.StringIO()
    assert main(["convert", str(source), "--to", "mermaid", "-o", "-"], stdout=out, stderr=err) == 0
    assert out.getvalue() == (GOLDEN / "undercut.mmd").read_text("utf-8")
    assert err.getvalue() == ""


def test_the_docs_show_the_export_of_their_example() -> None:
    page = (ROOT / "docs" / "formats" / "mermaid.md").read_text("utf-8")
    (block,) = re.findall(r"^```mermaid\n(.*?)^```$", page, re.M | re.S)
    m = argmap.load(ROOT / "docs" / "examples" / "undercut.yaml")
    assert block == argmap.dumps(m, "mermaid")
