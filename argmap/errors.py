"""The errors argmap raises and the issues it reports.

Every error argmap raises on purpose derives from :class:`ArgmapError`, and
each also inherits the builtin exception it refines, so ``except ValueError``
keeps working for callers who do not know argmap::

    ArgmapError(Exception)
    ├── MapError(ArgmapError, ValueError)       a map is invalid; carries .issues
    ├── SourceFileError(ArgmapError, OSError)   a map or source file cannot be read
    ├── OutputError(ArgmapError, OSError)       an output file cannot be written
    ├── RenderError(ArgmapError, RuntimeError)  Graphviz is missing or failed
    └── LimitError(ArgmapError, RuntimeError)   a computation would pass a set limit

A :class:`MapError` collects every problem found in a document: each is an
:class:`Issue` with a stable code, a severity, a message saying how to fix it,
the path of the offending node in the document and, when the map was loaded
from a file, its file, line and column.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

__all__ = [
    "ArgmapError",
    "DocPath",
    "Issue",
    "LimitError",
    "MapError",
    "OutputError",
    "RenderError",
    "Severity",
    "SourceFileError",
]

#: Where a value sits in a map document: the keys and list indexes leading to
#: it from the top, e.g. ``("arguments", "a2", "premises", 1)``.
DocPath = tuple[str | int, ...]


class Severity(enum.Enum):
    """How bad an issue is.

    Errors make a map invalid; warnings point at something to fix and fail
    ``argmap check --strict``; notes only inform (a critical question the map
    leaves open, say) and never fail a check.
    """

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Issue:
    """One problem in a map.

    Attributes:
        code: Stable, hyphenated identifier, e.g. ``unknown-statement``; the
            docs list every code.
        message: What is wrong and how to fix it, in one or two sentences.
        severity: :attr:`Severity.ERROR` or :attr:`Severity.WARNING`.
        path: Where in the document the problem sits (see :data:`DocPath`).
        file: The file the map was loaded from, when known.
        line: 1-based line in ``file``, when known.
        column: 1-based column in ``file``, when known.
    """

    code: str
    message: str
    severity: Severity = Severity.ERROR
    path: DocPath = ()
    file: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def location(self) -> str:
        """``file:line:column`` as far as it is known, else the document path."""
        if self.file is not None:
            parts = [printable_name(self.file)]
            if self.line is not None:
                parts.append(str(self.line))
                if self.column is not None:
                    parts.append(str(self.column))
            return ":".join(parts)
        if self.path:
            return "/".join(str(p) for p in self.path)
        return "<map>"

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.code}: {self.message}"


#: Characters that would break a one-line message: controls and Unicode's line breaks.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable_name(name: str) -> str:
    """A file name as a message shows it: control characters escaped (``a\\nb.yaml``).

    A name may hold a newline; printed as it is, it would break the one-line
    ``file:line:column: ...`` form of a message in two.
    """
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], name)


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class MapError(ArgmapError, ValueError):
    """A map is invalid: raised once with every problem found.

    Attributes:
        issues: The problems, in document order; at least one is an error.
    """

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        super().__init__(self._summary())

    def _summary(self) -> str:
        errors = sum(1 for i in self.issues if i.severity is Severity.ERROR)
        head = f"{errors} error{'s' if errors != 1 else ''} in map"
        return "\n".join([head, *(str(i) for i in self.issues)])

    def __str__(self) -> str:
        return "\n".join(str(i) for i in self.issues)


class SourceFileError(ArgmapError, OSError):
    """A map or source file cannot be read (missing, unreadable, not UTF-8).

    Attributes:
        issue: The problem, with the file and, for bad bytes, line and column.
    """

    def __init__(self, issue: Issue) -> None:
        self.issue = issue
        super().__init__(str(issue))

    def __str__(self) -> str:
        return str(self.issue)


class OutputError(ArgmapError, OSError):
    """An output file cannot be written."""


class RenderError(ArgmapError, RuntimeError):
    """Rendering failed: Graphviz's ``dot`` is missing or reported an error."""


class LimitError(ArgmapError, RuntimeError):
    """A computation would pass one of argmap's limits (docs/safety.md), so it stopped.

    Raised, for instance, when evaluating a map would take more search steps
    than allowed; the message names the limit and how to raise it.
    """
