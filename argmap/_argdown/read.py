"""Argdown to an argument map: equivalence classes, arguments and relations, as Argdown reads them.

First the syntax tree is read the way Argdown's model does (statements with
equal titles are one equivalence class; an argument's outgoing relations move
to its conclusion; undercuts of a reconstructed argument move to its last
inference; strict mode turns attacks between statements into contraries).
Then that model becomes argmap's: one support argument per inference step,
one argument per relation, a premise made from the description of an
argument that has no premise-conclusion structure.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .._helpers import Ids, slug
from ..errors import DocPath, Issue, MapError
from ..model import (
    ID_PATTERN,
    LANG_PATTERN,
    MODES,
    RELATIONS,
    STATUSES,
    Argument,
    ArgumentMap,
    Citation,
    Group,
    Origin,
    Position,
    Statement,
    Translation,
    unchecked,
    unchecked_maker,
)
from . import syntax
from .shared import (
    ARGUMENT_KEYS,
    GROUP_KEYS,
    MAP_KEYS,
    MARKERS,
    RESERVED,
    STATEMENT_KEYS,
    Reserved,
    check_ids,
    merge_data,
    read_yaml,
    relation_id,
    text_slug,
)

_SPACE_RUN = re.compile(r"[ \t\n]+")
#: The key of an argument's target in argmap's format, by its kind.
_VERBS = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}


def collapse(text: str) -> str:
    """Runs of spaces, tabs and line breaks as one space, no space at either end."""
    if "\n" not in text and "\t" not in text and "  " not in text:
        return text.strip()  # no run to shorten: most text, and much quicker
    return _SPACE_RUN.sub(" ", text).strip()


def tag_name(token: syntax.Token) -> str:
    image = token.image.rstrip(" \t")
    return image[2:-1] if image.startswith("#(") else image[1:]


def read_text(tokens: Sequence[syntax.Token], remove_all_tags: bool) -> tuple[str, Sequence[str]]:
    """The text of statement content and its tags.

    Tags at the end are always taken out of the text; tags inside it stay,
    unless the document sets ``model: {removeTagsFromText: true}``.
    """
    if not tokens:  # a reference: no text of its own
        return "", ()
    # Text alone, or text and its period, and the line break after them: most
    # statements, read without the loop (a line break at the end adds no text).
    plain = len(tokens) - (tokens[-1].kind == syntax.NEWLINE)
    if plain == 1 and tokens[0].kind in _PLAIN:
        return collapse(tokens[0].image), ()
    if plain == 2 and tokens[0].kind in _PLAIN and tokens[1].kind in _PLAIN:
        return collapse(tokens[0].image + tokens[1].image), ()
    last_text = len(tokens) - 1  # the last token that is neither a tag nor a line break
    while last_text >= 0 and tokens[last_text].kind in _NOT_TEXT:
        last_text -= 1
    parts: list[str] = []
    tags: list[str] = []
    for index, token in enumerate(tokens):
        kind = token.kind
        if kind in _PLAIN:
            parts.append(token.image)
        elif kind == syntax.TAG:
            name = tag_name(token)
            if name not in tags:
                tags.append(name)
            if index < last_text and not remove_all_tags:
                parts.append(token.image)
        elif kind == syntax.ESCAPED:
            parts.append(token.image[1:])
        elif kind == syntax.NEWLINE:
            parts.append(" ")
        elif kind == syntax.EMPHASIS_START:
            continue
        elif kind == syntax.EMPHASIS_END:
            parts.append(token.image[len(token.symbol) :])
        else:
            parts.append(token.image)
    return collapse("".join(parts) if len(parts) != 1 else parts[0]), tags


#: A relation's kind by its symbol, and the symbols whose parent is the source
#: (``syntax.Relation.kind`` and ``.incoming``, looked up instead of searched).
_RELATION_KINDS = {symbol: kind for symbol, kind, _ in syntax.RELATION_SYMBOLS}
_INCOMING = frozenset(symbol for symbol, _, way in syntax.RELATION_SYMBOLS if way == "in")
_NOT_TEXT = frozenset((syntax.TAG, syntax.NEWLINE))
#: An equivalence class's or argument's place in the order elements were first met.
_ORDER = operator.attrgetter("order")
#: Token kinds whose text is their image, as it stands: most of any text.
_PLAIN = frozenset((syntax.FREESTYLE, syntax.CONTROL))


# -- Argdown's model -----------------------------------------------------------


@dataclass(eq=False, repr=False, slots=True)
class Section:
    """A heading as a group of the elements under it."""

    title: str
    level: int
    tags: Sequence[str]
    data: dict[str, Any]
    reserved: Any
    parent: Section | None
    line: int
    column: int
    data_at: tuple[int, int]


@dataclass(eq=False, repr=False, slots=True)
class Member:
    """One occurrence of a statement or of an argument's description."""

    title: str | None
    reference: bool
    text: str
    tags: Sequence[str]
    data: dict[str, Any] | None
    data_at: tuple[int, int] | None
    line: int
    column: int
    section: Section | None


@dataclass(eq=False, repr=False, slots=True)
class EquivalenceClass:
    """An equivalence class: the statements that share a title (or one untitled statement)."""

    title: str | None
    order: int
    members: list[Member] = field(default_factory=list)
    section: Section | None = None
    has_section: bool = False
    relations: list[ArgdownRelation] = field(default_factory=list)


@dataclass(eq=False, repr=False, slots=True)
class Inference:
    """An inference of a reconstructed argument: its rules, data and where it stands."""

    argument: ArgdownArgument
    rules: list[str]
    data: dict[str, Any]
    line: int
    column: int
    relations: list[ArgdownRelation] = field(default_factory=list)


@dataclass(eq=False, repr=False, slots=True)
class PcsEntry:
    """A statement's place in a premise-conclusion structure."""

    ec: EquivalenceClass
    line: int
    column: int
    inference: Inference | None  # the inference this statement concludes, if any


@dataclass(eq=False, repr=False, slots=True)
class ArgdownArgument:
    """An argument: its descriptions, premise-conclusion structure and relations."""

    title: str | None
    order: int
    members: list[Member] = field(default_factory=list)
    pcs: list[PcsEntry] = field(default_factory=list)
    inferences: list[Inference] = field(default_factory=list)
    section: Section | None = None
    has_section: bool = False
    relations: list[ArgdownRelation] = field(default_factory=list)
    line: int = 0
    column: int = 0

    @property
    def reconstructed(self) -> bool:
        return bool(self.pcs)

    @property
    def label(self) -> str:
        return f"<{self.title}>" if self.title else "the untitled argument"


Node = EquivalenceClass | ArgdownArgument | Inference
_Titled = TypeVar("_Titled", EquivalenceClass, ArgdownArgument)


@dataclass(eq=False, repr=False, slots=True)
class ArgdownRelation:
    """A relation between two elements, as Argdown's model has it."""

    kind: str  # support, attack, undercut, contradictory, entails, contrary
    source: Node
    target: Node
    line: int
    column: int
    section: Section | None


def _canonical(members: list[Member]) -> Member | None:
    """The member Argdown shows: the last definition, or one with ``isCanonical`` data."""
    chosen = None
    for member in reversed(members):
        if member.reference:
            continue
        if member.data and member.data.get("isCanonical"):
            return member
        if chosen is None:
            chosen = member
    return chosen


class _Model:
    """Reads the syntax tree as Argdown's model plugin does."""

    def __init__(self, document: syntax.Document, file: str, remove_tags: bool) -> None:
        self.file = file
        self.remove_tags = remove_tags
        self.statements: dict[str, EquivalenceClass] = {}
        self.ecs: list[EquivalenceClass] = []
        self.arguments: dict[str, ArgdownArgument] = {}
        self.args: list[ArgdownArgument] = []
        self.relations: list[ArgdownRelation] = []
        self.sections: list[Section] = []
        self.section: Section | None = None
        self.counter = 0
        self.issues: list[Issue] = []
        previous: syntax.Block | None = None
        last_argument: ArgdownArgument | None = None
        for block in document.blocks:
            if isinstance(block, syntax.Heading):
                self.heading(block)
            elif isinstance(block, syntax.Statement):
                self.statement(block)
            elif isinstance(block, syntax.Argument):
                last_argument = self.argument(block)
            elif isinstance(block, syntax.Pcs):
                owner = last_argument if isinstance(previous, syntax.Argument) else None
                self.pcs(block, owner)
            else:
                for item in block.items:
                    if isinstance(item, syntax.Statement):
                        self.statement(item)
                    else:
                        self.argument(item)
            previous = block
        self.finish()

    def problem(self, code: str, message: str, at: syntax.Token) -> None:
        """An issue of the document at token ``at``."""
        self.issues.append(Issue(code, message, file=self.file, line=at.line, column=at.column))

    def next_order(self) -> int:
        self.counter += 1
        return self.counter

    def data(self, token: syntax.Token | None) -> dict[str, Any] | None:
        if token is None:
            return None
        image = token.image
        block = re.match(r"\{[ \t]*\n", image)
        source = re.sub(r"\}\s*$", "", image[block.end() :]) if block else image
        try:
            return read_yaml(
                source,
                "argdown-data",
                "data '{...}'",
                file=self.file,
                line=token.line,
                column=token.column,
                block=bool(block),
            )
        except MapError as exc:
            self.issues.extend(exc.issues)
            return None

    # -- blocks -------------------------------------------------------------

    def heading(self, node: syntax.Heading) -> None:
        title, tags = read_text(node.content, self.remove_tags)
        data = self.data(node.data) or {}
        reserved = data.pop(RESERVED, None)
        if not title:
            self.problem(
                "argdown-syntax",
                "this heading has no title; write one after the '#'",
                node.start,
            )
            title = "?"
        parent = self.section
        while parent is not None and parent.level >= node.level:
            parent = parent.parent
        data_at = (node.data.line, node.data.column) if node.data else (node.start.line, 1)
        section = Section(
            title,
            node.level,
            tags,
            data,
            reserved,
            parent,
            node.start.line,
            node.start.column,
            data_at,
        )
        self.sections.append(section)
        self.section = section

    def member(self, node: syntax.Element) -> Member:
        """One statement's or argument's appearance in the text: its title, text, tags, data."""
        text, tags = read_text(node.content, self.remove_tags)
        if node.tags:  # a reference's, after it
            tags = list(tags)
            for token in node.tags:
                if tag_name(token) not in tags:
                    tags.append(tag_name(token))
        data_token, start = node.data, node.start
        data_at = (data_token.line, data_token.column) if data_token else None
        return Member(
            node.title,
            node.reference,
            text,
            tags,
            self.data(data_token) if data_token is not None else None,
            data_at,
            start.line,
            start.column,
            self.section,
        )

    def ec(self, title: str | None) -> EquivalenceClass:
        if title is None:  # an untitled statement: a class of its own
            ec = EquivalenceClass(None, self.next_order())
            self.ecs.append(ec)
            return ec
        return self.statements.get(title) or self.titled(
            EquivalenceClass, self.statements, self.ecs, title
        )

    def arg(self, title: str | None) -> ArgdownArgument:
        known = self.arguments.get(title) if title is not None else None
        return known or self.titled(ArgdownArgument, self.arguments, self.args, title)

    def titled(
        self,
        make: Callable[[str | None, int], _Titled],
        by_title: dict[str, _Titled],
        every: list[_Titled],
        title: str | None,
    ) -> _Titled:
        """The element titled ``title``, made and listed the first time; an untitled one is new."""
        if title is not None and title in by_title:
            return by_title[title]
        element = make(title, self.next_order())
        if title is not None:
            by_title[title] = element
        every.append(element)
        return element

    def statement(self, node: syntax.Statement, depth: int = 0) -> EquivalenceClass:
        if node.title is None and node.data is None and not node.relations:
            # Untitled, without data or relations (most): a class of its own, this its member.
            text, tags = read_text(node.content, self.remove_tags)
            start, section = node.start, self.section
            if not text:
                self.no_text(start)
            ec = self.ec(None)
            ec.members.append(
                Member(None, False, text, tags, None, None, start.line, start.column, section)
            )
            ec.section, ec.has_section = section, True
            return ec
        member = self.member(node)
        if node.title is None and not member.text:
            self.no_text(node.start)
        ec = self.ec(node.title)
        if node.relations:
            self.relations_of(ec, node.relations)
        ec.members.append(member)
        takes = member.data.get("isInGroup") if member.data else None
        if takes is True or (not member.reference and takes is None and not ec.has_section):
            ec.section, ec.has_section = member.section, True
        return ec

    def no_text(self, at: syntax.Token) -> None:
        self.problem(
            "argdown-syntax",
            "this statement has no text; write it, or remove the empty line or relation",
            at,
        )

    def argument(self, node: syntax.Argument) -> ArgdownArgument:
        arg = self.arg(node.title)
        if node.reference and arg.members and node.data is None and not node.tags:
            # Another bare reference: as a member it would give the argument nothing (no
            # text, data or tags; its first member says where it stands), so it is none.
            if node.relations:
                self.relations_of(arg, node.relations)
            return arg
        member = self.member(node)
        if not arg.members:
            arg.line, arg.column = node.start.line, node.start.column
        if node.relations:
            self.relations_of(arg, node.relations)
        arg.members.append(member)
        takes = member.data.get("isInGroup") if member.data else None
        if takes is True or (not member.reference and takes is None and not arg.has_section):
            arg.section, arg.has_section = member.section, True
        return arg

    def relations_of(self, parent: Node, relations: Sequence[syntax.Relation]) -> None:
        for relation in relations:
            child: Node
            if isinstance(relation.child, syntax.Statement):
                child = self.statement(relation.child)
            else:
                child = self.argument(relation.child)
            symbol = relation.token.symbol
            source, target = (parent, child) if symbol in _INCOMING else (child, parent)
            self.relate(_RELATION_KINDS[symbol], source, target, relation.token)

    def relate(self, kind: str, source: Node, target: Node, token: syntax.Token) -> None:
        for existing in source.relations:
            if existing.kind != kind:
                continue
            if existing.source is source and existing.target is target:
                return
            if kind == "contradictory" and existing.target is source and existing.source is target:
                return
        rel = ArgdownRelation(kind, source, target, token.line, token.column, self.section)
        self.relations.append(rel)
        source.relations.append(rel)
        if target is not source:
            target.relations.append(rel)

    def pcs(self, node: syntax.Pcs, owner: ArgdownArgument | None) -> None:
        first = node.items[0]
        assert isinstance(first, syntax.PcsStatement)
        arg = owner if owner is not None else self.arg(None)
        if owner is None:
            arg.line, arg.column = first.number.line, first.number.column
        if arg.pcs:
            self.problem(
                "argdown-pcs",
                f"{arg.label} already has a premise-conclusion structure; an argument "
                "has only one: give this one its own argument title",
                first.number,
            )
            return
        if self.section is not None:
            arg.section, arg.has_section = self.section, True
        inference: Inference | None = None
        for item in node.items:
            if isinstance(item, syntax.Inference):
                rules = [collapse(read_text(rule, False)[0]) for rule in item.rules]
                inference = Inference(
                    arg,
                    [r for r in rules if r],
                    self.data(item.data) or {},
                    item.start.line,
                    item.start.column + len(item.start.image) - len(item.start.image.lstrip()),
                )
                arg.inferences.append(inference)
                self.relations_of(inference, item.relations)
            else:
                ec = self.statement(item.statement)
                arg.pcs.append(
                    PcsEntry(ec, item.statement.start.line, item.statement.start.column, inference)
                )
                inference = None

    # -- what Argdown's model does after reading ----------------------------

    def finish(self) -> None:
        nodes: list[EquivalenceClass | ArgdownArgument] = [*self.ecs, *self.args]
        for node in nodes:
            if not node.has_section and node.members:
                node.section = node.members[0].section

    def untie(self) -> None:
        """Let go of what links the elements both ways (relations and their ends, arguments
        and their inferences): freed as soon as the map is read, not by the garbage collector
        later, which would have to look through every object the map is made of to find them."""
        for ec in self.ecs:
            ec.relations.clear()
        for arg in self.args:
            arg.relations.clear()
            arg.pcs.clear()
            arg.inferences.clear()

    def transform(self, strict: bool) -> None:
        kept: list[ArgdownRelation] = []
        for rel in self.relations:
            if isinstance(rel.source, ArgdownArgument) and rel.source.reconstructed:
                conclusion = rel.source.pcs[-1].ec
                rel.source.relations.remove(rel)
                duplicate = next(
                    (
                        r
                        for r in conclusion.relations
                        if r.source is conclusion and r.target is rel.target and r.kind == rel.kind
                    ),
                    None,
                )
                if duplicate is not None:
                    rel.target.relations.remove(rel)
                    continue
                rel.source = conclusion
                conclusion.relations.append(rel)
            if (
                isinstance(rel.target, ArgdownArgument)
                and rel.target.reconstructed
                and rel.kind == "undercut"
            ):
                inference = rel.target.inferences[-1]
                rel.target.relations.remove(rel)
                duplicate = next(
                    (
                        r
                        for r in inference.relations
                        if r.source is rel.source and r.kind == rel.kind
                    ),
                    None,
                )
                if duplicate is not None:
                    rel.source.relations.remove(rel)
                    continue
                rel.target = inference
                inference.relations.append(rel)
            kept.append(rel)
        self.relations = kept
        if strict:
            kept = []
            for rel in self.relations:
                if isinstance(rel.source, EquivalenceClass) and isinstance(
                    rel.target, EquivalenceClass
                ):
                    if rel.kind == "support":
                        rel.kind = "entails"
                    elif rel.kind == "attack":
                        if any(
                            r.kind == "contrary"
                            and {id(r.source), id(r.target)} == {id(rel.source), id(rel.target)}
                            for r in rel.source.relations
                        ):
                            rel.source.relations.remove(rel)
                            if rel.target is not rel.source:
                                rel.target.relations.remove(rel)
                            continue
                        rel.kind = "contrary"
                kept.append(rel)
            self.relations = kept
        kept = []
        for rel in self.relations:
            if (
                isinstance(rel.source, EquivalenceClass)
                and rel.kind == "attack"
                and isinstance(rel.target, ArgdownArgument)
                and rel.target.reconstructed
                and self.redundant(rel.source, rel.target)
            ):
                rel.source.relations.remove(rel)
                rel.target.relations.remove(rel)
                continue
            kept.append(rel)
        self.relations = kept

    @staticmethod
    def redundant(ec: EquivalenceClass, arg: ArgdownArgument) -> bool:
        """The statement attacks a premise of the argument already; Argdown drops the attack."""
        premises: set[int] | None = None  # made when a relation to a statement needs them
        for rel in ec.relations:
            other = rel.target if rel.source is ec else rel.source
            if not isinstance(other, EquivalenceClass):
                continue
            if premises is None:
                premises = {id(entry.ec) for entry in arg.pcs if entry.inference is None}
            if id(other) not in premises:
                continue
            if (rel.kind == "attack" and rel.source is ec) or rel.kind in (
                "contradictory",
                "contrary",
            ):
                return True
        return False


# -- argmap's map ---------------------------------------------------------------


@dataclass(eq=False, repr=False, slots=True)
class StatementDraft:
    """A statement of the map being built."""

    source: EquivalenceClass | ArgdownArgument
    title: str | None
    text: str
    tags: Sequence[str]
    data: dict[str, Any]
    #: None for a statement without reserved data (see :meth:`_MapAssembler.statement`).
    reserved: Reserved | None
    line: int
    column: int
    section: Section | None
    base: str
    titled: bool
    id: str = ""


@dataclass(eq=False, repr=False, slots=True)
class ArgumentDraft:
    """An argument of the map being built."""

    premises: list[StatementDraft]
    kind: str
    target: StatementDraft | ArgumentDraft | None
    line: int
    column: int
    section: Section | None
    title: str | None = None
    note: str | None = None
    tags: Sequence[str] = ()
    data: dict[str, Any] = field(default_factory=dict)
    reserved: Reserved | None = None
    origin: str = "relation"  # main, step, own, relation
    main: ArgumentDraft | None = None
    step: int = 0
    seq: int = 0
    premise_at: list[tuple[int, int]] = field(default_factory=list)
    target_at: tuple[int, int] | None = None
    sort_at: tuple[int, int] | None = None
    id: str = ""


def _statement_what(title: str | None) -> str:
    """How the problems of a statement's reserved data name it."""
    return f"statement [{title}]" if title else "a statement"


def _marker(data: dict[str, Any], **values: Any) -> None:
    markers = data.get(MARKERS)
    if not isinstance(markers, dict):
        markers = {}
    markers.update(values)
    data[MARKERS] = markers


class _DraftBuilder:
    """Argdown's model as argmap statements, arguments and groups."""

    def __init__(self, model: _Model, file: str) -> None:
        self.model = model
        self.file = file
        self.issues = model.issues
        self.statements: list[StatementDraft] = []
        self.by_ec: dict[int, StatementDraft] = {}
        self.premise_of: dict[int, StatementDraft] = {}  # argument without pcs -> its premise
        self.arguments: list[ArgumentDraft] = []
        self.own: dict[int, list[ArgumentDraft]] = {}  # argument without pcs -> its arguments
        self.mains: dict[int, list[ArgumentDraft]] = {}  # reconstructed argument -> its steps
        self.steps: dict[int, ArgumentDraft] = {}  # inference -> its step
        self.collapsed: dict[int, ArgdownArgument] = {}  # generated conclusion -> its argument
        self.seq = 0

    def problem(self, code: str, message: str, line: int, column: int) -> None:
        self.issues.append(Issue(code, message, file=self.file, line=line, column=column))

    def reserved(self, data: dict[str, Any], keys: tuple[str, ...], what: str, at: Any) -> Reserved:
        value = data.pop(RESERVED, None)
        return Reserved(value, keys, what, file=self.file, where=at, issues=self.issues)

    @staticmethod
    def summary(
        members: list[Member],
    ) -> tuple[
        Member | None, Member, dict[str, Any], tuple[int, int] | None, Sequence[str], list[str]
    ]:
        """What the members of an element give it together: the canonical member, the
        first definition (else the first member), the merged data and where its reserved
        data is, the tags of all, and the other texts (see :func:`_canonical`, :meth:`texts`)."""
        if len(members) == 1 and not members[0].reference and not members[0].data:
            only = members[0]  # one definition, without data: most statements
            return only, only, {}, None, only.tags, []
        data: dict[str, Any] = {}
        at = None
        tags: list[str] = []
        definitions = 0
        first = None
        for member in members:
            if not member.reference:
                definitions += 1
                if first is None:
                    first = member
            if member.data:
                data = merge_data(data, member.data)
                if RESERVED in member.data and at is None:
                    at = member.data_at
            if member.tags:
                tags += [t for t in member.tags if t not in tags]
        if first is None:  # references only: nothing canonical, no other texts
            return None, members[0], data, at, tags, []
        canonical = _canonical(members) if definitions > 1 else first
        # Only an element defined more than once has a choice of texts.
        others = _DraftBuilder.texts(members, canonical) if definitions > 1 else []
        return canonical, first, data, at, tags, others

    @staticmethod
    def merged(members: list[Member]) -> tuple[dict[str, Any], tuple[int, int] | None]:
        data: dict[str, Any] = {}
        at = None
        for member in members:
            if member.data:
                data = merge_data(data, member.data)
                if RESERVED in member.data and at is None:
                    at = member.data_at
        return data, at

    @staticmethod
    def texts(members: list[Member], canonical: Member | None) -> list[str]:
        """The other texts of an equivalence class, kept beside the canonical one."""
        result: list[str] = []
        shown = canonical.text if canonical else ""
        for member in members:
            if member.reference or member is canonical or not member.text:
                continue
            if member.text != shown and member.text not in result:
                result.append(member.text)
        return result

    # -- statements ---------------------------------------------------------

    def build_statements(self) -> None:
        model = self.model
        for arg in model.args:
            kind = self.collapse_kind(arg)
            if kind is not None:
                self.collapsed[id(arg.pcs[-1].ec)] = arg
        # The statements, and the arguments whose description is their premise, in the
        # order they were first met (the statements are, as made).
        described = [arg for arg in model.args if not arg.reconstructed]
        nodes: list[EquivalenceClass | ArgdownArgument] = [*model.ecs, *described]
        if described:
            nodes.sort(key=_ORDER)
        for node in nodes:
            if isinstance(node, EquivalenceClass):
                if id(node) not in self.collapsed:
                    self.add_statement(node)
            else:
                self.add_premise(node)

    def collapse_kind(self, arg: ArgdownArgument) -> str | None:
        data, _ = self.merged(arg.members)
        reserved = data.get(RESERVED)
        kind = reserved.get("kind") if isinstance(reserved, dict) else None
        if kind in ("attack", "undercut", "backing") and arg.reconstructed:
            return str(kind)
        return None

    def add_statement(self, ec: EquivalenceClass) -> None:
        canonical, first, data, at, tags, others = self.summary(ec.members)
        # None without reserved data (most statements): made when a problem is reported.
        reserved = (
            self.reserved(
                data, STATEMENT_KEYS, _statement_what(ec.title), at or (first.line, first.column)
            )
            if RESERVED in data
            else None
        )
        text = canonical.text if canonical and canonical.text else (ec.title or "")
        if others:
            _marker(data, texts=others)
        draft = StatementDraft(
            ec,
            ec.title,
            text,
            tags,
            data,
            reserved,
            first.line,
            first.column,
            ec.section,
            slug(ec.title) if ec.title else text_slug(text),
            ec.title is not None,
        )
        self.statements.append(draft)
        self.by_ec[id(ec)] = draft

    def add_premise(self, arg: ArgdownArgument) -> None:
        """The premise of an argument without premise-conclusion structure: its description."""
        canonical, first, data, at, tags, others = self.summary(arg.members)
        reserved = self.reserved(
            data, STATEMENT_KEYS, f"argument {arg.label}", at or (first.line, first.column)
        )
        if RESERVED in data:
            del data[RESERVED]
        text = canonical.text if canonical and canonical.text else (arg.title or "")
        _marker(data, argument=arg.title)
        if others:
            _marker(data, texts=others)
        draft = StatementDraft(
            arg,
            None,
            text,
            tags,
            data,
            reserved,
            first.line,
            first.column,
            arg.section,
            f"{slug(arg.title or '')}-premise" if slug(arg.title or "") else "premise",
            False,
        )
        self.statements.append(draft)
        self.premise_of[id(arg)] = draft

    # -- arguments from premise-conclusion structures -----------------------

    def build_steps(self) -> None:
        for arg in self.model.args:
            if arg.reconstructed:
                self.add_steps(arg)

    def add_steps(self, arg: ArgdownArgument) -> None:
        steps: list[ArgumentDraft] = []
        premises: list[tuple[StatementDraft, PcsEntry]] = []
        collapsed = id(arg.pcs[-1].ec) in self.collapsed
        for index, entry in enumerate(arg.pcs):
            last = index == len(arg.pcs) - 1
            # None for the conclusion of an argument marked as an attack or undercut,
            # used here again: check_collapsed reports it, and the map is not made.
            statement = self.by_ec.get(id(entry.ec))
            if entry.inference is None:
                if statement is not None:
                    premises.append((statement, entry))
                continue
            inference = entry.inference
            target = None if (last and collapsed) else statement
            step = ArgumentDraft(
                [p for p, _ in premises],
                "support",
                target,
                inference.line,
                inference.column,
                arg.section,
                origin="main" if last else "step",
                step=len(steps) + 1,
                premise_at=[(e.line, e.column) for _, e in premises],
                target_at=(entry.line, entry.column),
            )
            if inference.rules:
                _marker(step.data, rules=inference.rules)
            if inference.data:
                _marker(step.data, inference=inference.data)
            self.steps[id(inference)] = step
            steps.append(step)
            premises = [] if target is None else [(target, entry)]
        main = steps[-1]
        main.sort_at = (main.line, main.column)
        canonical: Member | None = None
        data: dict[str, Any] = {}
        at: tuple[int, int] | None = None
        others: list[str] = []
        if arg.members:
            canonical, first, data, at, main.tags, others = self.summary(arg.members)
            main.line, main.column = first.line, first.column
        if RESERVED in data:  # else None, as for the other arguments
            main.reserved = self.reserved(
                data, ARGUMENT_KEYS, f"argument {arg.label}", at or (arg.line, arg.column)
            )
        main.title = arg.title
        main.note = canonical.text if canonical and canonical.text else None
        if others:
            _marker(data, texts=others)
        if data or main.data:
            main.data = merge_data(data, main.data)
        for step in steps:
            if step is not main:  # the main argument, the last step, is no step of itself
                step.main = main
            self.add_argument(step)
        self.mains[id(arg)] = steps

    def add_argument(self, draft: ArgumentDraft) -> None:
        self.seq += 1
        draft.seq = self.seq
        self.arguments.append(draft)

    # -- arguments from relations -------------------------------------------

    def build_relations(self) -> None:
        waiting: list[ArgdownRelation] = []
        for rel in self.model.relations:
            if rel.kind == "undercut" and isinstance(rel.target, ArgdownArgument):
                waiting.append(rel)  # needs the target's own arguments first
            else:
                self.relation(rel)
        while waiting:
            ready = [
                r
                for r in waiting
                if isinstance(r.target, ArgdownArgument)
                and not self.pending(r.target, [w for w in waiting if w is not r])
            ]
            if not ready:
                ready = waiting[:1]
            for rel in ready:
                waiting.remove(rel)
                self.relation(rel)

    @staticmethod
    def pending(arg: ArgdownArgument, waiting: list[ArgdownRelation]) -> bool:
        return any(r.source is arg for r in waiting)

    def endpoint(self, node: Node, rel: ArgdownRelation) -> StatementDraft | None:
        if isinstance(node, EquivalenceClass):
            return self.by_ec.get(id(node))
        if isinstance(node, ArgdownArgument) and not node.reconstructed:
            return self.premise_of[id(node)]
        return None

    def relation(self, rel: ArgdownRelation) -> None:
        collapsed = self.collapsed
        if collapsed and (id(rel.source) in collapsed or id(rel.target) in collapsed):
            self.collapse(rel)
            return
        source = self.endpoint(rel.source, rel)
        where = (rel.line, rel.column)
        if source is None:  # an inference cannot be a source; reconstructed sources moved
            self.problem(
                "argdown-unsupported",
                "this relation has no statement to start from: write it under the statement "
                "('[Title]') or the argument ('<Title>') it starts from",
                *where,
            )
            return
        target = rel.target
        own_of = rel.source if isinstance(rel.source, ArgdownArgument) else None
        if rel.kind in ("contradictory", "contrary"):
            # An argument without premise-conclusion structure contradicts
            # through its description, as it attacks through it.
            other = self.endpoint(target, rel)
            if other is None:
                self.problem(
                    "argdown-unsupported",
                    f"'><' (contradiction) joins statements; {self.label(target)} has a "
                    "premise-conclusion structure: contradict its conclusion ('>< [Title]') "
                    "or attack the argument with '->'",
                    *where,
                )
                return
            self.new(
                rel, source=source, kind="attack", target=other, own_of=own_of, relation=rel.kind
            )
            self.new(
                rel, source=other, kind="attack", target=source, own_of=None, relation=rel.kind
            )
            return
        kind = "support" if rel.kind == "entails" else rel.kind
        if kind == "undercut":
            for step in self.undercut_targets(rel):
                self.new(rel, source=source, kind="undercut", target=step, own_of=own_of)
            return
        if isinstance(target, ArgdownArgument) and target.reconstructed:
            # A support or an attack of the argument as a whole: of its main inference.
            main = self.mains[id(target)][-1]
            self.new(rel, source=source, kind=kind, target=main, own_of=own_of)
            return
        end = self.endpoint(target, rel)
        if end is not None:
            self.new(rel, source=source, kind=kind, target=end, own_of=own_of)

    @staticmethod
    def label(node: Node) -> str:
        if isinstance(node, ArgdownArgument):
            return node.label
        if isinstance(node, Inference):
            return f"the inference of {node.argument.label}"
        return f"[{node.title}]" if node.title else "the statement"

    def undercut_targets(self, rel: ArgdownRelation) -> list[ArgumentDraft]:
        target = rel.target
        if isinstance(target, Inference):
            return [self.steps[id(target)]]
        if isinstance(target, ArgdownArgument):
            own = self.own.get(id(target), [])
            if not own:
                self.problem(
                    "argdown-unsupported",
                    f"this undercuts {target.label}, which argues for nothing: an undercut "
                    "attacks the step from premises to a conclusion; give that argument a "
                    "relation to what it supports or attacks, or a premise-conclusion structure",
                    rel.line,
                    rel.column,
                )
            return own
        self.problem(
            "argdown-unsupported",
            "an undercut ('_>', '<_') attacks an argument's inference; this one points at a "
            "statement: use '->' or '-' to attack a statement",
            rel.line,
            rel.column,
        )
        return []

    def new(
        self,
        rel: ArgdownRelation,
        *,
        source: StatementDraft,
        kind: str,
        target: StatementDraft | ArgumentDraft,
        own_of: ArgdownArgument | None,
        relation: str | None = None,
    ) -> ArgumentDraft:
        draft = ArgumentDraft([source], kind, target, rel.line, rel.column, rel.section)
        draft.premise_at = [(rel.line, rel.column)]
        draft.target_at = (rel.line, rel.column)
        if relation is not None:
            _marker(draft.data, relation=relation)
        if own_of is not None:
            draft.origin = "own"
            draft.title = own_of.title
            self.own.setdefault(id(own_of), []).append(draft)
        self.add_argument(draft)
        return draft

    def collapse(self, rel: ArgdownRelation) -> None:
        """The relation of a generated conclusion: the attack or undercut of its argument."""
        generated = rel.source if id(rel.source) in self.collapsed else rel.target
        arg = self.collapsed[id(generated)]
        main = self.mains[id(arg)][-1]
        other = rel.target if generated is rel.source else rel.source
        kind = self.collapse_kind(arg)
        ok = main.target is None
        if kind == "attack":
            ok = ok and rel.kind in ("attack", "contrary", "contradictory")
            end: StatementDraft | ArgumentDraft | None = None
            if ok and isinstance(other, ArgdownArgument) and other.reconstructed:
                end = self.mains[id(other)][-1] if rel.kind == "attack" else None
            elif ok:
                end = self.endpoint(other, rel)
            ok = ok and end is not None
            if ok and end is not None:
                main.kind, main.target, main.target_at = "attack", end, (rel.line, rel.column)
        elif kind == "backing":
            # A support of another argument as a whole, from linked premises.
            ok = ok and rel.kind == "support" and rel.source is generated
            ok = ok and isinstance(other, ArgdownArgument) and other.reconstructed
            if ok:
                main.kind, main.target, main.target_at = (
                    "support",
                    self.mains[id(other)][-1],
                    (rel.line, rel.column),
                )
        else:
            ok = ok and rel.kind == "undercut" and rel.source is generated
            targets = self.undercut_targets(rel) if ok else []
            ok = ok and len(targets) == 1
            if ok:
                main.kind, main.target, main.target_at = (
                    "undercut",
                    targets[0],
                    (rel.line, rel.column),
                )
        if not ok:
            verb, what = {
                "attack": ("attack", "statement or argument"),
                "backing": ("support", "argument with a premise-conclusion structure"),
            }.get(str(kind), ("undercut", "argument"))
            self.problem(
                "argdown-reserved",
                f"{arg.label} is marked '{RESERVED}: {{kind: {kind}}}', so its conclusion "
                f"must {verb} exactly one {what} and nothing else; fix the relations of its "
                "conclusion or remove the mark",
                rel.line,
                rel.column,
            )

    def check_collapsed(self) -> None:
        for arg in {id(a): a for a in self.collapsed.values()}.values():
            main = self.mains[id(arg)][-1]
            if main.target is None:
                conclusion = arg.pcs[-1]
                self.problem(
                    "argdown-reserved",
                    f"{arg.label} is marked as an attack or undercut "
                    f"('{RESERVED}: {{kind: ...}}'), but its conclusion relates to nothing; "
                    "add the relation or remove the mark",
                    conclusion.line,
                    conclusion.column,
                )
            conclusion_ec = arg.pcs[-1].ec
            if len(conclusion_ec.members) > 1:
                extra = conclusion_ec.members[1]
                self.problem(
                    "argdown-reserved",
                    f"the conclusion of {arg.label} stands for its attack or undercut, so it "
                    "cannot be used elsewhere; give the statement used here its own title",
                    extra.line,
                    extra.column,
                )


def _front_matter(token: syntax.Token | None, file: str) -> tuple[dict[str, Any], tuple[int, int]]:
    if token is None:
        return {}, (1, 1)
    image = token.image
    opening = re.match(r"\s*={3,}", image)
    assert opening is not None
    body = re.sub(r"={3,}\s*$", "", image[opening.end() :])
    block = body.startswith("\n")
    data = read_yaml(
        body[1:] if block else body,
        "argdown-front-matter",
        "front matter",
        file=file,
        line=token.line,
        column=token.column + opening.end(),
        block=block,
    )
    return data, (token.line, token.column)


def read(text: str, file: str) -> ArgumentMap:
    """Read an Argdown document as a map (not yet checked as a whole)."""
    text, document = syntax.parse(text, file)
    front, front_at = _front_matter(document.front_matter, file)
    settings = front.get("model") if isinstance(front.get("model"), dict) else {}
    assert isinstance(settings, dict)
    strict = settings.get("mode") == "strict"
    remove_tags = settings.get("removeTagsFromText") is True
    model = _Model(document, file, remove_tags)
    # The syntax tree, a fifth of the memory of reading, freed before the map is built:
    # the map reuses its memory instead of asking the system for more.
    del document, text
    model.transform(strict)
    builder = _DraftBuilder(model, file)
    builder.build_statements()
    builder.build_steps()
    builder.build_relations()
    builder.check_collapsed()
    try:
        return _MapAssembler(builder, front, front_at, file).assemble()
    finally:
        model.untie()


class _Positions(Mapping[DocPath, Position]):
    """Where each statement, argument and its parts, group and the map stand: kept as the
    reader has them, and made into the mapping of paths the first time it is asked (a
    map's positions are asked for only to place a problem found in it)."""

    __slots__ = ("arguments", "file", "made", "others", "statements")

    def __init__(self, file: str) -> None:
        self.file = file
        #: Statement id, line, column.
        self.statements: list[tuple[str, int, int]] = []
        #: Argument id, line, column, its premises' positions, its target's key and position.
        self.arguments: list[
            tuple[str, int, int, list[tuple[int, int]], str, tuple[int, int] | None]
        ] = []
        #: The positions of groups and of the map, by path.
        self.others: dict[DocPath, Position] = {}
        self.made: dict[DocPath, Position] | None = None

    def mapping(self) -> dict[DocPath, Position]:
        made = self.made
        if made is None:
            file = self.file
            made = {}
            for sid, line, column in self.statements:
                made.setdefault(("statements", sid), (file, line, column))
            for aid, line, column, premises_at, verb, target_at in self.arguments:
                path: DocPath = ("arguments", aid)
                made.setdefault(path, (file, line, column))
                for index, (at_line, at_column) in enumerate(premises_at):
                    made.setdefault((*path, "premises", index), (file, at_line, at_column))
                if target_at is not None:
                    made.setdefault((*path, verb), (file, *target_at))
            for path, position in self.others.items():
                made.setdefault(path, position)
            self.made = made
            self.statements, self.arguments, self.others = [], [], {}
        return made

    def __getitem__(self, path: DocPath) -> Position:
        return self.mapping()[path]

    def get(self, path: DocPath, default: Any = None) -> Any:
        return self.mapping().get(path, default)

    def __iter__(self) -> Iterator[DocPath]:
        return iter(self.mapping())

    def __len__(self) -> int:
        return len(self.mapping())


class _MapAssembler:
    """Ids, reserved fields and positions: the finished map."""

    def __init__(
        self,
        builder: _DraftBuilder,
        front: dict[str, Any],
        front_at: tuple[int, int],
        file: str,
    ) -> None:
        self.builder = builder
        self.front = dict(front)
        self.front_at = front_at
        self.file = file
        self.issues = builder.issues
        self.positions = _Positions(file)
        self.make_statement = unchecked_maker(Statement)
        self.make_argument = unchecked_maker(Argument)
        #: The reserved fields of an argument that has none.
        self.nothing_reserved = Reserved(
            None, ARGUMENT_KEYS, "", file=file, where=(1, 1), issues=self.issues
        )

    def at(self, path: DocPath, line: int, column: int) -> None:
        self.positions.others.setdefault(path, (self.file, line, column))

    def problem(self, message: str, where: tuple[int, int]) -> None:
        self.issues.append(
            Issue("argdown-reserved", message, file=self.file, line=where[0], column=where[1])
        )

    def assemble(self) -> ArgumentMap:
        builder = self.builder
        statements, arguments = builder.statements, builder.arguments
        arguments.sort(key=lambda a: (*(a.sort_at or (a.line, a.column)), a.seq))
        reserved_map = Reserved(
            self.front.pop(RESERVED, None),
            MAP_KEYS,
            "front matter",
            file=self.file,
            where=self.front_at,
            issues=self.issues,
        )
        self.assign_ids(statements, arguments)
        built_statements = [s for s in (self.statement(d) for d in statements) if s is not None]
        built_arguments = [a for a in (self.argument(d) for d in arguments) if a is not None]
        every_draft_built = len(built_statements) == len(statements) and len(
            built_arguments
        ) == len(arguments)
        made = built_statements, built_arguments
        built_statements, built_arguments = self.reorder(
            reserved_map, built_statements, built_arguments
        )
        reordered = built_statements is not made[0] or built_arguments is not made[1]
        if reordered or not every_draft_built:
            # The drafts in the map's order, for the groups' members; when every
            # draft was built and none reordered, they are in it already.
            rank = {e.id: i for i, e in enumerate(built_statements)}
            rank.update({e.id: i for i, e in enumerate(built_arguments)})
            statements.sort(key=lambda d: rank.get(d.id, len(rank)))
            arguments.sort(key=lambda d: rank.get(d.id, len(rank)))
        groups = self.groups(statements, arguments)
        title = self.front.pop("title", None)
        if isinstance(title, (dict, list)) or title is None or not str(title).strip():
            if title is not None:
                self.front["title"] = title
            title = self.default_title()
        argument_map = self.map_fields(
            str(title), built_statements, built_arguments, groups, reserved_map
        )
        if self.issues:
            raise MapError(sorted(self.issues, key=lambda i: (i.line or 0, i.column or 0)))
        return argument_map

    def default_title(self) -> str:
        sections = self.builder.model.sections
        if sections:
            return sections[0].title
        if self.file != "<string>":
            stem = Path(self.file).stem
            if stem.strip():
                return stem
        return "Argdown map"

    # -- ids ----------------------------------------------------------------

    def assign_ids(self, statements: list[StatementDraft], arguments: list[ArgumentDraft]) -> None:
        ids = Ids()
        explicit: dict[int, str] = {}
        drafts: list[StatementDraft | ArgumentDraft] = [*statements, *arguments]
        for draft in drafts:
            reserved = draft.reserved
            if reserved is None or "id" not in reserved.data:
                continue
            value = reserved.text("id")
            if value is None or not check_ids([value], reserved, "id"):
                continue
            if not ids.claim(value):
                reserved.problem(f"id {value!r} is given to more than one element; ids are unique")
                continue
            explicit[id(draft)] = value
        for s in statements:
            if id(s) in explicit:
                s.id = explicit[id(s)]
            elif s.titled:
                s.id = ids.make(s.base, "statement")
        for a in arguments:
            if id(a) in explicit:
                a.id = explicit[id(a)]
            elif a.origin in ("main", "own") and a.title:
                a.id = ids.make(slug(a.title), "argument")
        for s in statements:
            if not s.id:
                s.id = ids.make(s.base, "statement")
        for a in arguments:
            if a.origin == "main" and not a.id:
                a.id = ids.make("argument", "argument")
        for a in arguments:
            if a.id:
                continue
            if a.origin == "step" and a.main is not None:
                a.id = ids.make(f"{a.main.id}-{a.step}", "argument")
                _marker(a.data, **{"step-of": a.main.id})
            else:
                target = a.target.id if a.target is not None else "nothing"
                a.id = ids.make(relation_id(a.premises[0].id, a.kind, target), "argument")
        # Every id is valid: checked where given, made from slugs (ids, or empty, which
        # the fallback replaces; tests/test_helpers.py) where not. So the statements and
        # arguments without reserved data are built unchecked.

    # -- statements and arguments --------------------------------------------

    def statement(self, draft: StatementDraft) -> Statement | None:
        r = draft.reserved
        self.positions.statements.append((draft.id, draft.line, draft.column))
        if (r is None or not r.data) and draft.text.strip():
            # Nothing reserved: the values are the reader's own, valid as made.
            return self.make_statement(
                id=draft.id,
                text=draft.text,
                title=draft.title,
                tags=tuple(draft.tags),
                data=draft.data,
            )
        if r is None:  # none reserved, and a problem to report
            r = self.builder.reserved(
                {}, STATEMENT_KEYS, _statement_what(draft.title), (draft.line, draft.column)
            )
        title = r.text("title") if r.has("title") else draft.title
        text = r.text("text", optional=False) if r.has("text") else draft.text
        tags = r.strings("tags")
        data = r.mapping("data")
        fields: dict[str, Any] = {
            "title": title,
            "tags": draft.tags if tags is None else tags,
            "note": r.text("note"),
            "data": draft.data if data is None else data,
            "implicit": r.flag("implicit"),
            "mode": self.choice(r, "mode", MODES) or "asserted",
            "hedge": r.text("hedge"),
            "by": self.ids(r, "by"),
            "via": self.id(r, "via"),
            "quotes": self.quotes(r),
            "status": self.choice(r, "status", STATUSES),
            "translations": self.translations(r, ("text", "title", "hedge")),
        }
        if not text:
            r.problem("'text' must be non-empty text")
            return None
        try:
            return Statement(draft.id, text, **fields)
        except ValueError as exc:
            r.problem(str(exc))
            return None

    def argument(self, draft: ArgumentDraft) -> Argument | None:
        r = draft.reserved
        if r is None or not r.data:
            r = self.nothing_reserved
        premises = [p.id for p in draft.premises]
        kind = draft.kind
        target = draft.target.id if draft.target is not None else None
        if r.data:  # the reserved fields the relations do not give
            if r.has("kind") and draft.origin == "main":
                value = r.text("kind")
                if value not in ("support", "attack", "undercut", "backing"):
                    r.problem(
                        f"'kind' must be support, attack, undercut or backing (got {value!r})"
                    )
                else:
                    kind = "support" if value == "backing" else value
            if r.has("target"):
                target = r.text("target")
            if r.has("premises"):
                given = r.strings("premises")
                if given is not None and check_ids(given, r, "premises"):
                    premises = list(given)
        self.positions.arguments.append(
            (draft.id, draft.line, draft.column, draft.premise_at, _VERBS[kind], draft.target_at)
        )
        if target is None:
            return None  # reported: a generated conclusion that relates to nothing
        if not r.data and kind in RELATIONS:
            # Nothing reserved: the values are the reader's own, valid as made.
            return self.make_argument(
                id=draft.id,
                premises=tuple(premises),
                kind=kind,
                target=target,
                title=draft.title,
                note=draft.note,
                tags=tuple(draft.tags),
                data=draft.data,
            )
        title = r.text("title") if r.has("title") else draft.title
        tags = r.strings("tags")
        data = r.mapping("data")
        roles = r.strings("roles")
        note = r.text("note") if r.has("note") else draft.note
        try:
            return Argument(
                draft.id,
                premises,
                kind,  # type: ignore[arg-type]
                target,
                title=title,
                note=note,
                tags=draft.tags if tags is None else tags,
                data=draft.data if data is None else data,
                implicit=r.flag("implicit"),
                by=self.ids(r, "by"),
                via=self.id(r, "via"),
                quotes=self.quotes(r),
                scheme=r.text("scheme"),
                roles=roles or (),
                answers=r.text("answers"),
                weight=r.number("weight"),
                weighing=r.text("weighing") or "linked",  # type: ignore[arg-type]
                translations=self.translations(r, ("title",)),
            )
        except ValueError as exc:
            r.problem(str(exc))
            return None

    def ids(self, r: Reserved, key: str) -> tuple[str, ...]:
        values = r.strings(key)
        if values is None or not check_ids(values, r, key):
            return ()
        return values

    def quotes(self, r: Reserved) -> tuple[Citation, ...]:
        if not r.has("quotes"):
            return ()
        value = r.data["quotes"]
        result = []
        for item in value if isinstance(value, list) else [None]:
            if (
                not isinstance(item, dict)
                or set(item) != {"source", "text"}
                or not all(isinstance(v, str) for v in item.values())
            ):
                r.problem("'quotes' must be a list of {source: ID, text: QUOTE}")
                return ()
            try:
                result.append(Citation(item["source"], item["text"]))
            except ValueError as exc:
                r.problem(str(exc))
                return ()
        return tuple(result)

    def id(self, r: Reserved, key: str) -> str | None:
        value = r.text(key)
        if value is None or not check_ids([value], r, key):
            return None
        return value

    def choice(self, r: Reserved, key: str, options: tuple[str, ...]) -> Any:
        value = r.text(key)
        if value is not None and value not in options:
            r.problem(f"'{key}' must be one of {', '.join(options)} (got {value!r})")
            return None
        return value

    def translations(self, r: Reserved, fields: tuple[str, ...]) -> tuple[Translation, ...]:
        table = r.mapping("translations")
        if not table:
            return ()
        result = []
        for lang, entry in table.items():
            if not LANG_PATTERN.match(lang) or not isinstance(entry, dict):
                r.problem(
                    "'translations' maps language tags to {"
                    + ", ".join(f"{f}: ..." for f in fields)
                    + "}"
                )
                return ()
            unknown = set(entry) - set(fields)
            values = {k: entry.get(k) for k in fields}
            if unknown or not all(v is None or isinstance(v, str) for v in values.values()):
                r.problem(f"'translations' of {lang!r} may give only {', '.join(fields)} as text")
                return ()
            result.append(Translation(lang, **values))
        return tuple(result)

    # -- groups and the map --------------------------------------------------

    def groups(
        self, statements: list[StatementDraft], arguments: list[ArgumentDraft]
    ) -> list[Group]:
        ids = Ids()
        result: list[Group] = []
        sections = self.builder.model.sections
        reserved = {
            id(s): Reserved(
                s.reserved,
                GROUP_KEYS,
                f"heading {s.title!r}",
                file=self.file,
                where=s.data_at,
                issues=self.issues,
            )
            for s in sections
        }
        wanted: dict[int, str] = {}
        for section in sections:
            r = reserved[id(section)]
            value = r.text("id") if r.has("id") else None
            if value is not None and check_ids([value], r, "id"):
                if ids.claim(value):
                    wanted[id(section)] = value
                else:
                    r.problem(f"group id {value!r} is given to more than one heading")
        for section in sections:
            r = reserved[id(section)]
            if r.has("group") and r.data["group"] is False:
                continue
            group_id = wanted.get(id(section)) or ids.make(slug(section.title), "group")
            path: DocPath = ("groups", group_id)
            self.at(path, section.line, section.column)
            members = [s.id for s in statements if s.section is section]
            members += [a.id for a in arguments if a.section is section]
            data = dict(section.data)
            if section.level != 1:
                _marker(data, level=section.level)
            if section.tags:
                _marker(data, tags=section.tags)
            given = r.strings("members")
            if given is not None and check_ids(given, r, "members"):
                members = list(given)
            if not r.data and ID_PATTERN.match(group_id) and section.title.strip():
                # Nothing reserved: members, title and data are the reader's own, valid as made.
                result.append(
                    unchecked(
                        Group, id=group_id, title=section.title, members=tuple(members), data=data
                    )
                )
                continue
            override = r.mapping("data")
            title = r.text("title") if r.has("title") else section.title
            try:
                result.append(
                    Group(
                        group_id,
                        title or section.title,
                        members,
                        data=data if override is None else override,
                        translations=self.translations(r, ("title",)),
                    )
                )
            except ValueError as exc:
                r.problem(str(exc))
        return result

    def map_fields(
        self,
        title: str,
        statements: list[Statement],
        arguments: list[Argument],
        groups: list[Group],
        r: Reserved,
    ) -> ArgumentMap:
        langs = r.strings("lang") or ()
        document: dict[str, Any] = {"argmap": 1, "title": "-"}
        if langs:
            document["lang"] = list(langs)
        for key in ("sources", "agents", "schemes", "issues"):
            value = r.mapping(key)
            if value:
                document[key] = value
        sources: Mapping[str, Any] = {}
        agents: Mapping[str, Any] = {}
        schemes: Mapping[str, Any] = {}
        disputes: Mapping[str, Any] = {}
        if len(document) > 2:  # the front matter gives languages, sources, agents, ...
            from .. import _format  # read as argmap's format reads them, and only then

            built = _format.from_data(document)
            for issue in built.issues:
                where = "/".join(str(p) for p in issue.path if p != "<key>")
                r.problem(f"{where}: {issue.message}")
            if built.map:
                sources, agents = built.map.sources, built.map.agents
                schemes, disputes = built.map.schemes, built.map.issues
        data = r.mapping("data")
        theses = self.ids(r, "theses")
        self.at((), *self.front_at)
        try:
            return ArgumentMap(
                title,
                statements,
                arguments,
                sources=sources,
                agents=agents,
                schemes=schemes,
                issues=disputes,
                groups=groups,
                theses=theses,
                description=r.text("description"),
                lang=langs[0] if langs else None,
                other_langs=langs[1:],
                translations=self.translations(r, ("title", "text")),
                data=self.front if data is None else data,
                origin=Origin(self.file, self.positions),
            )
        except (ValueError, MapError) as exc:
            issues = exc.issues if isinstance(exc, MapError) else ()
            for issue in issues or [Issue("argdown-reserved", str(exc))]:
                r.problem(issue.message)
            return ArgumentMap(title, origin=Origin(self.file, self.positions))

    def reorder(
        self, r: Reserved, statements: list[Statement], arguments: list[Argument]
    ) -> tuple[list[Statement], list[Argument]]:
        order = r.mapping("order")
        if not order:
            return statements, arguments

        def rank(key: str) -> dict[str, int]:
            wanted = order.get(key) if order else None
            return {str(v): i for i, v in enumerate(wanted)} if isinstance(wanted, list) else {}

        by_statement, by_argument = rank("statements"), rank("arguments")
        return (
            sorted(statements, key=lambda e: by_statement.get(e.id, len(by_statement))),
            sorted(arguments, key=lambda e: by_argument.get(e.id, len(by_argument))),
        )
