"""GraphML export: a map as a directed graph for yEd, Gephi, Cytoscape and networkx.

The nodes and edges are those of argmap's diagrams, taken from the same
:class:`~argmap.view.MapView`: a node for each statement and each argument,
an edge from each premise to its argument and one from the argument to what
it supports, attacks or undercuts; a node for each issue, with an edge from
each of its positions. What each node and edge is comes as GraphML data,
every key declared.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import attrs

from ._text import clean
from .model import Argument, ArgumentMap, Dispute, Statement
from .view import MapView, ViewNode, build_view

__all__ = ["ISSUE_KEYS", "KEYS", "Key", "to_graphml"]

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


@attrs.frozen
class Key:
    """A GraphML ``<key>``: an attribute that nodes, edges or the graph carry.

    Attributes:
        id: The key's id in the document, e.g. ``n_kind``.
        domain: ``"graph"``, ``"node"`` or ``"edge"`` (GraphML's ``for``).
        name: The attribute's name as tools show it (``attr.name``).
        type: ``"string"`` or ``"boolean"`` (``attr.type``).
        description: What it holds, written into the key's ``<desc>``.
    """

    id: str
    domain: str
    name: str
    type: str
    description: str


#: The values of ``attack_type``, on an argument's node and on its edge alike.
_ATTACKS = "rebuttal, undermining, undercut"
#: Every key a document declares, in the order written.
KEYS: tuple[Key, ...] = (
    Key("g_title", "graph", "title", "string", "The map's title"),
    Key("g_lang", "graph", "lang", "string", "The language of the text (BCP 47)"),
    Key("n_kind", "node", "kind", "string", "statement or argument"),
    Key("n_map_id", "node", "map_id", "string", "The statement's or argument's id in the map"),
    Key("n_label", "node", "label", "string", "What the diagram shows: title, else text or id"),
    Key("n_title", "node", "title", "string", "The title, when there is one"),
    Key("n_text", "node", "text", "string", "A statement's text"),
    Key("n_tags", "node", "tags", "string", "The tags, separated by ', '"),
    Key("n_speakers", "node", "speakers", "string", "Who holds or argues it, separated by '; '"),
    Key("n_status", "node", "status", "string", "A statement's status: assumed or questioned"),
    Key("n_thesis", "node", "thesis", "boolean", "Whether a statement is a main thesis"),
    Key("n_relation", "node", "relation", "string", "An argument's: support, attack, undercut"),
    Key("n_attack_type", "node", "attack_type", "string", f"An attacking argument's: {_ATTACKS}"),
    Key("n_scheme", "node", "scheme", "string", "An argument's argumentation scheme"),
    Key("n_group", "node", "group", "string", "The id of the group it is drawn in"),
    Key("e_kind", "edge", "kind", "string", "premise, support, attack or undercut"),
    Key("e_attack_type", "edge", "attack_type", "string", f"An attack's: {_ATTACKS}"),
)
#: The keys a document declares after :data:`KEYS` when it has issues; the
#: ``kind`` of a node may then be ``issue``, of an edge ``position``.
ISSUE_KEYS: tuple[Key, ...] = (
    Key(
        "n_issue",
        "node",
        "issue",
        "string",
        "The id of the issue whose question it is (an issue, or the statement asking one)",
    ),
    Key("n_standard", "node", "standard", "string", "An issue's proof standard: pe, cce or brd"),
)
_KEY_IDS = {(key.domain, key.name): key.id for key in (*KEYS, *ISSUE_KEYS)}
#: The descriptions of the kinds in a document with issues.
_ISSUE_KINDS = {
    "n_kind": "statement, argument or issue",
    "e_kind": "premise, support, attack, undercut or position",
}


def to_graphml(map: ArgumentMap, *, lang: str | None = None) -> str:
    """The map as a GraphML document.

    One directed graph: a node per statement (id ``statement-<id>``) and per
    argument (``argument-<id>``), in the map's order; an edge from each
    premise to its argument and from each argument to its target, in the
    order of argmap's diagrams. An issue is a node of kind ``issue``
    (``issue-<id>``) with an edge of kind ``position`` from each of its
    positions; an issue asked by a statement is that statement's node,
    which then carries the issue's id (``issue``), as an issue's node
    does, and its ``standard``. The keys of issues (:data:`ISSUE_KEYS`) are
    declared only in a document that has one. Text keeps its line breaks; control
    characters that XML 1.0 cannot carry are dropped, and tabs and other
    line or paragraph separators become spaces.

    Args:
        map: The map; it need not be checked.
        lang: Write the text in this language, one of the map's ``langs``
            (text not translated into it stays in the map's own).

    Returns:
        The document, UTF-8 XML ending in a newline; the same map always
        gives the same text.

    Raises:
        ValueError: If ``lang`` is not one of the map's languages.
    """
    view = build_view(map, lang=lang, relation_nodes=True)
    root = ET.Element(
        "graphml",
        {"xmlns": NAMESPACE, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{NAMESPACE} {SCHEMA}"},
    )
    issues = any(node.issue for node in view.nodes)
    for key in (*KEYS, *ISSUE_KEYS) if issues else KEYS:
        element = ET.SubElement(
            root,
            "key",
            {"id": key.id, "for": key.domain, "attr.name": key.name, "attr.type": key.type},
        )
        description = _ISSUE_KINDS.get(key.id, key.description) if issues else key.description
        ET.SubElement(element, "desc").text = description
    graph = ET.SubElement(root, "graph", {"id": "argmap", "edgedefault": "directed"})
    _data(graph, "graph", "title", view.title)
    _data(graph, "graph", "lang", view.lang or map.lang)
    groups = {member: cluster.ref for cluster in view.clusters for member in cluster.members}
    for node in view.nodes:
        element = ET.SubElement(graph, "node", {"id": node.id})
        for name, value in _node_data(map, view, node, groups.get(node.id)):
            _data(element, "node", name, value)
    refs = {node.id: node.ref for node in view.nodes}
    for number, edge in enumerate(view.edges):
        element = ET.SubElement(
            graph, "edge", {"id": f"e{number}", "source": edge.source, "target": edge.target}
        )
        _data(element, "edge", "kind", edge.kind)
        if edge.kind in ("attack", "undercut"):
            attack = map.attack_type(refs[edge.source])
            _data(element, "edge", "attack_type", str(attack) if attack else None)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _node_data(
    map: ArgumentMap, view: MapView, node: ViewNode, group: str | None
) -> Iterator[tuple[str, str | bool | None]]:
    """(name, value) of each attribute of a node, in the order of :data:`KEYS`."""
    if node.kind == "issue":
        yield from _issue_data(map.issues[node.ref], node)
        return
    entity: Statement | Argument
    if node.kind == "statement":
        entity = map.statements[node.ref]
        text = map.localized(entity, "text", view.lang)[0] or entity.text
    else:
        entity = map.arguments[node.ref]
        text = None
    yield "kind", node.kind
    yield "map_id", node.ref
    yield "label", node.title or text or node.ref
    yield "title", node.title
    yield "text", text
    yield "tags", ", ".join(entity.tags) or None
    yield "speakers", "; ".join(node.speakers) or None
    if isinstance(entity, Statement):
        yield "status", entity.status
        yield "thesis", node.thesis
    else:
        attack = map.attack_type(entity)
        yield "relation", entity.kind
        yield "attack_type", str(attack) if attack else None
        yield "scheme", entity.scheme
    yield "group", group
    if node.issue is not None:
        yield "issue", node.issue
        yield "standard", map.issues[node.issue].proof_standard


def _issue_data(dispute: Dispute, node: ViewNode) -> Iterator[tuple[str, str | bool | None]]:
    """(name, value) of each attribute of an issue's own node."""
    question = " ".join(node.lines)
    yield "kind", "issue"
    yield "map_id", dispute.id
    yield "label", question
    yield "text", question
    yield "issue", dispute.id
    yield "standard", dispute.proof_standard


def _data(parent: ET.Element, domain: str, name: str, value: str | bool | None) -> None:
    """A ``<data>`` element under ``parent``; none for a missing value."""
    if value is None:
        return
    text = (
        ("true" if value else "false") if isinstance(value, bool) else clean(value, newlines=True)
    )
    ET.SubElement(parent, "data", {"key": _KEY_IDS[domain, name]}).text = text
