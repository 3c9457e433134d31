"""Canonical JSON: the map format's data model written as JSON, and read back.

A canonical JSON document is exactly what a YAML map holds, as JSON: the same
keys, in the same order, under the same ``"argmap": 1`` format version
(:func:`argmap._format.to_data`). Reading it goes the way YAML goes
(:func:`argmap._tree.load_tree`), so every problem names its file, line and
column, and a map may ``include`` other files, JSON or YAML.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from . import _format
from ._locate import locate
from ._tree import load_tree
from .errors import DocPath, Issue, MapError
from .model import ArgumentMap

__all__ = ["dumps", "loads"]


def loads(text: str, file: str = "<string>") -> ArgumentMap:
    """Read a map from canonical JSON text; ``file`` names it in error messages.

    The map is built but not checked against the whole-map rules (unknown
    ids and the like): :func:`argmap.loads` does that, and is what to call.

    Raises:
        MapError: The text is not JSON (``json-syntax``), nests too deep
            (``too-deep``), repeats a key (``duplicate-key``) or is not a valid
            map; each issue has the file, line and column of the value at fault.
    """
    return load_tree(text, file, check=False, format="json")


def dumps(map: ArgumentMap) -> str:
    """The map as canonical JSON: the YAML format's keys and order, two-space indent.

    Text is written as it is (not as ``\\u`` escapes); the document ends with
    a newline. The same map always gives the same text.

    Raises:
        MapError: A number in ``data`` is NaN or infinite, which JSON has no
            way to write (``json-number``).
    """
    data = _format.to_data(map)
    require_finite(map, data)
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def require_finite(map: ArgumentMap, data: Any = None) -> None:
    """Raise :class:`MapError` (``json-number``) for each NaN or infinity in the map's ``data``.

    JSON has no way to write them; every JSON writer (canonical JSON, AIF)
    calls this first. ``data`` is the map's :func:`argmap._format.to_data`,
    when the caller has it already.
    """
    if data is None:
        data = _format.to_data(map)
    unwritable = [
        Issue(
            "json-number",
            f"'data' of {_owner(path)} holds {value!r} at '{_inner(path)}', a number JSON "
            "cannot write; give it as text (in quotes) or leave it out",
            path=path,
        )
        for path, value in _non_finite(data, ())
    ]
    if unwritable:
        raise MapError(locate(map, unwritable))


def _non_finite(value: Any, path: DocPath) -> Iterator[tuple[DocPath, float]]:
    """Every NaN or infinite number in ``value``, with its document path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _non_finite(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _non_finite(item, (*path, index))
    elif isinstance(value, float) and not math.isfinite(value):
        yield path, value


def _owner(path: DocPath) -> str:
    """Whose ``data`` a path leads into: ``the map`` or ``statement 's1'``."""
    if path[0] == "data":
        return "the map"
    return f"{str(path[0])[:-1]} {path[1]!r}"


def _inner(path: DocPath) -> str:
    """The path inside ``data``: ``scores/2``."""
    rest = path[1:] if path[0] == "data" else path[3:]
    return "/".join(str(part) for part in rest)
