"""argmap.analyse on what the text says and what the map adds.

Questions and hypotheses are never taken as given; ``stated_only`` evaluates
the text alone; ``grounding`` counts the stated, implicit and quoted parts.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analyse import (
    Acceptance,
    Change,
    Evaluation,
    Grounding,
    Label,
    Semantics,
    evaluate,
    framework,
    grounding,
    stated_only,
    what_if,
)
from argmap.model import Argument, ArgumentMap, Citation, Group, Mode, Source, Statement

SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")
ACCEPTANCES: tuple[Acceptance, ...] = ("sceptical", "credulous")
EVERY_WAY = list(itertools.product(SEMANTICS, ACCEPTANCES))


def statement(sid: str, **kwargs: object) -> Statement:
    return Statement(sid, sid.upper() + ".", **kwargs)  # type: ignore[arg-type]


def labels(evaluation: Evaluation) -> dict[str, Label]:
    return dict(evaluation.labels)


def every_way(m: ArgumentMap, **kwargs: object) -> set[tuple[tuple[str, Label], ...]]:
    """The labels under every semantics and acceptance, as a set (one element when all agree)."""
    return {
        tuple(evaluate(m, semantics, acceptance=acceptance, **kwargs).labels.items())  # type: ignore[arg-type]
        for semantics, acceptance in EVERY_WAY
    }


# -- questions and hypotheses ----------------------------------------------------


@pytest.mark.parametrize("mode", ["question", "hypothetical"])
def test_a_question_or_hypothesis_nobody_argues_for_is_out_every_way(mode: Mode) -> None:
    m = ArgumentMap("t", [statement("q", mode=mode), statement("p")])
    assert every_way(m) == {(("q", "out"), ("p", "in"))}


@pytest.mark.parametrize("mode", ["question", "hypothetical"])
def test_status_assumed_does_not_make_a_question_given(mode: Mode) -> None:
    m = ArgumentMap("t", [statement("q", mode=mode, status="assumed")])
    assert every_way(m) == {(("q", "out"),)}


def test_a_question_with_a_supporting_argument_that_is_in_is_in_every_way() -> None:
    m = ArgumentMap(
        "t",
        [statement("q", mode="question"), statement("p")],
        [Argument("yes", ["p"], "support", "q")],
    )
    assert every_way(m) == {(("q", "in"), ("p", "in"), ("yes", "in"))}


def test_a_question_whose_supporting_argument_falls_is_out_every_way() -> None:
    m = ArgumentMap(
        "t",
        [statement("q", mode="question"), statement("p"), statement("r")],
        [Argument("yes", ["p"], "support", "q"), Argument("no-p", ["r"], "attack", "p")],
    )
    assert every_way(m) == {
        (("q", "out"), ("p", "out"), ("r", "in"), ("yes", "out"), ("no-p", "in"))
    }


def test_a_question_in_a_standoff_follows_the_semantics_like_any_conclusion() -> None:
    m = ArgumentMap(
        "t",
        [statement("q", mode="question"), statement("a"), statement("b")],
        [Argument("pro", ["a"], "support", "q"), Argument("con", ["b"], "attack", "q")],
    )
    assert evaluate(m).statements["q"] == "undecided"
    assert evaluate(m, "preferred").statements["q"] == "undecided"
    # One preferred labelling accepts the argument for it: credulously, that is enough.
    assert evaluate(m, "preferred", acceptance="credulous").statements["q"] == "in"


def test_nothing_resting_on_a_hypothetical_premise_is_in_every_way() -> None:
    m = ArgumentMap(
        "t",
        [statement("h", mode="hypothetical"), statement("p"), statement("c"), statement("d")],
        [
            Argument("if-h", ["h", "p"], "support", "c"),
            Argument("then", ["c"], "support", "d"),
        ],
    )
    assert every_way(m) == {
        (("h", "out"), ("p", "in"), ("c", "out"), ("d", "out"), ("if-h", "out"), ("then", "out"))
    }


def test_an_argument_from_a_hypothesis_defeats_nothing() -> None:
    m = ArgumentMap(
        "t",
        [statement("h", mode="hypothetical"), statement("s"), statement("u"), statement("a")],
        [
            Argument("against", ["h"], "attack", "s"),
            Argument("pro", ["a"], "support", "u"),
            Argument("cut", ["h"], "undercut", "pro"),
        ],
    )
    assert every_way(m) == {
        (
            ("h", "out"),
            ("s", "in"),
            ("u", "in"),
            ("a", "in"),
            ("against", "out"),
            ("pro", "in"),
            ("cut", "out"),
        )
    }


@pytest.mark.parametrize(("semantics", "acceptance"), EVERY_WAY)
def test_accept_still_accepts_a_hypothesis_and_what_rests_on_it(
    semantics: Semantics, acceptance: Acceptance
) -> None:
    m = ArgumentMap(
        "t",
        [statement("h", mode="hypothetical"), statement("c")],
        [Argument("if-h", ["h"], "support", "c")],
    )
    result = evaluate(m, semantics, accept=["h"], acceptance=acceptance)
    assert labels(result) == {"h": "in", "c": "in", "if-h": "in"}


def test_what_if_a_question_were_answered_yes() -> None:
    m = ArgumentMap(
        "t",
        [statement("q", mode="question"), statement("c")],
        [Argument("from-q", ["q"], "support", "c")],
    )
    assert what_if(m, accept=["q"]) == (
        Change("q", "out", "in"),
        Change("c", "out", "in"),
        Change("from-q", "out", "in"),
    )


def test_the_framework_gives_a_question_an_unattacked_unsupported_node() -> None:
    m = ArgumentMap("t", [statement("q", mode="question"), statement("p")])
    af = framework(m)
    assert af.arguments == ("q", "p", "unsupported:q")
    assert af.attackers("q") == ("unsupported:q",)
    assert af.attackers("unsupported:q") == ()


# -- stated_only -------------------------------------------------------------------


def enthymeme() -> ArgumentMap:
    """A stated argument for ``c`` with an implicit premise, and what hangs on it."""
    return ArgumentMap(
        "t",
        [
            statement("c"),
            statement("p"),
            statement("bridge", implicit=True),
            statement("d"),
            statement("e"),
        ],
        [
            Argument("text", ["p", "bridge"], "support", "c"),
            Argument("cut", ["e"], "undercut", "text"),
            Argument("cut-cut", ["p"], "undercut", "cut"),
            Argument("reading", ["p"], "support", "d", implicit=True),
        ],
        groups=[Group("g", "G", ["bridge", "text"]), Group("h", "H", ["bridge", "c"])],
        theses=["c", "bridge"],
    )


def test_stated_only_removes_implicit_parts_and_what_loses_a_premise_or_target() -> None:
    kept = stated_only(enthymeme())
    assert list(kept.statements) == ["c", "p", "d", "e"]
    # 'text' loses its premise, 'cut' its target, 'cut-cut' its target in turn.
    assert list(kept.arguments) == []
    assert kept.theses == ("c",)
    assert [(g.id, g.members) for g in kept.groups.values()] == [("h", ("c",))]
    assert kept.statements["c"] == enthymeme().statements["c"]


def test_stated_only_keeps_a_map_without_implicit_parts_as_it_is() -> None:
    m = ArgumentMap("t", [statement("a"), statement("b")], [Argument("x", ["a"], "support", "b")])
    assert stated_only(m) is m


def test_stated_only_is_pure() -> None:
    m = enthymeme()
    stated_only(m)
    assert m == enthymeme()


def test_evaluating_the_stated_parts_only() -> None:
    m = enthymeme()
    assert labels(evaluate(m)) == {
        "c": "in",
        "p": "in",
        "bridge": "in",
        "d": "in",
        "e": "in",
        "text": "in",
        "cut": "out",
        "cut-cut": "in",
        "reading": "in",
    }
    text_alone = evaluate(m, stated_only=True)
    assert text_alone.stated_only
    # The text argues for c, and its argument needs what the map adds: out.
    # Only the map's own reading supports d: the text claims it bare, so it holds.
    assert labels(text_alone) == {"c": "out", "p": "in", "d": "in", "e": "in"}
    for semantics, acceptance in EVERY_WAY:
        again = evaluate(m, semantics, acceptance=acceptance, stated_only=True)
        assert labels(again) == labels(text_alone)


def test_stated_only_combines_with_accept_and_reject() -> None:
    m = enthymeme()
    result = evaluate(m, accept=["c"], reject=["d"], stated_only=True)
    assert labels(result) == {"c": "in", "p": "in", "d": "out", "e": "in"}
    assert (result.accept, result.reject) == (("c",), ("d",))
    assert what_if(m, reject=["p"], stated_only=True) == (Change("p", "in", "out"),)


@pytest.mark.parametrize("option", ["accept", "reject"])
def test_stated_only_refuses_an_implicit_statement_to_accept_or_reject(option: str) -> None:
    with pytest.raises(ValueError) as caught:
        evaluate(enthymeme(), stated_only=True, **{option: ["bridge"]})  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"'{option}' names 'bridge', which is implicit (the map adds it), and 'stated_only' "
        "leaves it out; name a stated statement, or drop 'stated_only'"
    )
    # Without stated_only the implicit statement is a statement like any other.
    assert evaluate(enthymeme(), **{option: ["bridge"]}).label("bridge") in {"in", "out"}  # type: ignore[arg-type]


def test_the_framework_of_the_stated_parts() -> None:
    af = framework(enthymeme(), stated_only=True)
    assert af.arguments == ("c", "p", "d", "e", "unsupported:c")
    assert af.attackers("c") == ("unsupported:c",)


@st.composite
def grounded_maps(draw: st.DrawFn) -> ArgumentMap:
    """Random sound maps with implicit parts and modes: support runs from earlier to later."""
    size = draw(st.integers(1, 5))
    names = [f"s{i}" for i in range(size)]
    statements = [
        Statement(
            n,
            n.upper() + ".",
            implicit=draw(st.booleans()),
            mode=draw(st.sampled_from(["asserted", "asserted", "question", "hypothetical"])),
            status=draw(st.sampled_from([None, None, "assumed", "questioned"])),
        )
        for n in names
    ]
    built: list[Argument] = []
    for i in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["support", "attack", "undercut"]))
        implicit = draw(st.booleans())
        if kind == "undercut":
            if not built:
                continue
            target = draw(st.sampled_from([a.id for a in built]))
            pool = names
        else:
            index = draw(st.integers(0, size - 1))
            target = names[index]
            pool = names[:index] if kind == "support" else names[:index] + names[index + 1 :]
            if not pool:
                continue
        premises = draw(st.sets(st.sampled_from(pool), min_size=1, max_size=2))
        built.append(Argument(f"A{i}", sorted(premises), kind, target, implicit=implicit))  # type: ignore[arg-type]
    return ArgumentMap("t", statements, built)


def with_argued_questioned(m: ArgumentMap, argued: Iterable[str]) -> ArgumentMap:
    """``m`` with each statement in ``argued`` that has no status marked ``questioned``."""
    wanted = set(argued)
    return attrs.evolve(
        m,
        statements=[
            attrs.evolve(s, status="questioned") if sid in wanted and s.status is None else s
            for sid, s in m.statements.items()
        ],
    )


@settings(max_examples=200, deadline=None)
@given(grounded_maps(), st.sampled_from(SEMANTICS), st.sampled_from(ACCEPTANCES))
def test_stated_only_is_the_smaller_map_with_argued_statements_needing_support(
    m: ArgumentMap, semantics: Semantics, acceptance: Acceptance
) -> None:
    kept = stated_only(m)
    assert all(not s.implicit for s in kept.statements.values())
    assert all(not a.implicit for a in kept.arguments.values())
    for argument in kept.arguments.values():
        assert all(p in kept.statements for p in argument.premises)
        assert argument.target in (
            kept.arguments if argument.kind == "undercut" else kept.statements
        )
    # Everything stated whose premises and target stay is kept.
    for aid, argument in m.arguments.items():
        if aid not in kept.arguments:
            assert (
                argument.implicit
                or any(p not in kept.statements for p in argument.premises)
                or argument.target not in {*kept.statements, *kept.arguments}
            )
    argued = {a.target for a in m.arguments.values() if a.kind == "support" and not a.implicit}
    expected = evaluate(with_argued_questioned(kept, argued), semantics, acceptance=acceptance)
    result = evaluate(m, semantics, acceptance=acceptance, stated_only=True)
    assert labels(result) == labels(expected)
    # A question or a hypothesis is in only through a supporting argument that is in.
    for sid, s in kept.statements.items():
        if s.mode != "asserted" and result.statements[sid] == "in":
            assert any(result.arguments[a.id] == "in" for a in kept.arguments_for(sid))


# -- grounding and plain data ----------------------------------------------------


def test_grounding_counts_stated_implicit_quoted_questions_and_hypotheses() -> None:
    quote = [Citation("src", "Said so.")]
    m = ArgumentMap(
        "t",
        [
            statement("a", quotes=quote),
            statement("b", mode="question", quotes=quote),
            statement("c", mode="hypothetical"),
            statement("d", implicit=True),
        ],
        [
            Argument("x", ["a"], "support", "b", quotes=quote),
            Argument("y", ["d"], "support", "c", implicit=True),
            Argument("z", ["a"], "attack", "c"),
        ],
        sources=[Source("src", "A source")],
    )
    g = grounding(m)
    assert g == Grounding(
        statements=4,
        stated_statements=3,
        implicit_statements=1,
        quoted_statements=2,
        questions=1,
        hypothetical=1,
        arguments=3,
        stated_arguments=2,
        implicit_arguments=1,
        quoted_arguments=1,
    )
    data = g.as_dict()
    assert data == {
        "statements": {
            "total": 4,
            "stated": 3,
            "implicit": 1,
            "quoted": 2,
            "questions": 1,
            "hypothetical": 1,
        },
        "arguments": {"total": 3, "stated": 2, "implicit": 1, "quoted": 1},
    }
    assert list(data["statements"]) == [
        "total",
        "stated",
        "implicit",
        "quoted",
        "questions",
        "hypothetical",
    ]


def test_grounding_of_an_empty_map() -> None:
    assert grounding(ArgumentMap("t")) == Grounding(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)


def test_an_evaluation_as_plain_data_keeps_the_authored_order() -> None:
    m = enthymeme()
    data = evaluate(m, "preferred", reject=["e"], stated_only=True).as_dict()
    assert data == {
        "semantics": "preferred",
        "acceptance": "sceptical",
        "extensions": 1,
        "stated_only": True,
        "accept": [],
        "reject": ["e"],
        "statements": {"c": "out", "p": "in", "d": "in", "e": "out"},
        "arguments": {},
    }
    assert list(data) == [
        "semantics",
        "acceptance",
        "extensions",
        "stated_only",
        "accept",
        "reject",
        "statements",
        "arguments",
    ]
    assert list(evaluate(m).as_dict()["statements"]) == list(m.statements)


def test_the_new_names_are_exported() -> None:
    assert argmap.Grounding is Grounding
    assert argmap.grounding is grounding
    assert argmap.stated_only is stated_only
