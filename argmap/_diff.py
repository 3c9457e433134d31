"""What changed between two maps: statements, arguments, relations, attributions and quotes.

Statements and arguments are matched by id first; those left over on both
sides are matched by how alike their text is, so a renamed statement shows
as one statement changed, not one removed and one added. The view of a
comparison draws the new map with what was removed ghosted beside it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._quotes import normalise
from .model import Argument, ArgumentMap, Citation, Dispute, Statement
from .view import MapView, ViewOptions, build_view, issue_node_id, view_options

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .view import ViewKeywords

__all__ = ["Difference", "MapDiff", "Match", "diff", "diff_view"]

#: What a difference is about.
What = Literal["title", "statement", "argument", "relation", "attribution", "quote", "issue"]
#: Whether it is new, gone, or there in both maps and different.
Change = Literal["added", "removed", "changed"]

#: How alike two texts must be (difflib's ratio, 0 to 1) to be taken for one
#: statement or argument whose id changed.
THRESHOLD = 0.6


@attrs.frozen
class Match:
    """A statement or argument of the old map found in the new one.

    Attributes:
        kind: ``"statement"`` or ``"argument"``.
        old: Its id in the old map.
        new: Its id in the new map.
        by: ``"id"`` (the same id) or ``"text"`` (the ids differ; the texts
            are alike).
        score: How alike the texts are, from 0 to 1 (1.0 for the same text).
    """

    kind: Literal["statement", "argument"]
    old: str
    new: str
    by: Literal["id", "text"]
    score: float


@attrs.frozen
class Difference:
    """One difference between two maps.

    Attributes:
        what: ``title`` (the map's), ``statement``, ``argument``,
            ``relation`` (an argument's kind, target or premises),
            ``attribution`` (who holds or makes it, who relays it), ``quote``
            or ``issue`` (a question with its positions).
        change: ``"added"``, ``"removed"`` or ``"changed"``.
        id: The statement's, argument's or issue's id: in the new map, in
            the old one for what was removed. Empty for the map's title.
        detail: What changed, in a sentence fragment.
        before: The old value, when there is one.
        after: The new value, when there is one.
    """

    what: What
    change: Change
    id: str
    detail: str
    before: str | None = None
    after: str | None = None


@attrs.frozen
class MapDiff:
    """Everything that differs between an old and a new map.

    Attributes:
        differences: The differences: the title, then statements, then
            arguments, each in the new map's order with what was removed
            after.
        matches: The statements and arguments found in both maps.
    """

    differences: tuple[Difference, ...]
    matches: tuple[Match, ...]

    @property
    def equal(self) -> bool:
        """Whether the maps say the same (nothing differs)."""
        return not self.differences

    def new_id(self, kind: Literal["statement", "argument"], old: str) -> str | None:
        """The id in the new map of the old map's statement or argument ``old``, if matched."""
        for match in self.matches:
            if match.kind == kind and match.old == old:
                return match.new
        return None

    def as_dict(self) -> dict[str, Any]:
        """The comparison as JSON-ready data."""
        return {
            "equal": self.equal,
            "matches": [attrs.asdict(m) for m in self.matches if m.by == "text"],
            "differences": [
                {key: value for key, value in attrs.asdict(d).items() if value is not None}
                for d in self.differences
            ],
        }

    def summary(self) -> str:
        """``3 differences: 1 statement added, 2 quotes removed`` or ``no differences``."""
        if self.equal:
            return "no differences"
        counts: dict[str, int] = {}
        for d in self.differences:
            key = f"{d.what} {d.change}"
            counts[key] = counts.get(key, 0) + 1
        parts = [f"{n} {key.replace(' ', 's ', 1) if n > 1 else key}" for key, n in counts.items()]
        total = len(self.differences)
        return f"{total} difference{'s' if total > 1 else ''}: {', '.join(parts)}"


def diff(old: ArgumentMap, new: ArgumentMap) -> MapDiff:
    """What changed from ``old`` to ``new``.

    Statements and arguments are matched by id; those left unmatched on both
    sides are paired by how alike their text is (an argument's text: its
    title and its premises'), the most alike first, when the likeness (0 to
    1, :class:`difflib.SequenceMatcher`) is at least 0.6. Each match by text
    is reported as a changed id, with the score. For what is in both maps,
    text, title, mode, hedge, status and implicitness (``statement``
    changed), title, implicitness, scheme, weight and weighing (``argument``
    changed), kind, target and premises (``relation``), ``by`` and ``via``
    (``attribution``) and quotes are compared. Issues are matched by id;
    their question, positions, asking statement and proof standard are
    compared (``issue``).

    Returns:
        A :class:`MapDiff`; ``.equal`` says whether anything differs.
    """
    return _Differ(old, new).run()


class _Differ:
    def __init__(self, old: ArgumentMap, new: ArgumentMap) -> None:
        self.old = old
        self.new = new
        self.out: list[Difference] = []
        self.statements: dict[str, Match] = {}  # old id -> match
        self.arguments: dict[str, Match] = {}

    def run(self) -> MapDiff:
        old, new = self.old, self.new
        if old.title != new.title:
            self.out.append(
                Difference("title", "changed", "", "the map's title changed", old.title, new.title)
            )
        self.statements = _match(
            "statement",
            {sid: _squash(s.text) for sid, s in old.statements.items()},
            {sid: _squash(s.text) for sid, s in new.statements.items()},
        )
        self.arguments = _match(
            "argument",
            {aid: _argument_text(old, a) for aid, a in old.arguments.items()},
            {aid: _argument_text(new, a) for aid, a in new.arguments.items()},
        )
        matched_new = {m.new for m in self.statements.values()}
        for sid, statement in new.statements.items():
            if sid not in matched_new:
                self.out.append(
                    Difference("statement", "added", sid, "statement added", after=statement.text)
                )
        for match in self.statements.values():
            self._statement(old.statements[match.old], new.statements[match.new], match)
        for sid, statement in old.statements.items():
            if sid not in self.statements:
                self.out.append(
                    Difference(
                        "statement", "removed", sid, "statement removed", before=statement.text
                    )
                )
        matched_new = {m.new for m in self.arguments.values()}
        for aid, argument in new.arguments.items():
            if aid not in matched_new:
                self.out.append(
                    Difference("argument", "added", aid, "argument added", after=argument.label)
                )
        for match in self.arguments.values():
            self._argument(old.arguments[match.old], new.arguments[match.new], match)
        for aid, argument in old.arguments.items():
            if aid not in self.arguments:
                self.out.append(
                    Difference(
                        "argument", "removed", aid, "argument removed", before=argument.label
                    )
                )
        self._issues()
        matches = (*self.statements.values(), *self.arguments.values())
        return MapDiff(tuple(self.out), tuple(matches))

    def _renamed(self, what: What, match: Match) -> None:
        if match.by == "text":
            self.out.append(
                Difference(
                    what,
                    "changed",
                    match.new,
                    f"id changed (matched by text, similarity {match.score:.2f})",
                    match.old,
                    match.new,
                )
            )

    def _statement(self, before: Statement, after: Statement, match: Match) -> None:
        self._renamed("statement", match)
        sid = after.id
        for field, old, new in (
            ("text", _squash(before.text), _squash(after.text)),
            ("title", before.title, after.title),
            ("mode", before.mode, after.mode),
            ("hedge", before.hedge, after.hedge),
            ("status", before.status, after.status),
            ("implicit", _word(before.implicit), _word(after.implicit)),
        ):
            if old != new:
                detail = f"{field} changed"
                if field == "text":
                    detail += f" (similarity {_likeness(old or '', new or ''):.2f})"
                self.out.append(Difference("statement", "changed", sid, detail, old, new))
        self._attribution(before, after, sid)
        self._quotes(before.quotes, after.quotes, sid)

    def _argument(self, before: Argument, after: Argument, match: Match) -> None:
        self._renamed("argument", match)
        aid = after.id
        for field, old, new in (
            ("title", before.title, after.title),
            ("implicit", _word(before.implicit), _word(after.implicit)),
            ("scheme", before.scheme, after.scheme),
            ("weight", _word(before.weight), _word(after.weight)),
            ("weighing", before.weighing, after.weighing),
        ):
            if old != new:
                self.out.append(
                    Difference("argument", "changed", aid, f"{field} changed", old, new)
                )
        target = self._new_target(before)
        if before.kind != after.kind or target != after.target:
            self.out.append(
                Difference(
                    "relation",
                    "changed",
                    aid,
                    "kind or target changed",
                    f"{before.kind} {before.target}",
                    f"{after.kind} {after.target}",
                )
            )
        premises = [self._new_statement(p) for p in before.premises]
        for premise in after.premises:
            if premise not in premises:
                self.out.append(
                    Difference(
                        "relation", "added", aid, f"premise {premise!r} added", after=premise
                    )
                )
        for old_premise, premise in zip(before.premises, premises, strict=True):
            if premise not in after.premises:
                self.out.append(
                    Difference(
                        "relation",
                        "removed",
                        aid,
                        f"premise {old_premise!r} removed",
                        before=old_premise,
                    )
                )
        self._attribution(before, after, aid)
        self._quotes(before.quotes, after.quotes, aid)

    def _new_statement(self, old_id: str) -> str:
        match = self.statements.get(old_id)
        return match.new if match is not None else old_id

    def _new_target(self, argument: Argument) -> str:
        table = self.arguments if argument.target in self.old.arguments else self.statements
        match = table.get(argument.target)
        return match.new if match is not None else argument.target

    def _attribution(
        self, before: Statement | Argument, after: Statement | Argument, eid: str
    ) -> None:
        for field, old, new in (
            ("by", ", ".join(before.by), ", ".join(after.by)),
            ("via", before.via or "", after.via or ""),
        ):
            if old != new:
                change: Change = "added" if not old else "removed" if not new else "changed"
                self.out.append(
                    Difference(
                        "attribution", change, eid, f"{field} {change}", old or None, new or None
                    )
                )

    def _quotes(self, before: tuple[Citation, ...], after: tuple[Citation, ...], eid: str) -> None:
        old = {(q.source, normalise(q.text)): q for q in before}
        new = {(q.source, normalise(q.text)): q for q in after}
        for key, quote in new.items():
            if key not in old:
                self.out.append(
                    Difference(
                        "quote",
                        "added",
                        eid,
                        f"quote from {quote.source!r} added",
                        after=quote.text,
                    )
                )
        for key, quote in old.items():
            if key not in new:
                self.out.append(
                    Difference(
                        "quote",
                        "removed",
                        eid,
                        f"quote from {quote.source!r} removed",
                        before=quote.text,
                    )
                )

    def _issues(self) -> None:
        old, new = self.old.issues, self.new.issues
        for iid, issue in new.items():
            if iid not in old:
                self.out.append(Difference("issue", "added", iid, "issue added", after=_ask(issue)))
        for iid in (iid for iid in new if iid in old):
            before, after = old[iid], new[iid]
            positions = [self._new_statement(p) for p in before.positions]
            for field, was, now in (
                ("question", before.question, after.question),
                ("statement", before.statement, after.statement),
                ("positions", ", ".join(positions), ", ".join(after.positions)),
                ("standard", before.standard, after.standard),
            ):
                if was != now:
                    self.out.append(
                        Difference("issue", "changed", iid, f"{field} changed", was, now)
                    )
        for iid, issue in old.items():
            if iid not in new:
                self.out.append(
                    Difference("issue", "removed", iid, "issue removed", before=_ask(issue))
                )


def _ask(issue: Dispute) -> str:
    """What an issue asks: its question, else its asking statement's id, else its id."""
    return issue.question or issue.statement or issue.id


def _word(value: bool | float | None) -> str | None:
    """A flag or a number as the format writes it (``true``, ``0.5``); None stays None."""
    if value is None:
        return None
    return str(value).lower() if isinstance(value, bool) else f"{value:g}"


def _argument_text(map: ArgumentMap, argument: Argument) -> str:
    """What an argument says, to match it by: its title, kind and premises' text."""
    premises = [map.statements[p].text for p in argument.premises if p in map.statements]
    return _squash(" ".join([argument.title or "", argument.kind, *premises]))


def _match(
    kind: Literal["statement", "argument"], old: dict[str, str], new: dict[str, str]
) -> dict[str, Match]:
    """Old id -> match: by id, then the rest by the likeness of their texts (``old``, ``new``)."""
    result = {oid: Match(kind, oid, oid, "id", 1.0) for oid in old if oid in new}
    old_left = [oid for oid in old if oid not in new]
    new_left = [nid for nid in new if nid not in old]
    pairs = sorted(
        (
            (_likeness(old[oid], new[nid]), i, j, oid, nid)
            for i, oid in enumerate(old_left)
            for j, nid in enumerate(new_left)
        ),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    taken: set[str] = set()
    for score, _, _, oid, nid in pairs:
        if score < THRESHOLD:
            break
        if oid in result or nid in taken:
            continue
        result[oid] = Match(kind, oid, nid, "text", round(score, 2))
        taken.add(nid)
    return result


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold(), autojunk=False).ratio()


def _squash(text: str) -> str:
    return " ".join(text.split())


def diff_view(
    old: ArgumentMap,
    new: ArgumentMap,
    options: ViewOptions | None = None,
    *,
    result: MapDiff | None = None,
    **keywords: Unpack[ViewKeywords],
) -> tuple[ArgumentMap, MapView]:
    """The new map drawn with what changed marked, and what was removed ghosted.

    Returns the map drawn (``new`` with the removed statements and arguments
    of ``old`` added) and its view, whose nodes carry ``argmap-added``,
    ``argmap-removed`` or ``argmap-changed`` and a mark saying so; the
    legend is always drawn.
    """
    result = result if result is not None else diff(old, new)
    merged = _with_ghosts(old, new, result)
    view = build_view(
        merged, view_options(options, keywords).replace(legend=True), relation_nodes=True
    )
    changes = _node_changes(result, merged)
    nodes = [
        node
        if node.id not in changes
        else attrs.evolve(
            node,
            classes=(*node.classes, f"argmap-{changes[node.id]}"),
            marks=(_CHANGE_MARKS[changes[node.id]], *node.marks),
        )
        for node in view.nodes
    ]
    edges = [
        attrs.evolve(edge, classes=(*edge.classes, "argmap-removed"))
        if "removed" in (changes.get(edge.source), changes.get(edge.target))
        else edge
        for edge in view.edges
    ]
    return merged, attrs.evolve(view, nodes=tuple(nodes), edges=tuple(edges))


def _node_changes(result: MapDiff, merged: ArgumentMap) -> dict[str, Change]:
    """Node id -> how it changed: added or removed as a whole, else changed."""
    changes: dict[str, Change] = {}
    for d in result.differences:
        if d.what == "title":
            continue
        if d.what == "issue":
            changes.setdefault(issue_node_id(d.id), d.change)
            continue
        if d.what in ("statement", "argument"):
            kind = d.what
        else:
            kind = "statement" if d.id in merged.statements else "argument"
        node = f"{kind}-{d.id}"
        if d.what == kind and d.change in ("added", "removed"):
            changes[node] = d.change
        else:
            changes.setdefault(node, "changed")
    return changes


_CHANGE_MARKS = {"added": "+ added", "removed": "- removed", "changed": "~ changed"}


def _with_ghosts(old: ArgumentMap, new: ArgumentMap, result: MapDiff) -> ArgumentMap:
    """``new`` with the statements and arguments ``old`` had and ``new`` lacks."""
    gone_statements = [
        s
        for sid, s in old.statements.items()
        if result.new_id("statement", sid) is None and sid not in new.arguments
    ]
    ghost_ids = {s.id for s in gone_statements}
    gone_arguments = []
    for aid, argument in old.arguments.items():
        if result.new_id("argument", aid) is not None or aid in new.statements:
            continue
        premises = [result.new_id("statement", p) or p for p in argument.premises]
        if argument.target in old.arguments:
            target = result.new_id("argument", argument.target) or argument.target
        else:
            target = result.new_id("statement", argument.target) or argument.target
        known = {*new.statements, *ghost_ids, *new.arguments, *old.arguments}
        if all(p in known for p in premises) and target in known:
            gone_arguments.append(attrs.evolve(argument, premises=premises, target=target))
    return attrs.evolve(
        new,
        statements=[*new.statements.values(), *gone_statements],
        arguments=[*new.arguments.values(), *gone_arguments],
        agents=[*new.agents.values(), *_missing(old.agents, new.agents)],
        sources=[*new.sources.values(), *_missing(old.sources, new.sources)],
        theses=new.theses,
    )


def _missing(old: Any, new: Any) -> Iterable[Any]:
    return [item for key, item in old.items() if key not in new]
