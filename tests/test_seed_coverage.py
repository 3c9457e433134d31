"""The maps cover every line of reasoning of the seed article.

The article (maps/sources/article.de.txt) is mapped as one overview map that
includes a focused map per line of reasoning. Each test below names a line
(a to h) and asserts its reasoning by statement ids and the relations between
them, not by matching text, so that rewording a statement keeps the tests
green and dropping or rewiring a piece of reasoning does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap

MAPS = Path(__file__).resolve().parents[1] / "maps"
FOCUSED = (
    "relations",  # (a)
    "desperation",  # (b)
    "arms-deal",  # (c)
    "russian-lifeline",  # (d) and (e)
    "china",  # (f)
    "unreliable-partners",  # (g)
)
AGENTS = {
    "publication",
    "analysts",
    "washington-seoul",
    "moscow-pyongyang",
    "daniel-pinkston",
    "journalists",
}


@pytest.fixture(scope="module")
def m() -> argmap.ArgumentMap:
    return argmap.load(MAPS / "overview.yaml")


def arguments(
    m: argmap.ArgumentMap, kind: str, target: str, *premises: str
) -> list[argmap.Argument]:
    """The arguments of a kind on a target whose premises include all those given."""
    return [
        a
        for a in m.arguments.values()
        if a.kind == kind and a.target == target and set(premises) <= set(a.premises)
    ]


def linked(m: argmap.ArgumentMap, target: str, *premises: str) -> argmap.Argument:
    """The one argument that supports the target from all the premises together."""
    [argument] = arguments(m, "support", target, *premises)
    return argument


def held_by(m: argmap.ArgumentMap, statement: str) -> set[str]:
    return set(m.statements[statement].by)


def members(m: argmap.ArgumentMap, group: str) -> set[str]:
    return set(m.groups[group].members)


# Lines of reasoning -------------------------------------------------------


def test_a_relations_are_stronger_than_ever(m: argmap.ArgumentMap) -> None:
    # The agreement and the cooperation it allows, together.
    linked(m, "stronger-than-ever", "partnership-agreement", "military-cooperation")
    # Putin's first visit in 24 years, on its own.
    assert arguments(m, "support", "stronger-than-ever", "first-visit")
    assert "stronger-than-ever" in members(m, "relations")


def test_b_the_visit_looked_like_desperation(m: argmap.ArgumentMap) -> None:
    assert arguments(m, "support", "desperation", "deadliest-war")
    # The shortage, the supplies Washington and Seoul accuse North Korea of,
    # and what North Korea got in return, together.
    linked(m, "desperation", "shell-shortage", "nk-supplies", "nk-received")
    assert held_by(m, "nk-supplies") == {"washington-seoul"}
    assert held_by(m, "deadliest-war") == {"publication"}


def test_c_missile_debris_speaks_against_the_denied_arms_deal(m: argmap.ArgumentMap) -> None:
    assert held_by(m, "arms-deal-denied") == {"moscow-pyongyang"}
    assert arguments(m, "attack", "arms-deal-denied", "missile-debris")
    # The accusation by Washington and Seoul (line b) speaks against it too.
    assert arguments(m, "attack", "arms-deal-denied", "nk-supplies", "nk-received")


def test_d_whether_the_relationship_emboldens_kim_is_an_open_question(
    m: argmap.ArgumentMap,
) -> None:
    assert m.statements["emboldens-kim"].status == "questioned"
    # The lifeline reasoning bears on the question.
    assert arguments(m, "support", "emboldens-kim", "less-incentive")


def test_e_a_russian_lifeline_lowers_kims_incentive(m: argmap.ArgumentMap) -> None:
    linked(m, "less-incentive", "sanctions-motive", "lifeline")
    assert arguments(m, "support", "lifeline", "moscow-measures")
    assert arguments(m, "support", "less-incentive", "un-seat")
    assert held_by(m, "less-incentive") == {"analysts"}


def test_f_the_visit_threatens_russias_relations_with_china(m: argmap.ArgumentMap) -> None:
    assert arguments(m, "support", "china-threat", "china-said-no")
    assert held_by(m, "china-said-no") == {"journalists"}
    assert arguments(m, "support", "china-threat", "chinese-tired")
    assert held_by(m, "chinese-tired") == {"daniel-pinkston"}
    # Pinkston's view rests on his being an East Asia expert.
    linked(m, "chinese-tired", "pinkston-expert", "pinkston-says")
    assert arguments(m, "support", "china-threat", "beijing-annoyed")


def test_g_dictators_make_unreliable_partners(m: argmap.ArgumentMap) -> None:
    assert arguments(m, "support", "dictators-unreliable", "dictators-break")
    linked(m, "no-solid-foundation", "dictators-unreliable", "ruled-by-dictators")
    assert arguments(m, "support", "no-solid-foundation", "no-common-values")
    for statement in ("no-solid-foundation", "dictators-break", "no-common-values"):
        assert held_by(m, statement) == {"analysts"}


def test_h_strong_ties_and_no_solid_foundation_are_set_against_each_other(
    m: argmap.ArgumentMap,
) -> None:
    relations, partners = members(m, "relations"), members(m, "unreliable-partners")
    tension = [
        a
        for a in m.arguments.values()
        if a.kind == "attack" and a.target in partners and set(a.premises) <= relations
    ]
    assert [a.premises for a in tension] == [("stronger-than-ever",)]
    [attack] = tension
    assert attack.target == "no-solid-foundation"
    # The analysts answer: present strength shows no solid foundation.
    [undercut] = m.undercutters(attack.id)
    assert set(undercut.premises) <= partners


def test_the_desperate_visit_undercuts_the_visit_as_a_sign_of_strength(
    m: argmap.ArgumentMap,
) -> None:
    [visit] = arguments(m, "support", "stronger-than-ever", "first-visit")
    assert [a.premises for a in m.undercutters(visit.id)] == [("desperation",)]


def test_the_overview_names_the_conclusion_of_every_line(m: argmap.ArgumentMap) -> None:
    assert set(m.main_theses) == {
        "stronger-than-ever",
        "desperation",
        "arms-deal-denied",
        "emboldens-kim",
        "less-incentive",
        "china-threat",
        "no-solid-foundation",
    }


# One source of truth ------------------------------------------------------


def test_each_focused_map_is_a_group_of_the_overview(m: argmap.ArgumentMap) -> None:
    assert set(m.groups) == set(FOCUSED)
    for name in FOCUSED:
        focused = argmap.load(MAPS / f"{name}.yaml")
        assert m.groups[name].title == focused.title
        own = set(focused.statements) | set(focused.arguments)
        assert members(m, name) <= own


def test_no_statement_is_defined_in_two_files() -> None:
    """Loading the overview would fail on a duplicate id; say which one here.

    A focused map that includes another gets a group for it; its own
    statements are those in no such group.
    """
    seen: dict[str, str] = {}
    for name in FOCUSED:
        focused = argmap.load(MAPS / f"{name}.yaml")
        included = {sid for group in focused.groups.values() for sid in group.members}
        for sid in set(focused.statements) - included:
            assert sid not in seen, f"{sid!r} is defined in {seen[sid]} and {name}"
            seen[sid] = name


# Checked, cited, attributed, translated -----------------------------------


@pytest.mark.parametrize("name", [*FOCUSED, "overview"])
def test_every_map_checks_clean(name: str) -> None:
    issues = argmap.check(argmap.load(MAPS / f"{name}.yaml"))
    assert [i for i in issues if i.severity is not argmap.Severity.NOTE] == []


def test_every_statement_is_quoted_and_attributed(m: argmap.ArgumentMap) -> None:
    for sid, statement in m.statements.items():
        assert statement.quotes, sid
        assert all(c.source == "article" for c in statement.quotes), sid
        assert statement.by, sid


def test_every_argument_is_attributed(m: argmap.ArgumentMap) -> None:
    for aid, argument in m.arguments.items():
        assert argument.by, aid


def test_every_speaker_of_the_article_holds_something(m: argmap.ArgumentMap) -> None:
    assert set(m.agents) == AGENTS
    items: list[argmap.Statement | argmap.Argument] = [
        *m.statements.values(),
        *m.arguments.values(),
    ]
    held = {agent for item in items for agent in item.by}
    assert held == AGENTS


def test_every_text_and_title_has_a_german_version(m: argmap.ArgumentMap) -> None:
    assert (m.lang, m.other_langs) == ("en", ("de",))
    assert m.localized(m, "title", "de")[1] is False
    for sid, statement in m.statements.items():
        assert m.localized(statement, "text", "de")[1] is False, sid
        assert m.localized(statement, "title", "de")[1] is False, sid
    for aid, argument in m.arguments.items():
        assert m.localized(argument, "title", "de")[1] is False, aid
    for name, group in m.groups.items():
        assert m.localized(group, "title", "de")[1] is False, name


def test_pinkstons_assessment_is_an_argument_from_expert_opinion(m: argmap.ArgumentMap) -> None:
    argument = m.arguments["pinkston-assessment"]
    assert (argument.scheme, argument.roles) == ("expert-opinion", ("expert", "assertion"))
    assert argument.role("pinkston-expert") == "expert"
