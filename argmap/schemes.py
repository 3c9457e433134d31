"""Argumentation schemes: Walton's catalogue, and checking arguments against their schemes.

An argument may name the scheme it instantiates (``scheme: expert-opinion``)
and say which premise fills which of the scheme's roles. Each scheme comes
with critical questions; an argument that questions a schemed argument names
the question it answers (``answers: trustworthiness``). This module holds the
built-in :data:`CATALOGUE`, looks schemes up (a map's own schemes first) and
reports what does not fit: :func:`scheme_issues` for :func:`argmap.check`,
:func:`open_questions` for the critical questions no argument answers yet.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from ._helpers import suggest
from ._locate import locate
from .errors import DocPath, Issue, Severity
from .model import Argument, ArgumentMap, CriticalQuestion, Scheme, SchemeRole

__all__ = [
    "CATALOGUE",
    "REFERENCE",
    "lookup",
    "open_question_issues",
    "open_questions",
    "scheme_issues",
]

#: Where the built-in schemes come from.
REFERENCE = (
    "Douglas Walton, Chris Reed and Fabrizio Macagno, Argumentation Schemes, "
    "Cambridge University Press, 2008"
)

WARNING = Severity.WARNING

#: How open critical questions are reported. They are not mistakes: a map
#: records the questions its text leaves open, and most do.
OPEN_QUESTION_SEVERITY = Severity.NOTE


def _scheme(
    scheme_id: str,
    name: str,
    premises: dict[str, str],
    conclusion: str,
    questions: dict[str, str],
) -> Scheme:
    return Scheme(
        scheme_id,
        name,
        [SchemeRole(role_id, text) for role_id, text in premises.items()],
        conclusion,
        [CriticalQuestion(question_id, text) for question_id, text in questions.items()],
        reference=REFERENCE,
    )


_BUILT_IN = (
    _scheme(
        "expert-opinion",
        "Argument from expert opinion",
        {
            "expert": "E is an expert in subject domain S, which contains proposition A.",
            "assertion": "E asserts that A is true (or false).",
        },
        "A is true (or false).",
        {
            "expertise": "How credible is E as an expert source?",
            "field": "Is E an expert in the field that A is in?",
            "opinion": "What did E assert that implies A?",
            "trustworthiness": "Is E personally reliable as a source, honest and unbiased?",
            "consistency": "Is A consistent with what other experts assert?",
            "backup-evidence": "Is E's assertion based on evidence?",
        },
    ),
    _scheme(
        "position-to-know",
        "Argument from position to know",
        {
            "position": "a is in a position to know about things in subject domain S, "
            "which contains proposition A.",
            "assertion": "a asserts that A is true (or false).",
        },
        "A is true (or false).",
        {
            "position": "Is a in a position to know whether A is true (or false)?",
            "honesty": "Is a an honest (trustworthy, reliable) source?",
            "assertion": "Did a really assert that A is true (or false)?",
        },
    ),
    _scheme(
        "cause-to-effect",
        "Argument from cause to effect",
        {
            "generalization": "Generally, if A occurs, then B will (or might) occur.",
            "cause": "In this case, A occurs (or might occur).",
        },
        "In this case, B will (or might) occur.",
        {
            "strength": "How strong is the causal generalization, if it is true at all?",
            "evidence": "Is the evidence cited, if any, strong enough to warrant the "
            "causal generalization?",
            "interference": "Are there other causal factors that could interfere with "
            "the production of the effect in this case?",
        },
    ),
    _scheme(
        "correlation-to-cause",
        "Argument from correlation to cause",
        {
            "correlation": "There is a positive correlation between A and B.",
            "explanation": "There is a plausible account of how A could cause B.",
        },
        "A causes B.",
        {
            "correlation": "Is there really a positive correlation between A and B?",
            "instances": "Is the correlation found in a significant number of instances?",
            "direction": "Is there good evidence that the causal relationship runs from A "
            "to B, and not just from B to A?",
            "third-factor": "Can it be ruled out that a third factor, a common cause of "
            "both A and B, accounts for the correlation?",
            "intervening-causes": "If there are intervening variables, can it be shown "
            "that A causes B indirectly, through other causes?",
            "range": "If the correlation fails to hold outside a certain range of cases, "
            "can the limits of that range be stated clearly?",
            "definitions": "Can it be shown that the change in B is not due merely to the "
            "way B is defined or classified, or to standards that changed over time?",
        },
    ),
    _scheme(
        "sign",
        "Argument from sign",
        {
            "finding": "A (a finding) is true in this situation.",
            "indication": "B is generally indicated as true when its sign, A, is true.",
        },
        "B is true in this situation.",
        {
            "strength": "How strong is the correlation between the sign and the event signified?",
            "other-explanations": "Are there other events that would more reliably "
            "account for the sign?",
        },
    ),
    _scheme(
        "example",
        "Argument from example",
        {
            "case": "In this particular case, the individual a has property F.",
            "property": "a also has property G.",
        },
        "Generally, if x has property F, then x also has property G.",
        {
            "truth": "Is what the example says in fact true?",
            "support": "Does the example support the general claim it is meant to be an "
            "instance of?",
            "typicality": "Is the example typical of the cases the generalization ranges over?",
            "strength": "How strong is the generalization?",
            "special-circumstances": "Were there special circumstances in the example "
            "that would impair its generalizability?",
        },
    ),
    _scheme(
        "analogy",
        "Argument from analogy",
        {
            "similarity": "Generally, case C1 is similar to case C2.",
            "base-case": "A is true (or false) in case C1.",
        },
        "A is true (or false) in case C2.",
        {
            "differences": "Are there respects in which C1 and C2 differ that would "
            "undermine the force of the similarity cited?",
            "base-case": "Is A true (or false) in C1?",
            "counter-case": "Is there some other case C3, also similar to C1, in which A "
            "is false (or true)?",
        },
    ),
    _scheme(
        "practical-reasoning",
        "Practical reasoning",
        {
            "goal": "Agent X has the goal G.",
            "means": "Carrying out action A is a means for X to realize G.",
        },
        "X ought, practically speaking, to carry out action A.",
        {
            "conflicting-goals": "What other goals of X, which might conflict with G, "
            "should be considered?",
            "alternatives": "What alternatives to A, which would also bring about G, "
            "should be considered?",
            "efficiency": "Among A and these alternatives, which is arguably the most efficient?",
            "possibility": "What grounds are there for arguing that it is practically "
            "possible for X to carry out A?",
            "side-effects": "What consequences of carrying out A should also be taken "
            "into account?",
        },
    ),
    _scheme(
        "positive-consequences",
        "Argument from positive consequences",
        {
            "consequence": "If A is brought about, the consequences C will plausibly occur.",
            "value": "The consequences C are good.",
        },
        "A should be brought about.",
        {
            "likelihood": "How likely is it that the cited consequences will (may, must) occur?",
            "evidence": "What evidence supports the claim that the cited consequences will "
            "(may, must) occur, and is it strong enough for that claim?",
            "opposite-consequences": "Are there consequences of the opposite value, bad "
            "rather than good, that should be taken into account?",
        },
    ),
    _scheme(
        "negative-consequences",
        "Argument from negative consequences",
        {
            "consequence": "If A is brought about, the consequences C will plausibly occur.",
            "value": "The consequences C are bad.",
        },
        "A should not be brought about.",
        {
            "likelihood": "How likely is it that the cited consequences will (may, must) occur?",
            "evidence": "What evidence supports the claim that the cited consequences will "
            "(may, must) occur, and is it strong enough for that claim?",
            "opposite-consequences": "Are there consequences of the opposite value, good "
            "rather than bad, that should be taken into account?",
        },
    ),
    _scheme(
        "popular-opinion",
        "Argument from popular opinion",
        {
            "acceptance": "A is generally accepted as true.",
            "presumption": "If A is generally accepted as true, that gives a reason in "
            "favour of A.",
        },
        "There is a reason in favour of A.",
        {
            "evidence": "What evidence, such as a poll or an appeal to common knowledge, "
            "shows that A is generally accepted as true?",
            "doubts": "Even if A is generally accepted as true, are there good reasons to "
            "doubt that it is true?",
        },
    ),
    _scheme(
        "verbal-classification",
        "Argument from verbal classification",
        {
            "individual": "a has property F.",
            "classification": "For all x, if x has property F, then x can be classified "
            "as having property G.",
        },
        "a has property G.",
        {
            "evidence": "What evidence is there that a definitely has property F, as "
            "opposed to evidence that leaves room to doubt whether it should be so "
            "classified?",
            "definition": "Is the classification based merely on a stipulative or biased "
            "definition that is open to doubt?",
        },
    ),
)

#: The built-in schemes, by id, in the order the documentation lists them.
CATALOGUE: Mapping[str, Scheme] = MappingProxyType({s.id: s for s in _BUILT_IN})


def lookup(map: ArgumentMap, scheme_id: str) -> Scheme | None:
    """The scheme ``scheme_id`` names for ``map``, or ``None``.

    A scheme the map defines under ``schemes`` comes first, so a map can
    replace a built-in scheme (to word it in the map's language, say) as well
    as add its own.

    Args:
        map: The map whose ``schemes`` are searched before the catalogue.
        scheme_id: The id an argument names in ``scheme``.

    Returns:
        The scheme, or ``None`` when neither the map nor the catalogue has it.
    """
    return map.schemes.get(scheme_id) or CATALOGUE.get(scheme_id)


def scheme_issues(map: ArgumentMap) -> list[Issue]:
    """Check schemes, premise roles and answered questions; part of :func:`argmap.check`.

    Reports map-defined schemes that repeat a role or question id, arguments
    that name an unknown scheme or give premise roles the scheme does not
    have, lack premises the scheme needs, or answer a question that the
    argument they answer does not raise. Open critical questions are not
    problems of the map and are not reported here (see :func:`open_questions`).

    Args:
        map: The map to check.

    Returns:
        The issues, in the order of the map's schemes and arguments.
    """
    issues = list(_defined_schemes(map))
    for argument in map.arguments.values():
        issues += _premise_roles(map, argument)
        if argument.answers is not None:
            issues += _answers(map, argument, argument.answers)
    return issues


def open_questions(map: ArgumentMap) -> dict[str, tuple[CriticalQuestion, ...]]:
    """The critical questions that no argument of the map answers, by argument id.

    A question of argument ``A``'s scheme is answered by an argument that
    names it in ``answers`` and undercuts ``A``, or attacks or supports one of
    ``A``'s premises or, when ``A`` supports a statement, ``A``'s conclusion.

    Args:
        map: The map.

    Returns:
        For each argument with a known scheme and at least one open question,
        those questions in the scheme's order; arguments in authored order.
    """
    answered: dict[str, set[str]] = {}
    for answer in map.arguments.values():
        if answer.answers is not None:
            for questioned in _questioned(map, answer) or ():
                answered.setdefault(questioned.id, set()).add(answer.answers)
    result = {}
    for aid, argument in map.arguments.items():
        scheme = lookup(map, argument.scheme) if argument.scheme else None
        if scheme is None:
            continue
        done = answered.get(aid, set())
        still_open = tuple(q for q in scheme.questions if q.id not in done)
        if still_open:
            result[aid] = still_open
    return result


def open_question_issues(map: ArgumentMap) -> list[Issue]:
    """Each open critical question as an ``open-question`` note.

    :func:`argmap.check` includes them. An open question is not a mistake, so
    it is a note, which never fails ``argmap check --strict``.

    Args:
        map: The map.

    Returns:
        One issue per open question, located at the ``scheme`` of its argument
        (with file, line and column when the map was loaded from a file).
    """
    return list(locate(map, open_question_notes(map)))


def open_question_notes(map: ArgumentMap) -> list[Issue]:
    """:func:`open_question_issues` not yet located (the checker locates what it reports)."""
    issues = []
    for aid, questions in open_questions(map).items():
        scheme_id = map.arguments[aid].scheme
        for question in questions:
            issues.append(
                Issue(
                    "open-question",
                    f"argument {aid!r} leaves critical question {question.id!r} of scheme "
                    f'{scheme_id!r} open: "{question.text}"; an argument that answers it '
                    f"says 'answers: {question.id}'",
                    OPEN_QUESTION_SEVERITY,
                    path=("arguments", aid, "scheme"),
                )
            )
    return issues


# -- the rules ---------------------------------------------------------------


def _defined_schemes(map: ArgumentMap) -> Iterator[Issue]:
    """Role and question ids repeated within a scheme the map defines.

    YAML reports a repeated key itself; this catches schemes built in Python.
    """
    for sid, scheme in map.schemes.items():
        for section, what, items in (
            ("premises", "premise role", [r.id for r in scheme.premises]),
            ("questions", "critical question", [q.id for q in scheme.questions]),
        ):
            seen: set[str] = set()
            for item in items:
                if item in seen:
                    yield Issue(
                        "duplicate-id",
                        f"scheme {sid!r} defines {what} {item!r} more than once; "
                        "give each one its own id",
                        path=("schemes", sid, section, item),
                    )
                seen.add(item)


def _known(map: ArgumentMap) -> list[str]:
    """Ids of every scheme an argument of ``map`` can name."""
    return list(dict.fromkeys([*map.schemes, *CATALOGUE]))


def _premise_roles(map: ArgumentMap, argument: Argument) -> Iterator[Issue]:
    base: DocPath = ("arguments", argument.id)
    what = f"argument {argument.id!r}"
    if argument.scheme is None:
        if argument.roles:
            yield _missing_scheme(map, argument)
        return
    scheme = lookup(map, argument.scheme)
    if scheme is None:
        yield Issue(
            "unknown-scheme",
            f"{what} names scheme {argument.scheme!r}, which is neither built in nor defined "
            f"under 'schemes'; fix the id{suggest(argument.scheme, _known(map))} or define the "
            "scheme under 'schemes'",
            path=(*base, "scheme"),
        )
        return
    role_ids = [role.id for role in scheme.premises]
    listed = ", ".join(role_ids)
    if not argument.roles:
        yield from _premise_count(argument, scheme, role_ids)
        return
    meant: set[str] = set()  # the roles that misspelt ones are taken for
    for given in argument.roles:
        if given in role_ids:
            continue
        if role_ids:
            fix = f"{suggest(given, role_ids)}; its roles are {listed}"
            meant.update(difflib.get_close_matches(given, role_ids, n=1, cutoff=0.5))
        else:
            fix = "; it has no premise roles: list the premises without roles"
        yield Issue(
            "unknown-premise-role",
            f"{what} gives premise role {given!r}, which scheme {scheme.id!r} does not have{fix}",
            path=(*base, "premises", given, "<key>"),
        )
    for role in scheme.premises:
        if role.id not in argument.roles and role.id not in meant:
            pattern = f'"{role.text}"'
            yield Issue(
                "missing-premise-role",
                f"{what} has no premise for role {role.id!r} of scheme {scheme.id!r} "
                f"({pattern}); add it under 'premises', as a statement of its own even where "
                "the text leaves it unsaid",
                WARNING,
                path=(*base, "premises"),
            )


def _missing_scheme(map: ArgumentMap, argument: Argument) -> Issue:
    given = set(argument.roles)
    fitting = [
        sid
        for sid in _known(map)
        if given <= {role.id for role in getattr(lookup(map, sid), "premises", ())}
    ]
    if fitting:
        fix = f"add 'scheme: {fitting[0]}' (its roles include these)"
    else:
        fix = "add the 'scheme' whose roles these are"
    return Issue(
        "missing-scheme",
        f"argument {argument.id!r} gives its premises by role "
        f"({', '.join(argument.roles)}) but names no scheme; {fix}, or list the premises "
        "without roles",
        path=("arguments", argument.id, "premises"),
    )


def _premise_count(argument: Argument, scheme: Scheme, role_ids: list[str]) -> Iterator[Issue]:
    """A plain list of premises: only its length can be compared with the scheme."""
    count, needed = len(argument.premises), len(role_ids)
    if not role_ids or count == needed:
        return
    shape = "{" + ", ".join(f"{role}: ..." for role in role_ids) + "}"
    if count < needed:
        fix = f"give the premises by role, {shape}, to see which one is missing"
    else:
        fix = (
            f"give the premises by role, {shape}, and move the others into an argument of their own"
        )
    yield Issue(
        "premise-count",
        f"argument {argument.id!r} lists {count} premise{'s' if count != 1 else ''}, but "
        f"scheme {scheme.id!r} has {needed} premise role{'s' if needed != 1 else ''} "
        f"({', '.join(role_ids)}); {fix}",
        WARNING,
        path=("arguments", argument.id, "premises"),
    )


def _questioned(map: ArgumentMap, answer: Argument) -> list[Argument] | None:
    """The arguments whose critical questions ``answer`` can answer.

    Those it undercuts, or whose premise or conclusion it attacks or
    supports; ``None`` when its target is not defined (reported elsewhere).
    """
    if answer.kind == "undercut":
        target = map.arguments.get(answer.target)
        return None if target is None else [target]
    if answer.target not in map.statements:
        return None
    found = [*map.arguments_using(answer.target), *map.arguments_for(answer.target)]
    return [a for a in dict.fromkeys(found) if a.id != answer.id]


def _answers(map: ArgumentMap, answer: Argument, question: str) -> Iterator[Issue]:
    questioned = _questioned(map, answer)
    if questioned is None:
        return
    what = f"argument {answer.id!r}"
    path: DocPath = ("arguments", answer.id, "answers")
    schemed = [a for a in questioned if a.scheme is not None]
    if not schemed:
        if answer.kind == "undercut":
            where = f"the argument it undercuts, {answer.target!r}, names no scheme"
            fix = f"name the scheme of {answer.target!r}, or remove 'answers'"
        else:
            verb = "attacks" if answer.kind == "attack" else "supports"
            where = (
                f"{answer.target!r}, which it {verb}, is neither a premise nor the conclusion "
                "of an argument with a scheme"
            )
            fix = (
                "undercut such an argument, or attack or support its premise or conclusion; "
                "otherwise remove 'answers'"
            )
        yield Issue(
            "unknown-question",
            f"{what} answers {question!r}, but {where}, so there is no question to answer; {fix}",
            path=path,
        )
        return
    schemes = [lookup(map, a.scheme) for a in schemed if a.scheme is not None]
    known = list(dict.fromkeys(s for s in schemes if s is not None))
    if len(known) < len(schemes):
        return  # an unknown scheme is reported; its questions cannot be told
    question_ids = list(dict.fromkeys(q.id for s in known for q in s.questions))
    if question in question_ids:
        return
    names = " or ".join(repr(s.id) for s in known)
    if question_ids:
        whose = "its" if len(known) == 1 else "their"
        listed = ", ".join(question_ids)
        fix = f"{suggest(question, question_ids)}; {whose} questions are {listed}"
    else:
        fix = f", which {'has' if len(known) == 1 else 'have'} none: remove 'answers'"
    yield Issue(
        "unknown-question",
        f"{what} answers {question!r}, which is not a critical question of scheme {names}{fix}",
        path=path,
    )
