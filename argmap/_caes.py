"""Carneades' weighing (Carneades 4's CAES): labels from argument weights and proof standards.

The labelling follows Carneades 4's argument evaluation structure (Gordon
and Walton; ``GroundedLabelling`` of its ``caes`` package), on argmap's
model (docs/evaluation.md says it in full):

* a statement an evaluation takes as given (``status: assumed``, or a
  statement no argument supports under argmap's defaults, unless it is a
  position of an issue) is ``in`` from the start; any other statement no
  argument supports is ``out``;
* an argument is *applicable* when none of its premises is ``undecided``
  and it is not undercut; its weight is then what its weighing gives
  (:data:`argmap.model.Weighing`), times its ``weight``; an argument that
  is not applicable weighs nothing;
* a statement that is no position of an issue and that nothing attacks is
  ``in`` when an argument for it weighs more than 0, ``out`` when every
  argument for it is applicable and weighs 0;
* the positions of an issue are decided together, once every argument for
  (or against) one of them is applicable or undercut: the position whose
  strongest argument outweighs every other position's strongest argument
  under the issue's proof standard is ``in``, every other position ``out``
  (a tie leaves them all ``out``). A statement that arguments attack and
  that no issue names is decided the same way, the attacks weighed as the
  arguments of its negation;
* an argument that undercuts another, or attacks it as a whole, stands for
  a statement "the argument does not apply": the undercut argument weighs
  nothing once that is ``in``. Backing an argument as a whole has no
  counterpart in Carneades and changes no label.

What is left is ``undecided``: cycles that nothing grounds. The labelling
is a fixpoint reached in one pass over a work list, so its cost grows with
the size of the map, not with its cycles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

from .model import ArgumentMap, Standard, Weighing

CaesLabel = Literal["in", "out", "undecided"]

#: The tag of arguments that restate an issue's exclusion (the Carneades
#: reader's ``A.contra.P``): the issue weighs the positions against each
#: other already, so they are not weighed again.
RESTATED = "carneades-contra"

_UNDEC, _IN, _OUT = 0, 1, 2
_NAMES: dict[int, CaesLabel] = {_UNDEC: "undecided", _IN: "in", _OUT: "out"}

#: The thresholds of Carneades' proof standards: the winner's margin over
#: the best alternative (CCE, BRD) and the most the alternative may weigh (BRD).
ALPHA = 0.5
BETA = 0.3


def greater(standard: Standard, w1: float, w2: float) -> bool:
    """Whether weight ``w1`` beats ``w2`` under a proof standard (Carneades 4's ``greater``)."""
    if standard == "pe":
        return w1 > w2
    if standard == "cce":
        return w1 > w2 and w1 - w2 > ALPHA
    return w1 > w2 and w1 - w2 > ALPHA and w2 < BETA


@attrs.define
class _Arg:
    id: str
    premises: tuple[int, ...]
    conclusion: int
    con: bool  # an argument against its conclusion (an argmap attack)
    weight: float
    weighing: Weighing
    undercutter: int | None = None
    virtual: bool = False
    restated: bool = False  # labelled, but not weighed in its target's issue


@attrs.define
class _Issue:
    positions: tuple[int, ...]
    standard: Standard


@attrs.frozen
class CaesResult:
    """What the labelling found: each statement's and argument's label, each argument's weight."""

    statements: dict[str, CaesLabel]
    arguments: dict[str, CaesLabel]
    weights: dict[str, float]


class _Graph:
    """A map as CAES sees it: statements, pro and con arguments, issues, by number."""

    def __init__(
        self, map: ArgumentMap, assumed: Iterable[str], rejected: Iterable[str] = ()
    ) -> None:
        self.names: list[str] = list(map.statements)
        self.index = {sid: i for i, sid in enumerate(self.names)}
        self.real = len(self.names)
        self.args: list[_Arg] = []
        by_id: dict[str, _Arg] = {}
        arguments_on_arguments = []
        for argument in map.arguments.values():
            if argument.target not in self.index:  # an argument's target is an argument
                arguments_on_arguments.append(argument)
                continue
            arg = _Arg(
                argument.id,
                tuple(self.index[p] for p in argument.premises),
                self.index[argument.target],
                argument.kind == "attack",
                1.0 if argument.weight is None else argument.weight,
                argument.weighing,
                restated=RESTATED in argument.tags,
            )
            self.args.append(arg)
            by_id[argument.id] = arg
        for argument in arguments_on_arguments:
            if argument.target not in by_id:
                continue
            target = by_id[argument.target]
            if argument.kind == "support":
                # Backing an argument has no counterpart in Carneades: the
                # backing argument is weighed, and its weight goes nowhere.
                conclusion = self._virtual(f"backing:{target.id}")
            else:  # an undercut, or an attack on the argument as a whole
                if target.undercutter is None:
                    target.undercutter = self._virtual(f"undercut:{target.id}")
                conclusion = target.undercutter
            self.args.append(
                _Arg(
                    argument.id,
                    tuple(self.index[p] for p in argument.premises),
                    conclusion,
                    False,
                    1.0 if argument.weight is None else argument.weight,
                    argument.weighing,
                    virtual=True,
                )
            )
        size = len(self.names)
        self.pro: list[list[_Arg]] = [[] for _ in range(size)]
        self.con: list[list[_Arg]] = [[] for _ in range(size)]
        self.used_by: list[list[_Arg]] = [[] for _ in range(size)]
        self.undercuts: list[list[_Arg]] = [[] for _ in range(size)]
        for arg in self.args:
            if not arg.restated:
                (self.con if arg.con else self.pro)[arg.conclusion].append(arg)
            for p in dict.fromkeys(arg.premises):
                self.used_by[p].append(arg)
            if arg.undercutter is not None:
                self.undercuts[arg.undercutter].append(arg)
        self.issue: list[_Issue | None] = [None] * size
        for dispute in map.issues.values():
            issue = _Issue(
                tuple(dict.fromkeys(self.index[p] for p in dispute.positions)),
                dispute.proof_standard,
            )
            for p in issue.positions:
                self.issue[p] = issue
        for s in range(size):
            if self.con[s] and self.issue[s] is None:
                self.issue[s] = _Issue((s,), "pe")
        self.premise_count: dict[int, int] = {}
        assumed_ids = {self.index[s] for s in assumed}
        self.fixed = {self.index[s]: _OUT for s in rejected}
        self.fixed.update(dict.fromkeys(assumed_ids, _IN))

    def _virtual(self, name: str) -> int:
        self.names.append(name)
        return len(self.names) - 1

    # -- weighing -------------------------------------------------------------

    def undercut(self, arg: _Arg, labels: list[int]) -> int:
        return _OUT if arg.undercutter is None else labels[arg.undercutter]

    def applicable(self, arg: _Arg, labels: list[int]) -> bool:
        """Whether ``arg`` can be weighed: undercut, or not undercut with no premise undecided."""
        undercut = self.undercut(arg, labels)
        if undercut != _OUT:
            return undercut == _IN
        return all(labels[p] != _UNDEC for p in arg.premises)

    def weight(self, arg: _Arg, labels: list[int]) -> float:
        if self.undercut(arg, labels) == _IN or not self.applicable(arg, labels):
            return 0.0
        premises = [labels[p] for p in arg.premises]
        if arg.weighing == "linked":
            share = 1.0 if all(label == _IN for label in premises) else 0.0
        elif arg.weighing == "convergent":
            share = 1.0 if any(label == _IN for label in premises) else 0.0
        elif arg.weighing == "cumulative":
            share = premises.count(_IN) / len(premises) if premises else 1.0
        elif arg.weighing == "factorized":
            share = 0.0 if _OUT in premises else premises.count(_IN) / self._factors(arg)
        else:  # constant
            share = 1.0
        return arg.weight * share

    def _factors(self, arg: _Arg) -> int:
        """How many distinct premises the arguments about ``arg``'s issue have, together."""
        issue = self.issue[arg.conclusion]
        positions = issue.positions if issue is not None else (arg.conclusion,)
        key = positions[0]
        if key not in self.premise_count:
            premises = {
                p for s in positions for a in (*self.pro[s], *self.con[s]) for p in a.premises
            }
            self.premise_count[key] = max(len(premises), 1)
        return self.premise_count[key]

    # -- the labelling --------------------------------------------------------

    def label(self) -> list[int]:
        labels = [_UNDEC] * len(self.names)
        for s, label in self.fixed.items():
            labels[s] = label
        for s in range(len(self.names)):
            issue = self.issue[s]
            if issue is not None and any(labels[p] == _IN for p in issue.positions):
                for p in issue.positions:
                    if labels[p] == _UNDEC:
                        labels[p] = _OUT
        queue = [s for s in range(len(self.names)) if labels[s] == _UNDEC]
        queued = set(queue)
        while queue:
            s = queue.pop()
            queued.discard(s)
            if labels[s] != _UNDEC:
                continue
            changed = self._decide(s, labels)
            for t in changed:
                for arg in (*self.used_by[t], *self.undercuts[t]):
                    for u in self._decided_with(arg.conclusion):
                        if labels[u] == _UNDEC and u not in queued:
                            queue.append(u)
                            queued.add(u)
        return labels

    def _decided_with(self, s: int) -> tuple[int, ...]:
        issue = self.issue[s]
        return issue.positions if issue is not None else (s,)

    def _decide(self, s: int, labels: list[int]) -> tuple[int, ...]:
        """Label ``s`` (and the other positions of its issue) if the labels so far decide it."""
        pro = self.pro[s]
        if all(self.applicable(a, labels) and self.weight(a, labels) <= 0 for a in pro):
            labels[s] = _OUT  # unsupported: no argument for it, or none that weighs
            return (s,)
        issue = self.issue[s]
        if issue is None:
            if any(self.weight(a, labels) > 0 for a in pro):
                labels[s] = _IN
                return (s,)
            return ()
        arguments = [a for p in issue.positions for a in (*self.pro[p], *self.con[p])]
        if not all(self.applicable(a, labels) for a in arguments):
            return ()
        best = {
            p: max((self.weight(a, labels) for a in self.pro[p]), default=0.0)
            for p in issue.positions
        }
        against = {
            p: max((self.weight(a, labels) for a in self.con[p]), default=None)
            for p in issue.positions
        }
        winner = None
        for p in issue.positions:
            if best[p] == 0.0:
                continue
            rivals = [best[q] for q in issue.positions if q != p]
            if against[p] is not None:
                rivals.append(against[p])  # type: ignore[arg-type]
            if all(greater(issue.standard, best[p], w) for w in rivals):
                winner = p
                break
        changed = []
        for p in issue.positions:
            label = _IN if p == winner else _OUT
            if p not in self.fixed and labels[p] != label:
                changed.append(p)
                labels[p] = label
        return tuple(changed)


def caes_labels(
    map: ArgumentMap, assumed: Iterable[str], rejected: Iterable[str] = ()
) -> CaesResult:
    """Label ``map`` as Carneades' CAES does: ``assumed`` statements in, ``rejected`` out."""
    graph = _Graph(map, assumed, rejected)
    labels = graph.label()
    statements = {sid: _NAMES[labels[i]] for i, sid in enumerate(graph.names[: graph.real])}
    arguments: dict[str, CaesLabel] = {}
    weights: dict[str, float] = {}
    for arg in graph.args:
        weight = graph.weight(arg, labels)
        weights[arg.id] = weight
        if weight > 0:
            arguments[arg.id] = "in"
        elif graph.undercut(arg, labels) == _IN or graph.applicable(arg, labels):
            arguments[arg.id] = "out"
        else:
            arguments[arg.id] = "undecided"
    ordered = {aid: arguments[aid] for aid in map.arguments if aid in arguments}
    return CaesResult(statements, ordered, {aid: weights[aid] for aid in ordered})
