"""How diagrams look: colours, fonts and the Graphviz attributes of each kind of element.

DOT (:mod:`argmap._dot`) draws with them, and the Mermaid export
(:mod:`argmap._mermaid`) matches them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .view import EdgeKind


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
ISSUE = "#4527a0"  # deep purple: apart from the relations' green, red and grey
ISSUE_FILL = "#ede7f6"
UNTRANSLATED = "#a3480b"  # dark orange: readable on white, apart from red attacks

# Evaluation labels. ``in`` is the quiet default: the node looks as it
# would without an evaluation. ``out`` and ``undecided`` stand out three ways
# at once, so each reads in greyscale and for colour-blind readers: a fill
# (``out`` light grey, ``undecided`` amber, darker than grey in greyscale),
# a badge above the text (``✗ out``, ``± undecided``; "?" is the question's
# mark) and, on a plain statement, a border (``out`` thin grey, ``undecided``
# thick dark amber); ``out`` also greys its text. No label dashes or dots a
# border: a dashed outline is what the map adds (``implicit``), and a dashed
# red argument is an undercut. The keys are Graphviz attributes; Mermaid
# reads them too.
LABEL_STYLES: dict[str, dict[str, str]] = {
    "in": {"fillcolor": "#ffffff", "color": INK, "style": "rounded,filled", "penwidth": "1"},
    "out": {
        "fillcolor": "#f0f0f0",
        "color": "#9e9e9e",
        "style": "rounded,filled",
        "penwidth": "1",
        "fontcolor": "#5f5f5f",
    },
    "undecided": {
        "fillcolor": "#ffca28",
        "color": "#7a5c00",
        "style": "rounded,filled",
        "penwidth": "2",
    },
}
#: The badge above the text of a node that is ``out`` or ``undecided``, and its colour.
LABEL_BADGES = {"out": ("✗ out", "#424242"), "undecided": ("± undecided", "#5c4500")}
# The edge from an argument that is out to its target fades: it carries nothing.
OUT_EDGES: dict[EdgeKind, dict[str, str]] = {
    "premise": {},
    "support": {"color": "#a5d6a7", "penwidth": "1.2"},
    "attack": {"color": "#ef9a9a", "penwidth": "1.2"},
    "undercut": {"color": "#ef9a9a", "penwidth": "1.2"},
}
#: What the legend says of each label: ``out`` is also what nothing establishes.
LABEL_MEANINGS = {
    "in": ("in: accepted",),
    "out": ("rejected, or not established", "(without the support it needs)"),
    "undecided": ("the map leaves it open",),
}

GRAPH_ATTRS = {
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
NODE_ATTRS = {
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
EDGE_ATTRS = {"fontname": FONT, "fontsize": "10", "penwidth": "1.6", "arrowsize": "0.8"}

# Attack edges end in a bar (`tee`) and undercuts are dashed as well, so the
# three relations stay apart in greyscale print, not only by colour.
EDGE_STYLES: dict[EdgeKind, dict[str, str]] = {
    "premise": {"color": PREMISE, "penwidth": "1", "arrowhead": "normal", "arrowsize": "0.5"},
    "support": {"color": SUPPORT, "arrowhead": "normal"},
    "attack": {"color": ATTACK, "arrowhead": "tee", "arrowsize": "1.1"},
    "undercut": {"color": ATTACK, "arrowhead": "tee", "arrowsize": "1.1", "style": "dashed"},
    "fold": {"color": MUTED, "penwidth": "1.2", "style": "dashed", "arrowsize": "0.6"},
    # A position answers its issue: a dotted line without a head, no inference.
    "position": {"color": ISSUE, "penwidth": "1.2", "style": "dotted", "arrowhead": "none"},
}
ARGUMENT_STYLES: dict[str, dict[str, str]] = {
    "support": {"color": SUPPORT, "fillcolor": SUPPORT_FILL},
    "attack": {"color": ATTACK, "fillcolor": ATTACK_FILL},
    "undercut": {"color": ATTACK, "fillcolor": ATTACK_FILL, "style": "rounded,filled,dashed"},
}
ARGUMENT_ATTRS = {"fontsize": "10", "margin": "0.07,0.03", "width": "0.3", "height": "0.25"}
THESIS_ATTRS = {"penwidth": "2.5", "fillcolor": THESIS_FILL, "color": "#263238"}
# An issue's question: a lavender box with a purple border, its positions below it.
ISSUE_ATTRS = {"fillcolor": ISSUE_FILL, "color": ISSUE, "penwidth": "1.5"}
# A folded branch: a dashed grey stack, its text smaller and muted.
FOLD_ATTRS = {
    "style": "rounded,filled,dashed",
    "fillcolor": FOLD_FILL,
    "color": MUTED,
    "fontcolor": "#455a64",
    "fontsize": "11",
    "peripheries": "2",
}

#: The byline's size in points, smaller than the text's (NODE_ATTRS).
SPEAKER_POINTS = 10
SPEAKER_FONT = f'<FONT POINT-SIZE="{SPEAKER_POINTS}" COLOR="{MUTED}"><I>'
# What the diagram says of a node above its text (implicit, a question,
# a hypothesis): small italics, darker than the byline so it reads in print.
MARK_FONT = '<FONT POINT-SIZE="10" COLOR="#455a64"><I>'
UNTRANSLATED_FONT = f'<FONT POINT-SIZE="10" COLOR="{UNTRANSLATED}"><I>'
#: Over the above, for a map whose groups are drawn in rows (see
#: :attr:`argmap.view.MapView.rows`): nodes and groups closer, so that the
#: rows fit the screen they are made for; ``newrank`` ranks the whole graph
#: at once, which lets the rows stack.
ROWS_GRAPH_ATTRS = {"newrank": "true", "nodesep": "0.2", "ranksep": "0.3"}
ROWS_CLUSTER_ATTRS = {"margin": "8"}
ROWS_NODE_ATTRS = {"margin": "0.08,0.04"}
CLUSTER_ATTRS = {
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


#: How a comparison of two maps (``argmap diff -f svg``) marks a node: what
#: is new, what changed, and what was removed (ghosted: grey and dashed).
ADDED = "#1565c0"
CHANGED = "#ef6c00"
GHOST = "#bdbdbd"
CHANGE_STYLES: dict[str, dict[str, str]] = {
    "added": {"color": ADDED, "penwidth": "3"},
    "changed": {"color": CHANGED, "penwidth": "3"},
    "removed": {"color": GHOST, "fontcolor": "#9e9e9e", "fillcolor": "#fafafa"},
}
#: An edge of what was removed.
REMOVED_EDGE = {"color": GHOST, "fontcolor": GHOST, "style": "dashed"}
