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


def locate(source: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` first occurs in the raw ``source``: ``(start, end)`` indexes, or ``None``.

    Matched as :func:`contains` matches, on the normalised texts; the indexes
    are those of ``source`` as given, which should be in Unicode NFC (a
    source read for display is normalised to NFC first).
    """
    wanted = normalise(quote)
    if not wanted:
        return None
    chars: list[str] = []
    where: list[int] = []  # index in source of each character of the normalised text
    space = False
    for index, char in enumerate(source):
        if _INVISIBLE.match(char):
            continue
        if char.isspace():
            space = bool(chars)
            continue
        if space:
            chars.append(" ")
            where.append(index - 1)
            space = False
        chars.append(char.translate(_QUOTE_MARKS))
        where.append(index)
    found = "".join(chars).find(wanted)
    if found < 0:
        return None
    return where[found], where[found + len(wanted) - 1] + 1


def contains(source: str, quote: str) -> bool:
    """Whether ``quote`` occurs in ``source`` once both are normalised.

    ``source`` must already be normalised (normalise it once per file).
    """
    return normalise(quote) in source


def closest_passage(source: str, quote: str, *, limit: int = 240) -> str:
    """The passage of the normalised ``source`` that looks most like ``quote``.

    Anchored on a run of words the two share (:func:`_anchor`), then aligned:
    the passage runs from the first to the last stretch of the quote found
    around the anchor, widened to whole words; at most ``limit`` characters.
    The time this takes grows with the lengths of source and quote, not
    with their product: a long source of repeated words and a long quote
    that almost matches stay fast.
    """
    wanted = normalise(quote)
    if not source or not wanted:
        return ""
    anchor = _anchor(source, wanted)
    if anchor is None:
        return ""
    at_source, at_wanted = anchor
    if len(wanted) > _ALIGNED:
        # Aligning costs the product of the lengths, and a passage is shown
        # cut to ``limit`` anyway: align the part of the quote around the anchor.
        cut = max(0, at_wanted - _ALIGNED // 2)
        wanted = wanted[cut : cut + _ALIGNED]
        at_wanted -= cut
    # Look for the rest of the quote within one quote length either side.
    low = max(0, at_source - at_wanted - len(wanted))
    high = min(len(source), at_source + (len(wanted) - at_wanted) + len(wanted))
    region = source[low:high]
    blocks = [
        b
        for b in difflib.SequenceMatcher(None, region, wanted, autojunk=False).get_matching_blocks()
        if b.size >= 3
    ]
    if blocks:
        start, end = low + blocks[0].a, low + blocks[-1].a + blocks[-1].size
    else:
        start, end = at_source, at_source + 1
    # Widen to word boundaries so the passage can be copied as it is.
    while start > 0 and not source[start - 1].isspace():
        start -= 1
    while end < len(source) and not source[end].isspace():
        end += 1
    passage = source[start:end].strip()
    if len(passage) > limit:
        passage = passage[: limit - 1].rstrip() + "…"
    return passage


#: The most characters of a quote aligned with its source, around the anchor.
_ALIGNED = 600
#: About how many places of the quote each length of run is tried at.
_TRIES = 100
#: Runs of words tried as anchors, longest first.
_RUNS = (8, 4, 2, 1)


def _anchor(source: str, wanted: str) -> tuple[int, int] | None:
    """Where a run of the quote's words occurs in the source: (in source, in quote).

    The longest run of :data:`_RUNS` found wins, the earliest in the quote
    among runs of that length. Each try is one :meth:`str.find`, so this is
    at most ``len(_RUNS) * _TRIES`` linear scans, whatever the texts hold.
    """
    words = [(m.start(), m.group()) for m in _WORD.finditer(wanted)]
    for run in _RUNS:
        if run > len(words):
            continue
        # At most about _TRIES starts per length, spread over the quote.
        for index in range(0, len(words) - run + 1, max(1, len(words) // _TRIES)):
            begin = words[index][0]
            last = words[index + run - 1]
            found = source.find(wanted[begin : last[0] + len(last[1])])
            if found >= 0:
                return found, begin
    return None


_WORD = re.compile(r"\S+")


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
