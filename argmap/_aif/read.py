"""Reading AIF JSON into a map: nodes become statements and arguments, the rest is kept.

I-nodes become statements; RA-nodes support arguments from the I-nodes that
point at them to the node they point at; CA-nodes attacks (on an I-node) or
undercuts (on an RA or CA node); MA-nodes (rephrases) support arguments
marked as such. An RA node that points at another scheme node supports that
argument as a whole; a CA node on a scheme node is an undercut, unless the
reserved fields say it attacks the argument as a whole. Dialogue (L, YA, TA
nodes, locutions) and preferences (PA nodes) are kept in the map's data, and
the dialogue says who holds which statement.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from .. import _jsonpos
from .._format import from_data
from .._helpers import Ids, kind_name, slug, suggest
from ..errors import DocPath, Issue, MapError, Severity
from ..model import (
    ID_PATTERN,
    Agent,
    Argument,
    ArgumentMap,
    Origin,
    Position,
    Statement,
    plain,
    unchecked_maker,
)
from .shared import (
    AIF_DATA,
    DEFAULT_TEXT,
    ENTITY_NODES,
    NODE_TYPES,
    RESERVED,
    SCHEME_NODES,
    Speakers,
    aif_scheme_name,
    attributions,
    built_in_schemes,
    key,
    normal_scheme,
    participant_names,
    scheme_table,
)

__all__ = ["read"]

#: A value's kind in JSON's words, for messages: ``an object``, ``null``...
_what = functools.partial(kind_name, json=True)

_VERBS = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}
#: The node types, for a quick look-up (only text is one).
_TYPES = frozenset(NODE_TYPES)
#: Build the statement or argument of a node without argmap's reserved fields at
#: once (unchecked: the reader made every value of it), rather than write it in
#: argmap's format for :func:`argmap._format.from_data` to read; the same map
#: either way (tests compare the two).
_AT_ONCE = True


@attrs.define
class _Node:
    """One node as read, with where it stands."""

    index: int
    raw: dict[str, Any]
    key: str
    type: str
    text: str

    @property
    def path(self) -> DocPath:
        return ("nodes", self.index)


@attrs.define
class _Edge:
    index: int
    raw: dict[str, Any]
    source: str
    target: str


class _Located(Mapping[DocPath, Position]):
    """Positions of the map's nodes (statements, arguments, ...) in the AIF file.

    A statement or argument stands at its node, a premise at its edge; a
    reserved field at its place under the node's ``argmap`` key; a field of
    the map at its place under the reserved key at the top.
    """

    def __init__(
        self, positions: Mapping[DocPath, Position], table: dict[DocPath, DocPath], top: DocPath
    ) -> None:
        self.positions = positions
        self.table = table
        self.top = top

    def _json_path(self, path: DocPath) -> DocPath | None:
        if path in self.table:
            return self.table[path]
        if len(path) > 2 and path[:2] in self.table:
            return (*self.table[path[:2]], RESERVED, *path[2:])
        if path and path[0] not in ("statements", "arguments"):
            return (*self.top, RESERVED, *path)
        return None

    def __getitem__(self, path: DocPath) -> Position:
        json_path = self._json_path(path)
        if json_path is None:
            raise KeyError(path)
        return self.positions[json_path]

    def __iter__(self) -> Iterator[DocPath]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


class _Reader:
    def __init__(self, data: Any, positions: _jsonpos.Positions, file: str) -> None:
        self.data = data
        self.positions = positions
        self.file = file
        self.issues: list[Issue] = []
        self.prefix: DocPath = ()

    # -- problems --------------------------------------------------------------

    def where(self, path: DocPath) -> tuple[int | None, int | None]:
        while True:
            try:
                _, line, column = self.positions[path]
            except KeyError:
                if not path:
                    return None, None
                path = path[:-1]
                continue
            return line, column

    def error(self, code: str, message: str, path: DocPath) -> None:
        line, column = self.where((*self.prefix, *path))
        self.issues.append(Issue(code, message, file=self.file, line=line, column=column))

    def stop(self) -> None:
        if self.issues:
            raise MapError(sorted(self.issues, key=lambda i: (i.line or 0, i.column or 0)))

    # -- the file --------------------------------------------------------------

    def run(self) -> ArgumentMap:
        top = self.data
        if not isinstance(top, dict):
            self.error(
                "aif-wrong-type",
                "an AIF file holds one JSON object with 'nodes' and 'edges', "
                f'got {_what(top)}; AIFdb writes {{"nodes": [...], "edges": [...]}}',
                (),
            )
            self.stop()
        wrapper: dict[str, Any] | None = None
        aif = top
        if "AIF" in top:
            aif = top["AIF"]
            wrapper = {k: v for k, v in top.items() if k != "AIF"}
            if not isinstance(aif, dict):
                self.error(
                    "aif-wrong-type",
                    f"'AIF' must be an object with 'nodes' and 'edges', got {_what(aif)}",
                    ("AIF",),
                )
                self.stop()
            self.prefix = ("AIF",)
        for name in ("nodes", "edges"):
            if name not in aif:
                self.error(
                    "aif-missing-key",
                    f"this AIF has no '{name}'; AIF lists its {name} under '{name}': "
                    f'add "{name}": [...] (an empty list if there are none)',
                    (),
                )
            elif not isinstance(aif[name], list):
                self.error(
                    "aif-wrong-type",
                    f"'{name}' must be a list, got {_what(aif[name])}",
                    (name,),
                )
        self.stop()
        nodes = self.read_nodes(aif["nodes"])
        edges = self.read_edges(aif["edges"], nodes)
        persons = self.read_locutions(aif.get("locutions"), nodes)
        reserved_top = aif.get(RESERVED)
        if reserved_top is not None and not isinstance(reserved_top, dict):
            self.error(
                "aif-reserved",
                f"'{RESERVED}' at the top holds the map's own fields as an object, "
                f"got {_what(reserved_top)}; fix it or remove it",
                (RESERVED,),
            )
        self.stop()
        self.check_graph(nodes, edges)
        self.stop()
        extra = {k: v for k, v in aif.items() if k not in ("nodes", "edges", "locutions", RESERVED)}
        return self.build(
            nodes,
            edges=edges,
            persons=persons,
            aif=aif,
            reserved_top=reserved_top or {},
            extra=extra,
            wrapper=wrapper,
        )

    def read_nodes(self, items: list[Any]) -> dict[str, _Node]:
        nodes: dict[str, _Node] = {}
        for index, item in enumerate(items):
            if type(item) is dict:  # the usual node, taken at once; the rest below
                node_id, kind, text = item.get("nodeID"), item.get("type"), item.get("text")
                node_key = node_id if type(node_id) is str else None
                if type(node_id) is int:
                    node_key = str(node_id)
                if (
                    node_key
                    and type(text) is str
                    and type(kind) is str
                    and kind in _TYPES
                    and node_key not in nodes
                    and (kind not in ("I", "L") or text.strip())
                ):
                    nodes[node_key] = _Node(index, item, node_key, kind, text)
                    continue
            path: DocPath = ("nodes", index)
            if not isinstance(item, dict):
                self.error(
                    "aif-wrong-type",
                    f"a node must be an object with 'nodeID', 'type' and 'text', got {_what(item)}",
                    path,
                )
                continue
            values = {}
            for field in ("nodeID", "type", "text"):
                if field not in item:
                    self.error(
                        "aif-missing-key",
                        f"this node has no '{field}'; every AIF node has 'nodeID', 'type' "
                        "and 'text': add it",
                        path,
                    )
                    continue
                value = item[field]
                if field == "nodeID":
                    good = (isinstance(value, str) and value != "") or (
                        isinstance(value, int) and not isinstance(value, bool)
                    )
                    want = "non-empty text or a whole number"
                else:
                    good = isinstance(value, str)
                    want = "text"
                if not good:
                    self.error(
                        "aif-wrong-type",
                        f"'{field}' of a node must be {want}, got {_what(value)}",
                        (*path, field),
                    )
                    continue
                values[field] = value
            if len(values) < 3:
                continue
            node_key = key(values["nodeID"])
            kind, text = values["type"], values["text"]
            if kind not in NODE_TYPES:
                self.error(
                    "aif-node-type",
                    f"node {node_key!r} has type {kind!r}, which AIF does not have; "
                    f"use one of {', '.join(NODE_TYPES)}",
                    (*path, "type"),
                )
                continue
            if kind in ("I", "L") and not text.strip():
                what = (
                    "an I-node holds a statement"
                    if kind == "I"
                    else "an L-node holds what was said"
                )
                self.error(
                    "aif-empty-text",
                    f"node {node_key!r} has no text, but {what}: write it under 'text' "
                    "or remove the node",
                    (*path, "text"),
                )
                continue
            if node_key in nodes:
                first = nodes[node_key]
                line, column = self.where((*self.prefix, *first.path, "nodeID"))
                self.error(
                    "aif-duplicate-id",
                    f"node id {node_key!r} is used by an earlier node too (line {line}, "
                    f"column {column}); give each node its own 'nodeID'",
                    (*path, "nodeID"),
                )
                continue
            nodes[node_key] = _Node(index, item, node_key, kind, text)
        return nodes

    def read_edges(self, items: list[Any], nodes: dict[str, _Node]) -> list[_Edge]:
        edges: list[_Edge] = []
        for index, item in enumerate(items):
            if type(item) is dict:  # the usual edge, taken at once; the rest below
                source, target = item.get("fromID"), item.get("toID")
                source = str(source) if type(source) is int else source
                target = str(target) if type(target) is int else target
                if (
                    type(source) is str
                    and type(target) is str
                    and source != target
                    and source in nodes
                    and target in nodes
                    and (nodes[source].type != "I" or nodes[target].type != "I")
                ):
                    edges.append(_Edge(index, item, source, target))
                    continue
            path: DocPath = ("edges", index)
            if not isinstance(item, dict):
                self.error(
                    "aif-wrong-type",
                    f"an edge must be an object with 'fromID' and 'toID', got {_what(item)}",
                    path,
                )
                continue
            ends = []
            for field in ("fromID", "toID"):
                if field not in item:
                    self.error(
                        "aif-missing-key",
                        f"this edge has no '{field}'; an edge joins the node 'fromID' "
                        "to the node 'toID': add it",
                        path,
                    )
                    continue
                value = item[field]
                if not isinstance(value, (str, int)) or isinstance(value, bool):
                    self.error(
                        "aif-wrong-type",
                        f"'{field}' of an edge must be a node id (text or a number), "
                        f"got {_what(value)}",
                        (*path, field),
                    )
                    continue
                if key(value) not in nodes:
                    self.error(
                        "aif-unknown-node",
                        f"this edge's '{field}' is {key(value)!r}, which is not the id of a node"
                        f"{suggest(key(value), nodes)}; add the node to 'nodes' or fix the id",
                        (*path, field),
                    )
                    continue
                ends.append(key(value))
            if len(ends) < 2:
                continue
            source, target = ends
            if source == target:
                self.error(
                    "aif-edge",
                    f"this edge leads from node {source!r} to itself; remove it",
                    path,
                )
                continue
            if nodes[source].type == "I" and nodes[target].type == "I":
                self.error(
                    "aif-edge",
                    f"this edge joins two I-nodes ({source!r} -> {target!r}); AIF relates "
                    "statements only through a node between them: an RA node for support, "
                    "a CA node for attack",
                    path,
                )
                continue
            edges.append(_Edge(index, item, source, target))
        return edges

    def read_locutions(self, items: Any, nodes: dict[str, _Node]) -> dict[str, Any]:
        persons: dict[str, Any] = {}
        if items is None:
            return persons
        if not isinstance(items, list):
            self.error(
                "aif-wrong-type",
                f"'locutions' must be a list, got {_what(items)}",
                ("locutions",),
            )
            return persons
        for index, item in enumerate(items):
            path: DocPath = ("locutions", index)
            if not isinstance(item, dict) or "nodeID" not in item:
                self.error(
                    "aif-wrong-type",
                    "a locution must be an object with the 'nodeID' of its L-node, "
                    f"got {_what(item)}",
                    path,
                )
                continue
            node_id = item["nodeID"]
            if not isinstance(node_id, (str, int)) or isinstance(node_id, bool):
                self.error(
                    "aif-wrong-type",
                    f"'nodeID' of a locution must be a node id, got {_what(node_id)}",
                    (*path, "nodeID"),
                )
                continue
            if key(node_id) not in nodes:
                self.error(
                    "aif-unknown-node",
                    f"this locution belongs to node {key(node_id)!r}, which is not the id of a "
                    f"node{suggest(key(node_id), nodes)}; add the L-node or fix the id",
                    (*path, "nodeID"),
                )
                continue
            person = item.get("personID")
            if person is not None and not isinstance(person, (dict, list)):
                persons.setdefault(key(node_id), person)
        return persons

    # -- the graph -------------------------------------------------------------

    def check_graph(self, nodes: dict[str, _Node], edges: list[_Edge]) -> None:
        """Every scheme node has premises and one conclusion; nothing attacks its own premise."""
        seen: dict[tuple[str, str], _Edge] = {}
        ins: dict[str, list[_Edge]] = {}
        outs: dict[str, list[_Edge]] = {}
        for edge in edges:
            a, b = nodes[edge.source], nodes[edge.target]
            if a.type not in ENTITY_NODES or b.type not in ENTITY_NODES:
                continue
            pair = (edge.source, edge.target)
            if pair in seen:
                line, column = self.where((*self.prefix, "edges", seen[pair].index))
                self.error(
                    "aif-duplicate-edge",
                    f"this edge from {edge.source!r} to {edge.target!r} repeats the one at line "
                    f"{line}, column {column}; remove one of them",
                    ("edges", edge.index),
                )
                continue
            seen[pair] = edge
            ins.setdefault(edge.target, []).append(edge)
            outs.setdefault(edge.source, []).append(edge)
        for node in nodes.values():
            if node.type not in SCHEME_NODES:
                continue
            name = f"{node.type} node {node.key!r}"
            targets = outs.get(node.key, [])
            if not targets:
                what = "the statement it attacks (or the RA node whose inference it attacks)"
                if node.type != "CA":
                    what = "its conclusion (or the RA node whose inference it supports)"
                self.error(
                    "aif-node-edges",
                    f"{name} points at nothing; add an edge from it to {what}",
                    node.path,
                )
            elif len(targets) > 1:
                shown = ", ".join(repr(e.target) for e in targets)
                self.error(
                    "aif-node-edges",
                    f"{name} points at {len(targets)} nodes ({shown}), but an argument has one "
                    f"conclusion; split it into one {node.type} node per conclusion",
                    ("edges", targets[1].index),
                )
            premises = ins.get(node.key, [])
            if not any(nodes[e.source].type == "I" for e in premises):
                self.error(
                    "aif-node-edges",
                    f"{name} has no premises; add an edge to it from each I-node it argues from",
                    node.path,
                )
            elif node.type == "CA" and len(targets) == 1:
                target = targets[0].target
                if any(e.source == target for e in premises):
                    self.error(
                        "aif-cycle",
                        f"{name} attacks {target!r}, which is also one of its premises; "
                        "a statement cannot attack itself: remove one of these edges",
                        ("edges", targets[0].index),
                    )
        # Circles of support load: the map's check warns of them (circular-support).

    # -- the map ---------------------------------------------------------------

    def build(
        self,
        nodes: dict[str, _Node],
        *,
        edges: list[_Edge],
        persons: dict[str, Any],
        aif: dict[str, Any],
        reserved_top: dict[str, Any],
        extra: dict[str, Any],
        wrapper: dict[str, Any] | None,
    ) -> ArgumentMap:
        """The map of the nodes and edges read: ids, the graph, who said what, the document."""
        generated = {
            k
            for k, n in nodes.items()
            if n.type not in ENTITY_NODES
            and isinstance(n.raw.get(RESERVED), dict)
            and n.raw[RESERVED].get("generated") is True
        }
        reserved, entity_ids = self.entity_ids(nodes)
        graph = _graph(nodes, edges, generated)
        speakers, held = self.speakers(nodes, edges, persons, aif, reserved_top)
        document = self.top(reserved_top)
        own_lang = document.get("lang")
        own_lang = own_lang[0] if isinstance(own_lang, list) and own_lang else own_lang
        draft = _Draft(reserved, entity_ids, held, own_lang)
        statements = self.statements(nodes, graph, draft)
        arguments = self.arguments(nodes, graph, draft, reserved_top)
        if statements:
            document["statements"] = statements
        if arguments:
            document["arguments"] = arguments
        reserved_agents = reserved_top.get("agents")
        new_agents = [a for a in speakers.new() if a.id in draft.used_agents]
        if new_agents:
            agents = dict(reserved_agents) if isinstance(reserved_agents, dict) else {}
            for agent in new_agents:
                agents[agent.id] = {"name": agent.name}
                if agent.data:
                    agents[agent.id]["data"] = _plain(agent.data)
            document["agents"] = agents
        self.keep(
            document,
            nodes,
            generated=generated,
            raw_edges=graph.raw_edges,
            aif=aif,
            extra=extra,
            wrapper=wrapper,
        )
        return self.finish(document, draft.table)

    def entity_ids(
        self, nodes: dict[str, _Node]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        """Ids: the reserved ones first, then the node ids, made valid where they are not.

        Returns each entity node's reserved fields (without ``id``) and the
        id of each entity node.
        """
        ids = Ids()
        reserved: dict[str, dict[str, Any]] = {}
        entity_ids: dict[str, str] = {}
        for node in nodes.values():
            if node.type not in ENTITY_NODES:
                continue
            value = node.raw.get(RESERVED, {})
            if not isinstance(value, dict):
                self.error(
                    "aif-reserved",
                    f"'{RESERVED}' of node {node.key!r} holds argmap's own fields as an object, "
                    f"got {_what(value)}; fix it or remove it",
                    (*node.path, RESERVED),
                )
                continue
            reserved[node.key] = value = dict(value)
            wanted = value.pop("id", None)
            if wanted is None:
                continue
            if not isinstance(wanted, str) or not ID_PATTERN.match(wanted):
                self.error(
                    "aif-reserved",
                    f"'id' of node {node.key!r} must be an id of letters, digits, '-', '_' "
                    f"and '.', got {wanted!r}",
                    (*node.path, RESERVED, "id"),
                )
            elif not ids.claim(wanted):
                self.error(
                    "aif-reserved",
                    f"'id' {wanted!r} of node {node.key!r} is given to another node too; "
                    "give each its own",
                    (*node.path, RESERVED, "id"),
                )
            else:
                entity_ids[node.key] = wanted
        self.stop()
        for node in nodes.values():
            if (
                node.type in ENTITY_NODES
                and node.key not in entity_ids
                and ID_PATTERN.match(node.key)
                and ids.claim(node.key)
            ):
                entity_ids[node.key] = node.key
        for node in nodes.values():
            if node.type in ENTITY_NODES and node.key not in entity_ids:
                entity_ids[node.key] = ids.make(_valid_id(node.key), "node")
        return reserved, entity_ids

    def speakers(
        self,
        nodes: dict[str, _Node],
        edges: list[_Edge],
        persons: dict[str, Any],
        aif: dict[str, Any],
        reserved_top: dict[str, Any],
    ) -> tuple[Speakers, dict[str, list[str]]]:
        """Who said what: the speakers known and found, and who holds each node."""
        reserved_agents = reserved_top.get("agents")
        known: list[Agent] = []
        if isinstance(reserved_agents, dict):
            for agent_id, value in reserved_agents.items():
                name = value.get("name") if isinstance(value, dict) else None
                data = value.get("data") if isinstance(value, dict) else None
                if isinstance(name, dict):  # a name with translations
                    name = next(iter(name.values()), None)
                if (
                    isinstance(agent_id, str)
                    and ID_PATTERN.match(agent_id)
                    and isinstance(name, str)
                    and name.strip()
                ):
                    try:
                        known.append(
                            Agent(agent_id, name, data=data if isinstance(data, dict) else {})
                        )
                    except ValueError:
                        known.append(Agent(agent_id, name))
        speakers = Speakers(known, participant_names(aif.get("participants")))
        held = attributions(
            {k: n.raw for k, n in nodes.items()},
            [(e.source, e.target) for e in edges],
            persons,
            speakers,
        )
        return speakers, held

    def top(self, reserved_top: dict[str, Any]) -> dict[str, Any]:
        """The map's own fields, from the reserved ones at the top of the AIF."""
        document: dict[str, Any] = dict(reserved_top)
        document.setdefault("argmap", 1)
        document.setdefault("title", _title(self.file))
        for section in ("statements", "arguments", "include"):
            if section in document:
                self.error(
                    "aif-reserved",
                    f"'{section}' cannot be given in '{RESERVED}' at the top: "
                    "the nodes say them; remove it",
                    (RESERVED, section),
                )
        return document

    def place(self, draft: _Draft, section: str, entity_id: str, node: _Node) -> None:
        """Record that ``entity_id`` of ``section`` comes from ``node``."""
        base = (*self.prefix, *node.path)
        draft.table[(section, entity_id)] = base
        draft.table[(section, entity_id, "<key>")] = (*base, "nodeID")

    def statements(self, nodes: dict[str, _Node], graph: _Graph, draft: _Draft) -> dict[str, Any]:
        """The statements: one for each I-node."""
        statements: dict[str, Any] = {}
        make = unchecked_maker(Statement)
        for node in nodes.values():
            if node.type != "I":
                continue
            sid = draft.entity_ids[node.key]
            entry = draft.reserved.get(node.key, {})
            if not entry and _AT_ONCE:  # none of argmap's own fields: the statement is the node's
                held = draft.held.get(node.key)
                draft.used_agents.update(held or ())
                statements[sid] = make(
                    id=sid,
                    text=node.text,
                    by=tuple(held or ()),
                    data=_data(_extras(node, draft.entity_ids)),
                )
            else:
                text = entry.get("text")
                if isinstance(text, dict) and isinstance(draft.own_lang, str):
                    # The text in the map's own language is the node's.
                    others = {k: v for k, v in text.items() if k != draft.own_lang}
                    entry["text"] = {draft.own_lang: node.text, **others}
                elif not isinstance(text, dict):
                    entry["text"] = node.text
                self.by(entry, draft.held.get(node.key), draft.used_agents)
                self.put_data(entry, _extras(node, draft.entity_ids), node)
                statements[sid] = entry
            self.place(draft, "statements", sid, node)
            draft.table[("statements", sid, "text")] = (*self.prefix, *node.path, "text")
        return statements

    def arguments(
        self,
        nodes: dict[str, _Node],
        graph: _Graph,
        draft: _Draft,
        reserved_top: dict[str, Any],
    ) -> dict[str, Any]:
        """The arguments: one for each scheme node (RA, CA, MA), with its premises and target."""
        own_schemes = reserved_top.get("schemes")
        schemes = [
            (sid, str(value.get("name", sid)) if isinstance(value, dict) else sid)
            for sid, value in (own_schemes.items() if isinstance(own_schemes, dict) else ())
        ]
        scheme_ids = scheme_table(schemes)
        names = {**_built_in_names(), **dict(schemes)} if schemes else _built_in_names()
        arguments: dict[str, Any] = {}
        make = unchecked_maker(Argument)
        for node in nodes.values():
            if node.type not in SCHEME_NODES:
                continue
            aid = draft.entity_ids[node.key]
            entry = draft.reserved.get(node.key, {})
            own = bool(entry)  # argmap's own fields, which argmap's format reads
            extras = _extras(node, draft.entity_ids)
            self.place(draft, "arguments", aid, node)
            premise_edges = graph.premises.get(node.key, [])
            premise_ids = []
            for index, edge in enumerate(premise_edges):
                premise_ids.append(draft.entity_ids[edge.source])
                at = (*self.prefix, "edges", edge.index)
                draft.table[("arguments", aid, "premises", index)] = at
            roles = entry.get("premises")
            if not (
                isinstance(roles, dict)
                and len(roles) == len(premise_ids)
                and set(roles.values()) == set(premise_ids)
            ):
                entry["premises"] = premise_ids
            out = graph.conclusion[node.key]
            target = nodes[out.target]
            target_id = draft.entity_ids[target.key]
            if node.type != "CA":
                kind = "support"  # of a statement, or of an argument as a whole
            elif target.type == "I" or entry.get("attacks") == target_id:
                kind = "attack"  # of a statement, or (so the reserved fields say) of an argument
            else:
                kind = "undercut"  # AIF's conflict with an inference
            for verb in _VERBS.values():
                entry.pop(verb, None)
            entry[_VERBS[kind]] = target_id
            draft.table[("arguments", aid, _VERBS[kind])] = (*self.prefix, "edges", out.index)
            # The scheme, when argmap knows it; the text when it is not the one AIF would give.
            written = extras.get("scheme")
            scheme_id = scheme_ids.get(normal_scheme(written)) if isinstance(written, str) else None
            if scheme_id is not None and "scheme" not in entry:
                entry["scheme"] = scheme_id
            chosen = entry.get("scheme") if isinstance(entry.get("scheme"), str) else None
            canonical = (
                aif_scheme_name(names[chosen]) if chosen is not None and chosen in names else chosen
            )
            if written is not None and written == canonical:
                del extras["scheme"]
            default = extras.get("scheme", canonical) or DEFAULT_TEXT[node.type]
            if node.text != default:
                extras["text"] = node.text
            if node.type == "MA":
                extras["type"] = "MA"
            edge_data = {}
            for edge in premise_edges:
                kept = _edge_extras(edge)
                if kept is not None:
                    edge_data[edge.source] = kept
            if edge_data:
                extras["in"] = edge_data
            kept = _edge_extras(out)
            if kept is not None:
                extras["out"] = kept
            scheme = entry.get("scheme")
            if not own and _AT_ONCE and (scheme is None or ID_PATTERN.match(scheme)):
                # Built at once, from what the nodes and edges say alone.
                held = draft.held.get(node.key)
                draft.used_agents.update(held or ())
                arguments[aid] = make(
                    id=aid,
                    premises=tuple(premise_ids),
                    kind=kind,
                    target=target_id,
                    scheme=scheme,
                    by=tuple(held or ()),
                    data=_data(extras),
                )
                continue
            self.by(entry, draft.held.get(node.key), draft.used_agents)
            self.put_data(entry, extras, node)
            arguments[aid] = entry
        return arguments

    def keep(
        self,
        document: dict[str, Any],
        nodes: dict[str, _Node],
        *,
        generated: set[str],
        raw_edges: list[dict[str, Any]],
        aif: dict[str, Any],
        extra: dict[str, Any],
        wrapper: dict[str, Any] | None,
    ) -> None:
        """Keep what argmap has no field for (other nodes, edges, locutions) in the map's data."""
        keep: dict[str, Any] = {}
        raw_nodes = [n.raw for n in nodes.values() if n.type not in ENTITY_NODES]
        raw_nodes = [n for n in raw_nodes if key(n["nodeID"]) not in generated]
        locutions = aif.get("locutions") or []
        locutions = [item for item in locutions if key(item["nodeID"]) not in generated]
        for name, value in (
            ("nodes", raw_nodes),
            ("edges", raw_edges),
            ("locutions", locutions),
            ("keys", extra),
            ("wrapper", wrapper),
        ):
            if value:
                keep[name] = value
        if keep:
            own = document.get("data")
            if own is not None and not isinstance(own, dict):
                self.error(
                    "aif-reserved",
                    f"'data' of the map must be an object, got {_what(own)}",
                    (RESERVED, "data"),
                )
            else:
                document["data"] = {**(own or {}), AIF_DATA: keep}

    def finish(self, document: dict[str, Any], table: dict[DocPath, DocPath]) -> ArgumentMap:
        """The map of ``document``; its errors, located in the AIF, stop the reading."""
        self.stop()
        located = _Located(self.positions, table, self.prefix)
        built = from_data(document, Origin(self.file, located), plain=True)
        problems = []
        for issue in built.issues:
            if issue.severity is not Severity.ERROR:
                continue
            position = Origin(self.file, located).locate(issue.path)
            line, column = (position[1], position[2]) if position else (None, None)
            problems.append(
                Issue(
                    "aif-reserved",
                    f"argmap's reserved fields: {issue.message}",
                    path=issue.path,
                    file=self.file,
                    line=line,
                    column=column,
                )
            )
        self.issues += problems
        self.stop()
        assert built.map is not None  # no errors, so a map
        return built.map

    def by(self, entry: dict[str, Any], held: list[str] | None, used: set[str]) -> None:
        if "by" not in entry and held:
            entry["by"] = list(held)
        value = entry.get("by")
        if isinstance(value, str):
            used.add(value)
        elif isinstance(value, list):
            used.update(v for v in value if isinstance(v, str))

    def put_data(self, entry: dict[str, Any], extras: dict[str, Any], node: _Node) -> None:
        if not extras:
            return
        own = entry.get("data")
        if own is not None and not isinstance(own, dict):
            self.error(
                "aif-reserved",
                f"'data' of node {node.key!r} must be an object, got {_what(own)}",
                (*node.path, RESERVED, "data"),
            )
            return
        entry["data"] = {**(own or {}), AIF_DATA: extras}


@attrs.define
class _Graph:
    """The graph between statements and arguments, by scheme node."""

    premises: dict[str, list[_Edge]]
    conclusion: dict[str, _Edge]
    raw_edges: list[dict[str, Any]]  # the edges of other nodes, kept as they are


def _graph(nodes: dict[str, _Node], edges: list[_Edge], generated: set[str]) -> _Graph:
    """The graph between statements and arguments: premises and conclusions."""
    premises: dict[str, list[_Edge]] = {}
    conclusion: dict[str, _Edge] = {}
    raw_edges: list[dict[str, Any]] = []
    for edge in edges:
        a, b = nodes[edge.source], nodes[edge.target]
        if a.type not in ENTITY_NODES or b.type not in ENTITY_NODES:
            if edge.source not in generated and edge.target not in generated:
                raw_edges.append(edge.raw)
            continue
        conclusion_of = a.type in SCHEME_NODES
        if conclusion_of:
            conclusion[edge.source] = edge
        if a.type == "I":
            premises.setdefault(edge.target, []).append(edge)
    return _Graph(premises, conclusion, raw_edges)


@attrs.define
class _Draft:
    """The map being written in argmap's format, and where each of its parts came from."""

    reserved: dict[str, dict[str, Any]]
    entity_ids: dict[str, str]
    held: dict[str, list[str]]
    own_lang: Any
    table: dict[DocPath, DocPath] = attrs.Factory(dict)
    used_agents: set[str] = attrs.Factory(set)


def _extras(node: _Node, entity_ids: dict[str, str]) -> dict[str, Any]:
    """What a node holds beyond its id, type and text (and the reserved fields)."""
    extras = {k: v for k, v in node.raw.items() if k not in ("nodeID", "type", "text", RESERVED)}
    node_id = node.raw["nodeID"]
    if node_id != entity_ids[node.key]:
        extras = {"nodeID": node_id, **extras}
    return extras


def _data(extras: dict[str, Any]) -> Mapping[str, Any]:
    """The data of a statement or argument whose node holds ``extras`` beyond its id,
    type and text, and no reserved fields: as :meth:`_Reader.put_data` writes it, made
    read-only here (as the model freezes data) when it holds objects and scalars alone."""
    if not extras:
        return {}
    frozen = _read_only(extras)
    return {AIF_DATA: extras} if frozen is None else types.MappingProxyType({AIF_DATA: frozen})


#: JSON's scalars, read-only as they are.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _read_only(values: dict[str, Any]) -> Mapping[str, Any] | None:
    """``values`` read-only all through, when it holds JSON's objects (with text keys, as
    JSON's are) and scalars alone; ``None`` for anything else, which the model freezes."""
    frozen: dict[str, Any] = {}
    for name, value in values.items():
        kind = type(value)
        if kind in _SCALARS:
            frozen[name] = value
            continue
        inner = _read_only(value) if kind is dict else None
        if inner is None:
            return None
        frozen[name] = inner
    return types.MappingProxyType(frozen)


def _edge_extras(edge: _Edge) -> dict[str, Any] | None:
    """What an edge holds beyond its ends, unless it is what argmap writes by itself."""
    extras = {k: v for k, v in edge.raw.items() if k not in ("fromID", "toID")}
    if extras == default_edge(edge.source, edge.target):
        return None
    return extras


def default_edge(source: str, target: str) -> dict[str, Any]:
    """The id and fields argmap gives an edge it writes."""
    return {"edgeID": f"{source}->{target}", "formEdgeID": None}


@functools.cache
def _built_in_names() -> dict[str, str]:
    """The names of the schemes of argmap's catalogue, by id (made once: do not change it)."""
    return dict(built_in_schemes())


def _valid_id(node_key: str) -> str:

    return slug(node_key) or "node"


def _title(file: str) -> str:
    if file == "<string>":
        return "AIF map"
    name = Path(file).name
    for suffix in (".aif.json", ".json", ".aif"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _plain(value: Any) -> Any:

    return plain(value)


def read(text: str, file: str, *, parsed: Any = _jsonpos.UNREAD) -> ArgumentMap:
    """Read AIF JSON as a map; raise MapError with the line and column of each problem.

    ``parsed`` is what :func:`argmap._jsonpos.fast_parse` gave for ``text``, when
    it was called already (to tell the format).
    """
    try:
        data, positions, issues = _jsonpos.parse(text, file, parsed=parsed)
    except MapError as exc:
        codes = {"json-syntax": "aif-syntax", "too-deep": "aif-too-deep"}
        raise MapError(
            attrs.evolve(i, code=codes.get(i.code, i.code), message=_json_fix(i))
            for i in exc.issues
        ) from None
    if issues:
        raise MapError(
            attrs.evolve(i, code="aif-duplicate-key") if i.code == "duplicate-key" else i
            for i in issues
        )
    return _Reader(data, positions, file).run()


def _json_fix(issue: Issue) -> str:
    if issue.code == "json-syntax":
        return f"{issue.message}; AIF is JSON: fix the JSON at this place"
    return issue.message
