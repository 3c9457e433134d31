"""Issues and errors: formatting, the exception tree, and the docs listing every code."""

from __future__ import annotations

import re
from pathlib import Path

import argmap
from argmap import ArgmapError, Issue, MapError, OutputError, RenderError, Severity, SourceFileError

ROOT = Path(__file__).resolve().parent.parent


def test_an_issue_prints_as_file_line_column_severity_code_message() -> None:
    issue = Issue("unknown-statement", "it is missing", Severity.ERROR, (), "m.yaml", 14, 7)
    assert str(issue) == "m.yaml:14:7: error: unknown-statement: it is missing"


def test_without_a_file_the_document_path_locates_the_issue() -> None:
    issue = Issue("no-premises", "x", Severity.WARNING, ("arguments", "a", "premises"))
    assert str(issue) == "arguments/a/premises: warning: no-premises: x"


def test_each_error_also_is_the_matching_builtin() -> None:
    assert issubclass(MapError, ValueError)
    assert issubclass(SourceFileError, OSError)
    assert issubclass(OutputError, OSError)
    assert issubclass(RenderError, RuntimeError)
    for cls in (MapError, SourceFileError, OutputError, RenderError):
        assert issubclass(cls, ArgmapError)


def test_a_map_error_lists_its_issues_one_per_line() -> None:
    error = MapError([Issue("a-code", "first"), Issue("b-code", "second", Severity.WARNING)])
    assert str(error) == "<map>: error: a-code: first\n<map>: warning: b-code: second"
    assert error.args[0].startswith("1 error in map\n")


def test_every_issue_code_is_documented() -> None:
    sources = "".join(p.read_text("utf-8") for p in (ROOT / "argmap").glob("*.py"))
    codes = set(
        re.findall(
            r'(?:Issue\(|error\(|warning\(|issue\(|fatal\(|problem\(|_unreadable\([^,]+,)\s*"([a-z0-9-]+)"',
            sources,
        )
    )
    codes.discard("a-code")
    assert len(codes) >= 30
    documented = set(
        re.findall(
            r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", (ROOT / "docs" / "errors.md").read_text("utf-8")
        )
    )
    assert sorted(codes - documented) == []
    assert argmap.Issue is Issue
