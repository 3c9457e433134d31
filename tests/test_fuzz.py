"""Fuzzing the YAML loader: every input gives a map or an ArgmapError, nothing else.

``make test`` runs a few hundred examples per property; ``make fuzz`` sets
``ARGMAP_FUZZ_EXAMPLES=10000``.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st
from strategies import fuzz, mutated_bytes

import argmap
from argmap import ArgmapError, ArgumentMap

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
