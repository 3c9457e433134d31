"""argmap.explain: the reasons for a label and the premises that would change it."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import open_viewer, run, work_in
from hypothesis import given
from hypothesis import strategies as st
from strategies import fuzz, sound_maps

import argmap
from argmap import Argument, ArgumentMap, Statement, evaluate
from argmap._explain import MAX_DEPTH, explain
from argmap.analyse import Label

MAPS = Path(__file__).parent.parent / "maps"
ALL_SEMANTICS = ("grounded", "complete", "preferred", "stable", "carneades")


def _brute_force(
    m: ArgumentMap, key: str, semantics: str, acceptance: str
) -> tuple[tuple[str, ...], ...]:
    """The smallest sets of leaf statements whose rejection or acceptance changes ``key``'s label,
    found by evaluating the whole map with every set."""
    plain = evaluate(m, semantics, acceptance=acceptance)  # type: ignore[arg-type]
    label: Label = plain.label(key)
    leaves = [s for s in m.statements if s != key and not m.arguments_for(s)]
    for size in range(1, len(leaves) + 1):
        found = []
        for chosen in itertools.combinations(leaves, size):
            what = {"reject" if label == "in" else "accept": chosen}
            after = evaluate(m, semantics, acceptance=acceptance, **what)  # type: ignore[arg-type]
            if after.label(key) != label:
                found.append(chosen)
        if found:
            return tuple(found)
    return ()


@fuzz(150)
@given(
    sound_maps(),
    st.sampled_from(ALL_SEMANTICS),
    st.sampled_from(["sceptical", "credulous"]),
)
def test_smallest_sets_match_brute_force(m: ArgumentMap, semantics: str, acceptance: str) -> None:
    """The sets explain finds are exactly the smallest ones evaluating the whole map finds."""
    labelled = evaluate(m, semantics).labels  # type: ignore[arg-type]
    for key in labelled:
        why = explain(m, key, semantics, acceptance=acceptance)  # type: ignore[arg-type]
        assert why.exhaustive
        assert why.sets == _brute_force(m, key, semantics, acceptance), key


RAIN = """\
argmap: 1
title: Rain
statements:
  rain: It will rain today.
  clouds: Dark clouds are gathering.
  forecast: The forecast says rain.
  sun: The sun is out.
  glare:
    text: The "sun" is a street lamp's glare.
    implicit: true
arguments:
  sky:
    title: Clouds bring rain
    premises: [clouds]
    supports: rain
  report:
    premises: [forecast]
    supports: rain
  sunny:
    title: Sunshine means no rain
    premises: [sun]
    attacks: rain
  lamp:
    premises: [glare]
    attacks: sun
"""


@pytest.fixture
def rain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return work_in(tmp_path, monkeypatch, {"rain.yaml": RAIN}) / "rain.yaml"


def test_explain_prints_the_reasons_down_to_the_premises(rain: Path) -> None:
    status, out, err = run("explain", str(rain), "rain")
    assert (status, err) == (0, "")
    assert out == (
        "rain is in under grounded semantics\n"
        "\n"
        "why:\n"
        "  in rain  It will rain today.\n"
        "    in for sky  Clouds bring rain\n"
        "      in premise clouds  given, no argument supports it: Dark clouds are gathering.\n"
        "      out rebuttal sunny  see below: Sunshine means no rain\n"
        "    in for report\n"
        "      in premise forecast  given, no argument supports it: The forecast says rain.\n"
        "      out rebuttal sunny  see below: Sunshine means no rain\n"
        "    out against sunny  Sunshine means no rain\n"
        "      out premise sun  given, no argument supports it: The sun is out.\n"
        "        in against lamp\n"
        '          in premise glare  given, no argument supports it: The "sun" is a street'
        " lamp's glare.\n"
        "\n"
        "what would change it: rejecting any one of these sets of premises"
        " (all of the smallest, 1 each):\n"
        "  glare\n"
    )


def test_explain_an_out_argument_names_the_premise_that_is_out(rain: Path) -> None:
    status, out, _ = run("explain", str(rain), "sunny", "--semantics", "preferred")
    assert status == 0
    assert out.splitlines()[:6] == [
        "sunny is out under preferred semantics, sceptical: 1 extension",
        "",
        "why:",
        "  out sunny  Sunshine means no rain",
        "    out premise sun  given, no argument supports it: The sun is out.",
        "      in against lamp",
    ]
    assert out.splitlines()[-2:] == [
        "what would change it: accepting any one of these sets of premises"
        " (all of the smallest, 1 each):",
        "  sun",
    ]


def test_explain_what_if_and_stated_only(rain: Path) -> None:
    """Without the implicit glare the sun shines: rain and sunshine defeat each other."""
    status, out, _ = run("explain", str(rain), "rain", "--stated-only")
    assert status == 0
    assert out.splitlines()[0] == "rain is undecided under grounded semantics; stated parts only"
    assert out.splitlines()[-1] == (
        "what would change it: accepting premises does not; no set of the 3 premises"
        " it may depend on does"
    )
    status, out, _ = run("explain", str(rain), "rain", "--reject", "clouds")
    assert out.splitlines()[0] == "rain is in under grounded semantics; rejecting clouds"
    assert "      in premise clouds" not in out
    assert out.splitlines()[-3:] == [
        "what would change it: rejecting any one of these sets of premises"
        " (all of the smallest, 1 each):",
        "  forecast",
        "  glare",
    ]


def test_explain_stops_at_max_checks_and_says_so(rain: Path) -> None:
    status, out, _ = run("explain", str(rain), "rain", "--max-checks", "2")
    assert status == 0
    assert out.splitlines()[-1] == (
        "what would change it: not found; the search stopped after 2 sets of premises,"
        " before trying each of the 4 premises it may depend on alone"
        " (not exhaustive: raise --max-checks)"
    )
    _, data, _ = run("explain", str(rain), "rain", "--max-checks", "2", "--format", "json")
    assert json.loads(data)["change"] == {
        "by": "reject",
        "sets": [],
        "size": 0,
        "exhaustive": False,
        "checks": 2,
        "candidates": ["clouds", "forecast", "sun", "glare"],
    }


def test_explain_json_is_the_tree(rain: Path) -> None:
    status, out, _ = run("explain", str(rain), "sunny", "--format", "json")
    assert status == 0
    assert json.loads(out) == {
        "id": "sunny",
        "kind": "argument",
        "label": "out",
        "semantics": "grounded",
        "acceptance": "sceptical",
        "stated_only": False,
        "accept": [],
        "reject": [],
        "reasons": {
            "id": "sunny",
            "kind": "argument",
            "label": "out",
            "role": "explained",
            "reasons": [
                {
                    "id": "sun",
                    "kind": "statement",
                    "label": "out",
                    "role": "premise",
                    "basis": "given",
                    "reasons": [
                        {
                            "id": "lamp",
                            "kind": "argument",
                            "label": "in",
                            "role": "attack",
                            "reasons": [
                                {
                                    "id": "glare",
                                    "kind": "statement",
                                    "label": "in",
                                    "role": "premise",
                                    "basis": "given",
                                    "reasons": [],
                                }
                            ],
                        }
                    ],
                }
            ],
        },
        "change": {
            "by": "accept",
            "sets": [["sun"]],
            "size": 1,
            "exhaustive": True,
            "checks": 4,
            "candidates": ["clouds", "forecast", "sun", "glare"],
        },
    }


def test_explain_carneades_gives_weights_and_standards(rain: Path) -> None:
    """Equal weights for and against: under the preponderance of evidence, rain is out."""
    status, out, _ = run("explain", str(rain), "rain", "--semantics", "carneades")
    assert status == 0
    assert out == (
        "rain is out under carneades weighing\n"
        "\n"
        "why:\n"
        "  out rain  standard pe: It will rain today.\n"
        "    in for sky  weight 1: Clouds bring rain\n"
        "      in premise clouds  given, no argument supports it: Dark clouds are gathering.\n"
        "    in for report  weight 1\n"
        "      in premise forecast  given, no argument supports it: The forecast says rain.\n"
        "    in against sunny  weight 1: Sunshine means no rain\n"
        "      in premise sun  given, no argument supports it; standard pe: The sun is out.\n"
        "        in against lamp  weight 1\n"
        '          in premise glare  given, no argument supports it: The "sun" is a street'
        " lamp's glare.\n"
        "\n"
        "what would change it: accepting premises does not; no set of the 4 premises"
        " it may depend on does\n"
    )
    status, out, _ = run(
        "explain", str(rain), "rain", "--semantics", "carneades", "--reject", "sun"
    )
    assert out.splitlines()[0] == "rain is in under carneades weighing; rejecting sun"


def test_explain_a_shipped_map() -> None:
    status, out, err = run("explain", str(MAPS / "russian-lifeline.yaml"), "less-incentive")
    assert (status, err) == (0, "")
    assert out == (
        "less-incentive is out under grounded semantics\n"
        "\n"
        "why:\n"
        "  out less-incentive  hypothetical, needs an argument for it: Kim has less incentive"
        " to improve…\n"
        "    out for russian-lifeline  A lifeline from Russia would weaken the old motive\n"
        "      out premise lifeline  hypothetical, needs an argument for it: Russia offers a"
        " viable…\n"
        "\n"
        "what would change it: accepting any one of these sets of premises"
        " (all of the smallest, 1 each):\n"
        "  lifeline\n"
    )


def test_explain_a_shipped_map_in_german() -> None:
    status, out, _ = run(
        "explain",
        str(MAPS / "russian-lifeline.yaml"),
        "free-hand",
        "--accept",
        "lifeline",
        "--lang",
        "de",
    )
    assert status == 0
    assert out.splitlines()[3:6] == [
        "  in free-hand  Weniger auf Washington angewiesen, freiere Hand",
        "    in premise less-incentive  hypothetical, needs an argument for it: Kim hat weniger"
        " Anreiz, die…",
        "      in for russian-lifeline  Ein Rettungsanker aus Russland würde das alte Motiv"
        " schwächen",
    ]


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (
            ["rian"],
            2,
            "argmap explain: error: ID 'rian' is not a statement or argument of the map"
            " (did you mean 'rain'?)",
        ),
        (
            ["glare", "--stated-only"],
            2,
            "argmap explain: error: ID 'glare' is implicit or rests on what is (the map adds"
            " it), and --stated-only leaves it out; name a stated statement or argument, or"
            " drop --stated-only",
        ),
        (
            ["rain", "--accept", "cloud"],
            2,
            "argmap explain: error: --accept names 'cloud', which is not a statement of the map"
            " (did you mean 'clouds'?)",
        ),
        (
            ["rain", "--max-checks", "0"],
            2,
            "argmap explain: error: --max-checks must be more than 0 (got 0)",
        ),
        (
            ["rain", "--lang", "de"],
            1,
            "rain.yaml: error: no-such-lang: the map has no text in 'de' (its languages:"
            " none declared); give one of them to --lang",
        ),
    ],
)
def test_explain_refuses_what_it_cannot_explain(
    rain: Path, argv: list[str], status: int, message: str
) -> None:
    code, out, err = run("explain", "rain.yaml", *argv)
    assert (code, out) == (status, "")
    assert err.strip() == message


def test_explain_a_bad_map_is_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work_in(tmp_path, monkeypatch, {"bad.yaml": "argmap: 1\ntitle: T\narguments:\n  a: {}\n"})
    code, out, err = run("explain", "bad.yaml", "a")
    assert (code, out) == (1, "")
    assert err.startswith("bad.yaml:")


def test_explain_in_python_names_an_unknown_id_and_a_bad_limit() -> None:
    m = ArgumentMap("Rain", [Statement("clouds", "Dark clouds."), Statement("rain", "Rain.")])
    with pytest.raises(
        ValueError,
        match=r"^'cloud' is not a statement or argument of the map \(did you mean 'clouds'\?\)$",
    ):
        argmap.explain(m, "cloud")
    with pytest.raises(ValueError, match=r"^'max_checks' must be more than 0 \(got 0\)$"):
        argmap.explain(m, "rain", max_checks=0)


def test_explanation_as_dict_keeps_the_levels_asked_for() -> None:
    m = argmap.load(MAPS / "russian-lifeline.yaml")
    why = argmap.explain(m, "free-hand", accept=["lifeline"])
    top = why.as_dict(depth=1)["reasons"]
    assert [(r["id"], r["role"], r.get("more", False)) for r in top["reasons"]] == [
        ("less-incentive", "premise", True)
    ]
    assert "reasons" not in top["reasons"][0]
    assert why.as_dict()["reasons"]["reasons"][0]["reasons"][0]["id"] == "russian-lifeline"


def test_a_long_chain_is_explained_to_a_bounded_depth() -> None:
    """A chain far longer than Python's recursion limit: the tree stops at MAX_DEPTH."""
    n = 3000
    m = ArgumentMap(
        "Chain",
        [Statement(f"s{i}", f"Step {i}.") for i in range(n)],
        [Argument(f"a{i}", [f"s{i}"], "support", f"s{i + 1}") for i in range(n - 1)],
    )
    why = argmap.explain(m, f"s{n - 1}")
    assert why.label == "in"
    depths = [depth for depth, _ in why.reason.walk()]
    assert max(depths) == MAX_DEPTH
    assert [r.more for d, r in why.reason.walk() if d == MAX_DEPTH] == [True]
    assert why.sets == (("s0",),)
    json.dumps(why.as_dict())


# -- in the viewer ---------------------------------------------------------------


@pytest.mark.needs_dot
def test_the_viewer_page_carries_the_first_level_of_each_explanation(
    rain: Path,
) -> None:
    status, _, _ = run("render", str(rain), "-f", "html", "--evaluate", "-o", "rain.html")
    assert status == 0
    page = (rain.parent / "rain.html").read_text("utf-8")
    data = json.loads(
        page.split('<script type="application/json" id="argmap-data">')[1].split("</script>")[0]
    )
    assert data["statements"]["rain"]["why"] == {
        "basis": "argued",
        "reasons": [
            {"id": "sky", "kind": "argument", "label": "in", "role": "support"},
            {"id": "report", "kind": "argument", "label": "in", "role": "support"},
            {"id": "sunny", "kind": "argument", "label": "out", "role": "attack"},
        ],
        "change": {"by": "reject", "sets": [["glare"]], "size": 1, "exhaustive": True},
    }
    assert data["arguments"]["sunny"]["why"]["reasons"] == [
        {"id": "sun", "kind": "statement", "label": "out", "role": "premise", "basis": "given"}
    ]
    status, _, _ = run("render", str(rain), "-f", "html", "-o", "plain.html")
    assert '"why":' not in (rain.parent / "plain.html").read_text("utf-8")


def _words(texts: list[str]) -> list[str]:
    """Each text with its runs of white space as one space (a flex row's items break lines)."""
    return [" ".join(text.split()) for text in texts]


@pytest.mark.needs_dot
def test_the_viewer_panel_explains_the_selected_label(browser: Any, rain: Path) -> None:
    run("render", str(rain), "-f", "html", "--evaluate", "-o", "rain.html")
    for viewer in open_viewer(browser, rain.parent / "rain.html"):
        tab = viewer.page
        tab.click("#statement-rain")
        assert viewer.panel_texts(".argmap-evaluation h4") == ["Why", "What would change it"]
        assert _words(viewer.panel_texts(".argmap-why li")) == [
            "in for it: Clouds bring rain",
            "in for it: report",
            "out against it: Sunshine means no rain",
        ]
        assert viewer.panel_texts(".argmap-evaluation p")[1:] == [
            "Its label changes on rejecting any one of these sets of premises:"
        ]
        assert viewer.panel_texts(".argmap-why-sets li") == ["glare"]
        # A reason is a button to its own reasons.
        tab.click("#argmap-panel .argmap-why button >> text=Sunshine means no rain")
        assert viewer.panel_texts("h2") == ["Sunshine means no rain"]
        assert _words(viewer.panel_texts(".argmap-why li")) == ["out premise: The sun is out."]
        assert viewer.panel_texts(".argmap-evaluation p")[1:] == [
            "Its label changes on accepting any one of these sets of premises:"
        ]
        tab.click("#statement-glare")
        assert viewer.panel_texts(".argmap-why-basis") == ["Given: no argument supports it."]
        assert viewer.panel_texts(".argmap-evaluation p")[-1] == (
            "No set of premises changes its label on rejecting them."
        )


def test_a_search_through_many_extensions_stops_at_its_steps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ten independent standoffs make 1,024 preferred extensions: the search stops, saying so."""
    import argmap._explain as explaining

    monkeypatch.setattr(explaining, "SEARCH_STEPS", 20_000)
    statements = [Statement("x", "The thesis.")]
    arguments = []
    for i in range(10):
        statements += [
            Statement(f"c{i}", f"Claim {i}."),
            Statement(f"p{i}", f"For {i}."),
            Statement(f"q{i}", f"Against {i}."),
        ]
        arguments += [
            Argument(f"for{i}", [f"p{i}"], "support", f"c{i}"),
            Argument(f"against{i}", [f"q{i}"], "attack", f"c{i}"),
        ]
    arguments.append(Argument("all", [f"c{i}" for i in range(10)], "support", "x"))
    m = ArgumentMap("Standoffs", statements, arguments)
    assert evaluate(m, "preferred").extensions == 1024
    why = argmap.explain(m, "x", "preferred")
    assert (why.label, why.change) == ("undecided", "accept")
    assert not why.exhaustive
    assert why.checks < 20
    # Grounded semantics needs no search for labellings: accepting premises ends no
    # standoff, so the search for a set runs to max_checks.
    assert argmap.explain(m, "x", max_checks=50).checks == 50
