"""Maps split across files: include, merging, positions in every file, loops and escapes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import argmap
from argmap import MapError

COMMON = """\
argmap: 1
title: Common
sources:
  art: {title: Artikel, file: texts/a.txt}
agents:
  an: Analysts
"""
LINE = """\
argmap: 1
title: One line of reasoning
include: common.yaml
statements:
  a:
    text: A
    by: an
    quote: {source: art, text: Hallo Welt}
  b: B
arguments:
  x: {premises: [a], implicit: true, supports: b}
"""
OVERVIEW = """\
argmap: 1
title: Overview
include: [common.yaml, line.yaml]
statements:
  c: C
arguments:
  y: {premises: [c], attacks: b, implicit: true}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Hallo Welt, ein Test.", encoding="utf-8")
    for name, text in [("common", COMMON), ("line", LINE), ("overview", OVERVIEW)]:
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def located(path: Path) -> list[tuple[str, int | None, int | None, str]]:
    with pytest.raises(MapError) as caught:
        argmap.load(path)
    return [(Path(i.file or "").name, i.line, i.column, i.code) for i in caught.value.issues]


def test_included_entities_come_first_and_the_includer_keeps_its_title(folder: Path) -> None:
    m = argmap.load(folder / "overview.yaml")
    assert m.title == "Overview"
    assert list(m.statements) == ["a", "b", "c"]
    assert list(m.arguments) == ["x", "y"]
    assert list(m.sources) == ["art"] and list(m.agents) == ["an"]


def test_a_file_included_twice_is_read_once(folder: Path) -> None:
    m = argmap.load(folder / "overview.yaml")  # common.yaml comes directly and via line.yaml
    assert m.origin is not None
    assert [Path(f).name for f in m.origin.files] == ["overview.yaml", "common.yaml", "line.yaml"]


def test_a_focused_map_and_the_overview_share_one_statement(folder: Path) -> None:
    line = argmap.load(folder / "line.yaml")
    overview = argmap.load(folder / "overview.yaml")
    assert line.statements["a"] is not None
    assert overview.statements["a"] == line.statements["a"]


def test_quotes_of_included_sources_are_verified_from_the_including_map(folder: Path) -> None:
    assert argmap.check(argmap.load(folder / "overview.yaml")) == ()
    assert argmap.check(argmap.load(folder / "line.yaml")) == ()


def test_source_files_stay_relative_to_the_map_that_names_them(folder: Path) -> None:
    write(folder, "sub/inner.yaml", "argmap: 1\ntitle: t\nsources:\n  s: {title: S, file: b.txt}\n")
    write(folder, "top.yaml", "argmap: 1\ntitle: t\ninclude: sub/inner.yaml\n")
    assert argmap.load(folder / "top.yaml").sources["s"].file == "sub/b.txt"


def test_issues_in_included_files_name_their_own_file_and_line(folder: Path) -> None:
    write(
        folder,
        "line.yaml",
        LINE.replace("supports: b}", "supports: bb}"),
    )
    assert located(folder / "overview.yaml") == [("line.yaml", 11, 48, "unknown-statement")]


def test_an_id_defined_in_two_files_names_both_places(folder: Path) -> None:
    write(folder, "overview.yaml", OVERVIEW.replace("  c: C\n", "  c: C\n  b: Again\n"))
    with pytest.raises(MapError) as caught:
        argmap.load(folder / "overview.yaml")
    [issue] = caught.value.issues
    assert (Path(issue.file or "").name, issue.line, issue.column, issue.code) == (
        "overview.yaml",
        6,
        3,
        "duplicate-id",
    )
    assert issue.message == (
        f"statement 'b' is defined in more than one file (first in {folder / 'line.yaml'}:9:3); "
        "define it once and include that file"
    )


def test_an_include_loop_is_an_error(folder: Path) -> None:
    write(folder, "common.yaml", COMMON + "include: overview.yaml\n")
    with pytest.raises(MapError) as caught:
        argmap.load(folder / "overview.yaml")
    [issue] = caught.value.issues
    assert (Path(issue.file or "").name, issue.line, issue.code) == (
        "common.yaml",
        7,
        "include-cycle",
    )
    assert issue.message == (
        "include 'overview.yaml' leads back to itself (overview.yaml -> common.yaml -> "
        "overview.yaml); remove one of these includes"
    )


def test_a_map_cannot_include_itself(folder: Path) -> None:
    write(folder, "self.yaml", "argmap: 1\ntitle: t\ninclude: self.yaml\n")
    assert located(folder / "self.yaml") == [("self.yaml", 3, 10, "include-cycle")]


def test_an_include_outside_the_maps_folder_is_refused(folder: Path) -> None:
    inner = write(folder, "maps/inner.yaml", "argmap: 1\ntitle: t\ninclude: ../common.yaml\n")
    [(file, line, column, code)] = located(inner)
    assert (file, line, column, code) == ("inner.yaml", 3, 10, "include-outside")


def test_a_missing_include_is_reported_where_it_is_named(folder: Path) -> None:
    path = write(folder, "m.yaml", "argmap: 1\ntitle: t\ninclude: [common.yaml, nope.yaml]\n")
    with pytest.raises(MapError) as caught:
        argmap.load(path)
    [issue] = caught.value.issues
    assert (issue.line, issue.column, issue.code) == (3, 24, "file-not-found")
    assert (
        issue.message == "cannot include 'nope.yaml': included map file not found; check the path"
    )


def test_an_included_file_with_bad_yaml_is_reported_in_that_file(folder: Path) -> None:
    write(folder, "common.yaml", "argmap: 1\ntitle: [oops\n")
    assert located(folder / "overview.yaml")[0][:2] == ("common.yaml", 3)


def test_dump_writes_the_merged_map_in_one_file(folder: Path, tmp_path: Path) -> None:
    m = argmap.load(folder / "overview.yaml")
    flat = argmap.loads(argmap.dumps(m))
    assert flat == m
    assert "include" not in argmap.dumps(m)


def test_each_included_line_of_reasoning_becomes_a_group(folder: Path) -> None:
    m = argmap.load(folder / "overview.yaml")
    assert list(m.groups) == ["line"]
    assert m.groups["line"] == argmap.Group("line", "One line of reasoning", ["a", "b", "x"])


def test_the_including_maps_own_entities_are_not_grouped(folder: Path) -> None:
    assert argmap.load(folder / "line.yaml").groups == {}


def test_declared_groups_are_kept_and_checked(folder: Path) -> None:
    path = write(
        folder,
        "grouped.yaml",
        """\
        argmap: 1
        title: t
        statements: {a: A, b: B}
        arguments: {x: {premises: [a], supports: b}}
        groups:
          first: {title: First, members: [a, x]}
          second: {title: Second, members: [a, bb]}
        """,
    )
    with pytest.raises(MapError) as caught:
        argmap.load(path)
    [issue] = caught.value.issues
    assert (issue.line, issue.column, issue.code, issue.message) == (
        7,
        40,
        "unknown-member",
        "group 'second' lists 'bb', which is neither a statement nor an argument; "
        "fix the id (did you mean 'b'?) or remove it",
    )
    write(folder, "grouped.yaml", path.read_text("utf-8").replace("[a, bb]", "[a, b]"))
    [warning] = argmap.check(argmap.load(path))
    assert (warning.code, warning.line, warning.column) == ("group-overlap", 7, 37)


def test_sources_and_agents_of_an_included_library_may_go_unused(folder: Path) -> None:
    write(
        folder,
        "common.yaml",
        COMMON.replace("  an: Analysts\n", "  an: Analysts\n  other: Other\n"),
    )
    assert argmap.check(argmap.load(folder / "overview.yaml")) == ()
    write(folder, "own.yaml", "argmap: 1\ntitle: t\nagents: {nobody: Nobody}\n")
    assert [i.code for i in argmap.check(argmap.load(folder / "own.yaml"))] == ["unused-agent"]
