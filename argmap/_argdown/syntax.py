"""Argdown text to a syntax tree: tokens with positions, then blocks, statements and relations.

The lexer follows the token rules of Argdown's own parser (the order in which
tokens are tried, indentation, emphasis, comments, data), so a document reads
here as it reads in Argdown. Where Argdown would read a typo silently as text
(an unclosed ``[``, ``/*`` or ``{``), argmap reports it. The first syntax
error stops reading, with its line and column.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..errors import Issue, MapError

#: Longest line argmap reads; a longer one is refused rather than tokenised.
MAX_LINE = 100_000
#: Deepest nesting of relations (or of bold and italic inside each other).
MAX_DEPTH = 64

# Token kinds.
COMMENT = "comment"
FRONT_MATTER = "front matter"
DATA = "data"
ESCAPED = "escaped character"
SPECIAL = "special character"
EMPTYLINE = "empty line"
NEWLINE = "line break"
INDENT = "indentation"
DEDENT = "end of indentation"
INFERENCE_START = "inference start"
INFERENCE_END = "inference end"
LIST_DELIMITER = ","
RELATION = "relation"
HEADING = "heading"
STATEMENT_NUMBER = "statement number"
ORDERED_ITEM = "numbered list item"
UNORDERED_ITEM = "list item"
EMPHASIS_START = "emphasis start"
EMPHASIS_END = "emphasis end"
LINK = "link"
TAG = "tag"
STATEMENT_DEFINITION = "statement definition"
STATEMENT_REFERENCE = "statement reference"
STATEMENT_MENTION = "statement mention"
ARGUMENT_DEFINITION = "argument definition"
ARGUMENT_REFERENCE = "argument reference"
ARGUMENT_MENTION = "argument mention"
FREESTYLE = "text"
CONTROL = "character"
EOF = "end of file"

#: Relation symbols: what the child does to its parent ("out") or the parent to the child ("in").
RELATION_SYMBOLS: tuple[tuple[str, str, str], ...] = (
    ("+>", "support", "in"),
    ("->", "attack", "in"),
    ("<+", "support", "out"),
    ("+", "support", "out"),
    ("<-", "attack", "out"),
    ("-", "attack", "out"),
    ("><", "contradictory", "in"),
    ("_>", "undercut", "in"),
    ("<_", "undercut", "out"),
)

# JavaScript's \s, which Argdown's patterns use.
_JS_SPACE = " \t\n\x0b\x0c\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


@functools.cache
def _js_space() -> re.Pattern[str]:
    """JavaScript's \\s as a pattern, compiled on first use (few documents need it)."""
    return re.compile(f"[{_JS_SPACE}]")


# Characters JavaScript's '.' does not match (after line breaks are made '\n').
_LINE_END_RE = re.compile("[\n\u2028\u2029]")
_FREESTYLE = re.compile(r"[^\\@#*_\[\],.:;</>\-\n\r(){}]+")
_CONTROL = re.compile(r"[@#*_\[\],.:;</>\-(){}][ \t]?")
_SPACES = re.compile(r"[ \t]+")
_NEWLINE = re.compile(r"[ \t]*\n")
_EMPTYLINE = re.compile(r"(?:[ \t]*\n){2,}")
_ESCAPED = re.compile("\\\\[^\n\r\u2028\u2029] *")


@functools.cache
def _tag_chars() -> re.Pattern[str]:
    """Argdown's tag characters, compiled on first use.

    [A-Za-z0-9\\-\\[\\\\\\]^_`\\u00a0-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\uffef], written as the
    characters they are not: the same set, compiled in a twentieth of the time.
    """
    return re.compile("[^\\x00-,./:-@{-\\x9f\\ud800-\\uf8ff\\ufdd0-\\ufdef\\ufff0-\\U0010ffff]+")


# The relation symbols, in the order Argdown tries them.
_RELATION = r"\+>|->|<?\+|<?-|><|_>|<_|_(?=\s)"
_LINE_START_RELATION = re.compile(rf"[ \t]*({_RELATION})")
_INFERENCE_START = re.compile(r"[ \t]*--")
_INFERENCE_END = re.compile(r"-{2,}")
_STATEMENT_NUMBER = re.compile(r"[ \t]*\(\d+\)")
_ORDERED_ITEM = re.compile(r"([ \t]*)\d+\.(?=\s)")
_UNORDERED_ITEM = re.compile(r"([ \t]*)\*(?=\s)")
_HEADING = re.compile(r"(#+) ")
_EMPHASIS_END = re.compile(r"(?:[ \t]|(?=[\n\r)}_.,!?;:\-*]|$))")
#: The characters argmap refuses in a document, in one of ASCII and in any text; the
#: second, a larger table to compile, only for documents that are not ASCII.
_FORBIDDEN_ASCII = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The ASCII characters allowed, as bytes: deleted from an ASCII document's bytes, they
#: leave its forbidden ones, if any (quicker than a search of the text).
_ALLOWED_ASCII = bytes(c for c in range(128) if not _FORBIDDEN_ASCII.match(chr(c)))


@functools.cache
def _forbidden() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


#: The token rules that match only at the start of a line, left out of the rules tried
#: after a line break (none), after an empty line (an inference's start) and elsewhere (all).
_LINE_START_RULES: tuple[frozenset[str], ...] = (
    frozenset(),
    frozenset({"inference_start"}),
    frozenset(
        {
            "inference_start",
            "relation",
            "heading",
            "statement_number",
            "ordered_item",
            "unordered_item",
        }
    ),
)

_new = tuple.__new__  # a token made without the call of Token's __new__, in the hot loop

#: Emphasis markers, tried in this order: closing ones first, then opening ones.
_EMPHASIS = ("**", "__", "*", "_")

#: A whole line of the shape most lines of a document have, read in one match where the
#: line-start rules would be tried (after a line break or an empty line, outside an
#: inference). Each part is the token the rules make of it, in their order:
#:
#: * the first line-start rule that matches, kept (an atomic group) as the rules keep it:
#:   a statement number, an inference line ('--' and its closing '--' in one), a relation;
#:   or none, where the line starts with a character none of them takes, not a space or
#:   a digit (a numbered item) nor the line's end;
#: * a title '<A>', '<A>:', '[A]' or '[A]:' closed by the first '>' or ']' on the line
#:   (nothing after it on the line can hold another), not starting like a comment '<!--'
#:   or with a '-' (which the rules do not take for a reference);
#: * text, not starting with '=' (front matter), and a period the rule for '.x.' cannot
#:   take, as a space or the line's end follows it;
#: * the line break, or an empty line.
#:
#: The possessive quantifiers keep the regex from splitting a line any other way; a line
#: of any other shape is left to the rules, and so is an inference line after an empty
#: line (where the rules do not try it) and a document with the line separators U+2028
#: or U+2029 (which end a title, but not a line).
_LINE = re.compile(
    r"(?>(?P<number>[ \t]*+\(\d++\))"
    r"|(?P<inference>[ \t]*+--)(?P<inference_end>-{2,}+)"
    rf"|(?P<indent>[ \t]*+)(?P<relation>{_RELATION})"
    r"|(?=[^0-9 \t\n]))"
    r"(?:[ \t]*+(?P<element><[^!\->\n][^>\n]*+>:?+|\[[^\-\]\n][^\]\n]*+\]:?+))?"
    r"(?:[ \t]*+(?P<text>[^=\\@#*_\[\],.:;</>\-\n\r(){} \t][^\\@#*_\[\],.:;</>\-\n\r(){}]*+))?"
    r"(?P<period>\.[ \t]?+)?"
    r"(?P<newline>[ \t]*+\n)(?P<empty>(?:[ \t]*+\n)++)?"
)


class Token(NamedTuple):
    """One token: its kind, the text it covers and where it starts (1-based)."""

    kind: str
    image: str
    offset: int
    line: int
    column: int
    #: For relations the symbol (``+>``, ``<_`` ...); for emphasis the marker.
    symbol: str = ""

    @property
    def end(self) -> int:
        return self.offset + len(self.image)


def _positions(pattern: str | re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in re.finditer(pattern, text)]


def _next(positions: list[int], at: int) -> int | None:
    index = bisect.bisect_left(positions, at)
    return positions[index] if index < len(positions) else None


class _Index:
    """Where the characters that close Argdown's tokens are, for lookups in O(log n).

    Argdown's patterns (``\\[.+?\\]``, ``{...}``) scan ahead; done naively on
    hostile input that is quadratic. Each table is made on its first use: a
    document without comments never looks for their ends.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def line_ends(self) -> list[int]:
        if "\u2028" not in self.text and "\u2029" not in self.text:
            return self.newlines
        return _positions(_LINE_END_RE, self.text)

    @functools.cached_property
    def newlines(self) -> list[int]:
        return _positions("\n", self.text)

    @functools.cached_property
    def brackets(self) -> list[int]:
        return _positions(r"\]", self.text)

    @functools.cached_property
    def bracket_colons(self) -> list[int]:
        return _positions(r"\]:", self.text)

    @functools.cached_property
    def angles(self) -> list[int]:
        return _positions(">", self.text)

    @functools.cached_property
    def angle_colons(self) -> list[int]:
        return _positions(">:", self.text)

    @functools.cached_property
    def parens(self) -> list[int]:
        return _positions(r"\)", self.text)

    @functools.cached_property
    def dots(self) -> list[int]:
        return _positions(r"\.", self.text)

    @functools.cached_property
    def colons(self) -> list[int]:
        return _positions(":", self.text)

    @functools.cached_property
    def comment_ends(self) -> list[int]:
        return _positions("-->", self.text)

    @functools.cached_property
    def block_ends(self) -> list[int]:
        return _positions(r"\*/", self.text)

    @functools.cached_property
    def separators(self) -> list[int]:
        return _positions("[\u2028\u2029]", self.text)

    @functools.cached_property
    def data_stops(self) -> list[int]:
        return _positions(f"}}(?=[{_JS_SPACE}][^,}}])", self.text)

    @functools.cached_property
    def data_closers(self) -> list[int]:
        return _positions(f"}}(?![{_JS_SPACE}]*[,}}])", self.text)

    def space_between(self, start: int, end: int) -> bool:
        """A space (JavaScript's ``\\s``) between ``start`` and ``end`` (exclusive).

        Searched in the text itself: the stretches searched for one document
        do not overlap (each ends at the next '.' or ':'), so this stays linear.
        """
        return _js_space().search(self.text, start, end) is not None

    def within_line(self, start: int, end: int) -> bool:
        """No line end between ``start`` and ``end`` (exclusive)."""
        found = _next(self.line_ends, start)
        return found is None or found >= end

    def closing(self, positions: list[int], start: int) -> int | None:
        """The first of ``positions`` at or after ``start`` on the same line."""
        found = _next(positions, start)
        if found is None or not self.within_line(start, found):
            return None
        return found

    def data_end(self, at: int) -> int | None:
        """End of a ``{...}`` data block starting at ``at``, as Argdown delimits it."""
        limit = len(self.text)
        for positions in (self.data_stops, self.separators):
            found = _next(positions, at + 1)
            if found is not None:
                limit = min(limit, found)
        index = bisect.bisect_right(self.data_closers, limit) - 1
        if index >= 0 and self.data_closers[index] > at:
            return self.data_closers[index] + 1
        return None


def _error(code: str, message: str, file: str, line: int, column: int) -> MapError:
    return MapError([Issue(code, message, file=file, line=line, column=column)])


class Lexer:
    """Splits Argdown text into tokens, as Argdown's lexer does."""

    def __init__(self, text: str, file: str, *, whole_lines: bool = True) -> None:
        self.text = text
        self.file = file
        self.index = _Index(text)
        #: The line the tokens have reached: its number, where it starts, where its
        #: line break is (see :meth:`where`).
        self.row, self.row_start, self.row_end = 1, 0, self._line_end(0)
        self.tokens: list[Token] = []
        self.indents = [0]
        self.emphasis: list[tuple[str, int]] = []  # open markers and their offsets
        self.inference = False
        self.last_skipped_end = -1
        #: Whether to read lines of the common shape in one match (see :meth:`lines`);
        #: off, every token comes from the rules, which the tests compare against.
        self.whole_lines = whole_lines and "\u2028" not in text and "\u2029" not in text
        #: The rules to try at a character, in each state (see :meth:`rules`).
        self.rule_tables: tuple[dict[str, tuple[Callable[[int], int | None], ...]], ...] = (
            {},
            {},
            {},
        )

    # -- positions and errors -----------------------------------------------

    @functools.cached_property
    def line_starts(self) -> list[int]:
        return [0, *(p + 1 for p in self.index.newlines)]

    def _line_end(self, offset: int) -> int:
        end = self.text.find("\n", offset)
        return len(self.text) if end == -1 else end

    def where(self, offset: int) -> tuple[int, int]:
        """Line and column of ``offset``: counted on from the line the tokens have reached,
        which each search moves on, so that reading the document counts each line once."""
        if offset < self.row_start:  # an error before the line reached
            line = bisect.bisect_right(self.line_starts, offset)
            return line, offset - self.line_starts[line - 1] + 1
        if offset > self.row_end:
            text = self.text
            self.row += text.count("\n", self.row_start, offset)
            self.row_start = text.rfind("\n", 0, offset) + 1
            self.row_end = self._line_end(offset)
        return self.row, offset - self.row_start + 1

    def fail(self, code: str, message: str, offset: int) -> MapError:
        line, column = self.where(offset)
        return _error(code, message, self.file, line, column)

    def add(self, kind: str, start: int, end: int, symbol: str = "") -> None:
        if self.row_start <= start <= self.row_end:  # on the line reached, as most are
            line, column = self.row, start - self.row_start + 1
        else:
            line, column = self.where(start)
        self.tokens.append(_new(Token, (kind, self.text[start:end], start, line, column, symbol)))

    def virtual(self, kind: str, at: int, line: int, column: int) -> None:
        self.tokens.append(Token(kind, "", at, line, column))

    @property
    def last(self) -> Token | None:
        return self.tokens[-1] if self.tokens else None

    def at_line_start(self, *, after_emptyline: bool = True) -> bool:
        if not self.tokens:
            return True
        kind = self.tokens[-1].kind
        return kind == NEWLINE or (after_emptyline and kind == EMPTYLINE)

    def dedent_all(self, at: int, line: int, column: int) -> None:
        """Ends every indentation at ``at``, which is on ``line`` at ``column``."""
        while len(self.indents) > 1:
            self.indents.pop()
            self.virtual(DEDENT, at, line, column)

    def indent_to(self, width: int, at: int, line: int, column: int) -> None:
        """Indents or dedents to ``width`` at ``at``, which is on ``line`` at ``column``."""
        if width > self.indents[-1]:
            self.indents.append(width)
            self.virtual(INDENT, at, line, column)
            return
        while len(self.indents) > 1 and width < self.indents[-1]:
            self.indents.pop()
            self.virtual(DEDENT, at, line, column)

    # -- the token rules ----------------------------------------------------

    def run(self) -> list[Token]:
        text, tokens = self.text, self.tokens
        tables, whole_lines = self.rule_tables, self.whole_lines
        length, pos = len(text), 0
        while pos < length:
            # Where a line starts (or its indentation ends): not after a comment, which
            # would try the pattern again and again on a line of comments.
            if (pos == 0 or text[pos - 1] in "\n \t") and whole_lines and not self.inference:
                last = tokens[-1].kind if tokens else NEWLINE
                if last in (NEWLINE, EMPTYLINE):
                    stop = self.lines(pos)
                    if stop != pos:
                        pos = stop
                        continue
            char = text[pos]
            end = self.comment(pos) if char in "</" else None
            if end is None and self.inference:
                end = self.inference_token(pos)
            elif end is None:
                # The default mode: the rules for the character (see rules_for), then
                # spaces, text or a lone character. Inline, as this runs once per token.
                last = tokens[-1].kind if tokens else NEWLINE
                state = 0 if last == NEWLINE else 1 if last == EMPTYLINE else 2
                rules = tables[state].get(char)
                if rules is None:
                    rules = self.rules(state, char)
                for rule in rules:
                    end = rule(pos)
                    if end is not None:
                        break
                else:
                    end = self.plain(pos)
            if end is None:
                raise self.fail(
                    "argdown-syntax",
                    "a backslash escapes the character after it, but here nothing follows "
                    "on the line; write '\\\\' for a backslash",
                    pos,
                )
            pos = end
        if tokens and tokens[-1].kind == EMPTYLINE:
            tokens.pop()
        self.dedent_all(len(text), *self.where(len(text)))
        return tokens

    def lines(self, pos: int) -> int:
        """The tokens of the lines of the common shape (see ``_LINE``) from ``pos`` on, up
        to the first line of another shape or the last line; returns where they end.

        ``pos`` is where the rules would try the line-start rules: after a line break,
        an empty line (or spaces after them, or a comment), outside an inference.
        """
        text, tokens, indents = self.text, self.tokens, self.indents
        append = tokens.append
        length = len(text)
        state = 1 if tokens and tokens[-1].kind == EMPTYLINE else 0
        line, column = self.where(pos)
        shift = column - pos  # an offset plus the shift is its column
        while True:
            match = _LINE.match(text, pos)
            if match is None or match.end() == length:
                break
            # The parts as strings, and where the parts after the first start: fewer
            # objects than the spans of all groups, which most lines leave empty.
            (
                number,
                inference,
                inference_end,
                indent,
                relation,
                element,
                words,
                period,
                newline,
                empty,
            ) = match.groups()
            start = match.start
            if number is not None:
                if len(indents) > 1:
                    self.dedent_all(pos, line, pos + shift)
                append(_new(Token, (STATEMENT_NUMBER, number, pos, line, pos + shift, "")))
            elif inference is not None:
                if state == 1:
                    break
                if len(indents) > 1:
                    self.dedent_all(pos, line, pos + shift)
                append(_new(Token, (INFERENCE_START, inference, pos, line, pos + shift, "")))
                at = pos + len(inference)
                append(_new(Token, (INFERENCE_END, inference_end, at, line, at + shift, "")))
            elif relation is not None:
                self.indent_to(len(indent), pos, line, pos + shift)
                at = pos + len(indent)
                symbol = "<_" if relation == "_" else relation
                append(_new(Token, (RELATION, relation, at, line, at + shift, symbol)))
            if element is not None:
                at = start(6)
                if element[0] == "<":
                    kind = ARGUMENT_DEFINITION if element[-1] == ":" else ARGUMENT_REFERENCE
                else:
                    kind = STATEMENT_DEFINITION if element[-1] == ":" else STATEMENT_REFERENCE
                append(_new(Token, (kind, element, at, line, at + shift, "")))
            if words is not None:
                at = start(7)
                append(_new(Token, (FREESTYLE, words, at, line, at + shift, "")))
            if period is not None:
                at = start(8)
                append(_new(Token, (CONTROL, period, at, line, at + shift, "")))
            at = start(9)
            pos = match.end()
            if empty is None:
                append(_new(Token, (NEWLINE, newline, at, line, at + shift, "")))
                line += 1
                state = 0
            else:
                if len(indents) > 1:
                    self.dedent_all(at, line, at + shift)
                append(_new(Token, (EMPTYLINE, text[at:pos], at, line, at + shift, "")))
                line += text.count("\n", at, pos)
                state = 1
            shift = 1 - pos
        if line != self.row:  # lines were read: the line reached is the one at pos
            self.row, self.row_start, self.row_end = line, pos, self._line_end(pos)
        return pos

    def comment(self, pos: int) -> int | None:
        text = self.text
        if text.startswith("<!--", pos):
            close = _next(self.index.comment_ends, pos + 4)
            if close is None:
                raise self.fail(
                    "argdown-unterminated-comment",
                    "this comment '<!--' is never closed; end it with '-->'",
                    pos,
                )
            end = close + 3
        elif text.startswith("/*", pos):
            close = _next(self.index.block_ends, pos + 2)
            if close is None:
                raise self.fail(
                    "argdown-unterminated-comment",
                    "this comment '/*' is never closed; end it with '*/' "
                    "(or write '\\/*' for the characters themselves)",
                    pos,
                )
            end = close + 2
        elif text.startswith("//", pos):
            found = _next(self.index.newlines, pos)
            end = len(text) if found is None else found
        else:
            return None
        last = self.last
        if last is not None and last.kind == EMPTYLINE:
            while end < len(text) and text[end] == "\n":
                end += 1
        elif last is not None and last.kind == NEWLINE:
            match = _NEWLINE.match(text, end)
            if match and not _NEWLINE.match(text, match.end()):
                end = match.end()
        self.last_skipped_end = end
        return end

    def skip_spaces(self, pos: int) -> int | None:
        match = _SPACES.match(self.text, pos)
        if match is None:
            return None
        self.last_skipped_end = match.end()
        return match.end()

    def rules(self, state: int, char: str) -> tuple[Callable[[int], int | None], ...]:
        """:meth:`rules_for` ``char``, less the rules that cannot match in ``state``.

        ``state`` says what the last token was: 0 a line break (or none), 1 an
        empty line, 2 anything else. The rules of a line's start refuse at
        once elsewhere, so they are not tried there. Remembered for the next
        token in the same state at the same character.
        """
        skip = _LINE_START_RULES[state]
        found = tuple(r for r in self.rules_for(char) if r.__name__ not in skip)
        self.rule_tables[state][char] = found
        return found

    def plain(self, pos: int) -> int | None:
        """Spaces, or a run of free text or of control characters: where no rule matched."""
        text = self.text
        if text[pos] in " \t":
            return self.skip_spaces(pos)
        match = _FREESTYLE.match(text, pos)
        if match:
            self.add(FREESTYLE, pos, match.end())
            return match.end()
        match = _CONTROL.match(text, pos)
        if match:
            self.add(CONTROL, pos, match.end())
            return match.end()
        return None

    def rules_for(self, char: str) -> Iterator[Callable[[int], int | None]]:
        """The token rules that can match at a character, in Argdown's order."""
        if char == "=":
            yield self.front_matter
        if char == "{":
            yield self.data
        if char == "\\":
            yield self.escaped
        if char in ".:":
            yield self.special
        if char in " \t\n":
            yield self.emptyline
            yield self.newline
        if char in " \t-":
            yield self.inference_start
        if char in " \t+-<>_":
            yield self.relation
        if char == "#":
            yield self.heading
        if char in " \t(":
            yield self.statement_number
        if char in " \t0123456789":
            yield self.ordered_item
        if char in " \t*":
            yield self.unordered_item
        if char in "*_":
            yield self.emphasis_end
            yield self.emphasis_start
        if char == "[":
            yield self.link
        if char == "#":
            yield self.tag
        if char == "[":
            yield self.statement_definition
            yield self.statement_reference
        if char == "@":
            yield self.mention
        if char == "<":
            yield self.argument_definition
            yield self.argument_reference

    def front_matter(self, pos: int) -> int | None:
        text = self.text
        if not text.startswith("===", pos):
            return None
        run = pos
        while run < len(text) and text[run] == "=":
            run += 1
        close = text.find("===", run)  # each search ends where the front matter would
        if close != -1:
            end = close
            while end < len(text) and text[end] == "=":
                end += 1
        elif run - pos >= 6:
            end = run
        else:
            if all(t.kind in (NEWLINE, EMPTYLINE) for t in self.tokens):
                raise self.fail(
                    "argdown-front-matter",
                    "the front matter that starts here is never closed; end it with a line '==='",
                    pos,
                )
            return None
        self.add(FRONT_MATTER, pos, end)
        return end

    def data(self, pos: int) -> int | None:
        end = self.index.data_end(pos)
        if end is None:
            raise self.fail(
                "argdown-unterminated-data",
                "this data block '{' is never closed; end it with '}' "
                "(or write '\\{' for the character itself)",
                pos,
            )
        self.add(DATA, pos, end)
        return end

    def escaped(self, pos: int) -> int | None:
        match = _ESCAPED.match(self.text, pos)
        if match is None:
            return None
        self.add(ESCAPED, pos, match.end())
        return match.end()

    def special(self, pos: int) -> int | None:
        text = self.text
        positions = self.index.dots if text[pos] == "." else self.index.colons
        close = _next(positions, pos + 2)
        if close is None:
            return None
        if self.index.space_between(pos + 1, close):
            return None
        end = close + 1
        if end < len(text) and text[end] in " \t":
            end += 1
        self.add(SPECIAL, pos, end)
        return end

    def emptyline(self, pos: int) -> int | None:
        if self.tokens and self.tokens[-1].kind == EMPTYLINE:
            return None
        match = _EMPTYLINE.match(self.text, pos)
        if match is None:
            return None
        if match.end() < len(self.text):
            self.dedent_all(pos, *self.where(pos))
        self.add(EMPTYLINE, pos, match.end())
        return match.end()

    def newline(self, pos: int) -> int | None:
        match = _NEWLINE.match(self.text, pos)
        if match is None:
            return None
        self.add(NEWLINE, pos, match.end())
        return match.end()

    def inference_start(self, pos: int) -> int | None:
        if not self.at_line_start(after_emptyline=False):
            return None
        match = _INFERENCE_START.match(self.text, pos)
        if match is None:
            return None
        self.dedent_all(pos, *self.where(pos))
        self.add(INFERENCE_START, pos, match.end())
        self.inference = True
        return match.end()

    def relation(self, pos: int) -> int | None:
        if not self.at_line_start():
            return None
        match = _LINE_START_RELATION.match(self.text, pos)
        if match is None:
            return None
        symbol = match.group(1)
        self.indent_to(match.start(1) - pos, pos, *self.where(pos))
        self.add(RELATION, match.start(1), match.end(), "<_" if symbol == "_" else symbol)
        return match.end()

    def heading(self, pos: int) -> int | None:
        if not self.at_line_start():
            return None
        match = _HEADING.match(self.text, pos)
        if match is None:
            return None
        self.add(HEADING, pos, match.end())
        return match.end()

    def statement_number(self, pos: int) -> int | None:
        if not self.at_line_start():
            return None
        match = _STATEMENT_NUMBER.match(self.text, pos)
        if match is None:
            return None
        self.dedent_all(pos, *self.where(pos))
        self.add(STATEMENT_NUMBER, pos, match.end())
        return match.end()

    def list_item(self, pos: int, pattern: re.Pattern[str], kind: str) -> int | None:
        if not self.at_line_start():
            return None
        match = pattern.match(self.text, pos)
        if match is None:
            return None
        self.indent_to(len(match.group(1)) + 1, pos, *self.where(pos))
        self.add(kind, pos, match.end())
        return match.end()

    def ordered_item(self, pos: int) -> int | None:
        return self.list_item(pos, _ORDERED_ITEM, ORDERED_ITEM)

    def unordered_item(self, pos: int) -> int | None:
        return self.list_item(pos, _UNORDERED_ITEM, UNORDERED_ITEM)

    def emphasis_end(self, pos: int) -> int | None:
        text = self.text
        for marker in _EMPHASIS:
            if not self.emphasis or self.emphasis[-1][0] != marker:
                continue
            last = self.last
            if last is None or self.last_skipped_end > last.end:
                return None
            if not text.startswith(marker, pos):
                continue
            match = _EMPHASIS_END.match(text, pos + len(marker))
            if match is None:
                continue
            self.emphasis.pop()
            self.add(EMPHASIS_END, pos, match.end(), marker)
            return match.end()
        return None

    def emphasis_start(self, pos: int) -> int | None:
        text = self.text
        for marker in _EMPHASIS:
            after = pos + len(marker)
            if text.startswith(marker, pos) and (
                after >= len(text) or not _js_space().match(text, after)
            ):
                if len(self.emphasis) >= MAX_DEPTH:
                    raise self.fail(
                        "argdown-too-deep",
                        f"bold and italic are nested more than {MAX_DEPTH} levels deep here; "
                        f"close them, or escape the character as '\\{marker[0]}'",
                        pos,
                    )
                self.emphasis.append((marker, pos))
                self.add(EMPHASIS_START, pos, after, marker)
                return after
        return None

    def link(self, pos: int) -> int | None:
        text, index = self.text, self.index
        close = _next(index.brackets, pos + 1)
        if close is None or close == pos + 1 or not text.startswith("(", close + 1):
            return None
        paren = _next(index.parens, close + 2)
        if paren is None or paren == close + 2:
            return None
        end = paren + 1
        if end < len(text) and text[end] in " \t":
            end += 1
        self.add(LINK, pos, end)
        return end

    def tag(self, pos: int) -> int | None:
        text = self.text
        end: int | None = None
        if text.startswith("(", pos + 1):
            paren = _next(self.index.parens, pos + 2)
            if paren is not None and paren > pos + 2:
                end = paren + 1
        if end is None:
            match = _tag_chars().match(text, pos + 1)
            if match is None:
                return None
            end = match.end()
        if end < len(text) and text[end] in " \t":
            end += 1
        self.add(TAG, pos, end)
        return end

    def definition(self, pos: int, colons: list[int], kind: str) -> int | None:
        """``[Title]:`` or ``<Title>:``; *colons* are the closing ``]:`` or ``>:``."""
        close = self.index.closing(colons, pos + 2)
        if close is None or not self.index.within_line(pos + 1, close):
            return None
        self.add(kind, pos, close + 2)
        return close + 2

    def reference(self, pos: int, closers: list[int], kind: str) -> int | None:
        """``[Title]`` or ``<Title>``; *closers* are the closing ``]`` or ``>``."""
        text = self.text
        if pos + 1 >= len(text) or text[pos + 1] == "-":
            return None
        close = self.index.closing(closers, pos + 2)
        if close is None:
            return None
        self.add(kind, pos, close + 1)
        return close + 1

    def statement_definition(self, pos: int) -> int | None:
        return self.definition(pos, self.index.bracket_colons, STATEMENT_DEFINITION)

    def statement_reference(self, pos: int) -> int | None:
        return self.reference(pos, self.index.brackets, STATEMENT_REFERENCE)

    def mention(self, pos: int) -> int | None:
        text = self.text
        if text.startswith("@[", pos):
            positions = self.index.brackets
        elif text.startswith("@<", pos):
            positions = self.index.angles
        else:
            return None
        close = self.index.closing(positions, pos + 3)
        if close is None or not self.index.within_line(pos + 2, close):
            return None
        end = close + 1
        if end < len(text) and text[end] in " \t":
            end += 1
        kind = STATEMENT_MENTION if text[pos + 1] == "[" else ARGUMENT_MENTION
        self.add(kind, pos, end)
        return end

    def argument_definition(self, pos: int) -> int | None:
        return self.definition(pos, self.index.angle_colons, ARGUMENT_DEFINITION)

    def argument_reference(self, pos: int) -> int | None:
        return self.reference(pos, self.index.angles, ARGUMENT_REFERENCE)

    def inference_token(self, pos: int) -> int | None:
        text, char = self.text, self.text[pos]
        if char in " \t\n":
            end = self.newline(pos)
            if end is not None:
                return end
        if char == "\\":
            return self.escaped(pos)
        if char in ".:":
            end = self.special(pos)
            if end is not None:
                return end
        if char == "-":
            match = _INFERENCE_END.match(text, pos)
            if match:
                self.add(INFERENCE_END, pos, match.end())
                self.inference = False
                return match.end()
        if char == "{":
            return self.data(pos)
        if char == ",":
            self.add(LIST_DELIMITER, pos, pos + 1)
            return pos + 1
        return self.plain(pos)


def prepare(text: str, file: str) -> str:
    """Line breaks as ``\\n``; refuse control characters and overlong lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        forbidden = text.encode("ascii").translate(None, _ALLOWED_ASCII)
        bad = _FORBIDDEN_ASCII.search(text) if forbidden else None
    else:
        bad = _forbidden().search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise _error(
            "argdown-control-character",
            f"the control character U+{ord(bad.group()):04X} cannot stand in an Argdown "
            "document; is this a text file? Remove it",
            file,
            line,
            column,
        )
    lengths = list(map(len, text.split("\n"))) if _may_have_long_line(text) else [0]
    if max(lengths) > MAX_LINE:
        number = next(n for n, length in enumerate(lengths, 1) if length > MAX_LINE)
        raise _error(
            "argdown-line-too-long",
            f"this line is longer than {MAX_LINE:,} characters; break it into lines "
            "(Argdown joins the lines of a statement with spaces)",
            file,
            number,
            MAX_LINE + 1,
        )
    return text


def _may_have_long_line(text: str) -> bool:
    """Whether a line may be longer than ``MAX_LINE``: a line that long holds one of the
    text's blocks of ``MAX_LINE // 2`` characters (counted from its start) whole, so a
    text each of whose blocks has a line break has none."""
    block = MAX_LINE // 2
    return any(
        text.find("\n", start, start + block) == -1
        for start in range(0, len(text) - block + 1, block)
    )


def tokenize(text: str, file: str) -> list[Token]:
    """The tokens of a prepared document (see :func:`prepare`)."""
    lexer = Lexer(text, file)
    try:
        return lexer.run()
    finally:
        # The tables hold the lexer's own methods: emptied, the lexer and its tokens are
        # freed when done with, not left to the garbage collector.
        for table in lexer.rule_tables:
            table.clear()


# -- the syntax tree ----------------------------------------------------------
#
# Its nodes are told apart by identity and have no generated repr or comparison:
# fewer methods to make each time the module is imported.


@dataclass(slots=True, eq=False, repr=False)
class Element:
    """What a statement and an argument have in the syntax tree: a title, text, tags,
    data and the relations indented under them."""

    start: Token
    title: str | None
    reference: bool
    content: Sequence[Token]
    tags: Sequence[Token]
    data: Token | None = None
    #: The relations under it; the empty tuple for none, as an element's empty parts.
    relations: Sequence[Relation] = ()


@dataclass(slots=True, eq=False, repr=False)
class Statement(Element):
    """A statement: plain text, ``[Title]: text`` or a reference ``[Title]``."""


@dataclass(slots=True, eq=False, repr=False)
class Argument(Element):
    """An argument's description ``<Title>: text`` or a reference ``<Title>``."""

    title: str


@dataclass(slots=True, eq=False, repr=False)
class Relation:
    """A relation to the element it is indented under."""

    token: Token
    child: Statement | Argument

    @property
    def kind(self) -> str:
        for symbol, kind, _ in RELATION_SYMBOLS:
            if symbol == self.token.symbol:
                return kind
        raise AssertionError(self.token.symbol)

    @property
    def incoming(self) -> bool:
        """True when the parent is the relation's source (``+>``, ``->``, ``_>``, ``><``)."""
        return self.token.symbol in ("+>", "->", "><", "_>")


@dataclass(slots=True, eq=False, repr=False)
class Heading:
    """A heading ``# Title``: its level, text and data."""

    start: Token
    level: int
    content: list[Token]
    data: Token | None = None


@dataclass(slots=True, eq=False, repr=False)
class Inference:
    """An inference line ``--`` of a premise-conclusion structure, with its rules and data."""

    start: Token
    rules: list[list[Token]]
    data: Token | None
    relations: Sequence[Relation]


@dataclass(slots=True, eq=False, repr=False)
class PcsStatement:
    """A numbered statement ``(1) ...`` of a premise-conclusion structure."""

    number: Token
    statement: Statement


@dataclass(slots=True, eq=False, repr=False)
class Pcs:
    """A premise-conclusion structure: numbered statements and inference lines."""

    items: list[PcsStatement | Inference]


@dataclass(slots=True, eq=False, repr=False)
class ItemList:
    """A list of statements and arguments, ``*`` or ``1.`` items."""

    items: list[Statement | Argument]


Block = Heading | Statement | Argument | Pcs | ItemList


@dataclass(slots=True, eq=False, repr=False)
class Document:
    """A whole document: its front matter and its blocks, in order."""

    front_matter: Token | None
    blocks: list[Block]


_CONTENT = {
    FREESTYLE,
    CONTROL,
    ESCAPED,
    SPECIAL,
    LINK,
    TAG,
    STATEMENT_MENTION,
    ARGUMENT_MENTION,
    NEWLINE,
    EMPHASIS_START,
    EMPHASIS_END,
}
#: What may follow a numbered statement's line in a premise-conclusion structure.
_NEXT_IN_PCS = frozenset((STATEMENT_NUMBER, INFERENCE_START))
#: What ends the relations under an element, or its paragraph.
_AFTER_BLOCK = frozenset((DEDENT, EMPTYLINE, EOF))
#: What may stand on the line after an element's: its data, or the relations under it.
_DATA_OR_INDENT = frozenset((DATA, INDENT))

_WHAT = {
    STATEMENT_DEFINITION: "a statement definition '[Title]:'",
    STATEMENT_REFERENCE: "a statement reference '[Title]'",
    ARGUMENT_DEFINITION: "an argument definition '<Title>:'",
    ARGUMENT_REFERENCE: "an argument reference '<Title>'",
}


class Parser:
    """Blocks from tokens, following Argdown's grammar."""

    def __init__(self, tokens: list[Token], text: str, file: str, *, at_once: bool = True) -> None:
        self.text = text
        self.file = file
        self.pos = 0
        #: Whether the usual numbered statements and references are read at once (see
        #: :meth:`plain_statement` and :meth:`argument`); off, to compare: the tree is the same.
        self.at_once = at_once
        end_line = text.count("\n") + 1
        end_column = len(text) - (text.rfind("\n") + 1) + 1
        self.eof = Token(EOF, "", len(text), end_line, end_column)
        # Two ends of the file after the tokens, for a look one token past the last one:
        # the grammar takes no token that it has not seen, so it never gets further.
        self.tokens = [*tokens, self.eof, self.eof]

    # -- helpers ------------------------------------------------------------

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[self.pos + ahead]

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def accept(self, kind: str) -> Token | None:
        token = self.tokens[self.pos]
        if token.kind == kind:
            self.pos += 1
            return token
        return None

    def fail(self, code: str, message: str, token: Token) -> MapError:
        return _error(code, message, self.file, token.line, token.column)

    def describe(self, token: Token) -> str:
        if token.kind == EOF:
            return "the end of the file"
        if token.kind in (INDENT, DEDENT, NEWLINE, EMPTYLINE):
            return f"a {token.kind}"
        return f"{token.kind} {token.image.strip()!r}"

    def unexpected(self, token: Token, context: str) -> MapError:
        """An error for a token that cannot stand where it is, with the likely fix."""
        if token.kind in _WHAT:
            return self.fail(
                "argdown-syntax",
                f"{_WHAT[token.kind]} cannot stand inside {context}; start it on a line of "
                f"its own after an empty line, or escape the bracket ('\\{token.image[0]}') "
                "to write it as text",
                token,
            )
        if token.kind == RELATION:
            return self.fail(
                "argdown-indentation",
                f"the relation {token.symbol!r} is not indented under a statement or "
                "argument; indent it more than the line it belongs to (and indent relations "
                "of one element equally)",
                token,
            )
        if token.kind == DATA:
            return self.fail(
                "argdown-syntax",
                "data '{...}' goes at the end of a statement, argument or heading, and only "
                "once; move it there (or write '\\{' for the character)",
                token,
            )
        if token.kind in (HEADING, STATEMENT_NUMBER, INFERENCE_START, ORDERED_ITEM, UNORDERED_ITEM):
            return self.fail(
                "argdown-syntax",
                f"{self.describe(token)} must start a new paragraph here: put an empty line "
                "before it",
                token,
            )
        if token.kind == FRONT_MATTER:
            return self.fail(
                "argdown-syntax",
                "front matter '===' can only open the document; move it to the top "
                "(or escape '\\=' to write the characters)",
                token,
            )
        return self.fail("argdown-syntax", f"unexpected {self.describe(token)} in {context}", token)

    # -- grammar ------------------------------------------------------------

    def document(self) -> Document:
        self.accept(NEWLINE)
        self.accept(EMPTYLINE)
        front = self.accept(FRONT_MATTER)
        if front is not None:
            self.accept(NEWLINE)
            if self.peek().kind == EOF:
                raise self.fail(
                    "argdown-empty",
                    "the document has front matter but nothing after it; add statements or "
                    "arguments after an empty line",
                    self.peek(),
                )
            if self.accept(EMPTYLINE) is None:
                raise self.fail(
                    "argdown-syntax",
                    "put an empty line after the front matter's closing '==='",
                    self.peek(),
                )
        if self.peek().kind == EOF:
            raise self.fail(
                "argdown-empty",
                "the document holds no statements, arguments or headings",
                self.peek(),
            )
        blocks = [self.block()]
        while True:
            token = self.peek()
            if token.kind == EOF:
                break
            if token.kind != EMPTYLINE:
                raise self.unexpected(token, "this paragraph")
            self.take()
            blocks.append(self.block())
        return Document(front, blocks)

    def block(self) -> Block:
        token = self.peek()
        if token.kind == HEADING:
            return self.heading()
        if token.kind == STATEMENT_NUMBER:
            return self.pcs()
        if token.kind in (ARGUMENT_DEFINITION, ARGUMENT_REFERENCE):
            return self.argument()
        if token.kind == INDENT and self.peek(1).kind in (ORDERED_ITEM, UNORDERED_ITEM):
            return self.item_list()
        if token.kind in (RELATION, INDENT):
            relation = token if token.kind == RELATION else self.peek(1)
            raise self.fail(
                "argdown-orphan-relation",
                "this relation has nothing to relate to: a paragraph cannot start with a "
                "relation; put the statement or argument it belongs to on the line above "
                "(without an empty line in between)",
                relation if relation.kind == RELATION else token,
            )
        return self.statement(0)

    def heading(self) -> Heading:
        start = self.take()
        content = self.content("a heading")
        if not content:
            raise self.unexpected(self.peek(), "a heading")
        level = len(start.image) - 1
        heading = Heading(start, level, content)
        heading.data = self.data()
        return heading

    def data(self) -> Token | None:
        tokens, pos = self.tokens, self.pos
        data = tokens[pos]
        if data.kind != DATA:
            return None
        self.pos = pos + 2 if tokens[pos + 1].kind == NEWLINE else pos + 1
        return data

    def content(self, context: str) -> list[Token]:
        """Statement text: text, links, tags, mentions, emphasis, line breaks."""
        tokens = self.tokens
        start = end = self.pos
        while tokens[end].kind in _CONTENT:
            end += 1
        self.pos = end
        content = tokens[start:end]
        open_marks: list[Token] = []
        for token in content:
            kind = token.kind
            if kind == EMPHASIS_START:
                open_marks.append(token)
            elif kind == EMPHASIS_END:
                if not open_marks or open_marks[-1].symbol != token.symbol:
                    raise self.unexpected(token, context)
                open_marks.pop()
        if open_marks:
            mark = open_marks[0]
            name = "bold" if len(mark.symbol) == 2 else "italic"
            raise self.fail(
                "argdown-unclosed",
                f"{name} text opened with {mark.symbol!r} is never closed; close it with "
                f"{mark.symbol!r}, or write '\\{mark.symbol[0]}' for the character itself",
                mark,
            )
        return content

    def check_unclosed_title(self, content: list[Token]) -> None:
        for first in content:
            if first.kind != NEWLINE:
                break
        else:
            return
        if first.kind == CONTROL and first.image[0] in "[<":
            closing = "]" if first.image[0] == "[" else ">"
            what = "statement" if closing == "]" else "argument"
            raise self.fail(
                "argdown-unclosed",
                f"'{first.image[0]}' opens a {what} title that is not closed with "
                f"'{closing}' on this line; close it, or write '\\{first.image[0]}' for "
                "the character itself",
                first,
            )

    def reference_tags(self) -> Sequence[Token]:
        """The tags after a reference ``[Title]`` or ``<Title>``, to the end of its line."""
        tokens, start = self.tokens, self.pos
        pos = start
        while tokens[pos].kind == TAG:
            pos += 1
        self.pos = pos + 1 if tokens[pos].kind == NEWLINE else pos
        return tokens[start:pos] if pos > start else ()

    def statement(self, depth: int) -> Statement:
        start = self.tokens[self.pos]
        title: str | None
        content: Sequence[Token]
        tags: Sequence[Token]
        if start.kind == STATEMENT_REFERENCE:
            self.pos += 1
            title, reference, content, tags = start.image[1:-1], True, (), self.reference_tags()
        elif start.kind == STATEMENT_DEFINITION:
            self.pos += 1
            content = self.content("a statement")
            if not content:
                raise self.fail(
                    "argdown-syntax",
                    "a statement definition '[Title]:' needs text after the colon "
                    "(or leave out the colon to refer to the statement)",
                    self.peek(),
                )
            title, reference, tags = start.image[1:-2], False, ()
        else:
            content = self.content("a statement")
            if not content:
                raise self.unexpected(start, "a statement")
            self.check_unclosed_title(content)
            title, reference, tags = None, False, ()
        data = self.data()
        return Statement(start, title, reference, content, tags, data, self.relations(depth))

    def argument(self, depth: int = 0) -> Argument:
        start = self.take()
        if start.kind == ARGUMENT_REFERENCE and self.at_once:
            tokens, pos = self.tokens, self.pos
            after = tokens[pos].kind
            # A reference alone on its line, nothing after it, nothing under it (most):
            # what the reading below makes of it, without its looks for tags, data, relations.
            if after in _AFTER_BLOCK or (
                after == NEWLINE and tokens[pos + 1].kind not in _DATA_OR_INDENT
            ):
                self.pos = pos + 1 if after == NEWLINE else pos
                return Argument(start, start.image[1:-1], True, (), ())
        content: Sequence[Token]
        tags: Sequence[Token]
        if start.kind == ARGUMENT_REFERENCE:
            title, reference, content, tags = start.image[1:-1], True, (), self.reference_tags()
        else:
            content = self.content("an argument's description")
            if not content:
                raise self.fail(
                    "argdown-syntax",
                    "an argument definition '<Title>:' needs a description after the colon "
                    "(or leave out the colon to refer to the argument)",
                    self.peek(),
                )
            title, reference, tags = start.image[1:-2], False, ()
        data = self.data()
        return Argument(start, title, reference, content, tags, data, self.relations(depth))

    def relations(self, depth: int, *, undercuts_only: bool = False) -> Sequence[Relation]:
        tokens, pos = self.tokens, self.pos
        if tokens[pos].kind != INDENT or tokens[pos + 1].kind != RELATION:
            return ()
        if depth >= MAX_DEPTH:
            raise self.fail(
                "argdown-too-deep",
                f"relations are nested more than {MAX_DEPTH} levels deep here; "
                "split the tree, referring to elements by title",
                self.peek(1),
            )
        self.pos = pos + 1
        relations = []
        while (token := tokens[self.pos]).kind == RELATION:
            self.pos += 1
            if undercuts_only and token.symbol != "<_":
                raise self.fail(
                    "argdown-syntax",
                    "under an inference line only undercuts ('<_') can stand, "
                    f"not {token.symbol!r}",
                    token,
                )
            child: Statement | Argument
            nxt = tokens[self.pos]
            if nxt.kind in (ARGUMENT_DEFINITION, ARGUMENT_REFERENCE):
                if token.symbol == "><":
                    raise self.fail(
                        "argdown-unsupported",
                        "'><' (contradiction) joins two statements, and this one points at "
                        "an argument: write '>< [Title]' under the argument to contradict "
                        "through its description, aim at its conclusion ('>< [Conclusion]'), "
                        "or attack the argument with '->' or '-'",
                        nxt,
                    )
                child = self.argument(depth + 1)
            elif nxt.kind in (STATEMENT_DEFINITION, STATEMENT_REFERENCE) or (
                nxt.kind in _CONTENT and nxt.kind != NEWLINE
            ):
                child = self.statement(depth + 1)
            else:
                raise self.fail(
                    "argdown-syntax",
                    f"the relation {token.symbol!r} needs a statement or argument after it "
                    f"on the same line, not {self.describe(nxt)}",
                    nxt,
                )
            relations.append(Relation(token, child))
        end = tokens[self.pos]
        if end.kind == DEDENT:
            self.pos += 1
        elif end.kind != EOF:
            raise self.unexpected(end, "a relation tree")
        return relations

    def pcs(self) -> Pcs:
        items: list[PcsStatement | Inference] = []
        tokens = self.tokens
        while True:
            token = tokens[self.pos]
            if token.kind == STATEMENT_NUMBER:
                self.pos += 1
                nxt = tokens[self.pos]
                plain = self.plain_statement() if self.at_once else None
                if plain is not None:
                    items.append(PcsStatement(token, plain))
                    continue
                if nxt.kind in (ARGUMENT_DEFINITION, ARGUMENT_REFERENCE):
                    raise self.fail(
                        "argdown-syntax",
                        "an argument cannot be a premise or conclusion; write a statement "
                        "('[Title]' or text) after the number",
                        nxt,
                    )
                items.append(PcsStatement(token, self.statement(0)))
            elif token.kind == INFERENCE_START:
                if not items or isinstance(items[-1], Inference):
                    raise self.fail(
                        "argdown-pcs",
                        "an inference line '--' must follow a numbered premise",
                        token,
                    )
                items.append(self.inference())
                if tokens[self.pos].kind != STATEMENT_NUMBER:
                    raise self.fail(
                        "argdown-pcs",
                        "an inference line must be followed by the conclusion it infers, "
                        "numbered like the premises: '(3) ...'",
                        self.peek(),
                    )
            else:
                break
        last = items[-1]
        if (
            len(items) < 3
            or not isinstance(last, PcsStatement)
            or not isinstance(items[-2], Inference)
        ):
            at = last.number if isinstance(last, PcsStatement) else last.start
            raise self.fail(
                "argdown-pcs",
                "this premise-conclusion structure ends with a premise; add an inference "
                "line '----' and the conclusion after the premises",
                at,
            )
        return Pcs(items)

    def plain_statement(self) -> Statement | None:
        """The statement at the position when it is the usual numbered one: its text alone
        on its line, perhaps with a period, then another number, an inference line or the
        paragraph's end; None for any other, which :meth:`statement` reads. Made as that
        would make it, without its look at every token for what this one has not."""
        tokens, pos = self.tokens, self.pos
        start = tokens[pos]
        if start.kind != FREESTYLE:
            return None
        end = pos + 1
        if tokens[end].kind == CONTROL:
            end += 1
        after = tokens[end].kind
        if after == NEWLINE and tokens[end + 1].kind in _NEXT_IN_PCS:
            end += 1  # the line break is the text's, as content() takes it
        elif after != EMPTYLINE:
            return None
        self.pos = end
        return Statement(start, None, False, tokens[pos:end], ())

    def inference(self) -> Inference:
        start = self.take()
        rules: list[list[Token]] = []
        self.accept(NEWLINE)
        rule: list[Token] = []
        while self.peek().kind in (FREESTYLE, CONTROL, ESCAPED, SPECIAL, LIST_DELIMITER):
            token = self.take()
            if token.kind == LIST_DELIMITER:
                rules.append(rule)
                rule = []
            else:
                rule.append(token)
        if rule or rules:
            rules.append(rule)
        self.accept(NEWLINE)
        data = self.accept(DATA)
        if data is not None:
            self.accept(NEWLINE)
        end = self.peek()
        if end.kind != INFERENCE_END:
            raise self.fail(
                "argdown-pcs",
                "an inference (between '--' lines) holds rules separated by commas and "
                f"optional data, then a closing '--'; found {self.describe(end)}",
                end,
            )
        self.take()
        if self.accept(NEWLINE) is None:
            raise self.fail(
                "argdown-pcs",
                "the closing '--' of an inference must end its line",
                self.peek(),
            )
        relations = self.relations(0, undercuts_only=True)
        return Inference(start, rules, data, relations)

    def item_list(self) -> ItemList:
        self.take()
        items: list[Statement | Argument] = []
        while self.peek().kind in (ORDERED_ITEM, UNORDERED_ITEM):
            self.take()
            if self.peek().kind in (ARGUMENT_DEFINITION, ARGUMENT_REFERENCE):
                items.append(self.argument(1))
            else:
                items.append(self.statement(1))
        end = self.peek()
        if end.kind == DEDENT:
            self.take()
        elif end.kind != EOF:
            raise self.unexpected(end, "a list")
        return ItemList(items)


def parse(text: str, file: str) -> tuple[str, Document]:
    """The prepared text and its syntax tree; raises MapError at the first syntax error."""
    text = prepare(text, file)
    tokens = tokenize(text, file)
    return text, Parser(tokens, text, file).document()
