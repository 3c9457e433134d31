"""Where issues are: file, line and column from a map's origin, for checks and readers alike."""

from __future__ import annotations

import attrs

from .errors import Issue
from .model import ArgumentMap


def locate(map: ArgumentMap, issues: list[Issue]) -> tuple[Issue, ...]:
    """Attach file, line and column from the map's origin; sort by position."""
    origin = map.origin
    if origin is None:
        return tuple(issues)
    located = []
    for issue in issues:
        if issue.file is not None:
            located.append(issue)
            continue
        position = origin.locate(issue.path)
        if position is None:
            located.append(attrs.evolve(issue, file=origin.file))
        else:
            file, line, column = position
            located.append(attrs.evolve(issue, file=file, line=line, column=column))
    rank = {file: index for index, file in enumerate(origin.files)}
    return tuple(
        sorted(
            located,
            key=lambda i: (rank.get(i.file or "", len(rank)), i.line or 0, i.column or 0),
        )
    )
