"""Broken and hostile AIF: each problem has its code, its message, its line and column."""

from __future__ import annotations

import pytest

import argmap


def problems(text: str) -> list[tuple[str, str, int | None, int | None]]:
    with pytest.raises(argmap.MapError) as caught:
        argmap.loads(text, file="m.aif.json", format="aif")
    return [(i.code, i.message, i.line, i.column) for i in caught.value.issues]


def nodes(*items: str, edges: str = "") -> str:
    """An AIF text, one node or edge per line, starting on line 2."""
    lines = ['{"nodes": [', ",\n".join(items), '], "edges": [', edges, "]}"]
    return "\n".join(lines)


I1 = '{"nodeID": "1", "type": "I", "text": "A."}'
I2 = '{"nodeID": "2", "type": "I", "text": "B."}'
RA3 = '{"nodeID": "3", "type": "RA", "text": "RA"}'
RA4 = '{"nodeID": "4", "type": "RA", "text": "RA"}'
CA5 = '{"nodeID": "5", "type": "CA", "text": "CA"}'


def edge(source: str, target: str) -> str:
    return f'{{"fromID": "{source}", "toID": "{target}"}}'


CASES = {
    "not JSON": (
        "nodes: [1]\n",
        [
            (
                "aif-syntax",
                "not valid JSON: expected a value, found 'nodes: [1]'; "
                "AIF is JSON: fix the JSON at this place",
                1,
                1,
            )
        ],
    ),
    "broken JSON": (
        '{"nodes": [\n  {"nodeID": "1",}\n], "edges": []}',
        [
            (
                "aif-syntax",
                "not valid JSON: expected a key in double quotes, found '}'; "
                "AIF is JSON: fix the JSON at this place",
                2,
                18,
            )
        ],
    ),
    "a list at the top": (
        "[1, 2]",
        [
            (
                "aif-wrong-type",
                "an AIF file holds one JSON object with 'nodes' and 'edges', got a list; "
                'AIFdb writes {"nodes": [...], "edges": [...]}',
                1,
                1,
            )
        ],
    ),
    "no nodes": (
        '{\n  "edges": []\n}',
        [
            (
                "aif-missing-key",
                "this AIF has no 'nodes'; AIF lists its nodes under 'nodes': "
                'add "nodes": [...] (an empty list if there are none)',
                1,
                1,
            )
        ],
    ),
    "nodes not a list": (
        '{"nodes": {},\n "edges": []}',
        [("aif-wrong-type", "'nodes' must be a list, got an object", 1, 2)],
    ),
    "OVA's AIF not an object": (
        '{"AIF": [], "OVA": {}}',
        [("aif-wrong-type", "'AIF' must be an object with 'nodes' and 'edges', got a list", 1, 2)],
    ),
    "a node that is no object": (
        nodes('"I"'),
        [
            (
                "aif-wrong-type",
                "a node must be an object with 'nodeID', 'type' and 'text', got text",
                2,
                1,
            )
        ],
    ),
    "a node without type": (
        nodes('{"nodeID": "1", "text": "A."}'),
        [
            (
                "aif-missing-key",
                "this node has no 'type'; every AIF node has 'nodeID', 'type' and 'text': add it",
                2,
                1,
            )
        ],
    ),
    "a node without text": (
        nodes('{"nodeID": "1", "type": "I"}'),
        [
            (
                "aif-missing-key",
                "this node has no 'text'; every AIF node has 'nodeID', 'type' and 'text': add it",
                2,
                1,
            )
        ],
    ),
    "an I-node with empty text": (
        nodes('{"nodeID": "1", "type": "I", "text": " "}'),
        [
            (
                "aif-empty-text",
                "node '1' has no text, but an I-node holds a statement: write it under 'text' "
                "or remove the node",
                2,
                38,
            )
        ],
    ),
    "an unknown node type": (
        nodes('{"nodeID": "1", "type": "Q", "text": "A."}'),
        [
            (
                "aif-node-type",
                "node '1' has type 'Q', which AIF does not have; "
                "use one of I, RA, CA, MA, PA, L, YA, TA",
                2,
                25,
            )
        ],
    ),
    "a type that is a number": (
        nodes('{"nodeID": "1", "type": 1, "text": "A."}'),
        [("aif-wrong-type", "'type' of a node must be text, got a number", 2, 25)],
    ),
    "a node id that is true": (
        nodes('{"nodeID": true, "type": "I", "text": "A."}'),
        [
            (
                "aif-wrong-type",
                "'nodeID' of a node must be non-empty text or a whole number, got true/false",
                2,
                12,
            )
        ],
    ),
    "a duplicate node id": (
        nodes(I1, '{"nodeID": "1", "type": "I", "text": "B."}'),
        [
            (
                "aif-duplicate-id",
                "node id '1' is used by an earlier node too (line 2, column 12); "
                "give each node its own 'nodeID'",
                3,
                12,
            )
        ],
    ),
    "an edge to an unknown node": (
        nodes(I1, I2, RA3, edges=",\n".join([edge("1", "3"), edge("3", "12")])),
        [
            (
                "aif-unknown-node",
                "this edge's 'toID' is '12', which is not the id of a node (did you mean '2'?); "
                "add the node to 'nodes' or fix the id",
                7,
                25,
            )
        ],
    ),
    "an edge that is no object": (
        nodes(I1, edges="5"),
        [
            (
                "aif-wrong-type",
                "an edge must be an object with 'fromID' and 'toID', got a number",
                4,
                1,
            )
        ],
    ),
    "an edge without toID": (
        nodes(I1, edges='{"fromID": "1"}'),
        [
            (
                "aif-missing-key",
                "this edge has no 'toID'; an edge joins the node 'fromID' to the node 'toID': "
                "add it",
                4,
                1,
            )
        ],
    ),
    "an edge between I-nodes": (
        nodes(I1, I2, edges=edge("1", "2")),
        [
            (
                "aif-edge",
                "this edge joins two I-nodes ('1' -> '2'); AIF relates statements only through "
                "a node between them: an RA node for support, a CA node for attack",
                5,
                1,
            )
        ],
    ),
    "an edge from a node to itself": (
        nodes(RA3, edges=edge("3", "3")),
        [("aif-edge", "this edge leads from node '3' to itself; remove it", 4, 1)],
    ),
    "a duplicate edge": (
        nodes(I1, I2, RA3, edges=",\n".join([edge("1", "3"), edge("1", "3"), edge("3", "2")])),
        [
            (
                "aif-duplicate-edge",
                "this edge from '1' to '3' repeats the one at line 6, column 1; remove one of them",
                7,
                1,
            )
        ],
    ),
    "an RA node without conclusion": (
        nodes(I1, RA3, edges=edge("1", "3")),
        [
            (
                "aif-node-edges",
                "RA node '3' points at nothing; add an edge from it to its conclusion "
                "(or the RA node whose inference it supports)",
                3,
                1,
            )
        ],
    ),
    "an RA node with two conclusions": (
        nodes(
            I1,
            I2,
            RA3,
            '{"nodeID": "6", "type": "I", "text": "C."}',
            edges=",\n".join([edge("1", "3"), edge("3", "2"), edge("3", "6")]),
        ),
        [
            (
                "aif-node-edges",
                "RA node '3' points at 2 nodes ('2', '6'), but an argument has one conclusion; "
                "split it into one RA node per conclusion",
                9,
                1,
            )
        ],
    ),
    "a CA node without premises": (
        nodes(I1, CA5, edges=edge("5", "1")),
        [
            (
                "aif-node-edges",
                "CA node '5' has no premises; add an edge to it from each I-node it argues from",
                3,
                1,
            )
        ],
    ),
    "a statement attacking itself": (
        nodes(I1, CA5, edges=",\n".join([edge("1", "5"), edge("5", "1")])),
        [
            (
                "aif-cycle",
                "CA node '5' attacks '1', which is also one of its premises; a statement "
                "cannot attack itself: remove one of these edges",
                6,
                1,
            )
        ],
    ),
    "a locution of an unknown node": (
        '{"nodes": [], "edges": [],\n "locutions": [{"nodeID": "9"}]}',
        [
            (
                "aif-unknown-node",
                "this locution belongs to node '9', which is not the id of a node; "
                "add the L-node or fix the id",
                2,
                27,
            )
        ],
    ),
    "a duplicate key": (
        '{"nodes": [],\n "nodes": [], "edges": []}',
        [
            (
                "aif-duplicate-key",
                "key 'nodes' appears twice in the same object (first at line 1, column 2); "
                "JSON readers keep only one of them: rename or merge them",
                2,
                2,
            )
        ],
    ),
    "nesting too deep": (
        '{"nodes": [], "edges": [], "x": ' + "[" * 70 + "]" * 70 + "}",
        [
            (
                "aif-too-deep",
                "values are nested more than 64 levels deep; a map needs about six",
                1,
                96,
            )
        ],
    ),
    "reserved fields that are no object": (
        nodes('{"nodeID": "1", "type": "I", "text": "A.", "argmap": [1]}'),
        [
            (
                "aif-reserved",
                "'argmap' of node '1' holds argmap's own fields as an object, got a list; "
                "fix it or remove it",
                2,
                44,
            )
        ],
    ),
    "a reserved field argmap does not have": (
        nodes('{"nodeID": "1", "type": "I", "text": "A.",\n "argmap": {"colour": "red"}}'),
        [
            (
                "aif-reserved",
                "argmap's reserved fields: statement '1' has no key 'colour'; allowed keys: "
                "text, title, implicit, mode, hedge, by, via, quote, quotes, tags, note, "
                "status, data",
                3,
                13,
            )
        ],
    ),
    "a reserved id that is no id": (
        nodes('{"nodeID": "1", "type": "I", "text": "A.", "argmap": {"id": "a b"}}'),
        [
            (
                "aif-reserved",
                "'id' of node '1' must be an id of letters, digits, '-', '_' and '.', got 'a b'",
                2,
                61,
            )
        ],
    ),
    "statements in the reserved fields of the map": (
        '{"nodes": [], "edges": [],\n "argmap": {"statements": {}}}',
        [
            (
                "aif-reserved",
                "'statements' cannot be given in 'argmap' at the top: the nodes say them; "
                "remove it",
                2,
                13,
            )
        ],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_broken_aif_is_reported_where_it_is_broken(case: str) -> None:
    text, expected = CASES[case]
    assert problems(text) == expected


#: Cases whose text is a JSON object with nodes and edges: read as AIF when the
#: format is told from the content, as a ``.json`` file is.
TOLD_BY_CONTENT = [
    "a node without type",
    "an I-node with empty text",
    "a duplicate node id",
    "an edge to an unknown node",
    "a duplicate edge",
    "a statement attacking itself",
    "a duplicate key",
    "nesting too deep",
    "reserved fields that are no object",
]


@pytest.mark.parametrize("case", TOLD_BY_CONTENT)
def test_aif_told_by_its_content_is_reported_the_same(case: str) -> None:
    """The JSON read once to tell the format is read again with care where it is broken."""
    text, expected = CASES[case]
    with pytest.raises(argmap.MapError) as caught:
        argmap.loads(text, file="m.json")
    assert [(i.code, i.message, i.line, i.column) for i in caught.value.issues] == expected


def test_every_problem_is_reported_at_once() -> None:
    text = nodes('{"nodeID": "1", "type": "Q", "text": "A."}', '{"nodeID": 2, "text": "B."}')
    assert [(code, line) for code, _, line, _ in problems(text)] == [
        ("aif-node-type", 2),
        ("aif-missing-key", 3),
    ]


def test_a_reserved_agent_that_is_not_defined_is_the_check_s_unknown_agent() -> None:
    text = nodes('{"nodeID": "1", "type": "I", "text": "A.", "argmap": {"by": ["nobody"]}}')
    assert problems(text) == [
        (
            "unknown-agent",
            "statement '1' is held by 'nobody', which is not a defined agent; "
            "define it under 'agents' or fix the id",
            2,
            62,
        )
    ]


def test_an_empty_graph_is_an_empty_map() -> None:
    m = argmap.loads('{"nodes": [], "edges": []}', file="empty.json")
    assert (m.title, len(m.statements), len(m.arguments)) == ("empty", 0, 0)


def test_a_json_file_that_is_neither_is_refused_by_content() -> None:
    with pytest.raises(argmap.MapError) as caught:
        argmap.loads('{"vertices": []}', file="m.json")
    assert [i.code for i in caught.value.issues] == ["unknown-format"]


def test_an_infinite_weight_is_refused_not_written_as_infinity() -> None:
    """JSON has no Infinity: the writer says so instead of writing what no reader takes."""
    text = (
        '{"nodes": [{"nodeID": "1", "text": "A", "type": "I", "weight": 1e400},'
        ' {"nodeID": "2", "text": "B", "type": "I"},'
        ' {"nodeID": "3", "text": "Default Inference", "type": "RA"}],'
        ' "edges": [{"edgeID": "e1", "fromID": "1", "toID": "3"},'
        ' {"edgeID": "e2", "fromID": "3", "toID": "2"}]}'
    )
    m = argmap.loads(text, file="w.json")
    with pytest.raises(argmap.MapError) as caught:
        argmap.dumps(m, "aif")
    assert str(caught.value) == (
        "w.json:1:12: error: json-number: 'data' of statement '1' holds inf at 'aif/weight', "
        "a number JSON cannot write; give it as text (in quotes) or leave it out"
    )
