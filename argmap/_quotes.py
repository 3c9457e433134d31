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

    Anchored on the longest stretch the two share, then aligned: the passage
    runs from the first to the last stretch of the quote found around the
    anchor, widened to whole words; at most ``limit`` characters.
    """
    wanted = normalise(quote)
    if not source or not wanted:
        return ""
    matcher = difflib.SequenceMatcher(None, source, wanted, autojunk=False)
    anchor = matcher.find_longest_match(0, len(source), 0, len(wanted))
    # Look for the rest of the quote within one quote length either side.
    low = max(0, anchor.a - anchor.b - len(wanted))
    high = min(len(source), anchor.a + (len(wanted) - anchor.b) + len(wanted))
    region = source[low:high]
    blocks = [
        b
        for b in difflib.SequenceMatcher(None, region, wanted, autojunk=False).get_matching_blocks()
        if b.size >= 3
    ]
    if blocks:
        start, end = low + blocks[0].a, low + blocks[-1].a + blocks[-1].size
    else:
        start, end = anchor.a, anchor.a + anchor.size
    # Widen to word boundaries so the passage can be copied as it is.
    while start > 0 and not source[start - 1].isspace():
        start -= 1
    while end < len(source) and not source[end].isspace():
        end += 1
    passage = source[start:end].strip()
    if len(passage) > limit:
        passage = passage[: limit - 1].rstrip() + "…"
    return passage


def marked_difference(quote: str, passage: str) -> str:
    """``quote`` word by word against ``passage``, the differences marked as in a word diff.

    ``[-word-]`` is in the quote only, ``{+word+}`` in the passage only;
    both are compared normalised, words without the punctuation around them.
    ``""`` when they have the same words.
    """
    mine, theirs = normalise(quote).split(), normalise(passage).split()
    # Words compared without the punctuation around them: the passage is cut
    # at spaces, so its first and last words may carry a quotation mark.
    matcher = difflib.SequenceMatcher(
        None, [_bare(w) for w in mine], [_bare(w) for w in theirs], autojunk=False
    )
    pieces: list[str] = []
    differ = False
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.extend(mine[i1:i2])
            continue
        differ = True
        if i2 > i1:
            pieces.append("[-" + " ".join(mine[i1:i2]) + "-]")
        if j2 > j1:
            pieces.append("{+" + " ".join(theirs[j1:j2]) + "+}")
    return " ".join(pieces) if differ else ""


def _bare(word: str) -> str:
    return word.strip("\"'.,;:!?()[]") or word
