"""Writing a map as AIF JSON (AIFdb's layout) that reads back to an equal map.

Statements become I-nodes, support arguments RA-nodes (MA-nodes when they
came from one), attacks and undercuts CA-nodes, each with an edge from every
premise and one to the target (an I-node, or the node of the argument it
backs, attacks or undercuts: a CA node on an argument's node is an undercut
unless its reserved fields say ``attacks``). Who holds a statement becomes an L-node
("Name : text") and a YA-node (Asserting; Pure Questioning for a question,
Default Illocuting for a hypothesis) with its locution, so AIF tools see the
speaker. Each quote becomes an L-node holding the passage, anchored as AIF+
anchors it: through a YA-node to a statement's I-node, through a TA-node and
a YA-node (Arguing, Disagreeing, Restating) to an argument's node. What AIF
has no place for (titles, tags, the quotes' sources, implicit, mode, hedge,
via, the map's title and description, ...) is written under the reserved key
``argmap``, in the node it belongs to or at the top; the generated dialogue
is marked there too, and dropped on reading.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .._check import check
from .._format import to_data
from .._helpers import fresh_id
from .._locate import locate
from ..errors import MapError, Severity
from ..model import Argument, ArgumentMap, Mode, RelationType, Statement, plain
from .read import default_edge
from .shared import (
    AIF_DATA,
    DEFAULT_TEXT,
    RESERVED,
    Speakers,
    aif_scheme_name,
    attributions,
    built_in_schemes,
    key,
    normal_scheme,
    participant_names,
    scheme_table,
)

__all__ = ["write"]

_TARGET_KEYS = ("supports", "attacks", "undercuts")
#: The illocution (YA-node) by which a statement's speaker and quote put it, by its mode.
_ILLOCUTIONS: dict[Mode, str] = {
    "asserted": "Asserting",
    "question": "Pure Questioning",
    "hypothetical": "Default Illocuting",
}


def _aif(entity: Statement | Argument) -> dict[str, Any]:
    data = entity.data.get(AIF_DATA)
    return plain(data) if isinstance(data, Mapping) else {}


class _Writer:
    def __init__(self, map: ArgumentMap) -> None:
        self.map = map
        kept = map.data.get(AIF_DATA)
        self.kept: dict[str, Any] = plain(kept) if isinstance(kept, Mapping) else {}
        own = [(s.id, s.name) for s in map.schemes.values()]
        self.scheme_ids = scheme_table(own)
        self.scheme_names = dict([*built_in_schemes(), *own])
        self.node_taken: set[str] = set()
        self.counters: dict[str, int] = {}  # for fresh_id
        self.edge_taken: set[str] = set()

    def node_id(self, entity_id: str) -> Any:
        entity = self.map.statements.get(entity_id) or self.map.arguments.get(entity_id)
        if entity is None:
            return entity_id
        return _aif(entity).get("nodeID", entity_id)

    def edge(self, source: Any, target: Any, extras: Any) -> dict[str, Any]:
        if not isinstance(extras, dict):
            extras = default_edge(key(source), key(target))
            base, number = extras["edgeID"], 1
            while extras["edgeID"] in self.edge_taken:
                number += 1
                extras["edgeID"] = f"{base}-{number}"
            self.edge_taken.add(extras["edgeID"])
        result: dict[str, Any] = {}
        if "edgeID" in extras:
            result["edgeID"] = extras["edgeID"]
        result["fromID"] = source
        result["toID"] = target
        result.update((k, v) for k, v in extras.items() if k != "edgeID")
        return result

    def scheme_name(self, argument: Argument, kept: Any) -> str | None:
        """The scheme as the node names it: as it was read, else as AIFdb spells it."""
        if argument.scheme is None:
            return kept if isinstance(kept, str) else None
        if isinstance(kept, str) and self.scheme_ids.get(normal_scheme(kept)) == argument.scheme:
            return kept
        name = self.scheme_names.get(argument.scheme)
        return aif_scheme_name(name) if name is not None else argument.scheme

    def document(self) -> dict[str, Any]:
        """The AIF document: a node for each statement and argument, then who says what."""
        m = self.map
        full = to_data(m)
        self.take_kept_edge_ids()
        nodes: list[dict[str, Any]] = []
        edges: list[dict[str, Any]] = []
        reserved: dict[str, dict[str, Any]] = {}  # by node id (as text)
        entity_of: dict[str, Statement | Argument] = {}
        for statement in m.statements.values():
            node, entry = self.statement_node(statement, full["statements"][statement.id])
            nodes.append(node)
            reserved[key(node["nodeID"])] = entry
            entity_of[key(node["nodeID"])] = statement
        for argument in m.arguments.values():
            node, entry = self.argument_node(argument, full["arguments"][argument.id], edges)
            nodes.append(node)
            reserved[key(node["nodeID"])] = entry
            entity_of[key(node["nodeID"])] = argument

        self.node_taken = {key(n["nodeID"]) for n in nodes}
        kept_nodes = [n for n in self.kept.get("nodes", []) if isinstance(n, dict)]
        self.node_taken |= {key(n.get("nodeID")) for n in kept_nodes}
        nodes += kept_nodes
        edges += [e for e in self.kept.get("edges", []) if isinstance(e, dict)]
        locutions = [item for item in self.kept.get("locutions", []) if isinstance(item, dict)]
        extra: dict[str, Any] = {}
        if isinstance(self.kept.get("keys"), dict):
            extra = self.kept["keys"]
        participants = participant_names(extra.get("participants"))

        # Who holds what: the dialogue kept from AIF says some; L and YA nodes say the rest.
        held = self.attributions(nodes, edges, locutions, participants)
        for statement in m.statements.values():
            node_id = self.node_id(statement.id)
            for agent_id in statement.by:
                if agent_id in held.get(key(node_id), []) or agent_id not in m.agents:
                    continue
                self.speak(
                    statement,
                    node_id=node_id,
                    agent_id=agent_id,
                    nodes=nodes,
                    edges=edges,
                    locutions=locutions,
                )
        # Quotes: the passage itself as a locution anchored to the node it states.
        quoted: list[Statement | Argument] = [*m.statements.values(), *m.arguments.values()]
        for part in quoted:
            for number, citation in enumerate(part.quotes, 1):
                self.quote(
                    part,
                    citation.text,
                    number=number,
                    nodes=nodes,
                    edges=edges,
                    locutions=locutions,
                )
        held = self.attributions(nodes, edges, locutions, participants)

        for node in nodes:
            entity = entity_of.get(key(node.get("nodeID")))
            if entity is not None:
                self.reserve(node, entity, reserved, held)

        top = {k: v for k, v in full.items() if k not in ("statements", "arguments")}
        _drop_aif_data(top)
        document: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": locutions}
        document.update(extra)
        document[RESERVED] = top
        wrapper = self.kept.get("wrapper")
        if isinstance(wrapper, dict):
            return {"AIF": document, **wrapper}
        return document

    def take_kept_edge_ids(self) -> None:
        """Take the ids of the edges kept from an AIF read, so new edges get others."""
        for edge in self.kept.get("edges", []):
            if isinstance(edge, dict) and "edgeID" in edge:
                self.edge_taken.add(key(edge["edgeID"]))
        for argument in self.map.arguments.values():
            extras = _aif(argument)
            for kept in [*(extras.get("in") or {}).values(), extras.get("out")]:
                if isinstance(kept, dict) and "edgeID" in kept:
                    self.edge_taken.add(key(kept["edgeID"]))

    def statement_node(
        self, statement: Statement, entry: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The I-node of ``statement``, and what of ``entry`` (its fields) AIF does not say."""
        m = self.map
        extras = _aif(statement)
        node_id = extras.pop("nodeID", statement.id)
        node = {"nodeID": node_id, "text": statement.text, "type": "I", **extras}
        entry = dict(entry)
        text = entry.get("text")
        if text == statement.text:
            del entry["text"]
        elif isinstance(text, dict) and text.get(m.lang) == statement.text:
            # The node holds the text in the map's own language.
            entry["text"] = {k: v for k, v in text.items() if k != m.lang}
        return node, entry

    def argument_node(
        self, argument: Argument, entry: dict[str, Any], edges: list[dict[str, Any]]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The RA, CA or MA node of ``argument`` and what AIF does not say; edges to ``edges``."""
        extras = _aif(argument)
        node_id = extras.pop("nodeID", argument.id)
        if argument.kind == "support":
            kind = "MA" if extras.get("type") == "MA" else "RA"
        else:
            kind = "CA"
        extras.pop("type", None)
        edges_in = extras.pop("in", None) or {}
        edge_out = extras.pop("out", None)
        scheme = self.scheme_name(argument, extras.get("scheme"))
        text = extras.pop("text", scheme or DEFAULT_TEXT[kind])
        node = {"nodeID": node_id, "text": text, "type": kind}
        for name, value in extras.items():
            if name in ("scheme", "schemeID") and scheme is not None:
                node.setdefault("scheme", scheme)  # where AIFdb writes it
            if name != "scheme":
                node[name] = value
        if scheme is not None:
            node.setdefault("scheme", scheme)
        for premise in argument.premises:
            source = self.node_id(premise)
            edges.append(self.edge(source, node_id, edges_in.get(key(source))))
        # The target's node: a statement's I-node, or the node of the argument it backs,
        # attacks or undercuts.
        edges.append(self.edge(node_id, self.node_id(argument.target), edge_out))
        entry = dict(entry)
        # The edge says the target. A CA node on an argument's node is AIF's undercut, so an
        # attack on an argument as a whole keeps 'attacks' among the reserved fields.
        whole_attack = self.map.relation_type(argument) is RelationType.ARGUMENT_ATTACK
        for verb in _TARGET_KEYS:
            if not (verb == "attacks" and whole_attack):
                entry.pop(verb, None)
        if not isinstance(entry.get("premises"), dict):
            entry.pop("premises", None)
        if scheme is not None and self.scheme_ids.get(normal_scheme(scheme)) == argument.scheme:
            entry.pop("scheme", None)
        return node, entry

    def reserve(
        self,
        node: dict[str, Any],
        entity: Statement | Argument,
        reserved: dict[str, dict[str, Any]],
        held: dict[str, list[str]],
    ) -> None:
        """Put under ``RESERVED`` in ``node`` what AIF cannot say of ``entity``."""
        node_key = key(node.get("nodeID"))
        entry = reserved[node_key]
        if held.get(node_key, []) == list(entity.by):
            entry.pop("by", None)
        elif "by" not in entry:
            # The dialogue names a speaker the map does not: say that nobody holds it.
            entry["by"] = []
        _drop_aif_data(entry)
        if node_key != entity.id:
            entry = {"id": entity.id, **entry}
        if entry:
            node[RESERVED] = entry

    def attributions(
        self,
        nodes: list[dict[str, Any]],
        edges: list[dict[str, Any]],
        locutions: list[dict[str, Any]],
        participants: dict[str, str],
    ) -> dict[str, list[str]]:
        by_id = {key(n.get("nodeID")): n for n in nodes}
        pairs = [
            (key(e.get("fromID")), key(e.get("toID")))
            for e in edges
            if key(e.get("fromID")) in by_id and key(e.get("toID")) in by_id
        ]
        persons = {
            key(item["nodeID"]): item.get("personID")
            for item in locutions
            if "nodeID" in item and item.get("personID") is not None
        }
        speakers = Speakers(self.map.agents.values(), participants)
        return attributions(by_id, pairs, persons, speakers)

    def speak(
        self,
        statement: Statement,
        *,
        node_id: Any,
        agent_id: str,
        nodes: list[dict[str, Any]],
        edges: list[dict[str, Any]],
        locutions: list[dict[str, Any]],
    ) -> None:
        """An L-node and a YA-node saying that ``agent_id`` asserts ``statement``."""
        agent = self.map.agents[agent_id]
        l_node = self.fresh(f"{key(node_id)}.{agent_id}.L")
        ya_node = self.fresh(f"{key(node_id)}.{agent_id}.YA")
        nodes.append(_generated(l_node, "L", f"{agent.name} : {statement.text}"))
        nodes.append(_generated(ya_node, "YA", _ILLOCUTIONS[statement.mode], scheme=True))
        edges.append(self.edge(l_node, ya_node, None))
        edges.append(self.edge(ya_node, node_id, None))
        aif = agent.data.get(AIF_DATA)
        person = aif.get("personID", agent.id) if isinstance(aif, Mapping) else agent.id
        locutions.append({"nodeID": l_node, "personID": person})

    def quote(
        self,
        entity: Statement | Argument,
        text: str,
        *,
        number: int,
        nodes: list[dict[str, Any]],
        edges: list[dict[str, Any]],
        locutions: list[dict[str, Any]],
    ) -> None:
        """An L-node holding a quote, anchored to the node of ``entity`` as AIF+ anchors it.

        A statement's quote asserts (asks, supposes) its I-node through a
        YA-node; an argument's quote is where a transition (TA-node) leads,
        and the transition argues (disagrees, restates) through a YA-node
        anchoring the RA, CA or MA node.
        """
        node_id = self.node_id(entity.id)
        base = f"{key(node_id)}.quote-{number}"
        l_node = self.fresh(f"{base}.L")
        nodes.append(_generated(l_node, "L", text))
        locutions.append({"nodeID": l_node})
        ya_node = self.fresh(f"{base}.YA")
        if isinstance(entity, Statement):
            nodes.append(_generated(ya_node, "YA", _ILLOCUTIONS[entity.mode], scheme=True))
            edges.append(self.edge(l_node, ya_node, None))
        else:
            ta_node = self.fresh(f"{base}.TA")
            nodes.append(_generated(ta_node, "TA", "Default Transition"))
            nodes.append(_generated(ya_node, "YA", _anchor(entity), scheme=True))
            edges.append(self.edge(ta_node, l_node, None))
            edges.append(self.edge(ta_node, ya_node, None))
        edges.append(self.edge(ya_node, node_id, None))

    def fresh(self, base: str) -> str:
        candidate = fresh_id(base, self.node_taken, counters=self.counters)
        self.node_taken.add(candidate)
        return candidate


def _generated(node_id: str, kind: str, text: str, *, scheme: bool = False) -> dict[str, Any]:
    """A dialogue node argmap writes and drops again on reading (marked in the reserved key)."""
    node: dict[str, Any] = {"nodeID": node_id, "text": text, "type": kind}
    if scheme:
        node["scheme"] = text
    node[RESERVED] = {"generated": True}
    return node


def _anchor(argument: Argument) -> str:
    """The illocution that anchors an argument's node: AIF+ argues for RA, disagrees for CA."""
    if argument.kind != "support":
        return "Disagreeing"
    return "Restating" if _aif(argument).get("type") == "MA" else "Arguing"


def write(map: ArgumentMap) -> str:
    """The map as AIF JSON; a map with errors is refused with MapError."""
    errors = [i for i in check(map, verify_quotes=False) if i.severity is Severity.ERROR]
    if errors:
        raise MapError(locate(map, errors))
    from .._json import require_finite  # JSON cannot write NaN or infinity: say where

    require_finite(map)
    document = _Writer(map).document()
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _drop_aif_data(entry: dict[str, Any]) -> None:
    """Drop ``AIF_DATA`` (what AIF's own fields carry) from ``entry``'s data; empty data goes."""
    data = entry.get("data")
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k != AIF_DATA}
        if data:
            entry["data"] = data
        else:
            del entry["data"]
