"""Fuzzing the readers and writers: every input gives a map or an ArgmapError, nothing else.

The YAML, JSON and AIF readers take random and damaged text; the Argdown,
AIF, JSON and YAML writers take random maps, and what they write reads back
equal (or they refuse the map with a MapError); the fast YAML reader reads
random and damaged documents exactly as libyaml does, or leaves them to it.

``make test`` runs a few hundred examples per property; ``make fuzz`` sets
``ARGMAP_FUZZ_EXAMPLES=10000``.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st
from strategies import fuzz, maps, mutated_bytes, mutated_text

import argmap
from argmap import ArgmapError, ArgumentMap, MapError, _yaml
from argmap._names import ReadFormat

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "corpora"
FUZZ = fuzz(200)

SEEDS = sorted(
    [
        *(ROOT / "maps").glob("*.yaml"),
        *(ROOT / "docs" / "examples").glob("*.yaml"),
        *(CORPORA / "carneades-yaml").glob("*.yml"),
    ]
)
SEED_TEXTS = [path.read_bytes() for path in SEEDS]

# Words of the format, so random documents get past the first key often.
KEYS = [
    "argmap", "title", "lang", "theses", "sources", "agents", "statements", "arguments",
    "schemes", "groups", "include", "text", "by", "quote", "quotes", "source", "premises",
    "supports", "attacks", "undercuts", "answers", "scheme", "status", "tags", "note",
    "members", "name", "file", "a", "b", "s1", "en", "de",
]  # fmt: skip
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(KEYS)
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=40,
)


def load_or_refuse(text: str, tmp: Path) -> ArgumentMap | None:
    """The loader's only two outcomes: a map, or an ArgmapError."""
    try:
        m = argmap.loads(text, file=str(tmp / "fuzzed.yaml"))
    except ArgmapError:
        return None
    argmap.check(m)  # checking a loaded map never raises
    return m


@FUZZ
@given(document=documents)
def test_random_documents(document: object) -> None:
    text = yaml.safe_dump({"argmap": 1, "title": "t", "x": document}, allow_unicode=True)
    load_or_refuse(text, Path("."))
    load_or_refuse(yaml.safe_dump(document, allow_unicode=True), Path("."))


@FUZZ
@given(text=st.text(max_size=300))
def test_random_text(text: str) -> None:
    load_or_refuse(text, Path("."))


#: A shipped map or corpus file with a few random edits to its bytes.
mutated = mutated_bytes(SEED_TEXTS, [b":", b"- ", b"\n  ", b"&a", b"*a", b"{", b"["])


def test_there_are_seeds_to_mutate() -> None:
    assert len(SEEDS) >= 4


@FUZZ
@given(text=mutated)
def test_mutated_maps(text: str) -> None:
    load_or_refuse(text, ROOT / "maps")


# -- the JSON and AIF readers -----------------------------------------------------

JSON_SEEDS = [
    argmap.dumps(argmap.load(path), "json").encode("utf-8")
    for path in sorted((ROOT / "maps").glob("*.yaml"))[:4]
]
AIF_SEEDS = [path.read_bytes() for path in sorted(CORPORA.glob("aif/*/*.json"))[:8]]
JSON_FRAGMENTS = [b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\u0000", b"1e400", b"-0", b"null"]


@FUZZ
@given(text=mutated_bytes(JSON_SEEDS, JSON_FRAGMENTS))
def test_mutated_json_maps(text: str) -> None:
    load_or_refuse_as(text, "fuzzed.json", None)
    load_or_refuse_as(text, "fuzzed", "json")


@FUZZ
@given(text=mutated_bytes(AIF_SEEDS, JSON_FRAGMENTS))
def test_mutated_aif_files(text: str) -> None:
    load_or_refuse_as(text, "fuzzed.json", None)
    load_or_refuse_as(text, "fuzzed", "aif")


@FUZZ
@given(text=st.text(st.sampled_from('{}[],:"0123456789.eE-+ \nabtrufnl\\'), max_size=200))
def test_random_json_text(text: str) -> None:
    load_or_refuse_as(text, "fuzzed.json", None)
    load_or_refuse_as(text, "fuzzed", "aif")


def load_or_refuse_as(text: str, file: str, format: ReadFormat | None) -> None:
    """Reading as ``format`` (or by name and content) gives a map or an ArgmapError."""
    try:
        m = argmap.loads(text, file=file, format=format)
    except ArgmapError:
        return
    argmap.check(m)


# -- the Argdown and AIF writers: what they write reads back equal, or is refused --


@FUZZ
@given(m=maps(), format=st.sampled_from(["argdown", "aif", "json", "yaml"]))
def test_written_maps_read_back_equal_or_are_refused(m: ArgumentMap, format: str) -> None:
    try:
        text = argmap.dumps(m, format)  # type: ignore[arg-type]  # one of the four
    except MapError:
        return  # a map with errors, or one the format cannot hold: said so
    assert argmap.loads(text, format=format, check=False) == m  # type: ignore[arg-type]


# -- the fast YAML reader against libyaml: the same data, or it declines -----------

YAML_PIECES = [
    "a", "b", "key", ": ", ":", "- ", "\n", "\n  ", "\n    ", " ", "  ", "#", " #", "'", '"',
    "[", "]", "{", "}", ", ", "|", ">", "|-", ">+", "\\", "?", "%", "~", "null", "1", "0x1",
    ".inf", "yes", "=", "<<", "&a ", "*a", "!", "@", "`", "---", "...", "\u2028", "\u2029",
    "\x85", "\u00a0", "é", "\t", "\r", "x" * 1100,
]  # fmt: skip
YAML_SEEDS = [path.read_text(encoding="utf-8") for path in SEEDS]


@FUZZ
@given(
    text=st.lists(st.sampled_from(YAML_PIECES), max_size=30).map(
        lambda pieces: "argmap: 1\ntitle: t\n" + "".join(pieces)
    )
    | mutated_text(YAML_SEEDS, YAML_PIECES)
)
def test_the_fast_yaml_reader_reads_as_libyaml_does_or_declines(text: str) -> None:
    fast = _yaml.read_fast(text, "doc.yaml")
    if fast is None:
        return
    data, positions, issues = _yaml.parse_full(text, "doc.yaml")  # MapError: libyaml refuses
    assert (fast[0], fast[1], issues) == (data, positions, [])
