"""Groups in rows: which groups of a diagram share a row, and their order along it.

Left to itself, Graphviz's ``dot`` sets every group of a map side by side, and
a map of six lines of reasoning comes out six groups wide and one high. When
the groups side by side would not fit :data:`SCREEN`, they are put in rows
along the flow of the diagram (rows stacked in a bottom-to-top map, columns
in a left-to-right one), chosen to fit it best.

The choice reads the structure of the map only (which nodes a group holds,
of which kind, and how they are joined), never the text, so a map is
arranged the same way in each of its languages, evaluated or not. Where an
argument runs from one group to another, the first group's row comes first
in the flow (below, in a bottom-to-top map); groups that reach each other
both ways share a row. Within a row, groups joined across rows stand alike
far along their rows, so that the edges between rows run short; among
equals, the groups keep their authored order.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence

__all__ = ["SCREEN", "Rows", "arrange"]

#: The largest diagram, in points across and along the flow (width and
#: height of a vertical diagram), that a 1920x1080 screen shows whole with
#: body text (12 pt) about 9 px high: 3200x1800 px at 96 dpi, zoomed to 0.6.
SCREEN = (2400.0, 1350.0)

#: Rows: for each row, first in the flow first, the indices of its groups
#: in their order along the row.
Rows = tuple[tuple[int, ...], ...]

#: Gaps, in points, between neighbouring nodes, ranks, groups and rows, and
#: the frame and title a group adds around its nodes (about what ``dot``
#: draws with argmap's attributes).
NODE_GAP = 15.0
RANK_GAP = 25.0
GROUP_GAP = 16.0
ROW_GAP = 50.0
FRAME = 8.0
FRAME_TITLE = 22.0
#: Up to this many units (groups that must share a row count as one), every
#: way of putting them in rows is tried; beyond, rows filled in order.
EXHAUSTIVE_UNITS = 8
#: Up to this many ways of ordering the groups along their rows, each is
#: tried; beyond, the groups keep their authored order.
EXHAUSTIVE_ORDERS = 5040


def arrange(
    groups: Sequence[Sequence[str]],
    edges: Iterable[tuple[str, str]],
    sizes: Mapping[str, tuple[float, float]],
    screen: tuple[float, float] = SCREEN,
) -> Rows:
    """The rows of the groups, or ``()`` when they fit ``screen`` side by side.

    Args:
        groups: The members (node ids) of each group, in authored order; a
            node is in one group at most.
        edges: Each edge as ``(source, target)``, ``target`` further along
            the flow (above ``source`` in a bottom-to-top diagram). Edges may
            touch nodes in no group.
        sizes: For each grouped node, its estimated extent in points across
            the flow and along it (width and height in a vertical diagram).
        screen: The extent to fit, across and along the flow.

    Returns:
        For each row, first in the flow first, its groups (indices into
        ``groups``) in their order along it; ``()`` for one row.
    """
    if len(groups) < 2:
        return ()
    successors: dict[str, list[str]] = {}
    for source, target in edges:
        successors.setdefault(source, []).append(target)
    reaches = _reached_groups(groups, successors)
    boxes = [_group_box(members, successors, sizes) for members in groups]
    units, before = _units(reaches)
    unit_boxes = [_row_box([boxes[g] for g in unit]) for unit in units]
    unit_rows = _split(unit_boxes, before, screen)
    if max(unit_rows) == 0:
        return ()
    lines: list[list[int]] = [[] for _ in range(max(unit_rows) + 1)]
    for unit, row in zip(units, unit_rows, strict=True):
        lines[row].extend(unit)
    return _order([sorted(line) for line in lines], reaches, boxes)


def _reached_groups(
    groups: Sequence[Sequence[str]], successors: Mapping[str, list[str]]
) -> list[set[int]]:
    """For each group, the other groups an edge leads to, directly or through nodes in none."""
    group_of = {node: g for g, members in enumerate(groups) for node in members}
    result = []
    for g, members in enumerate(groups):
        reached: set[int] = set()
        seen: set[str] = set(members)
        stack = [t for m in members for t in successors.get(m, ())]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            other = group_of.get(node)
            if other is None:
                stack.extend(successors.get(node, ()))
            elif other != g:
                reached.add(other)
        result.append(reached)
    return result


def _units(reaches: Sequence[set[int]]) -> tuple[list[list[int]], list[set[int]]]:
    """The groups gathered into units that must share a row, in an order of the flow.

    A unit is a set of groups that reach each other. Each unit comes after
    every unit that reaches it, and otherwise in authored order. Also, for
    each unit, the positions of the units that reach it.
    """
    closure = [set(r) for r in reaches]
    changed = True
    while changed:  # few groups: the transitive closure by repeated joins is cheap
        changed = False
        for g, reached in enumerate(closure):
            extra = set().union(*(closure[t] for t in reached)) - reached
            if extra:
                closure[g] = reached | extra
                changed = True
    component = [min([g, *(t for t in closure[g] if g in closure[t])]) for g in range(len(reaches))]
    members: dict[int, list[int]] = {}
    for g, c in enumerate(component):
        members.setdefault(c, []).append(g)
    after: dict[int, set[int]] = {c: set() for c in members}
    for g, targets in enumerate(reaches):
        after[component[g]].update(component[t] for t in targets if component[t] != component[g])
    waiting = {c: sum(c in targets for targets in after.values()) for c in members}
    ready = [c for c in members if waiting[c] == 0]  # a component's id is its first group
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        c = heapq.heappop(ready)
        order.append(c)
        for d in after[c]:
            waiting[d] -= 1
            if waiting[d] == 0:
                heapq.heappush(ready, d)
    position = {c: i for i, c in enumerate(order)}
    before: list[set[int]] = [set() for _ in order]
    for c, targets in after.items():
        for d in targets:
            before[position[d]].add(position[c])
    return [members[c] for c in order], before


def _group_box(
    members: Sequence[str],
    successors: Mapping[str, list[str]],
    sizes: Mapping[str, tuple[float, float]],
) -> tuple[float, float]:
    """Estimated extent of one group, across and along the flow: its ranks, plus its frame.

    Each node's rank is its longest path from the group's sources; a rank
    is as wide as its nodes side by side and as deep as its deepest.
    """
    inside = set(members)
    rank = dict.fromkeys(members, 0)
    incoming = dict.fromkeys(members, 0)
    for m in members:
        for t in successors.get(m, ()):
            if t in inside:
                incoming[t] += 1
    ready = [m for m in members if incoming[m] == 0]
    while ready:  # nodes on a cycle keep rank 0: this is an estimate
        node = ready.pop()
        for t in successors.get(node, ()):
            if t in inside:
                rank[t] = max(rank[t], rank[node] + 1)
                incoming[t] -= 1
                if incoming[t] == 0:
                    ready.append(t)
    across: dict[int, float] = {}
    along: dict[int, float] = {}
    for m in members:
        width, height = sizes[m]
        r = rank[m]
        across[r] = across[r] + NODE_GAP + width if r in across else width
        along[r] = max(along.get(r, 0.0), height)
    return (
        max(across.values()) + 2 * FRAME,
        sum(along.values()) + RANK_GAP * (len(along) - 1) + 2 * FRAME + FRAME_TITLE,
    )


def _row_box(boxes: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Extent of groups side by side."""
    return sum(b[0] for b in boxes) + GROUP_GAP * (len(boxes) - 1), max(b[1] for b in boxes)


def _split(
    boxes: Sequence[tuple[float, float]],
    before: Sequence[set[int]],
    screen: tuple[float, float],
) -> list[int]:
    """The row of each unit: the arrangement that best fits ``screen``.

    Of those that fit, the one with the fewest rows, then the one that fits
    with the most room; of those that do not, the one that needs the least
    zoom to fit; then the one that keeps most units in their order.
    """
    n = len(boxes)
    candidates: Iterable[list[int]]
    if n <= EXHAUSTIVE_UNITS:
        candidates = _assignments(before)
    else:
        total = _row_box(boxes)[0]
        candidates = (_fill(boxes, total / k) for k in range(1, n + 1))
    best: tuple[float, int, float, list[int]] | None = None
    for rows in candidates:
        misfit = round(_misfit(boxes, before, rows, screen), 6)
        key = (max(misfit, 1.0), max(rows), misfit, rows)
        if best is None or key < best:
            best = key
    assert best is not None
    return best[3]


def _assignments(before: Sequence[set[int]]) -> Iterator[list[int]]:
    """Each way of putting units in rows 0, 1, ..., none empty, none before a unit reaching it."""
    n = len(before)

    def extend(rows: list[int]) -> Iterator[list[int]]:
        i = len(rows)
        if i == n:
            if set(rows) == set(range(max(rows) + 1)):
                yield list(rows)
            return
        lowest = max((rows[j] for j in before[i]), default=0)
        for row in range(lowest, (max(rows) + 2) if rows else 1):
            rows.append(row)
            yield from extend(rows)
            rows.pop()

    return extend([])


def _fill(boxes: Sequence[tuple[float, float]], limit: float) -> list[int]:
    """Rows filled in order, each as wide as ``limit`` allows (one unit at least)."""
    rows, row, width = [], 0, 0.0
    for across, _ in boxes:
        wider = width + (GROUP_GAP if width else 0.0) + across
        if width and wider > limit + 1e-9:
            row, wider = row + 1, across
        rows.append(row)
        width = wider
    return rows


def _misfit(
    boxes: Sequence[tuple[float, float]],
    before: Sequence[set[int]],
    rows: Sequence[int],
    screen: tuple[float, float],
) -> float:
    """The zoom out the arrangement needs to fit ``screen``: 1 when it fits just so.

    A unit reached by a unit of its own row is drawn further along the flow
    than that one: the row grows by both.
    """
    across: dict[int, float] = {}
    along: dict[int, float] = {}
    ends: list[float] = []  # how far along its row each unit ends
    for i, ((width, depth), row) in enumerate(zip(boxes, rows, strict=True)):
        start = max((ends[j] + RANK_GAP for j in before[i] if rows[j] == row), default=0.0)
        ends.append(start + depth)
        across[row] = across[row] + GROUP_GAP + width if row in across else width
        along[row] = max(along.get(row, 0.0), ends[i])
    total_across = max(across.values())
    total_along = sum(along.values()) + ROW_GAP * (len(along) - 1)
    return max(total_across / screen[0], total_along / screen[1])


def _order(
    lines: Sequence[Sequence[int]],
    reaches: Sequence[set[int]],
    boxes: Sequence[tuple[float, float]],
) -> Rows:
    """Each row's groups in the order that keeps the edges between rows short.

    A group's place is the middle of its box along the row, from 0 to 1;
    the chosen order has the places of groups joined across rows differ
    least in sum, and among equals the fewest groups out of authored order.
    """
    row_of = {g: r for r, line in enumerate(lines) for g in line}
    joined = sorted({(g, t) for g, targets in enumerate(reaches) for t in targets})
    joined = [(g, t) for g, t in joined if row_of[g] != row_of[t]]
    count = 1
    for line in lines:
        for k in range(2, len(line) + 1):
            count *= k
    choices: Iterable[tuple[tuple[int, ...], ...]]
    if joined and count <= EXHAUSTIVE_ORDERS:
        choices = itertools.product(*(itertools.permutations(line) for line in lines))
    else:
        choices = [tuple(tuple(line) for line in lines)]
    best: tuple[float, int, tuple[tuple[int, ...], ...]] | None = None
    for choice in choices:
        place: dict[int, float] = {}
        for line in choice:
            total, start = _row_box([boxes[g] for g in line])[0], 0.0
            for g in line:
                place[g] = (start + boxes[g][0] / 2) / total
                start += boxes[g][0] + GROUP_GAP
        cost = round(sum(abs(place[a] - place[b]) for a, b in joined), 6)
        moved = sum(1 for line in choice for a, b in itertools.combinations(line, 2) if a > b)
        key = (cost, moved, choice)
        if best is None or key < best:
            best = key
    assert best is not None
    return best[2]
