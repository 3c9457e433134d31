"""GraphML export: the exact document, keys, hostile text, every shipped map read by networkx."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import argmap
from argmap import ArgumentMap
from argmap import to_graphml as dumps
from argmap._graphml import ISSUE_KEYS, KEYS, NAMESPACE
from argmap.cli import main
from argmap.model import Argument, Group, Statement
from argmap.view import build_view

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SHIPPED = sorted((ROOT / "maps").glob("*.yaml"))
NS = {"g": NAMESPACE}


def graph_of(text: str) -> nx.DiGraph[str]:
    graph = nx.parse_graphml(text)
    assert isinstance(graph, nx.DiGraph)
    return graph


def test_a_small_map_exports_exactly() -> None:
    m = argmap.load(ROOT / "docs" / "examples" / "undercut.yaml")
    assert argmap.dumps(m, "graphml") == (GOLDEN / "undercut.graphml").read_text("utf-8")


def test_every_attribute_written_has_a_key() -> None:
    # The overview uses every key but a statement's status and an argument's
    # scheme; the convergent example has a status, the schemes example schemes.
    used: set[str | None] = set()
    for path in (
        ROOT / "maps" / "overview.yaml",
        ROOT / "docs" / "examples" / "convergent.yaml",
        ROOT / "docs" / "examples" / "schemes.yaml",
    ):
        root = ET.fromstring(dumps(argmap.load(path)))
        declared = {key.get("id"): key.get("for") for key in root.findall("g:key", NS)}
        assert declared == {key.id: key.domain for key in KEYS}
        graphs = root.findall("g:graph", NS)
        assert len(graphs) == 1
        assert graphs[0].get("edgedefault") == "directed"
        for owner in ("graph", "node", "edge"):
            elements = graphs if owner == "graph" else graphs[0].findall(f"g:{owner}", NS)
            for element in elements:
                for data in element.findall("g:data", NS):
                    assert declared[data.get("key")] == owner
        used |= {data.get("key") for data in root.iter(f"{{{NAMESPACE}}}data")}
    assert used == {key.id for key in KEYS}  # the three use every one


def test_nodes_and_edges_carry_what_they_are() -> None:
    m = ArgumentMap(
        "Kinds",
        statements=[
            Statement("claim", "The claim.", title="Claim", tags=["a", "b c"], by=["ann", "bob"]),
            Statement("p", "Premise\nover two lines.", status="assumed"),
            Statement("q", "Another premise.", status="questioned"),
            Statement("r", "An objection."),
        ],
        arguments=[
            Argument("for", ["p"], "support", "claim", title="For it", scheme="expert-opinion"),
            Argument("against", ["q"], "attack", "p"),
            Argument("cut", ["r"], "undercut", "for"),
        ],
        agents=[argmap.Agent("ann", "Ann A.")],
        groups=[Group("g", "Group", ["claim", "for"])],
        lang="en",
    )
    graph = graph_of(dumps(m))
    assert (graph.graph["title"], graph.graph["lang"]) == ("Kinds", "en")
    assert graph.nodes["statement-claim"] == {
        "kind": "statement",
        "map_id": "claim",
        "label": "Claim",
        "title": "Claim",
        "text": "The claim.",
        "tags": "a, b c",
        "speakers": "Ann A.; bob",
        "thesis": True,
        "group": "g",
    }
    assert graph.nodes["statement-p"] == {
        "kind": "statement",
        "map_id": "p",
        "label": "Premise\nover two lines.",
        "text": "Premise\nover two lines.",
        "status": "assumed",
        "thesis": False,
    }
    assert graph.nodes["statement-q"]["status"] == "questioned"
    assert graph.nodes["argument-for"] == {
        "kind": "argument",
        "map_id": "for",
        "label": "For it",
        "title": "For it",
        "relation": "support",
        "scheme": "expert-opinion",
        "group": "g",
    }
    assert graph.nodes["argument-against"] == {
        "kind": "argument",
        "map_id": "against",
        "label": "against",
        "relation": "attack",
        "attack_type": "undermining",
    }
    assert graph.nodes["argument-cut"]["attack_type"] == "undercut"
    assert list(graph.edges(data=True)) == [
        ("statement-p", "argument-for", {"kind": "premise", "id": "e0"}),
        ("statement-q", "argument-against", {"kind": "premise", "id": "e2"}),
        ("statement-r", "argument-cut", {"kind": "premise", "id": "e4"}),
        ("argument-for", "statement-claim", {"kind": "support", "id": "e1"}),
        (
            "argument-against",
            "statement-p",
            {"kind": "attack", "attack_type": "undermining", "id": "e3"},
        ),
        (
            "argument-cut",
            "argument-for",
            {"kind": "undercut", "attack_type": "undercut", "id": "e5"},
        ),
    ]


def test_text_in_another_language() -> None:
    m = argmap.load(ROOT / "maps" / "russian-lifeline.yaml")
    graph = graph_of(dumps(m, lang="de"))
    assert graph.graph["lang"] == "de"
    assert graph.nodes["statement-lifeline"]["title"] == "Ein russischer Rettungsanker"
    assert graph.nodes["statement-less-incentive"]["text"] == (
        "Kim hat weniger Anreiz, die Beziehungen zu Washington zu verbessern."
    )
    with pytest.raises(ValueError, match="'lang' must be one of the map's languages"):
        dumps(m, lang="fr")


def test_a_relation_between_arguments_stays_a_node() -> None:
    """A diagram draws Argdown's ``<a2> -> <a1>`` as one arrow; the graph keeps its argument."""
    m = argmap.loads(
        "<a2>\n  -> <a1>\n\n<a1>\n\n(1) P1.\n----\n(2) C1.\n\n<a2>\n\n(1) P2.\n----\n(2) C2.\n",
        format="argdown",
    )
    (relation,) = (a for a in m.arguments.values() if a.target == "a1")
    assert f"argument-{relation.id}" not in {n.id for n in build_view(m).nodes}
    graph = graph_of(dumps(m))
    assert graph.nodes[f"argument-{relation.id}"]["kind"] == "argument"
    assert graph.edges[f"argument-{relation.id}", "argument-a1"]["kind"] == "attack"


HOSTILE = [
    "Quotes \" and ' and <tags> & &amp; entities ]]> <![CDATA[x]]>",
    "Control\x00 characters\x01\x08\x0b\x0c\x1f\x7f\x85 and \ufffe\uffff dropped",
    "Tab\tand\r\nCRLF and \u2028 separators",
    "Straße — ünïcödé ✓ 日本語 🙂",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_valid_xml(text: str) -> None:
    m = ArgumentMap(text, statements=[Statement("s", text, title=text, tags=[text])])
    document = dumps(m)
    graph = graph_of(document)
    node = graph.nodes["statement-s"]
    expected = {
        HOSTILE[0]: HOSTILE[0],
        # \x0b, \x0c and \x85 separate like spaces; the rest is dropped
        HOSTILE[1]: "Control characters    and  dropped",
        HOSTILE[2]: "Tab and\nCRLF and   separators",
        HOSTILE[3]: HOSTILE[3],
    }[text]
    assert node["text"] == node["title"] == node["tags"] == graph.graph["title"] == expected


def test_the_same_map_gives_the_same_bytes() -> None:
    assert dumps(argmap.load(ROOT / "maps" / "overview.yaml")) == dumps(
        argmap.load(ROOT / "maps" / "overview.yaml")
    )


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_maps_read_back_with_networkx(path: Path) -> None:
    m = argmap.load(path)
    graph = graph_of(argmap.dumps(m, "graphml"))
    view = build_view(m)
    assert graph.number_of_nodes() == len(m.statements) + len(m.arguments)
    assert graph.number_of_edges() == len(view.edges)
    assert list(graph.nodes) == [node.id for node in view.nodes]
    assert sorted((s, t, d["kind"]) for s, t, d in graph.edges(data=True)) == sorted(
        (e.source, e.target, e.kind) for e in view.edges
    )
    for statement in m.statements.values():
        data = graph.nodes[f"statement-{statement.id}"]
        assert data["kind"] == "statement"
        assert data["text"] == statement.text
        assert data["thesis"] is (statement.id in m.main_theses)
        assert data.get("title") == statement.title
    for argument in m.arguments.values():
        data = graph.nodes[f"argument-{argument.id}"]
        assert data["relation"] == argument.kind
        premises = {
            s
            for s, t, d in graph.in_edges(f"argument-{argument.id}", data=True)
            if d["kind"] == "premise"
        }
        assert premises == {f"statement-{p}" for p in argument.premises}
        (target,) = [t for _, t, d in graph.out_edges(f"argument-{argument.id}", data=True)]
        prefix = "argument" if argument.kind == "undercut" else "statement"
        assert target == f"{prefix}-{argument.target}"
    assert graph.graph["title"] == m.title


@pytest.mark.parametrize("name", ["map.graphml", "MAP.GRAPHML"])
def test_convert_writes_graphml(tmp_path: Path, name: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / name
    source = ROOT / "docs" / "examples" / "undercut.yaml"
    assert main(["convert", str(source), "-o", str(target)], stdout=out, stderr=err) == 0
    assert out.getvalue() == f"wrote {target}\n"
    assert target.read_text("utf-8") == (GOLDEN / "undercut.graphml").read_text("utf-8")


def test_convert_to_graphml_on_standard_output() -> None:
    out, err = io.StringIO(), io.StringIO()
    source = ROOT / "docs" / "examples" / "undercut.yaml"
    assert main(["convert", str(source), "--to", "graphml", "-o", "-"], stdout=out, stderr=err) == 0
    assert out.getvalue() == (GOLDEN / "undercut.graphml").read_text("utf-8")


def test_the_docs_show_what_is_written() -> None:
    page = (ROOT / "docs" / "formats" / "graphml.md").read_text("utf-8")
    (block,) = re.findall(r"^```xml\n(.*?)^```$", page, re.M | re.S)
    written = [
        line.strip() for line in (GOLDEN / "undercut.graphml").read_text("utf-8").splitlines()
    ]
    shown = [line.strip() for line in block.splitlines()]
    edge = next(n for n, line in enumerate(shown) if line.startswith("<edge"))
    for part in (shown[:edge], shown[edge:]):  # the node, then the edge, each as written
        start = written.index(part[0])
        assert written[start : start + len(part)] == part


def test_issues_are_nodes_of_kind_issue_with_position_edges() -> None:
    """An issue no statement asks is a node of its own; the statement asking one carries the
    issue's id; both carry its standard; the issue keys are declared only with issues."""
    m = argmap.load(ROOT / "docs" / "examples" / "partnership.yaml")
    document = dumps(m, lang="de")
    graph = graph_of(document)
    assert graph.nodes["issue-partnership"] == {
        "kind": "issue",
        "map_id": "partnership",
        "label": "Ist die Partnerschaft solide?",
        "text": "Ist die Partnerschaft solide?",
        "issue": "partnership",
        "standard": "cce",
    }
    asker = graph.nodes["statement-ask-shells"]
    assert (asker["kind"], asker["issue"], asker["standard"]) == ("statement", "shells", "pe")
    assert [(s, t) for s, t, d in graph.edges(data=True) if d["kind"] == "position"] == [
        ("statement-solid", "issue-partnership"),
        ("statement-fragile", "issue-partnership"),
        ("statement-more-shells", "statement-ask-shells"),
        ("statement-fewer-shells", "statement-ask-shells"),
    ]
    root = ET.fromstring(document)
    keys = {
        key.get("id"): key.findtext("g:desc", namespaces=NS) for key in root.findall("g:key", NS)
    }
    assert list(keys) == [key.id for key in (*KEYS, *ISSUE_KEYS)]
    assert (keys["n_kind"], keys["e_kind"]) == (
        "statement, argument or issue",
        "premise, support, attack, undercut or position",
    )
    plain = ET.fromstring(dumps(argmap.load(ROOT / "maps" / "overview.yaml")))
    assert [key.get("id") for key in plain.findall("g:key", NS)] == [key.id for key in KEYS]
