"""A map as an indented outline, for reading without the picture: Markdown, plain text, alt text.

Each main thesis comes first, then the arguments for and against it with
their premises, and so on down: the shape a screen reader can follow line by
line. A statement or argument met a second time is named, not repeated.
The issues come last, each question with its positions named.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

import attrs

from ._helpers import in_language
from .model import Argument, ArgumentMap, Dispute, Statement
from .view import MapView, Wording, byline, require_labels, require_lang, wording

if TYPE_CHECKING:
    from .analyse import Evaluation, Label

__all__ = [
    "OutlineFormat",
    "OutlineItem",
    "OutlineWords",
    "alt_text",
    "outline",
    "outline_words",
    "to_outline",
]

#: ``markdown`` (a nested list) or ``text`` (indented lines).
OutlineFormat = Literal["markdown", "text"]
OUTLINE_FORMATS: tuple[OutlineFormat, ...] = ("markdown", "text")

#: What a line of the outline is to the line above it.
Role = Literal[
    "thesis", "statement", "support", "attack", "undercut", "premise", "issue", "position"
]


@attrs.frozen
class OutlineWords:
    """The words an outline adds to the map's text, in one language.

    ``implicit`` and ``via`` are the diagram's (:class:`~argmap.view.Wording`):
    one word for each in every view of a map.
    """

    thesis: str = "Main thesis"
    statement: str = "Statement"
    support: str = "For"
    attack: str = "Against"
    undercut: str = "Undercut"
    premise: str = "Premise"
    issue: str = "Issue"
    position: str = "Position"
    stated: str = "stated"
    implicit: str = Wording().implicit
    question: str = "question"
    hypothetical: str = "hypothetical"
    hedge: str = "hedged"
    label: str = "label"
    above: str = "see above"
    others: str = "Other statements"
    for_it: str = "for"
    against_it: str = "against"
    map_of: str = "An argument map"
    statements: str = "statements"
    arguments: str = "arguments"
    via: str = Wording().via


_WORDS = {
    "en": OutlineWords(),
    "de": OutlineWords(
        thesis="Hauptthese",
        statement="Aussage",
        support="Dafür",
        attack="Dagegen",
        undercut="Entkräftung",
        premise="Prämisse",
        issue="Streitfrage",
        stated="im Text",
        question="Frage",
        hypothetical="hypothetisch",
        hedge="eingeschränkt",
        label="Bewertung",
        above="siehe oben",
        others="Weitere Aussagen",
        for_it="dafür",
        against_it="dagegen",
        map_of="Eine Argumentkarte",
        statements="Aussagen",
        arguments="Argumente",
    ),
}


def outline_words(lang: str | None) -> OutlineWords:
    """The outline's own words in ``lang``; English for a language without its own."""
    marks = wording(lang)
    return attrs.evolve(in_language(_WORDS, lang), implicit=marks.implicit, via=marks.via)


def _proof_standard(issue: Dispute, lang: str | None) -> tuple[str, ...]:
    """The diagram's words for an issue's proof standard, when it is not the default."""
    if issue.standard is None or issue.standard == "pe":
        return ()
    return (wording(lang).proof_standard(issue.standard),)


@attrs.frozen
class OutlineItem:
    """One line of the outline: a statement or an argument, and what hangs below it.

    Attributes:
        role: What it is to the line above: ``thesis`` (a main thesis),
            ``statement`` (one no thesis reaches), ``support``, ``attack`` or
            ``undercut`` (an argument and what it does to the line above),
            ``premise``, ``issue`` (a question with positions that exclude
            each other) or ``position`` (one of them, named).
        kind: ``"statement"``, ``"argument"`` or ``"issue"``.
        id: Its id in the map.
        title: Its title in the language asked for, or ``None``.
        text: A statement's text, or an issue's question, in that language;
            ``None`` for an argument.
        speakers: Display names of who holds or makes it.
        via: Display name of the agent relaying them, or ``None``.
        marks: ``stated`` or ``implicit``, then ``question``, ``hypothetical``
            and ``hedged: <hedge>`` as they apply, in the language asked for;
            an issue's proof standard when it is not the default.
        label: ``in``, ``out`` or ``undecided`` when an evaluation is given.
        repeated: Whether it was already given above: it is then named
            only, without what hangs below it.
        children: Arguments for and against it; an argument's premises,
            then the arguments for it, against it (as a whole) and
            undercutting it.
    """

    role: Role
    kind: Literal["statement", "argument", "issue"]
    id: str
    title: str | None
    text: str | None
    speakers: tuple[str, ...] = ()
    via: str | None = None
    marks: tuple[str, ...] = ()
    label: Label | None = None
    repeated: bool = False
    children: tuple[OutlineItem, ...] = ()

    def walk(self, depth: int = 0) -> Iterator[tuple[int, OutlineItem]]:
        """This item and everything below it, depth first, with its depth."""
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


def outline(
    map: ArgumentMap, *, lang: str | None = None, evaluation: Evaluation | None = None
) -> tuple[OutlineItem, ...]:
    """The outline of ``map`` as data: one tree per main thesis, then the rest.

    The main theses (:attr:`~argmap.ArgumentMap.main_theses`) come first,
    each with the arguments for and against it, and below each argument its
    premises and the arguments backing it, attacking it as a whole or
    undercutting it, recursively. Statements no thesis
    reaches follow as trees of their own, so the outline holds the whole map;
    each issue comes last, its positions named below it.
    A statement or argument reached again is an item with ``repeated`` set
    and no children.

    Raises:
        ValueError: If ``lang`` is not one of the map's languages, or
            ``evaluation`` does not label every statement and argument.
    """
    _check(map, lang, evaluation)
    return _Outliner(map, None if lang == map.lang else lang, evaluation).run()


def to_outline(
    map: ArgumentMap,
    format: OutlineFormat = "markdown",
    *,
    lang: str | None = None,
    evaluation: Evaluation | None = None,
) -> str:
    """The map as an indented outline a screen reader or a hurried reader can follow.

    Each line names what the item is (``Main thesis``, ``For``, ``Against``,
    ``Undercut``, ``Premise``), its title and text, whether the text states
    it or the map adds it (``stated`` / ``implicit``), whether the text asks
    it or entertains it (``question``, ``hypothetical``), its hedge, who says
    it (and who relays them), its label when ``evaluation`` is given, and
    its id in brackets. A statement met again says ``see above``.

    Args:
        map: The argument map.
        format: ``"markdown"`` (a nested list under the map's title) or
            ``"text"`` (lines indented by two spaces per level).
        lang: The language of the map's text, one of its ``langs``.
        evaluation: Labels from :func:`argmap.evaluate` to show.

    Raises:
        ValueError: If ``format`` or ``lang`` is unknown, or ``evaluation``
            does not label the whole map.
    """
    if format not in OUTLINE_FORMATS:
        raise ValueError(f"'format' must be one of {list(OUTLINE_FORMATS)!r} (got {format!r})")
    items = outline(map, lang=lang, evaluation=evaluation)
    words = outline_words(lang or map.lang)
    title = map.localized(map, "title", lang)[0] or map.title
    markdown = format == "markdown"
    lines = [f"# {_escape(_squash(title))}" if markdown else _squash(title), ""]
    for item in items:
        for depth, each in item.walk():
            line = describe(each, words)
            if markdown:
                lines.append(f"{'  ' * depth}- {_escape(line)}")
            else:
                lines.append(f"{'  ' * depth}{line}")
    return "\n".join(lines) + "\n"


def to_markdown(map: ArgumentMap) -> str:
    """The outline of ``map`` in Markdown, in its own language (``argmap.dumps(m, "outline")``)."""
    return to_outline(map, "markdown")


def to_text(map: ArgumentMap) -> str:
    """The outline of ``map`` as plain text, in its own language (``argmap.dumps(m, "text")``)."""
    return to_outline(map, "text")


def describe(item: OutlineItem, words: OutlineWords) -> str:
    """One line of the outline for ``item``, without indentation."""
    head = getattr(words, item.role)
    if item.repeated:  # named by its title, or its text when it has none
        return f"{head}: {_squash(item.title or item.text or item.id)} ({words.above}) [{item.id}]"
    if item.kind == "argument":
        said = _squash(item.title or item.id)
    elif item.text is None:  # an issue without a question in words
        said = item.id
    else:
        said = " ".join(_sentence(t) for t in (item.title, item.text) if t)
    line = f"{head}: {said}"
    details = list(item.marks)
    if item.label is not None:
        details.append(f"{words.label}: {item.label}")
    if details:
        line += f" ({'; '.join(details)})"
    held = byline(item.speakers, item.via, relay=words.via)
    if held:
        line += f" {held}"
    return f"{line} [{item.id}]"


def alt_text(view: MapView, lang: str | None = None) -> tuple[str, str]:
    """A short title and description of a diagram, for its SVG's ``<title>`` and ``<desc>``.

    The description counts what is drawn and gives each main thesis drawn
    with the titles of the arguments for and against it: the short version
    of the outline, for readers who cannot see the picture. ``lang`` is the
    language of the map's own text, for a view drawn in it.
    """
    words = outline_words(view.lang or lang)
    statements = [n for n in view.nodes if n.kind == "statement"]
    arguments = {n.id: n for n in view.nodes if n.kind == "argument"}
    parts = [
        f"{words.map_of}: {len(statements)} {words.statements}, {len(arguments)} {words.arguments}."
    ]
    for node in statements:
        if not node.thesis:
            continue
        said = _squash(node.title or " ".join(node.lines))
        parts.append(f"{words.thesis}: {said}.")
        for kind, word in (("support", words.for_it), ("attack", words.against_it)):
            names = [
                _squash(" ".join(arguments[e.source].lines))
                for e in view.edges
                if e.target == node.id and e.kind == kind and e.source in arguments
            ]
            if names:
                parts.append(f"{word.capitalize()}: {'; '.join(names)}.")
    return _squash(view.title), " ".join(parts)


def _check(map: ArgumentMap, lang: str | None, evaluation: Evaluation | None) -> None:
    require_lang(map, lang)
    if evaluation is not None:
        require_labels(map, evaluation)


class _Outliner:
    """Walks the map from its theses, naming what it has already given."""

    def __init__(self, map: ArgumentMap, lang: str | None, evaluation: Evaluation | None) -> None:
        self.map = map
        self.lang = lang
        self.evaluation = evaluation
        self.words = outline_words(lang or map.lang)
        self.seen: set[str] = set()

    def run(self) -> tuple[OutlineItem, ...]:
        m = self.map
        roots = [self.statement(sid, "thesis") for sid in m.main_theses if sid in m.statements]
        for sid in m.statements:
            if sid not in self.seen and not m.arguments_using(sid):
                roots.append(self.statement(sid, "statement"))
        # What no root reaches: premises of circles of support, and the like.
        for sid in m.statements:
            if sid not in self.seen:
                roots.append(self.statement(sid, "statement"))
        roots += [self.issue(issue) for issue in m.issues.values()]
        return tuple(roots)

    def issue(self, issue: Dispute) -> OutlineItem:
        """An issue, its question in words (or its asking statement's), its positions named."""
        m = self.map
        asked = m.statements.get(issue.statement) if issue.statement else None
        question = m.localized(issue, "text", self.lang)[0]
        if question is None and asked is not None:
            question = m.localized(asked, "text", self.lang)[0] or asked.text
        positions = tuple(
            attrs.evolve(self._statement_item(m.statements[p], "position"), repeated=True)
            for p in issue.positions
            if p in m.statements
        )
        return OutlineItem(
            role="issue",
            kind="issue",
            id=issue.id,
            title=None,
            text=question,
            marks=_proof_standard(issue, self.lang or m.lang),
            children=positions,
        )

    def statement(self, sid: str, role: Role) -> OutlineItem:
        m = self.map
        statement = m.statements[sid]
        item = self._statement_item(statement, role)
        if sid in self.seen:
            return attrs.evolve(item, repeated=True)
        self.seen.add(sid)
        children = [
            self.argument(a, a.kind) for a in m.arguments_for(sid) + m.arguments_against(sid)
        ]
        return attrs.evolve(item, children=tuple(children))

    def argument(self, argument: Argument, role: Role) -> OutlineItem:
        m = self.map
        title = m.localized(argument, "title", self.lang)[0]
        item = OutlineItem(
            role=role,
            kind="argument",
            id=argument.id,
            title=title,
            text=None,
            speakers=self._names(argument.by),
            via=self._name(argument.via),
            marks=(self.words.implicit if argument.implicit else self.words.stated,),
            label=None if self.evaluation is None else self.evaluation.arguments[argument.id],
        )
        key = f"argument {argument.id}"
        if key in self.seen:
            return attrs.evolve(item, repeated=True)
        self.seen.add(key)
        children = [
            self.statement(p, "premise")
            for p in dict.fromkeys(argument.premises)
            if p in m.statements
        ]
        # What backs or attacks the argument as a whole, then what undercuts its inference.
        children += [self.argument(a, "support") for a in m.arguments_for(argument.id)]
        children += [self.argument(a, "attack") for a in m.arguments_against(argument.id)]
        children += [self.argument(a, "undercut") for a in m.undercutters(argument.id)]
        return attrs.evolve(item, children=tuple(children))

    def _statement_item(self, statement: Statement, role: Role) -> OutlineItem:
        m, words = self.map, self.words
        marks = [words.implicit if statement.implicit else words.stated]
        if statement.mode != "asserted":
            marks.append(getattr(words, statement.mode))
        hedge = m.localized(statement, "hedge", self.lang)[0]
        if hedge:
            marks.append(f"{words.hedge}: {_squash(hedge)}")
        return OutlineItem(
            role=role,
            kind="statement",
            id=statement.id,
            title=m.localized(statement, "title", self.lang)[0],
            text=m.localized(statement, "text", self.lang)[0] or statement.text,
            speakers=self._names(statement.by),
            via=self._name(statement.via),
            marks=tuple(marks),
            label=None if self.evaluation is None else self.evaluation.statements[statement.id],
        )

    def _name(self, agent: str | None) -> str | None:
        if agent is None:
            return None
        if agent not in self.map.agents:
            return agent
        return self.map.localized(self.map.agents[agent], "title", self.lang)[0] or agent

    def _names(self, agents: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self._name(a) or a for a in dict.fromkeys(agents))


def _sentence(text: str) -> str:
    """``text`` on one line, ending in a full stop unless it ends in one already."""
    text = _squash(text)
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _squash(text: str) -> str:
    return " ".join(text.split())


# Characters that would make Markdown of the map's text (emphasis, links, HTML, tables).
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def _escape(text: str) -> str:
    return text.translate(_MARKDOWN)
