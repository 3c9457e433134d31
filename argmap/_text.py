"""Text every export shares: the characters XML and DOT cannot carry, dropped."""

from __future__ import annotations

import re

#: What :func:`clean` changes: controls (category Cc), surrogates (Cs),
#: line and paragraph separators, and the two non-characters.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


#: The whitespace controls of :data:`UNSAFE`, which become spaces; and the
#: same but the line break, for text that keeps its lines.
SPACES = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]")
SPACES_BUT_NEWLINE = re.compile("[\t\r\x0b\x0c\x85\u2028\u2029]")
#: The rest of :data:`UNSAFE`, which is dropped.
DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str, *, newlines: bool) -> str:
    """Drop characters XML or DOT cannot carry; whitespace controls become spaces.

    With ``newlines``, line breaks are kept (as ``\\n``).
    """
    if UNSAFE.search(text) is None:  # most text: nothing to drop or replace
        return text
    text = text.replace("\r\n", "\n")
    text = (SPACES_BUT_NEWLINE if newlines else SPACES).sub(" ", text)
    return DROPPED.sub("", text)
