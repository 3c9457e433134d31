"""Whole-map checks: each rule, its code, message and position; quote verification."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Argument, ArgumentMap, Citation, Issue, Severity, Source, Statement
from argmap._check import _no_circle
from argmap._graph import has_cycle
from argmap._quotes import closest_passage, normalise

ARTICLE = (
    "Historisch gesehen war einer der Hauptgründe, warum Nordkorea versucht hat,\n"
    "die Beziehungen zu den USA zu verbessern, die Aushandlung einer Lockerung der "
    "Sanktionen. Früher wurde auch bekannt, dass die Parteien eine Vereinbarung über a "
    "unterzeichnet haben „umfassende strategische Partnerschaft.“\n"
)


def codes(m: ArgumentMap, **options: object) -> list[tuple[str, Severity]]:
    return [(i.code, i.severity) for i in argmap.check(m, **options)]  # type: ignore[arg-type]


def simple(*arguments: Argument, statements: str = "abc") -> ArgumentMap:
    return ArgumentMap("t", [Statement(s, s.upper()) for s in statements], arguments)


def test_a_clean_map_has_no_issues() -> None:
    m = simple(Argument("x", ["a", "b"], "support", "c"))
    assert argmap.check(m) == ()


def test_issues_of_a_map_built_in_python_name_the_document_path() -> None:
    m = simple(Argument("x", ["a", "z"], "support", "c"), statements="ac")
    [issue] = argmap.check(m)
    assert issue == Issue(
        "unknown-statement",
        "argument 'x' lists premise 'z', which is not a defined statement; "
        "define it under 'statements' or fix the id",
        Severity.ERROR,
        ("arguments", "x", "premises", 1),
    )
    assert str(issue) == f"arguments/x/premises/1: error: unknown-statement: {issue.message}"


@pytest.mark.parametrize("kind", ["support", "attack"])
def test_an_argument_may_support_or_attack_another_argument(kind: str) -> None:
    m = simple(Argument("x", ["a"], "support", "b"), Argument("y", ["c"], kind, "x"))  # type: ignore[arg-type]
    assert argmap.check(m) == ()


def test_a_target_that_is_neither_statement_nor_argument_is_named_with_a_suggestion() -> None:
    m = simple(Argument("x", ["a"], "support", "b"), Argument("y", ["c"], "attack", "xx"))
    [issue] = argmap.check(m)
    assert issue == Issue(
        "unknown-statement",
        "argument 'y' attacks 'xx', which is neither a defined statement nor a defined "
        "argument; define it under 'statements' or fix the id (did you mean 'x'?)",
        Severity.ERROR,
        ("arguments", "y", "attacks"),
    )


@pytest.mark.parametrize("kind", ["support", "attack"])
def test_an_argument_may_not_support_or_attack_itself(kind: str) -> None:
    m = simple(Argument("x", ["a"], kind, "x"), statements="a")  # type: ignore[arg-type]
    [issue] = argmap.check(m)
    verb = "supports" if kind == "support" else "attacks"
    assert (issue.code, issue.severity, issue.path) == (
        "self-target",
        Severity.ERROR,
        ("arguments", "x", verb),
    )
    assert issue.message == (
        f"argument 'x' {verb} itself; an argument cannot be a reason for or against itself"
    )


def test_undercutting_a_statement_suggests_attacks() -> None:
    m = simple(Argument("x", ["a"], "undercut", "b"), statements="ab")
    [issue] = [i for i in argmap.check(m) if i.severity is Severity.ERROR]
    assert issue.code == "unknown-argument"
    assert issue.message.endswith("it is a statement: to attack a statement use 'attacks'")


def test_a_statement_and_an_argument_may_not_share_an_id() -> None:
    m = simple(Argument("a", ["b"], "support", "c"), Argument("y", ["a"], "support", "c"))
    assert codes(m) == [("duplicate-id", Severity.ERROR)]


def test_an_argument_needs_premises() -> None:
    m = simple(Argument("x", [], "support", "c"), statements="c")
    assert codes(m) == [("no-premises", Severity.ERROR)]


def test_a_premise_listed_twice_is_an_error() -> None:
    m = simple(Argument("x", ["a", "b", "a"], "support", "c"))
    [issue] = argmap.check(m)
    assert (issue.code, issue.path) == ("duplicate-premise", ("arguments", "x", "premises", 2))


@pytest.mark.parametrize("kind", ["support", "attack"])
def test_an_argument_may_not_target_its_own_premise(kind: str) -> None:
    m = simple(Argument("x", ["a", "b"], kind, "a"), statements="ab")  # type: ignore[arg-type]
    assert codes(m) == [("self-target", Severity.ERROR)]


def test_an_argument_may_not_undercut_itself() -> None:
    m = simple(Argument("x", ["a"], "undercut", "x"), statements="a")
    assert codes(m) == [("self-undercut", Severity.ERROR)]


@pytest.mark.parametrize(
    ("arguments", "message", "path"),
    [
        pytest.param(
            [
                Argument("ab", ["a"], "support", "b"),
                Argument("bc", ["b"], "support", "c"),
                Argument("ca", ["c"], "support", "a"),
            ],
            "statements support themselves in a circle: 'a' -> 'b' -> 'c' -> 'a' (through "
            "arguments 'ab', 'bc', 'ca'); none of them holds through this circle alone, so "
            "evaluation leaves them undecided unless something outside the circle decides them; "
            "if the circle is not what the text argues, remove or redirect one of these arguments",
            ("arguments", "ab"),
            id="statements",
        ),
        pytest.param(
            [
                Argument("ab", ["a"], "support", "b"),
                Argument("y", ["b"], "support", "z"),
                Argument("z", ["a"], "support", "y"),
                Argument("x", ["c"], "support", "y"),  # backs the circle from outside: no circle
            ],
            "arguments back themselves in a circle: 'y' -> 'z' -> 'y'; backing never makes an "
            "argument hold, so the circle does not change the evaluation, but it backs nothing "
            "either; if the circle is not what the text argues, remove or redirect one of these "
            "'supports'",
            ("arguments", "y", "supports"),
            id="arguments",
        ),
    ],
)
def test_a_circle_of_support_is_a_warning_that_names_the_circle(
    arguments: list[Argument], message: str, path: tuple[str, ...]
) -> None:
    """Statements that support themselves, or arguments that back each other, in a circle."""
    [issue] = argmap.check(simple(*arguments))
    assert (issue.code, issue.severity) == ("circular-support", Severity.WARNING)
    assert issue.message == message
    assert issue.path == path


@given(st.dictionaries(st.sampled_from("abcdef"), st.lists(st.sampled_from("abcdefg"))))
def test_the_quick_answer_finds_no_circle_only_where_there_is_none(
    successors: dict[str, list[str]],
) -> None:
    edges = {node: [(target, None) for target in out] for node, out in successors.items()}
    assert not (_no_circle(edges) and has_cycle(successors))  # type: ignore[arg-type]


def test_an_attack_does_not_close_a_circle() -> None:
    m = simple(
        Argument("ab", ["a"], "support", "b"), Argument("ba", ["b"], "attack", "a"), statements="ab"
    )
    assert argmap.check(m) == ()


def test_a_long_chain_does_not_exhaust_the_stack() -> None:
    n = 5000
    statements = [Statement(f"s{i}", "x") for i in range(n)]
    arguments = [Argument(f"a{i}", [f"s{i}"], "support", f"s{i + 1}") for i in range(n - 1)]
    arguments.append(Argument("back", [f"s{n - 1}"], "support", "s0"))
    [issue] = argmap.check(ArgumentMap("t", statements, arguments))
    assert issue.code == "circular-support"


def test_unconnected_statements_unused_agents_and_sources_are_warnings() -> None:
    m = ArgumentMap(
        "t",
        [Statement("a", "A"), Statement("b", "B"), Statement("lonely", "L")],
        [Argument("x", ["a"], "support", "b")],
        agents=[argmap.Agent("nobody", "Nobody")],
        sources=[Source("unread", "Unread")],
    )
    assert codes(m) == [
        ("unconnected-statement", Severity.WARNING),
        ("unused-agent", Severity.WARNING),
        ("unused-source", Severity.WARNING),
    ]


@pytest.fixture
def quoted(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def quote_map(folder: Path, quote: str, file: str | None = "article.txt") -> ArgumentMap:
    text = textwrap.dedent(
        f"""\
        argmap: 1
        title: t
        sources:
          art: {{title: Artikel{", file: " + file if file else ""}}}
        statements:
          s1:
            text: S1
            quote: {{source: art, text: "{quote}"}}
          s2: S2
        arguments:
          x: {{premises: [s1], supports: s2, implicit: true}}
        """
    )
    (folder / "m.yaml").write_text(text, encoding="utf-8")
    return argmap.load(folder / "m.yaml")


def test_a_verbatim_quote_verifies(quoted: Path) -> None:
    assert argmap.check(quote_map(quoted, "einer der Hauptgründe")) == ()


def test_line_breaks_soft_hyphens_and_typographic_quotes_are_forgiven(quoted: Path) -> None:
    quote = "warum Nord\u00adkorea versucht hat, die Beziehungen"  # line break in the source
    assert argmap.check(quote_map(quoted, quote)) == ()
    quote = "unterzeichnet haben 'umfassende strategische Partnerschaft.'"
    assert argmap.check(quote_map(quoted, quote.replace("'", '\\"'))) == ()


def test_a_misquote_shows_the_closest_passage_with_its_position(quoted: Path) -> None:
    [issue] = argmap.check(quote_map(quoted, "die Aushandlung einer Lockerung der Strafen"))
    assert (issue.code, issue.line, issue.column) == ("quote-not-found", 8, 32)
    assert issue.file == str(quoted / "m.yaml")
    assert issue.message == (
        "the quote of statement 's1' does not occur in source 'art'; closest passage: "
        '"die Aushandlung einer Lockerung der Sanktionen."; the quote against it, [-quote '
        'only-] {+source only+}: "die Aushandlung einer Lockerung der [-Strafen-] '
        '{+Sanktionen.+}"; copy the passage exactly as it stands in the source'
    )


def test_a_misquote_marks_the_words_that_differ() -> None:
    from argmap._quotes import marked_difference

    assert (
        marked_difference(
            "the city should build the tram by 2030", "the city could build the tram by 2030,"
        )
        == "the city [-should-] {+could+} build the tram by 2030"
    )
    assert marked_difference("a b c", "a c d") == "a [-b-] c {+d+}"
    assert marked_difference("„Same words“", '"Same words"') == ""


def test_quotes_are_not_verified_when_asked_not_to(quoted: Path) -> None:
    m = quote_map(quoted, "not in there at all")
    assert argmap.check(m, verify_quotes=False) == ()


def test_a_missing_source_file_is_an_error(quoted: Path) -> None:
    [issue] = argmap.check(quote_map(quoted, "x", file="missing.txt"))
    assert issue.code == "source-file-missing"
    assert issue.message == (
        f"cannot verify quotes of source 'art': {quoted / 'missing.txt'}: "
        "source file not found; check the path"
    )


def test_a_source_without_file_makes_its_quotes_unverified(quoted: Path) -> None:
    assert codes(quote_map(quoted, "x", file=None)) == [("unverified-quote", Severity.WARNING)]


def test_base_dir_overrides_where_source_files_are_found(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    m = ArgumentMap(
        "t",
        [
            Statement("a", "A", quotes=[Citation("art", "Früher wurde auch bekannt")]),
            Statement("b", "B"),
        ],
        [Argument("x", ["a"], "support", "b", implicit=True)],
        sources=[Source("art", "Artikel", file="article.txt")],
    )
    assert argmap.check(m, base_dir=tmp_path) == ()


def test_normalise_collapses_whitespace_and_straightens_quotes() -> None:
    assert normalise(" „Ja“,\n\tsagte er — ‚nein‘ \u00ad") == "\"Ja\", sagte er — 'nein'"


def test_closest_passage_is_cut_to_whole_words() -> None:
    source = normalise(ARTICLE)
    assert closest_passage(source, "Früher wurde auch bekant") == "Früher wurde auch bekannt,"


def test_source_files_outside_the_maps_folder_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "maps").mkdir()
    m = quote_map(tmp_path / "maps", "einer der Hauptgründe", file="../outside.txt")
    [issue] = argmap.check(m)
    assert (issue.code, issue.line, issue.column) == ("source-outside", 4, 31)
    assert issue.message == (
        "source 'art' names '../outside.txt', outside the map's folder, so its quotes are not "
        "verified; copy the text into the map's folder, or allow it with --allow-outside "
        "(allow_outside=True) if you trust the map"
    )
    assert argmap.check(m, allow_outside=True) == ()


def test_closest_passage_aligns_only_bounded_stretches_of_long_texts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 200 KB source of repeated words and a 2 KB near-quote once took 20 s of difflib."""
    import difflib
    import random

    sizes: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher

    def measured(junk: None, a: str, b: str, autojunk: bool = True) -> difflib.SequenceMatcher[str]:
        sizes.append((len(a), len(b)))
        return matcher(junk, a, b, autojunk)

    monkeypatch.setattr(difflib, "SequenceMatcher", measured)
    rng = random.Random(1)
    words = ["the", "of", "and", "war", "peace", "russia", "korea", "kim", "putin", "deal"]
    source = normalise(" ".join(rng.choice(words) for _ in range(40_000)))
    quote = source[50_000:52_000]
    misquote = quote[:1000] + "X" + quote[1001:]
    passage = closest_passage(source, misquote)
    assert passage.endswith("…") and len(passage) == 240
    assert passage[:-1].rstrip() in source[49_000:53_000]
    assert sizes and all(a <= 1_800 and b <= 600 for a, b in sizes)
    assert closest_passage(source, "nothing of this is in there") != ""
    assert closest_passage(source, "zzz yyy") == ""  # no word in common: nothing to show


def test_a_group_member_unknown_or_in_a_group_already_is_named_where_it_is_listed() -> None:
    m = ArgumentMap(
        "t",
        [Statement(s, s.upper()) for s in "abc"],
        [Argument("x", ["a", "c"], "support", "b")],
        groups=[
            argmap.Group("one", "One", ["a", "x"]),
            argmap.Group("two", "Two", ["b", "a", "zz", "c"]),
        ],
    )
    assert [(i.code, i.path, i.message) for i in argmap.check(m)] == [
        (
            "group-overlap",
            ("groups", "two", "members", 1),
            "'a' is in group 'one' already; a diagram draws it in the first group only: "
            "keep it in one group",
        ),
        (
            "unknown-member",
            ("groups", "two", "members", 2),
            "group 'two' lists 'zz', which is neither a statement nor an argument; fix the id "
            "or remove it",
        ),
    ]


def test_an_argument_from_a_question_and_a_stated_argument_without_quote_are_warned_of() -> None:
    m = ArgumentMap(
        "t",
        [
            Statement("q", "Will it last?", mode="question"),
            Statement("a", "A.", quotes=[Citation("src", "A")]),
            Statement("c", "C.", quotes=[Citation("src", "C")]),
        ],
        [
            Argument("x", ["q", "a"], "support", "c"),
            Argument("y", ["a"], "support", "q", implicit=True),
        ],
        sources=[Source("src", "The source", file="source.txt")],
    )
    assert [(i.code, i.path) for i in argmap.check(m, verify_quotes=False)] == [
        ("unquoted-argument", ("arguments", "x", "<key>")),
        ("question-premise", ("arguments", "x", "premises", 0)),
    ]
