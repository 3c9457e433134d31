"""Broken and hostile Argdown: exact errors with positions, and fuzzing that finds no other outcome.

``make test`` runs a few hundred examples per property; ``ARGMAP_FUZZ_EXAMPLES``
sets how many.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import fuzz, mutated_bytes

import argmap
from argmap import Argument, ArgumentMap, MapError, Statement
from argmap._argdown import syntax
from argmap.errors import ArgmapError
from argmap.model import Agent, Citation, Group, Source, Translation

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import loose  # noqa: E402 - bench/ is not a package
import synthetic  # noqa: E402

CORPUS = ROOT / "tests" / "corpora" / "argdown"
FUZZ = fuzz(200)


def issue_of(text: str) -> tuple[str, int | None, int | None]:
    with pytest.raises(MapError) as caught:
        argmap.loads(text, file="t.argdown")
    first = caught.value.issues[0]
    assert first.file == "t.argdown"
    return first.code, first.line, first.column


DEEP = "[A]: a\n" + "".join("  " * (i + 1) + f"+ [S{i}]: s\n" for i in range(70))

BATTERY = [
    ("unclosed title", "[A]: a\n  + [B: b\n", ("argdown-unclosed", 2, 5)),
    ("unclosed argument title", "<A: a\n", ("argdown-unclosed", 1, 1)),
    ("unclosed italic", "[A]: snake_case_name\n", ("argdown-unclosed", 1, 11)),
    ("unclosed bold", "[A]: a **bold claim\n", ("argdown-unclosed", 1, 8)),
    ("relation first in document", "+ [A]: a\n", ("argdown-orphan-relation", 1, 1)),
    ("relation after empty line", "[A]: a\n\n  + [B]: b\n", ("argdown-orphan-relation", 3, 3)),
    ("relation not indented", "[A]: a\n+ [B]: b\n", ("argdown-indentation", 2, 1)),
    ("relation between levels", "[A]: a\n   + [B]: b\n  - [C]: c\n", ("argdown-indentation", 3, 3)),
    ("relation without target", "[A]: a\n  + \n", ("argdown-syntax", 2, 4)),
    ("unterminated block comment", "[A]: a /* oops\n", ("argdown-unterminated-comment", 1, 8)),
    ("unterminated html comment", "<!-- x\n[A]: a", ("argdown-unterminated-comment", 1, 1)),
    ("unterminated data", "[A]: a {x: 1\n", ("argdown-unterminated-data", 1, 8)),
    ("invalid data", "[A]: a {x: [}\n", ("argdown-data", 1, 13)),
    ("duplicate data key", "[A]: a {x: 1, x: 2}\n", ("argdown-data", 1, 15)),
    ("data inside text", "[A]: the set {a, b} is\n", ("argdown-syntax", 1, 21)),
    ("invalid front matter", "===\ntitle: [\n===\n\n[A]: a\n", ("argdown-front-matter", 3, 1)),
    ("front matter a list", "===\n- a\n===\n\n[A]: a\n", ("argdown-front-matter", 2, 1)),
    ("unterminated front matter", "===\ntitle: x\n", ("argdown-front-matter", 1, 1)),
    ("front matter alone", "===\ntitle: x\n===\n", ("argdown-empty", 4, 1)),
    ("front matter later", "[A]: a\n\n===\nx: 1\n===\n", ("argdown-syntax", 3, 1)),
    ("empty document", "", ("argdown-empty", 1, 1)),
    ("blank document", "\n\n", ("argdown-empty", 3, 1)),
    ("binary junk", "\x00\x01\x02junk", ("argdown-control-character", 1, 1)),
    ("junk later", "[A]: a\n[B\x07", ("argdown-control-character", 2, 3)),
    ("lone backslash", "[A]: a\\\n", ("argdown-syntax", 1, 7)),
    ("very deep nesting", DEEP, ("argdown-too-deep", 66, 131)),
    ("deep emphasis", "[A]: " + "*a " * 70 + "\n", ("argdown-too-deep", 1, 198)),
    ("huge line", "[A]: " + "x" * 100_001 + "\n", ("argdown-line-too-long", 1, 100_001)),
    ("argument reference in text", "x < 3 and y > 2\n", ("argdown-syntax", 1, 3)),
    ("heading without empty line", "# H\n[A]: a\n", ("argdown-syntax", 2, 1)),
    ("pcs without empty line", "<A>: desc\n(1) p\n----\n(2) c\n", ("argdown-syntax", 2, 1)),
    ("pcs ends with premise", "<A>\n\n(1) a\n(2) b\n", ("argdown-pcs", 4, 1)),
    ("pcs without conclusion", "(1) p\n--\nrule\n", ("argdown-pcs", 4, 1)),
    (
        "two pcs for one argument",
        "<A>\n\n(1) a\n----\n(2) b\n\n<A>\n\n(1) c\n----\n(2) d\n",
        ("argdown-pcs", 9, 1),
    ),
    ("argument in pcs", "(1) <A>\n----\n(2) c\n", ("argdown-syntax", 1, 5)),
    ("undercut of a statement", "[A]: a\n  _> [B]: b\n", ("argdown-unsupported", 2, 3)),
    ("contradiction with argument", "[A]: a\n  >< <B>: b\n", ("argdown-unsupported", 2, 6)),
    (
        "undercut of an argument for nothing",
        "<A>: a\n\n<B>: b\n  _> <A>\n",
        ("argdown-unsupported", 4, 3),
    ),
    ("reserved field wrong", "[A]: a {argmap: {by: 3}}\n", ("argdown-reserved", 1, 8)),
    ("reserved field unknown", "[A]: a {argmap: {colour: red}}\n", ("argdown-reserved", 1, 8)),
    (
        "reserved id twice",
        "[A]: a {argmap: {id: x}}\n\n[B]: b {argmap: {id: x}}\n",
        ("argdown-reserved", 3, 8),
    ),
    (
        "reserved kind without target",
        "<A> {argmap: {kind: attack}}\n\n(1) p\n----\n(2) [C]\n",
        ("argdown-reserved", 5, 5),
    ),
    (
        "reserved kind's conclusion used as a premise",
        "[X]: x\n\n<A> {argmap: {kind: attack}}\n\n(1) p\n----\n(2) [C]: c\n    -> [X]\n\n"
        "<B>\n\n(1) [C]\n----\n(2) q\n",
        ("argdown-reserved", 12, 5),
    ),
    ("unknown agent", "[A]: a {argmap: {by: [nobody]}}\n", ("unknown-agent", 1, 1)),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in BATTERY], ids=[c[0] for c in BATTERY]
)
def test_broken_argdown_gives_an_exact_error(text: str, expected: tuple[str, int, int]) -> None:
    assert issue_of(text) == expected


LONG = syntax.MAX_LINE


@given(
    st.lists(
        st.sampled_from([0, 3, LONG // 2 - 1, LONG // 2, LONG - 1, LONG, LONG + 1, 2 * LONG]),
        max_size=5,
    )
)
def test_a_line_over_the_limit_is_refused_wherever_it_stands(lengths: list[int]) -> None:
    """Only the text's blocks without a line break are measured closely: still every line."""
    text = "\n".join("x" * length for length in lengths)
    over = [number for number, length in enumerate(lengths, 1) if length > LONG]
    if not over:
        assert syntax.prepare(text, "t.argdown") == text
        return
    with pytest.raises(MapError) as caught:
        syntax.prepare(text, "t.argdown")
    (issue,) = caught.value.issues
    assert (issue.code, issue.line, issue.column) == ("argdown-line-too-long", over[0], LONG + 1)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x1f", "\x7f"])
def test_a_control_character_in_ascii_text_is_found_where_it_stands(char: str) -> None:
    with pytest.raises(MapError) as caught:
        syntax.prepare(f"[A]: a\n\n[B]: b{char}c\n", "t.argdown")
    (issue,) = caught.value.issues
    assert (issue.code, issue.line, issue.column) == ("argdown-control-character", 3, 7)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[A]: a\n  + [B: b\n",
            "t.argdown:2:5: error: argdown-unclosed: '[' opens a statement title that is not "
            "closed with ']' on this line; close it, or write '\\[' for the character itself",
        ),
        (
            "[A]: a\n  + [ ]\n",
            "t.argdown:2:5: error: argdown-reserved: statement [ ]: 'text' must be a "
            "non-empty string (got ' ')",
        ),
    ],
    ids=["unclosed title", "title of spaces alone"],
)
def test_an_error_message_in_full(text: str, message: str) -> None:
    """Where, what and, where there is one, how to fix it."""
    with pytest.raises(MapError) as caught:
        argmap.loads(text, file="t.argdown")
    assert str(caught.value) == message


#: Each relation argmap cannot hold, and its message: where it stands and how to write it instead.
UNSUPPORTED = {
    "contradiction aimed at an argument": (
        "<B>\n\n(1) p\n----\n(2) c\n\n[A]: a\n  >< <B>\n",
        "t.argdown:8:6: error: argdown-unsupported: '><' (contradiction) joins two statements, "
        "and this one points at an argument: write '>< [Title]' under the argument to "
        "contradict through its description, aim at its conclusion ('>< [Conclusion]'), or "
        "attack the argument with '->' or '-'",
    ),
    "undercut aimed at a statement": (
        "[A]: a\n  _> [B]: b\n",
        "t.argdown:2:3: error: argdown-unsupported: an undercut ('_>', '<_') attacks an "
        "argument's inference; this one points at a statement: use '->' or '-' to attack a "
        "statement",
    ),
    "undercut of an argument for nothing": (
        "<A>: a\n\n<B>: b\n  _> <A>\n",
        "t.argdown:4:3: error: argdown-unsupported: this undercuts <A>, which argues for "
        "nothing: an undercut attacks the step from premises to a conclusion; give that "
        "argument a relation to what it supports or attacks, or a premise-conclusion structure",
    ),
}


@pytest.mark.parametrize("case", UNSUPPORTED, ids=list(UNSUPPORTED))
def test_a_relation_argmap_cannot_hold_names_its_place_and_a_fix(case: str) -> None:
    text, message = UNSUPPORTED[case]
    with pytest.raises(MapError) as caught:
        argmap.loads(text, file="t.argdown")
    assert str(caught.value) == message


def test_several_problems_are_reported_together() -> None:
    with pytest.raises(MapError) as caught:
        argmap.loads("[A]: a {x: [}\n\n[B]: b {argmap: {by: 3}}\n  _> [C]: c\n", file="t.argdown")
    codes = [(i.code, i.line) for i in caught.value.issues]
    assert codes == [("argdown-data", 1), ("argdown-reserved", 3), ("argdown-unsupported", 4)]


HOSTILE = {
    "brackets": "[A]: " + "[" * 99_000 + "\n",
    "angles": "x " + "<" * 99_000 + "\n",
    "braces": "[A]: a " + "{}" * 49_000 + "\n",
    "dots": "x " + ".a" * 49_000 + "\n",
    "comments": "x " + "/*" * 49_000 + "\n",
    "tags": "x " + "#a " * 33_000 + "\n",
    "relations": "[A]: a\n" + "  + [B]: b\n" * 20_000,
    "deep data": "[A]: a {" + "[" * 5000 + "]" * 5000 + "}\n",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_is_read_or_refused_quickly(name: str) -> None:
    started = time.perf_counter()
    with contextlib.suppress(MapError):
        argmap.loads(HOSTILE[name], file="t.argdown", check=False)
    assert time.perf_counter() - started < 10


# -- fuzzing ------------------------------------------------------------------------

FRAGMENTS = [
    "[A]", "[A]: ", "[B]: ", "<C>", "<C>: ", "<D>: ", "text ", "more words", " ", "\n", "\n\n",
    "  ", "    ", "\t", "+ ", "- ", "+> ", "-> ", "<+ ", "<- ", "_> ", "<_ ", ">< ", "_ ",
    "(1) ", "(2) ", "--", "----", "\n--\n", "# ", "## ", "* ", "1. ", "#tag ", "#(a b) ",
    "{a: 1}", "{", "}", "//", "/*", "*/", "<!--", "-->", "===", "_", "*", "**", "__", "\\",
    "@[A]", "@<C>", "[l](u)", ":heart:", ".x.", ",", "{argmap: {kind: attack}}",
    "{argmap: {kind: undercut}}", "{argmap: {id: s}}", "{isCanonical: true}",
    "{argmap: {title: null}}", "===\nmodel: {mode: strict}\n===\n\n", "[Against: A]",
]  # fmt: skip


def load_or_refuse(text: str) -> None:
    """Reading Argdown has two outcomes: a map (that checks without raising) or an error.

    A map read also writes back to Argdown that reads as the same map.
    """
    try:
        m = argmap.loads(text, file="fuzzed.argdown")
    except ArgmapError:
        return
    argmap.check(m)
    assert argmap.loads(argmap.dumps(m, "argdown"), format="argdown") == m


@FUZZ
@given(text=st.text(max_size=300))
def test_random_text(text: str) -> None:
    load_or_refuse(text)


@FUZZ
@given(parts=st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_random_argdown_fragments(parts: list[str]) -> None:
    load_or_refuse("".join(parts))


SEEDS = [p.read_bytes() for p in sorted(CORPUS.glob("*.argdown"))]
SEEDS += [
    argmap.dumps(argmap.load(p), "argdown").encode() for p in sorted(ROOT.glob("maps/*.yaml"))
]


#: A corpus document or an exported shipped map with a few random edits.
mutated = mutated_bytes(SEEDS, [f.encode() for f in FRAGMENTS])


@FUZZ
@given(text=mutated)
def test_mutated_documents(text: str) -> None:
    load_or_refuse(text)


# -- the lexer reads a common line whole, as its rules read it token by token ---------

#: Lines of the shapes the lexer reads in one match, and lines just unlike them: a start,
#: a title, text and an end, each of the kind the whole-line pattern takes or almost.
LINE_STARTS = [
    "", "(1) ", "  (12)", "(x) ", "----", "  --", "---", "-- r --", "    -> ", "  +> ", "<+ ",
    "  - ", "+", "-x", "<_ ", "_ ", "_>", "_", "->", "><", " ", "\t", "1. ", "* ", "# ", "=", "===",
]  # fmt: skip
LINE_TITLES = [
    "", "<a1>", "<a 1>:", "[s1]", "[s1]:", "[s1](u)", "[]", "<>", "<-a>", "[+a]", "<!-- c -->",
    "<a>b>:", "[a[b]]", "[a<b]", "<a[b>", "<+a>", "<_a>", "[-a]", "<a]>", "[a>]:", "@[s1]",
    "{d: 1}", "\\<", "<a\u2028b>",
]  # fmt: skip
LINE_TEXTS = [
    "", " Text of it", "Text", " =x", "+x", "3 x", " e.g. this", " a, b", " a_b", " *a*", " #t",
    " x:y:", "\u2028x", " x ]: y", " x >: y", " === a ===", "(b)", " (b)",
]  # fmt: skip
LINE_ENDS = ["\n", "\n\n", " \n", "\t\n \n", ".\n", ". \n", ".  \n\n", "", ".", ":\n", ".x.\n"]
common_lines = st.lists(
    st.tuples(*(st.sampled_from(p) for p in (LINE_STARTS, LINE_TITLES, LINE_TEXTS, LINE_ENDS))).map(
        "".join
    ),
    max_size=12,
).map("".join)
#: Any text of the characters that matter to the lexer.
punctuation = st.text("<>[]()-+_*#@{}:.,=!\\/ \t\n\u2028a1", max_size=80)


def tokens_both_ways(text: str) -> None:
    """The tokens of ``text`` with common lines read whole equal those of the rules alone,
    and so does its syntax tree with the usual statements and references read at once."""
    try:
        prepared = syntax.prepare(text, "t.argdown")
    except MapError:
        return
    outcomes: list[object] = []
    for whole_lines in (True, False):
        try:
            outcomes.append(syntax.Lexer(prepared, "t.argdown", whole_lines=whole_lines).run())
        except MapError as error:
            outcomes.append(str(error))
    assert outcomes[0] == outcomes[1]
    tokens = outcomes[0]
    if not isinstance(tokens, list):  # refused, alike both ways
        return
    trees: list[object] = []
    for at_once in (True, False):
        parser = syntax.Parser(list(tokens), prepared, "t.argdown", at_once=at_once)
        try:
            trees.append(dataclasses.astuple(parser.document()))
        except MapError as error:
            trees.append(str(error))
    assert trees[0] == trees[1]


def test_common_lines_are_read_whole() -> None:
    """Statement numbers, inference lines, relations, titles and text with a period: one
    match a line, up to the last line (which the rules read)."""
    text = (
        "<a1>\n    -> <a2>: Its gist.\n    +> [s1]\n\n"
        "(1) [s1]: A premise.\n(2) Another\n----\n(3) C.\n\nx"
    )
    lexer = syntax.Lexer(text, "t.argdown")
    assert lexer.lines(0) == text.rindex("\n") + 1
    assert [(t.kind, t.image) for t in lexer.tokens[:12]] == [
        (syntax.ARGUMENT_REFERENCE, "<a1>"),
        (syntax.NEWLINE, "\n"),
        (syntax.INDENT, ""),
        (syntax.RELATION, "->"),
        (syntax.ARGUMENT_DEFINITION, "<a2>:"),
        (syntax.FREESTYLE, "Its gist"),
        (syntax.CONTROL, "."),
        (syntax.NEWLINE, "\n"),
        (syntax.RELATION, "+>"),
        (syntax.STATEMENT_REFERENCE, "[s1]"),
        (syntax.DEDENT, ""),
        (syntax.EMPTYLINE, "\n\n"),
    ]
    tokens_both_ways(text)


@pytest.mark.parametrize(
    ("before", "after"),
    [("", "x\n"), ("x\n", ""), ("x\n\n", "x\n"), ("x\n  + y\n", ""), ("x\n  + y\n", "x\n")],
)
def test_every_line_shape_reads_alike_both_ways(before: str, after: str) -> None:
    """Each start with each title, each start with each text, each title with each text,
    and each of them with each end: first, after a line break, an empty line and a relation,
    last and not."""
    for start, title, text in {
        *itertools.product(LINE_STARTS, LINE_TITLES, [""]),
        *itertools.product(LINE_STARTS, [""], LINE_TEXTS),
        *itertools.product([""], LINE_TITLES, LINE_TEXTS),
    }:
        for end in LINE_ENDS:
            tokens_both_ways(f"{before}{start}{title}{text}{end}{after}")


@pytest.mark.parametrize("size", [1, 30, 300])
def test_generated_debates_read_alike_both_ways(size: int) -> None:
    tokens_both_ways(loose.to_argdown(loose.generate(size)))
    tokens_both_ways(synthetic.to_argdown(synthetic.generate(size)))
    tokens_both_ways(synthetic.to_argdown(synthetic.generate(size), titled=False))


@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_corpus_reads_alike_both_ways(seed: int) -> None:
    tokens_both_ways(SEEDS[seed].decode())


@FUZZ
@given(text=common_lines | punctuation)
def test_random_lines_read_alike_both_ways(text: str) -> None:
    tokens_both_ways(text)


@FUZZ
@given(text=mutated)
def test_mutated_documents_read_alike_both_ways(text: str) -> None:
    tokens_both_ways(text)


# -- any valid map survives export and import ---------------------------------------

texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30).filter(str.strip)
keys = st.text(max_size=6)
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=6,
)
datas = st.dictionaries(keys | st.sampled_from(["argmap", "argdown", "title"]), values, max_size=3)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    count = draw(st.integers(1, 6))
    agent = Agent("ann", draw(texts))
    source = Source("src", draw(texts))
    two_langs = draw(st.booleans())
    statements = []
    for index in range(count):
        statements.append(
            Statement(
                f"s{index}" if draw(st.booleans()) else f"S.{index}_x",
                draw(texts),
                title=draw(st.none() | texts),
                tags=draw(st.lists(texts, max_size=3)),
                note=draw(st.none() | st.text(max_size=10)),
                by=draw(st.sampled_from([(), ("ann",)])),
                quotes=draw(st.sampled_from([(), (Citation("src", "a quote"),)])),
                status=draw(st.sampled_from([None, "assumed", "questioned"])),
                translations=[Translation("de", draw(texts))] if two_langs else [],
                data=draw(datas),
            )
        )
    ids = [s.id for s in statements]
    arguments: list[Argument] = []
    for number in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["support", "attack", "undercut"]))
        if kind == "undercut" and not arguments:
            kind = "attack"
        if kind == "support" and count < 2:
            kind = "attack"
        if kind == "support":  # premises after the target, so support never goes in circles
            target_index = draw(st.integers(0, count - 2))
            target = ids[target_index]
            pool = ids[target_index + 1 :]
        elif kind == "attack":
            target = draw(st.sampled_from(ids))
            pool = [i for i in ids if i != target] or ids
            if pool == [target]:
                continue
        else:
            target = draw(st.sampled_from([a.id for a in arguments]))
            pool = ids
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
        arguments.append(
            Argument(
                f"a{number}",
                premises,
                kind,  # type: ignore[arg-type]
                target,
                title=draw(st.none() | texts),
                note=draw(st.none() | texts),
                tags=draw(st.lists(texts, max_size=2)),
                data=draw(datas),
            )
        )
    members = [*ids, *(a.id for a in arguments)]
    groups = [
        Group(f"g{n}", draw(texts), draw(st.lists(st.sampled_from(members), max_size=4)))
        for n in range(draw(st.integers(0, 2)))
    ]
    return ArgumentMap(
        draw(texts),
        statements,
        arguments,
        agents=[agent],
        sources=[source],
        groups=groups,
        lang="en" if two_langs else None,
        other_langs=["de"] if two_langs else [],
        theses=draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)),
        description=draw(st.none() | texts),
        data=draw(datas),
    )


@FUZZ
@given(m=maps())
def test_any_valid_map_reads_back_equal(m: ArgumentMap) -> None:
    assert argmap.loads(argmap.dumps(m, "argdown"), format="argdown") == m


@FUZZ
@given(m=maps())
def test_an_exported_map_exports_the_same_again(m: ArgumentMap) -> None:
    text = argmap.dumps(m, "argdown")
    assert argmap.dumps(argmap.loads(text, format="argdown"), "argdown") == text


def test_a_map_argdown_cannot_hold_is_a_map_error_with_the_real_reason() -> None:
    m = ArgumentMap("t", [Statement("x" * 100_000, "S.")])
    with pytest.raises(MapError) as caught:
        argmap.dumps(m, "argdown")
    [issue] = caught.value.issues
    assert issue.code == "argdown-unwritable"
    assert issue.message.startswith(
        "this map cannot be written as Argdown that reads back the same (argdown-line-too-long: "
    )
    assert issue.message.endswith(
        "; change it, or export the map as YAML, JSON or AIF, which hold it as it is"
    )


def test_a_value_that_would_read_back_otherwise_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    write = importlib.import_module("argmap._argdown.write")

    m = ArgumentMap("t", [Statement("s", "S.")])
    # Every way of writing reads back with another text: the message names where.
    changed = ArgumentMap("t", [Statement("s", "S, changed.")])
    monkeypatch.setattr(write, "read", lambda text, file: changed)
    with pytest.raises(MapError) as caught:
        argmap.dumps(m, "argdown")
    assert str(caught.value) == (
        "statements/s/text: error: argdown-unwritable: Argdown cannot hold "
        "statements/s/text as it is: 'S.' would read back as 'S, changed.'; change it, or "
        "export the map as YAML, JSON or AIF, which hold it as it is"
    )


@pytest.mark.parametrize("text", ["a\u2028b", "a\u2029  b", "a\u2028\u2029 b\x85c"])
def test_yaml_s_other_line_breaks_in_a_title_round_trip(text: str) -> None:
    m = ArgumentMap(text, [Statement("s", f"S {text}.")])
    assert argmap.loads(argmap.dumps(m, "argdown"), format="argdown") == m


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "===\ntitle: a\ntitle: b\n===\n\n[s]: S.\n",
            "d.argdown:3:1: error: argdown-front-matter: front matter is not valid YAML: key "
            "'title' appears twice in the same mapping (first at line 2, column 1); YAML would "
            "silently keep only the last one: rename or merge them",
        ),
        (
            "[s]: S. {a: 1, a: 2}\n",
            "d.argdown:1:16: error: argdown-data: data '{...}' is not valid YAML: key 'a' "
            "appears twice in the same mapping (first at line 1, column 10); YAML would "
            "silently keep only the last one: rename or merge them",
        ),
    ],
)
def test_a_duplicate_key_in_embedded_yaml_names_both_places_in_the_file(
    text: str, expected: str
) -> None:
    with pytest.raises(MapError) as caught:
        argmap.loads(text, file="d.argdown")
    assert str(caught.value) == expected
