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
    "article",
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
#
# Which of these links the article draws itself (stated) and which the map
# adds (implicit) is asserted in tests/test_maps_faithful.py; here, what is
# linked to what.


def implicit(argument: argmap.Argument) -> bool:
    return argument.implicit and not argument.by and not argument.quotes


def test_a_relations_are_stronger_than_ever(m: argmap.ArgumentMap) -> None:
    # The agreement and the cooperation it allows, together: the map's reading.
    assert implicit(
        linked(m, "stronger-than-ever", "partnership-agreement", "military-cooperation")
    )
    # The concession of a strategic partnership, its own statement.
    assert arguments(m, "support", "stronger-than-ever", "strategic-partnership")
    assert held_by(m, "strategic-partnership") == set()
    # The first visit in 24 years is background, not evidence: not mapped.
    assert "first-visit" not in m.statements
    assert "stronger-than-ever" in members(m, "relations")


def test_b_the_visit_looked_like_desperation(m: argmap.ArgumentMap) -> None:
    [war] = arguments(m, "support", "desperation", "deadliest-war")
    assert set(war.premises) == {"deadliest-war", "rogue-state"} and implicit(war)
    # The shells Washington and Seoul accuse North Korea of supplying: the
    # map's second reading, across to the arms-deal line.
    [shells] = arguments(m, "support", "desperation", "nk-supplies")
    assert shells.premises == ("nk-supplies",) and implicit(shells)
    assert held_by(m, "nk-supplies") == {"washington-seoul"}
    # "Laut der Veröffentlichung": relayed from the outlet the article cites.
    assert held_by(m, "deadliest-war") == held_by(m, "rogue-state") == {"publication"}
    assert held_by(m, "desperation") == {"article"}


def test_c_whether_there_is_an_arms_deal_is_argued_about(m: argmap.ArgumentMap) -> None:
    # The thesis is the deal; nobody in the article asserts it.
    assert m.statements["arms-deal"].implicit
    [denial] = arguments(m, "attack", "arms-deal", "arms-deal-denied")
    assert held_by(m, "arms-deal-denied") == set(denial.by) == {"moscow-pyongyang"}
    # The debris, in the same sentence, speaks against the denial.
    assert arguments(m, "attack", "arms-deal-denied", "missile-debris")
    # Weapons for goods: the accusation and the presumed payment, together.
    assert implicit(linked(m, "arms-deal", "nk-supplies", "nk-received"))
    assert m.statements["nk-received"].hedge == "presumably"
    assert m.localized(m.statements["nk-received"], "hedge", "de") == ("vermutlich", False)


def test_d_whether_the_relationship_emboldens_kim_is_an_open_question(
    m: argmap.ArgumentMap,
) -> None:
    assert m.statements["emboldens-kim"].mode == "question"
    # The lifeline reasoning bears on the question, on the map's reading only.
    [bearing] = arguments(m, "support", "emboldens-kim", "less-incentive")
    assert implicit(bearing)
    assert argmap.evaluate(m).statements["emboldens-kim"] != "in"


def test_e_a_russian_lifeline_would_lower_kims_incentive(m: argmap.ArgumentMap) -> None:
    lifeline = linked(m, "less-incentive", "sanctions-motive", "lifeline")
    assert set(lifeline.by) == {"analysts"} and lifeline.quotes
    # "wenn Russland ... anbietet": the condition and its consequence.
    assert m.statements["lifeline"].mode == "hypothetical"
    assert m.statements["less-incentive"].mode == "hypothetical"
    assert not m.arguments_for("lifeline"), "the article does not establish the condition"
    assert held_by(m, "less-incentive") == {"analysts"}
    # The Security Council seat makes the rapprochement valuable, as the
    # article says; Moscow's steps against the sanctions, on the map's reading.
    [seat] = arguments(m, "support", "valuable", "un-seat")
    assert set(seat.by) == {"article"} and seat.quotes
    assert implicit(*arguments(m, "support", "valuable", "moscow-measures"))
    labels = argmap.evaluate(m).statements
    assert (labels["lifeline"], labels["less-incentive"]) != ("in", "in")
    assert labels["valuable"] == "in"


def test_f_the_visit_threatens_russias_relations_with_china(m: argmap.ArgumentMap) -> None:
    [said_no] = arguments(m, "support", "china-threat", "china-said-no")
    assert held_by(m, "china-said-no") == {"journalists"}
    assert set(said_no.by) == {"article"} and said_no.quotes
    assert implicit(*arguments(m, "support", "china-threat", "chinese-tired"))
    assert held_by(m, "chinese-tired") == {"daniel-pinkston"}
    assert m.statements["chinese-tired"].hedge == "probably"
    assert implicit(*arguments(m, "support", "china-threat", "beijing-annoyed"))
    # The paragraph after Pinkston's quote names no speaker.
    assert held_by(m, "beijing-annoyed") == set()


def test_g_dictators_make_unreliable_partners(m: argmap.ArgumentMap) -> None:
    [so] = arguments(m, "support", "dictators-unreliable", "dictators-break")
    assert set(so.by) == {"analysts"} and so.quotes  # "Sie sind also ..."
    assert implicit(linked(m, "no-solid-foundation", "dictators-unreliable", "ruled-by-dictators"))
    assert implicit(*arguments(m, "support", "no-solid-foundation", "no-common-values"))
    for statement in ("dictators-break", "dictators-unreliable", "no-common-values"):
        assert held_by(m, statement) == {"analysts"}
    assert held_by(m, "no-solid-foundation") == set()


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
    assert attack.target == "no-solid-foundation" and implicit(attack)
    # The map's answer: present strength shows no solid foundation.
    [undercut] = m.undercutters(attack.id)
    assert set(undercut.premises) <= partners and implicit(undercut)


def test_the_overview_names_the_conclusion_of_every_line(m: argmap.ArgumentMap) -> None:
    assert set(m.main_theses) == {
        "stronger-than-ever",
        "desperation",
        "arms-deal",
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


def test_every_stated_statement_is_quoted_from_the_article(m: argmap.ArgumentMap) -> None:
    for sid, statement in m.statements.items():
        if statement.implicit:
            continue
        assert statement.quotes, sid
        assert all(c.source == "article" for c in statement.quotes), sid


def test_only_the_unattributed_paragraph_has_stated_statements_without_a_speaker(
    m: argmap.ArgumentMap,
) -> None:
    """The paragraph after Pinkston's quote names nobody; everything else stated has a speaker."""
    unattributed = {sid for sid, s in m.statements.items() if not s.implicit and not s.by}
    assert unattributed == {"strategic-partnership", "beijing-annoyed", "no-solid-foundation"}
    for sid in unattributed:
        assert "names no speaker" in (m.statements[sid].note or ""), sid


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
        if statement.hedge is not None:
            assert m.localized(statement, "hedge", "de")[1] is False, sid
    for aid, argument in m.arguments.items():
        assert m.localized(argument, "title", "de")[1] is False, aid
    for name, group in m.groups.items():
        assert m.localized(group, "title", "de")[1] is False, name
