"""The JSON Schema of format version 1 agrees with the loader, and every shipped map names it."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from strategies import maps

import argmap
from argmap import ArgumentMap, MapError, _format, _yaml
from argmap.cli._scaffold import SCHEMA, scaffold, schema_reference
from argmap.model import ID_PATTERN, LANG_PATTERN, STATUSES

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "maps").rglob("*.yaml"))
EXAMPLES = sorted((ROOT / "docs" / "examples").rglob("*.yaml"))
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")
#: What the loader reports that a schema of one file cannot know: the map's own languages,
#: and comments (which a schema never sees).
BEYOND_THE_SCHEMA = {"missing-lang", "undeclared-lang", "text-cut-by-comment"}


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return loaded


def validator() -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(schema())


def as_editor_sees(text: str) -> Any:
    """A YAML map as plain data, as an editor's language server sees it: dates stay text.

    Read by argmap's own YAML reader (PyYAML refuses a '?' inside a flow
    mapping, which YAML allows and the maps use).
    """
    data, _, _ = _yaml.parse(text, "m.yaml")
    return _format._plain_value(data)


def schema_errors(document: Any) -> list[str]:
    return [error.message for error in validator().iter_errors(document)]


def structural_codes(path: Path) -> set[str]:
    """The codes argmap reports about one file's structure (not about the map as a whole)."""
    data, _, issues = _yaml.parse(path.read_text(encoding="utf-8"), str(path))
    built = _format.from_data(data)
    return {i.code for i in [*issues, *built.issues]} - {"duplicate-key"} - BEYOND_THE_SCHEMA


# -- the schema itself --------------------------------------------------------


def test_the_schema_is_valid_under_the_2020_12_metaschema() -> None:
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema())


def test_the_package_ships_the_schema() -> None:
    assert SCHEMA == ROOT / "argmap" / "schema" / "argmap-1.schema.json"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^argmap = \[.*"schema/\*\.json".*\]$', pyproject, re.M)


def described(node: dict[str, Any]) -> dict[str, Any]:
    """The properties of an object schema, each checked to carry a description."""
    properties: dict[str, Any] = node["properties"]
    for key, value in properties.items():
        shown = schema()["$defs"]["data"] if key == "data" else value
        assert shown.get("description"), f"key {key!r} has no description"
    return properties


def object_of(definition: str) -> dict[str, Any]:
    """A ``$defs`` entry: an object schema (which may also allow a text shorthand)."""
    node: dict[str, Any] = schema()["$defs"][definition]
    assert "object" in node["type"]
    return node


SECTIONS = [
    ("the map", schema, _format.TOP_KEYS),
    ("source", lambda: object_of("source"), _format.SOURCE_KEYS),
    ("agent", lambda: object_of("agent"), _format.AGENT_KEYS),
    ("statement", lambda: object_of("statement"), _format.STATEMENT_KEYS),
    ("argument", lambda: object_of("argument"), _format.ARGUMENT_KEYS),
    ("group", lambda: object_of("group"), _format.GROUP_KEYS),
    ("scheme", lambda: object_of("scheme"), _format.SCHEME_KEYS),
    ("quote", lambda: object_of("quote"), _format.CITATION_KEYS),
]


@pytest.mark.parametrize(("what", "node", "keys"), SECTIONS, ids=[s[0] for s in SECTIONS])
def test_the_schema_and_the_loader_know_the_same_keys_in_the_same_order(
    what: str, node: Any, keys: tuple[str, ...]
) -> None:
    found = node()
    assert tuple(described(found)) == keys
    assert found["additionalProperties"] is False, f"{what}: unknown keys must be refused"


def test_an_argument_has_exactly_one_of_the_target_keys() -> None:
    one_of = object_of("argument")["oneOf"]
    assert [tuple(branch["required"]) for branch in one_of] == [(k,) for k in _format.TARGET_KEYS]


def test_statuses_and_language_tags_are_the_models() -> None:
    status = object_of("statement")["properties"]["status"]
    assert status["enum"] == [*STATUSES, None]
    lang = schema()["$defs"]["lang"]["pattern"]
    assert lang == "^" + LANG_PATTERN.pattern.removesuffix(r"\Z") + "$"


ID_SAMPLES = [
    *(chr(c) for c in range(0x20, 0x7F)),
    *(chr(a) + b for a in range(0x20, 0x7F) for b in "a-_.9 /:#"),
    *"äöüßéñçøåæœ",
    *["straße", "größe-3", "αβγ", "москва", "東京", "القاهرة", "a.b_c-d", "1984", "2.5"],
    *["_draft", "-x", ".x", "a b", "§3", "a§", "a\tb", "«a»", "a×b", ""],
]


def test_the_id_pattern_is_the_models() -> None:
    pattern = re.compile(schema()["$defs"]["key"]["pattern"])
    disagree = [s for s in ID_SAMPLES if bool(pattern.search(s)) != bool(ID_PATTERN.match(s))]
    assert disagree == []


# -- shipped maps -------------------------------------------------------------


def test_there_are_maps_and_examples_to_validate() -> None:
    assert len(MAPS) >= 8
    assert len(EXAMPLES) >= 15


@pytest.mark.parametrize("path", [*MAPS, *EXAMPLES], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_file_validates_exactly_when_argmap_finds_its_structure_sound(path: Path) -> None:
    errors = schema_errors(as_editor_sees(path.read_text(encoding="utf-8")))
    assert bool(errors) == bool(structural_codes(path)), errors


def test_the_broken_example_is_refused_by_the_schema_too() -> None:
    path = ROOT / "docs" / "examples" / "broken.yaml"
    assert structural_codes(path) == {"unknown-key"}
    best = jsonschema.exceptions.best_match(
        validator().iter_errors(as_editor_sees(path.read_text(encoding="utf-8")))
    )
    assert best is not None
    assert best.message == "Additional properties are not allowed ('colour' was unexpected)"
    assert list(best.absolute_path) == ["statements", "break-commitments"]


def loadable(path: Path) -> ArgumentMap | None:
    try:
        return argmap.load(path)
    except MapError:
        return None


@pytest.mark.parametrize("path", [*MAPS, *EXAMPLES], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_canonical_json_and_yaml_of_every_map_validate(path: Path) -> None:
    m = loadable(path)
    if m is None:
        assert path.parent.name == "examples"  # a mistake shown in the docs
        return
    assert schema_errors(json.loads(argmap.dumps(m, "json"))) == []
    assert schema_errors(as_editor_sees(argmap.dumps(m))) == []


@settings(max_examples=150, deadline=None)
@given(maps())
def test_the_canonical_json_of_generated_maps_validates(m: ArgumentMap) -> None:
    assert schema_errors(json.loads(argmap.dumps(m, "json"))) == []


# -- maps argmap refuses for their structure ------------------------------------

HEAD = "argmap: 1\ntitle: T\n"
INVALID = [
    ("unknown-key", HEAD + "colour: red\n"),
    ("unknown-key", HEAD + "statements:\n  s: {text: S, colour: red}\n"),
    ("unknown-key", HEAD + "sources:\n  src: {title: X, data: {a: 1}}\n"),
    ("unknown-key", HEAD + "schemes:\n  sc: {name: N, roles: {a: A}}\n"),
    ("unknown-key", HEAD + "statements:\n  s: {text: S, quote: {source: x, text: t, page: 3}}\n"),
    ("missing-version", "title: T\n"),
    ("unsupported-version", "argmap: 2\ntitle: T\n"),
    ("unsupported-version", "argmap: '1'\ntitle: T\n"),
    ("missing-key", "argmap: 1\n"),
    ("missing-key", HEAD + "statements:\n  s: ''\n"),
    ("missing-key", HEAD + "statements:\n  s: {title: S}\n"),
    ("missing-key", HEAD + "statements:\n  s:\n"),
    ("missing-key", HEAD + "sources:\n  src: {author: A}\n"),
    ("missing-key", HEAD + "groups:\n  g: {members: [s]}\n"),
    ("missing-key", HEAD + "agents:\n  a: {description: D}\n"),
    ("wrong-type", HEAD + "statements: [s]\n"),
    ("wrong-type", HEAD + "statements:\n  s: [a, b]\n"),
    ("wrong-type", HEAD + "agents:\n  a: [x]\n"),
    ("wrong-type", HEAD + "arguments:\n  a: {premises: [s], supports: [t, u]}\n"),
    ("wrong-type", HEAD + "statements:\n  s: {text: S, quotes: {source: x, text: t}}\n"),
    ("wrong-type", HEAD + "statements:\n  s: {text: S, by: {a: b}}\n"),
    ("wrong-type", HEAD + "schemes:\n  sc: {name: N, questions: {q: [a]}}\n"),
    ("wrong-type", HEAD + "data: [1, 2]\n"),
    ("invalid-id", HEAD + "statements:\n  s 1: S\n"),
    ("invalid-id", HEAD + "statements:\n  _draft: S\n"),
    ("invalid-id", HEAD + "statements:\n  s: {text: S, by: a b}\n"),
    ("invalid-id", HEAD + "arguments:\n  a: {premises: [s], supports: '§3'}\n"),
    ("invalid-id", HEAD + "arguments:\n  a: {premises: {'x y': s}, supports: t}\n"),
    ("invalid-value", HEAD + "statements:\n  s: {text: S, status: maybe}\n"),
    ("invalid-value", HEAD + "lang: english\n"),
    ("invalid-value", HEAD + "lang: [en, en]\n"),
    ("missing-target", HEAD + "arguments:\n  a: {premises: [s]}\n"),
    ("multiple-targets", HEAD + "arguments:\n  a: {premises: [s], supports: t, attacks: u}\n"),
    ("no-premises", HEAD + "arguments:\n  a: {supports: t}\n"),
    ("no-premises", HEAD + "arguments:\n  a: {premises: [], supports: t}\n"),
    (
        "conflicting-keys",
        HEAD + "statements:\n  s:\n    text: S\n    quote: {source: x, text: t}\n"
        "    quotes: [{source: x, text: u}]\n",
    ),
]


@pytest.mark.parametrize(
    ("code", "text"), INVALID, ids=[f"{c}-{i}" for i, (c, _) in enumerate(INVALID)]
)
def test_a_map_argmap_refuses_for_its_structure_the_schema_refuses_too(
    code: str, text: str
) -> None:
    with pytest.raises(MapError) as caught:
        argmap.loads(text, file="m.yaml")
    assert code in {issue.code for issue in caught.value.issues}
    assert schema_errors(as_editor_sees(text)) != []


VALID_FORMS = [
    HEAD + "statements:\n  s: Just the text.\n  t: 1984\n",
    HEAD + "agents:\n  a: The name\n  b: {name: {en: B, de: B}}\nlang: [en, de]\n",
    HEAD + "statements:\n  s:\n    text: S\n    by: a\n    tags: economy\n    note:\n"
    "    status: assumed\n",
    HEAD + "arguments:\n  a: {premises: s, supports: t}\n  b: {premises: [s, u], attacks: t}\n"
    "  c: {premises: {expert: s, assertion: u}, undercuts: a, scheme: expert-opinion}\n",
    HEAD + "include: [common/a.yaml]\nsources:\n  src: {title: X, date: 2024-06-19}\n",
    HEAD
    + "statements:\n  s: {text: S, quotes: [{source: src, text: a}, {source: src, text: b}]}\n",
    HEAD + "data: {n: 3, nested: {list: [1, true, null]}}\ntheses: [s, 1984]\n",
    HEAD + "statements:\n  straße-3: Text.\n  größe: {text: Text, title: Größe}\n",
]


@pytest.mark.parametrize("text", VALID_FORMS)
def test_the_short_and_long_forms_argmap_reads_are_valid(text: str) -> None:
    data, _, issues = _yaml.parse(text, "m.yaml")
    assert issues == []
    assert _format.from_data(data).issues == []
    assert schema_errors(as_editor_sees(text)) == []


# -- modelines ------------------------------------------------------------------


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_shipped_map_names_the_schema_on_its_first_line(path: Path) -> None:
    found = MODELINE.match(path.read_text(encoding="utf-8"))
    assert found is not None, f"{path.name} does not start with the schema modeline"
    assert found[1] == schema_reference(path)
    assert (path.parent / found[1]).resolve() == SCHEMA


def test_the_map_argmap_new_writes_validates() -> None:
    text = scaffold("A new map", schema=schema_reference(ROOT / "maps" / "new.yaml"))
    assert schema_errors(as_editor_sees(text)) == []
