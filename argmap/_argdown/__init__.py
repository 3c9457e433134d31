"""Argdown import and export: ``loads`` reads Argdown text, ``dumps`` writes it.

Reading is in :mod:`.read` (on the syntax tree of :mod:`.syntax`), writing in
:mod:`.write`; :mod:`.shared` holds what both sides share. :mod:`argmap._io`
imports this package on first use of the format.
"""

from __future__ import annotations

from ..model import ArgumentMap
from .read import read
from .write import write

__all__ = ["dumps", "loads"]


def loads(text: str, file: str) -> ArgumentMap:
    """Read an Argdown document as a map; raises MapError with positions in ``file``."""
    return read(text, file)


def dumps(map: ArgumentMap, *, plain: bool = False) -> str:
    """Write a map as Argdown that Argdown reads and argmap reads back to an equal map.

    With ``plain``, without argmap's reserved data (see :func:`.write.write`).
    """
    return write(map, plain=plain)
