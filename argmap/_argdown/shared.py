"""What reading and writing Argdown share: ids from text, YAML data, the reserved ``argmap`` data.

The reserved data carries what Argdown has no syntax for through a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .._helpers import slug
from ..errors import Issue, MapError
from ..model import ID_PATTERN, Argument, Statement

#: Data key that carries argmap's own fields through an Argdown document.
RESERVED = "argmap"
#: Data key under which an imported map keeps Argdown structure argmap has no field for.
MARKERS = "argdown"

#: The fields a statement's and an argument's reserved data may carry: all the model's.
STATEMENT_KEYS = tuple(field.name for field in attrs.fields(Statement))
ARGUMENT_KEYS = tuple(field.name for field in attrs.fields(Argument))
GROUP_KEYS = ("id", "title", "members", "translations", "data", "group")
MAP_KEYS = (
    "description",
    "lang",
    "translations",
    "theses",
    "sources",
    "agents",
    "schemes",
    "issues",
    "data",
    "order",
)

_LINK = re.compile(r"\[([^\]]+?)\]\([^)]+?\)")
_MENTION = re.compile(r"@[\[<](.+?)[\]>]")


def text_slug(text: str) -> str:
    """An id for an untitled statement: its first words, links and mentions as their text."""
    plain = text
    if "[" in plain:
        plain = _LINK.sub(r"\1", plain)
    if "@" in plain:
        plain = _MENTION.sub(r"\1", plain)
    return slug(plain, limit=40, words=5)


def relation_id(source: str, kind: str, target: str) -> str:
    """The id argmap gives an argument made from a relation between statements."""
    verb = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}[kind]
    return f"{source}-{verb}-{target}"


# -- data: YAML as Argdown reads it --------------------------------------------

_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z|0x[0-9a-fA-F]+\Z|0o[0-7]+\Z")


def plain_yaml(value: Any) -> Any:
    """Parsed YAML as plain values, scalars resolved as YAML 1.2 (Argdown's js-yaml) does.

    argmap's YAML reader resolves YAML 1.1, where ``yes`` is true and ``1:20``
    a number; Argdown reads both as text, and so does this.
    """
    if isinstance(value, dict):
        return {str(key): plain_yaml(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_yaml(item) for item in value]
    tag = getattr(value, "tag", "")
    if value is None or tag.endswith(":null"):
        return None
    text = str(value)
    if tag.endswith(":bool"):
        return _BOOLS.get(text, text)
    if tag.endswith(":int"):
        return value.value if _INT.match(text) and isinstance(value.value, int) else text
    if tag.endswith(":float"):
        return text if ("_" in text or ":" in text) else value.value
    return text


#: Where a duplicate key's first occurrence is, in a YAML reader's message.
_FIRST_AT = re.compile(r"\(first at line (\d+), column (\d+)\)")


def read_yaml(
    source: str, code: str, what: str, *, file: str, line: int, column: int, block: bool
) -> dict[str, Any]:
    """A YAML mapping embedded in the document at ``line``:``column``.

    ``block`` says that the YAML starts on the line after ``line`` (front
    matter, block data); otherwise its first line continues at ``column``.
    Problems become issues with ``code``, located in the Argdown file.
    """

    def place(inner_line: int, inner_column: int) -> tuple[int, int]:
        """A line and column of the YAML as a line and column of the Argdown file."""
        at_line = line + inner_line - (0 if block else 1)
        at_column = inner_column + (column - 1 if not block and inner_line == 1 else 0)
        return at_line, at_column

    def first_at(match: re.Match[str]) -> str:
        """``(first at line 1, column 1)`` of a duplicate key, in the Argdown file too."""
        at_line, at_column = place(int(match[1]), int(match[2]))
        return f"(first at line {at_line}, column {at_column})"

    def moved(issue: Issue) -> Issue:
        message = _FIRST_AT.sub(first_at, issue.message)
        if issue.line is None:
            return Issue(
                code,
                f"{what} is not valid YAML: {message}",
                file=file,
                line=line,
                column=column,
            )
        at_line, at_column = place(issue.line, issue.column or 1)
        return Issue(
            code,
            f"{what} is not valid YAML: {message}",
            file=file,
            line=at_line,
            column=at_column,
        )

    if not source.strip():
        return {}
    from .. import _yaml  # only for a document with data

    try:
        data, _, issues = _yaml.parse(source, file)
    except MapError as exc:
        if exc.issues and exc.issues[0].code == "empty-document":
            return {}
        raise MapError([moved(i) for i in exc.issues]) from None
    if issues:
        raise MapError([moved(i) for i in issues])
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MapError(
            [
                Issue(
                    code,
                    f"{what} must be a mapping of keys to values ('key: value'), "
                    f"not {type(plain_yaml(data)).__name__}",
                    file=file,
                    line=line + (1 if block else 0),
                    column=1 if block else column,
                )
            ]
        )
    result: dict[str, Any] = plain_yaml(data)
    return result


def merge_data(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Deep merge, later values winning (how Argdown merges the data of equal statements)."""
    result = dict(base)
    for key, value in extra.items():
        old = result.get(key)
        if isinstance(old, dict) and isinstance(value, Mapping):
            result[key] = merge_data(old, value)
        elif isinstance(value, Mapping):
            result[key] = merge_data({}, value)
        else:
            result[key] = value
    return result


class Reserved:
    """Checks the reserved ``argmap`` data of one element, collecting issues.

    ``get`` returns a value when the key is present and well-typed; presence
    alone (``has``) tells an explicit ``null`` from a missing key.
    """

    __slots__ = ("data", "file", "issues", "what", "where")

    def __init__(
        self,
        value: Any,
        allowed: tuple[str, ...],
        what: str,
        *,
        file: str,
        where: tuple[int, int],
        issues: list[Issue],
    ) -> None:
        self.what = what
        self.file = file
        self.where = where
        self.issues = issues
        self.data: dict[str, Any] = {}
        if value is None:
            return
        if not isinstance(value, dict):
            self.problem(f"'{RESERVED}' data must be a mapping of argmap fields")
            return
        for key in value:
            if key not in allowed:
                self.problem(
                    f"'{RESERVED}' data has no field {key!r}; allowed: {', '.join(allowed)}"
                )
        self.data = {k: v for k, v in value.items() if k in allowed}

    def problem(self, message: str) -> None:
        line, column = self.where
        self.issues.append(
            Issue(
                "argdown-reserved",
                f"{self.what}: {message}",
                file=self.file,
                line=line,
                column=column,
            )
        )

    def __bool__(self) -> bool:
        return bool(self.data)

    def has(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str, *, optional: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            if key in self.data and not optional:
                self.problem(f"'{key}' must be text")
            return None
        if isinstance(value, (dict, list)):
            self.problem(f"'{key}' must be text")
            return None
        return str(value) if not isinstance(value, bool) else str(value).lower()

    def flag(self, key: str) -> bool:
        """A yes-or-no field such as ``implicit``; absent or ``null`` is ``False``."""
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return bool(value)
        self.problem(f"'{key}' must be true or false (got {value!r})")
        return False

    def number(self, key: str) -> float | None:
        """A number such as an argument's ``weight``; absent or ``null`` is ``None``."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(f"'{key}' must be a number (got {value!r})")
            return None
        return float(value)

    def strings(self, key: str) -> tuple[str, ...] | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if value is None:
            return ()
        if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
            self.problem(f"'{key}' must be a list of text")
            return None
        return tuple(str(v) for v in value)

    def mapping(self, key: str) -> dict[str, Any] | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(f"'{key}' must be a mapping")
            return None
        return value


def check_ids(values: Iterable[str], reserved: Reserved, key: str) -> bool:
    """Whether all ``values`` are valid ids; reports the first bad one under ``key``."""
    bad = [v for v in values if not ID_PATTERN.match(v)]
    if bad:
        reserved.problem(f"'{key}' holds {bad[0]!r}, which is not a valid id")
        return False
    return True
