"""The fast YAML reader gives what libyaml's composer gives, or declines.

``argmap._yaml.parse`` reads plain block YAML with a reader of its own and
leaves everything else to the full reader (libyaml). Whatever the fast
reader accepts must come out exactly as the full reader reads it: the same
values, the same line and column for every node, no issue. Checked on the
shipped maps, constructs one by one, mutations of the shipped maps and
random documents as PyYAML writes them.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from strategies import fuzz, mutated_text

from argmap import _yaml
from argmap.errors import MapError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import synthetic  # noqa: E402 - bench/ is not a package

SHIPPED = sorted(
    [
        *(ROOT / "maps").glob("*.yaml"),
        *(ROOT / "maps" / "common").glob("*.yaml"),
        *(ROOT / "docs" / "examples").glob("*.yaml"),
        *(ROOT / "tests" / "corpora" / "carneades-yaml").glob("*.yml"),
    ]
)
FUZZ = fuzz(300)


def same_as_full(text: str) -> bool:
    """Whether the fast reader accepted ``text``; if so, its result equals the full reader's."""
    fast = _yaml.read_fast(text, "doc.yaml")
    if fast is None:
        return False
    data, positions, issues = _yaml.parse_full(text, "doc.yaml")
    assert issues == []
    assert fast[0] == data
    assert _types(fast[0]) == _types(data)
    assert fast[1] == positions
    return True


def _types(value: Any) -> Any:
    """The shape of parsed data with each scalar's type and resolved value."""
    if isinstance(value, dict):
        return {key: _types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_types(item) for item in value]
    return (type(value).__name__, getattr(value, "value", None), getattr(value, "tag", None))


def test_the_shipped_maps_are_read_fast_and_the_same() -> None:
    accepted = [path.name for path in SHIPPED if same_as_full(path.read_text(encoding="utf-8"))]
    for path in (ROOT / "maps").glob("*.yaml"):
        assert path.name in accepted  # the reader is made for maps like these


ACCEPTED = {
    "plain": "argmap: 1\ntitle: A title\n",
    "numbers and booleans": "a: 1\nb: 2.5\nc: yes\nd: ~\ne: null\nf: 0x1F\ng: 2024-06-19\n",
    "empty values": "a:\nb:   # nothing\nc:\n",
    "nested": "a:\n  b:\n    c: d\n  e: f\ng: h\n",
    "comments": "# head\na: b # tail\n  # indented comment\nc: d\n",
    "continued plain text": "a: one two\n  three four\n    five\nb: c\n",
    "single quoted": "a: 'it''s: here'\nb: 'x # y'\n",
    "single quoted over lines": "a: 'one\n  two ''three'''\nb: c\n",
    "double quoted": 'a: "x: y # z"\n',
    "double quoted over lines": 'a: "one\n  two"\n',
    "literal block": "a: |\n  one\n\n  two\n    indented\nb: |-\n  x\n  y\nc: d\n",
    "folded block": "a: >-\n  one\n  two\n\n  three\nb: >\n  x\n  # not a comment\nc: d\n",
    "flow list": "a: [x, y z, 1, 'q, r', \"s\"]\nb: []\n",
    "flow mapping": 'a: {source: s, text: "t: u", n: 3, l: [x]}\nb: {}\n',
    "list at the key's indentation": "a:\n- x\n- y\nb: c\n",
    "indented list": "a:\n  - x\n  - 'y'\nb: c\n",
    "list of mappings": "q:\n- s: 1\n  t:\n    u: v\n- {s: 2}\n- [w]\n- |\n  text\nr: x\n",
    "unicode": "straße-3: Größe ändert sich\nκλειδί: τιμή\n",
    "colons and hashes inside text": "a: http://x.org/a#b\nb: a:b c#d\n",
    "a synthetic map": synthetic.to_yaml(synthetic.generate(30)),
}

DECLINED = {
    "anchor and alias": "a: &x [1]\nb: *x\n",
    "tag": "a: !!python/object:os.system x\n",
    "merge key": "a: {x: 1}\n<<: {y: 2}\n",
    "duplicate key": "a: 1\na: 2\n",
    "tab": "a:\n\tb: c\n",
    "carriage return": "a: b\r\nc: d\r\n",
    "control character": "a: b\x07c\n",
    "byte order mark inside": "a: b\ufeffc\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "directive": "%YAML 1.1\n---\na: 1\n",
    "document end": "a: 1\n...\n",
    "indented root": "  a: 1\n",
    "root list": "- a\n",
    "root scalar": "just text\n",
    "empty": "",
    "only comments": "# nothing\n",
    "bad indentation": "a:\n    b: 1\n  c: 2\n",
    "colon in plain text": "a: b: c\n",
    "flow list over lines": "a: [x,\n  y]\n",
    "flow list left open": "a: [x, y\n",
    "nested flow too deep": "a: " + "[" * 20 + "]" * 20 + "\n",
    "block scalar keeping trailing lines": "a: |+\n  x\n\n",
    "block scalar with indentation indicator": "a: |2\n   x\n",
    "block scalar more indented in folded": "a: >\n  x\n    y\n",
    "blank line inside plain text": "a: x\n\n  y\n",
    "escape in double quotes": 'a: "x\\ty"\n',
    "complex key": "? a\n: b\n",
    "key with space before colon": "a : b\n",
    "empty list item": "a:\n-\n- b\n",
    "nested list": "a:\n- - b\n",
    "equals sign": "a: =\n",
    "text after closing quote": "a: 'b'c\n",
    "deep nesting": "".join(f"{' ' * i}k{i}:\n" for i in range(40)),
}


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_each_construct_is_read_fast_and_the_same(text: str) -> None:
    assert same_as_full(text)


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_other_yaml_is_left_to_libyaml(text: str) -> None:
    assert _yaml.read_fast(text, "doc.yaml") is None
    try:  # and the full reader takes it: a map, or the problem located
        _yaml.parse(text, "doc.yaml")
    except MapError as exc:
        assert all(issue.line is not None for issue in exc.issues)


def test_a_large_synthetic_map_is_read_fast_and_the_same() -> None:
    assert same_as_full(synthetic.to_yaml(synthetic.generate(statements=3000)))


def test_nodes_beyond_the_limit_are_left_to_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_yaml, "MAX_NODES", 50)
    text = "a:\n" + "".join(f"  k{i}: v\n" for i in range(30))
    assert _yaml.read_fast(text, "doc.yaml") is None
    with pytest.raises(MapError) as caught:
        _yaml.parse(text, "doc.yaml")
    assert caught.value.issues[0].code == "document-too-large"


SEED_TEXTS = [path.read_text(encoding="utf-8") for path in SHIPPED]
INSERTS = [
    ":", ": ", "- ", "\n", "\n  ", "\n- ", " ", "  ", "#", " #", "'", '"', "''", "[", "]",
    "{", "}", ",", "|", ">", "|-\n", ">-\n  x\n", "&a", "*a", "!", "~", "null", "1", "yes",
    "=", "<<", "\t", "\r", "\\", "?", "%", "---\n",
]  # fmt: skip


#: A shipped map with a few edits: where the fast reader's guesses would go wrong.
mutated = mutated_text(SEED_TEXTS, INSERTS)


@FUZZ
@given(text=mutated)
def test_mutated_maps_are_read_the_same_or_declined(text: str) -> None:
    same_as_full(text)


def test_mutations_are_mostly_read_fast() -> None:
    """The property above compares something: most mutants are accepted, deterministically."""
    rng = random.Random(5)
    accepted = 0
    for _ in range(300):
        text = list(rng.choice(SEED_TEXTS))
        where = int(rng.random() * len(text))
        text[where:where] = list(INSERTS[int(rng.random() * len(INSERTS))])
        accepted += same_as_full("".join(text))
    assert accepted > 100


words = st.text(st.sampled_from("abcdefgh xyz.,:'#-\"äö\n"), max_size=120)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.from_regex(r"[a-z][a-z0-9.-]{0,7}", fullmatch=True), inner, max_size=4)
    ),
    max_leaves=25,
)


@FUZZ
@given(
    document=st.dictionaries(
        st.from_regex(r"[a-z][a-z0-9_-]{0,7}", fullmatch=True), values, min_size=1, max_size=4
    ),
    width=st.sampled_from([20, 40, 100]),
    flow=st.sampled_from([False, None]),
    style=st.sampled_from([None, None, "'", '"', "|", ">"]),
)
def test_documents_as_pyyaml_writes_them(
    document: dict[str, Any], width: int, flow: bool | None, style: str | None
) -> None:
    text = yaml.safe_dump(
        document,
        allow_unicode=True,
        sort_keys=False,
        width=width,
        default_flow_style=flow,
        default_style=style,
    )
    same_as_full(text)


def test_the_typed_first_characters_are_pyyaml_s() -> None:
    resolvers = yaml.CSafeLoader.yaml_implicit_resolvers
    assert frozenset(first for first in resolvers if first) == _yaml._TYPED


def pyyaml_resolve(text: str) -> str:
    loader = yaml.CSafeLoader("")
    tag: str = loader.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag


SCALARS = [
    *("yes", "no", "true", "false", "on", "off", "y", "n", "Yes", "YES", "yEs"),
    *("TRUE", "False", "OFF", "Off", "oN", "null", "Null", "NULL", "nULL", "~", "", "none"),
    *("0", "1", "42", "007", "0x1F", "0o17", "0b101", "1_000", "1:30", "+1", "-1", "1.5", "1e3"),
    *("1.0e+3", ".5", ".inf", "-.inf", ".nan", ".NaN", "2024-06-19", "2024-06-19 10:00:00"),
    *("2024-6-1", "12345678901234567890", "Tom", "Nobody", "Yesterday", "off-line", "=", "<<"),
    *("<", "&x", "*x", "!x", "-", "+", ".", "Ö", "9 lives", "3 o'clock", "1984"),
    *("../a.txt", "./b", ".5", "._1", ".i", ".Inf", ".x", "2024-13-45", "2024-06-19x"),
]


@pytest.mark.parametrize("text", SCALARS)
def test_scalars_are_typed_as_pyyaml_types_them(text: str) -> None:
    tag = _yaml._resolve(text)
    assert tag == pyyaml_resolve(text)
    if tag in _yaml._SCALAR_TAGS:
        value = _yaml._scalar(text, tag)
        if tag.endswith(("int", "float", "bool", "null")):
            expected = yaml.load(text, Loader=yaml.CSafeLoader) if text else None
            assert repr(getattr(value, "value", value)) == repr(expected)
        else:
            assert value == text


@FUZZ
@given(text=st.text(st.sampled_from("0123456789+-._:eEnNtTyYoOfFaAlsux~ /iI"), max_size=12))
def test_random_scalars_are_typed_as_pyyaml_types_them(text: str) -> None:
    assert _yaml._resolve(text) == pyyaml_resolve(text)


def test_plain_maps_are_read_without_pyyaml() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, argmap\n"
            f"argmap.load({str(ROOT / 'maps' / 'china.yaml')!r})\n"
            "print('yaml' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out == "False\n"


@pytest.mark.parametrize("other", ["", "note: 'a\tb'\n"])
@pytest.mark.parametrize("brk", ["\u2028", "\u2029"])
def test_yaml_s_other_line_breaks_read_the_same_whatever_else_the_file_holds(
    other: str, brk: str
) -> None:
    """U+2028 and U+2029 are line breaks to YAML: the fast reader leaves them to libyaml."""
    text = f"argmap: 1\ntitle: 'a{brk}  b'\n{other}"
    assert _yaml.read_fast(text, "doc.yaml") is None
    assert _yaml.parse(text, "doc.yaml")[0]["title"] == f"a{brk}b"


def test_json_to_yaml_and_back_keeps_yaml_s_other_line_breaks() -> None:
    import argmap

    text = '{"argmap": 1, "title": "a\\u2028b", "statements": {"s": "x\\u2029y"}}'
    m = argmap.loads(text, format="json")
    again = m
    for _ in range(3):
        again = argmap.loads(argmap.dumps(again, "yaml"))
        again = argmap.loads(argmap.dumps(again, "json"), format="json")
    assert again == m
    assert (again.title, again.statements["s"].text) == ("a\u2028b", "x\u2029y")


def test_a_flow_mapping_key_libyaml_refuses_is_declined() -> None:
    text = "argmap: 1\ntitle: t\nx: {" + "k" * 1100 + ": v}\n"
    assert _yaml.read_fast(text, "doc.yaml") is None
    with pytest.raises(MapError) as caught:
        _yaml.parse(text, "doc.yaml")
    assert caught.value.issues[0].code == "yaml-syntax"
