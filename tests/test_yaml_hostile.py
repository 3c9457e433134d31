"""A battery of broken and hostile YAML map files: each gives its exact code and place.

Every case is written to a file, loaded through :func:`argmap.load` and
checked through the command line: the result is an ``ArgmapError`` naming
code, line and column, and ``argmap check`` exits 1 without a traceback.
The cases given as text, and needing no other file, also go through
:func:`argmap.loads`, with the same result.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from argmap import ArgmapError, MapError, SourceFileError
from argmap.cli import main

HEAD = "argmap: 1\ntitle: t\n"
S = HEAD + "statements:\n  a: A.\n  b: B.\n"  # two statements to argue with

Expected = list[tuple[str, int | None, int | None]]
Content = str | bytes | Callable[[Path], bytes]

CASES: list[tuple[str, Content, Expected]] = [
    # -- YAML syntax -----------------------------------------------------------------
    ("unclosed-flow-list", HEAD + "theses: [a\n", [("yaml-syntax", 4, 1)]),
    ("unclosed-flow-map", HEAD + "agents: {a: A\n", [("yaml-syntax", 4, 1)]),
    ("unclosed-quote", HEAD + 'description: "open\n', [("yaml-syntax", 4, 1)]),
    ("bad-indentation", "argmap: 1\n  title: t\n", [("yaml-syntax", 2, 8)]),
    ("colon-in-plain-text", HEAD + "description: a: b\n", [("yaml-syntax", 3, 15)]),
    ("tab-indentation", HEAD + "statements:\n\ta: A\n", [("yaml-syntax", 4, 1)]),
    ("tab-before-top-key", HEAD + "\tstatements: {}\n", [("yaml-syntax", 3, 1)]),
    ("unclosed-title-list", "argmap: 1\ntitle: [t\n", [("yaml-syntax", 3, 1)]),
    ("two-documents", HEAD + "---\nargmap: 1\n", [("yaml-syntax", 3, 1)]),
    ("undefined-alias", HEAD + "description: *nowhere\n", [("yaml-syntax", 3, 14)]),
    ("stray-dash", HEAD + "- item\n", [("yaml-syntax", 3, 1)]),
    # -- the document as a whole -----------------------------------------------------
    ("empty-file", "", [("empty-document", 1, 1)]),
    ("only-comments", "# nothing here\n", [("empty-document", 1, 1)]),
    ("top-level-list", "- argmap: 1\n", [("wrong-type", 1, 1)]),
    ("top-level-scalar", "just text\n", [("wrong-type", 1, 1)]),
    ("no-version", "title: t\n", [("missing-version", 1, 1)]),
    ("future-version", "argmap: 2\ntitle: t\n", [("unsupported-version", 1, 9)]),
    ("version-zero", "argmap: 0\ntitle: t\n", [("unsupported-version", 1, 9)]),
    ("version-as-text", "argmap: one\ntitle: t\n", [("unsupported-version", 1, 9)]),
    ("version-as-float", "argmap: 1.0\ntitle: t\n", [("unsupported-version", 1, 9)]),
    ("version-huge", "argmap: 9" + "9" * 5000 + "\ntitle: t\n", [("unsupported-version", 1, 9)]),
    ("version-null", "argmap:\ntitle: t\n", [("unsupported-version", 1, 8)]),
    ("no-title", "argmap: 1\n", [("missing-key", 1, 1)]),
    ("empty-title", "argmap: 1\ntitle: ''\n", [("missing-key", 2, 8)]),
    ("unknown-top-key", HEAD + "statments: {}\n", [("unknown-key", 3, 1)]),
    ("duplicate-top-key", HEAD + "title: again\n", [("duplicate-key", 3, 1)]),
    # -- wrong types, key by key -----------------------------------------------------
    ("title-list", "argmap: 1\ntitle: [t]\n", [("wrong-type", 2, 1)]),
    (
        "description-by-language-without-lang",
        HEAD + "description: {a: b}\n",
        [("missing-lang", 3, 1)],
    ),
    ("lang-bad-tag", HEAD + "lang: english\n", [("invalid-value", 3, 7)]),
    ("theses-map", HEAD + "theses: {a: b}\n", [("wrong-type", 3, 1)]),
    ("sources-list", HEAD + "sources: [a]\n", [("wrong-type", 3, 1)]),
    ("source-no-title", HEAD + "sources:\n  s: {file: x.txt}\n", [("missing-key", 4, 3)]),
    ("source-file-list", HEAD + "sources:\n  s: {title: S, file: [x]}\n", [("wrong-type", 4, 17)]),
    ("agents-scalar", HEAD + "agents: nobody\n", [("wrong-type", 3, 9)]),
    ("agent-no-name", HEAD + "agents:\n  a: {description: d}\n", [("missing-key", 4, 3)]),
    ("statements-list", HEAD + "statements: [a, b]\n", [("wrong-type", 3, 1)]),
    ("statement-null", HEAD + "statements:\n  a:\n", [("missing-key", 4, 5)]),
    ("statement-number", HEAD + "statements:\n  a: 42\n", []),  # valid: the text "42"
    ("statement-text-list", HEAD + "statements:\n  a: {text: [x]}\n", [("wrong-type", 4, 7)]),
    (
        "statement-text-list-block",
        HEAD + "statements:\n  s1:\n    text: [x]\n",
        [("wrong-type", 5, 5)],
    ),
    ("statement-title-only", HEAD + "statements:\n  s1: {title: x}\n", [("missing-key", 4, 3)]),
    (
        "statement-title-map",
        HEAD + "statements:\n  a: {text: x, title: {b: c}}\n",
        [("missing-lang", 4, 16)],
    ),
    (
        "statement-by-map",
        HEAD + "statements:\n  a: {text: x, by: {b: c}}\n",
        [("wrong-type", 4, 16)],
    ),
    (
        "statement-tags-nested",
        HEAD + "statements:\n  a: {text: x, tags: [[t]]}\n",
        [("wrong-type", 4, 23)],
    ),
    (
        "statement-status-bad",
        HEAD + "statements:\n  a: {text: x, status: maybe}\n",
        [("invalid-value", 4, 24)],
    ),
    (
        "statement-unknown-key",
        HEAD + "statements:\n  a: {text: x, colour: red}\n",
        [("unknown-key", 4, 16)],
    ),
    ("quote-scalar", HEAD + "statements:\n  a: {text: x, quote: hello}\n", [("wrong-type", 4, 23)]),
    (
        "quote-no-source",
        HEAD + "statements:\n  a: {text: x, quote: {text: q}}\n",
        [("missing-key", 4, 16)],
    ),
    (
        "quotes-not-list",
        HEAD + "statements:\n  a: {text: x, quotes: {source: s}}\n",
        [("wrong-type", 4, 16)],
    ),
    (
        "quote-and-quotes",
        HEAD + "statements:\n  a:\n    text: x\n    quote: {source: s, text: q}\n    quotes: []\n",
        [("conflicting-keys", 7, 5)],
    ),
    (
        "quote-and-quotes-block",
        HEAD + "statements:\n  s1:\n    text: S\n    quote: {source: x, text: q}\n    quotes: []\n",
        [("conflicting-keys", 7, 5)],
    ),
    (
        "argument-no-target-one-statement",
        HEAD + "statements:\n  s1: S\narguments:\n  a: {premises: [s1]}\n",
        [("missing-target", 6, 3)],
    ),
    (
        "argument-no-premises-key-one-statement",
        HEAD + "statements:\n  s1: S\narguments:\n  a: {supports: s1}\n",
        [("no-premises", 6, 3)],
    ),
    (
        "argument-two-targets-longer-ids",
        HEAD + "statements:\n  s1: S\n  s2: T\n"
        "arguments:\n  a: {premises: [s1], supports: s2, attacks: s2}\n",
        [("multiple-targets", 7, 37)],
    ),
    (
        "argument-empty-premises-longer-ids",
        HEAD + "statements:\n  s1: S\n  s2: T\narguments:\n  a: {premises: [], supports: s2}\n",
        [("no-premises", 7, 7)],
    ),
    ("arguments-list", S + "arguments: [x]\n", [("wrong-type", 6, 1)]),
    ("argument-scalar", S + "arguments:\n  x: a\n", [("wrong-type", 7, 6)]),
    ("argument-no-target", S + "arguments:\n  x: {premises: [a]}\n", [("missing-target", 7, 3)]),
    (
        "argument-two-targets",
        S + "arguments:\n  x: {premises: [a], supports: b, attacks: b}\n",
        [("multiple-targets", 7, 35)],
    ),
    (
        "argument-target-list",
        S + "arguments:\n  x: {premises: [a], supports: [b]}\n",
        [("wrong-type", 7, 22)],
    ),
    ("argument-no-premises-key", S + "arguments:\n  x: {supports: b}\n", [("no-premises", 7, 3)]),
    (
        "argument-empty-premises",
        S + "arguments:\n  x: {premises: [], supports: b}\n",
        [("no-premises", 7, 7)],
    ),
    (
        "argument-premise-null",
        S + "arguments:\n  x: {premises: [~], supports: b}\n",
        [("wrong-type", 7, 18)],
    ),
    # -- ids ------------------------------------------------------------------------------
    ("id-with-space", HEAD + "statements:\n  a b: A\n", [("invalid-id", 4, 3)]),
    ("id-with-space-before-digit", HEAD + "statements:\n  s 1: x\n", [("invalid-id", 4, 3)]),
    ("id-with-angle", HEAD + "statements:\n  <script>: A\n", [("invalid-id", 4, 3)]),
    ("id-leading-dash", HEAD + "statements:\n  -a: A\n", [("invalid-id", 4, 3)]),
    (
        "premise-invalid-id",
        S + "arguments:\n  x: {premises: ['a/b'], supports: b}\n",
        [("invalid-id", 7, 18)],
    ),
    (
        "unknown-premise",
        S + "arguments:\n  x: {premises: [c], supports: b}\n",
        [("unknown-statement", 7, 18)],
    ),
    (
        "misspelt-target",
        S + "arguments:\n  x: {premises: [a], supports: bb}\n",
        [("unknown-statement", 7, 32)],
    ),
    (
        "unknown-undercut",
        S + "arguments:\n  x: {premises: [a], undercuts: y}\n",
        [("unknown-argument", 7, 33)],
    ),
    ("unknown-thesis", S + "theses: [z]\n", [("unknown-statement", 6, 10)]),
    (
        "unknown-agent",
        HEAD + "statements:\n  a: {text: x, by: nobody}\n",
        [("unknown-agent", 4, 20)],
    ),
    (
        "unknown-source",
        HEAD + "statements:\n  a: {text: x, quote: {source: s, text: q}}\n",
        [("unknown-source", 4, 32)],
    ),
    ("duplicate-statement", S + "  a: Again.\n", [("duplicate-key", 6, 3)]),
    (
        "statement-and-argument-id",
        S + "arguments:\n  a: {premises: [b], supports: b}\n",
        [("duplicate-id", 7, 3), ("self-target", 7, 32)],
    ),
    (
        "self-undercut",
        S + "arguments:\n  x: {premises: [a], undercuts: x}\n",
        [("self-undercut", 7, 33)],
    ),
    (
        "duplicate-premise",
        S + "arguments:\n  x: {premises: [a, a], supports: b}\n",
        [("duplicate-premise", 7, 21)],
    ),
    # -- tags, aliases and size ------------------------------------------------------------
    (
        "python-object-tag",
        HEAD + "description: !!python/object/apply:os.system [ls]\n",
        [("unsupported-tag", 3, 14)],
    ),
    (
        "python-name-tag",
        HEAD + "description: !!python/name:os.system ''\n",
        [("unsupported-tag", 3, 14)],
    ),
    (
        "python-object-tag-on-title",
        "argmap: 1\ntitle: !!python/object:os.system t\n",
        [("unsupported-tag", 2, 8)],
    ),
    ("local-tag", HEAD + "description: !shell ls\n", [("unsupported-tag", 3, 14)]),
    ("set-tag", HEAD + "theses: !!set {a: null}\n", [("unsupported-tag", 3, 9)]),
    ("binary-tag", HEAD + "description: !!binary aGVsbG8=\n", [("unsupported-tag", 3, 14)]),
    (
        "merge-key",
        HEAD + "agents:\n  a: &a {name: A}\n  b:\n    <<: *a\n",
        [("missing-key", 5, 3), ("unsupported-tag", 6, 5)],
    ),
    ("recursive-alias", HEAD + "description: &d [*d]\n", [("recursive-alias", 3, 14)]),
    ("recursive-alias-title", "argmap: 1\ntitle: &t [*t]\n", [("recursive-alias", 2, 8)]),
    (
        "alias-bomb",
        HEAD
        + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)),
        [("document-too-large", 9, 5)],
    ),
    (
        "nesting-10000",
        lambda _: (HEAD + "description: " + "[" * 10000 + "]" * 10000).encode(),
        [("yaml-syntax", 3, 1013)],
    ),
    (
        "nesting-block-100",
        lambda _: (HEAD + "".join(f"{' ' * i}k{i}:\n" for i in range(100))).encode(),
        [("too-deep", 68, 66)],
    ),
    # -- bytes ------------------------------------------------------------------------------
    ("latin-1", b"argmap: 1\ntitle: Gr\xfc\xdfe\n", [("not-utf8", 2, 10)]),
    ("binary-junk", bytes(range(256)) * 4, [("not-utf8", 2, 118)]),
    ("nul-bytes", b"argmap: 1\ntitle: t\x00\n", [("yaml-syntax", 2, 9)]),
    ("utf16", "argmap: 1\ntitle: t\n".encode("utf-16"), [("not-utf8", 1, 1)]),
    ("bom-then-error", "\ufeffargmap: 1\ntitle: [t\n".encode(), [("yaml-syntax", 3, 1)]),
    ("control-character", HEAD + "description: a\x07b\n", [("yaml-syntax", 3, 15)]),
    # -- includes ---------------------------------------------------------------------------
    ("include-self", "argmap: 1\ntitle: t\ninclude: {name}\n", [("include-cycle", 3, 10)]),
    (
        "include-outside",
        "argmap: 1\ntitle: t\ninclude: ../../etc/passwd\n",
        [("include-outside", 3, 10)],
    ),
    (
        "include-absolute",
        "argmap: 1\ntitle: t\ninclude: /etc/hostname\n",
        [("include-outside", 3, 10)],
    ),
    ("include-missing", "argmap: 1\ntitle: t\ninclude: nope.yaml\n", [("file-not-found", 3, 10)]),
    ("include-list-of-maps", "argmap: 1\ntitle: t\ninclude: [{a: b}]\n", [("wrong-type", 3, 11)]),
]


def write_case(tmp_path: Path, name: str, content: Content) -> Path:
    folder = tmp_path / "maps" / "sub"
    folder.mkdir(parents=True)
    path = folder / f"{name}.yaml"
    if callable(content):
        data = content(path)
    elif isinstance(content, str):
        data = content.replace("{name}", path.name).encode("utf-8")
    else:
        data = content
    path.write_bytes(data)
    return path


def issues_of(path: Path) -> Expected:
    try:
        argmap.load(path)
    except MapError as exc:
        return [(i.code, i.line, i.column) for i in exc.issues]
    except SourceFileError as exc:
        return [(exc.issue.code, exc.issue.line, exc.issue.column)]
    return []


def test_the_battery_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({name for name, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_bad_input_gives_its_code_and_place(
    tmp_path: Path, name: str, content: Content, expected: Expected
) -> None:
    path = write_case(tmp_path, name, content)
    assert issues_of(path) == expected


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_cli_exits_1_without_a_traceback(
    tmp_path: Path, name: str, content: Content, expected: Expected
) -> None:
    path = write_case(tmp_path, name, content)
    out, err = io.StringIO(), io.StringIO()
    status = main(["check", str(path)], stdout=out, stderr=err)
    assert status == (1 if expected else 0)
    assert "Traceback" not in err.getvalue()
    for code, line, column in expected:
        where = ":".join(str(p) for p in (path, line, column) if p is not None)
        assert f"{where}: error: {code}: " in err.getvalue()


#: The cases that are text and stand alone: no file to include.
TEXTS = [case for case in CASES if isinstance(case[1], str) and "include:" not in case[1]]


@pytest.mark.parametrize(("name", "content", "expected"), TEXTS, ids=[c[0] for c in TEXTS])
def test_loads_gives_the_same_code_and_place_as_load(
    name: str, content: str, expected: Expected
) -> None:
    try:
        argmap.loads(content, file=f"{name}.yaml")
    except MapError as exc:
        assert [(i.code, i.line, i.column) for i in exc.issues] == expected
    else:
        assert expected == []


def test_a_50_mb_string_loads_as_text(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(HEAD + "statements:\n  a: " + "x" * 50_000_000 + "\n", encoding="utf-8")
    m = argmap.load(path, check=False)
    assert len(m.statements["a"].text) == 50_000_000


def test_every_failure_is_an_argmap_error(tmp_path: Path) -> None:
    for name, content, expected in CASES:
        path = write_case(tmp_path / name, name, content)
        try:
            argmap.load(path)
        except ArgmapError:
            pass
        else:
            assert not expected, name


def bytes_bomb(length: int, aliases: int) -> str:
    """One long text anchored once and aliased by many statements: few values, much text."""
    statements = "".join(f"  s{i}: *big\n" for i in range(1, aliases))
    return f"argmap: 1\ntitle: t\nstatements:\n  s0: &big {'x' * length}\n{statements}"


def test_an_alias_bomb_by_bytes_is_refused_before_it_is_expanded() -> None:
    with pytest.raises(MapError) as caught:
        argmap.loads(bytes_bomb(1_000_000, 2000), file="bomb.yaml")
    assert str(caught.value) == (
        "bomb.yaml:4:3: error: document-too-large: the document expands to more than "
        "100,000,000 characters of text (anchors and aliases are expanded); drop the aliases, "
        "or set the environment variable ARGMAP_MAX_EXPANDED_CHARS to a larger number to "
        "allow more"
    )


def test_the_expanded_size_limit_can_be_raised_or_lowered(monkeypatch: pytest.MonkeyPatch) -> None:
    small = bytes_bomb(1000, 20)
    assert len(argmap.loads(small, check=False).statements) == 20
    monkeypatch.setenv("ARGMAP_MAX_EXPANDED_CHARS", "10000")
    with pytest.raises(MapError, match="more than 10,000 characters of text"):
        argmap.loads(small, check=False)
    monkeypatch.setenv("ARGMAP_MAX_EXPANDED_CHARS", "30000")
    assert len(argmap.loads(small, check=False).statements) == 20
