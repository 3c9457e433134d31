"""Maps in two languages: text and titles by language, fallbacks, missing translations."""

from __future__ import annotations

import pytest

import argmap
from argmap import MapError, Severity, Statement, Translation

BILINGUAL = """\
argmap: 1
title: {en: Dictators make unreliable partners, de: Diktatoren sind unzuverlässige Partner}
lang: [en, de]
statements:
  breaks:
    text:
      en: Dictators can break their commitments at any time.
      de: Diktatoren können jederzeit ihre Verpflichtungen brechen.
    title: {en: Broken commitments, de: Gebrochene Zusagen}
  unreliable:
    text: Dictators are not reliable partners.
arguments:
  broken-word:
    title: {en: Dictators break their word, de: Diktatoren brechen ihr Wort}
    premises: breaks
    supports: unreliable
"""


def test_text_and_titles_load_by_language() -> None:
    m = argmap.loads(BILINGUAL)
    assert (m.lang, m.other_langs, m.langs) == ("en", ("de",), ("en", "de"))
    breaks = m.statements["breaks"]
    assert breaks.text == "Dictators can break their commitments at any time."
    assert breaks.translations == (
        Translation(
            "de",
            text="Diktatoren können jederzeit ihre Verpflichtungen brechen.",
            title="Gebrochene Zusagen",
        ),
    )
    assert m.localized(m, "title", "de") == ("Diktatoren sind unzuverlässige Partner", False)
    assert m.localized(m.arguments["broken-word"], "title", "de")[0] == (
        "Diktatoren brechen ihr Wort"
    )


def test_a_missing_translation_falls_back_and_says_so() -> None:
    m = argmap.loads(BILINGUAL)
    unreliable = m.statements["unreliable"]
    assert m.localized(unreliable, "text", "de") == ("Dictators are not reliable partners.", True)
    assert m.localized(unreliable, "text", "en") == ("Dictators are not reliable partners.", False)
    assert m.localized(unreliable, "text", None) == ("Dictators are not reliable partners.", False)
    assert m.localized(unreliable, "title", "de") == (None, False)


def test_a_missing_translation_is_a_warning() -> None:
    [issue] = argmap.check(argmap.loads(BILINGUAL, file="m.yaml"))
    assert (issue.code, issue.severity, issue.line, issue.column) == (
        "missing-translation",
        Severity.WARNING,
        11,
        11,
    )
    assert issue.message == (
        "'text' of statement 'unreliable' has no 'de' version; give it by language: "
        '{en: "...", de: "..."}'
    )


def test_bilingual_maps_survive_dump_and_load() -> None:
    m = argmap.loads(BILINGUAL)
    dumped = argmap.dumps(m)
    assert "lang: [en, de]" in dumped
    assert argmap.loads(dumped) == m


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        (
            "argmap: 1\ntitle: t\nstatements:\n  s: {text: {en: x, de: y}}\n",
            "missing-lang",
            "'text' of statement 's' is given by language, but the map declares no languages: "
            "add 'lang: [en, de]' (its own language first)",
        ),
        (
            "argmap: 1\ntitle: t\nlang: [en, de]\nstatements:\n  s: {text: {en: x, dee: y}}\n",
            "undeclared-lang",
            "'text' of statement 's' is given in 'dee', which the map does not declare in "
            "'lang' (en, de) (did you mean 'de'?); add it there or fix the language",
        ),
        (
            "argmap: 1\ntitle: t\nlang: [en, de]\nstatements:\n  s: {text: {de: y}}\n",
            "missing-key",
            "'text' of statement 's' needs its text in 'en', the map's own language",
        ),
        (
            "argmap: 1\ntitle: t\nlang: [en, english]\n",
            "invalid-value",
            "'lang' must name languages by tags such as 'en', 'de' or 'pt-BR' (got 'english')",
        ),
    ],
)
def test_text_by_language_needs_declared_languages(text: str, code: str, message: str) -> None:
    with pytest.raises(MapError) as caught:
        argmap.loads(text)
    [issue] = caught.value.issues
    assert (issue.code, issue.message) == (code, message)


def test_a_language_tag_is_validated_in_python_too() -> None:
    with pytest.raises(ValueError, match="'lang' must be a language tag"):
        Statement("s", "x", translations=[Translation("deutsch!", text="y")])


def test_agent_names_are_translated_too() -> None:
    text = BILINGUAL.replace(
        "lang: [en, de]\n",
        "lang: [en, de]\nagents:\n  an: {name: {en: Analysts, de: Analysten}}\n  jo: Journalists\n",
    ).replace(
        "    title: {en: Broken commitments, de: Gebrochene Zusagen}\n",
        "    title: {en: Broken commitments, de: Gebrochene Zusagen}\n    by: [an, jo]\n",
    )
    m = argmap.loads(text)
    assert m.localized(m.agents["an"], "title", "de") == ("Analysten", False)
    assert argmap.loads(argmap.dumps(m)) == m
    codes = [(i.code, i.path) for i in argmap.check(m)]
    assert ("missing-translation", ("agents", "jo", "name")) in codes
    view = argmap.view.build_view(m, lang="de")
    assert view.node("statement-breaks").speakers == ("Analysten", "Journalists")


COMMAS = """\
argmap: 1
title: {en: Four days, same pay, de: Vier Tage, gleicher Lohn}
lang: [en, de]
statements:
  week: {text: {en: Short weeks, long lives, more, de: Kurze Wochen}}
  pay: {text: {en: Same pay, fr: Même salaire, de: Gleicher Lohn}}
"""


@pytest.mark.parametrize("tail", ["", "data: &x {a: 1}\n"], ids=["fast reader", "full reader"])
def test_a_comma_in_text_by_language_on_one_line_says_to_quote_the_text(tail: str) -> None:
    with pytest.raises(MapError) as caught:
        argmap.loads(COMMAS + tail, file="m.yaml")
    assert [str(i) for i in caught.value.issues] == [
        "m.yaml:2:24: error: unquoted-comma: 'title' of a map is cut at a comma: in {...} on "
        "one line a comma ends a text, so YAML read 'Four days' in 'en' and 'same pay' as a "
        'language of its own; put the text in quotes: en: "Four days, same pay"',
        "m.yaml:2:49: error: unquoted-comma: 'title' of a map is cut at a comma: in {...} on "
        "one line a comma ends a text, so YAML read 'Vier Tage' in 'de' and 'gleicher Lohn' as "
        'a language of its own; put the text in quotes: de: "Vier Tage, gleicher Lohn"',
        "m.yaml:5:34: error: unquoted-comma: 'text' of statement 'week' is cut at a comma: in "
        "{...} on one line a comma ends a text, so YAML read 'Short weeks' in 'en' and 'long "
        "lives' and 'more' as languages of their own; put the text in quotes: en: \"Short "
        'weeks, long lives, more"',
        # A language tag with a text is a language, not the rest of a text.
        "m.yaml:6:30: error: undeclared-lang: 'text' of statement 'pay' is given in 'fr', which "
        "the map does not declare in 'lang' (en, de); add it there or fix the language",
    ]


def test_text_by_language_over_lines_has_no_commas_to_mind() -> None:
    m = argmap.loads(
        "argmap: 1\nlang: [en, de]\ntitle:\n  en: Four days, same pay\n"
        "  de: Vier Tage, gleicher Lohn\n"
    )
    assert (m.title, m.localized(m, "title", "de")[0]) == (
        "Four days, same pay",
        "Vier Tage, gleicher Lohn",
    )
