"""Loading maps from files and text, and writing them back."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import _format
from ._check import check as check_map
from ._check import locate
from ._fileio import read_text, write_atomic
from .errors import DocPath, Issue, MapError, Severity
from .model import ArgumentMap, Origin


def load(path: str | os.PathLike[str], *, check: bool = True) -> ArgumentMap:
    """Load a map from a YAML file.

    Args:
        path: The map file (``.yaml`` or ``.yml``).
        check: Also apply the whole-map rules of :func:`argmap.check` that
            make a map invalid (unknown ids, circular support, ...), so a map
            that loads is sound. Quotes are not verified here; call
            :func:`argmap.check` for that and for warnings.

    Returns:
        The map; its ``origin`` records the file and the position of every node.

    Raises:
        MapError: The file is not a valid map; ``.issues`` lists every problem
            with file, line and column.
        SourceFileError: The file cannot be read or is not UTF-8.
    """
    text = read_text(path)
    return loads(text, file=os.fspath(path), check=check)


def loads(text: str, *, file: str = "<string>", check: bool = True) -> ArgumentMap:
    """Load a map from YAML text; ``file`` names it in error messages.

    See :func:`load` for ``check`` and the errors raised.
    """
    from . import _yaml  # PyYAML is imported on first use, not with argmap

    data, positions, issues = _yaml.parse(text.removeprefix("\ufeff"), file)
    _alias_single_quotes(data, positions)
    origin = Origin(file, positions)
    argument_map, structure_issues = _format.from_data(data, origin)
    issues += structure_issues
    if argument_map is not None and check:
        problems = check_map(argument_map, verify_quotes=False)
        issues += [i for i in problems if i.severity is Severity.ERROR]
    if argument_map is None or _format.error_count(issues):
        raise MapError(_locate_all(argument_map, origin, issues))
    return argument_map


def _locate_all(
    argument_map: ArgumentMap | None, origin: Origin, issues: list[Issue]
) -> list[Issue]:
    stand_in = argument_map or ArgumentMap("(unreadable)", origin=origin)
    return list(locate(stand_in, issues))


def _alias_single_quotes(data: Any, positions: dict[DocPath, tuple[int, int]]) -> None:
    """Let ``quote: {...}`` be found under the path of ``quotes: [{...}]``.

    The model has only a list of citations; issues about the one written as
    ``quote`` then point at it.
    """
    if not isinstance(data, dict):
        return
    for section in ("statements", "arguments"):
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        for eid, entry in entries.items():
            if isinstance(entry, dict) and "quote" in entry and "quotes" not in entry:
                old = (section, eid, "quote")
                new = (section, eid, "quotes", 0)
                for path, position in list(positions.items()):
                    if path[: len(old)] == old:
                        positions[new + path[len(old) :]] = position


def dumps(argument_map: ArgumentMap) -> str:
    """The map as YAML text in format version 1 (UTF-8 characters kept as they are)."""
    from . import _yaml

    return _yaml.dump(_format.to_data(argument_map))


def dump(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> Path:
    """Write the map to a YAML file atomically; return the path written."""
    return write_atomic(path, dumps(argument_map).encode("utf-8"))
