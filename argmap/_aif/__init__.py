"""AIF import and export: ``loads`` reads AIF JSON (AIFdb, OVA), ``dumps`` writes it.

Reading is in :mod:`.read`, writing in :mod:`.write`; :mod:`.shared` holds
what both sides share: the node types, scheme names as AIF writes them, and
who said what (locutions and their speakers). :mod:`argmap._io` imports this
package on first use of the format.

AIF (the Argument Interchange Format) is a graph: I-nodes hold information
(argmap's statements), RA-nodes inferences and CA-nodes conflicts (argmap's
arguments), MA-nodes rephrases and PA-nodes preferences; L-nodes (locutions),
YA-nodes (illocutions) and TA-nodes (transitions) record the dialogue. Edges
carry no type: their meaning comes from the nodes they join.
"""

from __future__ import annotations

from ..model import ArgumentMap
from .read import read
from .write import write

__all__ = ["dumps", "loads"]


def loads(text: str, file: str) -> ArgumentMap:
    """Read AIF JSON (AIFdb's, or OVA's ``{"AIF": ..., "OVA": ...}``) as a map.

    Raises MapError with positions in ``file``.
    """
    return read(text, file)


def dumps(map: ArgumentMap) -> str:
    """Write a map as AIFdb JSON that argmap reads back to an equal map."""
    return write(map)
