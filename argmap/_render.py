"""Draw argument maps with Graphviz: DOT text, SVG, PNG, PDF and the HTML viewer.

The only module that imports :mod:`graphviz`, and only inside functions, so
``import argmap`` stays fast. All text that reaches DOT passes through
:func:`_html` (HTML-like labels) or :func:`_tooltip` (the escString
``tooltip``), and the title also through :func:`_dot_name` (the graph's name);
``dot`` runs only in :func:`_run_dot`.
"""

from __future__ import annotations

import html
import itertools
import os
import re
import textwrap
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._fileio import write_atomic
from ._names import FORMATS, Format
from .errors import RenderError
from .model import ArgumentMap
from .view import (
    EdgeKind,
    MapView,
    Rankdir,
    ViewCluster,
    ViewNode,
    Wording,
    build_view,
    byline,
)

if TYPE_CHECKING:  # the evaluation is imported only when a diagram shows one
    from .analyse import Evaluation

__all__ = [
    "Format",
    "mimebundle",
    "render",
    "to_dot",
    "to_html",
    "to_svg",
    "view_output",
    "view_to_dot",
]


# Fonts every platform has one of; SVG viewers read the list as CSS font-family.
FONT = "Helvetica,Arial,sans-serif"

INK = "#37474f"  # statement borders, title
MUTED = "#757575"  # speakers, legend frame
PREMISE = "#9e9e9e"
SUPPORT = "#2e7d32"
ATTACK = "#c62828"
THESIS_FILL = "#fff8e1"
FOLD_FILL = "#eceff1"
SUPPORT_FILL = "#e8f5e9"
ATTACK_FILL = "#ffebee"
UNTRANSLATED = "#a3480b"  # dark orange: readable on white, apart from red attacks

# Evaluation labels: each differs from the others in fill, border and text,
# so they stay apart in greyscale and for colour-blind readers: ``in`` is a
# blue fill with a solid thick border, ``out`` a near-white fill with a dashed
# border and dimmed text, ``undecided`` a light yellow fill with a dotted
# border. In greyscale the fills are three shades: in darkest, out lightest.
_LABEL_STYLES: dict[str, dict[str, str]] = {
    "in": {"fillcolor": "#a9cbef", "color": "#1f4e79", "style": "rounded,filled", "penwidth": "2"},
    "out": {
        "fillcolor": "#f5f5f5",
        "color": "#8a8a8a",
        "style": "rounded,filled,dashed",
        "penwidth": "1.6",
        "fontcolor": "#6b6b6b",
    },
    "undecided": {
        "fillcolor": "#ffe38f",
        "color": "#7a5c00",
        "style": "rounded,filled,dotted",
        "penwidth": "2.2",
    },
}
# The edge from an argument that is out to its target fades: it carries nothing.
_OUT_EDGES: dict[EdgeKind, dict[str, str]] = {
    "premise": {},
    "support": {"color": "#a5d6a7", "penwidth": "1.2"},
    "attack": {"color": "#ef9a9a", "penwidth": "1.2"},
    "undercut": {"color": "#ef9a9a", "penwidth": "1.2"},
}
_LABEL_MEANINGS = {
    "in": "in: accepted",
    "out": "out: rejected",
    "undecided": "undecided",
}

#: Above this many nodes (the large-map limit of ``argmap render``), Graphviz
#: places nodes within each rank with a bounded search (``nslimit``): on maps
#: of thousands of nodes the full search takes most of the render, and
#: minutes at 7,000 nodes, for a drawing no better to read.
LIGHT_LAYOUT_NODES = 300
#: The limit: network simplex iterations as a fraction of the node count.
LIGHT_LAYOUT = {"nslimit": "0.5"}

_GRAPH_ATTRS = {
    "rankdir": "BT",
    "fontname": FONT,
    "fontsize": "18",
    "fontcolor": INK,
    "labelloc": "t",
    "nodesep": "0.3",
    "ranksep": "0.35",
    "pad": "0.25",
    # Edges first, so that lines never cross over the text of a node.
    "outputorder": "edgesfirst",
}
_NODE_ATTRS = {
    "fontname": FONT,
    "fontsize": "12",
    "fontcolor": "#212121",
    "shape": "box",
    "style": "rounded,filled",
    "fillcolor": "white",
    "color": INK,
    "penwidth": "1",
    "margin": "0.1,0.06",
}
_EDGE_ATTRS = {"fontname": FONT, "fontsize": "10", "penwidth": "1.6", "arrowsize": "0.8"}

# Attack edges end in a bar (`tee`) and undercuts are dashed as well, so the
# three relations stay apart in greyscale print, not only by colour.
_EDGE_STYLES: dict[EdgeKind, dict[str, str]] = {
    "premise": {"color": PREMISE, "penwidth": "1", "arrowhead": "normal", "arrowsize": "0.5"},
    "support": {"color": SUPPORT, "arrowhead": "normal"},
    "attack": {"color": ATTACK, "arrowhead": "tee", "arrowsize": "1.1"},
    "undercut": {"color": ATTACK, "arrowhead": "tee", "arrowsize": "1.1", "style": "dashed"},
    "fold": {"color": MUTED, "penwidth": "1.2", "style": "dashed", "arrowsize": "0.6"},
}
_ARGUMENT_STYLES: dict[str, dict[str, str]] = {
    "support": {"color": SUPPORT, "fillcolor": SUPPORT_FILL},
    "attack": {"color": ATTACK, "fillcolor": ATTACK_FILL},
    "undercut": {"color": ATTACK, "fillcolor": ATTACK_FILL, "style": "rounded,filled,dashed"},
}
_ARGUMENT_ATTRS = {"fontsize": "10", "margin": "0.07,0.03", "width": "0.3", "height": "0.25"}
_THESIS_ATTRS = {"penwidth": "2.5", "fillcolor": THESIS_FILL, "color": "#263238"}
# A folded branch: a dashed grey stack, its text smaller and muted.
_FOLD_ATTRS = {
    "style": "rounded,filled,dashed",
    "fillcolor": FOLD_FILL,
    "color": MUTED,
    "fontcolor": "#455a64",
    "fontsize": "11",
    "peripheries": "2",
}

_SPEAKER_FONT = f'<FONT POINT-SIZE="10" COLOR="{MUTED}"><I>'
# What the diagram says of a node above its text (reconstructed, a question,
# a hypothesis): small italics, darker than the byline so it reads in print.
_MARK_FONT = '<FONT POINT-SIZE="10" COLOR="#455a64"><I>'
_UNTRANSLATED_FONT = f'<FONT POINT-SIZE="10" COLOR="{UNTRANSLATED}"><I>'
_CLUSTER_ATTRS = {
    "class": "argmap-group",
    "style": "rounded,filled",
    "color": "#cfd8dc",
    "fillcolor": "#f7f9fa",
    "fontname": FONT,
    "fontsize": "14",
    "fontcolor": INK,
    "labeljust": "l",
    "margin": "12",
}


def to_dot(
    map: ArgumentMap,
    *,
    width: int = 40,
    rankdir: Rankdir = "BT",
    legend: bool = False,
    lang: str | None = None,
    evaluation: Evaluation | None = None,
    focus: str | None = None,
    depth: int | None = None,
    collapse: str | Iterable[str] = (),
    tags: str | Iterable[str] = (),
    speakers: str | Iterable[str] = (),
    premises: bool = True,
) -> str:
    """The diagram of ``map`` as DOT source (Graphviz's input language).

    Needs no Graphviz installation. The same map and options always give the
    same text.

    Args:
        map: The argument map; it need not be checked.
        width: Wrap statement text at this many characters (at least 10).
        rankdir: ``"BT"`` (conclusions above premises, the default), ``"TB"``,
            ``"LR"`` or ``"RL"``.
        legend: Add a legend explaining the shapes and edges.
        lang: Draw the text in this language, one of the map's ``langs``;
            text not translated into it is drawn in the map's own language,
            marked. ``None`` (the default): the map's own language.
        evaluation: Show these labels, from :func:`argmap.evaluate` on this
            map: ``in``, ``out`` and ``undecided`` differ in fill, border and
            text, and the legend (always drawn then) explains them. Evaluate
            the whole map; with ``focus`` and the other options, the part
            drawn shows the labels of the whole.
        focus: Draw only what lies within ``depth`` steps of this statement.
        depth: With ``focus``: how many steps (default 2).
        collapse: Fold the branch below each of these statements into one
            node that says how much it hides.
        tags: Draw what carries one of these tags, and what is needed to
            draw it.
        speakers: Draw what these agents (ids) hold or argue, likewise.
            :func:`argmap.view.select` says exactly what each option keeps.
        premises: ``False``: draw each argument without its premises (as
            Argdown's argument maps do), a diagram about a third the size: an
            argument aimed at a premise points at the arguments that use it,
            and the premises' text is in the argument's tooltip. Main theses
            and ``focus`` stay drawn. Not with ``collapse``.

    Raises:
        ValueError: If ``width``, ``rankdir`` or ``lang`` is invalid,
            ``evaluation`` does not label every statement and argument, or
            ``focus``, ``collapse``, ``tags`` or ``speakers`` names what the
            map lacks.
    """
    view = build_view(
        map,
        width=width,
        rankdir=rankdir,
        legend=legend,
        lang=lang,
        evaluation=evaluation,
        focus=focus,
        depth=depth,
        collapse=collapse,
        tags=tags,
        speakers=speakers,
        premises=premises,
    )
    return view_to_dot(view)


def view_to_dot(view: MapView) -> str:
    """DOT source for an already built :class:`~argmap.view.MapView`."""
    source: str = _digraph(view).source
    return source


def to_svg(
    map: ArgumentMap,
    *,
    width: int = 40,
    rankdir: Rankdir = "BT",
    legend: bool = False,
    lang: str | None = None,
    evaluation: Evaluation | None = None,
    focus: str | None = None,
    depth: int | None = None,
    collapse: str | Iterable[str] = (),
    tags: str | Iterable[str] = (),
    speakers: str | Iterable[str] = (),
    premises: bool = True,
) -> str:
    """The diagram of ``map`` as an SVG document.

    Every statement and argument is a ``<g>`` element with ``id``
    ``statement-<id>`` or ``argument-<id>`` and ``class`` names such as
    ``argmap-statement argmap-thesis``, ready for CSS and scripts; a folded
    branch is a ``<g>`` with ``id`` ``fold-<statement id>`` and ``class``
    ``argmap-fold``. Arguments are as for :func:`to_dot`.

    Raises:
        RenderError: If Graphviz's ``dot`` is not installed or fails.
        ValueError: As for :func:`to_dot`.
    """
    source = to_dot(
        map,
        width=width,
        rankdir=rankdir,
        legend=legend,
        lang=lang,
        evaluation=evaluation,
        focus=focus,
        depth=depth,
        collapse=collapse,
        tags=tags,
        speakers=speakers,
        premises=premises,
    )
    return _run_dot(source, "svg").decode("utf-8")


def to_html(
    map: ArgumentMap,
    *,
    width: int = 40,
    rankdir: Rankdir = "BT",
    legend: bool = False,
    lang: str | None = None,
    evaluation: Evaluation | None = None,
    focus: str | None = None,
    depth: int | None = None,
    collapse: str | Iterable[str] = (),
    tags: str | Iterable[str] = (),
    speakers: str | Iterable[str] = (),
    premises: bool = True,
) -> str:
    """The diagram of ``map`` in the interactive viewer: one self-contained HTML page.

    The page holds the SVG of :func:`to_svg` with pan and zoom, a search box,
    and a panel showing everything the map says about the statement or
    argument clicked, in every language of the map, with what supports and
    attacks it highlighted. It loads nothing from anywhere, so it works
    offline. Arguments are as for :func:`to_dot`; the data of what is not
    drawn stays out of the page.

    Raises:
        RenderError: If Graphviz's ``dot`` is not installed or fails.
        ValueError: As for :func:`to_dot`.
    """
    view = build_view(
        map,
        width=width,
        rankdir=rankdir,
        legend=legend,
        lang=lang,
        evaluation=evaluation,
        focus=focus,
        depth=depth,
        collapse=collapse,
        tags=tags,
        speakers=speakers,
        premises=premises,
    )
    return view_output(view, "html", map=map).decode("utf-8")


def render(
    map: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    width: int = 40,
    rankdir: Rankdir = "BT",
    legend: bool = False,
    lang: str | None = None,
    evaluation: Evaluation | None = None,
    focus: str | None = None,
    depth: int | None = None,
    collapse: str | Iterable[str] = (),
    tags: str | Iterable[str] = (),
    speakers: str | Iterable[str] = (),
    premises: bool = True,
) -> Path:
    """Draw ``map`` into the file ``path``.

    The file is replaced atomically: if rendering or writing fails, an
    existing file at ``path`` is left as it was.

    Args:
        map: The argument map; it need not be checked.
        path: The output file.
        format: ``"svg"``, ``"png"``, ``"pdf"``, ``"dot"`` or ``"html"`` (the
            interactive viewer, see :func:`to_html`); by default taken from the
            suffix of ``path``.
        width: Wrap statement text at this many characters (at least 10).
        rankdir: ``"BT"`` (conclusions above premises, the default), ``"TB"``,
            ``"LR"`` or ``"RL"``.
        legend: Add a legend explaining the shapes and edges.
        lang: Draw the text in this language (see :func:`to_dot`).
        evaluation: Show these labels (see :func:`to_dot`).
        focus: Draw only the neighbourhood of this statement (see :func:`to_dot`).
        depth: With ``focus``: how many steps (default 2).
        collapse: Fold the branches below these statements (see :func:`to_dot`).
        tags: Draw what carries these tags (see :func:`to_dot`).
        speakers: Draw what these agents hold or argue (see :func:`to_dot`).
        premises: ``False``: draw arguments without their premises (see
            :func:`to_dot`).

    Returns:
        The path written.

    Raises:
        ValueError: If the format is unknown or cannot be told from the suffix,
            or another option is invalid (see :func:`to_dot`).
        RenderError: If Graphviz's ``dot`` is needed but missing, or fails.
        OutputError: If the file cannot be written.
    """
    fmt = _output_format(path, format)
    view = build_view(
        map,
        width=width,
        rankdir=rankdir,
        legend=legend,
        lang=lang,
        evaluation=evaluation,
        focus=focus,
        depth=depth,
        collapse=collapse,
        tags=tags,
        speakers=speakers,
        premises=premises,
    )
    return write_atomic(path, view_output(view, fmt, map=map))


def view_output(view: MapView, format: Format, *, map: ArgumentMap | None = None) -> bytes:
    """The bytes of ``view`` drawn in ``format``: DOT text, or what ``dot`` makes of it.

    ``html`` needs ``map``, the map ``view`` was built from: the viewer
    shows what the diagram leaves out (full text, translations, quotes).

    Raises:
        RenderError: If Graphviz's ``dot`` is needed but missing, or fails.
        ValueError: If ``format`` is ``html`` and ``map`` is not given.
    """
    if format == "html":
        if map is None:
            raise ValueError("'map' must be given for the html format (got None)")
        from ._html import page

        svg = _run_dot(view_to_dot(view), "svg").decode("utf-8")
        return page(map, view, svg).encode("utf-8")
    return _output(view_to_dot(view), format)


def _output(source: str, format: Format) -> bytes:
    data = source.encode("utf-8") if format == "dot" else _run_dot(source, format)
    return _fixed_pdf_dates(data) if format == "pdf" else data


def mimebundle(map: ArgumentMap) -> dict[str, str]:
    """The SVG of ``map`` keyed by MIME type, for Jupyter's ``_repr_mimebundle_``.

    Raises:
        RenderError: If Graphviz's ``dot`` is not installed or fails.
    """
    return {"image/svg+xml": to_svg(map)}


# Cairo stamps PDFs with the time of rendering; the same map must give the same bytes.
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)(\d{14})")


def _fixed_pdf_dates(data: bytes) -> bytes:
    """``data`` with its PDF timestamps set to 1970-01-01 (same length, so offsets hold)."""
    return _PDF_DATE.sub(lambda m: m[1] + b"19700101000000", data)


def _output_format(path: str | os.PathLike[str], format: str | None) -> Format:
    allowed = list(FORMATS)
    if format is not None:
        for known in FORMATS:
            if format == known:
                return known
        raise ValueError(f"'format' must be one of {allowed!r} (got {format!r})")
    suffix = Path(path).suffix
    for known in FORMATS:
        if suffix.lower() == f".{known}":
            return known
    suffixes = ", ".join(f".{f}" for f in FORMATS)
    where = f"the suffix {suffix!r}" if suffix else "a name without a suffix"
    raise ValueError(
        f"{os.fspath(path)}: cannot tell the output format from {where}; "
        f"use one of {suffixes} or give the format explicitly"
    )


def _graphviz() -> Any:
    """The :mod:`graphviz` package, imported on first use so ``import argmap`` stays fast."""
    import graphviz

    return graphviz


def _run_dot(source: str, format: str) -> bytes:
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


def _digraph(view: MapView) -> Any:
    """The ``graphviz.Digraph`` for ``view``."""
    graphviz = _graphviz()
    graph = graphviz.Digraph(
        name=_dot_name(view.title),
        graph_attr={
            **_GRAPH_ATTRS,
            "rankdir": view.rankdir,
            **(LIGHT_LAYOUT if len(view.nodes) > LIGHT_LAYOUT_NODES else {}),
        },
        node_attr=_NODE_ATTRS,
        edge_attr=_EDGE_ATTRS,
    )
    if view.title.strip():
        graph.attr(label=f"<<B>{_html(view.title)}</B>>")
    by_id = {node.id: node for node in view.nodes}
    clustered: set[str] = set()
    for cluster in view.clusters:
        frame = graphviz.Digraph(
            name=f"cluster_{cluster.id}",
            graph_attr={
                **_CLUSTER_ATTRS,
                "id": cluster.id,
                "label": _cluster_label(cluster),
                # Cluster labels follow the flow: "b" is the top of a bottom-to-top map.
                "labelloc": "b" if view.rankdir == "BT" else "t",
            },
        )
        for member in cluster.members:
            frame.node(member, **_node_attrs(by_id[member], view.wording))
        clustered.update(cluster.members)
        graph.subgraph(frame)
    for node in view.nodes:
        if node.id not in clustered:
            graph.node(node.id, **_node_attrs(node, view.wording))
    for edge in view.edges:
        style = _EDGE_STYLES[edge.kind]
        if edge.label == "out":
            style = {**style, **_OUT_EDGES[edge.kind]}
        graph.edge(
            edge.source,
            edge.target,
            _attributes={"class": " ".join(edge.classes)},
            **style,
        )
    if view.legend:
        folds = any(node.kind == "fold" for node in view.nodes)
        legend = _legend(view.rankdir, view.evaluated, folds=folds)
        samples = _grounding_samples(view)
        if samples:
            hedge = next((node.hedge for node in view.nodes if node.hedge), None)
            legend.subgraph(_legend_grounding(samples, view.wording, view.rankdir, hedge))
        graph.subgraph(legend)
    return graph


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
        attrs.update(_FOLD_ATTRS)
        attrs["label"] = _label([("", node.lines)], align="CENTER")
    elif node.kind == "argument":
        relation = next((r for r in _ARGUMENT_STYLES if f"argmap-{r}" in node.classes), "support")
        attrs.update(_ARGUMENT_ATTRS)
        attrs.update(_ARGUMENT_STYLES[relation])
        cells = [("MARK", node.marks)] if node.marks else []
        cells.append(("", node.lines))
        if node.untranslated:
            cells.append(("UNTRANSLATED", (_untranslated(node.untranslated),)))
        attrs["label"] = _label(cells, align="CENTER")
    else:
        if node.thesis:
            attrs.update(_THESIS_ATTRS)
        attrs["label"] = _statement_label(node, wording or Wording())
    if node.label is not None:
        attrs.update(_label_style(node.kind, node.label, thesis=node.thesis))
    if node.implicit:
        attrs["style"] = _dashed(attrs.get("style", _NODE_ATTRS["style"]))
    return attrs


def _dashed(style: str) -> str:
    """``style`` with a dashed outline, unless it is dashed or dotted already."""
    return style if "dashed" in style or "dotted" in style else f"{style},dashed"


def _label_style(kind: str, label: str, *, thesis: bool = False) -> dict[str, str]:
    """Fill, border and text of a labelled node; arguments keep their relation's colour."""
    style = dict(_LABEL_STYLES[label])
    if kind == "argument":
        del style["color"]
        style["penwidth"] = str(float(style["penwidth"]) - 0.4)
    elif thesis:
        style["penwidth"] = str(float(style["penwidth"]) + 1)
    return style


def _statement_label(node: ViewNode, wording: Wording) -> str:
    cells: list[tuple[str, tuple[str, ...]]] = []
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
        cells.append(("UNTRANSLATED", (_untranslated(node.untranslated),)))
    return _label(cells)


def _untranslated(lang: str) -> str:
    """The mark on text shown in the map's own language for want of a translation."""
    return f"[{lang}] not translated"


def _label(cells: list[tuple[str, tuple[str, ...]]], *, align: str = "LEFT") -> str:
    """An HTML-like label: one table cell per ``(style, lines)``, lines aligned by ``align``.

    ``MARK`` cells join their lines into one, with `` · `` between.
    """
    rows = []
    for style, lines in cells:
        if style == "MARK":
            text = f"{_MARK_FONT}{_html(' · '.join(lines))}</I></FONT>"
        else:
            text = "<BR/>".join(_html(line) for line in lines)
        if style == "B":
            text = f"<B>{text}</B>"
        elif style == "HEDGE":
            text = f"<I>{text}</I>"
        elif style == "SPEAKER":
            text = f"{_SPEAKER_FONT}{text}</I></FONT>"
        elif style == "UNTRANSLATED":
            text = f"{_UNTRANSLATED_FONT}{text}</I></FONT>"
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


def _legend(rankdir: Rankdir, evaluated: str | None = None, *, folds: bool = False) -> Any:
    """A cluster drawing one of each: statement, main thesis, argument, relation.

    With ``evaluated`` (what the labels are the labels of), also one
    statement per label and a line naming the evaluation; with ``folds``,
    a folded branch.
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
                attrs.update(_THESIS_ATTRS)
        else:
            attrs.update(_ARGUMENT_ATTRS)
            attrs.update(_ARGUMENT_STYLES[kind])
        legend.node(node_id, **attrs)
    if folds:
        legend.node(
            "legend-fold",
            id="legend-fold",
            _attributes={"class": "argmap-legend"},
            label=_label([("", ("folded branch",))], align="CENTER"),
            **_FOLD_ATTRS,
        )
        legend.edge(
            "legend-fold",
            "legend-statement",
            label=_html_label("folded"),
            _attributes={"class": "argmap-legend"},
            fontcolor=MUTED,
            **_EDGE_STYLES["fold"],
        )
    if evaluated is not None:
        legend.subgraph(_legend_labels(rankdir, evaluated))
    for source, target, kind in _LEGEND_EDGES:
        legend.edge(
            source,
            target,
            label=_html_label(kind),
            _attributes={"class": "argmap-legend"},
            fontcolor=MUTED,
            **_EDGE_STYLES[kind],
        )
    return legend


def _legend_labels(rankdir: Rankdir, evaluated: str) -> Any:
    """The part of the legend that explains the labels, in a row: in, out, undecided."""
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
    names = [f"legend-{label}" for label in _LABEL_MEANINGS]
    for name, (label, meaning) in zip(names, _LABEL_MEANINGS.items(), strict=True):
        row.node(
            name,
            id=name,
            _attributes={"class": f"argmap-legend argmap-{label}"},
            label=_label([("", (meaning,))]),
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
            attrs.update(_ARGUMENT_ATTRS)
            attrs.update(_ARGUMENT_STYLES["support"])
            attrs["style"] = _dashed(_NODE_ATTRS["style"])
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
                attrs["style"] = _dashed(_NODE_ATTRS["style"])
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


# -- escaping: every string that reaches DOT passes one of these ---------------


#: What :func:`_clean` changes: controls (category Cc), surrogates (Cs),
#: line and paragraph separators, and the two non-characters.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _clean(text: str, *, newlines: bool) -> str:
    """Drop characters XML or DOT cannot carry; whitespace controls become spaces.

    With ``newlines``, line breaks are kept (as ``\\n``).
    """
    if _UNSAFE.search(text) is None:  # most text: nothing to drop or replace
        return text
    text = text.replace("\r\n", "\n")
    out = []
    for char in text:
        if char == "\n" and newlines:
            out.append(char)
        elif char in "\t\n\r\v\f\x85\u2028\u2029":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff":
            continue
        else:
            out.append(char)
    return "".join(out)


def _html(text: str) -> str:
    """Text for an HTML-like label, shown exactly as given.

    Markup characters become entities. Graphviz still expands ``\\N``, ``\\G``
    and friends inside HTML-like labels and reads ``\\\\`` as one backslash,
    so backslashes are doubled.
    """
    return html.escape(_clean(text, newlines=False), quote=True).replace("\\", "\\\\")


def _tooltip(text: str) -> str:
    """Text for a ``tooltip`` (an escString), shown exactly as given.

    Graphviz decodes HTML entities in a tooltip and then unescapes its
    backslashes twice (once for ``\\n``, once for ``\\N`` and friends), so one
    doubling (``graphviz.escape``) is not enough: a literal backslash is
    written as four, ``&`` as ``&amp;``; line breaks become ``\\n``.
    """
    graphviz = _graphviz()
    escaped = (
        _clean(text, newlines=True)
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
    text = " ".join(_clean(title, newlines=False).split())
    name: str = graphviz.nohtml(text.replace("&", "&amp;").replace("\\", "\u29f5"))
    return name or "argmap"
