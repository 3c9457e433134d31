"""The map as an outline: Markdown, plain text, the SVG's alt text, ``convert --to outline``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import ROOT, SVG, run, work_in

import argmap
from argmap._outline import outline, to_outline
from argmap.model import Argument, ArgumentMap, Statement

LIFELINE = ROOT / "maps" / "russian-lifeline.yaml"
OVERVIEW = ROOT / "maps" / "overview.yaml"


def test_each_thesis_then_its_arguments_and_their_premises_recursively() -> None:
    m = ArgumentMap(
        "Chain",
        statements=[
            Statement("t", "Thesis."),
            Statement("p", "Premise.", by="x"),
            Statement("q", "Deeper.", implicit=True),
            Statement("r", "Rebuttal?", mode="question"),
            Statement("u", "Undercutter.", hedge="perhaps"),
        ],
        arguments=[
            Argument("a", ["p"], "support", "t", title="For t"),
            Argument("b", ["q"], "support", "p"),
            Argument("c", ["r"], "attack", "t", implicit=True),
            Argument("d", ["u"], "undercut", "a"),
        ],
        theses=["t"],
    )
    assert to_outline(m, "text") == (
        "Chain\n"
        "\n"
        "Main thesis: Thesis. (stated) [t]\n"
        "  For: For t (stated) [a]\n"
        "    Premise: Premise. (stated) — x [p]\n"
        "      For: b (stated) [b]\n"
        "        Premise: Deeper. (implicit) [q]\n"
        "    Undercut: d (stated) [d]\n"
        "      Premise: Undercutter. (stated; hedged: perhaps) [u]\n"
        "  Against: c (implicit) [c]\n"
        "    Premise: Rebuttal? (stated; question) [r]\n"
    )


def test_a_shared_statement_is_named_again_not_repeated() -> None:
    m = ArgumentMap(
        "Shared",
        statements=[Statement(s, f"{s.upper()}.", title=f"Title {s}") for s in "tuvs"],
        arguments=[
            Argument("a", ["s"], "support", "t"),
            Argument("b", ["s", "v"], "support", "u"),
        ],
        theses=["t", "u"],
    )
    lines = to_outline(m, "text").splitlines()
    assert lines[4] == "    Premise: Title s. S. (stated) [s]"
    assert lines[7] == "    Premise: Title s (see above) [s]"
    items = outline(m)
    assert [i.repeated for _, i in items[1].walk()] == [False, False, True, False]


def test_the_outline_holds_every_statement_and_argument_of_the_overview() -> None:
    m = argmap.load(OVERVIEW)
    seen = {(item.kind, item.id) for root in outline(m) for _, item in root.walk()}
    assert seen == {("statement", s) for s in m.statements} | {("argument", a) for a in m.arguments}
    first = [root.id for root in outline(m)][: len(m.main_theses)]
    assert first == list(m.main_theses)


def test_markdown_in_german_with_labels_escapes_the_maps_text() -> None:
    m = argmap.load(LIFELINE)
    text = to_outline(m, "markdown", lang="de", evaluation=argmap.evaluate(m))
    lines = text.splitlines()
    assert (
        lines[0]
        == "# Ein russischer Rettungsanker würde Kims Anreiz senken, sich Washington zuzuwenden"
    )
    assert lines[2].startswith("- Hauptthese: Weniger Anreiz zur Annäherung an Washington. ")
    assert lines[2].endswith(
        "(im Text; hypothetisch; Bewertung: out) — Im Artikel zitierte Analysten "
        "\\[less-incentive\\]"
    )
    assert lines[3].startswith("  - Dafür: Ein Rettungsanker aus Russland")
    hostile = ArgumentMap("*T*", statements=[Statement("s", "A [link](x) <b>_x_</b>")])
    assert to_outline(hostile).splitlines()[2] == (
        "- Statement: A \\[link\\](x) \\<b\\>\\_x\\_\\</b\\>. (stated) \\[s\\]"
    )


def test_outline_refuses_an_unknown_format_language_or_a_partial_evaluation() -> None:
    m = argmap.load(LIFELINE)
    with pytest.raises(ValueError, match=r"'format' must be one of \['markdown', 'text'\]"):
        to_outline(m, "html")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"'lang' must be one of the map's languages"):
        to_outline(m, lang="fr")
    other = argmap.evaluate(ArgumentMap("Other", statements=[Statement("x", "X.")]))
    with pytest.raises(ValueError, match="'evaluation' must label every statement"):
        to_outline(m, evaluation=other)


def test_dumps_writes_the_outline_formats() -> None:
    m = argmap.load(LIFELINE)
    assert argmap.dumps(m, "outline") == to_outline(m, "markdown")
    assert argmap.dumps(m, "text") == to_outline(m, "text")


@pytest.mark.needs_dot
def test_the_svg_has_a_title_and_a_short_description_first() -> None:
    m = argmap.load(LIFELINE)
    root = ET.fromstring(argmap.to_svg(m))
    assert [child.tag for child in root][:2] == [f"{SVG}title", f"{SVG}desc"]
    assert root[0].text == "A Russian lifeline would lower Kim's incentive to engage Washington"
    assert root[1].text == (
        "An argument map: 7 statements, 4 arguments. Main thesis: Less incentive to engage "
        "Washington. For: A lifeline from Russia would weaken the old motive."
    )
    german = ET.fromstring(argmap.to_svg(m, lang="de"))
    assert german[1].text is not None
    assert german[1].text.startswith("Eine Argumentkarte: 7 Aussagen, 4 Argumente. Hauptthese: ")


def test_convert_to_outline_and_text_with_lang_and_evaluate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = argmap.load(LIFELINE)
    status, out, err = run("convert", str(LIFELINE), "--to", "text", "--evaluate", "--lang", "de")
    assert (status, err) == (0, "")
    assert out == to_outline(m, "text", lang="de", evaluation=argmap.evaluate(m))
    work_in(tmp_path, monkeypatch, {})
    assert run("convert", str(LIFELINE), "-o", "lifeline.md") == (0, "wrote lifeline.md\n", "")
    assert (tmp_path / "lifeline.md").read_text("utf-8") == to_outline(m)


def test_convert_outline_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work_in(tmp_path, monkeypatch, {})
    status, out, err = run("convert", str(LIFELINE), "--to", "text", "--lang", "fr", "-o", "x.txt")
    assert (status, out) == (1, "")
    assert err.endswith(
        "error: no-such-lang: the map has no text in 'fr' (its languages: en, de); "
        "give one of them to --lang\n"
    )
    assert not (tmp_path / "x.txt").exists()
    assert run("convert", str(LIFELINE), "--to", "yaml", "--evaluate") == (
        2,
        "",
        "argmap convert: error: --evaluate works with --to outline or --to text\n",
    )
    assert run("convert", str(LIFELINE), "--to", "text", "--reject", "lifeline")[2] == (
        "argmap convert: error: --reject works with --evaluate; add it\n"
    )


def test_arguments_for_and_against_an_argument_hang_below_it() -> None:
    m = ArgumentMap(
        "Relations",
        statements=[Statement(s, f"{s.upper()}.") for s in "tpqr"],
        arguments=[
            Argument("a", ["p"], "support", "t"),
            Argument("backs", ["q"], "support", "a"),
            Argument("doubts", ["r"], "attack", "a"),
        ],
        theses=["t"],
    )
    assert to_outline(m, "text").splitlines()[2:] == [
        "Main thesis: T. (stated) [t]",
        "  For: a (stated) [a]",
        "    Premise: P. (stated) [p]",
        "    For: backs (stated) [backs]",
        "      Premise: Q. (stated) [q]",
        "    Against: doubts (stated) [doubts]",
        "      Premise: R. (stated) [r]",
    ]


def test_issues_come_last_with_their_question_standard_and_positions_named() -> None:
    m = argmap.load(ROOT / "docs" / "examples" / "partnership.yaml")
    english = to_outline(m, "text").splitlines()
    assert english[-6:] == [
        "Issue: Is the partnership solid? (standard: clear and convincing) [partnership]",
        "  Position: The partnership is solid. (see above) [solid]",
        "  Position: The partnership is fragile. (see above) [fragile]",
        "Issue: Will the shells keep coming? [shells]",
        "  Position: North Korea will keep sending shells. (see above) [more-shells]",
        "  Position: North Korea will send fewer shells. (see above) [fewer-shells]",
    ]
    german = to_outline(m, "markdown", lang="de").splitlines()
    assert german[-3:] == [
        "- Streitfrage: Werden weiter Granaten geliefert? \\[shells\\]",
        "  - Position: Nordkorea wird weiter Granaten liefern. (siehe oben) \\[more-shells\\]",
        "  - Position: Nordkorea wird weniger Granaten liefern. (siehe oben) \\[fewer-shells\\]",
    ]
    issue = outline(m)[-2]
    assert (issue.role, issue.kind, issue.id) == ("issue", "issue", "partnership")
    assert [(c.role, c.id, c.repeated) for c in issue.children] == [
        ("position", "solid", True),
        ("position", "fragile", True),
    ]
    page = argmap.to_html(m)
    # The issue with a question of its own is its own node; the other is its asking statement's.
    assert 'data-node="issue-partnership">Issue: Is the partnership solid?' in page
    assert 'data-node="statement-ask-shells">Issue: Will the shells keep coming?' in page
