"""argmap.explain: the reasons for a label and the premises that would change it."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from strategies import fuzz, sound_maps

from argmap import ArgumentMap, evaluate
from argmap._explain import explain
from argmap.analyse import Label

ALL_SEMANTICS = ("grounded", "complete", "preferred", "stable", "carneades")


def _brute_force(
    m: ArgumentMap, key: str, semantics: str, acceptance: str
) -> tuple[tuple[str, ...], ...]:
    """The smallest sets of leaf statements whose rejection or acceptance changes ``key``'s label,
    found by evaluating the whole map with every set."""
    plain = evaluate(m, semantics, acceptance=acceptance)  # type: ignore[arg-type]
    label: Label = plain.label(key)
    leaves = [s for s in m.statements if s != key and not m.arguments_for(s)]
    for size in range(1, len(leaves) + 1):
        found = []
        for chosen in itertools.combinations(leaves, size):
            what = {"reject" if label == "in" else "accept": chosen}
            after = evaluate(m, semantics, acceptance=acceptance, **what)  # type: ignore[arg-type]
            if after.label(key) != label:
                found.append(chosen)
        if found:
            return tuple(found)
    return ()


@fuzz(150)
@given(
    sound_maps(),
    st.sampled_from(ALL_SEMANTICS),
    st.sampled_from(["sceptical", "credulous"]),
)
def test_smallest_sets_match_brute_force(m: ArgumentMap, semantics: str, acceptance: str) -> None:
    """The sets explain finds are exactly the smallest ones evaluating the whole map finds."""
    labelled = evaluate(m, semantics).labels  # type: ignore[arg-type]
    for key in labelled:
        why = explain(m, key, semantics, acceptance=acceptance)  # type: ignore[arg-type]
        assert why.exhaustive
        assert why.sets == _brute_force(m, key, semantics, acceptance), key
