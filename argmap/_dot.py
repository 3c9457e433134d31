"""DOT through Graphviz: the graph of a view, the quoting of its text, and running ``dot``.

The only module that imports :mod:`graphviz`, and only inside functions, so
``import argmap`` stays fast; DOT source is written by :class:`Graph`, as a
``graphviz.Digraph`` writes it, so that only running ``dot`` (and quoting the
rare text graphviz escapes) needs the package. All text that reaches DOT passes through
:func:`_html` (HTML-like labels) or :func:`_tooltip` (the escString
``tooltip``), and the title also through :func:`_dot_name` (the graph's name);
``dot`` runs only in :func:`run_dot`.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ._helpers import wrap
from ._palette import (
    ARGUMENT_ATTRS,
    ARGUMENT_STYLES,
    CHANGE_STYLES,
    CLUSTER_ATTRS,
    EDGE_ATTRS,
    EDGE_STYLES,
    FOLD_ATTRS,
    GRAPH_ATTRS,
    ISSUE_ATTRS,
    LABEL_BADGES,
    LABEL_MEANINGS,
    LABEL_STYLES,
    MARK_FONT,
    MUTED,
    NODE_ATTRS,
    OUT_EDGES,
    REMOVED_EDGE,
    ROWS_CLUSTER_ATTRS,
    ROWS_GRAPH_ATTRS,
    ROWS_NODE_ATTRS,
    SPEAKER_FONT,
    SPEAKER_POINTS,
    THESIS_ATTRS,
    UNTRANSLATED_FONT,
)
from ._text import UNSAFE, clean
from .errors import RenderError
from .view import (
    DEFAULT_WIDTH,
    EdgeKind,
    MapView,
    Rankdir,
    ViewCluster,
    ViewNode,
    Wording,
    byline,
    untranslated,
)

#: Above this many nodes (the large-map limit of ``argmap render``), Graphviz
#: lays out with bounded searches: on maps of thousands of nodes the full
#: searches take most of the render, and minutes at 7,000 nodes, for a
#: drawing no better to read.
LIGHT_LAYOUT_NODES = 300
#: The bounds: network simplex iterations that place nodes within their rank
#: (``nslimit``, a fraction of the node count), and the passes that reorder
#: nodes to cut crossings (``mclimit``, a fraction of the default 24 per pass:
#: about a quarter of the time, some 15-20% more crossings on maps of 1,000
#: arguments). The ranks are computed exactly, edges routed as always.
LIGHT_LAYOUT = {"nslimit": "0.5", "mclimit": "0.2"}
#: And when such a diagram has groups (clusters): one ranking of the whole graph.
#: Graphviz's default ranks each cluster on its own, so a chain of reasoning
#: that passes from one group to another and back is laid flat: a debate of
#: 2,000 arguments whose relations stand under one heading and whose
#: arguments under another came out on three ranks, 4,300 nodes wide, with
#: 1.8 million crossings; ranked as a whole, on 36 ranks with 93,000, in less
#: time. Without clusters both rankings are the same, the default the faster.
LIGHT_LAYOUT_CLUSTERS = {"newrank": "true"}


def _graphviz() -> Any:
    """The :mod:`graphviz` package, imported on first use so ``import argmap`` stays fast."""
    import graphviz

    return graphviz


def run_dot(source: str, format: str) -> bytes:
    """Lay out ``source`` with Graphviz's ``dot`` and return the ``format`` output."""
    graphviz = _graphviz()
    try:
        data: bytes = graphviz.pipe("dot", format, source.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound:
        raise RenderError(
            f"rendering {format.upper()} needs Graphviz's `dot` on PATH; install it with "
            "`apt-get install graphviz` (Debian/Ubuntu), `brew install graphviz` (macOS) "
            "or from https://graphviz.org/download/; "
            "`argmap render --format dot` works without it"
        ) from None
    except graphviz.CalledProcessError as exc:
        stderr = exc.stderr.decode("utf-8", "replace").strip() if exc.stderr else ""
        raise RenderError(
            f"Graphviz's `dot` failed to render {format.upper()} "
            f"(exit status {exc.returncode}): {stderr or 'it printed no message'}"
        ) from None
    return data


class _NoHtml(str):
    """Text that stays text in DOT even when it reads ``<...>`` (graphviz's ``nohtml``)."""

    __slots__ = ()


class Graph:
    """DOT source built line by line, as ``graphviz.Digraph`` writes it.

    The few calls argmap makes of a Digraph, with the same text: a node's or
    an edge's attributes sorted by name, after the label; a subgraph's lines
    indented by a tab. Without graphviz's package, which ``to_dot`` then does
    not import, and without its checks of each call's arguments, which
    thousands of nodes pay. A test holds the two together.
    """

    __slots__ = ("body", "edge_attr", "graph_attr", "name", "node_attr")

    def __init__(
        self,
        name: str | None = None,
        graph_attr: dict[str, str] | None = None,
        node_attr: dict[str, str] | None = None,
        edge_attr: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.graph_attr = dict(graph_attr or {})
        self.node_attr = dict(node_attr or {})
        self.edge_attr = dict(edge_attr or {})
        #: The lines of the graph's statements, each with its final newline.
        self.body: list[str] = []

    def attr(self, kw: str | None = None, **attrs: str) -> None:
        """A statement of attributes: of the graph itself (``kw`` ``None``), or the
        defaults of its ``"graph"``, ``"node"`` or ``"edge"``."""
        if attrs:
            self.body.append(
                f"\t{_sorted_pairs(attrs)}\n" if kw is None else _attr_statement(kw, attrs)
            )

    def node(
        self,
        name: str,
        label: str | None = None,
        _attributes: Any = None,  # a dict; Any, so that **attrs of text may come along
        **attrs: str,
    ) -> None:
        """A node statement."""
        self.body.append(_node_line(name, attrs, label, _attributes))

    def edge(
        self,
        tail: str,
        head: str,
        label: str | None = None,
        _attributes: Any = None,  # a dict; Any, so that **attrs of text may come along
        **attrs: str,
    ) -> None:
        """An edge statement."""
        pairs = _a_list(attrs, label, _attributes)
        self.body.append(
            f"\t{_quote_edge(tail)} -> {_quote_edge(head)}{f' [{pairs}]' if pairs else ''}\n"
        )

    def subgraph(self, graph: Graph) -> None:
        """``graph``'s lines, as a subgraph of this one."""
        self.body += [f"\t{line}" for line in graph.lines(subgraph=True)]

    def lines(self, *, subgraph: bool = False) -> list[str]:
        """The graph's lines: its head, its defaults, its body, its end."""
        name = f"{_quote(self.name)} " if self.name else ""
        head = (
            (f"subgraph {name}{{\n" if self.name else "{\n") if subgraph else f"digraph {name}{{\n"
        )
        lines = [head]
        for kw, attrs in (
            ("graph", self.graph_attr),
            ("node", self.node_attr),
            ("edge", self.edge_attr),
        ):
            if attrs:
                lines.append(_attr_statement(kw, attrs))
        lines += self.body
        lines.append("}\n")
        return lines

    @property
    def source(self) -> str:
        """The DOT source."""
        return "".join(self.lines())


def _attr_statement(kw: str, attrs: Mapping[str, str | None]) -> str:
    """The defaults of a graph's ``kw`` (``"graph"``, ``"node"``, ``"edge"``)."""
    pairs = _sorted_pairs(attrs)
    return f"\t{kw} [{pairs}]\n" if pairs else f"\t{kw}\n"


def _sorted_pairs(attrs: Mapping[str, str | None], skip: str = "") -> str:
    """``key=value ...`` sorted by key, each quoted; a key without a value, and ``skip``,
    left out."""
    return " ".join(_pair(k, v) for k, v in sorted(attrs.items()) if v is not None and k != skip)


# -- building the graph -------------------------------------------------------


def digraph(view: MapView) -> Graph:
    """The DOT graph of ``view``."""
    graph = Graph(name=_dot_name(view.title))
    graph_attr = {
        **GRAPH_ATTRS,
        "rankdir": view.rankdir,
        **(ROWS_GRAPH_ATTRS if view.rows else {}),
        **(_light_layout(view) if len(view.nodes) > LIGHT_LAYOUT_NODES else {}),
    }
    node_attr = {**NODE_ATTRS, **(ROWS_NODE_ATTRS if view.rows else {})}
    # The graph's defaults, first in its body: where the Digraph's own would stand.
    graph.body += [
        _attr_line("graph", tuple(graph_attr.items())),
        _attr_line("node", tuple(node_attr.items())),
        _attr_line("edge", tuple(EDGE_ATTRS.items())),
    ]
    if view.title.strip():
        graph.attr(label=f"<<B>{_html(view.title)}</B>>")
    by_id = {node.id: node for node in view.nodes}
    clustered: set[str] = set()
    for cluster in _in_rows(view):
        frame = Graph(
            name=f"cluster_{cluster.id}",
            graph_attr={
                **CLUSTER_ATTRS,
                **(ROWS_CLUSTER_ATTRS if view.rows else {}),
                "id": cluster.id,
                "label": _cluster_label(cluster),
                # Cluster labels follow the flow: "b" is the top of a bottom-to-top map.
                "labelloc": "b" if view.rankdir == "BT" else "t",
            },
        )
        for member in cluster.members:
            frame.body.append(
                _node_line(member, _node_attrs(by_id[member], view.wording, view.width))
            )
        clustered.update(cluster.members)
        graph.subgraph(frame)
    for node in view.nodes:
        if node.id not in clustered:
            graph.body.append(_node_line(node.id, _node_attrs(node, view.wording, view.width)))
    between = _between_rows(view) if view.rows else {}
    backwards = _backwards(view, between)
    for edge in view.edges:
        style = EDGE_STYLES[edge.kind]
        if edge.label == "out":
            style = {**style, **OUT_EDGES[edge.kind]}
        if (edge.source, edge.target) in backwards:
            style = {**style, "constraint": "false"}
        if "argmap-removed" in edge.classes:
            style = {**style, **REMOVED_EDGE}
        graph.body.append(_edge_line(edge.source, edge.target, style, " ".join(edge.classes)))
    strip = bool(view.rows)
    legend_ends: list[str] = []
    if view.legend:
        folds = any(node.kind == "fold" for node in view.nodes)
        labels = {node.label for node in view.nodes}
        issue = view.wording.issue if any(node.issue for node in view.nodes) else None
        legend, legend_ends = _legend(
            view.rankdir, view.evaluated, folds=folds, labels=labels, strip=strip, issue=issue
        )
        samples = _grounding_samples(view)
        if samples:
            hedge = next((node.hedge for node in view.nodes if node.hedge), None)
            legend.subgraph(
                _legend_grounding(samples, view.wording, view.rankdir, hedge, strip=strip)
            )
            legend_ends.extend(f"legend-{sample}" for sample in samples)
        changes = [c for c in CHANGE_STYLES if any(f"argmap-{c}" in n.classes for n in view.nodes)]
        if changes:
            legend.subgraph(_legend_changes(changes))
            legend_ends.extend(f"legend-{change}" for change in changes)
        graph.subgraph(legend)
    if view.rows:
        _hold_rows(graph, view, legend_ends, between)
    return graph


def _light_layout(view: MapView) -> dict[str, str]:
    """The bounds of the layout of a large diagram (see :data:`LIGHT_LAYOUT`)."""
    # Groups in rows are held in place by their own edges (see _hold_rows).
    ranked_whole = view.clusters and not view.rows
    return {**LIGHT_LAYOUT, **(LIGHT_LAYOUT_CLUSTERS if ranked_whole else {})}


# The lines of the nodes and edges of a view, as ``Digraph.node`` and ``Digraph.edge``
# write them, with graphviz's quoting: the same text, without quoting again
# the attribute names and the values that thousands of nodes and edges share.

#: What graphviz's ``quoting.quote`` leaves as it is: an HTML-like string
#: (``<...>``, unless marked ``nohtml``) and a plain DOT id, not a keyword.
_HTML_STRING = re.compile(r"<.*>$", re.DOTALL)
_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


# typed: graphviz quotes a ``nohtml`` string that looks like HTML, and not the
# same plain string.
@functools.lru_cache(maxsize=4096, typed=True)
def _quote(text: str) -> str:
    """``text`` as a DOT id, as graphviz's ``quoting.quote`` writes it.

    The text graphviz escapes (a ``"``) or warns of (a final backslash) goes
    to graphviz itself; the rest, all but a few labels and tooltips, is
    decided here without its scans of the whole text. A test holds the two
    together.
    """
    # A nohtml string (a tooltip, the graph's name) is a str subclass: never HTML.
    if type(text) is str and text[:1] == "<" and _HTML_STRING.match(text):
        return text
    if _ID.match(text):
        return f'"{text}"' if text.lower() in _KEYWORDS else text
    if '"' in text or "\\" in text[-2:]:  # a backslash last, or before a last line break
        graphviz = _graphviz()  # text that is not HTML here, as a nohtml string is not
        quoted: str = graphviz.quoting.quote(graphviz.nohtml(text))
        return quoted
    return f'"{text}"'


@functools.lru_cache(maxsize=4096)
def _quote_edge(name: str) -> str:
    """An edge's end (``node[:port[:compass]]``), as graphviz's ``quoting.quote_edge`` writes it."""
    node, _, rest = name.partition(":")
    parts = [_quote(node)]
    if rest:
        port, _, compass = rest.partition(":")
        parts.append(_quote(port))
        if compass:
            parts.append(compass)
    return ":".join(parts)


@functools.lru_cache(maxsize=64)
def _attr_line(kind: str, attrs: tuple[tuple[str, str], ...]) -> str:
    """The line of the defaults of the graph, its nodes or its edges (``kind``), as a
    Digraph writes its ``graph_attr``, ``node_attr`` or ``edge_attr``."""
    return _attr_statement(kind, dict(attrs))


def _a_list(
    attrs: Mapping[str, str | None],
    label: str | None = None,
    attributes: Mapping[str, str | None] | None = None,
) -> str:
    """``key=value`` pairs as graphviz writes a node's or an edge's: the label first
    (``label``, else the one among ``attrs``: its own parameter), then the rest of
    ``attrs`` sorted by key, then ``attributes`` sorted; empty without any."""
    if label is None:
        label = attrs.get("label")
    pairs = [f"label={_quote(label)}"] if label is not None else []
    pairs.append(_sorted_pairs(attrs, skip="label"))
    if attributes:
        pairs.append(_sorted_pairs(attributes))
    return " ".join(pair for pair in pairs if pair)


@functools.lru_cache(maxsize=4096, typed=True)  # typed: as _quote
def _pair(key: str, value: str) -> str:
    """``key=value``, each quoted: one look-up for a pair that many nodes share."""
    return f"{_quote(key)}={_quote(value)}"


def _node_line(
    name: str,
    attrs: Mapping[str, str | None],
    label: str | None = None,
    attributes: Mapping[str, str | None] | None = None,
) -> str:
    """The line of ``graph.node(name, label, attributes, **attrs)``."""
    pairs = _a_list(attrs, label, attributes)
    return f"\t{_quote(name)} [{pairs}]\n" if pairs else f"\t{_quote(name)}\n"


@functools.lru_cache(maxsize=256)
def _style_list(style: tuple[tuple[str, str], ...]) -> str:
    """:func:`_a_list` of an edge's style: a few styles, shared by thousands of edges."""
    return _a_list(dict(style))


def _edge_line(source: str, target: str, style: dict[str, str], classes: str) -> str:
    """The line of ``graph.edge(source, target, _attributes={"class": classes}, **style)``."""
    pairs = [_style_list(tuple(style.items()))] if style else []
    pairs.append(f"class={_quote(classes)}")
    return f"\t{_quote_edge(source)} -> {_quote_edge(target)} [{' '.join(pairs)}]\n"


#: What the legend of a comparison says of each kind of change.
_CHANGE_MEANINGS = {
    "added": ("+ added", "in the new map only"),
    "changed": ("~ changed", "in both, changed"),
    "removed": ("- removed", "in the old map only"),
}


def _legend_changes(changes: list[str]) -> Any:
    """The part of a comparison's legend that explains the changes drawn, in a row."""
    row = Graph(name="legend_changes")
    row.attr(rank="same")
    for change in changes:
        mark, meaning = _CHANGE_MEANINGS[change]
        attrs = {
            "id": f"legend-{change}",
            "class": f"argmap-legend argmap-{change}",
            "label": _label([("MARK", (mark,)), ("", (meaning,))]),
            **CHANGE_STYLES[change],
        }
        if change == "removed":
            attrs["style"] = _dashed(NODE_ATTRS["style"])
        row.node(f"legend-{change}", **attrs)
    return row


def _in_rows(view: MapView) -> list[ViewCluster]:
    """The clusters in the order to write them: row by row, each row in its order.

    ``dot`` sets clusters side by side in the order it reads them, unless
    moving one saves crossings; the order along the rows is chosen so that
    the edges between rows run short and cross little.
    """
    by_id = {cluster.id: cluster for cluster in view.clusters}
    ordered = [by_id[cluster] for row in view.rows for cluster in row]
    return ordered or list(view.clusters)


#: An invisible point between two rows, where they meet.
_ROW_GAP = {"shape": "point", "style": "invis", "width": "0", "height": "0", "label": ""}


def _hold_rows(graph: Any, view: MapView, legend: list[str], between: _Between) -> None:
    """Stack the rows of ``view`` along the flow, after the ``legend`` nodes (if any).

    Between two rows stands a rank of invisible points, one for each group
    of the row before and one for each of the row after, each line of
    points held in the order of its groups. Every node that ends the flow
    within a group of the row before points to that group's point (on the
    same rank or before it); the point of a group of the row after points
    to every node that starts the flow within it. These edges pull both
    rows towards the points between them, so that the rows stack close
    over each other, groups of different rows share no rank, and each row
    keeps its order. The nodes ``between`` two rows stand in the line of
    points (which then keeps a rank of its own), at their places: outside
    every group, they push no two groups apart.
    """
    members = {cluster.id: cluster.members for cluster in view.clusters}
    edges = [(edge.source, edge.target) for edge in view.edges]
    rows = [
        [(_ends(members[c], edges, last=True), _ends(members[c], edges, last=False)) for c in row]
        for row in view.rows
    ]
    for index, (before, after) in enumerate(itertools.pairwise(rows)):
        gaps = Graph(graph_attr={"rank": "same"})
        held = between.get(index, {})
        line = [(place, node) for node, place in held.items()]  # (place along the row, node)
        for node in held:
            gaps.node(node)
        for side, groups in (("before", before), ("after", after)):
            for place, (last, first) in enumerate(groups):
                point = f"rows-{index}-{side}-{place}"
                line.append(((place + 0.5) / len(groups), point))
                gaps.node(point, id=point, _attributes={"class": "argmap-rows"}, **_ROW_GAP)
                for node in last if side == "before" else ():
                    graph.edge(node, point, style="invis", minlen="1" if held else "0")
                for node in first if side == "after" else ():
                    graph.edge(point, node, style="invis")
        # One line of points, held close (heavy): each row keeps its order,
        # its groups close, and the rows stand over each other.
        points = [point for _, point in sorted(line)]
        for left, right in itertools.pairwise(points):
            gaps.edge(left, right, style="invis", weight="10")
        graph.subgraph(gaps)
    if legend:
        point = "rows-legend"
        graph.node(point, id=point, _attributes={"class": "argmap-rows"}, **_ROW_GAP)
        for node in legend:
            graph.edge(node, point, style="invis", minlen="0")
        # The first row is free to end where its groups end: the legend
        # only keeps out of its way (weight 0: no pull).
        for _, first in rows[0]:
            for node in first:
                graph.edge(point, node, style="invis", weight="0")


#: For two neighbouring rows (by the index of the first), the nodes held
#: between them, each with its place along the rows (0 to 1).
_Between = dict[int, dict[str, float]]


def _row_of(view: MapView) -> dict[str, int]:
    """The row of each node in a group of ``view``."""
    members = {cluster.id: cluster.members for cluster in view.clusters}
    return {node: r for r, row in enumerate(view.rows) for c in row for node in members[c]}


def _between_rows(view: MapView) -> _Between:
    """The nodes in no group that join two neighbouring rows, to hold between them.

    Nodes in no group that edges join form parts; a part whose edges reach
    groups of rows ``r`` and ``r + 1`` and no others stands between them,
    at the middle of the groups it reaches in row ``r + 1``. Left among the
    groups of a row, such nodes push its groups apart.
    """
    row_of = _row_of(view)
    group_of = {node: cluster.id for cluster in view.clusters for node in cluster.members}
    place = {c: (p + 0.5) / len(row) for row in view.rows for p, c in enumerate(row)}
    free = [node.id for node in view.nodes if node.id not in row_of]
    neighbours: dict[str, set[str]] = {node: set() for node in free}
    for edge in view.edges:
        for a, b in ((edge.source, edge.target), (edge.target, edge.source)):
            if a in neighbours:
                neighbours[a].add(b)
    held: _Between = {}
    seen: set[str] = set()
    for start in free:
        if start in seen:
            continue
        seen.add(start)
        part, stack, reached = [], [start], set()
        while stack:
            node = stack.pop()
            part.append(node)
            for other in neighbours[node]:
                if other in row_of:
                    reached.add(other)
                elif other not in seen:
                    seen.add(other)
                    stack.append(other)
        rows = {row_of[node] for node in reached}
        if len(rows) != 2 or max(rows) - min(rows) != 1:
            continue
        later = {group_of[node] for node in reached if row_of[node] == max(rows)}
        middle = sum(place[c] for c in later) / len(later)
        for node in sorted(part, key=free.index):
            held.setdefault(min(rows), {})[node] = middle
    return held


def _backwards(view: MapView, between: _Between) -> set[tuple[str, str]]:
    """The edges of nodes held between rows that run back: not to rank them.

    An edge from a node of the later row to a node held between, or from a
    node held between to a node of the earlier row, would otherwise turn
    the later row's group round (``dot`` reverses edges against the flow).
    """
    row_of = _row_of(view)
    held = {node: r for r, nodes in between.items() for node in nodes}
    result = set()
    for edge in view.edges:
        source, target = edge.source, edge.target
        if (target in held and source in row_of and row_of[source] > held[target]) or (
            source in held and target in row_of and row_of[target] <= held[source]
        ):
            result.add((source, target))
    return result


def _ends(group: tuple[str, ...], edges: list[tuple[str, str]], *, last: bool) -> list[str]:
    """The nodes of ``group`` where the flow within it ends (``last``) or starts."""
    inside = set(group)
    linked = {
        (source if last else target)
        for source, target in edges
        if source in inside and target in inside
    }
    return [node for node in group if node not in linked]


def _cluster_label(cluster: ViewCluster) -> str:
    return f"<<B>{_html(cluster.title)}</B>>"


#: The class of each relation's argument node, and of each change, with its style.
_RELATION_CLASSES = tuple((f"argmap-{relation}", relation) for relation in ARGUMENT_STYLES)
_CHANGE_CLASSES = tuple(
    (change, f"argmap-{change}", style) for change, style in CHANGE_STYLES.items()
)


def _node_attrs(
    node: ViewNode, wording: Wording | None = None, width: int = DEFAULT_WIDTH
) -> dict[str, str]:
    attrs = {
        # Ids are plain (letters, digits, "-", "_", "."): the model checks them.
        "id": node.id,
        "class": " ".join(node.classes),
        "tooltip": _tooltip(node.tooltip),
    }
    if node.kind == "fold":
        attrs.update(FOLD_ATTRS)
        attrs["label"] = _label([("", node.lines)], align="CENTER")
    elif node.kind == "argument":
        relation = next((r for c, r in _RELATION_CLASSES if c in node.classes), "support")
        attrs.update(ARGUMENT_ATTRS)
        attrs.update(ARGUMENT_STYLES[relation])
        cells = _badge(node.label)
        if node.marks:
            cells.append(("MARK", node.marks))
        cells.append(("", node.lines))
        if node.untranslated:
            cells.append(("UNTRANSLATED", (untranslated(node.untranslated),)))
        attrs["label"] = _label(cells, align="CENTER")
    else:
        if node.thesis:
            attrs.update(THESIS_ATTRS)
        if node.issue is not None:
            attrs.update(ISSUE_ATTRS)
        attrs["label"] = _statement_label(node, wording or Wording(), width)
    if node.label is not None:
        attrs.update(_label_style(node.kind, node.label, thesis=node.thesis))
    if node.implicit:
        attrs["style"] = _dashed(attrs.get("style", NODE_ATTRS["style"]))
    for change, name, style in _CHANGE_CLASSES:
        if name in node.classes:
            attrs.update(style)
            if change == "removed":
                attrs["style"] = _dashed(attrs.get("style", NODE_ATTRS["style"]))
    return attrs


def _dashed(style: str) -> str:
    """``style`` with a dashed outline, unless it is dashed or dotted already."""
    return style if "dashed" in style or "dotted" in style else f"{style},dashed"


def _label_style(kind: str, label: str, *, thesis: bool = False) -> dict[str, str]:
    """Fill, text and border of a labelled node; ``in`` changes nothing.

    The border stays what the node is: a main thesis keeps its heavy border
    and an argument its relation's colour; only a plain statement takes the
    label's border.
    """
    if label == "in":
        return {}
    style = {key: value for key, value in LABEL_STYLES[label].items() if key != "style"}
    if kind == "argument" or thesis:
        del style["color"], style["penwidth"]
    return style


def _badge(label: str | None) -> list[tuple[str, tuple[str, ...]]]:
    """The cell of a node's badge: ``[("BADGE-out", ("✗ out",))]``; none for ``in``."""
    if label is None or label not in LABEL_BADGES:
        return []
    return [(f"BADGE-{label}", (LABEL_BADGES[label][0],))]


def _statement_label(node: ViewNode, wording: Wording, width: int) -> str:
    cells = _badge(node.label)
    if node.marks:
        cells.append(("MARK", node.marks))
    if node.title_lines:
        cells.append(("B", node.title_lines))
    cells.append(("", node.lines))
    # The hedge and the byline wrap at the text's wrap width, the byline in its smaller
    # font (as many points wide): so the same byline wraps the same way in every box,
    # and neither is wider than a full line of text.
    if node.hedge:
        cells.append(("HEDGE", tuple(wrap(f"({node.hedge})", width))))
    if node.standard:
        cells.append(("NOTE", tuple(wrap(node.standard, width))))
    if node.speakers or node.via:
        line = byline(node.speakers, node.via, relay=wording.via)
        speaker_width = width * int(NODE_ATTRS["fontsize"]) // SPEAKER_POINTS
        cells.append(("SPEAKER", tuple(wrap(line, speaker_width))))
    if node.untranslated:
        cells.append(("UNTRANSLATED", (untranslated(node.untranslated),)))
    return _label(cells)


def _label(cells: list[tuple[str, tuple[str, ...]]], *, align: str = "LEFT") -> str:
    """An HTML-like label: one table cell per ``(style, lines)``, lines aligned by ``align``.

    ``MARK`` cells join their lines into one, with `` · `` between;
    ``BADGE-<label>`` cells (one line) draw a label's badge.
    """
    rows = []
    for style, lines in cells:
        if style == "MARK":
            text = f"{MARK_FONT}{_html(' · '.join(lines))}</I></FONT>"
        elif style.startswith("BADGE-"):
            colour = LABEL_BADGES[style.removeprefix("BADGE-")][1]
            text = f'<FONT POINT-SIZE="10" COLOR="{colour}"><B>{_html(lines[0])}</B></FONT>'
        elif _HTML_CHANGES.search(" ".join(lines)) is None:  # most cells: nothing to escape
            text = "<BR/>".join(lines)
        else:
            text = "<BR/>".join([_html(line) for line in lines])
        if style == "B":
            text = f"<B>{text}</B>"
        elif style == "HEDGE":
            text = f"<I>{text}</I>"
        elif style == "SPEAKER":
            text = f"{SPEAKER_FONT}{text}</I></FONT>"
        elif style == "UNTRANSLATED":
            text = f"{UNTRANSLATED_FONT}{text}</I></FONT>"
        elif style == "NOTE":
            text = f"{MARK_FONT}{text}</I></FONT>"
        rows.append(f'<TR><TD ALIGN="{align}" BALIGN="{align}">{text}</TD></TR>')
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )


_LEGEND_EDGES: tuple[tuple[str, str, EdgeKind], ...] = (
    ("legend-statement", "legend-support", "premise"),
    ("legend-support", "legend-thesis", "support"),
    ("legend-attack", "legend-thesis", "attack"),
    ("legend-undercut", "legend-support", "undercut"),
)


#: The legend as a strip two ranks deep, for a map drawn in rows: a second
#: argument takes the premise and the undercut, so that no sample stands
#: three high.
_STRIP_EDGES: tuple[tuple[str, str, EdgeKind], ...] = (
    ("legend-support", "legend-thesis", "support"),
    ("legend-attack", "legend-thesis", "attack"),
    ("legend-statement", "legend-argument", "premise"),
    ("legend-undercut", "legend-argument", "undercut"),
)


def _legend(
    rankdir: Rankdir,
    evaluated: str | None = None,
    *,
    folds: bool = False,
    labels: Iterable[str | None] = (),
    strip: bool = False,
    issue: str | None = None,
) -> tuple[Any, list[str]]:
    """A cluster drawing one of each: statement, main thesis, argument, relation.

    With ``evaluated`` (what the labels are the labels of), also one
    statement for each of ``labels`` (those the diagram shows) and a line
    naming the evaluation; with ``folds``, a folded branch; with ``issue``
    (its mark in the language drawn), an issue that the main thesis is a
    position of. With ``strip``,
    the samples stand two ranks deep (see :data:`_STRIP_EDGES`). Also the
    samples no edge of the legend leaves, where the legend ends along the
    flow.
    """
    title = "<B>Legend</B>"
    if strip and evaluated is not None:  # the labels have no frame to name it
        title += _html(f" · Labels: {evaluated}")
    legend = Graph(
        name="cluster_legend",
        graph_attr=_legend_frame(
            rankdir,
            "argmap-legend",
            f"<{title}>",
            fontsize="12",
            style="rounded,dashed",
            color=MUTED,
            margin="6" if strip else "10",
        ),
    )
    samples = [
        ("legend-statement", "Statement", "statement", False),
        ("legend-thesis", "Main thesis", "statement", True),
        ("legend-support", "supporting argument", "support", False),
        ("legend-attack", "attacking argument", "attack", False),
        ("legend-undercut", "undercutting argument", "undercut", False),
    ]
    if strip:
        # No edge of the strip is labelled: in ``dot``, one edge label
        # anywhere makes every rank of the whole diagram deeper. The
        # samples say what each relation is.
        samples[0] = ("legend-statement", "Statement (premise)", "statement", False)
        samples.append(("legend-argument", "supporting argument", "support", False))
    for node_id, text, kind, thesis in samples:
        attrs = {"id": node_id, "class": "argmap-legend", "label": _label([("", (text,))])}
        if kind == "statement":
            if thesis:
                attrs.update(THESIS_ATTRS)
        else:
            attrs.update(ARGUMENT_ATTRS)
            attrs.update(ARGUMENT_STYLES[kind])
        legend.node(node_id, **attrs)
    if folds:
        legend.node(
            "legend-fold",
            id="legend-fold",
            _attributes={"class": "argmap-legend"},
            label=_label([("", ("folded branch",))], align="CENTER"),
            **FOLD_ATTRS,
        )
        legend.edge(
            "legend-fold",
            "legend-statement",
            **({} if strip else {"label": _html_label("folded"), "fontcolor": MUTED}),
            _attributes={"class": "argmap-legend"},
            **EDGE_STYLES["fold"],
        )
    ends = ["legend-thesis", "legend-argument"] if strip else ["legend-thesis"]
    if issue is not None:
        legend.node(
            "legend-issue",
            id="legend-issue",
            _attributes={"class": "argmap-legend argmap-issue"},
            label=_label([("MARK", (issue,)), ("", ("Issue: a question,", "its positions below"))]),
            **ISSUE_ATTRS,
        )
        if strip:  # two ranks deep: the sample stands beside the others
            ends.append("legend-issue")
        else:
            legend.edge(
                "legend-thesis",
                "legend-issue",
                label=_html_label("position"),
                fontcolor=MUTED,
                _attributes={"class": "argmap-legend"},
                **EDGE_STYLES["position"],
            )
            ends = ["legend-issue"]
    if evaluated is not None:
        shown = set(labels)
        legend.subgraph(_legend_labels(rankdir, evaluated, shown, framed=not strip))
        ends.extend(f"legend-{label}" for label in LABEL_MEANINGS if label in shown)
    for source, target, kind in _STRIP_EDGES if strip else _LEGEND_EDGES:
        legend.edge(
            source,
            target,
            **({} if strip else {"label": _html_label(kind), "fontcolor": MUTED}),
            _attributes={"class": "argmap-legend"},
            **EDGE_STYLES[kind],
        )
    return legend, ends


def _legend_frame(
    rankdir: Rankdir, id: str, label: str, *, fontsize: str, style: str, color: str, margin: str
) -> dict[str, str]:
    """The attributes of the legend's frame, or of a frame inside it."""
    return {
        "id": id,
        "class": "argmap-legend",
        "label": label,
        "fontsize": fontsize,
        "fontcolor": MUTED,
        # Cluster labels follow the rank direction: "b" is the top in BT.
        "labelloc": "b" if rankdir == "BT" else "t",
        "style": style,
        "color": color,
        "margin": margin,
    }


def _legend_labels(
    rankdir: Rankdir, evaluated: str, shown: set[str | None], *, framed: bool = True
) -> Any:
    """The part of the legend that explains the labels ``shown``, in a row: in, out, undecided.

    Each sample looks as a plain statement with that label looks. Unless
    ``framed``, the samples stand without a frame of their own (the
    legend's title then names the evaluation).
    """
    if not framed:
        labels = Graph(name="legend_labels")
    else:
        labels = Graph(
            name="cluster_legend_labels",
            graph_attr=_legend_frame(
                rankdir,
                "argmap-legend-labels",
                f"<{_html(f'Labels: {evaluated}')}>",
                fontsize="11",
                style="rounded",
                color="#cfd8dc",
                margin="8",
            ),
        )
    row = Graph(graph_attr={"rank": "same"})
    names = []
    for label, meaning in LABEL_MEANINGS.items():
        if label not in shown:
            continue
        name = f"legend-{label}"
        names.append(name)
        row.node(
            name,
            id=name,
            _attributes={"class": f"argmap-legend argmap-{label}"},
            label=_label([*_badge(label), ("", meaning)]),
            **_label_style("statement", label),
        )
    for left, right in itertools.pairwise(names):
        row.edge(left, right, style="invis")
    labels.subgraph(row)
    return labels


#: What the legend says of each way a node departs from a plain stated claim.
_GROUNDING_MEANINGS = {
    "implicit": ("implicit: the map adds it,", "the text does not say it"),
    "implicit-argument": ("implicit argument",),
    "question": ("question: asked, not claimed",),
    "hypothetical": ("hypothetical: supposed,", "not claimed"),
    "hedge": ("hedged: the text qualifies it",),
}


def _grounding_samples(view: MapView) -> list[str]:
    """The keys of :data:`_GROUNDING_MEANINGS` that some node of ``view`` shows, in that order."""
    shown = set()
    for node in view.nodes:
        if node.implicit:
            shown.add("implicit" if node.kind == "statement" else "implicit-argument")
        if node.mode != "asserted" and not (node.issue and node.mode == "question"):
            shown.add(node.mode)  # an issue's question has the issue's mark
        if node.hedge:
            shown.add("hedge")
    return [key for key in _GROUNDING_MEANINGS if key in shown]


def _legend_grounding(
    samples: list[str],
    wording: Wording,
    rankdir: Rankdir,
    hedge: str | None,
    *,
    strip: bool = False,
) -> Any:
    """The part of the legend that explains what the text says and what the map adds.

    The samples stand in columns of up to three, read from the top (or the
    left), or side by side with ``strip``; ``hedge`` is a hedge the diagram
    shows, for its sample.
    """
    row = Graph(name="legend_grounding")
    names = [f"legend-{sample}" for sample in samples]
    for name, sample in zip(names, samples, strict=True):
        meaning = _GROUNDING_MEANINGS[sample]
        attrs = {"id": name, "class": f"argmap-legend {_GROUNDING_CLASSES[sample]}"}
        if sample == "implicit-argument":
            attrs.update(ARGUMENT_ATTRS)
            attrs.update(ARGUMENT_STYLES["support"])
            attrs["style"] = _dashed(NODE_ATTRS["style"])
            attrs["label"] = _label([("MARK", (wording.implicit,)), ("", meaning)], align="CENTER")
        elif sample == "hedge":
            attrs["label"] = _label([("", meaning), ("HEDGE", (f"({hedge})",))])
        else:
            mark = {
                "implicit": wording.implicit,
                "question": wording.question,
                "hypothetical": wording.hypothetical,
            }[sample]
            if sample == "implicit":
                attrs["style"] = _dashed(NODE_ATTRS["style"])
            attrs["label"] = _label([("MARK", (mark,)), ("", meaning)])
        row.node(name, **attrs)
    # Columns of up to three, as tall as the rest of the legend; an edge
    # points up the page in BT (left in RL), so there each goes the other way.
    backwards = rankdir in ("BT", "RL")
    for start in range(0, 0 if strip else len(names), 3):
        for first, second in itertools.pairwise(names[start : start + 3]):
            row.edge(*((second, first) if backwards else (first, second)), style="invis")
    return row


_GROUNDING_CLASSES = {
    "implicit": "argmap-implicit",
    "implicit-argument": "argmap-implicit",
    "question": "argmap-question",
    "hypothetical": "argmap-hypothetical",
    "hedge": "argmap-hedged",
}


def _html_label(text: str) -> str:
    return f"<{_html(text)}>"


# -- quoting: every string that reaches DOT passes one of these ----------------


#: What :func:`_html` writes as entities (or doubles: a backslash).
_MARKUP = re.compile("[&<>\"'\\\\]")
#: What :func:`_html` changes: markup, and what :func:`~argmap._text.clean` drops or replaces.
_HTML_CHANGES = re.compile(f"[&<>\"'\\\\{UNSAFE.pattern[1:-1]}]")
#: What :func:`_tooltip` changes: ``&``, a backslash, and what ``clean`` drops or replaces.
_TOOLTIP_CHANGES = re.compile(f"[&\\\\{UNSAFE.pattern[1:-1]}]")


def _html(text: str) -> str:
    """Text for an HTML-like label, shown exactly as given.

    Markup characters become entities. Graphviz still expands ``\\N``, ``\\G``
    and friends inside HTML-like labels and reads ``\\\\`` as one backslash,
    so backslashes are doubled.
    """
    if _HTML_CHANGES.search(text) is None:
        return text  # most text: nothing to drop or escape
    text = clean(text, newlines=False)
    if _MARKUP.search(text) is None:
        return text
    return html.escape(text, quote=True).replace("\\", "\\\\")


def _tooltip(text: str) -> str:
    """Text for a ``tooltip`` (an escString), shown exactly as given.

    Graphviz decodes HTML entities in a tooltip and then unescapes its
    backslashes twice (once for ``\\n``, once for ``\\N`` and friends), so one
    doubling (``graphviz.escape``) is not enough: a literal backslash is
    written as four, ``&`` as ``&amp;``; line breaks become ``\\n``.
    """
    if _TOOLTIP_CHANGES.search(text) is None:  # most text: nothing to drop or escape
        return _NoHtml(text)
    escaped = (
        clean(text, newlines=True)
        .replace("&", "&amp;")
        .replace("\\", "\\\\\\\\")
        .replace("\n", "\\n")
    )
    # nohtml: a tooltip such as "<b>" must stay text, not become an HTML string.
    return _NoHtml(escaped)


def _dot_name(title: str) -> str:
    """The graph's name, which SVG shows as the document ``<title>``.

    A DOT name is not an escString and has no escape for a backslash before a
    quote or at its end, so backslashes are shown as U+29F5; the SVG writer
    keeps entities, so ``&`` is written as ``&amp;``.
    """
    text = " ".join(clean(title, newlines=False).split())
    return _NoHtml(text.replace("&", "&amp;").replace("\\", "\u29f5")) or "argmap"
