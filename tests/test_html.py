"""The HTML viewer: a self-contained page, checked as text and driven in Chromium."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from helpers import Viewer, open_viewer, run
from sample_maps import GROUNDED

from argmap import evaluate, load
from argmap._html import page, page_data
from argmap._render import render, to_html, view_output
from argmap.model import Argument, ArgumentMap, Citation, Source, Statement
from argmap.view import build_view

ROOT = Path(__file__).resolve().parent.parent
LIFELINE = ROOT / "maps" / "russian-lifeline.yaml"
OVERVIEW = ROOT / "maps" / "overview.yaml"
ARTICLE_URL = "https://example.org/putin-nordkorea"

DATA = re.compile(r'<script type="application/json" id="argmap-data">(.*?)</script>', re.DOTALL)
SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def lifeline() -> ArgumentMap:
    """The shipped map, its article given a web address so quotes link to it."""
    shipped = load(LIFELINE)
    article = attrs.evolve(shipped.sources["article"], url=ARTICLE_URL)
    return attrs.evolve(shipped, sources=[article])


def embedded_data(text: str) -> Any:
    found = DATA.search(text)
    assert found is not None
    return json.loads(found[1])


# -- the data in the page: no Graphviz needed ----------------------------------


def test_page_data_holds_every_language_speakers_quotes_and_relations() -> None:
    data = page_data(lifeline(), build_view(lifeline()))
    assert data["lang"] == "en"
    assert data["langs"] == ["en", "de"]
    assert list(data["statements"]) == [
        "emboldens-kim",
        "less-incentive",
        "sanctions-motive",
        "lifeline",
        "un-seat",
        "valuable",
        "moscow-measures",
    ]
    assert data["statements"]["less-incentive"] == {
        "title": [
            ["en", "Less incentive to engage Washington"],
            ["de", "Weniger Anreiz zur Annäherung an Washington"],
        ],
        "text": [
            ["en", "Kim has less incentive to improve relations with Washington."],
            ["de", "Kim hat weniger Anreiz, die Beziehungen zu Washington zu verbessern."],
        ],
        "by": ["analysts"],
        "quotes": [
            {
                "source": "article",
                "text": "hat Kim weniger Anreiz, die Beziehungen zu Washington zu verbessern, "
                "schreiben Analysten",
            }
        ],
        "mode": "hypothetical",
        "note": 'The analysts say this only under their condition ("wenn Russland ... '
        'anbietet"): it is the consequence of the conditional, not a claim on its own.',
        "thesis": True,
    }
    assert data["statements"]["emboldens-kim"]["mode"] == "question"
    assert data["arguments"]["russian-lifeline"]["premises"] == ["sanctions-motive", "lifeline"]
    assert data["arguments"]["russian-lifeline"]["kind"] == "support"
    assert data["arguments"]["russian-lifeline"]["target"] == "less-incentive"
    assert data["agents"] == {
        "article": {"name": [["en", "The article"], ["de", "Der Artikel"]]},
        "analysts": {
            "name": [
                ["en", "Analysts cited in the article"],
                ["de", "Im Artikel zitierte Analysten"],
            ]
        },
    }
    assert data["sources"] == {
        "article": {
            "title": "Welche Bedeutung hat Putins Besuch in Nordkorea?",
            "url": ARTICLE_URL,
            "lang": "de",
        }
    }


def test_page_data_keeps_only_what_the_diagram_draws() -> None:
    shipped = load(LIFELINE)
    data = page_data(shipped, build_view(shipped, focus="lifeline", depth=1))
    assert list(data["statements"]) == ["less-incentive", "sanctions-motive", "lifeline"]
    assert list(data["arguments"]) == ["russian-lifeline"]
    text = json.dumps(data, ensure_ascii=False)
    assert "un-seat" not in text and "UN Security Council" not in text
    assert "emboldens-kim" not in text and "free-hand" not in text


def test_page_data_links_only_web_and_mail_addresses() -> None:
    sources = [
        Source("web", "On the web", url="https://example.org/a"),
        Source("script", "A script", url="javascript:alert(1)"),
        Source("mail", "By mail", url="mailto:editor@example.org"),
    ]
    argument_map = ArgumentMap(
        "Links",
        statements=[
            Statement("s", "Quoted thrice.", quotes=[Citation(s.id, "x") for s in sources])
        ],
        sources=sources,
    )
    data = page_data(argument_map, build_view(argument_map))
    assert {sid: source.get("url") for sid, source in data["sources"].items()} == {
        "web": "https://example.org/a",
        "script": None,
        "mail": "mailto:editor@example.org",
    }


# -- the page as text ------------------------------------------------------------

HOSTILE = "</script><script>alert(1)</script> <!-- & </style> \u2028 ]]>"


def hostile_map() -> ArgumentMap:
    return ArgumentMap(
        HOSTILE,
        statements=[Statement("claim", HOSTILE, title=HOSTILE), Statement("reason", "Because.")],
        arguments=[Argument("a", ["reason"], "support", "claim", title=HOSTILE)],
    )


FAKE_SVG = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
    ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    "<!-- Generated by graphviz version 2.43.0 (0)\n -->\n"
    '<svg width="10pt" height="10pt" viewBox="0.00 0.00 10.00 10.00" '
    'xmlns="http://www.w3.org/2000/svg">\n<!-- /home/someone/maps/claim -->\n<g id="graph0"/>\n'
    "</svg>\n"
)


def test_the_data_cannot_end_its_script_element() -> None:
    argument_map = hostile_map()
    view = build_view(argument_map)
    text = page(argument_map, view, FAKE_SVG)
    found = DATA.search(text)
    assert found is not None
    raw = found[1]
    assert "<" not in raw and ">" not in raw and "&" not in raw and "\u2028" not in raw
    assert json.loads(raw) == page_data(argument_map, view)
    assert json.loads(raw)["statements"]["claim"]["text"] == [[None, HOSTILE]]
    # The title is escaped as text in <title> and <h1>.
    assert text.count(f"<title>{html.escape(HOSTILE)}</title>") == 1
    assert "<script>alert(1)" not in text


def test_the_svg_goes_in_without_declaration_doctype_or_comments() -> None:
    argument_map = hostile_map()
    text = page(argument_map, build_view(argument_map), FAKE_SVG)
    assert "<?xml" not in text
    assert "<!DOCTYPE svg" not in text
    assert "<!--" not in text
    assert "/home/someone" not in text
    assert '<svg width="10pt" height="10pt"' in text


def test_page_rejects_what_is_not_svg() -> None:
    argument_map = hostile_map()
    with pytest.raises(ValueError) as info:
        page(argument_map, build_view(argument_map), "<html></html>")
    assert str(info.value) == "'svg' must be an SVG document (got no <svg> element)"


def test_view_output_needs_the_map_for_html() -> None:
    with pytest.raises(ValueError) as info:
        view_output(build_view(hostile_map()), "html")
    assert str(info.value) == "'map' must be given for the html format (got None)"


@pytest.mark.needs_dot
def test_the_page_fetches_nothing_and_allows_only_its_own_script_and_style() -> None:
    text = to_html(lifeline())
    # Nothing is loaded from anywhere: no src or href at all, no <link>, no CSS url().
    assert re.findall(r"\b(?:src|href)\s*=", text) == []
    assert "<link" not in text
    assert "url(" not in text
    assert "@import" not in text
    # The source's address is only in the data, for the panel to link to.
    assert text.count(ARTICLE_URL) == 1
    assert ARTICLE_URL in json.dumps(embedded_data(text))
    scripts, styles = SCRIPT.findall(text), STYLE.findall(text)
    assert len(scripts) == 1 and len(styles) == 1
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text)
    assert policy is not None

    def digest(code: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()

    assert policy[1].split("; ") == [
        "default-src 'none'",
        f"script-src '{digest(scripts[0])}'",
        f"style-src '{digest(styles[0])}'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ]


@pytest.mark.needs_dot
def test_the_page_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    first = render(load(LIFELINE), tmp_path / "a.html").read_bytes()
    second = render(load(LIFELINE), tmp_path / "b.html").read_bytes()
    assert first == second
    assert str(tmp_path).encode() not in first
    assert str(ROOT).encode() not in first
    assert first.startswith(b"<!DOCTYPE html>\n")


@pytest.mark.needs_dot
def test_cli_renders_html_from_the_suffix_or_the_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run("render", str(LIFELINE), "-o", "map.html")
    assert (status, out, err) == (0, "wrote map.html\n", "")
    written = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert '<g id="statement&#45;less&#45;incentive" class="node' in written
    assert embedded_data(written)["statements"]["less-incentive"]["thesis"] is True
    status, out, err = run("render", str(LIFELINE), "-f", "html", "-o", "-")
    assert (status, err) == (0, "")
    assert out == (tmp_path / "map.html").read_text(encoding="utf-8")
    status, out, err = run("render", str(LIFELINE), "-f", "html", "-o", "map.svg")
    assert (status, out) == (2, "")
    assert err.endswith("error: -f html does not match -o map.svg; use one format\n")


# -- in a browser ------------------------------------------------------------------


@pytest.fixture
def viewer(browser: Any, tmp_path: Path) -> Iterator[Viewer]:
    yield from open_viewer(browser, render(lifeline(), tmp_path / "lifeline.html"))


@pytest.fixture
def overview(browser: Any, tmp_path: Path) -> Iterator[Viewer]:
    yield from open_viewer(browser, render(load(OVERVIEW), tmp_path / "overview.html"))


@pytest.fixture
def arguments_only(browser: Any, tmp_path: Path) -> Iterator[Viewer]:
    path = tmp_path / "overview-arguments.html"
    render(load(OVERVIEW), path, premises=False)
    yield from open_viewer(browser, path)


def expected_highlights(argument_map: ArgumentMap, statement: str) -> dict[str, set[str]]:
    """What the map says supports and attacks ``statement``: arguments and their premises."""
    result: dict[str, set[str]] = {}
    for cls, arguments in (
        ("argmap-hl-support", argument_map.arguments_for(statement)),
        ("argmap-hl-attack", argument_map.arguments_against(statement)),
    ):
        result[cls] = {f"argument-{a.id}" for a in arguments} | {
            f"statement-{p}" for a in arguments for p in a.premises
        }
    return result


@pytest.mark.needs_dot
def test_clicking_a_statement_shows_its_text_speaker_quote_and_source_link(
    viewer: Viewer,
) -> None:
    tab = viewer.page
    assert tab.is_hidden("#argmap-panel")
    tab.click("#statement-less-incentive")
    assert tab.is_visible("#argmap-panel")
    assert viewer.panel_texts("h2") == ["Less incentive to engage Washington"]
    assert viewer.panel_texts(".argmap-text") == [
        "Kim has less incentive to improve relations with Washington."
    ]
    assert viewer.panel_texts(".argmap-translation [lang=de] p") == [
        "Weniger Anreiz zur Annäherung an Washington",
        "Kim hat weniger Anreiz, die Beziehungen zu Washington zu verbessern.",
    ]
    assert viewer.panel_texts(".argmap-translation h3") == ["GERMAN"]  # upper case by CSS
    assert viewer.panel_texts(".argmap-speakers p") == ["Analysts cited in the article"]
    assert viewer.panel_texts("blockquote") == [
        "„hat Kim weniger Anreiz, die Beziehungen zu Washington zu verbessern, schreiben Analysten“"
    ]
    link = tab.locator("#argmap-panel a.argmap-source")
    assert link.inner_text() == "Welche Bedeutung hat Putins Besuch in Nordkorea?"
    assert link.get_attribute("href") == ARTICLE_URL
    assert viewer.panel_texts(".argmap-badge") == ["Main thesis", "Stated", "Hypothetical"]
    assert viewer.panel_texts(".argmap-supporters button") == [
        "A lifeline from Russia would weaken the old motive"
    ]
    assert viewer.panel_texts(".argmap-id code") == ["less-incentive"]


@pytest.mark.needs_dot
def test_the_supporters_of_the_statement_clicked_are_highlighted(viewer: Viewer) -> None:
    viewer.page.click("#statement-less-incentive")
    expected = expected_highlights(lifeline(), "less-incentive")
    assert expected["argmap-hl-support"] == {
        "argument-russian-lifeline",
        "statement-sanctions-motive",
        "statement-lifeline",
    }
    assert viewer.classed("argmap-selected") == {"statement-less-incentive"}
    assert viewer.classed("argmap-hl-support") == expected["argmap-hl-support"]
    assert viewer.classed("argmap-hl-attack") == set()
    assert viewer.classed("argmap-hl-support", "edge") == {
        "statement-sanctions-motive->argument-russian-lifeline",
        "statement-lifeline->argument-russian-lifeline",
        "argument-russian-lifeline->statement-less-incentive",
    }
    # The rest fades; the highlighted nodes do not.
    opacity = "g => getComputedStyle(g).opacity"
    assert viewer.page.eval_on_selector("#statement-emboldens-kim", opacity) == "0.3"
    assert viewer.page.eval_on_selector("#statement-lifeline", opacity) == "1"


@pytest.mark.needs_dot
def test_the_attackers_of_the_statement_clicked_are_highlighted_apart(overview: Viewer) -> None:
    overview_map = load(OVERVIEW)
    expected = expected_highlights(overview_map, "arms-deal-denied")
    assert expected["argmap-hl-attack"], "the overview map attacks the denial"
    overview.page.click("#statement-arms-deal-denied", force=True)
    assert overview.classed("argmap-hl-attack") == expected["argmap-hl-attack"]
    assert overview.classed("argmap-hl-support") == expected["argmap-hl-support"]
    attackers = [a.id for a in overview_map.arguments_against("arms-deal-denied")]
    assert overview.classed("argmap-hl-attack", "edge") >= {
        f"argument-{a}->statement-arms-deal-denied" for a in attackers
    }
    colour = "g => getComputedStyle(g.querySelector('path')).stroke"
    first = f"#argument-{attackers[0]}"
    assert overview.page.eval_on_selector(first, colour) == "rgb(198, 40, 40)"


@pytest.mark.needs_dot
def test_clicking_an_argument_highlights_its_premises_and_its_target(viewer: Viewer) -> None:
    viewer.page.click("#argument-russian-lifeline")
    assert viewer.panel_texts("h2") == ["A lifeline from Russia would weaken the old motive"]
    assert viewer.panel_texts(".argmap-badge") == ["Supporting argument", "Stated"]
    assert viewer.classed("argmap-hl-support") == {
        "statement-sanctions-motive",
        "statement-lifeline",
    }
    assert viewer.classed("argmap-hl-target") == {"statement-less-incentive"}
    # A premise listed in the panel selects that statement.
    viewer.page.click("#argmap-panel .argmap-premises button >> text=A Russian lifeline")
    assert viewer.classed("argmap-selected") == {"statement-lifeline"}
    assert viewer.classed("argmap-hl-support") == set()  # nothing argues for the condition
    assert viewer.classed("argmap-hl-target") == set()


@pytest.mark.needs_dot
def test_escape_and_the_close_button_clear_the_selection(viewer: Viewer) -> None:
    tab = viewer.page
    tab.click("#statement-lifeline")
    tab.keyboard.press("Escape")
    assert tab.is_hidden("#argmap-panel")
    assert viewer.classed("argmap-selected") == set()
    assert viewer.classed("argmap-hl-support") == set()
    tab.click("#statement-lifeline")
    tab.click("#argmap-panel-close")
    assert tab.is_hidden("#argmap-panel")


def search_text(argument_map: ArgumentMap, item: Statement | Argument) -> str:
    """What the viewer searches in: id, titles and texts in every language."""
    parts = [item.id, item.title or ""]
    if isinstance(item, Statement):
        parts.append(item.text)
    parts += [t.title or "" for t in item.translations]
    parts += [t.text or "" for t in item.translations]
    text = " ".join(" ".join(parts).split())
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@pytest.mark.needs_dot
def test_search_finds_and_jumps_between_matches(viewer: Viewer) -> None:
    tab = viewer.page
    argument_map = lifeline()
    items: list[Statement | Argument] = [
        *argument_map.statements.values(),
        *argument_map.arguments.values(),
    ]
    expected = [
        f"{'statement' if isinstance(i, Statement) else 'argument'}-{i.id}"
        for i in items
        if "sanktionen" in search_text(argument_map, i)
    ]
    assert len(expected) == 3  # two statements and one argument say so in German
    tab.fill("#argmap-search", "Sanktionen")
    assert viewer.classed("argmap-match") == set(expected)
    assert tab.inner_text("#argmap-search-count") == "3 matches"
    tab.press("#argmap-search", "Enter")
    assert viewer.classed("argmap-match-current") == {expected[0]}
    assert tab.inner_text("#argmap-search-count") == "1 of 3"
    assert viewer.classed("argmap-selected") == {expected[0]}
    tab.press("#argmap-search", "Enter")
    assert viewer.classed("argmap-match-current") == {expected[1]}
    tab.press("#argmap-search", "Shift+Enter")
    tab.press("#argmap-search", "Shift+Enter")
    assert viewer.classed("argmap-match-current") == {expected[2]}
    assert tab.inner_text("#argmap-search-count") == "3 of 3"
    # An id finds its statement; a title in any case and without accents finds it too.
    tab.fill("#argmap-search", "moscow-measures")
    assert viewer.classed("argmap-match") == {"statement-moscow-measures"}
    tab.fill("#argmap-search", "ANNAHERUNG AN WASHINGTON")
    assert viewer.classed("argmap-match") == {"statement-less-incentive"}
    tab.fill("#argmap-search", "nothing like this")
    assert viewer.classed("argmap-match") == set()
    assert tab.inner_text("#argmap-search-count") == "no match"
    tab.press("#argmap-search", "Escape")
    assert tab.input_value("#argmap-search") == ""


@pytest.mark.needs_dot
def test_search_matches_stand_out_while_a_statement_is_selected(viewer: Viewer) -> None:
    """A selection fades what is not part of it; what the search finds stays at full strength,
    whether the search came after the selection or before it."""
    tab = viewer.page
    opacity = "g => getComputedStyle(g).opacity"
    tab.click("#statement-less-incentive")
    assert tab.eval_on_selector("#statement-emboldens-kim", opacity) == "0.3"
    tab.fill("#argmap-search", "emboldens-kim")
    assert viewer.classed("argmap-match") == {"statement-emboldens-kim"}
    assert viewer.classed("argmap-selected") == {"statement-less-incentive"}
    assert tab.eval_on_selector("#statement-emboldens-kim", opacity) == "1"
    assert tab.eval_on_selector("#statement-moscow-measures", opacity) == "0.3"
    tab.fill("#argmap-search", "Sanktionen")
    tab.click("#statement-emboldens-kim")
    assert viewer.classed("argmap-selected") == {"statement-emboldens-kim"}
    for match in viewer.classed("argmap-match"):
        assert tab.eval_on_selector(f"#{match}", opacity) == "1", match


@pytest.mark.needs_dot
def test_keyboard_tab_to_a_node_enter_opens_the_panel_escape_closes_it(viewer: Viewer) -> None:
    tab = viewer.page
    tab.focus("#argmap-zoom-in")
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.id")
    assert focused.startswith(("statement-", "argument-"))
    assert tab.evaluate("document.activeElement.getAttribute('role')") == "button"
    label = tab.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label
    tab.keyboard.press("Enter")
    assert tab.is_visible("#argmap-panel")
    assert viewer.classed("argmap-selected") == {focused}
    tab.keyboard.press("Escape")
    assert tab.is_hidden("#argmap-panel")
    assert tab.evaluate("document.activeElement.id") == focused
    tab.keyboard.press("Space")
    assert viewer.classed("argmap-selected") == {focused}
    # Every statement and argument can be reached, with a name that says what it is.
    labels = tab.evaluate(
        "[...document.querySelectorAll('g.node[tabindex=\"0\"]')]"
        ".map(g => [g.id, g.getAttribute('aria-label')])"
    )
    assert dict(labels)["statement-lifeline"] == (
        "Statement: A Russian lifeline: "
        "Russia offers a viable long-term way to improve North Korea's economy."
    )
    assert len(labels) == len(lifeline().statements) + len(lifeline().arguments)


@pytest.mark.needs_dot
def test_zoom_keys_buttons_wheel_and_drag_change_the_transform(viewer: Viewer) -> None:
    tab = viewer.page
    fitted = viewer.transform()
    start = viewer.scale()
    tab.focus("body")
    tab.keyboard.press("+")
    assert viewer.scale() == pytest.approx(start * 1.25, rel=1e-3)
    tab.click("#argmap-zoom-out")
    assert viewer.scale() == pytest.approx(start, rel=1e-3)
    tab.mouse.move(400, 400)
    tab.mouse.wheel(0, -200)
    tab.wait_for_function(
        f"!document.querySelector('#argmap-viewport')"
        f".getAttribute('transform').endsWith('scale({start})')"
    )
    assert viewer.scale() > start
    tab.keyboard.press("0")
    assert viewer.transform() == fitted
    # Dragging pans and selects nothing, even when it starts on a node.
    box = tab.locator("#statement-lifeline").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    tab.mouse.move(x, y)
    tab.mouse.down()
    tab.mouse.move(x + 60, y + 30, steps=5)
    tab.mouse.up()
    assert viewer.transform() != fitted
    assert tab.is_hidden("#argmap-panel")
    tab.click("#argmap-zoom-fit")
    assert viewer.transform() == fitted


@pytest.mark.needs_dot
def test_a_map_drawn_in_german_shows_german_first_and_english_below(
    browser: Any, tmp_path: Path
) -> None:
    path = render(load(LIFELINE), tmp_path / "de.html", lang="de")
    for german in open_viewer(browser, path):
        tab = german.page
        tab.click("#statement-lifeline")
        assert german.panel_texts("h2") == ["Ein russischer Rettungsanker"]
        assert german.panel_texts(".argmap-translation h3") == ["ENGLISH"]
        assert german.panel_texts(".argmap-speakers p") == ["Im Artikel zitierte Analysten"]
        # Without a web address, the source is named, not linked.
        assert tab.locator("#argmap-panel a").count() == 0
        assert german.panel_texts("span.argmap-source") == [
            "Welche Bedeutung hat Putins Besuch in Nordkorea?"
        ]


@pytest.mark.needs_dot
def test_without_premises_an_argument_shows_its_premises_and_what_argues_about_them(
    arguments_only: Viewer,
) -> None:
    tab = arguments_only.page
    tab.click("#argument-unreliable-rulers", force=True)
    assert arguments_only.classed("argmap-selected") == {"argument-unreliable-rulers"}
    # broken-commitments supports the premise dictators-unreliable, drawn as an
    # arrow into this argument.
    assert arguments_only.classed("argmap-hl-support") == {"argument-broken-commitments"}
    assert arguments_only.classed("argmap-hl-support", "edge") == {
        "argument-broken-commitments->argument-unreliable-rulers"
    }
    assert arguments_only.classed("argmap-hl-target") == {"statement-no-solid-foundation"}
    # The panel names the premises, which are not drawn, so their buttons are off.
    assert arguments_only.panel_texts(".argmap-premises button") == [
        "Dictators are unreliable partners",
        "Both are ruled by dictators",
    ]
    disabled = "buttons => buttons.map(b => [b.disabled, b.title])"
    assert tab.locator("#argmap-panel .argmap-premises button").evaluate_all(disabled) == [
        [True, "not drawn in this diagram"],
        [True, "not drawn in this diagram"],
    ]
    tab.click("#argument-broken-commitments", force=True)
    assert arguments_only.classed("argmap-hl-target") == {"argument-unreliable-rulers"}
    assert arguments_only.classed("argmap-hl-target", "edge") == {
        "argument-broken-commitments->argument-unreliable-rulers"
    }


@pytest.mark.needs_dot
def test_without_premises_clicking_a_thesis_highlights_the_arguments_for_it(
    arguments_only: Viewer,
) -> None:
    arguments_only.page.click("#statement-no-solid-foundation", force=True)
    assert arguments_only.classed("argmap-hl-support") == {
        "argument-unreliable-rulers",
        "argument-status-quo-only",
    }
    assert arguments_only.classed("argmap-hl-support", "edge") == {
        "argument-unreliable-rulers->statement-no-solid-foundation",
        "argument-status-quo-only->statement-no-solid-foundation",
    }


@pytest.mark.needs_dot
def test_without_premises_search_finds_an_argument_by_its_premises(
    arguments_only: Viewer,
) -> None:
    tab = arguments_only.page
    tab.fill("#argmap-search", "viable long-term way")
    assert arguments_only.classed("argmap-match") == {"argument-russian-lifeline"}
    assert tab.inner_text("#argmap-search-count") == "1 match"


def test_without_premises_the_page_data_holds_the_premises_not_drawn() -> None:
    m = load(OVERVIEW)
    data = page_data(m, build_view(m, premises=False))
    assert set(data["arguments"]) == set(m.arguments)
    assert set(data["statements"]) == set(m.statements)
    assert "thesis" not in data["statements"]["lifeline"]
    assert data["statements"]["less-incentive"]["thesis"] is True


@pytest.mark.needs_dot
def test_the_panel_says_stated_or_implicit_and_shows_hedge_relay_and_an_arguments_quote(
    browser: Any, tmp_path: Path
) -> None:
    source = tmp_path / "grounded.yaml"
    source.write_text(GROUNDED, encoding="utf-8")
    for viewer in open_viewer(browser, render(load(source), tmp_path / "grounded.html")):
        tab = viewer.page
        tab.click("#statement-deal", force=True)
        assert viewer.panel_texts(".argmap-badge") == ["Main thesis", "Stated"]
        assert viewer.panel_texts(".argmap-hedge") == ["(presumably)"]
        assert viewer.panel_texts(".argmap-speakers p") == [
            "Washington and Seoul, via The publication"
        ]
        tab.click("#statement-link", force=True)
        assert viewer.panel_texts(".argmap-badge") == ["Statement", "Implicit"]
        title = tab.locator("#argmap-panel .argmap-badge-implicit").get_attribute("title")
        assert title == "The text does not say this; the map adds it."
        assert viewer.panel_texts(".argmap-hedge") == []
        tab.click("#statement-lasting", force=True)
        assert viewer.panel_texts(".argmap-badge") == ["Statement", "Stated", "Question"]
        # An argument's own passage shows as a statement's does.
        tab.click("#argument-from-debris", force=True)
        assert viewer.panel_texts(".argmap-badge") == ["Supporting argument", "Stated"]
        assert viewer.panel_texts("blockquote") == [
            "„werden in der Ukraine Raketentrümmer gefunden“"
        ]
        assert viewer.panel_texts(".argmap-quotes figcaption") == ["— The article"]
        tab.click("#argument-ends", force=True)
        assert viewer.panel_texts(".argmap-badge") == [
            "Attacking argument (rebuttal)",
            "Implicit",
        ]
        assert viewer.panel_texts("blockquote") == []


def argument_relations() -> ArgumentMap:
    """An argument backed by one argument, attacked by another and undercut by a third."""
    return ArgumentMap(
        "Relations between arguments",
        [Statement(f"s{i}", f"Statement {i}.") for i in range(1, 6)],
        [
            Argument("base", ["s1"], "support", "s2", title="Base"),
            Argument("backing", ["s3"], "support", "base", title="Backing"),
            Argument("whole", ["s4"], "attack", "base", title="Whole"),
            Argument("cut", ["s5"], "undercut", "base", title="Cut"),
        ],
    )


@pytest.mark.needs_dot
def test_selecting_an_argument_highlights_what_supports_and_attacks_it(
    browser: Any, tmp_path: Path
) -> None:
    path = render(argument_relations(), tmp_path / "relations.html")
    for viewer in open_viewer(browser, path):
        viewer.page.click("#argument-base", force=True)
        assert viewer.classed("argmap-selected") == {"argument-base"}
        assert viewer.classed("argmap-hl-support") == {
            "statement-s1",  # its premise
            "argument-backing",
            "statement-s3",
        }
        assert viewer.classed("argmap-hl-attack") == {
            "argument-whole",
            "statement-s4",
            "argument-cut",
            "statement-s5",
        }
        assert viewer.classed("argmap-hl-target") == {"statement-s2"}
        assert viewer.classed("argmap-hl-support", "edge") == {
            "statement-s1->argument-base",
            "statement-s3->argument-backing",
            "argument-backing->argument-base",
        }
        assert viewer.classed("argmap-hl-attack", "edge") == {
            "statement-s4->argument-whole",
            "argument-whole->argument-base",
            "statement-s5->argument-cut",
            "argument-cut->argument-base",
        }
        assert viewer.panel_texts(".argmap-supporters button") == ["Backing"]
        assert viewer.panel_texts(".argmap-argument-attackers button") == ["Whole"]
        assert viewer.panel_texts(".argmap-attackers button") == ["Cut"]
        # The backing argument points at the argument it backs.
        viewer.page.click("#argument-backing", force=True)
        assert viewer.classed("argmap-hl-target") == {"argument-base"}
        assert viewer.classed("argmap-hl-target", "edge") == {"argument-backing->argument-base"}
        assert viewer.panel_texts(".argmap-target button") == ["Base"]


# -- issues ------------------------------------------------------------------------

PARTNERSHIP = ROOT / "docs" / "examples" / "partnership.yaml"


def test_page_data_holds_the_issues_drawn_and_who_asks_and_answers_them() -> None:
    m = load(PARTNERSHIP)
    data = page_data(m, build_view(m))
    assert data["issues"] == {
        "shells": {
            "text": [
                ["en", "Will the shells keep coming?"],
                ["de", "Werden weiter Granaten geliefert?"],
            ],
            "standard": "pe",
            "positions": ["more-shells", "fewer-shells"],
            "statement": "ask-shells",
        },
        "partnership": {
            "text": [["en", "Is the partnership solid?"], ["de", "Ist die Partnerschaft solide?"]],
            "standard": "cce",
            "positions": ["solid", "fragile"],
        },
    }
    statements = data["statements"]
    assert [statements[s].get("issue") for s in ("solid", "more-shells", "pact")] == [
        "partnership",
        "shells",
        None,
    ]
    assert statements["ask-shells"]["asks"] == "shells"
    # A focus on one position keeps the issue, and the other position for its panel.
    focused = page_data(m, build_view(m, focus="solid", depth=0))
    assert list(focused["issues"]) == ["partnership"]
    assert sorted(focused["statements"]) == ["fragile", "solid"]
    assert "issues" not in page_data(load(OVERVIEW), build_view(load(OVERVIEW)))


@pytest.fixture
def partnership(browser: Any, tmp_path: Path) -> Iterator[Viewer]:
    m = load(PARTNERSHIP)
    path = tmp_path / "partnership.html"
    render(m, path, evaluation=evaluate(m, "carneades"))
    yield from open_viewer(browser, path)


@pytest.mark.needs_dot
def test_selecting_an_issue_shows_its_question_standard_and_labelled_positions(
    partnership: Viewer,
) -> None:
    tab = partnership.page
    tab.click("#issue-partnership")
    labels = evaluate(load(PARTNERSHIP), "carneades").statements
    assert partnership.panel_texts(".argmap-badges .argmap-badge") == ["Issue"]
    assert partnership.panel_texts("h2") == ["Is the partnership solid?"]
    assert partnership.panel_texts(".argmap-translation [lang=de]") == [
        "Ist die Partnerschaft solide?"
    ]
    assert partnership.panel_texts(".argmap-standard p") == ["clear and convincing evidence (cce)"]
    assert partnership.panel_texts(".argmap-positions button") == [
        "The partnership is solid.",
        "The partnership is fragile.",
    ]
    meaning = {"in": "in: accepted", "out": "out: rejected, or not established"}
    assert partnership.panel_texts(".argmap-positions .argmap-badge") == [
        meaning[labels["solid"]],
        meaning[labels["fragile"]],
    ]
    assert partnership.classed("argmap-selected") == {"issue-partnership"}
    assert partnership.classed("argmap-hl-target") == {"statement-solid", "statement-fragile"}
    assert partnership.classed("argmap-hl-target", "edge") == {
        "statement-solid->issue-partnership",
        "statement-fragile->issue-partnership",
    }
    # A position in the panel selects it; its panel names the issue it answers.
    tab.click("#argmap-panel .argmap-positions button >> text=The partnership is fragile.")
    assert partnership.classed("argmap-selected") == {"statement-fragile"}
    assert partnership.panel_texts(".argmap-answers button") == ["Is the partnership solid?"]
    assert partnership.classed("argmap-hl-target") == {"issue-partnership"}
    tab.click("#argmap-panel .argmap-answers button")
    assert partnership.classed("argmap-selected") == {"issue-partnership"}


@pytest.mark.needs_dot
def test_the_statement_asking_an_issue_shows_the_issue_and_its_positions_name_it(
    partnership: Viewer,
) -> None:
    tab = partnership.page
    tab.click("#statement-ask-shells")
    assert partnership.panel_texts("h2") == ["Will the shells keep coming?"]
    assert partnership.panel_texts(".argmap-standard p") == [
        "preponderance of the evidence (pe, the default)"
    ]
    assert partnership.panel_texts(".argmap-positions button") == [
        "North Korea will keep sending shells.",
        "North Korea will send fewer shells.",
    ]
    assert partnership.classed("argmap-hl-target") == {
        "statement-more-shells",
        "statement-fewer-shells",
    }
    tab.click("#statement-fewer-shells")
    assert partnership.panel_texts(".argmap-answers button") == ["Will the shells keep coming?"]
    assert partnership.classed("argmap-hl-target") == {"statement-ask-shells"}
    # The issue's own node is found by its question.
    tab.fill("#argmap-search", "partnership solid?")
    assert tab.inner_text("#argmap-search-count") == "1 match"
    tab.press("#argmap-search", "Enter")
    assert partnership.classed("argmap-selected") == {"issue-partnership"}
