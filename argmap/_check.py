"""Whole-map rules: dangling ids, circular support, unverified quotes, ...

:func:`check` returns every problem as an :class:`~argmap.errors.Issue`; it
raises nothing for a bad map. Quotes are verified against the source files
named in the map, resolved relative to the map's folder.
"""

from __future__ import annotations

import os
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ._fileio import read_text, resolved
from ._graph import has_cycle, strongly_connected
from ._helpers import gc_paused, suggest
from ._limits import SOURCE_BYTES
from ._locate import locate
from .errors import DocPath, Issue, Severity, SourceFileError
from .model import Agent, Argument, ArgumentMap, Citation, Statement

__all__ = ["check"]

WARNING = Severity.WARNING


def check(
    map: ArgumentMap,
    *,
    verify_quotes: bool = True,
    base_dir: str | os.PathLike[str] | None = None,
    allow_outside: bool = False,
) -> tuple[Issue, ...]:
    """Check a whole map and return its issues, errors and warnings, in document order.

    Args:
        map: The map to check.
        verify_quotes: Verify that each quote occurs in its source's text file.
        base_dir: Folder that source files are relative to; defaults to the
            folder of the file the map was loaded from, else the current one.
        allow_outside: Read source files outside ``base_dir`` too. By default
            a map from elsewhere cannot make argmap read, say, ``/etc/passwd``
            (``source-outside``).

    Returns:
        The issues found; an empty tuple when the map is clean. Issues carry
        file, line and column when the map was loaded from a file.
    """
    with gc_paused():
        issues = list(_rules(map))
        if map.origin is not None:
            issues += map.origin.issues  # found while reading the text
        if verify_quotes:
            issues += _QuoteChecker(map, base_dir, allow_outside).run()
        return locate(map, issues)


def errors(map: ArgumentMap) -> tuple[Issue, ...]:
    """The errors of every rule but quote verification, located: what makes a map invalid.

    What loading a map refuses it for; the rules that find only warnings and
    notes are left for :func:`check`, and warnings and notes are left
    unlocated (finding their line and column can cost more than the rules
    themselves).
    """
    with gc_paused():
        found = [i for i in _rules(map, errors_only=True) if i.severity is Severity.ERROR]
        return locate(map, found) if found else ()


class _LastRules:
    """The map whose rules ran last, and what each rule found.

    Loading a map applies the rules that can find errors, to refuse an invalid
    one; checking it next reuses what they found and applies the rest. One
    attribute, replaced whole, so threads never see a map with another map's issues.
    """

    entry: tuple[weakref.ref[ArgumentMap], dict[Callable[..., Any], tuple[Issue, ...]]] | None = (
        None
    )


def _rule_list(map: ArgumentMap) -> list[tuple[Callable[[ArgumentMap], Iterable[Issue]], bool]]:
    """The rules in the order their issues are given, each with whether it can find an error."""
    rules: list[tuple[Callable[[ArgumentMap], Iterable[Issue]], bool]] = [
        (_references, True),
        (_arguments, True),
        (_disputes, True),
        (_circular_support, False),
        (_circular_backing, False),
        (_grounding, True),
        (_unused, False),
        (_unsafe_urls, True),
        (_missing_translations, False),
    ]
    if map.schemes or any(
        a.scheme is not None or a.roles or a.answers is not None for a in map.arguments.values()
    ):  # the scheme rules find nothing in a map without schemes: not even imported then
        from .schemes import open_question_notes, scheme_issues

        rules += [(scheme_issues, True), (open_question_notes, False)]
    return rules


def _rules(map: ArgumentMap, *, errors_only: bool = False) -> tuple[Issue, ...]:
    """The issues of every rule but quote verification (or of those that can find an
    error), unlocated.

    Maps are immutable, so what each rule found in the map checked last is kept
    and given again when the same map (the same object) is checked again.
    """
    last = _LastRules.entry
    found = last[1] if last is not None and last[0]() is map else {}
    issues: list[Issue] = []
    for rule, can_find_errors in _rule_list(map):
        if errors_only and not can_find_errors:
            continue
        if rule not in found:
            found[rule] = tuple(rule(map))
        issues += found[rule]
    _LastRules.entry = (weakref.ref(map), found)
    return tuple(issues)


def _kind(map: ArgumentMap, ref: str) -> str | None:
    if ref in map.statements:
        return "statement"
    if ref in map.arguments:
        return "argument"
    return None


def _unknown_statement(map: ArgumentMap, ref: str, role: str, path: DocPath) -> Issue:
    if ref in map.arguments:
        fix = "it is an argument: name the statement meant (an argument's conclusion, say)"
    else:
        fix = f"define it under 'statements' or fix the id{suggest(ref, map.statements)}"
    return Issue(
        "unknown-statement", f"{role} {ref!r}, which is not a defined statement; {fix}", path=path
    )


def _references(map: ArgumentMap) -> Iterator[Issue]:
    statements = map.statements.by_id
    arguments = map.arguments.by_id
    for index, thesis in enumerate(map.theses):
        if thesis not in statements:
            yield _unknown_statement(map, thesis, "'theses' lists", ("theses", index))
    for sid, statement in statements.items():
        if sid in arguments:
            yield Issue(
                "duplicate-id",
                f"{sid!r} names both a statement and an argument; rename one of them",
                path=("arguments", sid),
            )
        if statement.by:
            yield from _agents(map, statement.by, ("statements", sid), f"statement {sid!r}")
        if statement.quotes:
            yield from _sources(map, statement.quotes, ("statements", sid), f"statement {sid!r}")
    grouped: dict[str, str] = {}
    for gid, group in map.groups.items():
        for index, member in enumerate(group.members):
            if member not in grouped and (member in statements or member in arguments):
                grouped[member] = gid  # the common case, decided quickly
                continue
            path: DocPath = ("groups", gid, "members", index)
            if member not in statements and member not in arguments:
                known = [*map.statements, *map.arguments]
                yield Issue(
                    "unknown-member",
                    f"group {gid!r} lists {member!r}, which is neither a statement nor an "
                    f"argument; fix the id{suggest(member, known)} or remove it",
                    path=path,
                )
            else:  # in a group already
                yield Issue(
                    "group-overlap",
                    f"{member!r} is in group {grouped[member]!r} already; a diagram draws it "
                    "in the first group only: keep it in one group",
                    WARNING,
                    path=path,
                )
    verbs = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}
    defined = statements.keys()
    for aid, argument in arguments.items():
        kind = argument.kind
        target = argument.target
        if (
            defined >= set(argument.premises)
            and (
                target in arguments
                if kind == "undercut"
                else target in statements or target in arguments
            )
            and not argument.by
            and not argument.quotes
        ):
            continue  # nothing to report: the common case, decided quickly
        base: DocPath = ("arguments", aid)
        what = f"argument {aid!r}"
        for index, premise in enumerate(argument.premises):
            if premise not in statements:
                path = (*base, "premises", index)
                yield _unknown_statement(map, premise, f"{what} lists premise", path)
        verb = verbs[kind]
        if argument.kind == "undercut":
            if argument.target not in map.arguments:
                if argument.target in map.statements:
                    fix = "it is a statement: to attack a statement use 'attacks'"
                else:
                    hint = suggest(argument.target, map.arguments)
                    fix = f"define it under 'arguments' or fix the id{hint}"
                yield Issue(
                    "unknown-argument",
                    f"{what} undercuts {argument.target!r}, which is not a defined argument; {fix}",
                    path=(*base, verb),
                )
        elif argument.target not in map.statements and argument.target not in map.arguments:
            # Most targets are statements: suggest one of them first.
            target = argument.target
            hint = suggest(target, map.statements) or suggest(target, map.arguments)
            yield Issue(
                "unknown-statement",
                f"{what} {verb} {argument.target!r}, which is neither a defined statement nor "
                f"a defined argument; define it under 'statements' or fix the id{hint}",
                path=(*base, verb),
            )
        yield from _agents(map, argument.by, base, what)
        yield from _sources(map, argument.quotes, base, what)


def _disputes(map: ArgumentMap) -> Iterator[Issue]:
    """The rules of ``issues``: known statements, two positions or more, each in one issue."""
    taken: dict[str, str] = {}
    for iid, dispute in map.issues.items():
        base: DocPath = ("issues", iid)
        what = f"issue {iid!r}"
        if dispute.statement is not None and dispute.statement not in map.statements:
            yield _unknown_statement(
                map, dispute.statement, f"{what} is asked by", (*base, "statement")
            )
        if len(set(dispute.positions)) < 2:
            yield Issue(
                "too-few-positions",
                f"{what} has {len(set(dispute.positions))} position(s); an issue needs two "
                "or more statements that exclude each other: add the other answer "
                "(e.g. the statement's negation) to 'positions'",
                path=(*base, "positions"),
            )
        for index, position in enumerate(dispute.positions):
            path: DocPath = (*base, "positions", index)
            if position not in map.statements:
                yield _unknown_statement(map, position, f"{what} lists position", path)
            elif position in taken and taken[position] != iid:
                yield Issue(
                    "position-in-two-issues",
                    f"{what} lists position {position!r}, which is a position of issue "
                    f"{taken[position]!r} already; a statement answers one issue: "
                    "merge the two issues or remove it from one",
                    path=path,
                )
            else:
                taken.setdefault(position, iid)


def dangling_references(map: ArgumentMap) -> tuple[Issue, ...]:
    """The premises, targets and group members that name nothing the map defines, located."""
    codes = ("unknown-statement", "unknown-argument", "unknown-member")
    return locate(map, [i for i in _references(map) if i.code in codes])


#: The sections where each kind of unknown reference might find the id it names.
_REFERENCED = {
    "unknown-statement": ("statements", "arguments"),
    "unknown-argument": ("arguments", "statements"),
    "unknown-member": ("statements", "arguments"),
    "unknown-agent": ("agents",),
    "unknown-source": ("sources",),
}
_TARGETS = ("supports", "attacks", "undercuts")


def refers_to_invalid(map: ArgumentMap, issue: Issue, invalid: Mapping[str, set[str]]) -> bool:
    """Whether ``issue`` is an unknown reference to an entry that is there, only invalid.

    The entry's own problem is reported where it is written; an error at
    each reference to it would be one mistake reported many times.
    """
    sections = _REFERENCED.get(issue.code)
    if not sections or not invalid:
        return False
    ref = _referenced(map, issue.path)
    return ref is not None and any(ref in invalid.get(section, ()) for section in sections)


def _referenced(map: ArgumentMap, path: DocPath) -> str | None:
    """The id written at ``path`` of a map's document: a premise, a target, an agent, ..."""
    try:
        if path[0] == "theses":
            return map.theses[int(path[1])]
        value: Any = getattr(map, str(path[0]))[path[1]]
        for step in path[2:]:
            if step in _TARGETS:
                value = value.target
            elif isinstance(step, int):
                value = value[step]
            else:
                value = getattr(value, step)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return None
    return value if isinstance(value, str) else None


def _agents(map: ArgumentMap, by: tuple[str, ...], base: DocPath, what: str) -> Iterator[Issue]:
    for index, agent in enumerate(by):
        if agent not in map.agents:
            yield Issue(
                "unknown-agent",
                f"{what} is held by {agent!r}, which is not a defined agent; define it under "
                f"'agents' or fix the id{suggest(agent, map.agents)}",
                path=(*base, "by", index),
            )


def _sources(
    map: ArgumentMap, quotes: tuple[Citation, ...], base: DocPath, what: str
) -> Iterator[Issue]:
    for index, citation in enumerate(quotes):
        if citation.source not in map.sources:
            yield Issue(
                "unknown-source",
                f"{what} quotes {citation.source!r}, which is not a defined source; define it "
                f"under 'sources' or fix the id{suggest(citation.source, map.sources)}",
                path=(*base, "quotes", index, "source"),
            )


def _arguments(map: ArgumentMap) -> Iterator[Issue]:
    for aid, argument in map.arguments.items():
        premises = argument.premises
        if (
            premises
            and len(set(premises)) == len(premises)
            and (argument.target not in premises if argument.kind != "undercut" else True)
            and argument.target != aid
        ):
            continue  # nothing to report: the common case, decided quickly
        base: DocPath = ("arguments", aid)
        what = f"argument {aid!r}"
        if not argument.premises:
            yield Issue(
                "no-premises",
                f"{what} has no premises; list the statements it argues from under 'premises'",
                path=(*base, "premises"),
            )
        seen: set[str] = set()
        for index, premise in enumerate(argument.premises):
            if premise in seen:
                yield Issue(
                    "duplicate-premise",
                    f"{what} lists premise {premise!r} twice; remove the repetition",
                    path=(*base, "premises", index),
                )
            seen.add(premise)
        if argument.kind == "undercut" and argument.target == aid:
            yield Issue(
                "self-undercut",
                f"{what} undercuts itself; an argument cannot attack its own inference",
                path=(*base, "undercuts"),
            )
        elif argument.target == aid:
            verb = "supports" if argument.kind == "support" else "attacks"
            yield Issue(
                "self-target",
                f"{what} {verb} itself; an argument cannot be a reason for or against itself",
                path=(*base, verb),
            )
        elif argument.kind != "undercut" and argument.target in argument.premises:
            verb = "supports" if argument.kind == "support" else "attacks"
            yield Issue(
                "self-target",
                f"{what} {verb} {argument.target!r}, which is also one of its premises; "
                "a statement cannot be a reason for or against itself",
                path=(*base, verb),
            )


def _grounding(map: ArgumentMap) -> Iterator[Issue]:
    """What the text says and what the map adds: implicit parts, relays, questions.

    An implicit statement or argument is the map author's own: it quotes
    nothing and has no speaker. A stated argument in a map whose sources can
    be checked should quote the passage that draws its link. A question the
    text leaves open is argued about, not argued from.
    """
    statements = map.statements.by_id
    questions: set[str] = set()
    for sid, statement in statements.items():
        if statement.implicit or statement.via is not None:
            yield from _implicit_or_relayed(
                map, statement, ("statements", sid), f"statement {sid!r}"
            )
        if statement.mode == "question":
            questions.add(sid)
    checkable = any(source.file is not None for source in map.sources.values())
    for aid, argument in map.arguments.items():
        relayed = argument.implicit or argument.via is not None
        if not (relayed or questions or (checkable and not argument.quotes)):
            continue  # nothing to look into: the common case, decided quickly
        base: DocPath = ("arguments", aid)
        what = f"argument {aid!r}"
        if relayed:
            yield from _implicit_or_relayed(map, argument, base, what)
        elif checkable and not argument.quotes and _defined_here(map, base):
            yield Issue(
                "unquoted-argument",
                f"{what} is stated but quotes no passage of its own; quote the passage that "
                "draws the link from its premises (under 'quote'), or mark it 'implicit: true' "
                "if the link is the map's own reading",
                WARNING,
                path=(*base, "<key>"),
            )
        for index, premise in enumerate(argument.premises if questions else ()):
            if premise in questions:
                yield Issue(
                    "question-premise",
                    f"{what} argues from {premise!r}, which the text asks and does not answer "
                    "(mode: question); argue for or against the question instead, or add the "
                    "answer the argument assumes as a statement of its own",
                    WARNING,
                    path=(*base, "premises", index),
                )


def _implicit_or_relayed(
    map: ArgumentMap, entity: Statement | Argument, base: DocPath, what: str
) -> Iterator[Issue]:
    if entity.implicit and entity.quotes:
        key = "quote" if len(entity.quotes) == 1 else "quotes"
        yield Issue(
            "implicit-quoted",
            f"{what} is implicit (the map adds it), yet it quotes the source; a quote shows "
            f"the text says it: remove 'implicit' or remove the {key}",
            path=(*base, "implicit"),
        )
    speakers = [*entity.by, *([entity.via] if entity.via is not None else [])]
    if entity.implicit and speakers:
        yield Issue(
            "implicit-speaker",
            f"{what} is implicit (the map adds it), yet it is credited to "
            f"{', '.join(repr(speaker) for speaker in speakers)}; the text does not say it, "
            "so nobody in it said it: remove 'by' and 'via' (say whose reading it is in "
            "'note'), or quote the passage and remove 'implicit'",
            path=(*base, "implicit"),
        )
    if entity.via is None:
        return
    if entity.via not in map.agents:
        yield Issue(
            "unknown-agent",
            f"{what} is relayed via {entity.via!r}, which is not a defined agent; define it "
            f"under 'agents' or fix the id{suggest(entity.via, map.agents)}",
            path=(*base, "via"),
        )
    if not entity.by and not entity.implicit:
        yield Issue(
            "via-without-by",
            f"{what} is relayed via {entity.via!r} but names nobody in 'by'; 'via' is who "
            "reports what the speakers in 'by' say: name them, or make the relay the speaker "
            "('by') and drop 'via'",
            WARNING,
            path=(*base, "via"),
        )


def _circular_support(map: ArgumentMap) -> Iterator[Issue]:
    """Cycles of support among statements (strongly connected components)."""
    edges: dict[str, list[tuple[str, Argument]]] = {}
    known = map.statements.by_id
    for argument in map.arguments.values():
        target = argument.target
        if argument.kind != "support" or target not in known:
            continue
        for premise in argument.premises:
            if premise != target and premise in known:
                if premise in edges:
                    edges[premise].append((target, argument))
                else:
                    edges[premise] = [(target, argument)]
    if _no_circle(edges) or not has_cycle(
        {node: [target for target, _ in out] for node, out in edges.items()}
    ):
        return  # the usual case: no circle at all, found without ordering components
    for component in strongly_connected(
        map.statements, lambda node: [target for target, _ in edges.get(node, [])]
    ):
        if len(component) < 2:
            continue
        members = set(component)
        cycle = _cycle_through(component[0], members, edges)
        statements = " -> ".join(repr(sid) for sid, _ in cycle) + f" -> {cycle[0][0]!r}"
        arguments = ", ".join(repr(arg.id) for _, arg in cycle)
        first = min((arg for _, arg in cycle), key=lambda a: list(map.arguments).index(a.id))
        yield Issue(
            "circular-support",
            f"statements support themselves in a circle: {statements} (through arguments "
            f"{arguments}); none of them holds through this circle alone, so evaluation "
            "leaves them undecided unless something outside the circle decides them; if "
            "the circle is not what the text argues, remove or redirect one of these arguments",
            WARNING,
            path=("arguments", first.id),
        )


def _circular_backing(map: ArgumentMap) -> Iterator[Issue]:
    """Cycles of arguments that back each other (``supports`` naming an argument)."""
    arguments = map.arguments.by_id
    backs: dict[str, list[tuple[str, Argument]]] = {}
    for aid, argument in arguments.items():
        if argument.kind == "support" and argument.target in arguments:
            backs.setdefault(aid, []).append((argument.target, argument))
    if _no_circle(backs) or not has_cycle({aid: [t for t, _ in out] for aid, out in backs.items()}):
        return
    order = list(arguments)
    for component in strongly_connected(arguments, lambda a: [t for t, _ in backs.get(a, [])]):
        if len(component) < 2:
            continue
        first = min(component, key=order.index)
        cycle = _cycle_through(first, set(component), backs)
        circle = " -> ".join(repr(aid) for aid, _ in cycle) + f" -> {first!r}"
        yield Issue(
            "circular-support",
            f"arguments back themselves in a circle: {circle}; backing never makes an "
            "argument hold, so the circle does not change the evaluation, but it backs "
            "nothing either; if the circle is not what the text argues, remove or redirect "
            "one of these 'supports'",
            WARNING,
            path=("arguments", first, "supports"),
        )


def _no_circle(edges: dict[str, list[tuple[str, Argument]]]) -> bool:
    """True when no node both has an edge and is the end of one, which every node of a
    circle is: a quick answer for most maps (a support of what supports nothing)."""
    return not edges or {target for out in edges.values() for target, _ in out}.isdisjoint(edges)


def _cycle_through(
    start: str, members: set[str], edges: dict[str, list[tuple[str, Argument]]]
) -> list[tuple[str, Argument]]:
    """One cycle from ``start`` back to itself inside a component (breadth-first)."""
    previous: dict[str, tuple[str, Argument]] = {}
    queue = deque([start])
    while queue and start not in previous:
        node = queue.popleft()
        for successor, argument in edges.get(node, []):
            if successor in members and successor not in previous:
                previous[successor] = (node, argument)
                queue.append(successor)
    cycle: list[tuple[str, Argument]] = []
    node = start
    while True:
        parent, argument = previous[node]
        cycle.append((parent, argument))
        node = parent
        if node == start:
            break
    return cycle[::-1]


def _missing_translations(map: ArgumentMap) -> Iterator[Issue]:
    """Text or titles without a translation into one of the map's other languages."""
    if not map.other_langs:
        return
    items: list[tuple[DocPath, str, Statement | Argument | Agent | ArgumentMap]] = [
        ((), "the map", map)
    ]
    items += [(("statements", sid), f"statement {sid!r}", s) for sid, s in map.statements.items()]
    items += [(("arguments", aid), f"argument {aid!r}", a) for aid, a in map.arguments.items()]
    items += [(("agents", aid), f"agent {aid!r}", a) for aid, a in map.agents.items()]
    example = ", ".join(f'{lang}: "..."' for lang in map.langs)
    for path, what, item in items:
        for field in ("text", "title"):
            key = "description" if item is map and field == "text" else field
            if isinstance(item, Agent):
                if field == "text":
                    continue
                key = "name"
            missing = [lang for lang in map.other_langs if map.localized(item, field, lang)[1]]
            if missing:
                yield Issue(
                    "missing-translation",
                    f"'{key}' of {what} has no {' or '.join(repr(x) for x in missing)} "
                    f"version; give it by language: {{{example}}}",
                    WARNING,
                    path=(*path, key),
                )


_SAFE_SCHEMES = ("http", "https", "mailto")


def _unsafe_urls(map: ArgumentMap) -> Iterator[Issue]:
    """Links that a rendered map could turn into script or local file access."""
    for section, entities in (("sources", map.sources), ("agents", map.agents)):
        for eid, entity in entities.items():
            url = entity.url
            if url is None:
                continue
            scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
            relative = ":" not in url.split("/", 1)[0].split("#", 1)[0].split("?", 1)[0]
            if (scheme in _SAFE_SCHEMES and url == url.strip()) or (
                relative and url.strip() == url
            ):
                continue
            yield Issue(
                "unsafe-url",
                f"the url of {section[:-1]} {eid!r} is {url!r}; argmap links only to http, "
                "https and mailto addresses and to relative paths: fix or remove it",
                path=(section, eid, "url"),
            )


def _defined_here(map: ArgumentMap, path: DocPath) -> bool:
    """Whether an entity comes from the map's own file rather than an included one.

    Included files are libraries (shared sources and agents, say): a map that
    uses part of one is fine.
    """
    if map.origin is None:
        return True
    position = map.origin.positions.get(path)
    return position is None or position[0] == map.origin.file


def _unused(map: ArgumentMap) -> Iterator[Issue]:
    # A statement is connected when an argument uses or targets it, or an issue names it.
    connected = {sid for i in map.issues.values() for sid in (*i.positions, i.statement)}
    for argument in map.arguments.values():
        connected.update(argument.premises)
        connected.add(argument.target)
    for sid in map.statements:
        if sid not in connected:
            yield Issue(
                "unconnected-statement",
                f"statement {sid!r} is neither a premise nor the target of any argument; "
                "connect it with an argument or remove it",
                WARNING,
                path=("statements", sid, "<key>"),
            )
    entities: list[Statement | Argument] = [*map.statements.values(), *map.arguments.values()]
    used_agents = {agent for entity in entities for agent in entity.by}
    used_agents.update(entity.via for entity in entities if entity.via is not None)
    for agent_id in map.agents:
        if agent_id not in used_agents and _defined_here(map, ("agents", agent_id)):
            yield Issue(
                "unused-agent",
                f"agent {agent_id!r} holds no statement or argument; "
                "name it in a 'by' or remove it",
                WARNING,
                path=("agents", agent_id, "<key>"),
            )
    used_sources = {citation.source for entity in entities for citation in entity.quotes}
    for source_id in map.sources:
        if source_id not in used_sources and _defined_here(map, ("sources", source_id)):
            yield Issue(
                "unused-source",
                f"source {source_id!r} is quoted nowhere; cite it in a 'quote' or remove it",
                WARNING,
                path=("sources", source_id, "<key>"),
            )


class _QuoteChecker:
    """Verifies quotes, reading and normalising each source file once."""

    def __init__(
        self, map: ArgumentMap, base_dir: str | os.PathLike[str] | None, allow_outside: bool
    ) -> None:
        self.map = map
        self.allow_outside = allow_outside
        if base_dir is None and map.origin is not None:
            base_dir = Path(map.origin.file).parent
        self.base = Path(base_dir) if base_dir is not None else Path()
        self.texts: dict[str, str | None] = {}
        self.issues: list[Issue] = []

    def run(self) -> list[Issue]:
        m = self.map
        for section, entities in (("statements", m.statements), ("arguments", m.arguments)):
            for eid, entity in entities.items():
                for index, citation in enumerate(entity.quotes):
                    self.verify(
                        citation, (section, eid, "quotes", index), f"{section[:-1]} {eid!r}"
                    )
        return self.issues

    def source_text(self, source_id: str) -> str | None:
        if source_id in self.texts:
            return self.texts[source_id]
        source = self.map.sources[source_id]
        text: str | None = None
        if source.file is None:
            self.issues.append(
                Issue(
                    "unverified-quote",
                    f"source {source_id!r} has no 'file', so its quotes cannot be verified; "
                    "add a plain-text copy of the source and name it in 'file'",
                    WARNING,
                    path=("sources", source_id, "<key>"),
                )
            )
        elif "\0" in source.file:
            self.issues.append(
                Issue(
                    "bad-file-name",
                    f"source {source_id!r} names {source.file!r}, which holds a NUL character, "
                    "so its quotes cannot be verified; remove it",
                    path=("sources", source_id, "file"),
                )
            )
        elif not self.allow_outside and not resolved(self.base / source.file).is_relative_to(
            resolved(self.base)
        ):
            self.issues.append(
                Issue(
                    "source-outside",
                    f"source {source_id!r} names {source.file!r}, outside the map's folder, so "
                    "its quotes are not verified; copy the text into the map's folder, or allow "
                    "it with --allow-outside (allow_outside=True) if you trust the map",
                    path=("sources", source_id, "file"),
                )
            )
        else:
            path = self.base / source.file
            from ._quotes import normalise

            try:
                text = normalise(read_text(path, what="source file", limit=SOURCE_BYTES))
            except SourceFileError as exc:
                problem = f"{exc.issue.location}: {exc.issue.message}"
                self.issues.append(
                    Issue(
                        "source-file-missing",
                        f"cannot verify quotes of source {source_id!r}: {problem}",
                        path=("sources", source_id, "file"),
                    )
                )
        self.texts[source_id] = text
        return text

    def verify(self, citation: Citation, path: DocPath, what: str) -> None:
        if citation.source not in self.map.sources:
            return  # reported as unknown-source
        text = self.source_text(citation.source)
        from ._quotes import closest_passage, contains, marked_difference

        if text is None or contains(text, citation.text):
            return
        passage = closest_passage(text, citation.text)
        marked = marked_difference(citation.text, passage)
        differ = (
            f'; the quote against it, [-quote only-] {{+source only+}}: "{marked}"'
            if marked
            else ""
        )
        self.issues.append(
            Issue(
                "quote-not-found",
                f"the quote of {what} does not occur in source {citation.source!r}; closest "
                f'passage: "{passage}"{differ}; copy the passage exactly as it stands in the '
                "source",
                path=(*path, "text"),
            )
        )
