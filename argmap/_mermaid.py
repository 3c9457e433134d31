"""Mermaid export: a map's diagram as a Mermaid ``flowchart``, for GitHub and GitLab.

The flowchart is drawn from the same :class:`~argmap.view.MapView` as the
Graphviz diagram, with its colours: statements as rounded boxes, arguments as
small stadiums coloured by what they do, support in green, attack in red
(ending in a cross), undercut dotted red into the argument node, the main
theses emphasised, groups as subgraphs, an issue as a hexagon joined to its
positions by dotted lines. Every string that reaches the
flowchart passes through :func:`_escape` (node and subgraph labels) or
:func:`_title` (the front matter's title); every node id through
:class:`_Ids`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from ._helpers import fresh_id, wrap
from ._palette import (
    ATTACK,
    ATTACK_FILL,
    CLUSTER_ATTRS,
    FOLD_FILL,
    INK,
    ISSUE,
    ISSUE_ATTRS,
    LABEL_STYLES,
    MUTED,
    OUT_EDGES,
    PREMISE,
    SUPPORT,
    SUPPORT_FILL,
    THESIS_ATTRS,
)
from ._text import clean
from .model import ArgumentMap
from .view import (
    EdgeKind,
    MapView,
    ViewEdge,
    ViewKeywords,
    ViewNode,
    ViewOptions,
    Wording,
    build_view,
    byline,
    untranslated,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["to_mermaid", "view_to_mermaid"]

#: The width statements are wrapped at: Mermaid's font is larger than
#: Graphviz's, so a narrower box keeps the flowchart as wide as the SVG.
WIDTH = 32

# Node shapes: statements are rounded boxes, arguments stadiums, a folded
# branch a box with double sides (Graphviz draws it with two borders), an
# issue's own node a hexagon.
_SHAPES = {
    "statement": ("(", ")"),
    "argument": ("([", "])"),
    "fold": ("[[", "]]"),
    "issue": ("{{", "}}"),
}

# Arrows: attacks end in a cross (Graphviz: a bar), undercuts and folds are dotted.
_ARROWS: dict[EdgeKind, str] = {
    "premise": "-->",
    "support": "-->",
    "attack": "--x",
    "undercut": "-.-x",
    "fold": "-.->",
    "position": "-.-",  # a position answers its issue: dotted, without a head
}
_EDGE_STYLES: dict[EdgeKind, str] = {
    "premise": f"stroke:{PREMISE},stroke-width:1px",
    "support": f"stroke:{SUPPORT},stroke-width:1.6px",
    "attack": f"stroke:{ATTACK},stroke-width:1.6px",
    "undercut": f"stroke:{ATTACK},stroke-width:1.6px",
    "fold": f"stroke:{MUTED},stroke-width:1.2px",
    "position": f"stroke:{ISSUE},stroke-width:1.2px",
}
_DASHED = "stroke-dasharray:5 3"
_GROUP_STYLE = f"fill:{CLUSTER_ATTRS['fillcolor']},stroke:{CLUSTER_ATTRS['color']},color:{INK}"
_LABEL_DASHES = {"dashed": _DASHED, "dotted": "stroke-dasharray:2 2"}


def _label_class(label: str, *, argument: bool) -> str:
    """The style of an evaluation label; an argument keeps its relation's border colour."""
    style = LABEL_STYLES[label]
    parts = [f"fill:{style['fillcolor']}"]
    if not argument:
        parts.append(f"stroke:{style['color']}")
    parts.append(f"stroke-width:{style['penwidth']}px")
    parts += [dash for name, dash in _LABEL_DASHES.items() if name in style["style"]]
    if "fontcolor" in style:
        parts.append(f"color:{style['fontcolor']}")
    return ",".join(parts)


# Mermaid class -> style, in the order they are applied (a later class wins).
_CLASSES: dict[str, str] = {
    "statement": f"fill:#ffffff,stroke:{INK},stroke-width:1px,color:#212121",
    "argument": "font-size:12px,color:#212121",
    "support": f"fill:{SUPPORT_FILL},stroke:{SUPPORT}",
    "attack": f"fill:{ATTACK_FILL},stroke:{ATTACK}",
    "undercut": f"fill:{ATTACK_FILL},stroke:{ATTACK},{_DASHED}",
    "thesis": (
        f"fill:{THESIS_ATTRS['fillcolor']},stroke:{THESIS_ATTRS['color']},"
        f"stroke-width:{THESIS_ATTRS['penwidth']}px"
    ),
    "fold": f"fill:{FOLD_FILL},stroke:{MUTED},{_DASHED},color:#455a64",
    "issue": (
        f"fill:{ISSUE_ATTRS['fillcolor']},stroke:{ISSUE_ATTRS['color']},"
        f"stroke-width:{ISSUE_ATTRS['penwidth']}px,color:#212121"
    ),
    # What the map adds to the text: a dashed border over the node's own style.
    "implicit": _DASHED,
    **{label: _label_class(label, argument=False) for label in LABEL_STYLES},
    **{f"{label}Argument": _label_class(label, argument=True) for label in LABEL_STYLES},
}


def to_mermaid(
    map: ArgumentMap,
    options: ViewOptions | None = None,
    **keywords: Unpack[ViewKeywords],
) -> str:
    """The diagram of ``map`` as a Mermaid flowchart.

    The flowchart shows what :func:`argmap.to_dot` shows, from the same
    view, and takes the same options (:class:`~argmap.ViewOptions`); a
    flowchart has no legend, so ``legend`` changes nothing. GitHub and
    GitLab draw it in a fenced ``mermaid`` block.

    Args:
        map: The map; it need not be checked.
        options: How to draw it (see :class:`~argmap.ViewOptions`). Without
            them, and without a ``width`` keyword, statement text is wrapped
            at 32 characters: Mermaid's font is larger than Graphviz's.
        **keywords: Fields of :class:`~argmap.ViewOptions`, over ``options``.

    Returns:
        The flowchart's text, ending in a newline; the same map and options
        always give the same text.

    Raises:
        ValueError: If an option is invalid (see :func:`argmap.to_dot`).
    """
    if options is None:
        options = ViewOptions(width=keywords.pop("width", WIDTH))
    return view_to_mermaid(build_view(map, options, **keywords))


def view_to_mermaid(view: MapView) -> str:
    """The Mermaid flowchart of an already built :class:`~argmap.view.MapView`.

    The view's legend, tooltips and the classes without a style of their
    own (``rebuttal``, ``focus``, ...) have no place in it.
    """
    ids = _Ids()
    for node in view.nodes:
        ids.claim(node.id, node.kind, node.ref)
    lines: list[str] = []
    title = _title(view.title)
    lines += ["---", *([f"title: {title}"] if title else [])]
    # Mermaid wraps a label at 200 pixels of its own unless told otherwise;
    # the view has wrapped the text already, so its lines must fit.
    lines += ["config:", "  flowchart:", f"    wrappingWidth: {_wrapping_width(view)}", "---"]
    lines.append(f"flowchart {view.rankdir}")
    by_id = {node.id: node for node in view.nodes}
    placed: set[str] = set()
    styles: list[str] = []
    for cluster in view.clusters:
        group = ids.claim(cluster.id, "group", cluster.ref)
        lines.append(_line(f"  subgraph {group}[", cluster.title, "]"))
        # A subgraph with no edge leaving it is laid out on its own, top to
        # bottom unless it says otherwise.
        lines.append(f"    direction {view.rankdir}")
        for member in cluster.members:
            lines.append(_node_line(ids[member], by_id[member], view.wording, indent="    "))
            placed.add(member)
        lines.append("  end")
        styles.append(f"  style {group} {_GROUP_STYLE}")
    lines += [_node_line(ids[n.id], n, view.wording) for n in view.nodes if n.id not in placed]
    lines += [f"  {ids[e.source]} {_ARROWS[e.kind]} {ids[e.target]}" for e in view.edges]
    lines += _class_lines(view.nodes, ids)
    lines += styles
    lines += _link_styles(view.edges)
    return "\n".join(lines) + "\n"


def _wrapping_width(view: MapView) -> int:
    """Room in pixels for the longest line of any label (about 10 pixels a character)."""
    longest = max((len(line) for node in view.nodes for line in node.lines), default=0)
    return max(200, 10 * longest + 20)


class _Ids:
    """Mermaid node ids: ``s_``, ``a_``, ``f_``, ``i_`` or ``g_`` and the map id in ASCII.

    The prefix keeps every id clear of Mermaid's keywords (``end``,
    ``graph``, ``style``, ``click``, ...) and of the letters ``o`` and ``x``
    that would turn an arrow into a circle or a cross; characters other than
    ASCII letters and digits become ``_``, and an id that two map ids share
    gets ``_2``, ``_3``, ... in drawing order.
    """

    PREFIXES: ClassVar[dict[str, str]] = {
        "statement": "s",
        "argument": "a",
        "fold": "f",
        "issue": "i",
        "group": "g",
    }

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.taken: set[str] = set()
        self.counters: dict[str, int] = {}

    def claim(self, element_id: str, kind: str, ref: str) -> str:
        base = f"{self.PREFIXES[kind]}_{re.sub(r'[^A-Za-z0-9]', '_', ref)}"
        candidate = fresh_id(base, self.taken, "{base}_{number}", self.counters)
        self.taken.add(candidate)
        self.ids[element_id] = candidate
        return candidate

    def __getitem__(self, element_id: str) -> str:
        return self.ids[element_id]


def _node_line(mermaid_id: str, node: ViewNode, wording: Wording, indent: str = "  ") -> str:
    opening, closing = _SHAPES[node.kind]
    parts: list[str] = []
    if node.marks:
        parts.append(f"<i>{_escape(' · '.join(node.marks))}</i>")
    if node.kind in ("statement", "issue"):
        if node.title_lines:
            parts.append(f"<b>{_lines(node.title_lines)}</b>")
        parts.append(_lines(node.lines))
        # As in the SVG: the hedge and the byline wrap at the text's own width.
        longest = max(len(line) for line in (*node.title_lines, *node.lines))
        if node.hedge:
            hedge_lines = wrap(f"({node.hedge})", max(longest, 20))
            parts.append(f"<i>{_lines(hedge_lines)}</i>")
        if node.standard:
            parts.append(f"<i>{_escape(node.standard)}</i>")
        if node.speakers or node.via:
            line = byline(node.speakers, node.via, relay=wording.via)
            parts.append(f"<i>{_lines(wrap(line, max(longest, 20)))}</i>")
    else:
        parts.append(_lines(node.lines))
    if node.untranslated:
        parts.append(f"<i>{_escape(untranslated(node.untranslated))}</i>")
    return _line(f"{indent}{mermaid_id}{opening}", "<br>".join(parts), closing, escaped=True)


def _lines(lines: Iterable[str]) -> str:
    return "<br>".join(_escape(line) for line in lines)


# Mermaid reads ``#name;`` and ``#123;`` in a label as a character entity;
# these characters would otherwise end the label, become markup, start an
# entity (Mermaid's or HTML's) or a Markdown string.
_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
}
# Mermaid decodes a label's entities before it looks in it for a formula
# (``$$...$$``), a line break written ``\n`` and a Font Awesome icon
# (``fa:fa-car``), so an entity cannot keep these as text: an invisible word
# joiner (U+2060) goes between their characters instead. "%%" would start a
# comment or a directive; one "%" or "$" is harmless and stays.
_JOINER = "#8288;"
_PAIRS = {"$$": f"${_JOINER}", "\\n": f"\\{_JOINER}", "%%": "#37;"}
_ICON = re.compile(r"(fa[bklrs]?):(?=fa-)")


def _escape(text: str) -> str:
    """Text inside a ``"..."`` label, shown exactly as given, on one line."""
    text = " ".join(clean(text, newlines=False).split())
    out = []
    for index, char in enumerate(text):
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        else:
            out.append(_PAIRS.get(text[index : index + 2], char))
    return _ICON.sub(rf"\1:{_JOINER}", "".join(out))


# Before it parses, Mermaid cuts the last ";" from a line where "style" or
# "classDef" comes before a ":" that a "#" follows without a space between.
_STYLE_LIKE = re.compile(r"(style|classDef).*:\S*#.*;")


def _line(before: str, text: str, after: str, *, escaped: bool = False) -> str:
    """``before"text"after``, the text escaped; colons too where Mermaid would misread it."""
    label = text if escaped else _escape(text)
    line = f'{before}"{label}"{after}'
    if _STYLE_LIKE.search(line):
        line = f'{before}"{label.replace(":", "#58;")}"{after}'
    return line


# Mermaid cleans the title as HTML and then shows the result as plain text:
# "&" would show as "&amp;", "<b>" stay, "<script>" vanish, so these three
# are written as their fullwidth forms.
_TITLE_LOOKALIKES = str.maketrans({"&": "\uff06", "<": "\uff1c", ">": "\uff1e"})


def _title(text: str) -> str:
    """The title as a YAML double-quoted string for the front matter; empty if blank."""
    title = " ".join(clean(text, newlines=False).split()).translate(_TITLE_LOOKALIKES)
    return json.dumps(title, ensure_ascii=False) if title else ""


def _class_lines(nodes: Iterable[ViewNode], ids: _Ids) -> list[str]:
    """A ``classDef`` and a ``class`` line for each style some node has, in applying order."""
    members: dict[str, list[str]] = {name: [] for name in _CLASSES}
    for node in nodes:
        for name in _node_classes(node):
            members[name].append(ids[node.id])
    lines = []
    for name, style in _CLASSES.items():
        if members[name]:
            lines.append(f"  classDef {name} {style}")
            lines.append(f"  class {','.join(members[name])} {name}")
    return lines


def _node_classes(node: ViewNode) -> list[str]:
    names = [c.removeprefix("argmap-") for c in node.classes]
    classes = [name for name in names if name in _CLASSES and name not in LABEL_STYLES]
    if node.label is not None:
        classes.append(node.label if node.kind != "argument" else f"{node.label}Argument")
    return classes


def _link_styles(edges: Iterable[ViewEdge]) -> list[str]:
    """One ``linkStyle`` per edge style, naming the edges by their number."""
    numbers: dict[str, list[str]] = {}
    for number, edge in enumerate(edges):
        style = _EDGE_STYLES[edge.kind]
        if edge.label == "out" and OUT_EDGES.get(edge.kind):
            faded = OUT_EDGES[edge.kind]
            style = f"stroke:{faded['color']},stroke-width:{faded['penwidth']}px"
        numbers.setdefault(style, []).append(str(number))
    return [f"  linkStyle {','.join(found)} {style}" for style, found in numbers.items()]
