"""Choose part of a map to draw: a statement's neighbourhood, tags, speakers, folded branches.

Pure functions on the model. :func:`select_part` decides which statements and
arguments a diagram keeps and which branches it folds into one node;
:func:`select` gives the kept part as a smaller :class:`ArgumentMap`.

The rules, in the order they apply:

1. **Focus.** The depth of a statement or argument is the number of steps
   from the focus: a step goes from a statement to an argument that uses it
   as a premise, supports it or attacks it, or from an argument to one that
   undercuts it (or that it undercuts); an argument's premises and target are
   as deep as the argument. What lies at depth ``depth`` or less is kept.
2. **Filters.** With tags or speakers, a statement or argument *matches* when
   it carries one of the tags and (if speakers are given) one of the speakers
   holds it. Kept are the matching statements, the matching arguments, and
   the arguments that join matches: their target matches and so does one of
   their premises. The focus stays.
3. **Completion.** Every kept argument comes with all its premises and its
   target; an undercut comes with the argument it undercuts, completed alike.
4. **Collapse.** The branch below a statement is what argues for or against
   it, transitively: the arguments that support or attack it, their premises,
   what argues for or against those, and the undercuts of all these
   arguments. Folding it hides the part of the branch that nothing else kept
   reaches without passing through the folded statement; the map's main
   theses, and what they rest on, always stay.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypedDict

import attrs

from ._helpers import one_or_many, suggest
from .model import Argument, ArgumentMap, Statement

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["Fold", "Part", "most_connected", "select", "select_part"]

#: How many steps around the focus are kept when no depth is given.
DEFAULT_DEPTH = 2

# A node of the map's graph: ("s", statement id) or ("a", argument id); ids
# of statements and arguments may clash in an unchecked map.
_Node = tuple[str, str]


@attrs.frozen
class Fold:
    """A branch below a statement, drawn as one node.

    Attributes:
        statement: Id of the folded statement (drawn; the branch below it is not).
        statements: Ids of the statements hidden in the fold, in authored order.
        arguments: Ids of the arguments hidden in the fold, in authored order.
        feeders: Ids of drawn statements that are premises of hidden
            arguments: the diagram joins them to the fold.
    """

    statement: str
    statements: tuple[str, ...]
    arguments: tuple[str, ...]
    feeders: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """``+ 12 statements, 9 arguments folded``: what the fold's node says."""
        counts = [
            f"{len(ids)} {word}{'' if len(ids) == 1 else 's'}"
            for ids, word in ((self.statements, "statement"), (self.arguments, "argument"))
            if ids
        ]
        return f"+ {', '.join(counts)} folded"


@attrs.frozen
class Part:
    """What a diagram keeps of a map.

    Attributes:
        statements: Ids of the statements drawn, in authored order.
        arguments: Ids of the arguments drawn, in authored order.
        folds: The folded branches, in the order the statements to fold were given.
    """

    statements: tuple[str, ...]
    arguments: tuple[str, ...]
    folds: tuple[Fold, ...] = ()


def _names(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(dict.fromkeys(one_or_many(value)))


class Selection(TypedDict, total=False):
    """A part of a map to draw, as keywords: :func:`select`, :func:`select_part` and
    :func:`check_selection` take them."""

    focus: str | None
    depth: int | None
    collapse: str | Iterable[str]
    tags: str | Iterable[str]
    speakers: str | Iterable[str]


def check_selection(
    map: ArgumentMap,
    *,
    names: Mapping[str, str] | None = None,
    **selection: Unpack[Selection],
) -> None:
    """Raise ``ValueError`` unless every id and value of a selection fits ``map``.

    ``names`` says how messages name each parameter (the command line names
    ``focus`` ``--focus``); by default as the parameter: ``'focus'``.
    """
    focus, depth = selection.get("focus"), selection.get("depth")
    collapse, tags = selection.get("collapse", ()), selection.get("tags", ())
    speakers = selection.get("speakers", ())

    def name(param: str) -> str:
        return names[param] if names and param in names else f"'{param}'"

    def unknown(param: str, value: str, known: Iterable[str], which: str) -> ValueError:
        return ValueError(f"{name(param)} names {value!r}, which {which}{suggest(value, known)}")

    if depth is not None:
        if not isinstance(depth, int) or isinstance(depth, bool):
            raise TypeError(f"'depth' must be an int (got {depth!r})")
        if depth < 0:
            raise ValueError(f"{name('depth')} must be at least 0 (got {depth})")
    for param, ids in (("focus", _names(focus)), ("collapse", _names(collapse))):
        for sid in ids:
            if sid in map.statements:
                continue
            if sid in map.arguments:
                argument = map.arguments[sid]
                if argument.target in map.statements:
                    hint = f", such as its target {argument.target!r}"
                elif argument.premises:
                    hint = f", such as its premise {argument.premises[0]!r}"
                else:
                    hint = ""
                raise ValueError(
                    f"{name(param)} names {sid!r}, which is an argument; give a statement{hint}"
                )
            raise unknown(param, sid, map.statements, "is not a statement of the map")
    for param, values, known, which in (
        ("speakers", speakers, _agents(map), "is not an agent of the map"),
        ("tags", tags, _tags(map), "no statement or argument of the map carries"),
    ):
        for value in _names(values):
            if value not in known:
                raise unknown(param, value, known, which)


def _agents(map: ArgumentMap) -> dict[str, None]:
    """The map's agents, and the ids named in a ``by`` without a definition."""
    agents = dict.fromkeys(map.agents)
    for item in _items(map):
        agents.update(dict.fromkeys(item.by))
    return agents


def _items(map: ArgumentMap) -> list[Statement | Argument]:
    return [*map.statements.values(), *map.arguments.values()]


def _tags(map: ArgumentMap) -> dict[str, None]:
    tags: dict[str, None] = {}
    for item in _items(map):
        tags.update(dict.fromkeys(item.tags))
    return tags


def select_part(
    map: ArgumentMap,
    *,
    focus: str | None = None,
    depth: int | None = None,
    collapse: str | Iterable[str] = (),
    tags: str | Iterable[str] = (),
    speakers: str | Iterable[str] = (),
) -> Part:
    """Decide which statements and arguments of ``map`` a diagram keeps and folds.

    See the module's docstring for the rules; :func:`select` has the arguments.

    Raises:
        ValueError: As :func:`select`.
    """
    # Iterables are read once: a generator would be empty the second time.
    collapse, tags, speakers = _names(collapse), _names(tags), _names(speakers)
    check_selection(map, focus=focus, depth=depth, collapse=collapse, tags=tags, speakers=speakers)
    if depth is not None and focus is None:
        raise ValueError("'depth' works with 'focus'; give the statement to focus on")
    graph = _Graph(map)
    kept: set[_Node] = {("s", sid) for sid in map.statements}
    kept |= {("a", aid) for aid in map.arguments}
    if focus is not None:
        kept = graph.around(("s", focus), DEFAULT_DEPTH if depth is None else depth)
    tag_set, speaker_set = frozenset(_names(tags)), frozenset(_names(speakers))
    if tag_set or speaker_set:
        kept = graph.matching(kept, tag_set, speaker_set)
        if focus is not None:
            kept.add(("s", focus))
    kept = graph.completed(kept)
    folds: list[Fold] = []
    to_fold = [sid for sid in _names(collapse) if ("s", sid) in kept]
    if to_fold:
        hidden, folds = graph.folded(kept, to_fold)
        kept -= hidden
    return Part(
        statements=tuple(sid for sid in map.statements if ("s", sid) in kept),
        arguments=tuple(aid for aid in map.arguments if ("a", aid) in kept),
        folds=tuple(folds),
    )


def select(map: ArgumentMap, **selection: Unpack[Selection]) -> ArgumentMap:
    """The part of ``map`` around a statement, with given tags or speakers, or without branches.

    The part keeps the map's title, sources, agents, schemes and languages;
    its groups keep the members that are kept (an empty group is dropped),
    and its ``theses`` are the map's main theses that are kept (when none
    is, the part's own main theses count, as for any map that declares none).

    Args:
        map: The argument map.
        focus: Keep only the neighbourhood of this statement.
        depth: With ``focus``: how many steps around it (default 2; 0 keeps
            the statement alone). A step goes through one argument, or from
            an argument to one that undercuts it.
        collapse: Leave out the branch below these statements: what argues
            for or against them, transitively, unless something else kept
            reaches it.
        tags: Keep what carries one of these tags, and what is needed to
            draw it: the arguments that join matching statements (their
            target and one of their premises match), and the premises and
            target of each argument kept.
        speakers: Keep what these agents hold or argue (ids of agents), as
            for ``tags``; with both, what matches both.

    Returns:
        A smaller map. An argument kept always has all its premises and its
        target.

    Raises:
        ValueError: If ``focus`` or ``collapse`` names no statement of the map,
            ``speakers`` no agent, ``tags`` a tag nothing carries (each with a
            suggestion), or ``depth`` is negative or given without ``focus``.
        TypeError: If ``depth`` is not an ``int``.
    """
    part = select_part(map, **selection)
    members = set(part.statements) | set(part.arguments)
    groups = []
    for group in map.groups.values():
        kept = tuple(m for m in group.members if m in members)
        if kept:
            groups.append(attrs.evolve(group, members=kept))
    statements = set(part.statements)
    return attrs.evolve(
        map,
        statements=[map.statements[sid] for sid in part.statements],
        arguments=[map.arguments[aid] for aid in part.arguments],
        groups=groups,
        theses=tuple(sid for sid in map.main_theses if sid in statements),
    )


def most_connected(map: ArgumentMap, count: int = 5) -> tuple[tuple[str, int], ...]:
    """The statements most arguments touch, with how many: good candidates to focus on.

    An argument touches a statement it uses as a premise, supports or
    attacks. Ties keep the authored order; statements no argument touches
    are not listed.
    """
    touching: dict[str, set[str]] = {sid: set() for sid in map.statements}
    for argument in map.arguments.values():
        for sid in (*argument.premises, argument.target):
            if sid in touching:
                touching[sid].add(argument.id)
    ranked = sorted(
        ((sid, len(ids)) for sid, ids in touching.items() if ids), key=lambda item: -item[1]
    )
    return tuple(ranked[:count])


class _Graph:
    """The map as a graph of statements and arguments, for walking."""

    def __init__(self, map: ArgumentMap) -> None:
        self.map = map
        self.premises: dict[_Node, tuple[_Node, ...]] = {}
        # An argument's target: a statement, or an argument it undercuts, supports or attacks.
        self.target: dict[_Node, _Node] = {}
        # Relations between arguments (undercuts, supports, attacks), both ways.
        self.undercut_links: dict[_Node, list[_Node]] = {}
        self.touching: dict[_Node, list[_Node]] = {}  # statement -> its arguments
        # Below: statement -> arguments for and against it; argument -> its
        # premises and its undercutters.
        self.below: dict[_Node, list[_Node]] = {}
        for argument in map.arguments.values():
            node = ("a", argument.id)
            premises = tuple(
                ("s", p) for p in dict.fromkeys(argument.premises) if p in map.statements
            )
            self.premises[node] = premises
            if argument.kind == "undercut" or (
                argument.target in map.arguments and argument.target not in map.statements
            ):  # an undercut, or a support or attack of the argument as a whole
                if argument.target in map.arguments:
                    self.target[node] = ("a", argument.target)
                    self.undercut_links.setdefault(node, []).append(self.target[node])
                    self.undercut_links.setdefault(self.target[node], []).append(node)
            elif argument.target in map.statements:
                self.target[node] = ("s", argument.target)
            for statement in self.joins(node):
                self.touching.setdefault(statement, []).append(node)
            self.below.setdefault(node, []).extend(premises)
            if node in self.target:
                self.below.setdefault(self.target[node], []).append(node)

    def joins(self, argument: _Node) -> tuple[_Node, ...]:
        """The statements ``argument`` joins: its premises and its target statement."""
        target = self.target.get(argument)
        premises = self.premises.get(argument, ())
        return (*premises, target) if target is not None and target[0] == "s" else premises

    def around(self, focus: _Node, depth: int) -> set[_Node]:
        """The statements and arguments at most ``depth`` steps from ``focus``."""
        # Breadth-first with steps of 0 (argument to its statements) and 1
        # (statement to argument, argument to argument): a deque, 0-steps first.
        best: dict[_Node, int] = {focus: 0}
        queue: deque[tuple[int, _Node]] = deque([(0, focus)])
        while queue:
            distance, node = queue.popleft()
            if distance > best.get(node, distance):
                continue
            if node[0] == "s":
                steps = [(1, a) for a in self.touching.get(node, ())]
            else:
                steps = [(0, s) for s in self.joins(node)]
                steps += [(1, a) for a in self.undercut_links.get(node, ())]
            for cost, other in steps:
                reach = distance + cost
                if reach <= depth and reach < best.get(other, depth + 1):
                    best[other] = reach
                    if cost:
                        queue.append((reach, other))
                    else:
                        queue.appendleft((reach, other))
        return set(best)

    def matching(
        self, nodes: set[_Node], tags: frozenset[str], speakers: frozenset[str]
    ) -> set[_Node]:
        """What of ``nodes`` matches, and the arguments that join matching statements."""
        matches = set()
        for node in nodes:
            item = self.map.statements[node[1]] if node[0] == "s" else self.map.arguments[node[1]]
            if (not tags or tags.intersection(item.tags)) and (
                not speakers or speakers.intersection(item.by)
            ):
                matches.add(node)
        kept = set(matches)
        for node in nodes:
            joins_matches = (
                node[0] == "a"
                and self.target.get(node) in matches
                and any(p in matches for p in self.premises[node])
            )
            if joins_matches:
                kept.add(node)
        return kept

    def completed(self, nodes: set[_Node]) -> set[_Node]:
        """``nodes`` with every argument's premises and target, undercut targets completed too."""
        result = set(nodes)
        todo = [n for n in nodes if n[0] == "a"]
        while todo:
            argument = todo.pop()
            result.update(self.joins(argument))
            target = self.target.get(argument)
            if target is not None and target[0] == "a" and target not in result:
                result.add(target)
                todo.append(target)
        return result

    def folded(self, kept: set[_Node], to_fold: list[str]) -> tuple[set[_Node], list[Fold]]:
        """What folding the branches below ``to_fold`` hides, and one fold per branch."""
        folding = [("s", sid) for sid in to_fold]
        stops = set(folding)

        def down(start: Iterable[_Node], blocked: set[_Node], within: set[_Node]) -> set[_Node]:
            seen: set[_Node] = set()
            stack = [n for n in start if n in within]
            while stack:
                node = stack.pop()
                if node in seen:
                    continue
                seen.add(node)
                if node not in blocked:
                    stack.extend(n for n in self.below.get(node, ()) if n in within)
            return seen

        branches: set[_Node] = set()
        for statement in folding:
            below = self.below.get(statement, ())
            branches |= down(below, set(), kept) - {statement}
        # What the rest of the part reaches without passing a statement to
        # fold; the main theses stand on their own, so they and what they
        # rest on stay.
        theses = {("s", sid) for sid in self.map.main_theses} & kept
        others = (kept - branches) | theses
        reached = down(others, stops, kept) | others
        hidden = branches - reached
        folds = []
        for statement in folding:
            if statement not in reached:
                continue  # hidden in another fold
            mine = down(self.below.get(statement, ()), set(), hidden)
            if not mine:
                continue
            feeders: dict[str, None] = {}
            for node in mine:
                if node[0] == "a":
                    feeders.update(
                        (s[1], None)
                        for s in self.premises[node]
                        if s not in hidden and s != statement
                    )
            folds.append(
                Fold(
                    statement=statement[1],
                    statements=tuple(s for s in self.map.statements if ("s", s) in mine),
                    arguments=tuple(a for a in self.map.arguments if ("a", a) in mine),
                    feeders=tuple(s for s in self.map.statements if s in feeders),
                )
            )
        return hidden, folds
