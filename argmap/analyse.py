"""Reason with a map: label what stands (grounded, complete, preferred, stable) and query it.

:func:`evaluate` translates a map into a Dung abstract argumentation
framework (:func:`framework`, :class:`Framework`) and labels every statement
and argument ``in``, ``out`` or ``undecided``. The translation in short
(docs/evaluation.md gives it in full, with worked examples):

* an argument needs all its premises ``in`` (linked premises);
* a statement that some argument supports needs one supporting argument
  ``in`` (convergent support), unless it is ``assumed``; a statement that no
  argument supports holds by itself, unless it is ``questioned`` or the
  text only asks or supposes it (``mode: question`` or ``hypothetical``);
* an attacking argument that is ``in`` puts its target ``out``; a supporting
  and an attacking argument of the same statement defeat each other
  (rebuttal), while an attack on a statement that no argument supports
  (undermining) meets no resistance;
* an undercutting argument that is ``in`` puts the argument it undercuts ``out``;
* an argument attacked as a whole meets its attacker as a statement does: an
  attacker that is ``in`` puts it ``out``, and an argument that backs it (supports
  it as a whole) and an attacker of it defeat each other; backing is never needed;
* support in a circle is no footing: a statement that rests only on a circle
  of support is ``undecided`` under grounded semantics;
* an argument for one position of an issue attacks the other positions.

With ``semantics="carneades"``, :func:`evaluate` weighs arguments as
Carneades 4 does instead (:mod:`argmap._caes`).

With ``stated_only``, :func:`evaluate` labels what the text says alone:
the map without what it adds (:func:`stated_only`). The queries
(:func:`premises_of`, :func:`dependents`, :func:`unsupported_premises`,
:func:`uncontested`, :func:`support_cycles`, :func:`grounding`) read the
map's structure only. Everything here is a pure function of its
arguments: no files, no YAML, no Graphviz.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, get_args

import attrs

from ._graph import strongly_connected
from ._helpers import one_or_many, suggest
from ._limits import Budget
from ._names import DUNG_SEMANTICS, SEMANTICS, DungSemantics, Semantics
from .errors import MapError, Severity
from .model import ArgumentMap

if TYPE_CHECKING:
    from ._caes import CaesResult

__all__ = [
    "Acceptance",
    "Change",
    "DungSemantics",
    "Evaluation",
    "Framework",
    "Grounding",
    "Label",
    "Labelling",
    "Semantics",
    "dependents",
    "evaluate",
    "framework",
    "grounding",
    "premises_of",
    "stated_only",
    "support_cycles",
    "uncontested",
    "unsupported_premises",
    "what_if",
    "what_if_ids",
]

#: The label of a statement or argument: accepted, rejected, or neither.
Label = Literal["in", "out", "undecided"]
LABELS: tuple[Label, ...] = get_args(Label)

#: How the labellings of several extensions combine into one: ``in`` where
#: every one says ``in`` (sceptical), or where at least one does (credulous).
Acceptance = Literal["sceptical", "credulous"]
ACCEPTANCES: tuple[Acceptance, ...] = get_args(Acceptance)


def _one_of(name: str, value: object, options: tuple[str, ...]) -> None:
    if value not in options:
        raise ValueError(f"'{name}' must be one of {list(options)!r} (got {value!r})")


# -- abstract argumentation frameworks ----------------------------------------

# Labels inside the solver: small ints, _NONE while a node has none yet.
_NONE, _IN, _OUT, _UNDEC = 0, 1, 2, 3
# What a node's attackers outside its part say: one is undecided (and none
# in), or one is in. Ordered, so that the larger wins when they combine.
_EXPOSED, _HIT = 1, 2


def _pairs(value: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for a, b in value)


def _no_repeats(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    seen: set[str] = set()
    for name in value:
        if not isinstance(name, str):
            raise TypeError(f"'arguments' must hold strings (got {name!r})")
        if name in seen:
            raise ValueError(f"'arguments' must name each argument once (got {name!r} twice)")
        seen.add(name)


@attrs.frozen
class Framework:
    """A Dung abstract argumentation framework: arguments and who attacks whom.

    Extensions follow Dung (1995). They are computed through labellings
    (Caminada 2006): first the grounded labelling, then a search, with
    propagation, over the strongly connected parts of what it leaves
    undecided, one part after the parts that attack it, so that independent
    conflicts do not multiply the work.

    Attributes:
        arguments: The arguments' names, in a fixed order.
        attacks: ``(attacker, attacked)`` pairs of names.

    Example:
        >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
        >>> sorted(af.grounded())
        ['a', 'c']
    """

    arguments: tuple[str, ...] = attrs.field(converter=one_or_many, validator=_no_repeats)
    attacks: frozenset[tuple[str, str]] = attrs.field(default=frozenset(), converter=_pairs)
    _solver: _Solver = attrs.field(init=False, repr=False, eq=False)

    @_solver.default
    def _build_solver(self) -> _Solver:
        index = {name: i for i, name in enumerate(self.arguments)}
        attackers: list[list[int]] = [[] for _ in self.arguments]
        targets: list[list[int]] = [[] for _ in self.arguments]
        for pair in sorted(self.attacks):
            if pair[0] not in index or pair[1] not in index:
                raise ValueError(f"'attacks' must join arguments of the framework (got {pair!r})")
        for attacker, attacked in sorted(self.attacks, key=lambda p: (index[p[0]], index[p[1]])):
            attackers[index[attacked]].append(index[attacker])
            targets[index[attacker]].append(index[attacked])
        return _Solver(attackers, targets)

    def attackers(self, argument: str) -> tuple[str, ...]:
        """The arguments that attack ``argument``."""
        i = self.arguments.index(argument)
        return tuple(self.arguments[a] for a in self._solver.attackers[i])

    def grounded(self) -> frozenset[str]:
        """The grounded extension: what is accepted without making any choice."""
        return self._members(self._solver.grounded())

    def complete(self, *, max_steps: int | None = None) -> tuple[frozenset[str], ...]:
        """The complete extensions: the admissible sets that hold every argument they defend."""
        return self.extensions("complete", max_steps=max_steps)

    def preferred(self, *, max_steps: int | None = None) -> tuple[frozenset[str], ...]:
        """The preferred extensions: the complete extensions maximal under inclusion."""
        return self.extensions("preferred", max_steps=max_steps)

    def stable(self, *, max_steps: int | None = None) -> tuple[frozenset[str], ...]:
        """The stable extensions: conflict-free sets that attack every argument outside them.

        There may be none: an odd cycle of attacks has no stable extension.
        """
        return self.extensions("stable", max_steps=max_steps)

    def extensions(
        self, semantics: DungSemantics, *, max_steps: int | None = None
    ) -> tuple[frozenset[str], ...]:
        """The extensions under ``semantics``, in a fixed order.

        Args:
            semantics: ``"grounded"``, ``"complete"``, ``"preferred"`` or ``"stable"``.
            max_steps: The most steps the search may take (a choice tried or
                an extension found is a step); ``None`` for the limit in
                force, 1,000,000 unless the environment variable
                ``ARGMAP_MAX_EVALUATION_STEPS`` says otherwise.

        Raises:
            ValueError: If ``semantics`` is not one of grounded, complete,
                preferred, stable.
            LimitError: If the search would take more than ``max_steps`` steps.
        """
        _one_of("semantics", semantics, DUNG_SEMANTICS)
        budget = Budget(max_steps, f"finding the {semantics} extensions")
        found = sorted(
            tuple(i for i, label in enumerate(labels) if label == _IN)
            for labels in self._solver.labellings(semantics, budget)
        )
        return tuple(frozenset(self.arguments[i] for i in members) for members in found)

    def labelling(self, extension: Iterable[str]) -> dict[str, Label]:
        """The labelling of an extension: its members ``in``, what they attack
        ``out``, the rest ``undecided``; in the order of :attr:`arguments`.

        Raises:
            ValueError: If ``extension`` names an argument the framework lacks.
        """
        members = set(extension)
        unknown = sorted(members - set(self.arguments))
        if unknown:
            raise ValueError(
                f"'extension' must hold arguments of the framework (got {unknown[0]!r})"
            )
        attacked = {b for a, b in self.attacks if a in members}
        return {
            name: "in" if name in members else "out" if name in attacked else "undecided"
            for name in self.arguments
        }

    def _members(self, labels: list[int]) -> frozenset[str]:
        return frozenset(self.arguments[i] for i, label in enumerate(labels) if label == _IN)


class _Solver:
    """Labellings of a framework whose nodes are numbered, with attacker and target lists."""

    def __init__(self, attackers: list[list[int]], targets: list[list[int]]) -> None:
        self.attackers = attackers
        self.targets = targets

    def grounded(self) -> list[int]:
        """The grounded labelling, propagated from the unattacked nodes (linear time)."""
        size = len(self.attackers)
        labels = [_NONE] * size
        pending = [len(a) for a in self.attackers]  # attackers not yet known to be out
        stack = [x for x in range(size) if pending[x] == 0]
        while stack:
            x = stack.pop()
            if labels[x] != _NONE:
                continue
            labels[x] = _IN
            for y in self.targets[x]:
                if labels[y] != _NONE:
                    continue
                labels[y] = _OUT
                for z in self.targets[y]:
                    pending[z] -= 1
                    if pending[z] == 0 and labels[z] == _NONE:
                        stack.append(z)
        return [label or _UNDEC for label in labels]

    def labellings(self, semantics: DungSemantics, budget: Budget) -> Iterator[list[int]]:
        """Every labelling under ``semantics`` (each a fresh list), a step of ``budget`` each."""
        grounded = self.grounded()
        if semantics == "grounded":
            yield grounded
            return
        # Every complete labelling agrees with the grounded one where that one
        # decides. The undecided rest splits into strongly connected parts;
        # each is labelled once the parts that attack it are.
        labels = [_NONE if label == _UNDEC else label for label in grounded]
        parts = _components([x for x, label in enumerate(labels) if label == _NONE], self.targets)
        if not parts:
            yield labels
            return
        choices = [iter(self._local(parts[0], labels, semantics, budget))]
        while choices:
            depth = len(choices) - 1
            choice = next(choices[-1], None)
            if choice is None:
                for x in parts[depth]:
                    labels[x] = _NONE
                choices.pop()
                continue
            for x, label in zip(parts[depth], choice, strict=True):
                labels[x] = label
            budget.spend()
            if depth + 1 == len(parts):
                yield list(labels)
            else:
                choices.append(iter(self._local(parts[depth + 1], labels, semantics, budget)))

    def combined(self, semantics: DungSemantics, budget: Budget) -> tuple[list[int], int]:
        """The labels each node takes across the labellings under ``semantics``, and their number.

        Returns:
            For each node a bit mask, with bit ``1 << label`` set for every
            label it has in some labelling (0 for every node when there is
            no labelling), and how many labellings there are.

        The same as combining what :meth:`labellings` yields, without
        enumerating the labellings, whose number multiplies with every
        independent conflict. The strongly connected parts of what the
        grounded labelling leaves undecided are labelled in turn, each after
        the parts that attack it, as in :meth:`labellings`; but what the
        parts labelled so far leave for the rest is only what they say of
        the nodes they attack (:meth:`_part`: is an attacker ``in``, or
        ``undecided``?). So the labellings of the parts done so far fall into
        a few classes, one for each way they can leave the parts still to
        come, and each class keeps only how many labellings it holds and
        which labels they gave. Each class carried through a part, once for
        each labelling of the part it allows, is a step of ``budget``;
        searching a part is a step for each choice tried.
        """
        grounded = self.grounded()
        if semantics == "grounded":
            return [1 << label for label in grounded], 1
        # Under complete and preferred semantics every class goes on to some
        # labelling, so the labels a class gives can be noted when it is
        # made, and classes split into independent factors; under stable
        # semantics a class may come to nothing, and then each keeps its own.
        found = self._combine(grounded, semantics, budget, split=True)
        if found is None:
            found = self._combine(grounded, semantics, budget, split=False)
        assert found is not None
        return found

    def _combine(
        self, grounded: list[int], semantics: DungSemantics, budget: Budget, *, split: bool
    ) -> tuple[list[int], int] | None:
        """:meth:`combined`, or ``None`` if with ``split`` a class comes to nothing."""
        undecided = [x for x, label in enumerate(grounded) if label == _UNDEC]
        inside = set(undecided)
        slot = {x: i for i, x in enumerate(undecided)}
        # Classes that do not yet meet (they wait for different parts) are
        # kept apart, in factors, and multiplied only where a part needs both.
        factors: dict[int, _Factor] = {}
        waiting: dict[int, set[int]] = {}  # node -> the factors that say something of it
        count, divisor, seen, made = 1, 1, 0, 0
        for part in self._order(undecided, inside):
            members = set(part)
            involved = sorted({f for x in part for f in waiting.pop(x, ())})
            joint = _Factor.product([factors.pop(f) for f in involved], budget)
            for x in joint.scope:
                waiting.get(x, set()).difference_update(involved)
            rest = [x for x in dict.fromkeys(joint.scope) if x not in members]
            later = sorted(
                {t for x in part for t in self.targets[x] if t in inside and t not in members}
                | set(rest)
            )
            outcomes: dict[tuple[int, ...], list[tuple[int, dict[int, int]]]] = {}
            after = _Factor(tuple(later), {})
            for said, (ways, bits) in joint.table.items():
                flags: dict[int, int] = {}
                for x, flag in zip(joint.scope, said, strict=True):
                    if flags.get(x, 0) < flag:
                        flags[x] = flag
                given = tuple(flags.get(x, 0) for x in part)
                if given not in outcomes:
                    outcomes[given] = [
                        self._outcome(part, labels, members, inside, slot)
                        for labels in self._part(part, given, semantics, budget)
                    ]
                    if split and not outcomes[given] and len(joint.table) > 1:
                        return None  # some classes end here, others go on
                    for own, _ in outcomes[given]:
                        seen |= own if split else 0
                for own, effects in outcomes[given]:
                    budget.spend()
                    key = tuple(max(flags.get(x, 0), effects.get(x, 0)) for x in later)
                    after.add(key, ways, 0 if split else bits | own)
            if not after.table:  # no labelling: stable semantics, with nothing to offer here
                return [0] * len(grounded), 0
            pieces = [after]
            if split:
                pieces, parted = after.split()
                divisor *= parted
            for piece in pieces:
                if piece.scope:
                    made += 1
                    factors[made] = piece
                    for x in piece.scope:
                        waiting.setdefault(x, set()).add(made)
                    continue
                count *= sum(ways for ways, _ in piece.table.values())
                for _, bits in piece.table.values():
                    seen |= bits
        masks = [1 << label for label in grounded]
        for x, i in slot.items():
            masks[x] = ((seen >> (3 * i)) & 0b111) << 1
        return masks, count // divisor

    def _order(self, nodes: list[int], inside: set[int]) -> Iterator[list[int]]:
        """The strongly connected parts of ``nodes``, each after every part that attacks it.

        Of the parts whose attackers are all done, the one that was last to
        become so comes first: it is what the parts just done attack, so what
        they say of it is used at once, rather than carried along in the
        classes of :meth:`combined` while unrelated parts are done.
        """
        parts = strongly_connected(nodes, lambda x: [t for t in self.targets[x] if t in inside])
        where = {x: i for i, part in enumerate(parts) for x in part}
        after: list[set[int]] = [set() for _ in parts]
        for i, part in enumerate(parts):
            after[i] = {where[t] for x in part for t in self.targets[x] if t in inside} - {i}
        waiting = [0] * len(parts)
        for later in after:
            for j in later:
                waiting[j] += 1
        ready = [i for i in reversed(range(len(parts))) if not waiting[i]]
        while ready:
            i = ready.pop()
            yield sorted(parts[i])
            for j in sorted(after[i], reverse=True):
                waiting[j] -= 1
                if not waiting[j]:
                    ready.append(j)

    def _outcome(
        self,
        part: list[int],
        labels: tuple[int, ...],
        members: set[int],
        inside: set[int],
        slot: dict[int, int],
    ) -> tuple[int, dict[int, int]]:
        """A labelling of ``part`` as bits of :meth:`combined`, and what it says of later nodes."""
        bits = 0
        effects: dict[int, int] = {}
        for x, label in zip(part, labels, strict=True):
            bits |= 1 << (3 * slot[x] + label - 1)
            if label == _OUT:
                continue
            flag = _HIT if label == _IN else _EXPOSED
            for target in self.targets[x]:
                if target in inside and target not in members and effects.get(target, 0) < flag:
                    effects[target] = flag
        return bits, effects

    def _local(
        self, part: list[int], labels: list[int], semantics: DungSemantics, budget: Budget
    ) -> list[tuple[int, ...]]:
        """The labellings of the strongly connected ``part``, its attackers outside it labelled.

        Only what the attackers outside the part say matters: see :meth:`_part`.
        """
        inside = set(part)
        flags = []
        for x in part:
            outside = [labels[a] for a in self.attackers[x] if a not in inside]
            flags.append(_HIT if _IN in outside else _EXPOSED if _UNDEC in outside else 0)
        return self._part(part, tuple(flags), semantics, budget)

    def _part(
        self, part: list[int], flags: tuple[int, ...], semantics: DungSemantics, budget: Budget
    ) -> list[tuple[int, ...]]:
        """The labellings of the strongly connected ``part``, given what its attackers outside say.

        ``flags`` holds, for each member, :data:`_HIT` if an attacker outside
        the part is ``in``, else :data:`_EXPOSED` if one is ``undecided``,
        else 0 (every attacker outside is ``out``, or there is none).

        A backtracking search over which members of ``part`` are ``in``
        (Nofal, Atkinson and Dunne 2014), with propagation. For preferred
        semantics it looks for the maximal complete labellings (every
        admissible set lies in a complete extension, so these are the maximal
        admissible sets, and the search for complete ones propagates much
        further), pruning every branch that cannot grow beyond one found
        already: preferred semantics is SCC-recursive (Baroni, Giacomin and
        Guida 2005), so maximal in each part, in turn, is maximal overall.
        Each choice tried is a step of ``budget``.
        """
        if len(part) == 1 and part[0] not in self.attackers[part[0]]:
            label = {_HIT: _OUT, _EXPOSED: _UNDEC}.get(flags[0], _IN)
            return [] if semantics == "stable" and label == _UNDEC else [(label,)]
        search = _PartSearch(self, part, flags, semantics, budget)
        return search.labellings(search.extensions())


class _Factor:
    """Classes of labellings of some parts, by what they say of the nodes of ``scope``.

    ``table`` maps the flags the labellings give the nodes of ``scope``
    (:data:`_HIT`, :data:`_EXPOSED` or 0, in the order of ``scope``) to how
    many labellings give them and the bits of the labels they give
    (:meth:`_Solver.combined`).
    """

    def __init__(self, scope: tuple[int, ...], table: dict[tuple[int, ...], tuple[int, int]]):
        self.scope = scope
        self.table = table

    def add(self, key: tuple[int, ...], ways: int, bits: int) -> None:
        """Count ``ways`` more labellings in the class ``key``, with labels ``bits``."""
        had = self.table.get(key)
        self.table[key] = (ways, bits) if had is None else (had[0] + ways, had[1] | bits)

    def split(self) -> tuple[list[_Factor], int]:
        """Factors whose product is this one's, and what that product's counts are multiplied by.

        Splits off each node of the scope whose flags are independent of the
        rest: the classes are every pairing of its flags with the rest's,
        counted as the product of the two. Only for factors whose classes
        keep no labels (the bits are 0).
        """
        pieces: list[_Factor] = []
        divisor = 1
        current = self
        i = 0
        while i < len(current.scope):
            mine: dict[int, int] = {}
            others: dict[tuple[int, ...], int] = {}
            total = 0
            for key, (ways, _) in current.table.items():
                mine[key[i]] = mine.get(key[i], 0) + ways
                rest = key[:i] + key[i + 1 :]
                others[rest] = others.get(rest, 0) + ways
                total += ways
            if len(mine) * len(others) != len(current.table) or any(
                ways * total != mine[key[i]] * others[key[:i] + key[i + 1 :]]
                for key, (ways, _) in current.table.items()
            ):
                i += 1
                continue
            pieces.append(_Factor((current.scope[i],), {(v,): (w, 0) for v, w in mine.items()}))
            scope = current.scope[:i] + current.scope[i + 1 :]
            current = _Factor(scope, {r: (w, 0) for r, w in others.items()})
            divisor *= total
        pieces.append(current)
        return pieces, divisor

    @classmethod
    def product(cls, factors: list[_Factor], budget: Budget) -> _Factor:
        """The labellings of independent factors taken together; a step each."""
        joint = cls((), {(): (1, 0)})
        for factor in factors:
            table: dict[tuple[int, ...], tuple[int, int]] = {}
            for key, (ways, bits) in joint.table.items():
                for other, (more, also) in factor.table.items():
                    budget.spend()
                    table[key + other] = (ways * more, bits | also)
            joint = cls(joint.scope + factor.scope, table)
        return joint


#: What the search makes a member of a part, tried in this order.
_CHOICES = (_IN, _OUT)


@attrs.define
class _Frame:
    """A step of the search: the first member not decided yet from ``position`` on.

    ``tried`` counts the :data:`_CHOICES` tried for it; ``mark`` is the length
    of the trail when the step began, what undoing returns to.
    """

    position: int
    tried: int
    mark: int


class _PartSearch:
    """The search of :meth:`_Solver._local` over one strongly connected part of the framework."""

    def __init__(
        self,
        solver: _Solver,
        part: list[int],
        flags: tuple[int, ...],
        semantics: DungSemantics,
        budget: Budget,
    ) -> None:
        self.solver = solver
        self.budget = budget
        self.part = part
        self.semantics = semantics
        inside = set(part)
        # Attackers and targets within the part; what the attackers outside it say.
        self.attackers = {x: [a for a in solver.attackers[x] if a in inside] for x in part}
        self.targets = {x: [t for t in solver.targets[x] if t in inside] for x in part}
        self.beaten = {x: flag == _HIT for x, flag in zip(part, flags, strict=True)}
        self.exposed = {x: flag == _EXPOSED for x, flag in zip(part, flags, strict=True)}
        # A member's neighbourhood, for re-checking after it changes.
        targets = self.targets
        self.affected = {
            x: {x, *self.attackers[x], *targets[x], *(u for t in targets[x] for u in targets[t])}
            for x in part
        }
        self.state = dict.fromkeys(part, _NONE)  # _IN, _OUT (here: not in), or _NONE
        self.trail: list[int] = []

    def set_(self, x: int, value: int, queue: list[int]) -> None:
        self.state[x] = value
        self.trail.append(x)
        queue.extend(self.affected[x])

    def hit(self, x: int) -> bool:
        """Whether ``x`` is attacked by an ``in`` argument."""
        state = self.state
        return self.beaten[x] or any(state[a] == _IN for a in self.attackers[x])

    def propagate(self, queue: list[int]) -> bool:
        """Decide what the members on ``queue`` force; false when they contradict each other."""
        # Attributes read once into locals: this loop is where evaluation spends its time.
        state, attackers, targets = self.state, self.attackers, self.targets
        beaten, exposed, hit, set_ = self.beaten, self.exposed, self.hit, self.set_
        stable = self.semantics == "stable"
        while queue:
            y = queue.pop()
            own = state[y]
            if own == _IN:
                for a in (*attackers[y], *targets[y]):
                    if state[a] == _IN:
                        return False
                    if state[a] == _NONE:
                        set_(a, _OUT, queue)
                for a in attackers[y]:  # each must be attacked by an `in` argument
                    if not hit(a):
                        open_ = [b for b in attackers[a] if state[b] == _NONE]
                        if not open_:
                            return False
                        if len(open_) == 1:
                            set_(open_[0], _IN, queue)
                continue
            defended = not beaten[y] and not exposed[y] and all(hit(a) for a in attackers[y])
            if own == _NONE and defended:
                set_(y, _IN, queue)
            elif own == _OUT:
                if defended:
                    return False
                if stable and not hit(y):
                    open_ = [a for a in attackers[y] if state[a] == _NONE]
                    if not open_:
                        return False
                    if len(open_) == 1:
                        set_(open_[0], _IN, queue)
        return True

    def undo(self, mark: int) -> None:
        """Forget the decisions taken since the trail was ``mark`` long."""
        while len(self.trail) > mark:
            self.state[self.trail.pop()] = _NONE

    def extensions(self) -> list[frozenset[int]]:
        """The members that are ``in``, one set for each extension found."""
        part, state = self.part, self.state
        found: list[frozenset[int]] = []
        for x in part:
            if self.beaten[x] or self.exposed[x]:
                state[x] = _OUT
        frames = [_Frame(0, 0, len(self.trail))] if self.propagate(list(part)) else []
        while frames:
            frame = frames[-1]
            self.undo(frame.mark)
            position = frame.position
            while position < len(part) and state[part[position]] != _NONE:
                position += 1
            if position == len(part):  # every member decided: an extension
                frames.pop()
                members = frozenset(x for x in part if state[x] == _IN)
                if self.semantics != "preferred":
                    found.append(members)
                elif not any(members <= other for other in found):
                    found = [other for other in found if not other < members]
                    found.append(members)
                continue
            if frame.tried == len(_CHOICES) or (
                self.semantics == "preferred"
                and any(all(x in other for x in part if state[x] != _OUT) for other in found)
            ):
                frames.pop()
                continue
            choice = _CHOICES[frame.tried]
            frame.tried += 1
            self.budget.spend()
            queue: list[int] = []
            self.set_(part[position], choice, queue)
            if self.propagate(queue):
                frames.append(_Frame(position + 1, 0, len(self.trail)))
        return found

    def labellings(self, found: list[frozenset[int]]) -> list[tuple[int, ...]]:
        """From the members of each extension to the labels of the part."""
        part, attackers, beaten, exposed = self.part, self.attackers, self.beaten, self.exposed
        result = []
        for members in found:
            local = {x: _IN if x in members else _NONE for x in part}
            for x in part:
                if local[x] == _NONE:
                    attacked = beaten[x] or any(a in members for a in attackers[x])
                    local[x] = _OUT if attacked else _UNDEC
            if self.semantics == "stable" and _UNDEC in local.values():
                continue
            # Each member's label must be the one its attackers require.
            if not all(
                local[x]
                == (
                    _OUT
                    if beaten[x] or any(local[a] == _IN for a in attackers[x])
                    else _UNDEC
                    if exposed[x] or any(local[a] == _UNDEC for a in attackers[x])
                    else _IN
                )
                for x in part
            ):
                continue
            result.append(tuple(local[x] for x in part))
        return result


def _components(nodes: list[int], targets: list[list[int]]) -> list[list[int]]:
    """Strongly connected components among ``nodes``, each after those with edges into it."""
    inside = set(nodes)
    found = strongly_connected(nodes, lambda node: [t for t in targets[node] if t in inside])
    # Tarjan finishes a component after every component it reaches.
    return [sorted(component) for component in reversed(found)]


# -- from a map to a framework -------------------------------------------------


def framework(
    map: ArgumentMap,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    stated_only: bool = False,
) -> Framework:
    """The abstract argumentation framework that :func:`evaluate` labels.

    Its arguments are the map's statements and arguments, by id, followed by
    helper nodes whose names cannot be ids: ``not:P`` (statement ``P`` is not
    ``in``), ``unsupported:S`` (no supporting argument of ``S`` is ``in``) and
    ``rejected:S`` (``S`` is rejected by ``reject``). Its attacks:

    * ``P -> not:P``, and ``not:P -> A`` for each argument ``A`` with premise
      ``P``: an argument needs every premise;
    * ``U -> A`` for an argument ``U`` that undercuts ``A``;
    * ``C -> A`` for an argument ``C`` that attacks the argument ``A`` as a
      whole, and ``K <-> C`` for each argument ``K`` that backs ``A``
      (supports it as a whole): backing defends an argument as a
      supporting argument defends a statement, and is never needed;
    * ``B -> S`` for an argument ``B`` that attacks ``S``, and ``A <-> B``
      for each argument ``A`` that supports ``S`` (rebuttal);
    * ``unsupported:S -> S``, and ``A -> unsupported:S`` for each argument
      ``A`` that supports ``S``, when ``S`` needs support: a question or a
      hypothesis (``mode``), ``questioned``, or supported by some argument
      and not ``assumed``;
    * for a statement in ``accept``: no attacks on ``S``, and ``S -> B`` for
      each argument ``B`` that attacks it;
    * for a statement in ``reject``: ``rejected:S -> S`` and
      ``rejected:S -> A`` for each argument ``A`` that supports it.

    Args:
        map: The map; it must be sound (see :func:`evaluate`).
        accept: Ids of statements taken as accepted.
        reject: Ids of statements taken as rejected.
        stated_only: Translate :func:`stated_only` of the map instead, as
            :func:`evaluate` does with ``stated_only``.

    Raises:
        ValueError: If ``accept`` or ``reject`` names no statement of the
            map (or, with ``stated_only``, an implicit one), or a statement
            is in both.
        MapError: If the map is not sound.
    """
    return _prepare(map, accept, reject, stated_only)[1]


def _prepare(
    map: ArgumentMap, accept: Iterable[str], reject: Iterable[str], stated: bool
) -> tuple[ArgumentMap, Framework, tuple[str, ...], tuple[str, ...]]:
    """The map evaluated, its framework, and the ids accepted and rejected."""
    accepted, rejected = what_if_ids(map, accept, reject, stated_only=stated)
    _require_sound(map)
    if not stated:
        return map, _translate(map, set(accepted), set(rejected)), accepted, rejected
    # A statement the text argues for keeps needing support when the argument
    # leans on what the map adds: the text alone does not establish it.
    argued = {a.target for a in map.arguments.values() if a.kind == "support" and not a.implicit}
    kept = _stated(map)
    return kept, _translate(kept, set(accepted), set(rejected), argued), accepted, rejected


def _footing(map: ArgumentMap, statement_id: str, argued: Container[str] = ()) -> bool:
    """Whether a statement holds without a supporting argument (unless attacked).

    A question or a hypothesis never does: the text asks or supposes it, it
    does not take it as given. ``argued`` names statements that need support
    as if some argument supported them.
    """
    statement = map.statements[statement_id]
    if statement.mode != "asserted":
        return False
    if statement.status is not None:
        return statement.status == "assumed"
    return statement_id not in argued and not map.arguments_for(statement_id)


def _translate(
    map: ArgumentMap, accepted: set[str], rejected: set[str], argued: Container[str] = ()
) -> Framework:
    nodes: list[str] = [*map.statements, *map.arguments]
    attacks: list[tuple[str, str]] = []
    premises = dict.fromkeys(p for a in map.arguments.values() for p in a.premises)
    for premise in premises:
        nodes.append(f"not:{premise}")
        attacks.append((premise, f"not:{premise}"))
    for argument in map.arguments.values():
        attacks += [(f"not:{p}", argument.id) for p in argument.premises]
        if argument.kind == "undercut":
            attacks.append((argument.id, argument.target))
    for aid in map.arguments:
        # An argument backed and attacked as a whole is defended like a
        # statement: its backers and its attackers defeat each other.
        attackers = [a.id for a in map.arguments_against(aid)]
        if attackers:
            backers = [a.id for a in map.arguments_for(aid)]
            attacks += [(attacker, aid) for attacker in attackers]
            for attacker in attackers:
                for backer in backers:
                    attacks += [(attacker, backer), (backer, attacker)]
    for sid in map.statements:
        supporters = [a.id for a in map.arguments_for(sid)]
        attackers = [a.id for a in map.arguments_against(sid)]
        attackers += _rivals(map, sid)
        for attacker in attackers:
            for supporter in supporters:
                attacks += [(attacker, supporter), (supporter, attacker)]
        if sid in accepted:
            attacks += [(sid, attacker) for attacker in attackers]
            continue
        attacks += [(attacker, sid) for attacker in attackers]
        if not _footing(map, sid, argued):
            nodes.append(f"unsupported:{sid}")
            attacks.append((f"unsupported:{sid}", sid))
            attacks += [(supporter, f"unsupported:{sid}") for supporter in supporters]
        if sid in rejected:
            nodes.append(f"rejected:{sid}")
            attacks.append((f"rejected:{sid}", sid))
            attacks += [(f"rejected:{sid}", supporter) for supporter in supporters]
    return Framework(nodes, attacks)


def _rivals(map: ArgumentMap, statement_id: str) -> list[str]:
    """The arguments for the other positions of the issue ``statement_id`` is a position of.

    The positions of an issue exclude each other: an argument for one
    attacks the others, as an argument against them would.
    """
    dispute = map.issue_of(statement_id) if map.issues else None
    if dispute is None:
        return []
    return [
        a.id
        for other in dict.fromkeys(dispute.positions)
        if other != statement_id and other in map.statements
        for a in map.arguments_for(other)
    ]


#: What ``argmap check`` reports that leaves a map without a sound translation.
_UNSOUND = frozenset({"unknown-statement", "unknown-argument", "duplicate-id", "self-target"})


def _require_sound(map: ArgumentMap) -> None:
    """Raise :class:`MapError` unless every reference resolves.

    Maps loaded with :func:`argmap.load` always are sound; a map built in
    Python may not be. Circular support is sound: evaluation decides it.
    """
    statements, arguments = map.statements, map.arguments
    sound = not any(sid in arguments for sid in statements)
    for argument in arguments.values():
        sound = sound and all(p in statements for p in argument.premises)
        if argument.kind == "undercut":
            sound = sound and argument.target in arguments and argument.target != argument.id
        else:
            target = argument.target
            sound = sound and (target in statements or target in arguments)
            sound = sound and target != argument.id and target not in argument.premises
    if sound:
        return
    from ._check import check  # only for an unsound map: its messages are check's

    errors = [i for i in check(map, verify_quotes=False) if i.severity is Severity.ERROR]
    raise MapError([i for i in errors if i.code in _UNSOUND] or errors)


def what_if_ids(
    map: ArgumentMap,
    accept: Iterable[str],
    reject: Iterable[str],
    *,
    stated_only: bool = False,
    names: Mapping[str, str] | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``accept`` and ``reject`` as tuples of statement ids, checked against ``map``.

    ``names`` says how messages name the parameters ``accept``, ``reject``
    and ``stated_only`` (the command line names them ``--accept`` and so
    on); by default as parameters: ``'accept'``. With
    ``stated_only``, the ids must name statements that :func:`stated_only`
    keeps: stated ones.

    Raises:
        ValueError: An id names no statement (with a suggestion), names an
            argument, names an implicit statement while ``stated_only`` is
            set, or is both accepted and rejected.
    """
    result = []
    for name, given in (("accept", accept), ("reject", reject)):
        what = names[name] if names and name in names else f"'{name}'"
        ids = tuple(dict.fromkeys(one_or_many(given)))
        for sid in ids:
            if sid in map.statements:
                if stated_only and map.statements[sid].implicit:
                    option = (names or {}).get("stated_only", "'stated_only'")
                    raise ValueError(
                        f"{what} names {sid!r}, which is implicit (the map adds it), and "
                        f"{option} leaves it out; name a stated statement, or drop {option}"
                    )
                continue
            if sid in map.arguments:
                raise ValueError(
                    f"{what} names {sid!r}, which is an argument; it takes statements "
                    "(to set an argument aside, reject one of its premises)"
                )
            raise ValueError(
                f"{what} names {sid!r}, which is not a statement of the map"
                f"{suggest(sid, map.statements)}"
            )
        result.append(ids)
    both = [sid for sid in result[0] if sid in result[1]]
    if both:
        raise ValueError(f"{both[0]!r} is both accepted and rejected; choose one")
    return result[0], result[1]


def stated_only(map: ArgumentMap) -> ArgumentMap:
    """``map`` without what the map adds to the text: what the text says alone.

    Leaves out every implicit statement and argument, then every argument
    that has lost a premise or its target, and so on (an argument that
    supports, attacks or undercuts an argument left out goes too); removes
    what is left out from the declared theses and from the groups, and drops
    a group left with no member.
    Sources, agents, schemes and everything else stay as they are.

    Returns:
        The smaller map, in authored order; ``map`` itself when nothing in
        it is implicit.

    Example:
        >>> from argmap import Argument, ArgumentMap, Statement
        >>> m = ArgumentMap(
        ...     "Rain",
        ...     statements=[
        ...         Statement("clouds", "Dark clouds."),
        ...         Statement("rule", "Dark clouds bring rain.", implicit=True),
        ...         Statement("rain", "Rain."),
        ...     ],
        ...     arguments=[Argument("sky", ["clouds", "rule"], "support", "rain")],
        ... )
        >>> kept = stated_only(m)
        >>> list(kept.statements), list(kept.arguments)
        (['clouds', 'rain'], [])
    """
    return _stated(map)


def _stated(map: ArgumentMap) -> ArgumentMap:
    """:func:`stated_only` under a name that its keyword namesakes do not hide."""
    gone = {sid for sid, s in map.statements.items() if s.implicit}
    queue = [
        a.id
        for a in map.arguments.values()
        if a.implicit or a.target in gone or any(p in gone for p in a.premises)
    ]
    gone.update(queue)
    for aid in queue:
        aimed = (*map.arguments_for(aid), *map.arguments_against(aid), *map.undercutters(aid))
        for argument in aimed:
            if argument.id not in gone:
                gone.add(argument.id)
                queue.append(argument.id)
    if not gone:
        return map
    groups = []
    for group in map.groups.values():
        members = tuple(m for m in group.members if m not in gone)
        if members or not group.members:
            groups.append(attrs.evolve(group, members=members))
    return attrs.evolve(
        map,
        statements=[s for sid, s in map.statements.items() if sid not in gone],
        arguments=[a for aid, a in map.arguments.items() if aid not in gone],
        groups=groups,
        theses=[t for t in map.theses if t not in gone],
    )


# -- evaluation ----------------------------------------------------------------


class Labelling(Mapping[str, Label]):
    """A read-only, hashable mapping from id to label, in the map's authored order."""

    __slots__ = ("_labels",)

    def __init__(self, labels: Mapping[str, Label] | Iterable[tuple[str, Label]] = ()) -> None:
        items = labels.items() if isinstance(labels, Mapping) else labels
        table: dict[str, Label] = {}
        for key, label in items:
            _one_of("label", label, LABELS)
            table[key] = label
        self._labels = table

    def __getitem__(self, key: str) -> Label:
        return self._labels[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return list(self._labels.items()) == list(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._labels.items()))

    def __repr__(self) -> str:
        return f"Labelling({self._labels!r})"

    def having(self, label: Label) -> tuple[str, ...]:
        """The ids labelled ``label``, in order."""
        return tuple(key for key, own in self._labels.items() if own == label)


def _labelling(value: Mapping[str, Label] | Iterable[tuple[str, Label]]) -> Labelling:
    return value if isinstance(value, Labelling) else Labelling(value)


@attrs.frozen
class Change:
    """A statement or argument whose label differs between two evaluations.

    Attributes:
        id: The statement's or argument's id.
        before: Its label in the first evaluation.
        after: Its label in the second.
    """

    id: str
    before: Label
    after: Label


@attrs.frozen
class Evaluation:
    """The label of every statement and argument of a map, as :func:`evaluate` returns it.

    Attributes:
        statements: The label of each statement, by id, in authored order.
        arguments: The label of each argument, by id, in authored order.
        semantics: The semantics the labels were computed under.
        acceptance: ``"sceptical"`` or ``"credulous"``: how the labellings
            of several extensions were combined.
        accept: Ids of the statements taken as accepted.
        reject: Ids of the statements taken as rejected.
        extensions: How many extensions (labellings) the labels combine: 1
            for grounded semantics; 0 when stable semantics has none, in
            which case every label is ``undecided``.
        stated_only: Whether the map was evaluated without what it adds to
            the text (see :func:`stated_only`).
    """

    statements: Labelling = attrs.field(converter=_labelling)
    arguments: Labelling = attrs.field(converter=_labelling)
    semantics: Semantics = attrs.field(default="grounded", kw_only=True)
    acceptance: Acceptance = attrs.field(default="sceptical", kw_only=True)
    accept: tuple[str, ...] = attrs.field(default=(), converter=one_or_many, kw_only=True)
    reject: tuple[str, ...] = attrs.field(default=(), converter=one_or_many, kw_only=True)
    extensions: int = attrs.field(default=1, kw_only=True)
    stated_only: bool = attrs.field(default=False, kw_only=True)

    @property
    def labels(self) -> Labelling:
        """Statements and arguments together: statements first."""
        return Labelling([*self.statements.items(), *self.arguments.items()])

    def label(self, id: str) -> Label:
        """The label of the statement or argument ``id``.

        Raises:
            KeyError: If the map has no statement or argument ``id``.
        """
        if id in self.statements:
            return self.statements[id]
        if id in self.arguments:
            return self.arguments[id]
        known = [*self.statements, *self.arguments]
        raise KeyError(f"{id!r} is not a statement or argument of the map{suggest(id, known)}")

    def diff(self, other: Evaluation) -> tuple[Change, ...]:
        """What changes from this evaluation to ``other``: statements first, then arguments.

        Ids that only one of the two labels are left out.
        """
        changes = []
        for mine, theirs in (
            (self.statements, other.statements),
            (self.arguments, other.arguments),
        ):
            for key, before in mine.items():
                after = theirs.get(key)
                if after is not None and after != before:
                    changes.append(Change(key, before, after))
        return tuple(changes)

    def as_dict(self) -> dict[str, Any]:
        """The evaluation as plain data, ready for :func:`json.dumps`.

        The keys in this order: ``semantics``, ``acceptance``, ``extensions``,
        ``stated_only``, ``accept``, ``reject`` (lists of ids),
        ``statements`` and ``arguments`` (each id to its label, in authored
        order), as ``argmap evaluate --format json`` prints them.
        """
        return {
            "semantics": self.semantics,
            "acceptance": self.acceptance,
            "extensions": self.extensions,
            "stated_only": self.stated_only,
            "accept": list(self.accept),
            "reject": list(self.reject),
            "statements": dict(self.statements),
            "arguments": dict(self.arguments),
        }


def evaluate(
    map: ArgumentMap,
    semantics: Semantics = "grounded",
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    acceptance: Acceptance = "sceptical",
    stated_only: bool = False,
    max_steps: int | None = None,
) -> Evaluation:
    """Label every statement and argument of ``map`` ``in``, ``out`` or ``undecided``.

    The map becomes an abstract argumentation framework (see
    :func:`framework` and docs/evaluation.md); its labellings under
    ``semantics`` are combined into one label per statement and argument:

    * ``sceptical`` (the default): ``in`` if ``in`` in every labelling,
      ``out`` if ``out`` in every labelling, else ``undecided``;
    * ``credulous``: ``in`` if ``in`` in at least one labelling, ``out`` if
      ``out`` in every labelling, else ``undecided``.

    Grounded semantics has exactly one labelling, so ``acceptance`` makes no
    difference there; nor does it for complete semantics under sceptical
    acceptance, which gives the grounded labels.

    A question or a hypothesis (``mode``) is never taken as given: it is
    ``in`` only through a supporting argument that is ``in`` (or ``accept``),
    and ``out`` without one, under every semantics and acceptance.

    Args:
        map: The map. It must be sound: every premise and target defined, no
            id used for both a statement and an argument (maps that
            :func:`argmap.load` returns always are). Circular support is
            allowed (docs/evaluation.md says how it is labelled).
        semantics: ``"grounded"``, ``"complete"``, ``"preferred"`` or
            ``"stable"``; or ``"carneades"``: Carneades 4's weighing of
            arguments (weights, weighings, issues and their proof standards;
            docs/evaluation.md), which labels once, so ``acceptance`` makes no
            difference.
        accept: Ids of statements to take as accepted, whatever argues
            against them (what if they were true?).
        reject: Ids of statements to take as rejected, whatever supports
            them (what if they were false?).
        acceptance: ``"sceptical"`` or ``"credulous"``.
        stated_only: Evaluate what the text says alone: :func:`stated_only`
            of the map, in which a statement the text argues for (through a
            stated argument) still needs a supporting argument that is
            ``in``, even where every such argument was left out.
        max_steps: The most steps the search for labellings may take (each
            choice tried is one, and each class of labellings carried
            through a part of the framework; independent conflicts are
            combined without enumerating their labellings); ``None`` for
            the limit in force: 1,000,000, unless the environment variable
            ``ARGMAP_MAX_EVALUATION_STEPS`` says otherwise. Grounded
            semantics needs no search.

    Returns:
        The labels, statements and arguments each in authored order (with
        ``stated_only``, of the statements and arguments kept only).

    Raises:
        ValueError: If ``semantics`` or ``acceptance`` is unknown, or
            ``accept`` or ``reject`` names no statement of the map (or, with
            ``stated_only``, an implicit one), or a statement is in both.
        MapError: If the map is not sound; ``.issues`` says why.
        LimitError: If finding the labellings would take more than
            ``max_steps`` steps; the message says how to allow more.

    Example:
        >>> from argmap import Argument, ArgumentMap, Statement
        >>> m = ArgumentMap(
        ...     "Rain",
        ...     statements=[Statement("clouds", "Dark clouds."), Statement("rain", "Rain.")],
        ...     arguments=[Argument("sky", ["clouds"], "support", "rain")],
        ... )
        >>> evaluate(m).statements["rain"]
        'in'
        >>> evaluate(m, reject=["clouds"]).statements["rain"]
        'out'
    """
    _one_of("semantics", semantics, SEMANTICS)
    _one_of("acceptance", acceptance, ACCEPTANCES)
    if semantics == "carneades":
        return _carneades(map, accept, reject, acceptance, stated_only)
    budget = Budget(max_steps, f"evaluating this map under {semantics} semantics")
    kept, af, accepted, rejected = _prepare(map, accept, reject, stated_only)
    size = len(kept.statements) + len(kept.arguments)
    seen, count = af._solver.combined(semantics, budget)
    final: list[Label] = []
    for mask in seen[:size]:
        if mask == 1 << _OUT:
            final.append("out")
        elif mask == 1 << _IN or (acceptance == "credulous" and mask & 1 << _IN):
            final.append("in")
        else:
            final.append("undecided")
    ids = list(af.arguments[:size])
    split = len(kept.statements)
    return Evaluation(
        statements=zip(ids[:split], final[:split], strict=True),
        arguments=zip(ids[split:], final[split:], strict=True),
        semantics=semantics,
        acceptance=acceptance,
        accept=accepted,
        reject=rejected,
        extensions=count,
        stated_only=stated_only,
    )


def _carneades(
    map: ArgumentMap,
    accept: Iterable[str],
    reject: Iterable[str],
    acceptance: Acceptance,
    stated: bool,
) -> Evaluation:
    """:func:`evaluate` under Carneades' weighing (see :mod:`argmap._caes`)."""
    accepted, rejected = what_if_ids(map, accept, reject, stated_only=stated)
    result = _caes_result(map, accepted, rejected, stated)
    return Evaluation(
        statements=result.statements,
        arguments=result.arguments,
        semantics="carneades",
        acceptance=acceptance,
        accept=accepted,
        reject=rejected,
        extensions=1,
        stated_only=stated,
    )


def _caes_result(
    map: ArgumentMap, accepted: Iterable[str], rejected: Iterable[str], stated: bool
) -> CaesResult:
    """Carneades' labels and weights of ``map`` (``accepted`` and ``rejected`` checked already)."""
    from ._caes import caes_labels

    _require_sound(map)
    kept = _stated(map) if stated else map
    argued = (
        {a.target for a in map.arguments.values() if a.kind == "support" and not a.implicit}
        if stated
        else set()
    )
    # A position of an issue is what the issue decides: it is never given
    # for want of an argument (only its own status makes it so).
    argued |= {p for issue in kept.issues.values() for p in issue.positions}
    rejected = tuple(rejected)
    # A rejected statement is not given, whatever its footing.
    given = [s for s in kept.statements if s not in rejected and _footing(kept, s, argued)]
    return caes_labels(kept, [*given, *accepted], rejected)


def what_if(
    map: ArgumentMap,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    semantics: Semantics = "grounded",
    acceptance: Acceptance = "sceptical",
    stated_only: bool = False,
    max_steps: int | None = None,
) -> tuple[Change, ...]:
    """What changes if the statements in ``accept`` were accepted and those in ``reject`` rejected.

    Compares :func:`evaluate` with and without ``accept`` and ``reject``;
    the arguments are as for :func:`evaluate`.

    Returns:
        The statements, then the arguments, whose label changes, each with
        its label before and after, in authored order.
    """
    plain = evaluate(
        map, semantics, acceptance=acceptance, stated_only=stated_only, max_steps=max_steps
    )
    return plain.diff(
        evaluate(
            map,
            semantics,
            accept=accept,
            reject=reject,
            acceptance=acceptance,
            stated_only=stated_only,
            max_steps=max_steps,
        )
    )


# -- queries -------------------------------------------------------------------


def _statement(map: ArgumentMap, statement_id: str) -> str:
    if statement_id not in map.statements:
        raise ValueError(
            f"{statement_id!r} is not a statement of the map{suggest(statement_id, map.statements)}"
        )
    return statement_id


def premises_of(map: ArgumentMap, statement_id: str) -> tuple[str, ...]:
    """Every statement that ``statement_id`` rests on: the premises of the
    arguments supporting it, their premises in turn, and so on.

    Returns:
        Statement ids, nearest first (breadth-first, arguments in authored
        order); ``statement_id`` itself is not among them.

    Raises:
        ValueError: If the map has no statement ``statement_id``.
    """
    queue = [_statement(map, statement_id)]
    found: dict[str, None] = {}
    for current in queue:
        for argument in map.arguments_for(current):
            for premise in argument.premises:
                if premise not in found and premise != statement_id and premise in map.statements:
                    found[premise] = None
                    queue.append(premise)
    return tuple(found)


def dependents(map: ArgumentMap, statement_id: str) -> tuple[str, ...]:
    """Everything that falls with ``statement_id`` if it is rejected.

    An argument falls when one of its premises falls; a statement falls when
    it needs support (see :func:`evaluate`) and every argument supporting it
    has fallen. Attacks are not followed: an argument that attacks a fallen
    statement does not rise.

    Returns:
        The ids of the statements, then of the arguments, that fall, in
        authored order; ``statement_id`` itself is not among them.

    Raises:
        ValueError: If the map has no statement ``statement_id``.
    """
    fallen = {_statement(map, statement_id)}
    queue = [statement_id]
    for current in queue:
        for argument in map.arguments_using(current):
            if argument.id in fallen:
                continue
            fallen.add(argument.id)
            target = argument.target
            if (
                argument.kind == "support"
                and target in map.statements
                and target not in fallen
                and not _footing(map, target)
                and all(a.id in fallen for a in map.arguments_for(target))
            ):
                fallen.add(target)
                queue.append(target)
    fallen.discard(statement_id)
    return tuple(i for i in [*map.statements, *map.arguments] if i in fallen)


def unsupported_premises(map: ArgumentMap) -> tuple[str, ...]:
    """The premises that no argument supports: what the map takes as given, in authored order."""
    return tuple(
        sid for sid in map.statements if map.arguments_using(sid) and not map.arguments_for(sid)
    )


def uncontested(map: ArgumentMap) -> tuple[str, ...]:
    """The statements that no argument attacks, in authored order."""
    return tuple(sid for sid in map.statements if not map.arguments_against(sid))


@attrs.frozen
class Grounding:
    """What of a map the text says, what the map adds, and how much is quoted.

    :func:`grounding` counts it. A *stated* statement or argument is one the
    text says (not ``implicit``); a *quoted* one quotes its passage.

    Attributes:
        statements: How many statements the map has.
        stated_statements: How many of them are stated.
        implicit_statements: How many the map adds (``implicit``).
        quoted_statements: How many quote a source.
        questions: How many the text asks (``mode: question``).
        hypothetical: How many the text supposes (``mode: hypothetical``).
        arguments: How many arguments the map has.
        stated_arguments: How many of them are stated.
        implicit_arguments: How many the map adds (``implicit``).
        quoted_arguments: How many quote a source.
    """

    statements: int
    stated_statements: int
    implicit_statements: int
    quoted_statements: int
    questions: int
    hypothetical: int
    arguments: int
    stated_arguments: int
    implicit_arguments: int
    quoted_arguments: int

    def as_dict(self) -> dict[str, dict[str, int]]:
        """The counts as plain data, as ``argmap stats --format json`` prints them.

        ``{"statements": {"total", "stated", "implicit", "quoted",
        "questions", "hypothetical"}, "arguments": {"total", "stated",
        "implicit", "quoted"}}``, the keys in this order.
        """
        return {
            "statements": {
                "total": self.statements,
                "stated": self.stated_statements,
                "implicit": self.implicit_statements,
                "quoted": self.quoted_statements,
                "questions": self.questions,
                "hypothetical": self.hypothetical,
            },
            "arguments": {
                "total": self.arguments,
                "stated": self.stated_arguments,
                "implicit": self.implicit_arguments,
                "quoted": self.quoted_arguments,
            },
        }


def grounding(map: ArgumentMap) -> Grounding:
    """Count what of ``map`` the text says, what the map adds, and what is quoted.

    Example:
        >>> from argmap import ArgumentMap, Statement
        >>> m = ArgumentMap(
        ...     "Rain",
        ...     statements=[
        ...         Statement("rain", "Will it rain?", mode="question"),
        ...         Statement("rule", "Dark clouds bring rain.", implicit=True),
        ...     ],
        ... )
        >>> g = grounding(m)
        >>> g.stated_statements, g.implicit_statements, g.questions
        (1, 1, 1)
    """
    statements = list(map.statements.values())
    arguments = list(map.arguments.values())
    implicit = sum(s.implicit for s in statements)
    implicit_arguments = sum(a.implicit for a in arguments)
    return Grounding(
        statements=len(statements),
        stated_statements=len(statements) - implicit,
        implicit_statements=implicit,
        quoted_statements=sum(bool(s.quotes) for s in statements),
        questions=sum(s.mode == "question" for s in statements),
        hypothetical=sum(s.mode == "hypothetical" for s in statements),
        arguments=len(arguments),
        stated_arguments=len(arguments) - implicit_arguments,
        implicit_arguments=implicit_arguments,
        quoted_arguments=sum(bool(a.quotes) for a in arguments),
    )


def support_cycles(map: ArgumentMap) -> tuple[tuple[str, ...], ...]:
    """Statements that support one another in a circle.

    Returns:
        One tuple per group of statements that each rest, through supporting
        arguments, on all the others (a strongly connected part of the
        support graph; a statement that supports itself is a group of one),
        each in authored order; the groups ordered by their first statement.
    """
    ids = list(map.statements)
    number = {sid: i for i, sid in enumerate(ids)}
    targets: list[list[int]] = [[] for _ in ids]
    loops: set[int] = set()
    for argument in map.arguments.values():
        if argument.kind != "support" or argument.target not in number:
            continue
        for premise in argument.premises:
            if premise in number:
                targets[number[premise]].append(number[argument.target])
                if premise == argument.target:
                    loops.add(number[premise])
    groups = [
        part
        for part in _components(list(range(len(ids))), targets)
        if len(part) > 1 or part[0] in loops
    ]
    return tuple(tuple(ids[i] for i in part) for part in sorted(groups))
