"""Why a statement or argument has its label: its reasons, and the premises that would change it.

:func:`explain` evaluates a map as :func:`argmap.evaluate` does and explains
one label (docs/evaluation.md, "Explanations"):

* the *reasons*: a tree from the statement or argument down to the
  premises the map takes as given, assumed, questioned, asks or supposes:
  for a statement, the arguments for and against it; for an argument, its
  premises and what attacks it (undercutters, attacks on it as a whole,
  the arguments on the other side of its conclusion). Under Dung's
  semantics the tree keeps what decides the label: for ``in``, the
  arguments and premises that carry it and every attacker (each ``out``,
  with why); for ``out``, the attackers that are ``in``, or else what
  fails to carry it. Under Carneades' weighing it keeps every argument,
  with its weight, and the issue and proof standard of a statement.
* the *smallest sets of premises* (statements that no argument supports,
  among those the label depends on) whose rejection (for an ``in`` label)
  or acceptance (for ``out`` and ``undecided``) changes the label. The
  search tries every set of one premise, then of two, and so on, and stops
  at the first size that changes the label: the sets found are then all
  the smallest ones. It stops, saying it is not exhaustive, after
  ``max_checks`` sets (2,000 by default) or, under complete, preferred and
  stable semantics, after :data:`SEARCH_STEPS` steps of the searches for
  labellings in all.

Under grounded, complete and preferred semantics (and Carneades') a label
depends only on what attacks it, directly or not; each set is tried on
that part of the framework only. Stable semantics has no such locality (a
conflict anywhere may leave no stable extension at all): there every
premise of the map is a candidate, and each set is tried on the whole
framework.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, get_args

import attrs

from ._helpers import one_or_many, suggest
from ._limits import Budget
from ._names import SEMANTICS
from .analyse import (
    _IN,
    _OUT,
    ACCEPTANCES,
    Acceptance,
    Evaluation,
    Label,
    Semantics,
    _caes_result,
    _one_of,
    _prepare,
    _rivals,
    _Solver,
    evaluate,
    what_if_ids,
)
from .errors import LimitError
from .model import ArgumentMap, Standard

#: What a reason is to the statement or argument above it: ``explained``
#: (the top of the tree); below a statement, an argument for it
#: (``support``), against it (``attack``) or for another position of its
#: issue (``rival``); below an argument, one of its premises (``premise``),
#: an argument undercutting it (``undercut``), attacking it as a whole
#: (``attack``), backing it as a whole (``backing``), or on the other side
#: of its conclusion (``rebuttal``).
ReasonRole = Literal[
    "explained", "support", "attack", "rival", "premise", "undercut", "backing", "rebuttal"
]
REASON_ROLES: tuple[ReasonRole, ...] = get_args(ReasonRole)

#: Why a statement stands where it does before any argument: ``argued``
#: (it needs an argument for it that is ``in``), ``given`` (no argument
#: supports it, so it holds unless attacked), ``assumed`` or ``questioned``
#: (its ``status``), ``question`` or ``hypothetical`` (its ``mode``: it
#: needs an argument for it), ``accepted`` or ``rejected`` (a what-if).
Basis = Literal[
    "argued", "given", "assumed", "questioned", "question", "hypothetical", "accepted", "rejected"
]

#: How many sets of premises :func:`explain` tries, unless told otherwise.
MAX_CHECKS = 2_000

#: The most steps (choices tried, labellings combined) the search for sets of
#: premises takes in all under complete, preferred and stable semantics,
#: unless ``max_steps`` is smaller; grounded semantics and Carneades' need none.
SEARCH_STEPS = 100_000

#: How deep the tree of reasons goes; below it, a reason says ``more``.
MAX_DEPTH = 60

_PRO: frozenset[str] = frozenset({"support", "premise", "backing"})


@attrs.frozen
class Reason:
    """One statement or argument in the tree of reasons, with the reasons for its own label.

    Attributes:
        id: The statement's or argument's id.
        kind: ``"statement"`` or ``"argument"``.
        label: Its label.
        role: What it is to the reason above it (see :data:`ReasonRole`).
        basis: For a statement, why it stands where it does before any
            argument (see :data:`Basis`); ``None`` for an argument.
        issue: Under Carneades' weighing, the issue a statement is a
            position of, if any.
        standard: Under Carneades' weighing, the proof standard that
            decided a statement that is a position or is attacked.
        weight: Under Carneades' weighing, an argument's weight.
        repeated: Whether it is explained further up the tree already:
            it then has no reasons of its own here.
        more: Whether the tree stops at it (:data:`MAX_DEPTH`) although it
            has reasons.
        reasons: The reasons for its label, each a :class:`Reason`.
    """

    id: str
    kind: Literal["statement", "argument"]
    label: Label
    role: ReasonRole
    basis: Basis | None = None
    issue: str | None = None
    standard: Standard | None = None
    weight: float | None = None
    repeated: bool = False
    more: bool = False
    reasons: tuple[Reason, ...] = ()

    def walk(self, depth: int = 0) -> Iterator[tuple[int, Reason]]:
        """This reason and every reason below it, depth first, with its depth."""
        stack: list[tuple[int, Reason]] = [(depth, self)]
        while stack:
            level, reason = stack.pop()
            yield level, reason
            stack.extend((level + 1, child) for child in reversed(reason.reasons))

    def as_dict(self, depth: int | None = None) -> dict[str, Any]:
        """The reason as plain data (see :meth:`Explanation.as_dict`).

        Args:
            depth: How many levels of reasons below this one to keep;
                ``None`` for all.
        """
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "role": self.role,
        }
        for key in ("basis", "issue", "standard", "weight"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.repeated:
            data["repeated"] = True
        if self.more or (depth == 0 and self.reasons):
            data["more"] = True
        if depth != 0:
            below = None if depth is None else depth - 1
            data["reasons"] = [child.as_dict(below) for child in self.reasons]
        return data


@attrs.frozen
class Explanation:
    """Why a statement or argument has its label, as :func:`explain` returns it.

    Attributes:
        id: The statement or argument explained.
        kind: ``"statement"`` or ``"argument"``.
        label: Its label.
        evaluation: The evaluation of the whole map the label comes from.
        reason: The tree of reasons, :attr:`id` at its top.
        change: ``"reject"`` when :attr:`sets` are premises to reject (the
            label is ``in``), ``"accept"`` when premises to accept.
        candidates: The premises the search tried sets of: statements no
            argument supports among those the label depends on (under stable
            semantics, all of them), in authored
            order, without the statement explained and those already
            accepted or rejected.
        sets: The smallest sets of candidates whose rejection (or
            acceptance) changes the label, each in authored order.
        size: The size of the sets in :attr:`sets`; when none was found,
            the largest size tried in full.
        exhaustive: Whether the search tried every set it had to: false
            when it stopped at ``max_checks``.
        checks: How many sets the search tried.
    """

    id: str
    kind: Literal["statement", "argument"]
    label: Label
    evaluation: Evaluation
    reason: Reason
    change: Literal["reject", "accept"]
    candidates: tuple[str, ...]
    sets: tuple[tuple[str, ...], ...]
    size: int
    exhaustive: bool
    checks: int

    def as_dict(self, depth: int | None = None) -> dict[str, Any]:
        """The explanation as plain data, as ``argmap explain --format json`` prints it.

        ``{"id", "kind", "label", "semantics", "acceptance", "stated_only",
        "accept", "reject", "reasons", "change"}``, in this order.
        ``reasons`` is the tree: ``{"id", "kind", "label", "role",
        "basis"?, "issue"?, "standard"?, "weight"?, "repeated"?, "more"?,
        "reasons": [...]}``, a key with a ``?`` only where it applies.
        ``change`` is ``{"by": "reject" | "accept", "sets": [[id, ...],
        ...], "size", "exhaustive", "checks", "candidates": [id, ...]}``.

        Args:
            depth: How many levels of reasons to keep below the top;
                ``None`` for all. A reason with more below it says
                ``"more": true``.
        """
        evaluation = self.evaluation
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "semantics": evaluation.semantics,
            "acceptance": evaluation.acceptance,
            "stated_only": evaluation.stated_only,
            "accept": list(evaluation.accept),
            "reject": list(evaluation.reject),
            "reasons": self.reason.as_dict(depth),
            "change": {
                "by": self.change,
                "sets": [list(s) for s in self.sets],
                "size": self.size,
                "exhaustive": self.exhaustive,
                "checks": self.checks,
                "candidates": list(self.candidates),
            },
        }


def explain(
    map: ArgumentMap,
    id: str,
    semantics: Semantics = "grounded",
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    acceptance: Acceptance = "sceptical",
    stated_only: bool = False,
    max_steps: int | None = None,
    max_checks: int | None = None,
) -> Explanation:
    """Why the statement or argument ``id`` of ``map`` has its label.

    The map is evaluated as :func:`argmap.evaluate` evaluates it, with the
    same arguments; the explanation gives the reasons for the label of
    ``id`` as a tree, down to the premises the map takes as given, and the
    smallest sets of premises whose rejection (when ``id`` is ``in``) or
    acceptance (when ``out`` or ``undecided``) would change that label.
    docs/evaluation.md ("Explanations") says what each part means.

    Args:
        map: The map; it must be sound (see :func:`argmap.evaluate`).
        id: A statement or argument of the map (with ``stated_only``, a
            stated one).
        semantics: As for :func:`argmap.evaluate`, ``"carneades"`` too.
        accept: Ids of statements to take as accepted.
        reject: Ids of statements to take as rejected.
        acceptance: ``"sceptical"`` or ``"credulous"``.
        stated_only: Explain the label of what the text says alone.
        max_steps: The most steps each search for labellings may take, as
            for :func:`argmap.evaluate`.
        max_checks: The most sets of premises to try; ``None`` for
            :data:`MAX_CHECKS` (2,000). Beyond it, or beyond
            :data:`SEARCH_STEPS` steps of the searches for labellings in
            all (or ``max_steps``, if fewer), the search stops and
            :attr:`Explanation.exhaustive` is false.

    Returns:
        The explanation.

    Raises:
        ValueError: If ``id`` is not a statement or argument of the map
            (with a suggestion), ``max_checks`` is not above 0, or an
            argument is as :func:`argmap.evaluate` refuses it.
        MapError: If the map is not sound.
        LimitError: If a search for labellings takes more than ``max_steps``.

    Example:
        >>> from argmap import Argument, ArgumentMap, Statement
        >>> m = ArgumentMap(
        ...     "Rain",
        ...     statements=[Statement("clouds", "Dark clouds."), Statement("rain", "Rain.")],
        ...     arguments=[Argument("sky", ["clouds"], "support", "rain")],
        ... )
        >>> why = explain(m, "rain")
        >>> why.label, why.change, why.sets
        ('in', 'reject', (('clouds',),))
    """
    _one_of("semantics", semantics, SEMANTICS)
    _one_of("acceptance", acceptance, ACCEPTANCES)
    if max_checks is not None and max_checks <= 0:
        raise ValueError(f"'max_checks' must be more than 0 (got {max_checks})")
    accepted, rejected = what_if_ids(map, accept, reject, stated_only=stated_only)
    evaluation = evaluate(
        map,
        semantics,
        accept=accepted,
        reject=rejected,
        acceptance=acceptance,
        stated_only=stated_only,
        max_steps=max_steps,
    )
    return _Explainer(map, evaluation, max_steps).explain(
        id, MAX_CHECKS if max_checks is None else max_checks
    )


def explain_all(
    map: ArgumentMap,
    evaluation: Evaluation,
    ids: Iterable[str],
    *,
    max_checks: int | None = None,
    max_steps: int | None = None,
) -> dict[str, Explanation]:
    """The explanation of each of ``ids``, for ``evaluation`` of ``map`` (the viewer's).

    The map is translated once for them all; ``evaluation`` must come from
    :func:`argmap.evaluate` on ``map``. ``max_checks`` and ``max_steps``
    bound the search for sets of premises of each, as for :func:`explain`.
    """
    explainer = _Explainer(map, evaluation, max_steps)
    limit = MAX_CHECKS if max_checks is None else max_checks
    return {key: explainer.explain(key, limit) for key in one_or_many(ids)}


class _Explainer:
    """Explanations of labels of one evaluation of one map."""

    def __init__(self, map: ArgumentMap, evaluation: Evaluation, max_steps: int | None) -> None:
        self.original = map
        self.evaluation = evaluation
        self.max_steps = max_steps
        self.accepted = frozenset(evaluation.accept)
        self.rejected = frozenset(evaluation.reject)
        self.stated = evaluation.stated_only
        self.carneades = evaluation.semantics == "carneades"
        self.labelled = evaluation.labels
        kept, af, _, _ = _prepare(map, evaluation.accept, evaluation.reject, self.stated)
        self.map = kept
        self.names = af.arguments
        self.solver = af._solver
        self.argued = (
            {a.target for a in map.arguments.values() if a.kind == "support" and not a.implicit}
            if self.stated
            else set()
        )
        self.weights: dict[str, float] = {}
        if self.carneades:
            # Carneades decides a position by its issue, never as given.
            self.argued |= {p for issue in kept.issues.values() for p in issue.positions}
            self.weights = _caes_result(map, self.accepted, self.rejected, self.stated).weights

    # -- the reasons -----------------------------------------------------------

    def explain(self, id: str, max_checks: int) -> Explanation:
        m = self.map
        if id not in m.statements and id not in m.arguments:
            known = [*m.statements, *m.arguments]
            raise ValueError(
                f"{id!r} is not a statement or argument of the map{suggest(id, known)}"
            )
        if id not in self.evaluation.statements and id not in self.evaluation.arguments:
            raise ValueError(
                f"{id!r} has no label under {self.evaluation.semantics} weighing: "
                "Carneades weighs no argument aimed at one that backs or attacks an argument"
            )
        label = self.evaluation.label(id)
        change: Literal["reject", "accept"] = "reject" if label == "in" else "accept"
        candidates = self._candidates(id, change)
        sets, size, exhaustive, checks = _smallest(
            candidates, self._changes(id, label, change, candidates), max_checks
        )
        return Explanation(
            id=id,
            kind="statement" if id in m.statements else "argument",
            label=label,
            evaluation=self.evaluation,
            reason=self._tree(id),
            change=change,
            candidates=candidates,
            sets=sets,
            size=size,
            exhaustive=exhaustive,
            checks=checks,
        )

    def _tree(self, top: str) -> Reason:
        """The tree of reasons below ``top``, each statement or argument expanded once."""
        # Which occurrence of a statement or argument is explained is chosen
        # breadth first: the one nearest the top. The tree is built without
        # recursion (chains of reasoning may be long), children first.
        seen = {top}
        order: list[tuple[str, ReasonRole, int, bool]] = [(top, "explained", 0, True)]
        below: dict[int, list[int]] = {}
        for position, (key, _, depth, expanded) in enumerate(order):  # grows as it goes
            if not expanded or depth >= MAX_DEPTH:
                continue
            for child, child_role in self._reasons(key):
                below.setdefault(position, []).append(len(order))
                order.append((child, child_role, depth + 1, child not in seen))
                seen.add(child)
        built: dict[int, Reason] = {}
        for position in range(len(order) - 1, -1, -1):
            key, role, depth, expanded = order[position]
            reasons = tuple(built.pop(i) for i in below.get(position, ()))
            more = expanded and depth >= MAX_DEPTH and bool(self._reasons(key))
            built[position] = self._reason(key, role, reasons, not expanded, more)
        return built[0]

    def _reason(
        self, key: str, role: ReasonRole, children: tuple[Reason, ...], repeated: bool, more: bool
    ) -> Reason:
        m = self.map
        if key in m.arguments:
            return Reason(
                key,
                "argument",
                self.evaluation.arguments[key],
                role,
                weight=self.weights.get(key) if self.carneades else None,
                repeated=repeated,
                more=more,
                reasons=children,
            )
        issue = standard = None
        if self.carneades:
            dispute = m.issue_of(key) if m.issues else None
            if dispute is not None:
                issue, standard = dispute.id, dispute.proof_standard
            elif m.arguments_against(key):
                standard = "pe"
        return Reason(
            key,
            "statement",
            self.evaluation.statements[key],
            role,
            basis=self._basis(key),
            issue=issue,
            standard=standard,
            repeated=repeated,
            more=more,
            reasons=children,
        )

    def _basis(self, sid: str) -> Basis:
        statement = self.map.statements[sid]
        if sid in self.accepted:
            return "accepted"
        if sid in self.rejected:
            return "rejected"
        if statement.mode != "asserted":
            return statement.mode
        if statement.status is not None:
            return statement.status
        if self.map.arguments_for(sid) or sid in self.argued:
            return "argued"
        return "given"

    def _related(self, key: str) -> list[tuple[str, ReasonRole]]:
        """Every statement and argument that bears on the label of ``key``, with its role."""
        m = self.map
        related: list[tuple[str, ReasonRole]] = []
        if key in m.statements:
            related += [(a.id, "support") for a in m.arguments_for(key)]
            related += [(a.id, "attack") for a in m.arguments_against(key)]
            related += [(aid, "rival") for aid in _rivals(m, key)]
        else:
            argument = m.arguments[key]
            related += [(p, "premise") for p in dict.fromkeys(argument.premises)]
            related += [(a.id, "undercut") for a in m.undercutters(key)]
            related += [(a.id, "attack") for a in m.arguments_against(key)]
            related += [(a.id, "backing") for a in m.arguments_for(key)]
            if not self.carneades:
                related += [(aid, "rebuttal") for aid in self._opponents(key)]
        return [(k, r) for k, r in dict.fromkeys(related) if k in self.labelled]

    def _opponents(self, aid: str) -> list[str]:
        """The arguments on the other side of ``aid``'s conclusion: each defeats the other."""
        m = self.map
        argument = m.arguments[aid]
        target = argument.target
        if argument.kind == "attack":
            return [a.id for a in m.arguments_for(target)]
        if argument.kind == "support":
            found = [a.id for a in m.arguments_against(target)]
            if target in m.statements:
                found += _rivals(m, target)
            return found
        return []

    def _reasons(self, key: str) -> list[tuple[str, ReasonRole]]:
        """What of :meth:`_related` explains the label of ``key``."""
        related = self._related(key)
        if self.carneades:
            return related
        label = self.evaluation.label(key)

        def keep(test: Callable[[ReasonRole, Label], bool]) -> list[tuple[str, ReasonRole]]:
            return [(k, r) for k, r in related if test(r, self.evaluation.label(k))]

        if label == "in":
            chosen = keep(lambda role, own: role not in _PRO or own == "in")
        elif label == "out":
            # What puts it out from below first (a premise out, an undercutter
            # or attacker in), before an argument it meets on equal terms.
            chosen = keep(
                lambda role, own: (
                    own != "in"
                    if role == "premise"
                    else role not in _PRO and role != "rebuttal" and own == "in"
                )
            )
            chosen = chosen or keep(lambda role, own: role == "rebuttal" and own == "in")
            if not chosen:
                chosen = keep(lambda role, own: own != "in" if role in _PRO else own != "out")
        else:
            chosen = keep(lambda role, own: own == "undecided")
        return chosen or related

    # -- the premises that would change the label ------------------------------

    def _candidates(self, key: str, change: str) -> tuple[str, ...]:
        """The premises whose rejection (or acceptance) may change the label of ``key``."""
        m = self.map
        closure = {key}
        queue = [key]
        for current in queue:
            for other in self._influencers(current):
                if other not in closure:
                    closure.add(other)
                    queue.append(other)
        found = []
        for sid in m.statements:
            if sid == key or sid in self.accepted or sid in self.rejected:
                continue
            if m.arguments_for(sid):
                continue
            if (
                self.evaluation.semantics == "stable"  # no locality: any premise may matter
                or sid in closure
                or (change == "accept" and any(aid in closure for aid in self._against(sid)))
            ):
                found.append(sid)
        return tuple(found)

    def _against(self, sid: str) -> list[str]:
        """The arguments that an accepted ``sid`` would defeat."""
        return [a.id for a in self.map.arguments_against(sid)] + _rivals(self.map, sid)

    def _influencers(self, key: str) -> Iterator[str]:
        """What the label of ``key`` may depend on directly, under any semantics."""
        m = self.map
        if key in m.statements:
            dispute = m.issue_of(key) if m.issues else None
            positions = [p for p in dispute.positions if p in m.statements] if dispute else [key]
            for position in dict.fromkeys([key, *positions]):
                yield position
                yield from (a.id for a in m.arguments_for(position))
                yield from (a.id for a in m.arguments_against(position))
            return
        argument = m.arguments[key]
        yield from argument.premises
        yield from (a.id for a in m.undercutters(key))
        yield from (a.id for a in m.arguments_for(key))
        yield from (a.id for a in m.arguments_against(key))
        if argument.kind != "undercut":
            target = argument.target
            if target in m.statements:
                yield from (k for k in self._influencers(target) if k != target)
            else:
                yield from (a.id for a in m.arguments_for(target))
                yield from (a.id for a in m.arguments_against(target))

    def _changes(
        self, key: str, label: Label, change: str, candidates: tuple[str, ...]
    ) -> Callable[[tuple[str, ...]], bool]:
        """A test: does rejecting (or accepting) a set of candidates change the label of ``key``?"""
        if self.carneades:
            return lambda chosen: self._caes_label(key, chosen, change) != label
        return _DungCheck(self, key, change, candidates).changes

    def _caes_label(self, key: str, chosen: tuple[str, ...], change: str) -> Label:
        accepted, rejected = set(self.accepted), set(self.rejected)
        (accepted if change == "accept" else rejected).update(chosen)
        result = _caes_result(self.original, accepted, rejected, self.stated)
        return result.statements.get(key) or result.arguments[key]


class _DungCheck:
    """The label of one node of the framework with some premises rejected or accepted.

    Only the part of the framework the node depends on is solved (all of it
    under stable semantics); the premises' changes are made to that part:
    a rejected premise gets an attacker that nothing attacks, an accepted
    one loses its attackers and attacks the arguments against it.
    """

    def __init__(
        self, explainer: _Explainer, key: str, change: str, candidates: tuple[str, ...]
    ) -> None:
        self.explainer = explainer
        self.change = change
        evaluation = explainer.evaluation
        self.semantics = evaluation.semantics
        if self.semantics == "complete" and evaluation.acceptance == "sceptical":
            self.semantics = "grounded"  # the same labels, without a search
        self.credulous = evaluation.acceptance == "credulous"
        self.label = evaluation.label(key)
        names = explainer.names
        index = {name: i for i, name in enumerate(names)}
        attackers = explainer.solver.attackers
        extra: dict[int, list[int]] = {}  # attacked -> attackers an accepted premise adds
        self.defeats: dict[int, list[int]] = {}
        for sid in candidates:
            against = [index[a] for a in explainer._against(sid)]
            self.defeats[index[sid]] = against
            if change == "accept":
                for target in against:
                    extra.setdefault(target, []).append(index[sid])
        if self.semantics == "stable":
            part = list(range(len(names)))
        else:
            seen = {index[key]}
            queue = [index[key]]
            for x in queue:
                for a in (*attackers[x], *extra.get(x, ())):
                    if a not in seen:
                        seen.add(a)
                        queue.append(a)
            part = sorted(seen)
        self.local = {x: i for i, x in enumerate(part)}
        self.attackers = [[self.local[a] for a in attackers[x] if a in self.local] for x in part]
        self.node = self.local[index[key]]
        self.index = index
        steps = explainer.max_steps
        self.budget = Budget(
            SEARCH_STEPS if steps is None else min(steps, SEARCH_STEPS),
            f"explaining a label under {self.semantics} semantics",
        )

    def changes(self, chosen: tuple[str, ...]) -> bool:
        attackers = [list(a) for a in self.attackers]
        for sid in chosen:
            x = self.local.get(self.index[sid])
            if x is None:
                continue  # outside what the node depends on
            if self.change == "reject":
                attackers.append([])
                attackers[x].append(len(attackers) - 1)
            else:
                attackers[x] = []
                for target in self.defeats[self.index[sid]]:
                    if target in self.local:
                        attackers[self.local[target]].append(x)
        targets: list[list[int]] = [[] for _ in attackers]
        for x, own in enumerate(attackers):
            for a in own:
                targets[a].append(x)
        mask = 0
        try:
            for labels in _Solver(attackers, targets).labellings(self.semantics, self.budget):  # type: ignore[arg-type]
                self.budget.spend()
                mask |= 1 << labels[self.node]
        except LimitError:
            raise _OutOfStepsError from None
        if mask == 1 << _OUT:
            label: Label = "out"
        elif mask == 1 << _IN or (self.credulous and mask & 1 << _IN):
            label = "in"
        else:
            label = "undecided"
        return label != self.label


class _OutOfStepsError(Exception):
    """The search for sets of premises has spent its steps."""


def _smallest(
    candidates: tuple[str, ...], changes: Callable[[tuple[str, ...]], bool], max_checks: int
) -> tuple[tuple[tuple[str, ...], ...], int, bool, int]:
    """The smallest sets of ``candidates`` that ``changes``; the size; exhaustive?; checks made."""
    checks = 0
    done = 0
    for size in range(1, len(candidates) + 1):
        found: list[tuple[str, ...]] = []
        for chosen in itertools.combinations(candidates, size):
            if checks == max_checks:
                return tuple(found), size if found else done, False, checks
            try:
                changed = changes(chosen)
            except _OutOfStepsError:
                return tuple(found), size if found else done, False, checks
            checks += 1
            if changed:
                found.append(chosen)
        if found:
            return tuple(found), size, True, checks
        done = size
    return (), done, True, checks
