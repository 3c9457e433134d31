"""AIF import and export: the AIF corpora, the shipped maps, and each kind of node."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import round_trip

import argmap
from argmap import AttackType, RelationType, _format, _jsonpos
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpora" / "aif"
CORPUS_FILES = sorted(CORPUS.glob("*/*.json"))
MAPS = sorted((ROOT / "maps").glob("*.yaml"))


def structure(document: dict[str, Any]) -> tuple[Any, ...]:
    """What AIF says: nodes (without argmap's reserved fields), edges, who spoke each locution."""
    aif = document.get("AIF", document)
    nodes = {str(n["nodeID"]): {k: v for k, v in n.items() if k != "argmap"} for n in aif["nodes"]}
    edges = {(str(e["fromID"]), str(e["toID"])): e for e in aif["edges"]}
    speakers = {str(item["nodeID"]): item.get("personID") for item in aif.get("locutions", [])}
    return nodes, edges, speakers, aif.get("locutions", [])


def test_the_quick_ways_build_the_maps_the_long_ones_do(monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON by the C parser, nodes without reserved fields built at once by the reader,
    entities of a few plain keys built at once, data taken as it is: the same maps as the
    careful reader, every node written in argmap's format and read the long way, data copied."""
    texts = [(path.read_text("utf-8"), path.name) for path in CORPUS_FILES]
    texts += [(argmap.dumps(argmap.load(path), "aif"), f"{path.stem}.json") for path in MAPS]
    quick = [argmap.loads(text, file=name) for text, name in texts]
    read = importlib.import_module("argmap._aif.read")
    long_way = read.from_data
    monkeypatch.setattr(_jsonpos, "fast_parse", lambda text: _jsonpos.NOT_PLAIN)
    monkeypatch.setattr(read, "_AT_ONCE", False)
    monkeypatch.setattr(_format, "_simple_statement", lambda *args, **keywords: None)
    monkeypatch.setattr(_format, "_simple_argument", lambda *args, **keywords: None)
    monkeypatch.setattr(read, "from_data", lambda data, origin, plain: long_way(data, origin))
    slow = [argmap.loads(text, file=name) for text, name in texts]
    assert quick == slow
    assert [argmap.to_dot(m) for m in quick] == [argmap.to_dot(m) for m in slow]
    assert sum(len(m.statements) for m in quick) > 250


def test_the_corpus_is_all_there() -> None:
    assert len(CORPUS_FILES) == 21
    assert (CORPUS / "araucaria" / "LICENSE").is_file()
    assert (CORPUS / "aifdb" / "LICENSE").is_file()


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_corpus_file_imports_and_checks_without_errors(path: Path) -> None:
    m = argmap.load(path)
    errors = [i for i in argmap.check(m) if i.severity is argmap.Severity.ERROR]
    assert errors == []
    document = json.loads(path.read_text("utf-8"))
    kinds = [n["type"] for n in document["nodes"]]
    assert len(m.statements) == kinds.count("I")
    assert len(m.arguments) == kinds.count("RA") + kinds.count("CA") + kinds.count("MA")


@pytest.mark.needs_dot
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_corpus_file_renders(path: Path, tmp_path: Path) -> None:
    m = argmap.load(path)
    svg = argmap.render(m, tmp_path / "map.svg").read_text("utf-8")
    assert svg.startswith("<?xml") or svg.startswith("<svg")
    for statement in m.statements:
        assert f"statement-{statement}" in svg or statement in svg


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_aif_to_argmap_to_aif_keeps_every_node_edge_and_speaker(path: Path) -> None:
    original = json.loads(path.read_text("utf-8"))
    m = argmap.load(path)
    written = json.loads(argmap.dumps(m, "aif"))
    before, after = structure(original), structure(written)
    assert after[0] == before[0]  # nodes: ids, types, texts, timestamps, schemes
    assert after[1] == before[1]  # edges, with their ids
    assert after[2] == before[2]  # the speaker of each locution
    assert after[3] == before[3]
    again = argmap.loads(json.dumps(written), format="aif")
    assert again == m
    assert structure(json.loads(argmap.dumps(again, "aif"))) == after


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_argmap_to_aif_to_argmap_is_exact_for_the_shipped_maps(path: Path) -> None:
    round_trip(argmap.load(path), "aif")


def test_the_shipped_maps_are_plain_aif_too() -> None:
    """Statements are I-nodes, arguments RA or CA nodes joined by edges; speakers L-nodes."""
    m = argmap.load(ROOT / "maps" / "arms-deal.yaml")
    document = json.loads(argmap.dumps(m, "aif"))
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    for statement in m.statements.values():
        assert nodes[statement.id]["type"] == "I"
        assert nodes[statement.id]["text"] == statement.text
    edges = {(e["fromID"], e["toID"]) for e in document["edges"]}
    for argument in m.arguments.values():
        assert nodes[argument.id]["type"] == ("RA" if argument.kind == "support" else "CA")
        assert (argument.id, argument.target) in edges
        assert all((p, argument.id) in edges for p in argument.premises)
    denied = m.statements["arms-deal-denied"]
    agent = m.agents[denied.by[0]]
    l_node = nodes[f"arms-deal-denied.{agent.id}.L"]
    assert l_node["text"] == f"{agent.name} : {denied.text}"
    assert {"nodeID": l_node["nodeID"], "personID": agent.id} in document["locutions"]
    assert document["argmap"]["title"]["en"] == m.title


# -- what each node becomes ------------------------------------------------------


def test_nodeset10_one_linked_argument() -> None:
    m = argmap.load(CORPUS / "araucaria" / "nodeset10.json")
    assert m.title == "nodeset10"
    assert list(m.statements) == ["277", "278", "279", "280"]
    assert m.statements["278"].text.startswith("All the Member States")
    (argument,) = m.arguments.values()
    assert (argument.id, argument.kind, argument.premises, argument.target) == (
        "281",
        "support",
        ("278", "279", "280"),
        "277",
    )
    assert argument.data == {
        "aif": {
            "timestamp": "2012-04-12 18:18:26",
            "text": "RA",
            "in": {
                "278": {"edgeID": "270", "formEdgeID": None},
                "279": {"edgeID": "271", "formEdgeID": None},
                "280": {"edgeID": "272", "formEdgeID": None},
            },
            "out": {"edgeID": "273", "formEdgeID": None},
        }
    }


def test_ca_nodes_rebut_conclusions_and_undermine_premises() -> None:
    m = argmap.load(CORPUS / "araucaria" / "nodeset137.json")
    assert m.arguments["1286"].kind == "attack"
    assert m.arguments["1286"].target == "1279"
    assert m.attack_type("1286") is AttackType.REBUTTAL
    assert [a.id for a in m.arguments_for("1279")] == ["1288"]  # a conclusion: rebutted
    assert m.arguments["1287"].target == "1282"
    assert [a.id for a in m.arguments_using("1282")] == ["1288"]
    assert m.attack_type("1287") is AttackType.UNDERMINING


def test_schemes_argmap_knows_are_its_own_and_the_others_are_kept() -> None:
    m = argmap.load(CORPUS / "araucaria" / "nodeset137.json")
    expert = m.arguments["1289"]
    assert expert.scheme == "expert-opinion"
    assert expert.data["aif"]["scheme"] == "ExpertOpinion"  # as written, not as AIFdb spells it
    exceptional = m.arguments["1288"]
    assert exceptional.scheme is None
    assert exceptional.data["aif"]["scheme"] == "ExceptionalCase"
    example = argmap.load(CORPUS / "araucaria" / "nodeset132.json").arguments["1240"]
    assert example.scheme == "example"
    assert "scheme" not in example.data["aif"]  # "Example" is how argmap writes it


def test_locutions_say_who_holds_what() -> None:
    m = argmap.load(CORPUS / "aifdb" / "nodeset6064.json")
    assert [(a.id, a.name, a.data["aif"]["personID"]) for a in m.agents.values()] == [
        ("cl", "CL", "409"),
        ("nl", "NL", "437"),
    ]
    assert m.statements["29053"].by == ("cl",)
    assert m.statements["111833"].by == ("nl",)
    assert m.statements["111829"].by == ()  # Pure Questioning: asked, not asserted
    assert m.arguments["111844"].by == ("nl",)  # Arguing, anchored in a transition
    kept = m.data["aif"]
    assert [n["type"] for n in kept["nodes"]].count("L") == 16
    assert len(kept["locutions"]) == 13


def test_araucaria_speakers_come_from_the_text() -> None:
    m = argmap.load(CORPUS / "araucaria" / "nodeset127.json")
    assert [(a.id, a.name) for a in m.agents.values()] == [
        ("vcbrown", "VCBrown"),
        ("speaker", "Speaker"),
    ]
    assert m.statements["378"].by == ("vcbrown",)
    assert m.statements["379"].by == ("speaker",)


def ova(nodes: list[dict[str, Any]], edges: list[tuple[Any, Any]], **aif: Any) -> str:
    """OVA's JSON: AIF wrapped with OVA's layout; numbers as node ids."""
    document = {
        "AIF": {
            "nodes": nodes,
            "edges": [{"edgeID": i, "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)],
            **aif,
        },
        "OVA": {"firstname": "Ann", "surname": "Lyst", "nodes": [], "edges": []},
        "text": "<p>a debate</p>",
    }
    return json.dumps(document, indent=1)


def node(node_id: Any, kind: str, text: str) -> dict[str, Any]:
    return {"nodeID": node_id, "text": text, "type": kind}


GRAPH = ova(
    [
        node(1, "I", "Tax cuts help growth."),
        node(2, "I", "Growth raises revenue."),
        node(3, "RA", "Default Inference"),
        node(4, "I", "Economists agree."),
        node(5, "RA", "Default Inference"),
        node(6, "I", "The study is biased."),
        node(7, "CA", "Default Conflict"),
        node(8, "I", "More growth lifts revenue."),
        node(9, "MA", "Default Rephrase"),
        node(10, "PA", "Default Preference"),
        node(11, "L", "Bob : Tax cuts help growth."),
        node(12, "YA", "Asserting"),
        node("n 13", "I", "The economists are paid."),
        node(14, "CA", "Default Conflict"),
    ],
    [
        *[(1, 3), (3, 2), (4, 5), (5, 3), (6, 7), (7, 3), (2, 9), (9, 8)],
        *[(3, 10), (10, 5), (11, 12), (12, 1), ("n 13", 14), (14, 7)],
    ],
    locutions=[{"nodeID": 11, "personID": 1}],
    participants=[{"participantID": 1, "firstname": "Bob", "surname": "Smith"}],
)


def test_ova_wrapper_and_every_kind_of_scheme_node() -> None:
    m = argmap.loads(GRAPH, file="debate.json")
    assert m.title == "debate"
    kinds = {a.id: (a.kind, a.premises, a.target) for a in m.arguments.values()}
    assert kinds == {
        "3": ("support", ("1",), "2"),
        "5": ("support", ("4",), "3"),  # RA on an RA node: backs argument 3 as a whole
        "7": ("undercut", ("6",), "3"),  # CA on an RA node
        "9": ("support", ("2",), "8"),  # MA: a rephrase
        "14": ("undercut", ("n-13",), "7"),  # CA on a CA node
    }
    assert set(m.statements) == {"1", "2", "4", "6", "8", "n-13"}  # one for each I-node
    assert m.relation_type("5") is RelationType.ARGUMENT_SUPPORT
    assert m.arguments["9"].data["aif"]["type"] == "MA"
    assert m.statements["n-13"].data["aif"]["nodeID"] == "n 13"  # not an id: made one
    assert m.statements["1"].data["aif"]["nodeID"] == 1  # a number in OVA
    assert m.agents["bob-smith"].name == "Bob Smith"  # OVA's participant
    assert m.statements["1"].by == ("bob-smith",)
    kept = m.data["aif"]
    assert [n["type"] for n in kept["nodes"]] == ["PA", "L", "YA"]
    assert kept["wrapper"]["text"] == "<p>a debate</p>"
    assert m.attack_type("7") is AttackType.UNDERCUT


def test_ova_round_trip_keeps_the_wrapper_and_the_graph() -> None:
    m = argmap.loads(GRAPH, file="debate.json")
    written = json.loads(argmap.dumps(m, "aif"))
    original = json.loads(GRAPH)
    assert list(written) == ["AIF", "OVA", "text"]
    assert written["OVA"] == original["OVA"]
    assert structure(written) == structure(original)
    assert written["AIF"]["participants"] == original["AIF"]["participants"]
    assert argmap.loads(json.dumps(written), format="aif") == m


def test_relations_of_arguments_are_edges_between_scheme_nodes_and_read_back() -> None:
    """A support of an argument is RA -> RA, an attack or undercut CA -> RA; no node between."""
    m = argmap.loads(
        "argmap: 1\ntitle: T\n"
        "statements: {s1: A., s2: B., s3: C., s4: D., s5: E., s6: F.}\n"
        "arguments:\n"
        "  base: {premises: [s1], supports: s2}\n"
        "  backing: {premises: [s3], supports: base}\n"
        "  whole: {premises: [s4], attacks: base}\n"
        "  inference: {premises: [s5], undercuts: base}\n"
        "  for-attack: {premises: [s6], supports: whole}\n",
        format="yaml",
    )
    document = json.loads(argmap.dumps(m, "aif"))
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    assert {k: n["type"] for k, n in nodes.items()} == {
        **{f"s{i}": "I" for i in range(1, 7)},
        **{"base": "RA", "backing": "RA", "whole": "CA", "inference": "CA", "for-attack": "RA"},
    }
    pairs = {(e["fromID"], e["toID"]) for e in document["edges"]}
    assert {("backing", "base"), ("whole", "base"), ("inference", "base")} <= pairs
    assert ("for-attack", "whole") in pairs
    # AIF reads a CA node on an RA node as an undercut: the attack on the whole says so.
    assert nodes["whole"]["argmap"] == {"attacks": "base"}
    assert "argmap" not in nodes["inference"]
    again = argmap.loads(json.dumps(document), format="aif")
    assert again == m
    assert {a: again.relation_type(a) for a in again.arguments} == {
        "base": RelationType.SUPPORT,
        "backing": RelationType.ARGUMENT_SUPPORT,
        "whole": RelationType.ARGUMENT_ATTACK,
        "inference": RelationType.UNDERCUT,
        "for-attack": RelationType.ARGUMENT_SUPPORT,
    }
    # Without the reserved fields, plain AIF: the CA node on the RA node is an undercut.
    del nodes["whole"]["argmap"]
    plain_aif = argmap.loads(json.dumps(document), format="aif")
    assert plain_aif.relation_type("whole") is RelationType.UNDERCUT


def test_support_in_a_circle_loads_and_check_warns() -> None:
    """Circular support is something to show: the AIF loads, the check names the circle."""
    document = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "A."},
            {"nodeID": "2", "type": "I", "text": "B."},
            {"nodeID": "3", "type": "RA", "text": "Default Inference"},
            {"nodeID": "4", "type": "RA", "text": "Default Inference"},
        ],
        "edges": [
            {"fromID": "1", "toID": "3"},
            {"fromID": "3", "toID": "2"},
            {"fromID": "2", "toID": "4"},
            {"fromID": "4", "toID": "1"},
        ],
    }
    m = argmap.loads(json.dumps(document), format="aif")
    assert [(i.code, i.severity) for i in argmap.check(m)] == [
        ("circular-support", argmap.Severity.WARNING)
    ]


def test_a_statement_held_by_an_agent_gets_a_locution_that_reads_back() -> None:
    m = argmap.loads(
        "argmap: 1\ntitle: T\nagents: {ann: Ann Lyst, bo: Bo}\n"
        "statements: {s1: {text: A., by: [bo, ann]}, s2: {text: B., by: ann}}\n"
        "arguments: {a1: {premises: [s2], supports: s1, by: bo}}\n",
        format="yaml",
    )
    document = json.loads(argmap.dumps(m, "aif"))
    l_nodes = [n for n in document["nodes"] if n["type"] == "L"]
    assert [n["text"] for n in l_nodes] == ["Bo : A.", "Ann Lyst : A.", "Ann Lyst : B."]
    assert [item["personID"] for item in document["locutions"]] == ["bo", "ann", "ann"]
    # The order of 'by' and the maker of an argument have no AIF of their own here.
    assert "argmap" not in next(n for n in document["nodes"] if n["nodeID"] == "s1")
    assert next(n for n in document["nodes"] if n["nodeID"] == "a1")["argmap"] == {"by": "bo"}
    assert argmap.loads(json.dumps(document), format="aif") == m


def test_dump_and_load_by_file_name(tmp_path: Path) -> None:
    m = argmap.load(ROOT / "maps" / "china.yaml")
    written = argmap.dump(m, tmp_path / "china.aif.json")
    assert argmap.load(written) == m
    plain_json = tmp_path / "china.json"
    plain_json.write_text(written.read_text("utf-8"), "utf-8")
    assert argmap.load(plain_json) == m  # told from argmap's JSON by its content


def test_a_map_with_errors_is_not_written() -> None:
    m = argmap.ArgumentMap(
        "T",
        [argmap.Statement("s1", "A.")],
        [argmap.Argument("a1", ["s9"], "support", "s1")],
    )
    with pytest.raises(argmap.MapError) as caught:
        argmap.dumps(m, "aif")
    assert [i.code for i in caught.value.issues] == ["unknown-statement"]


def test_cli_converts_aif_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = CORPUS / "araucaria" / "nodeset137.json"
    assert main(["convert", str(source), "-o", "n137.yaml"]) == 0
    assert main(["convert", "n137.yaml", "-o", "n137.aif.json"]) == 0
    back = json.loads(Path("n137.aif.json").read_text("utf-8"))
    assert structure(back) == structure(json.loads(source.read_text("utf-8")))
    assert main(["check", str(source)]) == 0
