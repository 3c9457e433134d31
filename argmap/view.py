"""Decide what a diagram of a map shows: nodes, edges and their text, as plain data.

A :class:`MapView` is what the renderer turns into DOT; it is computed here
without Graphviz, so what goes on a diagram can be tested on its own. Nodes
and edges keep the authored order of the map, so the same map always gives
the same view.

A view can show part of a map: the neighbourhood of a statement, what
carries some tags or speakers, or a branch folded into one node
(:func:`select` gives the same part as a smaller map).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypedDict

import attrs

from . import _rows
from ._helpers import in_language, one_or_many, wrap
from ._names import RANKDIRS, Rankdir
from ._select import Fold, select, select_part
from .model import (
    Argument,
    ArgumentMap,
    AttackType,
    Citation,
    Dispute,
    Mode,
    RelationType,
    Standard,
    Statement,
)

if TYPE_CHECKING:  # the evaluation is imported only when a diagram shows one
    from typing_extensions import Unpack

    from .analyse import Evaluation, Label

__all__ = [
    "EdgeKind",
    "MapView",
    "NodeKind",
    "Rankdir",
    "ViewCluster",
    "ViewEdge",
    "ViewKeywords",
    "ViewNode",
    "ViewOptions",
    "Wording",
    "argument_node_id",
    "build_view",
    "byline",
    "fold_node_id",
    "issue_node_id",
    "node_count",
    "require_labels",
    "require_lang",
    "select",
    "statement_node_id",
    "untranslated",
    "wording",
]


#: ``fold`` is a branch folded into one node (see ``collapse`` of :func:`build_view`);
#: ``issue`` the question of one of the map's issues, when no statement drawn asks it.
NodeKind = Literal["statement", "argument", "fold", "issue"]

#: ``premise`` joins a premise to its argument; ``support``, ``attack`` and
#: ``undercut`` join an argument to its target; ``fold`` joins a folded
#: branch to its statement, and a drawn premise of a hidden argument to the
#: fold; ``position`` joins a position of an issue to the issue's node.
EdgeKind = Literal["premise", "support", "attack", "undercut", "fold", "position"]

#: Narrowest wrap width accepted; below it most words would be broken.
MIN_WIDTH = 10
#: The wrap width when none is given.
DEFAULT_WIDTH = 40
#: The wrap width when none is given and the groups are drawn in rows: a
#: little narrower, so that the rows fit the screen they are made for.
ROWS_WIDTH = 36


def _check_width(options: ViewOptions, attribute: attrs.Attribute[int | None], width: Any) -> None:
    if width is None:
        return
    if not isinstance(width, int) or isinstance(width, bool):
        raise TypeError(f"'width' must be an int (got {width!r})")
    if width < MIN_WIDTH:
        raise ValueError(f"'width' must be at least {MIN_WIDTH} (got {width!r})")


def _check_rankdir(options: ViewOptions, attribute: attrs.Attribute[str], rankdir: Any) -> None:
    if rankdir not in RANKDIRS:
        raise ValueError(f"'rankdir' must be one of {list(RANKDIRS)!r} (got {rankdir!r})")


@attrs.frozen(kw_only=True)
class ViewOptions:
    """How to draw a map: one validated set of options for every kind of diagram.

    :func:`build_view`, :func:`argmap.to_dot`, :func:`argmap.to_svg`,
    :func:`argmap.to_html`, :func:`argmap.render` and
    :func:`argmap.to_mermaid` take it; each of them also takes the fields as
    keywords, which make one. What can be checked without the map is checked
    here, when the options are made; the rest (``lang``, the ids of the
    selection, ``evaluation``) when a view of a map is built.

    Attributes:
        width: Wrap the text of statements (and titles) at this many
            characters; at least 10. ``None`` (the default): 40, or 36
            when the map's groups are drawn in rows (see
            :attr:`MapView.rows`).
        rankdir: ``"BT"`` (conclusions above premises, the default), ``"TB"``,
            ``"LR"`` or ``"RL"``.
        legend: Add a legend explaining the shapes and edges.
        lang: Draw the text in this language, one of the map's ``langs``;
            text not translated into it is drawn in the map's own language,
            marked. ``None`` (the default): the map's own language.
        evaluation: Show these labels, from :func:`argmap.evaluate` on the
            map drawn: ``in`` looks as without them, ``out`` and
            ``undecided`` differ in fill, border, text and a badge, and the
            legend (always drawn then) explains the labels drawn. Evaluate
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
        TypeError: If ``width`` or ``depth`` is not an ``int``.
        ValueError: If ``width`` is below 10, ``rankdir`` is unknown,
            ``depth`` is negative or given without ``focus``, or ``premises``
            is ``False`` with ``collapse``.
    """

    width: int | None = attrs.field(default=None, validator=_check_width)
    rankdir: Rankdir = attrs.field(default="BT", validator=_check_rankdir)
    legend: bool = False
    lang: str | None = None
    evaluation: Evaluation | None = None
    focus: str | None = None
    depth: int | None = None
    collapse: tuple[str, ...] = attrs.field(default=(), converter=one_or_many)
    tags: tuple[str, ...] = attrs.field(default=(), converter=one_or_many)
    speakers: tuple[str, ...] = attrs.field(default=(), converter=one_or_many)
    premises: bool = True

    def __attrs_post_init__(self) -> None:
        if self.depth is not None:
            if not isinstance(self.depth, int) or isinstance(self.depth, bool):
                raise TypeError(f"'depth' must be an int (got {self.depth!r})")
            if self.depth < 0:
                raise ValueError(f"'depth' must be at least 0 (got {self.depth})")
            if self.focus is None:
                raise ValueError("'depth' works with 'focus'; give the statement to focus on")
        if not self.premises and self.collapse:
            raise ValueError(
                "'collapse' folds the premises below a statement, so it needs them drawn; "
                "leave out 'premises=False' or 'collapse'"
            )

    def replace(self, **changes: Unpack[ViewKeywords]) -> ViewOptions:
        """A copy with ``changes``, validated again."""
        return attrs.evolve(self, **changes)

    @property
    def selects(self) -> bool:
        """Whether the options draw part of the map (focus, collapse, tags or speakers)."""
        return bool(self.focus is not None or self.collapse or self.tags or self.speakers)


class ViewKeywords(TypedDict, total=False):
    """The fields of :class:`ViewOptions` as keywords, for the functions that take them."""

    width: int | None
    rankdir: Rankdir
    legend: bool
    lang: str | None
    evaluation: Evaluation | None
    focus: str | None
    depth: int | None
    collapse: str | Iterable[str]
    tags: str | Iterable[str]
    speakers: str | Iterable[str]
    premises: bool


def view_options(options: ViewOptions | None, keywords: ViewKeywords) -> ViewOptions:
    """``options`` with ``keywords`` on top; the defaults when neither is given."""
    if options is None:
        return ViewOptions(**keywords)
    return options.replace(**keywords) if keywords else options


@attrs.frozen
class Wording:
    """The words a diagram adds to the map's own text, in one language.

    Attributes:
        implicit: The mark on a statement or argument the text does not
            say, which the map's author added (the outline's word too).
        question: The mark on a statement the text asks and leaves open.
        hypothetical: The mark on a statement the text entertains under a
            condition.
        via: The word between the speakers and the agent relaying them in a
            byline (``— Washington; Seoul, via The publication``).
        issue: The mark on the question of an issue (see
            :class:`argmap.Dispute`), in place of :attr:`question`.
        standard: The word before an issue's proof standard.
        pe: Carneades' ``pe``, preponderance of the evidence.
        cce: ``cce``, clear and convincing evidence.
        brd: ``brd``, beyond reasonable doubt.
    """

    implicit: str = "implicit"
    question: str = "? question"
    hypothetical: str = "if …"
    via: str = "via"
    issue: str = "? issue"
    standard: str = "standard"
    pe: str = "preponderance of the evidence"
    cce: str = "clear and convincing"
    brd: str = "beyond reasonable doubt"

    def proof_standard(self, standard: Standard) -> str:
        """``standard: clear and convincing``: an issue's proof standard in words."""
        return f"{self.standard}: {getattr(self, standard)}"


# German "via" (Duden: "über") takes no case, so a relay named with its
# article stays as written ("via Der Spiegel"); "laut" would need the name
# declined ("laut dem Spiegel").
_WORDINGS = {
    "en": Wording(),
    "de": Wording(
        implicit="implizit",
        question="? Frage",
        hypothetical="wenn …",
        via="via",
        issue="? Streitfrage",
        standard="Beweismaß",
        pe="überwiegende Wahrscheinlichkeit",
        cce="klar und überzeugend",
        brd="ohne vernünftigen Zweifel",
    ),
}


def wording(lang: str | None) -> Wording:
    """The words a diagram in ``lang`` adds to the text; English for a language without its own.

    ``de-CH`` and ``de`` share theirs.
    """
    return in_language(_WORDINGS, lang)


@attrs.frozen
class ViewNode:
    """One node of the diagram: a statement, an argument, a folded branch, or an issue.

    Attributes:
        id: Element id in DOT and SVG: ``statement-<id>``, ``argument-<id>``,
            ``fold-<id>`` or ``issue-<id>``.
        kind: ``"statement"``, ``"argument"``, ``"fold"`` or ``"issue"``.
        ref: Id of the statement or argument in the map; for a fold, of the
            statement whose branch it folds; for an issue, of the issue.
        classes: CSS classes, e.g. ``("argmap-statement", "argmap-thesis")`` or
            ``("argmap-argument", "argmap-attack", "argmap-rebuttal")``; the
            statement a diagram focuses on also has ``argmap-focus``.
        title: The title as authored, or ``None``.
        title_lines: A statement's title word-wrapped; empty for arguments and
            for statements without a title.
        lines: What the node says, word-wrapped: a statement's text; an
            argument's title, or its id when it has none; for a fold, what
            it hides (``+ 12 statements, 9 arguments folded``); for an
            issue, its question (else the text of the statement that asks
            it, else its id).
        speakers: Display names of the agents in ``by`` (the agent's id when
            the agent is not defined).
        tooltip: The quotes, one per line as ``“…” (source title)``, in the
            quotation marks of the source's language; the full
            text (an argument's title or id) when there are no quotes. An
            argument node is too small to show its speakers, so for arguments
            a last line ``— speaker; speaker`` names them; when premises are
            not drawn, lines ``• text`` before it give the argument's
            premises. A fold's tooltip lists the ids it hides.
        thesis: Whether the statement is one of the map's main theses.
        untranslated: The language the node's text is shown in when it has
            no version in the language asked for (the map's own); ``None``
            when it is shown as asked.
        label: ``"in"``, ``"out"`` or ``"undecided"`` when the diagram shows
            an evaluation (the classes then end in ``argmap-in``, ...);
            ``None`` otherwise.
        implicit: Whether the map's author added the statement or argument
            to what the text says (the classes then have ``argmap-implicit``).
        mode: How the text puts a statement: ``"asserted"``, ``"question"``
            (class ``argmap-question``) or ``"hypothetical"`` (class
            ``argmap-hypothetical``); ``"asserted"`` for the other kinds.
        marks: What the diagram says of the node above its text, in the
            language drawn: ``("implicit",)`` for an implicit node,
            ``("? question",)`` or ``("if …",)`` by the mode, ``("? issue",)``
            for the question of an issue (see :class:`Wording`); empty for
            what the text states and asserts.
        hedge: The text's own qualifier of a statement (``presumably``) in
            the language drawn, or ``None``.
        via: Display name of the agent who relays what the speakers hold or
            argue, or ``None``; the byline names it after them.
        issue: Id of the issue (see :class:`argmap.Dispute`) whose question
            the node is, or ``None``: an ``issue`` node, or the statement
            that asks the issue when it is drawn (it is then the issue's
            node, with class ``argmap-issue``, and the question is not
            drawn again).
        standard: The issue's proof standard in the language drawn when it
            is not the default (``pe``): ``standard: clear and convincing``;
            ``None`` otherwise.
    """

    id: str
    kind: NodeKind
    ref: str
    classes: tuple[str, ...]
    title: str | None
    title_lines: tuple[str, ...]
    lines: tuple[str, ...]
    speakers: tuple[str, ...]
    tooltip: str
    thesis: bool = False
    untranslated: str | None = None
    label: Label | None = None
    implicit: bool = False
    mode: Mode = "asserted"
    marks: tuple[str, ...] = ()
    hedge: str | None = None
    via: str | None = None
    issue: str | None = None
    standard: str | None = None


@attrs.frozen
class ViewEdge:
    """One edge of the diagram.

    Attributes:
        source: Id of the node the edge starts at.
        target: Id of the node the edge points to.
        kind: ``"premise"`` (premise to argument), or ``"support"``,
            ``"attack"``, ``"undercut"`` (argument to its target, or to an
            argument its target is a premise of when premises are not
            drawn),
            ``"fold"`` (fold to its statement; premise to a fold), or
            ``"position"`` (a position of an issue to the issue's node).
        classes: CSS classes, e.g. ``("argmap-attack", "argmap-undermining")``.
        label: For the edge from an argument to its target, when the diagram
            shows an evaluation: the argument's label (the classes then end
            in ``argmap-in``, ...); ``None`` otherwise.
        argument: For an edge that draws a relation between arguments
            without a node of its own (see :func:`build_view`): the id of
            the argument it stands for, whose kind, classes and label it
            has; ``None`` for every other edge.
    """

    source: str
    target: str
    kind: EdgeKind
    classes: tuple[str, ...]
    label: Label | None = None
    argument: str | None = None


@attrs.frozen
class ViewCluster:
    """A framed group of nodes: one of the map's groups.

    Attributes:
        id: Element id in DOT and SVG: ``group-<id>``.
        ref: Id of the group in the map.
        title: The group's title, in the language drawn.
        members: Ids of the nodes inside, in drawing order.
    """

    id: str
    ref: str
    title: str
    members: tuple[str, ...]


@attrs.frozen
class MapView:
    """Everything a diagram of a map shows, in drawing order.

    Attributes:
        title: The map's title.
        rankdir: Direction of the diagram (see :data:`Rankdir`).
        nodes: Statements first, then arguments, each in authored order,
            then the folds, then the issues not asked by a statement drawn.
        edges: For each argument in authored order: its premise edges, then
            the edge to its target (without premises drawn, one to each
            argument the target is a premise of); then for each fold, the
            edges of the premises that feed it and its edge to its statement;
            then for each issue drawn, an edge from each position drawn to
            the issue's node. An issue is drawn when one of its positions is.
        legend: Whether to draw a legend.
        clusters: The map's groups, each node in the first group naming it.
        lang: The language the text is drawn in (``None``: the map's own).
        evaluated: When the nodes carry labels, what they are the labels
            of, for the legend: the semantics and the statements accepted or
            rejected, e.g. ``grounded semantics; rejecting lifeline``, or
            ``Carneades (CAES) labelling``.
        wording: The words the diagram adds to the text (marks, the relay in
            a byline), in the language drawn.
        rows: When the groups side by side would not fit a 1920x1080
            screen: the ids of the clusters in each row, the first row
            first in the flow (the bottom row of a bottom-to-top map), each
            in its order along the row; empty when the groups stand in one
            row. Chosen from the structure of the map, not its text, so it
            is the same in every language, evaluated or not (see
            ``docs/large-maps.md``).
        width: The width, in characters, the text of statements is wrapped
            at; a byline wraps at the same width in its own smaller font,
            so one byline reads the same in every box.
        evaluation: The evaluation whose labels the nodes carry, if any:
            the viewer page explains them (see :func:`argmap.explain`).
    """

    title: str
    rankdir: Rankdir
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    legend: bool = False
    clusters: tuple[ViewCluster, ...] = ()
    lang: str | None = None
    evaluated: str | None = None
    wording: Wording = Wording()
    rows: tuple[tuple[str, ...], ...] = ()
    width: int = DEFAULT_WIDTH
    evaluation: Evaluation | None = attrs.field(default=None, eq=False, repr=False)

    def node(self, node_id: str) -> ViewNode:
        """The node with element id ``node_id``; raises ``KeyError`` if absent."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)


def statement_node_id(statement_id: str) -> str:
    """Element id of a statement's node."""
    return f"statement-{statement_id}"


def argument_node_id(argument_id: str) -> str:
    """Element id of an argument's node."""
    return f"argument-{argument_id}"


def fold_node_id(statement_id: str) -> str:
    """Element id of the node that folds the branch below a statement."""
    return f"fold-{statement_id}"


def issue_node_id(issue_id: str) -> str:
    """Element id of an issue's own node (one not asked by a statement drawn)."""
    return f"issue-{issue_id}"


def build_view(
    map: ArgumentMap,
    options: ViewOptions | None = None,
    *,
    relation_nodes: bool = False,
    **keywords: Unpack[ViewKeywords],
) -> MapView:
    """Decide what a diagram of ``map`` shows.

    The map need not be checked, but its arguments must name premises and
    targets it has: an argument drawn towards nothing is refused.

    An argument that only relates one argument to another is drawn as one
    edge, in its own colour and style: its one premise is the conclusion
    of an argument drawn (a statement that argument supports), its target
    is an argument, nothing else is said of it (no title, speakers,
    quotes, ...) and nothing drawn is aimed at it. That is what Argdown's
    ``<a> +> <b>`` and ``<a> -> <b>`` become. The edge runs from the
    premise to the target; without premises drawn, from each argument that
    supports the premise. ``relation_nodes`` draws such an argument as a
    node, as every other (GraphML and the diff of two maps do).

    Args:
        map: The argument map.
        options: How to draw it (:class:`ViewOptions`); by default, the
            defaults of its fields.
        relation_nodes: Draw every argument as a node, even one that only
            relates one argument to another.
        **keywords: Fields of :class:`ViewOptions`, over ``options``:
            ``build_view(m, width=30)`` is ``build_view(m, ViewOptions(width=30))``.

    Returns:
        The view: nodes and edges in the map's authored order.

    Raises:
        ValueError: If an option is invalid (see :class:`ViewOptions`), the
            map has no text in ``lang``, ``evaluation`` does not label
            every statement and argument of the map, or the selection
            names what the map lacks (see :func:`select`).
        TypeError: If ``width`` or ``depth`` is not an ``int``.
        MapError: If an argument names a premise or target, or a group a
            member, that the map does not define (a map built in Python;
            one loaded from a file is checked for that already). Its
            ``issues`` are ``unknown-statement``, ``unknown-argument`` and
            ``unknown-member`` errors, as :func:`argmap.check` reports them.
    """
    o = view_options(options, keywords)
    plan = _plan(map, o, relation_nodes=relation_nodes)
    lang, focus, evaluation, width = plan.lang, o.focus, o.evaluation, o.width
    theses, statements, arguments, folds = plan.theses, plan.statements, plan.arguments, plan.folds
    users, relations, drawn = plan.users, plan.relations, plan.drawn
    edges = [
        edge
        for argument in plan.related
        for edge in _argument_edges(map, argument, users, relations)
    ]
    edges.extend(edge for fold in folds for edge in _fold_edges(fold))
    clusters = _clusters(map, lang, drawn, folds)
    kinds: dict[str, NodeKind] = {statement_node_id(s.id): "statement" for s in statements}
    kinds.update((argument_node_id(a.id), "argument") for a in arguments)
    kinds.update((fold_node_id(f.statement), "fold") for f in folds)
    issues = _drawn_issues(map, [s.id for s in statements]) if map.issues else []
    edges.extend(edge for issue in issues for edge in issue.edges())
    kinds.update((issue.node_id, "issue") for issue in issues if issue.asker is None)
    rows = _group_rows(clusters, kinds, edges, width or ROWS_WIDTH, o.rankdir)
    width = width or (ROWS_WIDTH if rows else DEFAULT_WIDTH)
    words = wording(lang or map.lang)
    nodes = [_statement_node(map, s, width, lang, words, thesis=s.id in theses) for s in statements]
    if focus is not None:
        nodes = [
            attrs.evolve(n, classes=(*n.classes, "argmap-focus")) if n.ref == focus else n
            for n in nodes
        ]
    nodes.extend(
        _argument_node(map, argument, width, lang, words, with_premises=o.premises)
        for argument in arguments
    )
    nodes.extend(_fold_node(fold, width) for fold in folds)
    if issues:
        nodes = _with_issues(map, nodes, issues, width=width, lang=lang, words=words)
    if evaluation is not None:
        nodes = _labelled(map, nodes, evaluation)
        edges = _labelled_edges(map, edges, evaluation)
    return MapView(
        title=map.localized(map, "title", lang)[0] or map.title,
        rankdir=o.rankdir,
        nodes=tuple(nodes),
        edges=tuple(edges),
        legend=bool(o.legend) or evaluation is not None,
        clusters=clusters,
        lang=lang,
        evaluated=None if evaluation is None else _evaluated(evaluation),
        wording=words,
        rows=rows,
        width=width,
        evaluation=evaluation,
    )


def node_count(
    map: ArgumentMap,
    options: ViewOptions | None = None,
    *,
    relation_nodes: bool = False,
    **keywords: Unpack[ViewKeywords],
) -> int:
    """How many nodes (statements, arguments, folds, issues) :func:`build_view` gives, quickly.

    The same choice of what to draw, without the text: for deciding, on a
    large map, whether to draw it at all or how. Takes and raises what
    :func:`build_view` does, except that ``evaluation`` is not checked.
    """
    plan = _plan(map, view_options(options, keywords), relation_nodes=relation_nodes)
    issues = _drawn_issues(map, [s.id for s in plan.statements]) if map.issues else []
    own = sum(1 for issue in issues if issue.asker is None)  # an asked one is its statement's
    return len(plan.statements) + len(plan.arguments) + len(plan.folds) + own


@attrs.frozen
class _Plan:
    """What a view draws, before any of it is worded (see :func:`_plan`)."""

    #: The language drawn, ``None`` for the map's own.
    lang: str | None
    theses: frozenset[str]
    #: The statements and arguments drawn as nodes, in authored order.
    statements: list[Statement]
    arguments: list[Argument]
    folds: tuple[Fold, ...]
    #: Every argument the view draws, as a node or as an edge.
    related: list[Argument]
    #: Each premise not drawn: the arguments it is a premise of.
    users: dict[str, list[str]]
    #: The arguments drawn as an edge, by id.
    relations: dict[str, Argument]
    #: The ids of the statements and arguments drawn as nodes; ``None``: all.
    drawn: set[str] | None


def _plan(map: ArgumentMap, o: ViewOptions, *, relation_nodes: bool) -> _Plan:
    """Which statements, arguments and folds a view of ``map`` draws, and how."""
    _refuse_dangling(map)
    lang, focus, premises = o.lang, o.focus, o.premises
    require_lang(map, lang)
    if lang == map.lang:
        lang = None  # the text as authored
    part = None
    if o.selects:
        part = select_part(
            map, focus=focus, depth=o.depth, collapse=o.collapse, tags=o.tags, speakers=o.speakers
        )
    # Theses and attack types come from the whole map, whatever part is drawn.
    theses = frozenset(map.main_theses)
    statements = (
        list(map.statements.values())
        if part is None
        else [map.statements[s] for s in part.statements]
    )
    arguments = (
        list(map.arguments.values()) if part is None else [map.arguments[a] for a in part.arguments]
    )
    drawn = None if part is None else {*part.statements, *part.arguments}
    users: dict[str, list[str]] = {}  # hidden premise -> the drawn arguments it is a premise of
    if not premises:
        for argument in arguments:
            for premise in dict.fromkeys(argument.premises):
                if premise != focus and premise not in theses and premise in map.statements:
                    users.setdefault(premise, []).append(argument.id)
        statements = [s for s in statements if s.id not in users]
        drawn = {*(s.id for s in statements), *(a.id for a in arguments)}
    related = arguments
    relations = {} if relation_nodes else _relations(map, arguments, users)
    if relations:
        arguments = [a for a in arguments if a.id not in relations]
        kept = {*map.statements, *map.arguments} if drawn is None else drawn
        drawn = kept - relations.keys()
    folds = () if part is None else part.folds
    return _Plan(lang, theses, statements, arguments, folds, related, users, relations, drawn)


@attrs.frozen
class _DrawnIssue:
    """An issue drawn: one of its positions is."""

    dispute: Dispute
    #: The statement drawn that asks it, whose node is the issue's; ``None``:
    #: the issue has a node of its own.
    asker: str | None
    #: Its positions drawn, in authored order.
    positions: tuple[str, ...]

    @property
    def node_id(self) -> str:
        if self.asker is not None:
            return statement_node_id(self.asker)
        return issue_node_id(self.dispute.id)

    def edges(self) -> list[ViewEdge]:
        return [
            ViewEdge(statement_node_id(p), self.node_id, "position", ("argmap-position",))
            for p in self.positions
        ]


def _drawn_issues(map: ArgumentMap, statements: list[str]) -> list[_DrawnIssue]:
    """The issues with a position among ``statements`` (the statements drawn)."""
    drawn = set(statements)
    result = []
    for dispute in map.issues.values():
        positions = tuple(
            p for p in dict.fromkeys(dispute.positions) if p in drawn and p != dispute.statement
        )
        if positions:
            asker = dispute.statement if dispute.statement in drawn else None
            result.append(_DrawnIssue(dispute, asker, positions))
    return result


def _with_issues(
    map: ArgumentMap,
    nodes: list[ViewNode],
    issues: list[_DrawnIssue],
    *,
    width: int,
    lang: str | None,
    words: Wording,
) -> list[ViewNode]:
    """``nodes`` with each statement that asks an issue drawn marked as the issue's node,
    then a node for each issue that no statement drawn asks."""
    asked = {issue.asker: issue.dispute for issue in issues if issue.asker is not None}
    result = []
    for node in nodes:
        dispute = asked.get(node.ref) if node.kind == "statement" else None
        result.append(
            node
            if dispute is None
            else attrs.evolve(
                node,
                classes=(*node.classes, "argmap-issue"),
                marks=_issue_marks(node.implicit, words),
                issue=dispute.id,
                standard=_standard(dispute, words),
            )
        )
    for issue in issues:
        if issue.asker is None:
            result.append(_issue_node(map, issue.dispute, width, lang, words))
    return result


def _issue_node(
    map: ArgumentMap, dispute: Dispute, width: int, lang: str | None, words: Wording
) -> ViewNode:
    """The node of an issue that no statement drawn asks: its question, else the asking
    statement's text, else its id."""
    text, fallback = map.localized(dispute, "text", lang)
    if text is None and dispute.statement is not None and dispute.statement in map.statements:
        text, fallback = map.localized(map.statements[dispute.statement], "text", lang)
    text = text or dispute.id
    return ViewNode(
        id=issue_node_id(dispute.id),
        kind="issue",
        ref=dispute.id,
        classes=("argmap-issue", "argmap-untranslated") if fallback else ("argmap-issue",),
        title=None,
        title_lines=(),
        lines=_wrap(text, width),
        speakers=(),
        tooltip=_squash(text),
        untranslated=map.lang if fallback else None,
        marks=(words.issue,),
        issue=dispute.id,
        standard=_standard(dispute, words),
    )


def _issue_marks(implicit: bool, words: Wording) -> tuple[str, ...]:
    """The marks of a statement drawn as an issue's question: the issue's mark in place of
    the question's."""
    return (words.implicit, words.issue) if implicit else (words.issue,)


def _standard(dispute: Dispute, words: Wording) -> str | None:
    """An issue's proof standard in words; ``None`` for the default."""
    if dispute.proof_standard == "pe":
        return None
    return words.proof_standard(dispute.proof_standard)


#: A node's estimated extent in points (width, height) by kind, for choosing
#: rows: from the wrap width only, never the text, so that every language
#: of a map gets the same rows. A statement's text most often fills its
#: width; an argument's title is short.
def _estimated_size(kind: NodeKind, width: int) -> tuple[float, float]:
    if kind in ("statement", "issue"):
        return 5.6 * width + 15.0, 75.0
    if kind == "argument":
        return 110.0, 28.0
    return 4.0 * width + 15.0, 40.0


def _group_rows(
    clusters: tuple[ViewCluster, ...],
    kinds: dict[str, NodeKind],
    edges: list[ViewEdge],
    width: int,
    rankdir: Rankdir,
) -> tuple[tuple[str, ...], ...]:
    """The clusters in rows (see :attr:`MapView.rows`), wrapping text at ``width``."""
    if len(clusters) < 2:
        return ()
    sizes = {}
    for node, kind in kinds.items():
        across, along = _estimated_size(kind, width)
        sizes[node] = (across, along) if rankdir in ("BT", "TB") else (along, across)
    rows = _rows.arrange(
        [cluster.members for cluster in clusters],
        [(edge.source, edge.target) for edge in edges],
        sizes,
    )
    return tuple(tuple(clusters[g].id for g in row) for row in rows)


def require_lang(map: ArgumentMap, lang: str | None) -> None:
    """Raise ``ValueError`` unless ``lang`` is ``None`` or one of the map's languages."""
    if lang is not None and lang not in map.langs:
        known = list(map.langs) or ["its own, undeclared"]
        raise ValueError(f"'lang' must be one of the map's languages {known!r} (got {lang!r})")


def require_labels(map: ArgumentMap, evaluation: Evaluation) -> None:
    """Raise ``ValueError`` unless ``evaluation`` labels every statement and argument of ``map``."""
    for ids, labels in (
        (map.statements, evaluation.statements),
        (map.arguments, evaluation.arguments),
    ):
        missing = [i for i in ids if i not in labels]
        if missing:
            raise ValueError(
                f"'evaluation' must label every statement and argument of the map "
                f"(got none for {missing[0]!r}); evaluate this map"
            )


def _labelled(map: ArgumentMap, nodes: list[ViewNode], evaluation: Evaluation) -> list[ViewNode]:
    """The nodes with the labels of ``evaluation``, as field and as class."""
    require_labels(map, evaluation)
    result = []
    for node in nodes:
        if node.kind in ("fold", "issue"):
            result.append(node)
            continue
        label = (evaluation.statements if node.kind == "statement" else evaluation.arguments)[
            node.ref
        ]
        result.append(attrs.evolve(node, label=label, classes=(*node.classes, f"argmap-{label}")))
    return result


def _labelled_edges(
    map: ArgumentMap, edges: list[ViewEdge], evaluation: Evaluation
) -> list[ViewEdge]:
    """Each edge from an argument to its target with the argument's label."""
    result = []
    for edge in edges:
        if edge.kind in ("premise", "fold", "position"):
            result.append(edge)
            continue
        label = evaluation.arguments[edge.argument or edge.source.removeprefix("argument-")]
        result.append(attrs.evolve(edge, label=label, classes=(*edge.classes, f"argmap-{label}")))
    return result


def _evaluated(evaluation: Evaluation) -> str:
    """``preferred semantics, credulous; accepting a; rejecting b, c``.

    Carneades weighs arguments and labels once: no semantics to name, no
    sceptical or credulous choice.
    """
    what = f"{evaluation.semantics} semantics"
    if evaluation.semantics == "carneades":
        what = "Carneades (CAES) labelling"
    elif evaluation.semantics != "grounded":
        what += f", {evaluation.acceptance}"
    parts = [what]
    if evaluation.accept:
        parts.append("accepting " + ", ".join(evaluation.accept))
    if evaluation.reject:
        parts.append("rejecting " + ", ".join(evaluation.reject))
    return "; ".join(parts)


def _clusters(
    map: ArgumentMap,
    lang: str | None,
    drawn: set[str] | None = None,
    folds: tuple[Fold, ...] = (),
) -> tuple[ViewCluster, ...]:
    """One cluster per group; a node named by two groups goes in the first.

    Only the ``drawn`` statements and arguments (all, when ``None``) count; a
    fold goes in the cluster of its statement.
    """
    placed: set[str] = set()
    clusters = []
    for group in map.groups.values():
        members = []
        for member in group.members:
            if drawn is not None and member not in drawn:
                continue
            if member in map.statements:
                node = statement_node_id(member)
            elif member in map.arguments:
                node = argument_node_id(member)
            else:
                continue
            if node not in placed:
                placed.add(node)
                members.append(node)
        for fold in folds:
            if statement_node_id(fold.statement) in members:
                members.append(fold_node_id(fold.statement))
        if members:
            title = map.localized(group, "title", lang)[0] or group.title
            clusters.append(ViewCluster(f"group-{group.id}", group.id, title, tuple(members)))
    return tuple(clusters)


def _statement_node(
    map: ArgumentMap,
    statement: Statement,
    width: int,
    lang: str | None,
    words: Wording,
    *,
    thesis: bool,
) -> ViewNode:
    classes = ("argmap-statement", "argmap-thesis") if thesis else ("argmap-statement",)
    plain = not statement.implicit and statement.mode == "asserted"  # no grounding, no marks
    if not plain:
        classes = (*classes, *_grounding_classes(statement.implicit, statement.mode))
    text: str | None
    if lang is None or lang == map.lang:  # the text as authored, as map.localized gives it
        text, title, hedge = statement.text, statement.title, statement.hedge
        untranslated = None
    else:
        text, text_fallback = map.localized(statement, "text", lang)
        title, title_fallback = map.localized(statement, "title", lang)
        hedge, hedge_fallback = map.localized(statement, "hedge", lang)
        untranslated = map.lang if (text_fallback or title_fallback or hedge_fallback) else None
    if untranslated:
        classes = (*classes, "argmap-untranslated")
    marks = () if plain else _marks(statement.implicit, statement.mode, words)
    text = text or statement.text
    squashed = _squash(statement.text)  # the lines' and the tooltip's, most often
    return ViewNode(
        id=statement_node_id(statement.id),
        kind="statement",
        ref=statement.id,
        classes=classes,
        title=title,
        title_lines=_wrap(title, width) if title else (),
        lines=tuple(wrap(squashed if text is statement.text else _squash(text), width)),
        untranslated=untranslated,
        speakers=_speakers(map, statement.by, lang),
        tooltip=_tooltip(map, statement.quotes, statement.text, squashed),
        thesis=thesis,
        implicit=statement.implicit,
        mode=statement.mode,
        marks=marks,
        hedge=_squash(hedge) if hedge else None,
        via=_relay(map, statement.via, lang),
    )


def _argument_node(
    map: ArgumentMap,
    argument: Argument,
    width: int,
    lang: str | None,
    words: Wording,
    *,
    with_premises: bool = True,
) -> ViewNode:
    speakers = _speakers(map, argument.by, lang)
    via = _relay(map, argument.via, lang)
    title, fallback = map.localized(argument, "title", lang)
    label = title or argument.id
    squashed = _squash(label)
    tooltip = _tooltip(map, argument.quotes, label, squashed)
    if not with_premises:  # the premises are not drawn: the tooltip says them
        tooltip = "\n".join([tooltip, *_premise_lines(map, argument, lang)])
    classes = (
        "argmap-argument",
        *_relation_classes(map, argument),
        *_grounding_classes(argument.implicit, "asserted"),
    )
    return ViewNode(
        id=argument_node_id(argument.id),
        kind="argument",
        ref=argument.id,
        classes=(*classes, "argmap-untranslated") if fallback else classes,
        title=title,
        title_lines=(),
        lines=tuple(wrap(squashed, width)),
        speakers=speakers,
        tooltip="\n".join(filter(None, [tooltip, byline(speakers, via, relay=words.via)])),
        untranslated=map.lang if fallback else None,
        implicit=argument.implicit,
        marks=_marks(argument.implicit, "asserted", words),
        via=via,
    )


def _grounding_classes(implicit: bool, mode: Mode) -> tuple[str, ...]:
    """``argmap-implicit`` for what the map adds; ``argmap-question`` or ``argmap-hypothetical``."""
    classes = ("argmap-implicit",) if implicit else ()
    return classes if mode == "asserted" else (*classes, f"argmap-{mode}")


def _marks(implicit: bool, mode: Mode, words: Wording) -> tuple[str, ...]:
    marks = (words.implicit,) if implicit else ()
    if mode == "question":
        marks = (*marks, words.question)
    elif mode == "hypothetical":
        marks = (*marks, words.hypothetical)
    return marks


def _fold_node(fold: Fold, width: int) -> ViewNode:
    hidden = [
        f"{label}: {', '.join(ids)}"
        for label, ids in (("statements", fold.statements), ("arguments", fold.arguments))
        if ids
    ]
    return ViewNode(
        id=fold_node_id(fold.statement),
        kind="fold",
        ref=fold.statement,
        classes=("argmap-fold",),
        title=None,
        title_lines=(),
        lines=_wrap(fold.text, width),
        speakers=(),
        tooltip="\n".join([f"Folded below {fold.statement}:", *hidden]),
    )


def _fold_edges(fold: Fold) -> list[ViewEdge]:
    node_id = fold_node_id(fold.statement)
    edges = [
        ViewEdge(statement_node_id(feeder), node_id, "fold", ("argmap-fold",))
        for feeder in fold.feeders
    ]
    edges.append(ViewEdge(node_id, statement_node_id(fold.statement), "fold", ("argmap-fold",)))
    return edges


def _premise_lines(map: ArgumentMap, argument: Argument, lang: str | None) -> list[str]:
    """``• text`` for each premise of ``argument`` the map has, in order."""
    lines = []
    for premise in dict.fromkeys(argument.premises):
        if premise in map.statements:
            text = map.localized(map.statements[premise], "text", lang)[0]
            lines.append(f"• {_squash(text or map.statements[premise].text)}")
    return lines


def _relations(
    map: ArgumentMap, arguments: Iterable[Argument], users: dict[str, list[str]]
) -> dict[str, Argument]:
    """The ``arguments`` to draw as an edge rather than a node, by id.

    Such an argument only relates one argument to another: one premise,
    which an argument drawn supports; an argument as its target; nothing of
    its own to show (title, speakers, quotes, marks, ...); and no argument
    drawn aimed at it. When its premise is not drawn (a key of ``users``),
    the edge starts at the arguments aimed at that premise, so these must
    all be supports.
    """
    arguments = list(arguments)
    aimed: dict[str, list[Argument]] = {}
    for argument in arguments:
        aimed.setdefault(argument.target, []).append(argument)
    relations = {}
    for argument in arguments:
        if argument.target not in map.arguments:  # the usual argument: aimed at a statement
            continue
        premises = tuple(dict.fromkeys(argument.premises))
        if (
            len(premises) != 1
            or premises[0] not in map.statements
            or argument.target in map.statements
            or argument.id in aimed
            or not _says_nothing_more(argument)
        ):
            continue
        into = aimed.get(premises[0], [])
        if not any(a.kind == "support" for a in into):
            continue  # a premise of its own, not the conclusion of an argument
        if premises[0] in users and any(a.kind != "support" for a in into):
            continue  # not drawn: the edge starts at what supports it, and only that
        relations[argument.id] = argument
    return relations


def _says_nothing_more(argument: Argument) -> bool:
    """Whether ``argument`` has nothing to show but its premises, kind and target."""
    return not (
        argument.title
        or argument.by
        or argument.via
        or argument.quotes
        or argument.tags
        or argument.note
        or argument.scheme
        or argument.roles
        or argument.answers
        or argument.implicit
        or argument.weight is not None
        or argument.data
        or argument.translations
    )


def _argument_edges(
    map: ArgumentMap,
    argument: Argument,
    users: dict[str, list[str]],
    relations: dict[str, Argument],
) -> list[ViewEdge]:
    """The premise edges of ``argument``, then its edges to its target.

    A premise in ``users`` is not drawn: it has no edge, and an argument
    aimed at it points at each argument that ``users`` names instead. An
    argument in ``relations`` is one edge, from its premise to its target,
    or none when its premise is not drawn (the arguments that support the
    premise point at its target instead).
    """
    if argument.id in relations:
        premise = argument.premises[0]
        if premise in users:
            return []
        return [_relation_edge(map, argument, statement_node_id(premise))]
    node_id = argument_node_id(argument.id)
    edges = [
        ViewEdge(statement_node_id(p), node_id, "premise", ("argmap-premise",))
        for p in dict.fromkeys(argument.premises)
        if p in map.statements and p not in users
    ]
    if argument.kind == "undercut" or (
        argument.target in map.arguments and argument.target not in map.statements
    ):  # an undercut, or a support or attack of the argument as a whole
        targets = [argument_node_id(argument.target)] if argument.target in map.arguments else []
    elif argument.target in users:
        targets = []
        for user in users[argument.target]:
            if user in relations:  # what the premise supports, the argument supports
                edges.append(_relation_edge(map, relations[user], node_id))
            elif user != argument.id:
                targets.append(argument_node_id(user))
    else:
        targets = [statement_node_id(argument.target)] if argument.target in map.statements else []
    classes = _relation_classes(map, argument)
    edges.extend(ViewEdge(node_id, target, argument.kind, classes) for target in targets)
    return edges


def _relation_edge(map: ArgumentMap, relation: Argument, source: str) -> ViewEdge:
    """The edge that draws ``relation`` (an argument drawn without a node) from ``source``."""
    return ViewEdge(
        source,
        argument_node_id(relation.target),
        relation.kind,
        _relation_classes(map, relation),
        argument=relation.id,
    )


def _relation_classes(map: ArgumentMap, argument: Argument) -> tuple[str, ...]:
    """``argmap-support``; ``argmap-attack`` plus its attack type; ``argmap-undercut``.

    A support of an argument as a whole adds ``argmap-argument-support``; an
    attack of one has the attack type ``argmap-argument-attack``.
    """
    if argument.kind == "support" and argument.target in map.statements:
        return ("argmap-support",)  # the most common: a statement's support
    if argument.kind == "attack":
        attack = map.attack_type(argument) or AttackType.REBUTTAL
        return ("argmap-attack", f"argmap-{attack.value}")
    if map.relation_type(argument) is RelationType.ARGUMENT_SUPPORT:
        return ("argmap-support", "argmap-argument-support")
    return (f"argmap-{argument.kind}",)


def _wrap(text: str, width: int) -> tuple[str, ...]:
    # textwrap's way, which breaks a long word (a URL) so that it still fits the box.
    return tuple(wrap(_squash(text), width))


def _squash(text: str) -> str:
    """Collapse runs of whitespace (YAML folding, newlines) into single spaces."""
    return " ".join(text.split())


def byline(speakers: tuple[str, ...], via: str | None = None, *, relay: str = "via") -> str:
    """``— A; B``: who holds a statement or makes an argument; empty without speakers.

    With ``via``, the agent who relays them: ``— A; B, via C`` (``relay`` is
    the word between, see :class:`Wording`).
    """
    held = "; ".join(speakers)
    if via is None:
        return f"— {held}" if held else ""
    return f"— {held}, {relay} {via}" if held else f"— {relay} {via}"


def _refuse_dangling(map: ArgumentMap) -> None:
    """Raise :class:`MapError` when an argument or group names what the map lacks."""
    statements, arguments = map.statements, map.arguments
    if all(
        all(p in statements for p in a.premises)
        and (a.target in arguments or (a.kind != "undercut" and a.target in statements))
        for a in arguments.values()
    ) and all(m in statements or m in arguments for g in map.groups.values() for m in g.members):
        return  # the usual case, decided without the checker
    from ._check import dangling_references
    from .errors import MapError

    raise MapError(dangling_references(map))


def _speakers(map: ArgumentMap, by: tuple[str, ...], lang: str | None) -> tuple[str, ...]:
    if not by:
        return ()
    return tuple(_agent_name(map, a, lang) for a in dict.fromkeys(by))


def _relay(map: ArgumentMap, via: str | None, lang: str | None) -> str | None:
    return None if via is None else _agent_name(map, via, lang)


def _agent_name(map: ArgumentMap, agent: str, lang: str | None) -> str:
    """The agent's name in ``lang``; its id when the map does not define it."""
    if agent not in map.agents:
        return agent
    return map.localized(map.agents[agent], "title", lang)[0] or agent


#: Quotation marks by language (the tag's first part); others get English ones.
_QUOTATION_MARKS = {
    "en": ("“", "”"),
    "de": ("„", "“"),
    "cs": ("„", "“"),
    "pl": ("„", "”"),
    "nl": ("“", "”"),
    "fr": ("« ", " »"),
    "es": ("«", "»"),
    "it": ("«", "»"),
    "pt": ("“", "”"),
    "ru": ("«", "»"),
    "uk": ("«", "»"),
    "sv": ("”", "”"),
    "ja": ("「", "」"),
    "zh": ("“", "”"),
}


def quoted(text: str, lang: str | None) -> str:
    """``text`` in the quotation marks of ``lang``: “…” in English, „…“ in German."""
    primary = (lang or "en").split("-")[0].lower()
    if lang is not None and lang.lower() in ("de-ch", "de-li"):
        opening, closing = "«", "»"
    else:
        opening, closing = _QUOTATION_MARKS.get(primary, _QUOTATION_MARKS["en"])
    return f"{opening}{text}{closing}"


def _tooltip(
    map: ArgumentMap, quotes: tuple[Citation, ...], fallback: str, squashed: str | None = None
) -> str:
    """The quotes, each in the marks of its source's language (else the map's); else
    ``fallback`` squashed (``squashed``, when the caller has it already)."""
    if not quotes:
        return _squash(fallback) if squashed is None else squashed
    return "\n".join(
        f"{quoted(_squash(q.text), _quote_lang(map, q.source))} ({_source_title(map, q.source)})"
        for q in quotes
    )


def _quote_lang(map: ArgumentMap, source_id: str) -> str | None:
    source = map.sources.get(source_id)
    return (source.lang if source is not None else None) or map.lang


def _source_title(map: ArgumentMap, source_id: str) -> str:
    return map.sources[source_id].title if source_id in map.sources else source_id


def untranslated(lang: str) -> str:
    """The mark on text shown in the map's own language for want of a translation."""
    return f"[{lang}] not translated"
