"""Issues and weights in the format: reading, writing, the checks and their messages."""

from __future__ import annotations

import pytest

import argmap
from argmap import Dispute, MapError

PARTNERSHIP = """\
argmap: 1
title: Partnership
lang: [en, de]
statements:
  solid: {text: {en: The partnership is solid., de: Die Partnerschaft ist solide.}}
  fragile: The partnership is fragile.
  ask: {text: Is the partnership solid?, mode: question}
  deals: {text: They signed deals., status: assumed}
  broke: {text: Dictators break promises., status: assumed}
arguments:
  a1: {premises: [deals], supports: solid, weight: 0.6}
  a2: {premises: [broke], supports: fragile, weight: 0.4, weighing: cumulative}
issues:
  partnership:
    question: {en: Is the partnership solid?, de: Ist die Partnerschaft solide?}
    statement: ask
    positions: [solid, fragile]
    standard: cce
"""


def test_issues_and_weights_are_read() -> None:
    m = argmap.loads(PARTNERSHIP)
    issue = m.issues["partnership"]
    assert (issue.positions, issue.statement, issue.standard) == (
        ("solid", "fragile"),
        "ask",
        "cce",
    )
    assert issue.question == "Is the partnership solid?"
    assert [(t.lang, t.text) for t in issue.translations] == [
        ("de", "Ist die Partnerschaft solide?")
    ]
    assert m.issue_of("fragile") is issue
    assert m.issue_of("deals") is None
    a2 = m.arguments["a2"]
    assert (a2.weight, a2.weighing) == (0.4, "cumulative")
    assert (m.arguments["a1"].weight, m.arguments["a1"].weighing) == (0.6, "linked")


def test_issues_and_weights_are_written_back_as_read() -> None:
    m = argmap.loads(PARTNERSHIP)
    text = argmap.dumps(m)
    assert text.endswith(
        "issues:\n"
        "  partnership:\n"
        "    question:\n"
        "      en: Is the partnership solid?\n"
        "      de: Ist die Partnerschaft solide?\n"
        "    statement: ask\n"
        "    positions: [solid, fragile]\n"
        "    standard: cce\n"
    )
    assert "    weight: 0.4\n    weighing: cumulative\n" in text
    assert argmap.loads(text) == m
    for fmt, name in (("json", "m.json"), ("argdown", "m.argdown"), ("aif", "m.aif.json")):
        assert argmap.loads(argmap.dumps(m, fmt), file=name) == m  # type: ignore[arg-type]


def test_the_default_standard_is_preponderance_of_the_evidence() -> None:
    issue = Dispute("q", ["yes", "no"])
    assert (issue.standard, issue.proof_standard) == (None, "pe")


def test_positions_of_an_issue_are_not_unconnected() -> None:
    m = argmap.loads(
        "argmap: 1\ntitle: t\nstatements: {yes: Y., no: N.}\nissues:\n  q: {positions: [yes, no]}\n"
    )
    assert [i.code for i in argmap.check(m)] == []


def test_the_issue_rules_say_what_is_wrong_and_where() -> None:
    text = """\
argmap: 1
title: Bad
statements:
  s: S
  t: T
arguments:
  a1: {premises: [s], supports: t, weight: 1.5, weighing: linkd}
issues:
  i1: {positions: [s, u], statement: v}
  i2: {positions: [s]}
  i3: {positions: [t, s], standard: xyz}
"""
    with pytest.raises(MapError) as caught:
        argmap.loads(text, file="bad.yaml")
    assert [str(i) for i in caught.value.issues] == [
        "bad.yaml:7:44: error: invalid-value: 'weight' of argument 'a1' must be a number "
        "from 0 to 1, such as 0.7 (got 1.5)",
        "bad.yaml:7:59: error: invalid-value: 'weighing' of argument 'a1' must be one of "
        "linked, convergent, cumulative, factorized, constant (got 'linkd') "
        "(did you mean 'linked'?)",
        "bad.yaml:9:23: error: unknown-statement: issue 'i1' lists position 'u', which is "
        "not a defined statement; define it under 'statements' or fix the id",
        "bad.yaml:9:38: error: unknown-statement: issue 'i1' is asked by 'v', which is not "
        "a defined statement; define it under 'statements' or fix the id",
        "bad.yaml:10:8: error: too-few-positions: issue 'i2' has 1 position(s); an issue "
        "needs two or more statements that exclude each other: add the other answer (e.g. "
        "the statement's negation) to 'positions'",
        "bad.yaml:10:20: error: position-in-two-issues: issue 'i2' lists position 's', which "
        "is a position of issue 'i1' already; a statement answers one issue: merge the two "
        "issues or remove it from one",
        "bad.yaml:11:23: error: position-in-two-issues: issue 'i3' lists position 's', which "
        "is a position of issue 'i1' already; a statement answers one issue: merge the two "
        "issues or remove it from one",
        "bad.yaml:11:37: error: invalid-value: 'standard' of issue 'i3' must be one of pe, "
        "cce, brd (got 'xyz')",
    ]


@pytest.mark.parametrize("weight", [-0.1, 1.01, True, "heavy"])
def test_a_weight_outside_0_to_1_is_refused_in_python(weight: object) -> None:
    with pytest.raises(ValueError, match=r"'weight' must be a number from 0 to 1"):
        argmap.Argument("a", ["p"], "support", "c", weight=weight)  # type: ignore[arg-type]
