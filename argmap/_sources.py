"""The texts of the sources a map quotes, read to show them beside the map."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from ._fileio import read_text
from ._locate import locate
from .errors import Issue, SourceFileError
from .model import ArgumentMap

__all__ = ["quoted_sources", "read_sources"]


def quoted_sources(map: ArgumentMap) -> list[str]:
    """Ids of the sources that statements or arguments of ``map`` quote, in the map's order."""
    quoted = {
        quote.source
        for entities in (map.statements, map.arguments)
        for item in entities.values()
        for quote in item.quotes
    }
    return [sid for sid in map.sources if sid in quoted]


def read_sources(
    map: ArgumentMap,
    base_dir: str | os.PathLike[str] | None = None,
    *,
    allow_outside: bool = False,
) -> dict[str, str]:
    """The text of each source ``map`` quotes, by source id, in Unicode NFC.

    Args:
        map: The map; its sources' ``file`` names are relative to ``base_dir``.
        base_dir: Where the files are; by default the folder of the map file.
        allow_outside: Read files outside ``base_dir`` too (only for maps
            you trust: the text goes into the page).

    Raises:
        SourceFileError: If the map quotes no source, a quoted source has no
            ``file`` (``no-source-text``), names one outside ``base_dir``
            (``source-outside``), or its file cannot be read.
    """
    if base_dir is None:
        base_dir = Path(map.origin.file).parent if map.origin is not None else Path()
    base = Path(base_dir)
    sources = quoted_sources(map)
    if not sources:
        raise _error(
            Issue(
                "no-source-text",
                "the map quotes no source, so there is no text to show beside it; "
                "give statements a 'quote' from a source with a 'file'",
            ),
            map,
        )
    texts = {}
    for sid in sources:
        source = map.sources[sid]
        if source.file is None:
            raise _error(
                Issue(
                    "no-source-text",
                    f"source {sid!r} has no 'file', so its text cannot be shown beside the "
                    "map; add a plain-text copy of the source and name it in 'file'",
                    path=("sources", sid, "<key>"),
                ),
                map,
            )
        path = base / source.file
        if not allow_outside and not path.resolve().is_relative_to(base.resolve()):
            raise _error(
                Issue(
                    "source-outside",
                    f"source {sid!r} names {source.file!r}, outside the map's folder, so its "
                    "text is not put in the page; copy the text into the map's folder, or allow "
                    "it with allow_outside=True if you trust the map",
                    path=("sources", sid, "file"),
                ),
                map,
            )
        texts[sid] = unicodedata.normalize("NFC", read_text(path, what="source file"))
    return texts


def _error(issue: Issue, map: ArgumentMap) -> SourceFileError:
    """``issue`` at its place in the map's file, as the error to raise."""
    return SourceFileError(locate(map, [issue])[0])
