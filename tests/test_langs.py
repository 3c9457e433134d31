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
        "{en: ..., de: ...}"
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
