"""The map beside its text (``--with-source``) and the viewer's outline, in text and in Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, Viewer, open_viewer, run, work_in

import argmap
from argmap._quotes import locate
from argmap._sources import read_sources
from argmap.errors import SourceFileError

LIFELINE = ROOT / "maps" / "russian-lifeline.yaml"
LINDENAU = ROOT / "docs" / "examples" / "lindenau.yaml"
PASSAGE = re.compile(r'<mark class="argmap-passage" [^>]*data-refs="([^"]*)">(.*?)</mark>', re.S)

NO_FILE = """\
argmap: 1
title: No text
sources:
  art: {title: An article}
statements:
  a: {text: A., quote: {source: art, text: "a"}}
"""


def test_locate_finds_a_quote_through_typography_and_gives_raw_indexes() -> None:
    text = "Er sagte:  „Das ist\n wahr“.\u00adEnde"
    assert locate(text, '"Das ist wahr"') == (11, 26)
    assert text[11:26] == "„Das ist\n wahr“"
    assert locate(text, "nicht da") is None


def test_every_quote_of_the_map_is_a_marked_passage_naming_who_quotes_it() -> None:
    m = argmap.load(LIFELINE)
    page = _page(m)
    marked: dict[str, str] = {}
    for refs, text in PASSAGE.findall(page):
        for ref in refs.split():
            marked[ref] = marked.get(ref, "") + text
    quoting = {
        f"{kind}-{eid}"
        for kind, entities in (("statement", m.statements), ("argument", m.arguments))
        for eid, e in entities.items()
        if e.quotes
    }
    assert set(marked) == quoting
    # Overlapping passages: the argument's quote holds the statements' quotes.
    assert "wenn Russland eine tragfähige" in marked["argument-russian-lifeline"]
    assert "wenn Russland eine tragfähige" in marked["statement-lifeline"]
    assert '<div role="tabpanel" id="argmap-source-1" class="argmap-source-text"' in page
    assert 'lang="de"' in page[page.index('role="tabpanel"') :][:200]


def _page(m: argmap.ArgumentMap) -> str:
    from argmap._html import page
    from argmap.view import build_view

    svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
    return page(m, build_view(m), svg, read_sources(m))


def test_the_source_text_is_escaped_into_the_page(tmp_path: Path) -> None:
    (tmp_path / "src.txt").write_text("Say </script><b>bold</b> & more.", "utf-8")
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\ntitle: T\nsources:\n  s: {title: S, file: src.txt}\n"
        "statements:\n  a: {text: A., quote: {source: s, text: '<b>bold</b>'}}\n",
        "utf-8",
    )
    page = _page(argmap.load(tmp_path / "m.yaml"))
    assert "Say &lt;/script&gt;" in page
    assert (
        '<mark class="argmap-passage" tabindex="0" role="button" data-refs="statement-a">' in page
    )
    assert "&lt;b&gt;bold&lt;/b&gt;</mark> &amp; more." in page


def test_a_source_without_text_is_an_error_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work_in(tmp_path, monkeypatch, {"nofile.yaml": NO_FILE, "m.html": "old"})
    with pytest.raises(SourceFileError, match="no-source-text: source 'art' has no 'file'"):
        argmap.render(argmap.load("nofile.yaml"), "m.html", with_source=True)
    status, out, err = run("render", "nofile.yaml", "-f", "html", "--with-source", "-o", "m.html")
    assert (status, out) == (1, "")
    assert err == (
        "nofile.yaml:4:3: error: no-source-text: source 'art' has no 'file', so its text cannot "
        "be shown beside the map; add a plain-text copy of the source and name it in 'file'\n"
    )
    assert (tmp_path / "m.html").read_text("utf-8") == "old"
    (tmp_path / "gone.yaml").write_text(NO_FILE.replace("An article}", "A, file: gone.txt}"))
    status, _, err = run("render", "gone.yaml", "-f", "html", "--with-source", "-o", "g.html")
    assert status == 1
    assert "gone.txt: error: file-not-found: source file not found" in err
    assert not (tmp_path / "g.html").exists()
    assert run("render", "nofile.yaml", "--with-source", "-o", "m.svg") == (
        2,
        "",
        "argmap render: error: --with-source works with -f html (got svg)\n",
    )
    with pytest.raises(ValueError, match="'with_source' works with the html format"):
        argmap.render(argmap.load(LIFELINE), "x.svg", with_source=True)


@pytest.mark.needs_dot
def test_the_page_with_sources_is_the_same_bytes_every_time_and_fetches_nothing() -> None:
    m = argmap.load(LIFELINE)
    first = argmap.to_html(m, with_source=True)
    assert first == argmap.to_html(m, with_source=True)
    assert "default-src 'none'" in first


# -- in Chromium -------------------------------------------------------------------


@pytest.fixture
def beside(browser: Any, tmp_path: Path) -> Iterator[Viewer]:
    path = argmap.render(argmap.load(LIFELINE), tmp_path / "lifeline.html", with_source=True)
    yield from open_viewer(browser, path)


def current_passages(viewer: Viewer) -> list[str]:
    texts: list[str] = viewer.page.locator(".argmap-passage-current").all_inner_texts()
    return texts


@pytest.mark.needs_dot
def test_clicking_a_node_marks_its_passage_and_scrolls_to_it(beside: Viewer) -> None:
    tab = beside.page
    tab.click("#statement-un-seat", force=True)
    assert current_passages(beside) == ["der ständige Sitz Russlands im UN-Sicherheitsrat"]
    assert tab.locator(".argmap-passage-current").first.is_visible()
    box = tab.locator(".argmap-passage-current").first.bounding_box()
    pane = tab.locator(".argmap-source-text").bounding_box()
    assert box is not None and pane is not None
    assert pane["y"] <= box["y"] <= pane["y"] + pane["height"]
    # An argument's own quote is marked too.
    tab.click("#argument-security-council", force=True)
    assert "".join(current_passages(beside)).startswith("Auch der ständige Sitz")
    tab.keyboard.press("Escape")
    assert current_passages(beside) == []


@pytest.mark.needs_dot
def test_clicking_a_passage_selects_its_nodes(beside: Viewer) -> None:
    tab = beside.page
    tab.get_by_role("button", name="der ständige Sitz Russlands im UN-Sicherheitsrat").click()
    assert beside.classed("argmap-selected") == {"statement-un-seat", "argument-security-council"}
    assert beside.panel_texts("h2") != []
    # From the keyboard: Tab to a passage, Enter selects.
    passage = tab.locator('.argmap-passage[data-refs="statement-emboldens-kim"]')
    passage.focus()
    tab.keyboard.press("Enter")
    assert beside.classed("argmap-selected") == {"statement-emboldens-kim"}


@pytest.mark.needs_dot
def test_several_sources_are_tabs_each_in_its_own_language(browser: Any, tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text("Ein deutscher Satz.", "utf-8")
    (tmp_path / "en.txt").write_text("An English sentence.", "utf-8")
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\ntitle: Two\nlang: en\nsources:\n"
        "  de: {title: Deutsch, lang: de, file: de.txt}\n"
        "  en: {title: English, lang: en, file: en.txt}\n"
        "statements:\n"
        "  a: {text: A., quote: {source: de, text: Ein deutscher Satz.}}\n"
        "  b: {text: B., quote: {source: en, text: An English sentence.}}\n"
        "arguments:\n  x: {premises: [b], supports: a}\n",
        "utf-8",
    )
    path = argmap.render(argmap.load(tmp_path / "m.yaml"), tmp_path / "m.html", with_source=True)
    for viewer in open_viewer(browser, path):
        tab = viewer.page
        tabs = tab.get_by_role("tab")
        assert tabs.all_inner_texts() == ["Deutsch", "English"]
        assert tab.get_by_role("tab", name="Deutsch").get_attribute("aria-selected") == "true"
        assert tab.get_by_role("tabpanel").get_attribute("lang") == "de"
        tab.click("#statement-b", force=True)
        assert tab.get_by_role("tab", name="English").get_attribute("aria-selected") == "true"
        assert tab.get_by_role("tabpanel").inner_text() == "An English sentence."
        tab.get_by_role("tab", name="English").focus()
        tab.keyboard.press("ArrowLeft")
        assert tab.get_by_role("tab", name="Deutsch").get_attribute("aria-selected") == "true"


@pytest.mark.needs_dot
def test_the_outline_panel_is_a_list_of_buttons_a_keyboard_walks(
    browser: Any, tmp_path: Path
) -> None:
    path = argmap.render(argmap.load(LIFELINE), tmp_path / "lifeline.html")
    for viewer in open_viewer(browser, path):
        tab = viewer.page
        toggle = tab.get_by_role("button", name="Outline")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not tab.get_by_role("navigation", name="Outline").is_visible()
        toggle.focus()
        tab.keyboard.press("Enter")
        outline = tab.get_by_role("navigation", name="Outline")
        assert outline.is_visible() and toggle.get_attribute("aria-expanded") == "true"
        # The first item has the focus: the thesis, then its argument and premises, nested.
        first = outline.get_by_role("button").first
        assert first.evaluate("b => b === document.activeElement")
        assert first.inner_text().startswith("Main thesis: Less incentive to engage Washington.")
        nested = outline.get_by_role("list").nth(1).get_by_role("listitem").first
        assert (
            nested.get_by_role("button")
            .first.inner_text()
            .startswith("For: A lifeline from Russia would weaken the old motive (stated)")
        )
        tab.keyboard.press("Tab")
        tab.keyboard.press("Enter")
        assert viewer.classed("argmap-selected") == {"argument-russian-lifeline"}
        current = outline.locator('[aria-current="true"]')
        assert current.all_inner_texts() == [
            "For: A lifeline from Russia would weaken the old motive (stated) "
            "— Analysts cited in the article [russian-lifeline]"
        ]
        # What a screen reader is given: a navigation landmark of nested lists of buttons.
        tree = outline.aria_snapshot().splitlines()
        assert tree[:3] == [
            '- navigation "Outline":',
            '  - heading "Outline" [level=2]',
            "  - list:",
        ]
        assert "- 'button \"Main thesis: Less incentive to engage Washington." in tree[4]
        assert tree[5:7] == ["      - list:", "        - listitem:"]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_gallery_shows_the_overview_beside_the_article(lang: str) -> None:
    """The site's gallery page (drawn by docs/hooks.py) marks every passage the overview quotes."""
    m = argmap.load(ROOT / "maps" / "overview.yaml")
    page = argmap.to_html(m, with_source=True, lang=lang)
    refs = {ref for found, _ in PASSAGE.findall(page) for ref in found.split()}
    quoted = {f"statement-{s}" for s, st in m.statements.items() if st.quotes}
    assert quoted <= refs
    assert f'"lang":"{lang}"' in page
    title = m.localized(m, "title", lang)[0]
    assert title is not None and f"<title>{title}</title>" in page
