"""Canonical JSON: the YAML format's data model as JSON, lossless both ways, errors located."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from helpers import round_trip
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import maps

import argmap
from argmap import Argument, ArgumentMap, Citation, MapError, Statement, _format, _json, _jsonpos

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(
    [
        *ROOT.glob("maps/*.yaml"),
        *ROOT.glob("maps/*/*.yaml"),
        *ROOT.glob("docs/examples/*.yaml"),
    ]
)


def loadable(path: Path) -> bool:
    try:
        argmap.load(path)
    except MapError:
        return False  # an example of a mistake, shown in the docs
    return True


VALID = [path for path in SHIPPED if loadable(path)]


def problems(text: str, file: str = "map.json") -> list[tuple[str, str, int | None, int | None]]:
    """(code, message, line, column) of every issue reading ``text`` as a JSON file."""
    with pytest.raises(MapError) as caught:
        argmap.loads(text, file=file)
    assert all(issue.file == file for issue in caught.value.issues)
    return [(i.code, i.message, i.line, i.column) for i in caught.value.issues]


# -- writing ------------------------------------------------------------------


def test_the_document_is_the_yaml_data_model_in_its_order() -> None:
    m = ArgumentMap(
        "Größe",
        [
            Statement("s1", "„Die Straße“ – ß", by=["a"], tags=["x"], data={"n": 3}),
            Statement("s2", "Two.", quotes=[Citation("src", "Zitat")]),
        ],
        [Argument("arg", ["s1"], "attack", "s2")],
        lang="de",
    )
    assert argmap.dumps(m, "json") == (
        "{\n"
        '  "argmap": 1,\n'
        '  "title": "Größe",\n'
        '  "lang": "de",\n'
        '  "statements": {\n'
        '    "s1": {\n'
        '      "text": "„Die Straße“ – ß",\n'
        '      "by": "a",\n'
        '      "tags": [\n'
        '        "x"\n'
        "      ],\n"
        '      "data": {\n'
        '        "n": 3\n'
        "      }\n"
        "    },\n"
        '    "s2": {\n'
        '      "text": "Two.",\n'
        '      "quote": {\n'
        '        "source": "src",\n'
        '        "text": "Zitat"\n'
        "      }\n"
        "    }\n"
        "  },\n"
        '  "arguments": {\n'
        '    "arg": {\n'
        '      "premises": [\n'
        '        "s1"\n'
        "      ],\n"
        '      "attacks": "s2"\n'
        "    }\n"
        "  }\n"
        "}\n"
    )


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_json_holds_exactly_what_yaml_holds(path: Path) -> None:
    m = argmap.load(path)
    assert json.loads(argmap.dumps(m, "json")) == json.loads(json.dumps(_format.to_data(m)))
    assert argmap.dumps(m, "json") == _json.dumps(m)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_shipped_maps_survive_json_both_ways(path: Path) -> None:
    m = argmap.load(path)
    again = round_trip(m, "json")
    assert argmap.dumps(again) == argmap.dumps(m)  # YAML -> JSON -> YAML: the same text


def test_the_shipped_maps_and_examples_are_all_tried() -> None:
    assert len(VALID) >= 20
    assert {p.name for p in SHIPPED} - {p.name for p in VALID} == {
        "broken.yaml",
        "duplicate-key.yaml",
        "faithful-mistakes.yaml",
        "lindenau-3-typo.yaml",
        "scheme-mistakes.yaml",
    }


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(maps(), st.dictionaries(st.text(max_size=6), json_values, max_size=4))
def test_generated_maps_survive_json(m: ArgumentMap, data: dict[str, Any]) -> None:
    first = next(iter(m.statements.values()))
    m = attrs.evolve(
        m,
        data=data,
        statements=[attrs.evolve(first, data=data), *list(m.statements.values())[1:]],
    )
    text = argmap.dumps(m, "json")
    assert argmap.loads(text, format="json", check=False) == m
    assert argmap.dumps(argmap.loads(text, format="json", check=False), "json") == text


def test_numbers_booleans_and_nulls_in_data_keep_their_type() -> None:
    data = {"n": 3, "big": 10**25, "f": 2.5, "yes": True, "none": None, "list": [1, "1", False]}
    m = ArgumentMap("T", [Statement("s", "S.", data=data)], data={"count": 0})
    again = argmap.loads(argmap.dumps(m, "json"), format="json")
    assert dict(again.statements["s"].data) == {**data, "list": (1, "1", False)}
    assert type(again.statements["s"].data["n"]) is int
    assert type(again.statements["s"].data["yes"]) is bool
    assert again.data["count"] == 0
    # and through YAML and back to JSON: the same values
    assert argmap.loads(argmap.dumps(again), format="yaml") == m


def test_a_number_json_cannot_write_is_an_error_at_its_place_in_the_yaml() -> None:
    m = argmap.loads(
        "argmap: 1\ntitle: T\nstatements:\n  s:\n    text: S.\n    data: {scores: [1, .nan]}\n"
        "data:\n  limit: .inf\n",
        file="m.yaml",
    )
    with pytest.raises(MapError) as caught:
        argmap.dumps(m, "json")
    assert [(i.code, i.message, i.file, i.line, i.column) for i in caught.value.issues] == [
        (
            "json-number",
            "'data' of statement 's' holds nan at 'scores/1', a number JSON cannot write; "
            "give it as text (in quotes) or leave it out",
            "m.yaml",
            6,
            24,
        ),
        (
            "json-number",
            "'data' of the map holds inf at 'limit', a number JSON cannot write; "
            "give it as text (in quotes) or leave it out",
            "m.yaml",
            8,
            10,
        ),
    ]


def test_dump_writes_json_by_the_file_name_and_load_tells_it_from_aif(tmp_path: Path) -> None:
    m = argmap.load(ROOT / "maps" / "china.yaml")
    written = argmap.dump(m, tmp_path / "china.json")
    assert written.read_text("utf-8") == argmap.dumps(m, "json")
    assert argmap.load(written) == m


# -- reading ------------------------------------------------------------------


def test_a_valid_map_is_read_without_looking_for_positions() -> None:
    m = argmap.load(ROOT / "docs" / "examples" / "lindenau.yaml")
    m = argmap.loads(argmap.dumps(m, "json"), file="m.json")
    assert m.origin is not None
    positions = m.origin.positions
    positions = getattr(positions, "positions", positions)  # through the view of 'quote' keys
    assert isinstance(positions, _jsonpos.Positions)
    assert positions.offsets == {}  # found only if a problem needs one
    assert m.origin.locate(("statements", "shops-gain", "text")) == ("m.json", 34, 15)
    # a citation written as 'quote' is found under the model's 'quotes'
    assert m.origin.locate(("statements", "car-free", "quotes", 0, "text")) == ("m.json", 30, 17)


def test_positions_of_a_json_map_point_at_keys_and_values() -> None:
    text = (
        '{\n  "argmap": 1,\n  "title": "T",\n  "statements": {\n    "s1": {"text": "A."}\n  }\n}\n'
    )
    m = argmap.loads(text, file="m.json")
    assert m.origin is not None
    assert m.origin.locate(("statements", "s1")) == ("m.json", 5, 5)
    assert m.origin.locate(("statements", "s1", "text")) == ("m.json", 5, 20)
    assert m.origin.locate(("title",)) == ("m.json", 3, 12)


def test_a_syntax_error_names_line_and_column() -> None:
    text = '{\n  "argmap": 1,\n  "title": "T"\n  "lang": "en"\n}\n'
    assert problems(text) == [
        ("json-syntax", "not valid JSON: expected ',' or '}', found '\"lang\": \"en\"'", 4, 3)
    ]


def test_a_trailing_comma_is_a_syntax_error_of_the_json_reader() -> None:
    assert problems('{\n  "argmap": 1,\n  "title": "T",\n}\n') == [
        ("json-syntax", "not valid JSON: expected a key in double quotes, found '}'", 4, 1)
    ]


def test_nan_is_not_json() -> None:
    assert problems('{"argmap": 1, "title": "T", "data": {"x": NaN}}') == [
        ("json-syntax", "not valid JSON: expected a value, found 'NaN}}'", 1, 43)
    ]


def test_a_duplicate_key_is_reported_with_both_places() -> None:
    assert problems('{\n  "argmap": 1,\n  "title": "T",\n  "title": "U"\n}\n') == [
        (
            "duplicate-key",
            "key 'title' appears twice in the same object (first at line 3, column 3); "
            "JSON readers keep only one of them: rename or merge them",
            4,
            3,
        )
    ]


def test_nesting_too_deep_is_refused() -> None:
    text = '{"argmap": 1, "title": "T", "data": ' + "[" * 70 + "]" * 70 + "}"
    assert problems(text) == [
        ("too-deep", "values are nested more than 64 levels deep; a map needs about six", 1, 100)
    ]


@pytest.mark.parametrize("file", ["map.json", "map.aif.json"])
def test_nesting_is_refused_from_the_65th_level_on(file: str) -> None:
    """64 levels, the innermost empty, read; one more is refused, as the careful reader counts."""

    def nested(levels: int) -> str:  # the top object is the first level
        inner = "[" * (levels - 1) + "]" * (levels - 1)
        if file.endswith(".aif.json"):
            return '{"nodes": [], "edges": [], "x": ' + inner + "}"
        return '{"argmap": 1, "title": "T", "data": {"x": ' + inner[1:-1] + "}}"

    argmap.loads(nested(64), file=file)
    code = "aif-too-deep" if file.endswith(".aif.json") else "too-deep"
    assert [code for code, *_ in problems(nested(65), file)] == [code]


def test_structural_errors_point_at_the_value_or_key() -> None:
    text = (
        "{\n"
        '  "argmap": 1,\n'
        '  "title": "T",\n'
        '  "statements": {\n'
        '    "s1": {"text": "A.", "colour": "red"},\n'
        '    "s 2": "B.",\n'
        '    "s3": 5\n'
        "  }\n"
        "}\n"
    )
    assert problems(text) == [
        (
            "unknown-key",
            "statement 's1' has no key 'colour'; allowed keys: "
            "text, title, implicit, mode, hedge, by, via, quote, quotes, tags, note, status, data",
            5,
            26,
        ),
        (
            "invalid-id",
            "'s 2' is not a valid id: use letters, digits, '-', '_' and '.', "
            "starting with a letter or digit (e.g. 'sanctions-motive')",
            6,
            5,
        ),
        ("wrong-type", "statement 's3' must be a mapping of keys to values, got 5", 7, 11),
    ]


def test_the_version_must_be_the_number_one() -> None:
    assert problems('{"argmap": "1", "title": "T"}') == [
        (
            "unsupported-version",
            "'argmap' is the format version, a whole number such as 1, got '1'",
            1,
            12,
        )
    ]
    assert problems('{"argmap": true, "title": "T"}')[0][:2] == (
        "unsupported-version",
        "'argmap' is the format version, a whole number such as 1, got True",
    )


def test_whole_map_rules_point_into_the_json() -> None:
    text = (
        "{\n"
        '  "argmap": 1,\n'
        '  "title": "T",\n'
        '  "statements": {"s1": "A.", "s2": "B."},\n'
        '  "arguments": {\n'
        '    "a": {"premises": ["s1", "s9"], "supports": "s2"}\n'
        "  }\n"
        "}\n"
    )
    assert problems(text) == [
        (
            "unknown-statement",
            "argument 'a' lists premise 's9', which is not a defined statement; "
            "define it under 'statements' or fix the id (did you mean 's2'?)",
            6,
            30,
        )
    ]


def test_a_problem_in_a_single_quote_points_at_it() -> None:
    text = (
        "{\n"
        '  "argmap": 1,\n'
        '  "title": "T",\n'
        '  "statements": {\n'
        '    "s1": {"text": "A.", "quote": {"source": "nowhere", "text": "x"}}\n'
        "  }\n"
        "}\n"
    )
    assert problems(text) == [
        (
            "unknown-source",
            "statement 's1' quotes 'nowhere', which is not a defined source; "
            "define it under 'sources' or fix the id",
            5,
            46,
        )
    ]


def test_a_json_map_includes_json_and_yaml_files(tmp_path: Path) -> None:
    (tmp_path / "part.yaml").write_text(
        "argmap: 1\ntitle: Part\nstatements:\n  s1: A.\n", encoding="utf-8"
    )
    (tmp_path / "other.json").write_text(
        '{"argmap": 1, "title": "Other",\n "statements": {"s2": "B."}}\n', encoding="utf-8"
    )
    main = tmp_path / "main.json"
    main.write_text(
        '{\n  "argmap": 1,\n  "include": ["part.yaml", "other.json"],\n  "title": "Main",\n'
        '  "arguments": {"a": {"premises": "s1", "supports": "s3"}}\n}\n',
        encoding="utf-8",
    )
    with pytest.raises(MapError) as caught:
        argmap.load(main)
    ((issue),) = caught.value.issues
    assert (issue.code, issue.file, issue.line, issue.column) == (
        "unknown-statement",
        str(main),
        5,
        53,
    )
    main.write_text(main.read_text("utf-8").replace('"s3"', '"s2"'), encoding="utf-8")
    m = argmap.load(main)
    assert list(m.statements) == ["s1", "s2"]
    assert [g.title for g in m.groups.values()] == ["Part", "Other"]
    assert m.origin is not None
    assert m.origin.files == (str(main), str(tmp_path / "part.yaml"), str(tmp_path / "other.json"))
    assert m.origin.locate(("statements", "s2")) == (str(tmp_path / "other.json"), 2, 23)


def test_an_included_json_file_with_a_syntax_error_is_reported_in_it(tmp_path: Path) -> None:
    (tmp_path / "part.json").write_text('{"argmap": 1, "title": "P",}', encoding="utf-8")
    main = tmp_path / "main.yaml"
    main.write_text("argmap: 1\ninclude: part.json\ntitle: Main\n", encoding="utf-8")
    with pytest.raises(MapError) as caught:
        argmap.load(main)
    assert [(i.code, i.file, i.line, i.column) for i in caught.value.issues] == [
        ("json-syntax", str(tmp_path / "part.json"), 1, 28)
    ]


def test_loads_of_the_module_builds_without_the_whole_map_rules() -> None:
    text = '{"argmap": 1, "title": "T", "theses": ["nothing"]}'
    assert _json.loads(text, "m.json").theses == ("nothing",)
    assert problems(text, file="m.json")[0][0] == "unknown-statement"


def test_the_errors_page_shows_the_json_messages_argmap_gives() -> None:
    page = (ROOT / "docs" / "errors.md").read_text("utf-8")
    m = argmap.loads("argmap: 1\ntitle: T\ndata:\n  limit: .inf\n", file="m.yaml")
    with pytest.raises(MapError) as caught:
        argmap.dumps(m, "json")
    (issue,) = caught.value.issues
    assert f"`{issue}`" in page
    with pytest.raises(MapError) as caught:
        argmap.loads('{\n  "argmap": 1,\n  "title": "T"\n  "lang": "en"\n}\n', file="map.json")
    assert f"`{caught.value.issues[0]}`" in page
