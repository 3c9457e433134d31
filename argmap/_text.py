"""Text every export shares: the characters XML and DOT cannot carry, dropped."""

from __future__ import annotations

import re
import unicodedata

#: What :func:`clean` changes: controls (category Cc), surrogates (Cs),
#: line and paragraph separators, and the two non-characters.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def clean(text: str, *, newlines: bool) -> str:
    """Drop characters XML or DOT cannot carry; whitespace controls become spaces.

    With ``newlines``, line breaks are kept (as ``\\n``).
    """
    if UNSAFE.search(text) is None:  # most text: nothing to drop or replace
        return text
    text = text.replace("\r\n", "\n")
    out = []
    for char in text:
        if char == "\n" and newlines:
            out.append(char)
        elif char in "\t\n\r\v\f\x85\u2028\u2029":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff":
            continue
        else:
            out.append(char)
    return "".join(out)
