"""argmap._helpers: unique ids handed out in linear time; a table's entry for a language;
text wrapped as textwrap wraps it; the words of a slug."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._helpers import _WORDS, Ids, fresh_id, in_language, slug, words_of, wrap
from argmap.model import ID_PATTERN


class CountingSet(set[str]):
    """A set that counts how often it is asked whether it holds something."""

    asked = 0

    def __contains__(self, item: object) -> bool:
        self.asked += 1
        return super().__contains__(item)


def test_many_ids_from_one_base_take_linear_work() -> None:
    ids = Ids()
    ids.taken = CountingSet()
    made = [ids.make("same", "x") for _ in range(3000)]
    assert made[:3] == ["same", "same-2", "same-3"]
    assert made[-1] == "same-3000"
    assert len(set(made)) == 3000
    assert ids.taken.asked < 3 * 3000  # counting up from 2 each time asked 4.5 million


def test_fresh_id_with_counters_skips_what_is_taken_meanwhile() -> None:
    taken = {"a", "a-2"}
    counters: dict[str, int] = {}
    first = fresh_id("a", taken, counters=counters)
    taken |= {first, "a-4"}
    assert (first, fresh_id("a", taken, counters=counters)) == ("a-3", "a-5")
    assert fresh_id("a", taken) == "a-5"  # without counters: from 2, the same answer


def test_a_language_takes_its_primary_languages_entry_else_englishs() -> None:
    table = {"en": "implicit", "de": "implizit"}
    assert in_language(table, "de") == "implizit"
    assert in_language(table, "de-CH") == "implizit"
    assert in_language(table, "DE-at") == "implizit"
    assert in_language(table, "fr") == "implicit"
    assert in_language(table, None) == "implicit"


#: Words and the characters around which textwrap decides differently: hyphens,
#: dashes, white space other than one space, punctuation, long words.
_PIECES = st.sampled_from(
    [
        *("a", "bb", "word", "x" * 12, "y" * 45, "é", "w.", "?", "1", "ab-c", "e-"),
        *("-", "--", "---", "well-known", "COVID-19", "-x", "x-", "re-re-read", "a-b-c"),
        *(" ", " ", "  ", "\u00a0", "\t", "\n", "\u2003", "\x1f"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(min_value=1, max_value=50))
def test_wrap_gives_the_lines_of_textwrap(text: str, width: int) -> None:
    assert wrap(text, width) == textwrap.wrap(text, width=width)


def test_wrap_fills_each_line_with_the_words_that_fit() -> None:
    text = "The state should not decide what people may read"
    assert wrap(text, 12) == ["The state", "should not", "decide what", "people may", "read"]
    assert wrap("a verylongwordhere b", 10) == ["a verylong", "wordhere b"]
    assert wrap("", 10) == []


@settings(max_examples=500)
@given(
    st.text(alphabet=st.characters(max_codepoint=127)) | st.text(),
    st.none() | st.integers(min_value=-1, max_value=8),
)
def test_the_words_of_ascii_text_are_those_the_regular_expression_finds(
    text: str, most: int | None
) -> None:
    found = _WORDS.findall(text.casefold())
    expected = found if most is None else found[: max(most, 0)]
    assert words_of(text.casefold(), most) == expected


def _slug_word_by_word(text: str, limit: int, words: int | None) -> str:
    """What ``slug`` gives, built a word at a time: the reference it is checked against."""
    result = ""
    for count, word in enumerate(_WORDS.findall(text.casefold())):
        if words is not None and count >= words:
            break
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > limit and result:
            break
        result = candidate[:limit]
    return result


@settings(max_examples=500)
@given(
    st.text(alphabet=st.sampled_from("ab Zé-_.1ß")) | st.text(),
    st.integers(min_value=1, max_value=12),
    st.none() | st.integers(min_value=0, max_value=6),
)
def test_slug_is_the_words_that_fit_the_limit(text: str, limit: int, words: int | None) -> None:
    assert slug(text, limit=limit, words=words) == _slug_word_by_word(text, limit, words)


@settings(max_examples=500)
@given(st.text(), st.integers(min_value=1, max_value=80), st.none() | st.integers(0, 8))
def test_a_slug_is_an_id_or_empty(text: str, limit: int, words: int | None) -> None:
    """What readers build unchecked ids from (with a fallback for the empty slug)."""
    made = slug(text, limit=limit, words=words)
    assert made == "" or ID_PATTERN.match(made)
    assert ID_PATTERN.match(f"{made or 'statement'}-premise-2")


def test_slug_cuts_at_a_word_boundary_after_the_limit_or_the_count_of_words() -> None:
    assert slug("Censorship is wrong!") == "censorship-is-wrong"
    assert slug("Straße, Ärger & co.") == "strasse-ärger-co"
    assert slug("one two three four five six", words=5) == "one-two-three-four-five"
    assert slug("alpha beta gamma", limit=10) == "alpha-beta"
    assert slug("abcdefghijkl mn", limit=5) == "abcde"
    assert slug("-- !! --") == ""
