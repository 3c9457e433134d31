"""Graph algorithms shared by the checks and the evaluation."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

_N = TypeVar("_N", bound=Hashable)


def strongly_connected(
    nodes: Iterable[_N], successors: Callable[[_N], Sequence[_N]]
) -> list[list[_N]]:
    """The strongly connected components of a directed graph (Tarjan's algorithm).

    Iterative, so long chains cannot exhaust the stack. Components come in
    the order Tarjan finishes them, each after every component it has edges
    into; members of a component in the order they were first reached.

    Args:
        nodes: Every node, in the order to start searches from.
        successors: The nodes a node has edges to; asked once per node.
    """
    index: dict[_N, int] = {}
    low: dict[_N, int] = {}
    stack: list[_N] = []
    on_stack: set[_N] = set()
    components: list[list[_N]] = []
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[_N, Sequence[_N], int]] = []
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work.append((root, successors(root), 0))
        while work:
            node, next_nodes, position = work.pop()
            if position < len(next_nodes):
                work.append((node, next_nodes, position + 1))
                successor = next_nodes[position]
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, successors(successor), 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component[::-1])
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def has_cycle(successors: Mapping[_N, Sequence[_N]]) -> bool:
    """Whether a directed graph has a cycle (a self-loop counts).

    Removes nodes without incoming edges until none is left (Kahn's
    algorithm): linear, and quicker than ordering components when all that
    matters is whether there are any. ``successors`` gives each node's
    edges; nodes without outgoing edges may be left out.
    """
    incoming: dict[_N, int] = dict.fromkeys(successors, 0)
    for targets in successors.values():
        for target in targets:
            incoming[target] = incoming.get(target, 0) + 1
    ready = [node for node, count in incoming.items() if count == 0]
    removed = 0
    while ready:
        node = ready.pop()
        removed += 1
        for target in successors.get(node, ()):
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    return removed < len(incoming)
