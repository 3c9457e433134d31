"""The shipped maps say what the article says and show plainly what they add.

Every map in maps/ is walked statement by statement and argument by argument:

- an implicit statement or argument (the map's own reading) quotes nothing,
  has no speaker and says in its note why it is the map's;
- a stated statement or argument quotes the passage that says it, in the
  article (tests/test_maps.py checks each map, which verifies every quote);
- a speaker is credited only where the quoted paragraph names them; the one
  sentence the article marks as relayed ("Laut der Veröffentlichung") is the
  publication's, and nothing else is;
- a stated statement without a speaker says so in its note;
- questions, conditions and hedges stay what the article makes them, in both
  languages, and evaluation never takes a question or a condition as given.

The checks read the article, not a list of ids, so a new statement or
argument is held to the same rules as the old ones.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import pytest

import argmap

MAPS_DIR = Path(__file__).resolve().parents[1] / "maps"
MAPS = sorted(MAPS_DIR.glob("*.yaml"))
ARTICLE = MAPS_DIR / "sources" / "article.de.txt"
LANGS = ("en", "de")

# Who the article names as speaker, and the words that name them. A statement
# or argument credited to one of them must quote a paragraph with these words.
CUES: dict[str, tuple[str, ...]] = {
    "publication": ("Laut der Veröffentlichung",),
    "analysts": ("schreiben Analysten", "schließen Analysten"),
    "washington-seoul": ("Washington und Seoul beschuldigten",),
    "moscow-pyongyang": ("Nordkorea und Russland die Existenz eines Waffengeschäfts leugnen",),
    "daniel-pinkston": ("erklärte Daniel Pinkston",),
    "journalists": ("Journalisten zufolge",),
}
# The article's own voice: what it says without naming another speaker.
OWN_VOICE = "article"

# How the article asks, supposes and hedges; (German word, English word).
QUESTION = "Die Frage ist, ob"
CONDITION = re.compile(r"\bwenn\b")
HEDGES = {"vermutlich": "presumably", "wahrscheinlich": "probably"}


def normalise(text: str) -> str:
    text = re.sub(r"[„“”«»]", '"', text)
    return " ".join(text.split())


@cache
def paragraphs() -> tuple[str, ...]:
    text = ARTICLE.read_text(encoding="utf-8")
    return tuple(normalise(p) for p in text.splitlines() if p.strip())


def paragraph_of(quote: str) -> str:
    [found] = [p for p in paragraphs() if normalise(quote) in p]
    return found


def load(path: Path) -> argmap.ArgumentMap:
    return argmap.load(path)


Item = argmap.Statement | argmap.Argument
Field = Literal["text", "title", "hedge"]


def items(m: argmap.ArgumentMap) -> list[tuple[str, Item]]:
    return [
        *((f"statement {sid}", s) for sid, s in m.statements.items()),
        *((f"argument {aid}", a) for aid, a in m.arguments.items()),
    ]


# -- quoted from the article ---------------------------------------------------


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_every_quote_is_in_the_article(path: Path) -> None:
    m = load(path)
    for what, item in items(m):
        for citation in item.quotes:
            assert citation.source == "article", what
            assert paragraph_of(citation.text), what


def test_the_included_file_is_checked_through_the_maps_that_include_it() -> None:
    """maps/common/ holds only what the maps share; `check maps/` reads the top level."""
    assert all(path.parent == MAPS_DIR for path in MAPS)
    common = argmap.load(MAPS_DIR / "common" / "article.yaml")
    assert not common.statements and not common.arguments
    for path in MAPS:
        assert set(common.agents) <= set(load(path).agents), path.stem


# -- stated and implicit -----------------------------------------------------


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_what_the_map_adds_quotes_nothing_credits_nobody_and_says_why(path: Path) -> None:
    m = load(path)
    for what, item in items(m):
        if not item.implicit:
            continue
        assert not item.quotes, what
        assert not item.by and item.via is None, what
        assert item.note, f"{what}: say in its note why it is the map's reading"


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_what_the_text_says_is_quoted(path: Path) -> None:
    m = load(path)
    for what, item in items(m):
        if not item.implicit:
            assert item.quotes, f"{what} is stated: quote the passage, or mark it implicit"


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_a_speaker_is_credited_only_where_the_article_names_them(path: Path) -> None:
    m = load(path)
    for what, item in items(m):
        for agent in (*item.by, *([item.via] if item.via else [])):
            assert agent in m.agents, what
            if agent == OWN_VOICE:
                continue
            cues = CUES[agent]
            for citation in item.quotes:
                paragraph = paragraph_of(citation.text)
                assert any(cue in paragraph for cue in cues), (
                    f"{what} is credited to {agent!r}, but the paragraph it quotes "
                    f"does not name them: {paragraph[:80]!r}"
                )


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_the_relayed_sentence_is_the_publications_and_nothing_else_is(path: Path) -> None:
    m = load(path)
    [cue] = CUES["publication"]
    for what, item in items(m):
        relayed = any(
            cue in sentence
            for citation in item.quotes
            for sentence in re.split(r"(?<=[.?!])\s", paragraph_of(citation.text))
            if normalise(citation.text) in sentence
        )
        assert ("publication" in item.by) == relayed, what


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_a_stated_statement_without_a_speaker_says_why(path: Path) -> None:
    m = load(path)
    for sid, statement in m.statements.items():
        if not statement.implicit and not statement.by:
            assert "names no speaker" in (statement.note or ""), sid


# -- questions, conditions, hedges -------------------------------------------


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_questions_and_conditions_stay_what_the_article_makes_them(path: Path) -> None:
    m = load(path)
    for sid, statement in m.statements.items():
        quoted = " ".join(c.text for c in statement.quotes)
        if QUESTION in quoted:
            assert statement.mode == "question", sid
        elif CONDITION.search(quoted):
            assert statement.mode == "hypothetical", sid
        if statement.mode == "question":
            assert statement.title is None or statement.title.endswith("?"), sid


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_hedges_are_kept_in_both_languages(path: Path) -> None:
    m = load(path)
    for sid, statement in m.statements.items():
        quoted = " ".join(c.text for c in statement.quotes)
        words = [de for de in HEDGES if re.search(rf"\b{de}\b", quoted)]
        if not words:
            continue
        [de] = words
        assert statement.hedge == HEDGES[de], sid
        assert m.localized(statement, "hedge", "de") == (de, False), sid
        # Shown once, beside the text, not also inside it.
        assert HEDGES[de] not in statement.text, sid
        text, _ = m.localized(statement, "text", "de")
        assert text is not None and de not in text, sid


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_every_text_is_in_both_languages(path: Path) -> None:
    m = load(path)
    assert (m.lang, *m.other_langs) == LANGS
    for what, item in items(m):
        fields: tuple[Field, ...] = ("title",)
        if isinstance(item, argmap.Statement):
            fields += ("text", "hedge")
        for field in fields:
            if getattr(item, field) is not None:
                assert m.localized(item, field, "de")[1] is False, f"{what} {field}"


@pytest.mark.parametrize("stated_only", [False, True], ids=["whole", "stated-only"])
def test_evaluation_takes_no_question_or_unmet_condition_as_given(stated_only: bool) -> None:
    m = load(MAPS_DIR / "overview.yaml")
    labels = argmap.evaluate(m, stated_only=stated_only).statements
    for sid, statement in m.statements.items():
        if statement.mode != "asserted" and sid in labels:
            assert labels[sid] != "in", sid


def test_a_question_is_argued_about_never_argued_from() -> None:
    m = load(MAPS_DIR / "overview.yaml")
    questions = {sid for sid, s in m.statements.items() if s.mode == "question"}
    assert questions
    assert not any(set(a.premises) & questions for a in m.arguments.values())
