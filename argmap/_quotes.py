"""Finding a quote in its source text, forgiving only typography."""

from __future__ import annotations

import difflib
import re
import unicodedata

# Typographic quotation marks and apostrophes, and their straight equivalents.
_QUOTE_MARKS = str.maketrans(
    {
        "„": '"',
        "“": '"',
        "”": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "″": '"',
        "‚": "'",
        "‘": "'",
        "’": "'",
        "‛": "'",
        "‹": "'",
        "›": "'",
        "′": "'",
    }
)
# Invisible characters that typesetting inserts: soft hyphen, zero-width
# space, non-joiner, joiner, word joiner, byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """``text`` with whitespace collapsed, invisible characters dropped and
    typographic quotes made straight, in Unicode NFC."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text).translate(_QUOTE_MARKS)
    return _SPACE.sub(" ", text).strip()


def contains(source: str, quote: str) -> bool:
    """Whether ``quote`` occurs in ``source`` once both are normalised.

    ``source`` must already be normalised (normalise it once per file).
    """
    return normalise(quote) in source


def closest_passage(source: str, quote: str, *, limit: int = 240) -> str:
    """The passage of the normalised ``source`` that looks most like ``quote``.

    Anchored on the longest stretch the two share and widened to the quote's
    length and to whole words; at most ``limit`` characters.
    """
    wanted = normalise(quote)
    if not source or not wanted:
        return ""
    matcher = difflib.SequenceMatcher(None, source, wanted, autojunk=False)
    match = matcher.find_longest_match(0, len(source), 0, len(wanted))
    start = max(0, match.a - match.b)
    end = min(len(source), start + len(wanted))
    # Widen to word boundaries so the passage can be copied as it is.
    while start > 0 and not source[start - 1].isspace():
        start -= 1
    while end < len(source) and not source[end].isspace():
        end += 1
    passage = source[start:end].strip()
    if len(passage) > limit:
        passage = passage[: limit - 1].rstrip() + "…"
    return passage
