"""DOT through Graphviz: the graph of a view, the quoting of its text, and running ``dot``.

The only module that imports :mod:`graphviz`, and only inside functions, so
``import argmap`` stays fast. All text that reaches DOT passes through
:func:`_html` (HTML-like labels) or :func:`_tooltip` (the escString
``tooltip``), and the title also through :func:`_dot_name` (the graph's name);
``dot`` runs only in :func:`run_dot`.
"""

from __future__ import annotations

import functools
import html
import itertools
import textwrap
from collections.abc import Iterable
from typing import Any

from ._palette import (
    ARGUMENT_ATTRS,
    ARGUMENT_STYLES,
    CLUSTER_ATTRS,
    EDGE_ATTRS,
    EDGE_STYLES,
    FOLD_ATTRS,
    GRAPH_ATTRS,
    LABEL_BADGES,
    LABEL_MEANINGS,
    LABEL_STYLES,
    MARK_FONT,
    MUTED,
    NODE_ATTRS,
    OUT_EDGES,
    SPEAKER_FONT,
    THESIS_ATTRS,
    UNTRANSLATED_FONT,
)
from ._text import clean
from .errors import RenderError
from .view import EdgeKind, MapView, Rankdir, ViewCluster, ViewNode, Wording, byline, untranslated

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


# -- building the graph -------------------------------------------------------


def digraph(view: MapView) -> Any:
    """The ``graphviz.Digraph`` for ``view``."""
    graphviz = _graphviz()
    graph = graphviz.Digraph(
        name=_dot_name(view.title),
        graph_attr={
            **GRAPH_ATTRS,
            "rankdir": view.rankdir,
            **(_light_layout(view) if len(view.nodes) > LIGHT_LAYOUT_NODES else {}),
        },
        node_attr=NODE_ATTRS,
        edge_attr=EDGE_ATTRS,
    )
    if view.title.strip():
        graph.attr(label=f"<<B>{_html(view.title)}</B>>")
    by_id = {node.id: node for node in view.nodes}
    clustered: set[str] = set()
    for cluster in view.clusters:
        frame = graphviz.Digraph(
            name=f"cluster_{cluster.id}",
            graph_attr={
                **CLUSTER_ATTRS,
                "id": cluster.id,
                "label": _cluster_label(cluster),
                # Cluster labels follow the flow: "b" is the top of a bottom-to-top map.
                "labelloc": "b" if view.rankdir == "BT" else "t",
            },
        )
        for member in cluster.members:
            frame.body.append(_node_line(member, _node_attrs(by_id[member], view.wording)))
        clustered.update(cluster.members)
        graph.subgraph(frame)
    for node in view.nodes:
        if node.id not in clustered:
            graph.body.append(_node_line(node.id, _node_attrs(node, view.wording)))
    for edge in view.edges:
        style = EDGE_STYLES[edge.kind]
        if edge.label == "out":
            style = {**style, **OUT_EDGES[edge.kind]}
        graph.body.append(_edge_line(edge.source, edge.target, style, " ".join(edge.classes)))
    if view.legend:
        folds = any(node.kind == "fold" for node in view.nodes)
        labels = {node.label for node in view.nodes}
        legend = _legend(view.rankdir, view.evaluated, folds=folds, labels=labels)
        samples = _grounding_samples(view)
        if samples:
            hedge = next((node.hedge for node in view.nodes if node.hedge), None)
            legend.subgraph(_legend_grounding(samples, view.wording, view.rankdir, hedge))
        graph.subgraph(legend)
    return graph


def _light_layout(view: MapView) -> dict[str, str]:
    """The bounds of the layout of a large diagram (see :data:`LIGHT_LAYOUT`)."""
    return {**LIGHT_LAYOUT, **(LIGHT_LAYOUT_CLUSTERS if view.clusters else {})}


# The lines of the nodes and edges of a view, as ``Digraph.node`` and ``Digraph.edge``
# write them, with graphviz's own quoting: the same text, without quoting again
# the attribute names and the values that thousands of nodes and edges share.


@functools.lru_cache(maxsize=4096)
def _quote(text: str) -> str:
    """``text`` as a DOT id, quoted by graphviz (its ``quoting.quote``)."""
    quoted: str = _graphviz().quoting.quote(text)
    return quoted


@functools.lru_cache(maxsize=4096)
def _quote_edge(name: str) -> str:
    """An edge's end, quoted by graphviz (its ``quoting.quote_edge``)."""
    quoted: str = _graphviz().quoting.quote_edge(name)
    return quoted


def _a_list(attrs: dict[str, str]) -> str:
    """``key=value`` pairs as graphviz writes the keywords of a statement: the label
    first (its own parameter), then the rest sorted by key."""
    pairs = [f"label={_quote(attrs['label'])}"] if "label" in attrs else []
    pairs += [f"{_quote(k)}={_quote(v)}" for k, v in sorted(attrs.items()) if k != "label"]
    return " ".join(pairs)


def _node_line(name: str, attrs: dict[str, str]) -> str:
    """The line of ``graph.node(name, **attrs)``."""
    return f"\t{_quote(name)} [{_a_list(attrs)}]\n" if attrs else f"\t{_quote(name)}\n"


def _edge_line(source: str, target: str, style: dict[str, str], classes: str) -> str:
    """The line of ``graph.edge(source, target, _attributes={"class": classes}, **style)``."""
    pairs = [_a_list(style)] if style else []
    pairs.append(f"class={_quote(classes)}")
    return f"\t{_quote_edge(source)} -> {_quote_edge(target)} [{' '.join(pairs)}]\n"


def _cluster_label(cluster: ViewCluster) -> str:
    return f"<<B>{_html(cluster.title)}</B>>"


def _node_attrs(node: ViewNode, wording: Wording | None = None) -> dict[str, str]:
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
        relation = next((r for r in ARGUMENT_STYLES if f"argmap-{r}" in node.classes), "support")
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
        attrs["label"] = _statement_label(node, wording or Wording())
    if node.label is not None:
        attrs.update(_label_style(node.kind, node.label, thesis=node.thesis))
    if node.implicit:
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


def _statement_label(node: ViewNode, wording: Wording) -> str:
    cells = _badge(node.label)
    if node.marks:
        cells.append(("MARK", node.marks))
    if node.title_lines:
        cells.append(("B", node.title_lines))
    cells.append(("", node.lines))
    # The hedge and the byline never widen the box: they wrap at the text's own width.
    longest = max((len(line) for line in (*node.title_lines, *node.lines)), default=0)
    if node.hedge:
        cells.append(("HEDGE", tuple(textwrap.wrap(f"({node.hedge})", width=max(longest, 20)))))
    if node.speakers or node.via:
        line = byline(node.speakers, node.via, relay=wording.via)
        cells.append(("SPEAKER", tuple(textwrap.wrap(line, width=max(longest, 20)))))
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
        else:
            text = "<BR/>".join(_html(line) for line in lines)
        if style == "B":
            text = f"<B>{text}</B>"
        elif style == "HEDGE":
            text = f"<I>{text}</I>"
        elif style == "SPEAKER":
            text = f"{SPEAKER_FONT}{text}</I></FONT>"
        elif style == "UNTRANSLATED":
            text = f"{UNTRANSLATED_FONT}{text}</I></FONT>"
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


def _legend(
    rankdir: Rankdir,
    evaluated: str | None = None,
    *,
    folds: bool = False,
    labels: Iterable[str | None] = (),
) -> Any:
    """A cluster drawing one of each: statement, main thesis, argument, relation.

    With ``evaluated`` (what the labels are the labels of), also one
    statement for each of ``labels`` (those the diagram shows) and a line
    naming the evaluation; with ``folds``, a folded branch.
    """
    graphviz = _graphviz()
    legend = graphviz.Digraph(
        name="cluster_legend",
        graph_attr={
            "id": "argmap-legend",
            "class": "argmap-legend",
            "label": "<<B>Legend</B>>",
            "fontsize": "12",
            "fontcolor": MUTED,
            # Cluster labels follow the rank direction: "b" is the top in BT.
            "labelloc": "b" if rankdir == "BT" else "t",
            "style": "rounded,dashed",
            "color": MUTED,
            "margin": "10",
        },
    )
    samples = [
        ("legend-statement", "Statement", "statement", False),
        ("legend-thesis", "Main thesis", "statement", True),
        ("legend-support", "supporting argument", "support", False),
        ("legend-attack", "attacking argument", "attack", False),
        ("legend-undercut", "undercutting argument", "undercut", False),
    ]
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
            label=_html_label("folded"),
            _attributes={"class": "argmap-legend"},
            fontcolor=MUTED,
            **EDGE_STYLES["fold"],
        )
    if evaluated is not None:
        legend.subgraph(_legend_labels(rankdir, evaluated, set(labels)))
    for source, target, kind in _LEGEND_EDGES:
        legend.edge(
            source,
            target,
            label=_html_label(kind),
            _attributes={"class": "argmap-legend"},
            fontcolor=MUTED,
            **EDGE_STYLES[kind],
        )
    return legend


def _legend_labels(rankdir: Rankdir, evaluated: str, shown: set[str | None]) -> Any:
    """The part of the legend that explains the labels ``shown``, in a row: in, out, undecided.

    Each sample looks as a plain statement with that label looks.
    """
    graphviz = _graphviz()
    labels = graphviz.Digraph(
        name="cluster_legend_labels",
        graph_attr={
            "id": "argmap-legend-labels",
            "class": "argmap-legend",
            "label": f"<{_html(f'Labels: {evaluated}')}>",
            "fontsize": "11",
            "fontcolor": MUTED,
            "labelloc": "b" if rankdir == "BT" else "t",
            "style": "rounded",
            "color": "#cfd8dc",
            "margin": "8",
        },
    )
    row = graphviz.Digraph(graph_attr={"rank": "same"})
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
        if node.mode != "asserted":
            shown.add(node.mode)
        if node.hedge:
            shown.add("hedge")
    return [key for key in _GROUNDING_MEANINGS if key in shown]


def _legend_grounding(
    samples: list[str], wording: Wording, rankdir: Rankdir, hedge: str | None
) -> Any:
    """The part of the legend that explains what the text says and what the map adds.

    The samples stand in columns of up to three, read from the top (or the
    left); ``hedge`` is a hedge the diagram shows, for its sample.
    """
    graphviz = _graphviz()
    row = graphviz.Digraph(name="legend_grounding")
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
    for start in range(0, len(names), 3):
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


def _html(text: str) -> str:
    """Text for an HTML-like label, shown exactly as given.

    Markup characters become entities. Graphviz still expands ``\\N``, ``\\G``
    and friends inside HTML-like labels and reads ``\\\\`` as one backslash,
    so backslashes are doubled.
    """
    return html.escape(clean(text, newlines=False), quote=True).replace("\\", "\\\\")


def _tooltip(text: str) -> str:
    """Text for a ``tooltip`` (an escString), shown exactly as given.

    Graphviz decodes HTML entities in a tooltip and then unescapes its
    backslashes twice (once for ``\\n``, once for ``\\N`` and friends), so one
    doubling (``graphviz.escape``) is not enough: a literal backslash is
    written as four, ``&`` as ``&amp;``; line breaks become ``\\n``.
    """
    graphviz = _graphviz()
    escaped = (
        clean(text, newlines=True)
        .replace("&", "&amp;")
        .replace("\\", "\\\\\\\\")
        .replace("\n", "\\n")
    )
    # nohtml: a tooltip such as "<b>" must stay text, not become an HTML string.
    result: str = graphviz.nohtml(escaped)
    return result


def _dot_name(title: str) -> str:
    """The graph's name, which SVG shows as the document ``<title>``.

    A DOT name is not an escString and has no escape for a backslash before a
    quote or at its end, so backslashes are shown as U+29F5; the SVG writer
    keeps entities, so ``&`` is written as ``&amp;``.
    """
    graphviz = _graphviz()
    text = " ".join(clean(title, newlines=False).split())
    name: str = graphviz.nohtml(text.replace("&", "&amp;").replace("\\", "\u29f5"))
    return name or "argmap"
