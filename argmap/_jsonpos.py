"""JSON with positions: the values of a JSON text, and where each one stands.

The standard library's parser says where a syntax error is, but not where a
value came from; a map read from JSON needs both, so that a problem found
later (an unknown id, a node of the wrong type) points at its line and
column. This parser gives the same shape as the YAML reader: plain values
(dicts, lists, str, int, float, bool, None), a table of positions by
document path, and issues for what can be read past (a duplicate key).
Strings are decoded by the standard library's C scanner.
"""

from __future__ import annotations

import bisect
import json.decoder
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .errors import DocPath, Issue, MapError
from .model import Position

#: Nesting deeper than this is refused (a map needs about six levels).
MAX_DEPTH = 64

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LITERALS = {"true": True, "false": False, "null": None}
#: The standard library's string decoder (C): ``(text, end after the quote, strict)``.
_scanstring: Callable[[str, int, bool], tuple[str, int]] = getattr(json.decoder, "scanstring")  # noqa: B009


class _SyntaxError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


class Positions(Mapping[DocPath, Position]):
    """Positions by document path, turned from offsets into lines and columns when asked."""

    def __init__(self, text: str, file: str, *, lazy: bool = False) -> None:
        self.file = file
        self.offsets: dict[DocPath, int] = {}
        self._text = text
        self._line_starts: list[int] | None = None
        self._pending = lazy  # offsets are found by a second, slower parse when first needed

    def _fill(self) -> None:
        if self._pending:
            self._pending = False
            parser = _Parser(self._text, self.file)
            parser.positions = self
            parser.offsets = self.offsets
            parser.run()

    def where(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def __getitem__(self, path: DocPath) -> Position:
        self._fill()
        return (self.file, *self.where(self.offsets[path]))

    def __iter__(self) -> Iterator[DocPath]:
        self._fill()
        return iter(self.offsets)

    def __len__(self) -> int:
        self._fill()
        return len(self.offsets)


class _Parser:
    """Reads JSON value by value, recording the offset of each."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.positions = Positions(text, file)
        self.offsets = self.positions.offsets
        self.issues: list[Issue] = []
        self.where = self.positions.where

    def run(self) -> Any:
        """Parse the whole text; raise MapError where it is not JSON."""
        text, file = self.text, self.file
        try:
            start = self.skip(0)
            self.offsets[()] = start
            data, end = self.value(start, (), 0)
            end = self.skip(end)
            if end != len(text):
                raise _SyntaxError(
                    f"extra text after the JSON value: {_shown(text, end)}; "
                    "a file holds one JSON value",
                    end,
                )
        except _SyntaxError as exc:
            line, column = self.where(exc.offset)
            code = "too-deep" if "nested more than" in exc.message else "json-syntax"
            message = exc.message if code == "too-deep" else f"not valid JSON: {exc.message}"
            raise MapError([Issue(code, message, file=file, line=line, column=column)]) from None
        return data

    def skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self.text, offset)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    def value(self, offset: int, path: DocPath, depth: int) -> tuple[Any, int]:
        text = self.text
        if offset >= len(text):
            raise _SyntaxError("the text ends where a value should be", offset)
        char = text[offset]
        if char == '"':
            return self.string(offset)
        if char == "{":
            return self.object(offset, path, depth + 1)
        if char == "[":
            return self.array(offset, path, depth + 1)
        if char in "tfn":
            for word, literal in _LITERALS.items():
                if text.startswith(word, offset):
                    return literal, offset + len(word)
        number = _NUMBER.match(text, offset)
        if number is not None and number.end() > offset:
            raw = number.group()
            try:
                parsed: Any = float(raw) if number.group(1) or number.group(2) else int(raw)
            except ValueError:  # an integer of thousands of digits
                raise _SyntaxError("this number is too long to read", offset) from None
            return parsed, number.end()
        raise _SyntaxError(f"expected a value, found {_shown(text, offset)}", offset)

    def string(self, offset: int) -> tuple[str, int]:
        try:
            value, end = _scanstring(self.text, offset + 1, True)
        except json.JSONDecodeError as exc:
            raise _SyntaxError(exc.msg.lower().removesuffix(" at"), exc.pos) from None
        surrogate = _SURROGATE.search(value)
        if surrogate is not None:
            raise _SyntaxError(
                "this string holds half of a surrogate pair (an escape such as \\ud800 "
                "without its partner), which is not a character",
                offset,
            )
        return value, end

    def object(self, offset: int, path: DocPath, depth: int) -> tuple[dict[str, Any], int]:
        self.deep(depth, offset)
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        offset = self.skip(offset + 1)
        if self.text.startswith("}", offset):
            return result, offset + 1
        while True:
            if not self.text.startswith('"', offset):
                raise _SyntaxError(
                    f"expected a key in double quotes, found {_shown(self.text, offset)}", offset
                )
            key_offset = offset
            key, offset = self.string(offset)
            offset = self.skip(offset)
            if not self.text.startswith(":", offset):
                raise _SyntaxError(
                    f"expected ':' after a key, found {_shown(self.text, offset)}", offset
                )
            offset = self.skip(offset + 1)
            child_path = (*path, key)
            value_offset = offset
            value, offset = self.value(offset, child_path, depth)
            if key in first:
                line, column = self.where(first[key])
                self.issues.append(
                    Issue(
                        "duplicate-key",
                        f"key {key!r} appears twice in the same object (first at line {line}, "
                        f"column {column}); JSON readers keep only one of them: "
                        "rename or merge them",
                        path=child_path,
                        file=self.file,
                        line=self.where(key_offset)[0],
                        column=self.where(key_offset)[1],
                    )
                )
            else:
                first[key] = key_offset
                # A scalar's problems are best shown at the value, a collection's at its key.
                shown = key_offset if isinstance(value, (dict, list)) else value_offset
                self.offsets[child_path] = shown
                key_path = (*child_path, "<key>")
                self.offsets[key_path] = key_offset
                result[key] = value
            offset = self.skip(offset)
            if self.text.startswith(",", offset):
                offset = self.skip(offset + 1)
                continue
            if self.text.startswith("}", offset):
                return result, offset + 1
            raise _SyntaxError(f"expected ',' or '}}', found {_shown(self.text, offset)}", offset)

    def array(self, offset: int, path: DocPath, depth: int) -> tuple[list[Any], int]:
        self.deep(depth, offset)
        result: list[Any] = []
        offset = self.skip(offset + 1)
        if self.text.startswith("]", offset):
            return result, offset + 1
        while True:
            item_path = (*path, len(result))
            self.offsets[item_path] = offset
            value, offset = self.value(offset, item_path, depth)
            result.append(value)
            offset = self.skip(offset)
            if self.text.startswith(",", offset):
                offset = self.skip(offset + 1)
                continue
            if self.text.startswith("]", offset):
                return result, offset + 1
            raise _SyntaxError(f"expected ',' or ']', found {_shown(self.text, offset)}", offset)

    def deep(self, depth: int, offset: int) -> None:
        if depth > MAX_DEPTH:
            raise _SyntaxError(
                f"values are nested more than {MAX_DEPTH} levels deep; a map needs about six",
                offset,
            )


def _shown(text: str, offset: int) -> str:
    if offset >= len(text):
        return "the end of the text"
    return repr(text[offset : offset + 12].split("\n", maxsplit=1)[0])


class _RefusedError(Exception):
    """The fast reader met something the careful one must report."""


def _pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(items)
    if len(result) != len(items):
        raise _RefusedError  # a duplicate key: the careful reader reports it
    return result


def _refuse(name: str) -> Any:
    raise _RefusedError  # NaN and Infinity are not JSON


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _too_deep(container: Any) -> bool:
    """Whether lists and objects nest in ``container`` deeper than MAX_DEPTH.

    Level by level, without a call for each container: a map has thousands.
    """
    level = [container]
    for _ in range(MAX_DEPTH):
        inner = []
        for each in level:
            for item in each.values() if type(each) is dict else each:
                if type(item) is dict or type(item) is list:
                    inner.append(item)
        if not inner:
            return False
        level = inner
    return True


#: What :func:`fast_parse` gives for text the careful reader must read.
NOT_PLAIN: Any = object()
#: ``parse(parsed=...)`` when :func:`fast_parse` has not read the text yet.
UNREAD: Any = object()


def fast_parse(text: str) -> Any:
    """The values of a JSON text, read by the standard library's C parser.

    :data:`NOT_PLAIN` where the careful reader of :func:`parse` must look, to
    report a problem or to keep the text's meaning: not JSON, a duplicate
    key, ``NaN``, an escaped half of a surrogate pair, nesting deeper than
    :data:`MAX_DEPTH`.
    """
    if _ESCAPED_SURROGATE.search(text):
        return NOT_PLAIN
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_refuse)
    except (ValueError, RecursionError, _RefusedError):
        return NOT_PLAIN  # the careful reader says what is wrong, and where
    if (
        (type(data) is dict or type(data) is list)
        # Nesting deeper than MAX_DEPTH opens more lists and objects than that.
        and text.count("{") + text.count("[") > MAX_DEPTH
        and _too_deep(data)
    ):
        return NOT_PLAIN
    return data


def parse(text: str, file: str, *, parsed: Any = UNREAD) -> tuple[Any, Positions, list[Issue]]:
    """Parse a JSON text into plain values, their positions and its issues.

    Positions are keyed like the YAML reader's: ``(*path, "<key>")`` for a
    key, ``path`` for its value (at the key when the value is an object or
    an array). Raises :class:`MapError` with code ``json-syntax`` (or
    ``too-deep``) and the line and column where the text stops being JSON.

    Valid JSON is read by the standard library's C parser (:func:`fast_parse`,
    or ``parsed``, what it gave for ``text`` already); positions are then found
    only if something asks for one (to report a problem).
    """
    data = fast_parse(text) if parsed is UNREAD else parsed
    if data is not NOT_PLAIN:
        return data, Positions(text, file, lazy=True), []
    parser = _Parser(text, file)
    data = parser.run()
    return data, parser.positions, parser.issues
