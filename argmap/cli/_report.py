"""What ``argmap check`` prints: each issue once per run, under its own file, repeated ones grouped.

A map that includes other files has their issues too; when those files are
checked in the same run, their issues are listed under them and only
counted under the map that includes them. When one map has more than
:data:`GROUP_OVER` warnings (or notes) of one code, the first
:data:`GROUP_SHOWN` are listed and one line counts the rest; errors are
all listed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

import attrs

from .._names import GROUP_OVER, GROUP_SHOWN
from ..errors import Issue, printable_name
from ._common import counted


@attrs.frozen
class Checked:
    """One map file of the run: its issues, or why it could not be checked."""

    file: Path
    issues: tuple[Issue, ...] = ()
    failure: str | None = None  # a file that cannot be read, say


@attrs.frozen
class Listing:
    """How much to list."""

    notes: bool = True
    summaries: bool = True
    group: bool = True


def report(checked: Sequence[Checked], listing: Listing, out: TextIO, err: TextIO) -> None:
    """Print the issues of every map in ``checked`` on ``err`` and a summary of each on ``out``."""
    owner = _owners(checked)
    failures: set[str] = set()
    for index, entry in enumerate(checked):
        if entry.failure is not None:
            if entry.failure not in failures:  # an included file's, met again
                print(entry.failure, file=err)
            failures.add(entry.failure)
            continue
        shown = [
            issue
            for issue in entry.issues
            if owner.get(_same(issue)) == index and (listing.notes or not _is_note(issue))
        ]
        for line in _grouped(shown) if listing.group else (str(i) for i in shown):
            print(line, file=err)
        if listing.summaries:
            print(_summary(checked, owner, index, listing), file=out)


def _owners(checked: Sequence[Checked]) -> dict[Issue, int]:
    """Which map of the run lists each issue (as :func:`_same` has it).

    The first map of the run whose file the issue is in, else the first map
    that has the issue (one that includes the file).
    """
    where: dict[str | None, int] = {}
    for index, entry in enumerate(checked):
        where.setdefault(_real(str(entry.file)), index)
    owner: dict[Issue, int] = {}
    for index, entry in enumerate(checked):
        for issue in entry.issues:
            same = _same(issue)
            if same not in owner:
                owner[same] = where.get(same.file, index) if same.file is not None else index
    return owner


def _same(issue: Issue) -> Issue:
    """The issue with its file as an absolute path, so that two spellings of one file agree."""
    return attrs.evolve(issue, file=_real(issue.file))


def _real(file: str | None) -> str | None:
    return None if file is None else os.path.normcase(os.path.realpath(file))


def _is_note(issue: Issue) -> bool:
    return str(issue.severity) == "note"


def _is_error(issue: Issue) -> bool:
    return str(issue.severity) == "error"  # each one makes the map invalid: all are listed


def _grouped(issues: Sequence[Issue]) -> Iterator[str]:
    """The issues' lines; more than GROUP_OVER warnings (or notes) of one code after GROUP_SHOWN
    as one line."""
    totals = Counter((i.file, i.code) for i in issues)
    listed: Counter[tuple[str | None, str]] = Counter()
    for issue in issues:
        kind = (issue.file, issue.code)
        listed[kind] += 1
        if totals[kind] <= GROUP_OVER or listed[kind] <= GROUP_SHOWN or _is_error(issue):
            yield str(issue)
        elif listed[kind] == GROUP_SHOWN + 1:
            more = totals[kind] - GROUP_SHOWN
            where = printable_name(issue.file) if issue.file is not None else "<map>"
            yield f"{where}: … and {more} more {issue.code} {issue.severity}s (--all lists them)"


def _summary(
    checked: Sequence[Checked], owner: dict[Issue, int], index: int, listing: Listing
) -> str:
    """``FILE: 1 error, 2 warnings, 3 notes``, and where those listed under other files are."""
    entry = checked[index]
    severities = Counter(str(i.severity) for i in entry.issues)
    line = f"{printable_name(os.fspath(entry.file))}: {counted(severities['error'], 'error')}, "
    line += counted(severities["warning"], "warning")
    if severities["note"]:
        line += ", " + counted(severities["note"], "note")
        if not listing.notes:
            line += " (not shown)"
    elsewhere: Counter[str] = Counter()
    for issue in entry.issues:
        if listing.notes or not _is_note(issue):
            listed_by = owner[_same(issue)]
            if listed_by != index:
                elsewhere[printable_name(os.fspath(checked[listed_by].file))] += 1
    if elsewhere:
        line += f"; {sum(elsewhere.values())} of them listed under {', '.join(elsewhere)}"
    return line
