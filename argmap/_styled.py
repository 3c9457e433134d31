"""Values that remember how YAML wrote them: a list or mapping on one line, text a comment cut.

The YAML reader gives them and argmap's format reads and writes them; they
live here, below both, so that reading a document's YAML (an Argdown front
matter, say) does not import the whole of argmap's format.
"""

from __future__ import annotations

from typing import Any


class FlowList(list[Any]):
    """A list of short items (ids, tags) best written on one line: ``[a, b]``."""


class CutByComment(str):
    """Plain text that a comment on the same line ended: ``text: the #1 way`` reads ``the``.

    The YAML readers give it in place of ``str`` so that a text cut short
    this way is reported; ``comment`` is the rest of the line, from ``#``.
    """

    comment: str

    def __new__(cls, text: str, comment: str) -> CutByComment:
        self = super().__new__(cls, text)
        self.comment = comment
        return self


class FlowMapping(dict[str, Any]):
    """A mapping written on one line, ``{en: ..., de: ...}``, where a comma ends a text."""
