"""Argumentation schemes: the catalogue, premise roles, answered and open critical questions."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import argmap
from argmap import Argument, ArgumentMap, Issue, MapError, Severity, Statement
from argmap.model import ID_PATTERN, CriticalQuestion, Scheme, SchemeRole
from argmap.schemes import (
    CATALOGUE,
    lookup,
    open_question_issues,
    open_questions,
    scheme_issues,
)

ROOT = Path(__file__).resolve().parent.parent
ERROR, WARNING = Severity.ERROR, Severity.WARNING

WALTON = [
    "expert-opinion",
    "position-to-know",
    "cause-to-effect",
    "correlation-to-cause",
    "sign",
    "example",
    "analogy",
    "practical-reasoning",
    "positive-consequences",
    "negative-consequences",
    "popular-opinion",
    "verbal-classification",
]

EXPERT_QUESTIONS = "expertise, field, opinion, trustworthiness, consistency, backup-evidence"


def flagged(issues: tuple[Issue, ...]) -> list[Issue]:
    """Errors and warnings: what a check reports besides its notes."""
    return [i for i in issues if i.severity is not Severity.NOTE]


def pinkston(*arguments: Argument, schemes: list[Scheme] | None = None) -> ArgumentMap:
    """Pinkston's assessment as an argument from expert opinion, plus ``arguments``."""
    statements = [
        Statement("expert", "Pinkston is an East Asia expert."),
        Statement("says", "Pinkston says the Chinese are tired of it."),
        Statement("tired", "The Chinese are tired of it."),
        Statement("us-based", "Pinkston works for a US university."),
        Statement("said-no", "China said Putin must not visit Pyongyang."),
        Statement("other", "Another statement."),
    ]
    assessment = Argument(
        "pinkston",
        ["expert", "says"],
        "support",
        "tired",
        scheme="expert-opinion",
        roles=["expert", "assertion"],
    )
    return ArgumentMap("t", statements, [assessment, *arguments], schemes=schemes or [])


def found(m: ArgumentMap) -> list[tuple[str, Severity, tuple[str | int, ...]]]:
    return [(i.code, i.severity, i.path) for i in scheme_issues(m)]


# -- the catalogue -------------------------------------------------------------


def test_the_catalogue_has_the_commonly_used_walton_schemes_in_order() -> None:
    assert list(CATALOGUE) == WALTON


@pytest.mark.parametrize("scheme_id", WALTON)
def test_each_built_in_scheme_is_complete(scheme_id: str) -> None:
    scheme = CATALOGUE[scheme_id]
    assert scheme.id == scheme_id
    assert scheme.name.startswith(("Argument from ", "Practical reasoning"))
    assert len(scheme.premises) >= 2
    assert len(scheme.questions) >= 2
    assert scheme.conclusion and scheme.conclusion.endswith(".")
    assert scheme.reference and "Walton, Chris Reed and Fabrizio Macagno" in scheme.reference
    for items in (scheme.premises, scheme.questions):
        ids = [item.id for item in items]
        assert len(set(ids)) == len(ids)
        assert all(ID_PATTERN.match(i) and i == i.lower() for i in ids)
    assert all(role.text.endswith(".") for role in scheme.premises)
    assert all(question.text.endswith("?") for question in scheme.questions)


def test_expert_opinion_has_walton_s_two_premises_and_six_questions() -> None:
    scheme = CATALOGUE["expert-opinion"]
    assert [r.id for r in scheme.premises] == ["expert", "assertion"]
    assert ", ".join(q.id for q in scheme.questions) == EXPERT_QUESTIONS


def test_the_catalogue_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        CATALOGUE["mine"] = CATALOGUE["sign"]  # type: ignore[index]


def test_lookup_finds_built_in_and_map_defined_schemes() -> None:
    mine = Scheme("insider", "Argument from an insider's report", [SchemeRole("insider", "I.")])
    m = pinkston(schemes=[mine])
    assert lookup(m, "sign") is CATALOGUE["sign"]
    assert lookup(m, "insider") is mine
    assert lookup(m, "nonsense") is None


def test_a_map_scheme_with_a_built_in_id_replaces_the_built_in_one() -> None:
    german = Scheme(
        "expert-opinion",
        "Argument aus Expertenmeinung",
        [SchemeRole("experte", "E ist Experte."), SchemeRole("aussage", "E sagt A.")],
        "A.",
        [CriticalQuestion("befangen", "Ist E befangen?")],
    )
    m = ArgumentMap(
        "t",
        [Statement("e", "E."), Statement("s", "S."), Statement("a", "A."), Statement("u", "U.")],
        [
            Argument("x", ["e", "s"], "support", "a", scheme="expert-opinion",
                     roles=["experte", "aussage"]),
            Argument("y", ["u"], "undercut", "x", answers="befangen"),
        ],
        schemes=[german],
    )  # fmt: skip
    assert lookup(m, "expert-opinion") is german
    assert scheme_issues(m) == []
    assert open_questions(m) == {}


# -- premise roles ---------------------------------------------------------------


def test_an_argument_with_its_scheme_s_roles_has_no_issues() -> None:
    assert scheme_issues(pinkston()) == []
    assert {i.code for i in flagged(argmap.check(pinkston()))} == {"unconnected-statement"}


def test_an_unknown_scheme_is_an_error_with_a_suggestion() -> None:
    m = pinkston(Argument("x", ["other"], "support", "tired", scheme="expert-opinon"))
    assert scheme_issues(m) == [
        Issue(
            "unknown-scheme",
            "argument 'x' names scheme 'expert-opinon', which is neither built in nor defined "
            "under 'schemes'; fix the id (did you mean 'expert-opinion'?) or define the scheme "
            "under 'schemes'",
            ERROR,
            ("arguments", "x", "scheme"),
        )
    ]


def test_a_map_defined_scheme_is_suggested_too() -> None:
    mine = Scheme("insider-report", "Insider", [SchemeRole("insider", "I.")])
    m = pinkston(
        Argument("x", ["other"], "support", "tired", scheme="insider-reprt"), schemes=[mine]
    )
    [issue] = scheme_issues(m)
    assert "(did you mean 'insider-report'?)" in issue.message


def test_a_role_the_scheme_does_not_have_is_an_error() -> None:
    m = pinkston(
        Argument("x", ["expert", "says"], "support", "tired", scheme="expert-opinion",
                 roles=["expret", "assertion"]),
    )  # fmt: skip
    assert scheme_issues(m) == [
        Issue(
            "unknown-premise-role",
            "argument 'x' gives premise role 'expret', which scheme 'expert-opinion' does not "
            "have (did you mean 'expert'?); its roles are expert, assertion",
            ERROR,
            ("arguments", "x", "premises", "expret", "<key>"),
        )
    ]


def test_roles_for_a_scheme_without_roles_are_errors() -> None:
    bare = Scheme("bare", "A scheme without roles", questions=[CriticalQuestion("q", "Q?")])
    m = pinkston(
        Argument("x", ["other"], "support", "tired", scheme="bare", roles=["r"]), schemes=[bare]
    )
    [issue] = scheme_issues(m)
    assert issue.message == (
        "argument 'x' gives premise role 'r', which scheme 'bare' does not have; "
        "it has no premise roles: list the premises without roles"
    )


def test_a_missing_role_is_a_warning_naming_the_premise_pattern() -> None:
    m = pinkston(
        Argument("x", ["says"], "support", "tired", scheme="expert-opinion", roles=["assertion"])
    )
    assert scheme_issues(m) == [
        Issue(
            "missing-premise-role",
            "argument 'x' has no premise for role 'expert' of scheme 'expert-opinion' (\"E is "
            'an expert in subject domain S, which contains proposition A."); add it under '
            "'premises', as a statement of its own even where the text leaves it unsaid",
            WARNING,
            ("arguments", "x", "premises"),
        )
    ]


def test_a_misspelt_role_is_not_also_reported_missing() -> None:
    m = pinkston(
        Argument("x", ["expert"], "support", "tired", scheme="expert-opinion", roles=["expret"])
    )
    assert [(c, p[-1]) for c, _, p in found(m)] == [
        ("unknown-premise-role", "<key>"),
        ("missing-premise-role", "premises"),
    ]
    [_, missing] = scheme_issues(m)
    assert "role 'assertion'" in missing.message


def test_plain_premises_are_counted_against_the_scheme_s_roles() -> None:
    fewer = Argument("few", ["other"], "support", "tired", scheme="expert-opinion")
    more = Argument("many", ["expert", "says", "other"], "support", "tired", scheme="sign")
    just = Argument("just", ["expert", "says"], "support", "tired", scheme="analogy")
    assert scheme_issues(pinkston(fewer, more, just)) == [
        Issue(
            "premise-count",
            "argument 'few' lists 1 premise, but scheme 'expert-opinion' has 2 premise roles "
            "(expert, assertion); give the premises by role, {expert: ..., assertion: ...}, to "
            "see which one is missing",
            WARNING,
            ("arguments", "few", "premises"),
        ),
        Issue(
            "premise-count",
            "argument 'many' lists 3 premises, but scheme 'sign' has 2 premise roles (finding, "
            "indication); give the premises by role, {finding: ..., indication: ...}, and move "
            "the others into an argument of their own",
            WARNING,
            ("arguments", "many", "premises"),
        ),
    ]


def test_roles_without_a_scheme_are_an_error_suggesting_one() -> None:
    m = pinkston(
        Argument("x", ["expert", "says"], "support", "tired", roles=["expert", "assertion"])
    )
    assert scheme_issues(m) == [
        Issue(
            "missing-scheme",
            "argument 'x' gives its premises by role (expert, assertion) but names no scheme; "
            "add 'scheme: expert-opinion' (its roles include these), or list the premises "
            "without roles",
            ERROR,
            ("arguments", "x", "premises"),
        )
    ]
    m = pinkston(Argument("y", ["other"], "support", "tired", roles=["nothing-like-it"]))
    [issue] = scheme_issues(m)
    assert "names no scheme; add the 'scheme' whose roles these are, or list" in issue.message


def test_roles_and_questions_repeated_in_a_map_scheme_are_duplicate_ids() -> None:
    twice = Scheme(
        "twice",
        "Twice",
        [SchemeRole("a", "A."), SchemeRole("a", "A again.")],
        questions=[CriticalQuestion("q", "Q?"), CriticalQuestion("q", "Q again?")],
    )
    assert scheme_issues(pinkston(schemes=[twice])) == [
        Issue(
            "duplicate-id",
            "scheme 'twice' defines premise role 'a' more than once; give each one its own id",
            ERROR,
            ("schemes", "twice", "premises", "a"),
        ),
        Issue(
            "duplicate-id",
            "scheme 'twice' defines critical question 'q' more than once; give each one its own id",
            ERROR,
            ("schemes", "twice", "questions", "q"),
        ),
    ]


# -- answered questions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "target", "question"),
    [
        ("undercut", "pinkston", "trustworthiness"),  # the inference
        ("attack", "expert", "field"),  # a premise
        ("support", "says", "opinion"),  # a premise, answered in its favour
        ("attack", "tired", "consistency"),  # the conclusion
    ],
)
def test_an_answer_may_target_the_argument_a_premise_or_the_conclusion(
    kind: str, target: str, question: str
) -> None:
    answer = Argument("answer", ["other"], kind, target, answers=question)  # type: ignore[arg-type]
    m = pinkston(answer)
    assert scheme_issues(m) == []
    assert question not in [q.id for q in open_questions(m)["pinkston"]]


def test_answering_a_question_the_scheme_does_not_have_is_an_error() -> None:
    m = pinkston(Argument("biased", ["us-based"], "undercut", "pinkston", answers="bias"))
    assert scheme_issues(m) == [
        Issue(
            "unknown-question",
            "argument 'biased' answers 'bias', which is not a critical question of scheme "
            f"'expert-opinion'; its questions are {EXPERT_QUESTIONS}",
            ERROR,
            ("arguments", "biased", "answers"),
        )
    ]


def test_a_misspelt_question_gets_a_suggestion() -> None:
    m = pinkston(Argument("x", ["said-no"], "support", "tired", answers="backup-evidense"))
    [issue] = scheme_issues(m)
    assert "(did you mean 'backup-evidence'?)" in issue.message


def test_questions_of_several_schemes_around_a_statement_count() -> None:
    signs = Argument("signs", ["said-no", "other"], "support", "tired", scheme="sign")
    ok = Argument("ok", ["us-based"], "attack", "tired", answers="other-explanations")
    wrong = Argument("wrong", ["us-based"], "attack", "tired", answers="nope")
    [issue] = scheme_issues(pinkston(signs, ok, wrong))
    assert issue.message == (
        "argument 'wrong' answers 'nope', which is not a critical question of scheme "
        f"'expert-opinion' or 'sign'; their questions are {EXPERT_QUESTIONS}, strength, "
        "other-explanations"
    )


def test_answering_where_no_argument_has_a_scheme_is_an_error() -> None:
    plain = Argument("plain", ["other"], "support", "said-no")
    undercut = Argument("u", ["us-based"], "undercut", "plain", answers="field")
    attack = Argument("a", ["us-based"], "attack", "other", answers="field")
    assert scheme_issues(pinkston(plain, undercut, attack)) == [
        Issue(
            "unknown-question",
            "argument 'u' answers 'field', but the argument it undercuts, 'plain', names no "
            "scheme, so there is no question to answer; name the scheme of 'plain', or remove "
            "'answers'",
            ERROR,
            ("arguments", "u", "answers"),
        ),
        Issue(
            "unknown-question",
            "argument 'a' answers 'field', but 'other', which it attacks, is neither a premise "
            "nor the conclusion of an argument with a scheme, so there is no question to "
            "answer; undercut such an argument, or attack or support its premise or "
            "conclusion; otherwise remove 'answers'",
            ERROR,
            ("arguments", "a", "answers"),
        ),
    ]


def test_a_scheme_without_questions_has_none_to_answer() -> None:
    bare = Scheme("bare", "Bare", [SchemeRole("r", "R.")])
    m = pinkston(
        Argument("x", ["other"], "support", "said-no", scheme="bare", roles=["r"]),
        Argument("y", ["us-based"], "undercut", "x", answers="q"),
        schemes=[bare],
    )
    [issue] = scheme_issues(m)
    assert issue.message == (
        "argument 'y' answers 'q', which is not a critical question of scheme 'bare', which "
        "has none: remove 'answers'"
    )


def test_answers_are_not_judged_against_an_unknown_scheme_or_target() -> None:
    m = pinkston(
        Argument("x", ["other"], "support", "said-no", scheme="no-such-scheme"),
        Argument("y", ["us-based"], "undercut", "x", answers="q"),
        Argument("z", ["us-based"], "undercut", "no-such-argument", answers="q"),
        Argument("w", ["us-based"], "attack", "no-such-statement", answers="q"),
    )
    assert [code for code, _, _ in found(m)] == ["unknown-scheme"]
    assert {i.code for i in flagged(argmap.check(m))} == {
        "unknown-scheme",
        "unknown-argument",
        "unknown-statement",
    }


# -- open questions ---------------------------------------------------------------


def test_every_question_is_open_until_answered() -> None:
    assert open_questions(pinkston()) == {"pinkston": CATALOGUE["expert-opinion"].questions}


def test_answered_questions_are_no_longer_open() -> None:
    m = pinkston(
        Argument("biased", ["us-based"], "undercut", "pinkston", answers="trustworthiness"),
        Argument("evidence", ["said-no"], "support", "tired", answers="backup-evidence"),
    )
    assert [q.id for q in open_questions(m)["pinkston"]] == [
        "expertise",
        "field",
        "opinion",
        "consistency",
    ]


def test_arguments_without_a_known_scheme_have_no_open_questions() -> None:
    m = pinkston(
        Argument("plain", ["other"], "support", "said-no"),
        Argument("odd", ["other"], "support", "us-based", scheme="no-such-scheme"),
    )
    assert list(open_questions(m)) == ["pinkston"]


def test_an_answer_to_another_argument_leaves_the_question_open() -> None:
    second = Argument(
        "second", ["other", "said-no"], "support", "us-based", scheme="expert-opinion",
        roles=["expert", "assertion"],
    )  # fmt: skip
    answer = Argument("answer", ["tired"], "undercut", "second", answers="field")
    questions = open_questions(pinkston(second, answer))
    assert "field" in [q.id for q in questions["pinkston"]]
    assert "field" not in [q.id for q in questions["second"]]


def test_open_questions_are_listed_by_check_as_notes() -> None:
    m = pinkston()
    issues = open_question_issues(m)
    assert [i.message.split("'")[3] for i in issues] == EXPERT_QUESTIONS.split(", ")
    assert issues[3] == Issue(
        "open-question",
        "argument 'pinkston' leaves critical question 'trustworthiness' of scheme "
        "'expert-opinion' open: \"Is E personally reliable as a source, honest and unbiased?\"; "
        "an argument that answers it says 'answers: trustworthiness'",
        Severity.NOTE,
        ("arguments", "pinkston", "scheme"),
    )
    in_check = [i for i in argmap.check(m) if i.code == "open-question"]
    assert in_check == issues


# -- maps in YAML -------------------------------------------------------------------

SCHEMED = textwrap.dedent(
    """\
    argmap: 1
    title: Pinkston's assessment
    schemes:
      insider-report:
        name: Argument from an insider's report
        premises:
          insider: I is an insider of organisation O.
          report: I reports that A holds in O.
        conclusion: A holds in O.
        questions:
          access: Did I have access to what happens in O?
          motive: Has I a motive to misreport?
    statements:
      expert: Daniel Pinkston is an East Asia expert at Troy University in Seoul.
      says: Daniel Pinkston says the Chinese are probably tired of the closeness.
      tired: The Chinese are probably tired of North Korea and Russia getting too close.
      said-no: Last year, the Chinese side insisted that Putin must not visit Pyongyang.
      journalists-there: The journalists were in Beijing during Putin's visit.
      journalists-report: The journalists report that China said no.
      us-based: Troy University is an American university.
    arguments:
      pinkston:
        scheme: expert-opinion
        premises: {expert: expert, assertion: says}
        supports: tired
      beijing-said-no:
        premises: said-no
        supports: tired
        answers: backup-evidence
      report:
        scheme: insider-report
        premises: {insider: journalists-there, report: journalists-report}
        supports: said-no
      american:
        premises: us-based
        undercuts: pinkston
        answers: trustworthiness
    """
)


def test_a_yaml_map_with_schemes_loads_and_checks_clean() -> None:
    m = argmap.loads(SCHEMED, file="m.yaml")
    assert flagged(argmap.check(m)) == []
    assert {aid: [q.id for q in qs] for aid, qs in open_questions(m).items()} == {
        "pinkston": ["expertise", "field", "opinion", "consistency"],
        "report": ["access", "motive"],
    }
    [first, *_] = open_question_issues(m)
    assert (first.code, first.location) == ("open-question", "m.yaml:23:13")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "scheme: insider-report",
            "scheme: insider-reprt",
            "m.yaml:31:13: error: unknown-scheme: argument 'report' names scheme "
            "'insider-reprt', which is neither built in nor defined under 'schemes'; fix the "
            "id (did you mean 'insider-report'?) or define the scheme under 'schemes'",
        ),
        (
            "{insider: journalists-there",
            "{insidr: journalists-there",
            "m.yaml:32:16: error: unknown-premise-role: argument 'report' gives premise role "
            "'insidr', which scheme 'insider-report' does not have (did you mean 'insider'?); "
            "its roles are insider, report",
        ),
        (
            "answers: trustworthiness",
            "answers: bias",
            "m.yaml:37:14: error: unknown-question: argument 'american' answers 'bias', which "
            "is not a critical question of scheme 'expert-opinion'; its questions are "
            f"{EXPERT_QUESTIONS}",
        ),
    ],
)
def test_scheme_errors_make_a_yaml_map_invalid_with_file_line_and_column(
    old: str, new: str, expected: str
) -> None:
    assert old in SCHEMED
    with pytest.raises(MapError) as caught:
        argmap.loads(SCHEMED.replace(old, new), file="m.yaml")
    assert [str(i) for i in caught.value.issues] == [expected]


def test_scheme_warnings_leave_a_yaml_map_valid() -> None:
    text = SCHEMED.replace("{expert: expert, assertion: says}", "{assertion: says}")
    m = argmap.loads(text, file="m.yaml")
    assert [str(i) for i in flagged(argmap.check(m)) if i.code != "unconnected-statement"] == [
        "m.yaml:24:5: warning: missing-premise-role: argument 'pinkston' has no premise for "
        "role 'expert' of scheme 'expert-opinion' (\"E is an expert in subject domain S, "
        "which contains proposition A.\"); add it under 'premises', as a statement of its "
        "own even where the text leaves it unsaid"
    ]


# -- documentation ------------------------------------------------------------------


def catalogue_section(scheme: Scheme) -> str:
    """The Markdown docs/schemes.md gives for a built-in scheme."""
    lines = [
        f"### {scheme.name} (`{scheme.id}`)",
        "",
        "| Role | Premise |",
        "|---|---|",
        *(f"| `{role.id}` | {role.text} |" for role in scheme.premises),
        "",
        f"**Conclusion:** {scheme.conclusion}",
        "",
        "| Question | Critical question |",
        "|---|---|",
        *(f"| `{q.id}` | {q.text} |" for q in scheme.questions),
    ]
    return "\n".join(lines) + "\n"


def test_the_docs_list_the_whole_catalogue_as_it_is() -> None:
    page = (ROOT / "docs" / "schemes.md").read_text("utf-8")
    for scheme in CATALOGUE.values():
        assert catalogue_section(scheme) in page, scheme.id
