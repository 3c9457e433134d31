"""argmap.analyse: frameworks and their extensions, the translation of maps, what-if, queries.

The extensions are cross-checked on random frameworks against an independent
implementation, python-argumentation (PyArg), used only here.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
    AbstractArgumentationFramework,
)
from py_arg.abstract_argumentation_classes.argument import Argument as PyArgArgument
from py_arg.abstract_argumentation_classes.defeat import Defeat
from py_arg.algorithms.semantics.get_complete_extensions import get_complete_extensions
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

import argmap
from argmap._limits import Budget
from argmap.analyse import (
    Acceptance,
    Change,
    DungSemantics,
    Evaluation,
    Framework,
    Label,
    Labelling,
    dependents,
    evaluate,
    framework,
    premises_of,
    stated_only,
    support_cycles,
    uncontested,
    unsupported_premises,
    what_if,
)
from argmap.errors import MapError
from argmap.model import Argument, ArgumentMap, Mode, Relation, Statement, Status

ROOT = Path(__file__).resolve().parent.parent
SEMANTICS: tuple[DungSemantics, ...] = ("grounded", "complete", "preferred", "stable")
ACCEPTANCES: tuple[Acceptance, ...] = ("sceptical", "credulous")
STATUSES: tuple[Status | None, ...] = (None, "assumed", "questioned")
LABELS: tuple[Label, ...] = ("in", "out", "undecided")
MODES: tuple[Mode, ...] = ("asserted", "asserted", "question", "hypothetical")


# -- small maps, written compactly ---------------------------------------------


VERBS: dict[str, Relation] = {"supports": "support", "attacks": "attack", "undercuts": "undercut"}


def amap(
    *arguments: str, assumed: Iterable[str] = (), questioned: Iterable[str] = ()
) -> ArgumentMap:
    """A map from lines like ``"A: a, b supports c"``, ``"B: d attacks c"``, ``"U: u undercuts A"``.

    A target in capitals is an argument: ``"K: k supports A"`` backs ``A``.

    Statements are the lower-case names, in order of first mention.
    """
    statuses: dict[str, Status] = {s: "assumed" for s in assumed}
    statuses.update({s: "questioned" for s in questioned})
    statements: dict[str, None] = {}
    built = []
    for line in arguments:
        aid, rest = line.split(": ")
        premises, verb, target = rest.rsplit(" ", 2)
        names = [p.strip() for p in premises.split(",")]
        statements.update(dict.fromkeys(names))
        if VERBS[verb] != "undercut" and not target[0].isupper():  # A, B, ...: arguments
            statements[target] = None
        built.append(Argument(aid, names, VERBS[verb], target))
    return ArgumentMap(
        "t",
        [Statement(s, s.upper() + ".", status=statuses.get(s)) for s in statements],
        built,
    )


def labels(evaluation: Evaluation) -> dict[str, Label]:
    return dict(evaluation.labels)


def labelled(text: str) -> dict[str, str]:
    """``"in: a b; out: c"`` as the labelling ``{"a": "in", "b": "in", "c": "out"}``."""
    return {
        node: label.strip()
        for part in text.split(";")
        for label, nodes in [part.split(":")]
        for node in nodes.split()
    }


# -- the framework on its own --------------------------------------------------


def test_reinstatement_in_a_chain_of_attacks() -> None:
    af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    assert af.grounded() == {"a", "c"}
    assert af.complete() == af.preferred() == af.stable() == (frozenset({"a", "c"}),)
    assert af.labelling(af.grounded()) == {"a": "in", "b": "out", "c": "in"}
    assert af.labelling(["b"]) == {"a": "undecided", "b": "in", "c": "out"}


def test_an_even_cycle_has_two_preferred_and_two_stable_extensions() -> None:
    af = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    assert af.grounded() == frozenset()
    assert af.complete() == (frozenset(), frozenset({"a"}), frozenset({"b"}))
    assert af.preferred() == af.stable() == (frozenset({"a"}), frozenset({"b"}))


def test_an_odd_cycle_has_no_stable_extension() -> None:
    af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert af.grounded() == frozenset()
    assert af.preferred() == (frozenset(),)
    assert af.stable() == ()
    assert af.labelling(()) == {"a": "undecided", "b": "undecided", "c": "undecided"}


def test_a_self_attacker_is_never_in_and_defeats_nothing() -> None:
    af = Framework(["a", "b"], [("a", "a"), ("a", "b")])
    assert af.grounded() == frozenset()
    assert af.preferred() == (frozenset(),)
    assert af.attackers("b") == ("a",)


def test_framework_checks_its_arguments_and_attacks() -> None:
    with pytest.raises(
        ValueError, match=r"'attacks' must join arguments of the framework \(got \('a', 'z'\)\)"
    ):
        Framework(["a"], [("a", "z")])
    with pytest.raises(ValueError, match="'arguments' must name each argument once"):
        Framework(["a", "a"])
    with pytest.raises(ValueError, match="'semantics' must be one of"):
        Framework(["a"]).extensions("ideal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'extension' must hold arguments of the framework"):
        Framework(["a"]).labelling(["b"])


def reference(size: int, attacks: set[tuple[int, int]]) -> dict[str, set[frozenset[str]]]:
    """The four semantics computed by python-argumentation."""
    nodes = [PyArgArgument(str(i)) for i in range(size)]
    af = AbstractArgumentationFramework(
        "af", nodes, [Defeat(nodes[a], nodes[b]) for a, b in sorted(attacks)]
    )

    def names(extensions: Iterable[Iterable[PyArgArgument]]) -> set[frozenset[str]]:
        return {frozenset(a.name for a in e) for e in extensions}

    return {
        "grounded": names([get_grounded_extension(af)]),
        "complete": names(get_complete_extensions(af)),
        "preferred": names(get_preferred_extensions(af)),
        "stable": names(get_stable_extensions(af)),
    }


frameworks = st.integers(0, 8).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))) if n else st.just(set()),
    )
)


@settings(max_examples=1000, deadline=None)
@given(frameworks)
def test_extensions_agree_with_python_argumentation(case: tuple[int, set[tuple[int, int]]]) -> None:
    size, attacks = case
    af = Framework([str(i) for i in range(size)], [(str(a), str(b)) for a, b in attacks])
    expected = reference(size, attacks)
    for semantics in SEMANTICS:
        found = af.extensions(semantics)
        assert len(found) == len(set(found))
        assert set(found) == expected[semantics], semantics
    assert {af.grounded()} == expected["grounded"]


larger_frameworks = st.integers(1, 14).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n),
    )
)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(frameworks.filter(lambda case: case[0] > 0), larger_frameworks))
def test_combining_by_classes_agrees_with_enumerating_every_labelling(
    case: tuple[int, set[tuple[int, int]]],
) -> None:
    """The labels each argument takes, and how many labellings there are, as enumerated.

    The evaluation combines the labellings of independent parts without
    enumerating them (``_Solver.combined``); the extensions are enumerated
    one by one (and agree with python-argumentation above).
    """
    size, attacks = case
    af = Framework([str(i) for i in range(size)], [(str(a), str(b)) for a, b in attacks])
    bit = {"in": 2, "out": 4, "undecided": 8}
    for semantics in SEMANTICS:
        extensions = af.extensions(semantics)
        expected = [0] * size
        for extension in extensions:
            for i, label in enumerate(af.labelling(extension).values()):
                expected[i] |= bit[label]
        masks, count = af._solver.combined(semantics, Budget(None, "testing"))
        assert (masks, count) == (expected, len(extensions)), semantics


def test_25_argument_frameworks_are_searched_in_few_steps() -> None:
    """Preferred and stable search the strongly connected parts one by one, with pruning.

    The bound is on the search's steps, not on time (timings belong to bench/).
    """
    generator = random.Random(25)
    names = [str(i) for i in range(25)]
    cases = [
        [(a, b) for a in names for b in names if generator.random() < density]
        for density in (0.05, 0.1, 0.15, 0.2, 0.3, 0.5)
        for _ in range(5)
    ]
    # Twelve independent even cycles: 2**12 preferred extensions, 3**12 complete ones.
    cases.append([(names[i], names[i ^ 1]) for i in range(24)])
    cases.append([(names[i], names[(i + 1) % 25]) for i in range(25)])
    for attacks in cases:
        af = Framework(names, attacks)
        af.grounded()
        af.preferred(max_steps=50_000)
        af.stable(max_steps=50_000)
    assert len(Framework(names, cases[-2]).preferred(max_steps=50_000)) == 4096


def ring(pairs: int) -> ArgumentMap:
    """A ring of ``pairs`` statements attacking each other in pairs, each pair the next."""
    lines = []
    for i in range(pairs):
        lines += [
            f"A{i}: p{i} attacks q{i}",
            f"B{i}: q{i} attacks p{i}",
            f"C{i}: q{i} attacks p{(i + 1) % pairs}",
        ]
    return amap(*lines)


def test_preferred_semantics_on_a_ring_of_attacking_pairs_needs_few_steps() -> None:
    """A search over admissible sets took millions of steps here; over complete ones, hundreds."""
    m = ring(24)
    preferred = evaluate(m, "preferred", max_steps=1_000)
    assert preferred.extensions == 2
    assert preferred.labels == evaluate(m, "stable", max_steps=1_000).labels
    assert Framework.preferred(framework(ring(10)), max_steps=1_000) == framework(ring(10)).stable(
        max_steps=1_000
    )


LIMIT_MESSAGE = (
    "{task} takes more than 1,000 steps, so it stopped; allow more with --max-steps "
    "(max_steps= in Python, or the environment variable ARGMAP_MAX_EVALUATION_STEPS), "
    "or use grounded semantics, which needs no search"
)


def pairs(count: int) -> ArgumentMap:
    """``count`` independent mutual attacks: ``2 ** count`` preferred labellings."""
    return amap(
        *(f"A{i}: a{i} attacks b{i}" for i in range(count)),
        *(f"B{i}: b{i} attacks a{i}" for i in range(count)),
    )


def pairs_around_a_ring(count: int) -> ArgumentMap:
    """Mutual attacks, each of which also attacks one of a ring of attacking statements.

    What the ring can be depends on the choices in every pair at once.
    """
    return amap(
        *(f"A{i}: a{i} attacks b{i}" for i in range(count)),
        *(f"B{i}: b{i} attacks a{i}" for i in range(count)),
        *(f"Z{i}: a{i} attacks c{i}" for i in range(count)),
        *(f"W{i}: c{i} attacks c{(i + 1) % count}" for i in range(count)),
    )


def test_independent_conflicts_are_combined_without_enumerating_their_labellings() -> None:
    """4,096 preferred labellings of twelve independent mutual attacks, counted in few steps."""
    m = pairs(12)
    assert evaluate(m, "preferred", max_steps=200).extensions == 4096
    assert evaluate(m, "stable", max_steps=200).extensions == 4096
    assert evaluate(m, "complete", max_steps=200).extensions == 3**12
    assert set(evaluate(m, "preferred", max_steps=200).statements.values()) == {"undecided"}
    credulous = evaluate(m, "preferred", acceptance="credulous", max_steps=200)
    assert set(credulous.statements.values()) == {"in"}
    with pytest.raises(argmap.LimitError, match="finding the stable extensions takes more"):
        framework(m).stable(max_steps=1_000)  # the extensions themselves: one step each


def test_an_evaluation_stops_at_its_step_limit_with_a_limit_error() -> None:
    m = pairs_around_a_ring(12)
    with pytest.raises(argmap.LimitError) as caught:
        evaluate(m, "preferred", max_steps=1_000)
    assert str(caught.value) == LIMIT_MESSAGE.format(
        task="evaluating this map under preferred semantics"
    )
    assert isinstance(caught.value, RuntimeError)
    assert evaluate(m, "preferred", max_steps=100_000).extensions == 4097
    assert evaluate(m, "grounded", max_steps=1).extensions == 1  # no search at all


def test_the_step_limit_comes_from_the_environment_unless_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    m = pairs_around_a_ring(12)
    monkeypatch.setenv("ARGMAP_MAX_EVALUATION_STEPS", "1000")
    with pytest.raises(argmap.LimitError, match="more than 1,000 steps"):
        evaluate(m, "preferred")
    assert evaluate(m, "preferred", max_steps=100_000).extensions == 4097
    monkeypatch.setenv("ARGMAP_MAX_EVALUATION_STEPS", "many")
    with pytest.raises(argmap.LimitError) as caught:
        evaluate(m, "preferred")
    assert str(caught.value) == (
        "ARGMAP_MAX_EVALUATION_STEPS must be a whole number above 0, the most steps of an "
        "evaluation (got 'many'); unset it for the default, 1,000,000"
    )
    with pytest.raises(ValueError, match=r"'max_steps' must be more than 0 \(got 0\)"):
        evaluate(m, "preferred", max_steps=0)


# -- the translation: exact labels on small maps ------------------------------


def test_linked_premises_are_needed_together() -> None:
    m = amap("A: a, b supports c")
    assert labels(evaluate(m)) == {"a": "in", "b": "in", "c": "in", "A": "in"}
    m = amap("A: a, b supports c", questioned=["b"])
    assert labels(evaluate(m)) == {"a": "in", "b": "out", "c": "out", "A": "out"}


def test_convergent_support_needs_one_argument() -> None:
    m = amap("A: a supports c", "B: b supports c", questioned=["a"])
    assert labels(evaluate(m)) == {"a": "out", "c": "in", "b": "in", "A": "out", "B": "in"}
    m = amap("A: a supports c", "B: b supports c", questioned=["a", "b"])
    assert evaluate(m).statements["c"] == "out"


def test_a_chain_falls_with_its_first_premise() -> None:
    m = amap("A: a supports b", "B: b supports c")
    assert labels(evaluate(m)) == {"a": "in", "b": "in", "c": "in", "A": "in", "B": "in"}
    assert labels(evaluate(m, reject=["a"])) == labelled("out: a b c A B")


def test_undermining_an_unsupported_premise_succeeds() -> None:
    m = amap("A: p supports c", "B: q attacks p")
    assert labels(evaluate(m)) == {"p": "out", "c": "out", "q": "in", "A": "out", "B": "in"}


def test_rebuttal_is_a_standoff_between_the_argument_for_and_the_argument_against() -> None:
    m = amap("A: a supports c", "B: b attacks c")
    grounded = {"a": "in", "c": "undecided", "b": "in", "A": "undecided", "B": "undecided"}
    assert labels(evaluate(m)) == grounded
    assert labels(evaluate(m, "preferred")) == grounded
    assert labels(evaluate(m, "preferred", acceptance="credulous")) == grounded | {
        "c": "in",
        "A": "in",
        "B": "in",
    }
    assert evaluate(m, "stable").extensions == 2


def test_a_rebuttal_whose_premise_falls_leaves_the_support_standing() -> None:
    m = amap("A: a supports c", "B: b attacks c", "C: d attacks b")
    assert labels(evaluate(m)) == labelled("in: a c d A C; out: b B")


def test_an_undercut_defeats_the_inference_not_its_premises() -> None:
    m = amap("A: a supports c", "U: u undercuts A")
    assert labels(evaluate(m)) == {"a": "in", "c": "out", "u": "in", "A": "out", "U": "in"}


def test_an_assumed_conclusion_stands_without_its_undercut_support() -> None:
    m = amap("A: a supports c", "U: u undercuts A", assumed=["c"])
    assert evaluate(m).statements["c"] == "in"


def test_an_attack_on_an_argument_as_a_whole_defeats_it() -> None:
    m = amap("A: a supports c", "B: b attacks A")
    assert labels(evaluate(m)) == labelled("in: a b B; out: c A")
    assert ("B", "A") in framework(m).attacks


def test_backing_alone_changes_nothing() -> None:
    m = amap("A: a supports c", "K: k supports A")
    assert labels(evaluate(m)) == labelled("in: a c k A K")


def test_backing_and_an_attack_on_the_argument_defeat_each_other() -> None:
    """As a supporting and an attacking argument of a statement do (rebuttal)."""
    m = amap("A: a supports c", "B: b attacks A", "K: k supports A")
    assert labels(evaluate(m)) == labelled("in: a b k; undecided: c A B K")
    assert {("B", "K"), ("K", "B"), ("B", "A")} <= framework(m).attacks
    assert evaluate(m, "preferred", acceptance="credulous").arguments["A"] == "in"
    m = amap("A: a supports c", "B: b attacks A", "K: k supports A", questioned=["b"])
    assert labels(evaluate(m)) == labelled("in: a c k A K; out: b B")


def test_a_backer_that_falls_no_longer_defends() -> None:
    m = amap("A: a supports c", "B: b attacks A", "K: k supports A", questioned=["k"])
    assert labels(evaluate(m)) == labelled("in: a b B; out: c k A K")


def test_backing_does_not_meet_an_undercut() -> None:
    """An undercut names the flaw precisely; only an attack on the undercutter meets it."""
    m = amap("A: a supports c", "U: u undercuts A", "K: k supports A")
    assert labels(evaluate(m)) == labelled("in: a k u U K; out: c A")


def test_a_circle_of_support_is_undecided_unless_something_outside_decides_it() -> None:
    m = amap("A: a supports b", "B: b supports a")
    assert labels(evaluate(m)) == labelled("undecided: a b A B")
    m = amap("A: a supports b", "B: b supports a", "C: c supports a")
    assert labels(evaluate(m)) == labelled("in: a b c A B C")
    m = amap("A: a supports b", "B: b supports a", assumed=["a"])
    assert labels(evaluate(m)) == labelled("in: a b A B")
    # An attack on a statement of the circle meets the circle's argument for it (rebuttal).
    m = amap("A: a supports b", "B: b supports a", "C: c attacks a", assumed=["a"])
    assert labels(evaluate(m)) == labelled("in: c; undecided: a b A B C")


def test_stated_only_drops_what_aims_at_an_argument_left_out() -> None:
    m = ArgumentMap(
        "t",
        [Statement(s, s.upper() + ".", implicit=s == "r") for s in "abkqr"],
        [
            Argument("A", ["a", "r"], "support", "b", implicit=True),
            Argument("K", ["k"], "support", "A"),
            Argument("Q", ["q"], "attack", "K"),
        ],
    )
    kept = stated_only(m)
    assert list(kept.arguments) == []
    assert list(kept.statements) == ["a", "b", "k", "q"]


def test_a_questioned_premise_needs_support() -> None:
    m = amap("A: a supports c", questioned=["a"])
    assert labels(evaluate(m)) == {"a": "out", "c": "out", "A": "out"}


def test_reinstatement_through_a_counterattack() -> None:
    m = amap("A: p supports c", "B: q attacks p", "C: r attacks q")
    assert labels(evaluate(m)) == labelled("in: p c r A C; out: q B")


def test_an_even_cycle_of_attacks_is_undecided_sceptically_and_in_credulously() -> None:
    m = amap("A: a attacks b", "B: b attacks a")
    undecided = dict.fromkeys(["a", "b", "A", "B"], "undecided")
    assert labels(evaluate(m)) == undecided
    assert labels(evaluate(m, "preferred")) == undecided
    assert labels(evaluate(m, "stable", acceptance="credulous")) == dict.fromkeys(undecided, "in")
    assert evaluate(m, "preferred").extensions == 2


def test_an_odd_cycle_of_attacks_has_no_stable_labelling() -> None:
    m = amap("A: a attacks b", "B: b attacks c", "C: c attacks a")
    assert set(evaluate(m, "preferred").labels.values()) == {"undecided"}
    stable = evaluate(m, "stable")
    assert stable.extensions == 0
    assert set(stable.labels.values()) == {"undecided"}


def test_complete_sceptical_is_grounded() -> None:
    m = amap("A: a attacks b", "B: b attacks a", "C: a supports c")
    assert labels(evaluate(m, "complete")) == labels(evaluate(m))
    assert evaluate(m, "complete").extensions == 3


def test_accepting_a_statement_defeats_its_attackers() -> None:
    m = amap("A: p supports c", "B: q attacks p")
    result = evaluate(m, accept=["p"])
    assert labels(result) == {"p": "in", "c": "in", "q": "in", "A": "in", "B": "out"}
    assert result.accept == ("p",)


def test_accepting_a_questioned_statement_makes_it_in() -> None:
    m = amap("A: a supports c", questioned=["a"])
    assert evaluate(m, accept="a").statements == {"a": "in", "c": "in"}


def test_rejecting_a_conclusion_defeats_its_support_and_frees_its_attacker() -> None:
    m = amap("A: a supports c", "B: b attacks c")
    assert labels(evaluate(m, reject=["c"])) == labelled("in: a b B; out: c A")


def test_what_if_lists_the_changes_statements_first() -> None:
    m = amap("A: a supports b", "B: b supports c", "X: x attacks b")
    assert what_if(m, accept=["b"]) == (
        Change("b", "undecided", "in"),
        Change("c", "undecided", "in"),
        Change("A", "undecided", "in"),
        Change("B", "undecided", "in"),
        Change("X", "undecided", "out"),
    )
    assert what_if(m) == ()


def test_what_if_ids_are_checked() -> None:
    m = amap("A: lifeline supports less")
    with pytest.raises(
        ValueError,
        match=r"'accept' names 'lifline', which is not a statement of the map "
        r"\(did you mean 'lifeline'\?\)",
    ):
        evaluate(m, accept=["lifline"])
    with pytest.raises(
        ValueError, match="'reject' names 'A', which is an argument; it takes statements"
    ):
        evaluate(m, reject=["A"])
    with pytest.raises(ValueError, match="'less' is both accepted and rejected; choose one"):
        what_if(m, accept=["less"], reject=["less"])


def test_semantics_and_acceptance_are_checked() -> None:
    m = amap("A: a supports b")
    with pytest.raises(
        ValueError,
        match=r"'semantics' must be one of "
        r"\['grounded', 'complete', 'preferred', 'stable', 'carneades'\] \(got 'ideal'\)",
    ):
        evaluate(m, "ideal")  # type: ignore[arg-type]
    with pytest.raises(
        ValueError,
        match=r"'semantics' must be one of "
        r"\['grounded', 'complete', 'preferred', 'stable'\] \(got 'carneades'\)",
    ):
        Framework(["a"]).extensions("carneades")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'acceptance' must be one of"):
        evaluate(m, acceptance="brave")  # type: ignore[arg-type]


def test_an_unsound_map_is_refused_with_the_checks_issues() -> None:
    m = ArgumentMap(
        "t",
        [Statement("a", "A."), Statement("b", "B.")],
        [
            Argument("x", ["a"], "support", "b"),
            Argument("y", ["b"], "support", "a"),
            Argument("z", ["q"], "attack", "a"),
        ],
    )
    with pytest.raises(MapError) as caught:
        evaluate(m)
    assert [i.code for i in caught.value.issues] == ["unknown-statement"]


def test_the_translation_names_its_helper_nodes() -> None:
    m = amap("A: a supports c", "B: b attacks c", questioned=["b"])
    af = framework(m, reject=["a"])
    assert af.arguments == (
        "a",
        "c",
        "b",
        "A",
        "B",
        "not:a",
        "not:b",
        "rejected:a",
        "unsupported:c",
        "unsupported:b",
    )
    assert af.attackers("c") == ("B", "unsupported:c")
    assert af.attackers("A") == ("B", "not:a")
    assert af.attackers("B") == ("A", "not:b")
    assert af.attackers("a") == ("rejected:a",)


def test_evaluation_reads_like_a_mapping_and_compares() -> None:
    m = amap("A: a supports b")
    result = evaluate(m, reject="a")
    assert result.label("b") == "out"
    assert result.label("A") == "out"
    with pytest.raises(KeyError, match="'bb' is not a statement or argument of the map"):
        result.label("bb")
    assert result.statements.having("out") == ("a", "b")
    assert list(result.labels) == ["a", "b", "A"]
    assert result == evaluate(m, reject=["a"])
    assert hash(result) == hash(evaluate(m, reject=["a"]))
    assert evaluate(m).diff(result) == (
        Change("a", "in", "out"),
        Change("b", "in", "out"),
        Change("A", "in", "out"),
    )
    plain: dict[str, Label] = {"a": "in"}
    assert Labelling(plain) == plain
    with pytest.raises(ValueError, match="'label' must be one of"):
        Labelling([("a", "maybe")])  # type: ignore[list-item]


def test_every_shipped_map_evaluates_under_every_semantics() -> None:
    for path in sorted(ROOT.joinpath("maps").glob("*.yaml")):
        m = argmap.load(path)
        for semantics in SEMANTICS:
            result = evaluate(m, semantics)
            assert list(result.statements) == list(m.statements), path.name
            assert list(result.arguments) == list(m.arguments), path.name


# -- the translation: the rules it stands for, checked exhaustively -----------


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    """Random sound maps: support only goes from earlier to later statements."""
    size = draw(st.integers(1, 4))
    names = [f"s{i}" for i in range(size)]
    statuses = draw(st.lists(st.sampled_from(STATUSES), min_size=size, max_size=size))
    modes = draw(st.lists(st.sampled_from(MODES), min_size=size, max_size=size))
    built: list[Argument] = []
    for i in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["support", "attack", "undercut"]))
        if kind == "undercut":
            if not built:
                continue
            target = draw(st.sampled_from([a.id for a in built]))
            premises = draw(st.sets(st.sampled_from(names), min_size=1, max_size=2))
        else:
            target_index = draw(st.integers(0, size - 1))
            target = names[target_index]
            pool = (
                names[:target_index]
                if kind == "support"
                else names[:target_index] + names[target_index + 1 :]
            )
            if not pool:
                continue
            premises = draw(st.sets(st.sampled_from(pool), min_size=1, max_size=2))
        built.append(Argument(f"A{i}", sorted(premises), kind, target))  # type: ignore[arg-type]
    return ArgumentMap(
        "t",
        [
            Statement(n, n.upper() + ".", status=s, mode=mode)
            for n, s, mode in zip(names, statuses, modes, strict=True)
        ],
        built,
    )


def satisfies_the_rules(
    m: ArgumentMap, given: dict[str, Label], accept: set[str], reject: set[str]
) -> bool:
    """Whether ``given`` obeys the local rules of docs/evaluation.md for every node."""

    def wanted(ins: bool, outs: bool) -> Label:
        return "in" if ins else "out" if outs else "undecided"

    for a in m.arguments.values():
        ins = all(given[p] == "in" for p in a.premises)
        outs = any(given[p] == "out" for p in a.premises)
        opponents: list[str] = [u.id for u in m.undercutters(a.id)]
        if a.kind == "support":
            opponents += [b.id for b in m.arguments_against(a.target)]
            if a.target in reject:
                outs, ins = True, False
        elif a.kind == "attack":
            opponents += [s.id for s in m.arguments_for(a.target)]
            if a.target in accept:
                outs, ins = True, False
        ins = ins and all(given[o] == "out" for o in opponents)
        outs = outs or any(given[o] == "in" for o in opponents)
        if given[a.id] != wanted(ins, outs):
            return False
    for sid, s in m.statements.items():
        supporters = [a.id for a in m.arguments_for(sid)]
        attackers = [a.id for a in m.arguments_against(sid)]
        footing = s.mode == "asserted" and (
            s.status == "assumed" or (s.status is None and not supporters)
        )
        if sid in accept:
            expected: Label = "in"
        elif sid in reject:
            expected = "out"
        else:
            ins = all(given[b] == "out" for b in attackers) and (
                footing or any(given[a] == "in" for a in supporters)
            )
            outs = any(given[b] == "in" for b in attackers) or (
                not footing and all(given[a] == "out" for a in supporters)
            )
            expected = wanted(ins, outs)
        if given[sid] != expected:
            return False
    return True


@settings(max_examples=300, deadline=None)
@given(maps(), st.data())
def test_complete_labellings_are_exactly_the_labellings_that_obey_the_rules(
    m: ArgumentMap, data: st.DataObject
) -> None:
    accept = data.draw(st.sets(st.sampled_from(list(m.statements)), max_size=1))
    reject = data.draw(
        st.sets(st.sampled_from([s for s in m.statements if s not in accept] or ["-"]), max_size=1)
    ) - {"-"}
    ids = [*m.statements, *m.arguments]
    by_rules = set()
    for combination in itertools.product(LABELS, repeat=len(ids)):
        given_labels = dict(zip(ids, combination, strict=True))
        if satisfies_the_rules(m, given_labels, accept, reject):
            by_rules.add(combination)
    af = framework(m, accept=accept, reject=reject)
    projected = {tuple(af.labelling(e)[i] for i in ids) for e in af.complete()}
    assert projected == by_rules
    # The evaluation combines the framework's labellings as documented.
    for semantics in SEMANTICS:
        labellings = [af.labelling(e) for e in af.extensions(semantics)]
        for acceptance in ACCEPTANCES:
            result = evaluate(m, semantics, accept=accept, reject=reject, acceptance=acceptance)
            for i in ids:
                seen = {lab[i] for lab in labellings}
                if not labellings:
                    expected: Label = "undecided"
                elif seen == {"out"}:
                    expected = "out"
                elif seen == {"in"} or (acceptance == "credulous" and "in" in seen):
                    expected = "in"
                else:
                    expected = "undecided"
                assert result.label(i) == expected


@settings(max_examples=300, deadline=None)
@given(maps(), st.sampled_from(SEMANTICS))
def test_what_stands_carries_its_effect(m: ArgumentMap, semantics: DungSemantics) -> None:
    """An argument that is in has its premises in and its effect on its target."""
    af = framework(m)
    for extension in af.extensions(semantics):
        lab = af.labelling(extension)
        for a in m.arguments.values():
            if lab[a.id] != "in":
                continue
            assert all(lab[p] == "in" for p in a.premises)
            assert lab[a.target] == {"support": "in", "attack": "out", "undercut": "out"}[a.kind]
        for sid in m.statements:
            if lab[sid] == "in":
                assert all(lab[b.id] == "out" for b in m.arguments_against(sid))


# -- queries -------------------------------------------------------------------


def test_premises_of_follows_support_back_nearest_first() -> None:
    m = amap("A: a, b supports c", "B: d supports a", "C: e attacks c", "D: f supports d")
    assert premises_of(m, "c") == ("a", "b", "d", "f")
    assert premises_of(m, "f") == ()
    with pytest.raises(
        ValueError, match=r"'cc' is not a statement of the map \(did you mean 'c'\?\)"
    ):
        premises_of(m, "cc")


def test_dependents_are_what_falls_with_a_statement() -> None:
    m = amap(
        "A: a, b supports c",
        "B: c supports d",
        "C: x supports d",
        "D: c attacks y",
        "E: c supports z",
        assumed=["z"],
    )
    # d keeps C; z is assumed; y is attacked by D, which falls.
    assert dependents(m, "a") == ("c", "A", "B", "D", "E")
    assert dependents(m, "x") == ("C",)
    assert dependents(m, "d") == ()


def test_unsupported_premises_and_uncontested_statements() -> None:
    m = amap("A: a, b supports c", "B: d supports a", "C: e attacks b", "D: c attacks f")
    assert unsupported_premises(m) == ("b", "d", "e")
    assert uncontested(m) == ("a", "c", "d", "e")


def test_support_cycles_are_the_circles_of_support() -> None:
    m = ArgumentMap(
        "t",
        [Statement(s, s.upper() + ".") for s in "abcde"],
        [
            Argument("x", ["a"], "support", "b"),
            Argument("y", ["b"], "support", "c"),
            Argument("z", ["c", "d"], "support", "a"),
            Argument("w", ["e"], "support", "e"),
            Argument("v", ["d"], "attack", "d"),
        ],
    )
    assert support_cycles(m) == (("a", "b", "c"), ("e",))
    assert support_cycles(amap("A: a supports b")) == ()


def test_the_maps_shown_in_the_evaluation_page_are_the_example_files() -> None:
    """A ```yaml block starting ``# docs/examples/NAME.yaml`` shows that file, whole."""
    page = (ROOT / "docs" / "evaluation.md").read_text("utf-8")
    shown = [b for b in page.split("```yaml\n")[1:] if b.startswith("# docs/examples/")]
    assert len(shown) == 4
    for block in shown:
        name = block.split("\n", 1)[0].removeprefix("# ")
        assert block.split("```\n", 1)[0] == (ROOT / name).read_text("utf-8"), name
