"""Small helpers any module of argmap may use; this module imports nothing of argmap's."""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Container, Iterable, Iterator, Mapping
from typing import Any, TypeVar

_T = TypeVar("_T")


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large map is read, built or checked.

    Reading a map allocates millions of objects and no reference cycles;
    the collector would traverse all of them again and again for nothing
    (it made loading a map of 100,000 statements three times slower).
    Reference counting still frees memory as usual. The collector's state
    is restored afterwards; nested pauses are harmless.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def suggest(name: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate, or an empty string."""
    import difflib  # only when there is a mistake to suggest a fix for

    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.5)
    return f" (did you mean {close[0]!r}?)" if close else ""


def one_or_many(value: str | Iterable[str]) -> tuple[str, ...]:
    """One string or an iterable of strings, as a tuple: ``"a"`` -> ``("a",)``."""
    return (value,) if isinstance(value, str) else tuple(value)


def in_language(table: Mapping[str, _T], lang: str | None) -> _T:
    """``table``'s entry for ``lang``'s primary language (``de-CH``: ``de``), else English's."""
    return table.get((lang or "en").split("-")[0].lower(), table["en"])


def kind_name(value: Any, *, json: bool = False) -> str:
    """What a parsed value is, for a message: ``a mapping``, ``a list``, ``'x'``.

    With ``json``, in JSON's words: ``an object``, ``null``, ``text``, ``a number``.
    """
    if json:
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true/false"
        names = {dict: "an object", list: "a list", str: "text", int: "a number", float: "a number"}
        return names[type(value)]
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None or getattr(value, "value", "") is None:
        return "nothing"
    return f"{value!r}"


def fresh_id(
    base: str,
    taken: Container[str],
    pattern: str = "{base}-{number}",
    counters: dict[str, int] | None = None,
) -> str:
    """``base`` if not taken, else the first of ``base-2``, ``base-3``... that is not.

    ``pattern`` spells the numbered forms; the caller records the id as taken.
    ``counters``, kept by a caller that hands out many ids from one ``taken``,
    remembers the last number given for each base, so that the next search
    starts there instead of at 2: thousands of ids from one base then take
    linear time, not quadratic. (The numbers below it were all taken, and
    ``taken`` only grows.)
    """
    if base not in taken:
        return base
    number = counters.get(base, 1) if counters is not None else 1
    while True:
        number += 1
        candidate = pattern.format(base=base, number=number)
        if candidate not in taken:
            break
    if counters is not None:
        counters[base] = number
    return candidate


_WORDS = re.compile(r"[^\W_]+")
#: Each byte of ASCII text that is not a letter or digit as a space, and each capital
#: letter in lower case: a table for ``bytes.translate``, which reads one byte at a time
#: where ``str.translate`` looks each character up in a dictionary.
_ASCII_GAPS = bytes(
    ord(chr(c).lower()) if chr(c).isalnum() and c < 128 else ord(" ") for c in range(256)
)


def words_of(folded: str, most: int | None = None) -> list[str]:
    """The words of letters and digits in case-folded text; the first ``most`` (all for None).

    ASCII text, most text, is split with ``bytes.translate`` and ``str.split``:
    the same words as the regular expression finds, in a quarter of the time.
    """
    limit = None if most is None else max(most, 0)
    if folded.isascii():
        gaps = folded.encode("ascii").translate(_ASCII_GAPS).decode("ascii")
        return gaps.split() if limit is None else gaps.split(None, limit)[:limit]
    found = _WORDS.findall(folded)
    return found if limit is None else found[:limit]


def slug(text: str, limit: int = 60, words: int | None = None) -> str:
    """A readable id from a title: ``Censorship is wrong`` -> ``censorship-is-wrong``.

    Lower case, words of letters and digits joined by ``-``, cut at a word
    boundary after ``limit`` characters (or after ``words`` words). Empty when
    the text has no letters or digits.
    """
    # ASCII text's capitals are lower-cased by words_of's table, as casefold would.
    found = words_of(text if text.isascii() else text.casefold(), words)
    joined = "-".join(found)
    if len(joined) <= limit:
        return joined  # no word cut off
    # The words that fit in ``limit`` with their dashes; the first one cut if none does.
    length, count = -1, 0
    for word in found:
        length += len(word) + 1
        if length > limit:
            break
        count += 1
    return "-".join(found[:count]) if count else found[0][:limit]


class Ids:
    """Hands out unique ids: a base, else the base with ``-2``, ``-3``..."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.counters: dict[str, int] = {}

    def claim(self, value: str) -> bool:
        """Take ``value`` as it is; false when it is taken already."""
        if value in self.taken:
            return False
        self.taken.add(value)
        return True

    def make(self, base: str, fallback: str) -> str:
        """A new id from ``base`` (``fallback`` when ``base`` is empty)."""
        base = base or fallback
        if base in self.taken:  # else the base itself, as fresh_id gives it, without the call
            base = fresh_id(base, self.taken, counters=self.counters)
        self.taken.add(base)
        return base


#: Where ``textwrap`` might break a line after a hyphen: a hyphen between
#: letters (``well-known``), a dash of two or more (``a--b``). A hyphen
#: elsewhere (``COVID-19``, `` - ``) stays inside its word.
_BREAKABLE_HYPHEN = re.compile(r"--|[^\d\W]-[^\d\W]")
#: For :func:`wrap`: the longest run of up to ``width`` characters that ends
#: before a space or at the end, by width.
_LINE_PATTERNS: dict[int, re.Pattern[str]] = {}


def wrap(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width=width)``, the same lines, mostly without ``textwrap``.

    Text of words one space apart (no other white space, no hyphen that
    ``textwrap`` may break after) whose words each fit ``width``, as most
    text in a diagram is after its white space is squashed, is wrapped by
    one regular expression: each line is the longest run of whole words
    that fits, as ``textwrap`` fills it. Anything else goes to ``textwrap``,
    whose ``TextWrapper``, built anew for each call, costs ten times more.
    """
    if (
        width > 0
        and ("-" not in text or not _BREAKABLE_HYPHEN.search(text))
        and "  " not in text
        and text.isprintable()  # no white space but " ": no tab, newline, NBSP...
        and text[:1] != " "
        and text[-1:] != " "
    ):
        pattern = _LINE_PATTERNS.get(width)
        if pattern is None:
            pattern = _LINE_PATTERNS[width] = re.compile(f"(.{{1,{width}}})(?: |\\Z)")
        lines: list[str] = pattern.findall(text)
        # A word longer than the width is skipped over by the pattern: then the
        # lines miss some of the text, and textwrap breaks that word instead.
        if sum(map(len, lines)) + len(lines) - 1 == len(text) or not text:
            return lines
    import textwrap

    return textwrap.wrap(text, width=width)
