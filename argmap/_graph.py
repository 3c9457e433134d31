"""Graph algorithms shared by the checks and the evaluation."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
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
