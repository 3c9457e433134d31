"""YAML text to plain data with the line and column of every node, and back.

The only module that imports PyYAML. Two readers give the same result:

* a fast reader for the plain block YAML that maps are made of (mappings,
  ``- `` lists, plain, quoted and ``|``/``>`` text, one-line ``[...]`` and
  ``{...}``), written for this module and several times faster than
  composing nodes with libyaml. It declines, rather than guesses, whatever
  it was not written for: anchors, aliases, tags, duplicate keys, tabs,
  control characters, several documents, deep nesting, odd indentation;
* the full reader, for everything else: documents are composed into nodes
  (with libyaml's C parser when it is installed) and turned into plain
  Python values here, so that no YAML tag can construct an object,
  duplicate keys are caught instead of silently overwritten, alias bombs
  are measured before anything is expanded, and every value keeps its
  position.

A document the fast reader declines is read by the full one, which finds
and locates its problems; a document it accepts is one the full reader
reads the same, positions included (``tests/test_perf_yaml.py`` compares
the two on the shipped maps, the corpora and mutations of them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._helpers import gc_paused
from ._limits import EXPANDED_CHARS
from ._styled import CutByComment, FlowList, FlowMapping
from .errors import DocPath, Issue, MapError

if TYPE_CHECKING:
    import yaml


def _pyyaml() -> Any:
    """PyYAML, imported on first use: the fast reader does without it.

    Binds the module's global ``yaml`` too, for the code below that uses it.
    """
    import yaml as module

    globals()["yaml"] = module
    return module


@functools.cache
def _loader() -> Any:
    """libyaml's safe loader (much faster), or PyYAML's own when libyaml is missing."""
    module = _pyyaml()
    return getattr(module, "CSafeLoader", module.SafeLoader)


Positions = dict[DocPath, tuple[str, int, int]]

#: Upper bound on nodes after alias expansion: a map has nowhere near this
#: many, and an alias bomb ("billion laughs") hits it at once.
MAX_NODES = 2_000_000
#: Upper bound on nesting: a map nests about six levels deep.
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    _NULL,
    _TIMESTAMP,
}


class Scalar(str):
    """A YAML number, boolean or null: its text as written, plus what YAML resolves it to.

    Behaves as the string written in the document, so ``title: 1984`` gives
    the title ``"1984"``; ``value`` holds the resolved int, float, bool or
    ``None`` for keys that need them (like ``argmap: 1``). Text (and dates)
    are plain ``str``.
    """

    value: Any
    tag: str

    def __new__(cls, text: str, value: Any, tag: str) -> Scalar:
        self = super().__new__(cls, text)
        self.value = value
        self.tag = tag
        return self


_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
#: YAML 1.1's booleans and nulls: the words its resolver and constructor know.
_BOOL_WORDS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_BOOLEANS = {
    form: value
    for word, value in _BOOL_WORDS.items()
    for form in (word, word.capitalize(), word.upper())
}
_NULLS = frozenset(("~", "null", "Null", "NULL"))
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
#: What may follow a leading ``.`` in a float (``.5``, ``.inf``, ``.nan``).
_FLOAT_AFTER_DOT = frozenset("0123456789_iInN")
#: First characters of plain scalars that YAML 1.1 may read as something
#: other than text (PyYAML's implicit resolvers; a test keeps them in step).
_TYPED = frozenset("!&*+-.0123456789<=FNOTYfnoty~")


def _scalar(text: str, tag: str) -> str:
    """The value of a scalar of a known ``tag`` (one of ``_SCALAR_TAGS``)."""
    if tag in (_STR, _TIMESTAMP):
        return text
    if tag == _NULL:
        return Scalar(text, None, tag)
    # Resolve numbers and booleans the way YAML 1.1 does; the common ones directly.
    if tag == _BOOL and text in _BOOLEANS:
        return Scalar(text, _BOOLEANS[text], tag)
    if tag == _INT and _DECIMAL.match(text):
        try:
            return Scalar(text, int(text), tag)
        except ValueError:  # an int of 10,000 digits: kept as written, as below
            return Scalar(text, text, tag)
    module = _pyyaml()
    try:
        value = module.load(text, Loader=_loader())
    except (ValueError, module.YAMLError):  # e.g. an int of 10,000 digits
        value = text
    return Scalar(text, value, tag)


@functools.cache
def _implicit() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """YAML 1.1's implicit types of plain scalars, by first character."""
    resolvers = _loader().yaml_implicit_resolvers
    assert None not in resolvers  # every resolver has its first characters
    return {first: list(found) for first, found in resolvers.items()}


def _resolve(text: str) -> str:
    """The tag YAML gives the plain scalar ``text`` (as ``Resolver.resolve`` does)."""
    first = text[:1]
    if first not in _TYPED and first:
        return _STR
    if first.isalpha():  # booleans and null are words; anything else is text
        return _BOOL if text in _BOOLEANS else _NULL if text in _NULLS else _STR
    if _DECIMAL.match(text):
        return _INT
    if _DATE.match(text):
        return _TIMESTAMP
    if first == "." and text[1:2] not in _FLOAT_AFTER_DOT:  # a path such as ../a.txt
        return _STR
    for tag, pattern in _implicit().get(first, ()):
        if pattern.match(text):
            return tag
    return _STR


@functools.cache
def _composing_loader() -> Any:
    """libyaml's loader with a quicker resolver: the same tags, less work per scalar.

    Safe loaders have no path resolvers, so descending and ascending the
    document need not be tracked.
    """
    module = _pyyaml()
    base = _loader()
    assert not base.yaml_path_resolvers

    class ComposingLoader(base):  # type: ignore[misc,valid-type]
        def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is module.ScalarNode:
                return _resolve(value) if implicit[0] else _STR
            return _SEQ if kind is module.SequenceNode else _MAP

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    return ComposingLoader


def _shorthand(tag: str) -> str:
    """A tag as it is usually written: ``!!python/object`` for the long form."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def _position(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


class _Converter:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.lines: list[str] | None = None
        self.positions: Positions = {}
        self.issues: list[Issue] = []

    def issue(self, code: str, message: str, node: yaml.Node, path: DocPath) -> None:
        line, column = _position(node)
        self.issues.append(
            Issue(code, message, path=path, file=self.file, line=line, column=column)
        )

    def measure(self, root: yaml.Node) -> None:
        """Reject recursive aliases, deep nesting and alias bombs before converting.

        Counts the values the document expands to, and the characters of
        their text, sharing the counts of a node that aliases reuse, so the
        cost is linear in the text's size. A bomb by count (many aliases of
        aliases) and one by bytes (a long text aliased many times) are both
        refused before anything is expanded.
        """
        sizes: dict[int, int] = {}
        chars: dict[int, int] = {}
        active: set[int] = set()
        scalar = yaml.ScalarNode
        mapping = yaml.MappingNode
        most_chars = EXPANDED_CHARS.value()

        def size(node: yaml.Node, depth: int) -> int:
            key = id(node)
            if key in sizes:
                return sizes[key]
            if key in active:
                raise self.fatal(
                    "recursive-alias",
                    "this alias refers to a value that contains it; remove the alias",
                    node,
                )
            if depth > MAX_DEPTH:
                raise self.fatal(
                    "too-deep",
                    f"values are nested more than {MAX_DEPTH} levels deep; a map needs about six",
                    node,
                )
            active.add(key)
            total = 1
            text = 0
            children = (
                [n for pair in node.value for n in pair]
                if node.__class__ is mapping
                else node.value
            )
            for child in children:
                if child.__class__ is scalar:
                    total += 1
                    text += len(child.value)
                else:
                    total += size(child, depth + 1)
                    text += chars[id(child)]
            active.discard(key)
            if text > most_chars:
                raise self.fatal(
                    "document-too-large",
                    f"the document expands to more than {most_chars:,} characters of text "
                    "(anchors and aliases are expanded); drop the aliases, or "
                    f"{EXPANDED_CHARS.raise_hint()}",
                    node,
                )
            chars[key] = text
            if total > MAX_NODES:
                raise self.fatal(
                    "document-too-large",
                    f"the document expands to more than {MAX_NODES:,} values (anchors and "
                    "aliases are expanded); split the map or drop the aliases",
                    node,
                )
            sizes[key] = total
            return total

        if not isinstance(root, scalar):
            size(root, 0)

    def fatal(self, code: str, message: str, node: yaml.Node) -> MapError:
        self.issue(code, message, node, ())
        return MapError(self.issues)

    def convert(self, node: yaml.Node, path: DocPath) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        expected = _MAP if isinstance(node, yaml.MappingNode) else _SEQ
        if node.tag != expected:
            self.issue(
                "unsupported-tag",
                f"YAML tag {_shorthand(node.tag)!r} is not allowed in a map; remove it",
                node,
                path,
            )
            return None  # reported; what the tag would have built is left out
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        assert isinstance(node, yaml.SequenceNode)  # composer makes only these three kinds
        return self.sequence(node, path)

    def scalar(self, node: yaml.Node, path: DocPath) -> str:
        tag = node.tag
        text = str(node.value)
        if tag == _STR:
            return text if getattr(node, "style", None) else self.comment_cut(node, text)
        if tag not in _SCALAR_TAGS:
            self.issue(
                "unsupported-tag",
                f"YAML tag {_shorthand(tag)!r} is not allowed in a map; remove it (maps hold only "
                "plain strings, numbers, lists and mappings)",
                node,
                path,
            )
            return text
        value = _scalar(text, tag)
        return self.comment_cut(node, value) if type(value) is str else value

    def comment_cut(self, node: yaml.Node, text: str) -> str:
        """``text``, a plain scalar's, as :class:`CutByComment` when a comment follows it."""
        if self.lines is None:
            self.lines = self.text.split("\n")
        mark = node.end_mark
        rest = self.lines[mark.line][mark.column :] if mark.line < len(self.lines) else ""
        comment = rest.lstrip(" ")
        if comment[:1] == "#" and len(comment) < len(rest):
            return CutByComment(text, comment.rstrip(" "))
        return text

    def sequence(self, node: yaml.SequenceNode, path: DocPath) -> list[Any]:
        items = []
        file = self.file
        positions = self.positions
        for index, child in enumerate(node.value):
            item_path = (*path, index)
            mark = child.start_mark
            positions[item_path] = (file, mark.line + 1, mark.column + 1)
            items.append(self.convert(child, item_path))
        return items

    def mapping(self, node: yaml.MappingNode, path: DocPath) -> dict[str, Any]:
        result: dict[str, Any] = FlowMapping() if node.flow_style else {}
        first_seen: dict[str, yaml.Node] = {}
        file = self.file
        positions = self.positions
        scalar = yaml.ScalarNode
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.issue(
                    "unsupported-tag",
                    "YAML merge keys ('<<') are not supported in maps; write the keys out",
                    key_node,
                    path,
                )
                continue
            if key_node.__class__ is not scalar:
                self.issue(
                    "wrong-type",
                    "a mapping key must be a plain string, not a list or mapping",
                    key_node,
                    path,
                )
                continue
            key = str(key_node.value)
            child_path = (*path, key)
            if key in first_seen:
                line, column = _position(first_seen[key])
                self.issue(
                    "duplicate-key",
                    f"key {key!r} appears twice in the same mapping (first at line {line}, "
                    f"column {column}); YAML would silently keep only the last one: "
                    "rename or merge them",
                    key_node,
                    child_path,
                )
                continue
            first_seen[key] = key_node
            key_mark = key_node.start_mark
            key_position = (file, key_mark.line + 1, key_mark.column + 1)
            # A scalar's problems are best shown at the value, a collection's at its key.
            if value_node.__class__ is scalar:
                mark = value_node.start_mark
                positions[child_path] = (file, mark.line + 1, mark.column + 1)
                value = self.scalar(value_node, child_path)
            else:
                positions[child_path] = key_position
                value = None
            key_path = (*child_path, "<key>")
            positions[key_path] = key_position
            result[key] = (
                value if value_node.__class__ is scalar else self.convert(value_node, child_path)
            )
        return result


class _DeclinedError(Exception):
    """The fast reader leaves this document to the full one."""


#: Characters the fast reader leaves to libyaml: tabs, carriage returns, YAML's
#: other line breaks, control characters, surrogates, byte order marks.
_UNREAD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
#: ``key:`` at the start of a block mapping entry, followed by a space or the line's end.
_KEY = re.compile(r"(\w[\w.\-]*):(?: |\Z)")
#: First characters that make a scalar something other than plain text.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
#: A block scalar's header: ``|``, ``|-``, ``>`` or ``>-``, then maybe a comment.
_BLOCK_HEADER = re.compile(r"([|>])(-?)(?: +#.*)?\Z")
#: A plain scalar inside ``[...]`` or ``{...}``.
_FLOW_PLAIN = re.compile(r"[^\s,\[\]{}#&*!|>'\"%@`?:\-][^,\[\]{}:#]*")
_SINGLE_QUOTED = re.compile(r"((?:[^']|'')*)'(?!')")
_DOUBLE_QUOTED = re.compile(r'([^"\\]*)"')
#: A word in a one-line list of ids: no spaces, quotes or other indicators, and
#: not starting like a number, boolean or null (those take the general path).
_LIST_WORD = r"[^\s,\[\]{}#&*!|>'\"%@`?:\-+.0-9<=FNOTYfnoty~][^\s,\[\]{}:#'\"]*"
#: ``[a, b, c]``, as argmap writes premises and other lists of ids.
_ID_LIST = re.compile(r"\[(" + _LIST_WORD + "(?:, " + _LIST_WORD + r")*)\] *\Z")
#: How deep the fast reader nests; deeper documents go to the full reader.
_FAST_DEPTH = 32


def _spaces(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _comment_or_nothing(rest: str) -> bool:
    """Whether ``rest``, after a value on its line, is blank or a comment."""
    stripped = rest.lstrip(" ")
    return not stripped or (stripped[0] == "#" and len(stripped) < len(rest))


class _FastReader:
    """Reads plain block YAML line by line; raises :class:`_DeclinedError` for anything else.

    One loop over the lines with a stack of the mappings and lists open at
    each indentation; the common line, ``key: plain text``, is handled in
    the loop itself, anything rarer by a method.
    """

    def __init__(self, text: str, file: str) -> None:
        self.lines = text.split("\n")
        self.count = len(self.lines)
        self.index = 0
        self.file = file
        self.positions: Positions = {}
        self.nodes = 1  # counted as the full reader does: the root, keys, values
        self.depth = 0

    def read(self) -> dict[str, Any]:
        """The document's plain data, with the position of every value.

        Long, and kept whole: this loop is where loading a large map spends
        its time, and the common line is handled inline, not by a call.
        """
        lines = self.lines
        count = self.count
        file = self.file
        positions = self.positions
        indicators = _INDICATORS
        typed = _TYPED
        key_pattern = _KEY
        root: dict[str, Any] = {}
        # Open collections, innermost last: indentation, the collection, its path, a list?
        stack: list[tuple[int, Any, DocPath, bool]] = [(0, root, (), False)]
        indent, container, path, is_list = stack[-1]
        # "key:" with nothing after it, waiting for what the next lines hold.
        pending: tuple[str, DocPath, dict[str, Any], tuple[str, int, int]] | None = None
        index = 0
        started = False
        while index < count:
            line = lines[index]
            stripped = line.lstrip(" ")
            if not stripped or stripped[0] == "#":
                index += 1
                continue
            spaces = len(line) - len(stripped)
            if not started:
                if spaces:
                    raise _DeclinedError
                positions[()] = (file, index + 1, 1)
                started = True
            item = stripped[0] == "-" and (stripped[:2] == "- " or stripped.rstrip(" ") == "-")
            if pending is not None:
                key, child, parent, null = pending
                pending = None
                if spaces > indent or (item and spaces == indent and not is_list):
                    new: Any = [] if item else {}
                    parent[key] = new
                    stack.append((spaces, new, child, item))
                    if len(stack) > _FAST_DEPTH:
                        raise _DeclinedError
                    indent, container, path, is_list = spaces, new, child, item
                else:
                    parent[key] = Scalar("", None, _NULL)
                    positions[child] = null
            while spaces < indent:
                stack.pop()
                indent, container, path, is_list = stack[-1]
            if spaces > indent:
                raise _DeclinedError
            if is_list and not item:
                # A list written at its key's indentation ends at the next key.
                if len(stack) > 1 and stack[-2][0] == indent:
                    stack.pop()
                    indent, container, path, is_list = stack[-1]
                else:
                    raise _DeclinedError
            start = spaces
            if is_list:
                start = spaces + 2
                if start >= len(line) or line[start] == " " or line.startswith("- ", start):
                    raise _DeclinedError
                child = (*path, len(container))
                self.nodes += 1
                if key_pattern.match(line, start) is None:
                    value, position = self.value(line, start, index, indent, child)
                    container.append(value)
                    positions[child] = (
                        (file, index + 1, start + 1) if position is None else position
                    )
                    index = self.index
                    continue
                # "- key: value" opens a mapping in the list
                new = {}
                container.append(new)
                positions[child] = (file, index + 1, start + 1)
                stack.append((start, new, child, False))
                if len(stack) > _FAST_DEPTH:
                    raise _DeclinedError
                indent, container, path, is_list = start, new, child, False
            match = key_pattern.match(line, start)
            if match is None:
                raise _DeclinedError
            key = match.group(1)
            if key in container or len(key) > 1000:
                raise _DeclinedError
            self.nodes += 2
            if self.nodes >= MAX_NODES:
                raise _DeclinedError
            child = (*path, key)
            key_position = (file, index + 1, start + 1)
            key_path = (*child, "<key>")
            positions[key_path] = key_position
            at = match.end()
            rest = line[at:]
            if rest[:1] == " ":
                rest = rest.lstrip(" ")
                at = len(line) - len(rest)
            if not rest or rest[0] == "#":
                # An empty value stands right after the colon.
                null = (file, index + 1, start + len(key) + 2)
                pending = (key, child, container, null)
                positions[child] = key_position
                index += 1
                continue
            if rest[0] not in indicators and " #" not in rest and ": " not in rest:
                # The common case: plain text on one line.
                text = rest.rstrip(" ")
                following = lines[index + 1] if index + 1 < count else ""
                more = following.lstrip(" ")
                if text[-1] == ":" or (more and len(following) - len(more) > indent):
                    value, position = self.value(line, at, index, indent, child)
                    index = self.index
                else:
                    value = text if text[0] not in typed else _plain(text)
                    position = (file, index + 1, at + 1)
                    index += 1
            elif rest[0] == "[" and (ids := _ID_LIST.match(rest)) is not None:
                # A list of ids, as argmap writes premises: [a, b].
                items = ids.group(1).split(", ")
                column = at + 2
                for number, item in enumerate(items):
                    item_path = (*child, number)
                    positions[item_path] = (file, index + 1, column)
                    column += len(item) + 2
                self.nodes += len(items)
                value, position = items, None
                index += 1
            else:
                value, position = self.value(line, at, index, indent, child)
                index = self.index
            container[key] = value
            positions[child] = key_position if position is None else position
        if pending is not None:
            key, child, parent, null = pending
            parent[key] = Scalar("", None, _NULL)
            positions[child] = null
        if not started or self.nodes > MAX_NODES:
            raise _DeclinedError
        return root

    def enter(self) -> None:
        """One level deeper into ``[...]`` and ``{...}``."""
        self.depth += 1
        if self.depth > _FAST_DEPTH // 4:
            raise _DeclinedError

    def value(
        self, line: str, start: int, index: int, indent: int, path: DocPath
    ) -> tuple[Any, tuple[str, int, int] | None]:
        """The value starting at ``line[start:]``, and its position (``None`` for a collection).

        ``indent`` is that of the mapping or list the value is in; lines of
        the value below ``index`` must be indented further. Leaves
        :attr:`index` at the line after the value.
        """
        rest = line[start:].rstrip(" ")
        position = (self.file, index + 1, start + 1)
        self.index = index + 1
        if not rest or rest[0] == "#":
            raise _DeclinedError  # an empty list item, or one on the lines below
        first = rest[0]
        if first in "[{":
            value, end = self.flow(line, start, index, path)
            if not _comment_or_nothing(line[end:]):
                raise _DeclinedError
            return value, None
        if first in "'\"":
            return self.quoted(line, start, index, indent), position
        if first in "|>":
            return self.block(rest, index, indent), position
        if first in _INDICATORS:
            raise _DeclinedError
        cut = rest.find(" #")
        comment = ""
        if cut >= 0:
            comment = rest[cut:].lstrip(" ")
            rest = rest[:cut].rstrip(" ")
        if ": " in rest or rest[-1] == ":":
            raise _DeclinedError
        if cut < 0:
            parts = [rest]
            lines = self.lines
            while self.index < self.count:
                following = lines[self.index]
                stripped = following.lstrip(" ")
                if not stripped or len(following) - len(stripped) <= indent:
                    break
                stripped = stripped.rstrip(" ")
                if (
                    stripped[0] in _INDICATORS
                    or ": " in stripped
                    or stripped[-1] == ":"
                    or " #" in stripped
                ):
                    raise _DeclinedError
                parts.append(stripped)
                self.index += 1
            if len(parts) > 1:
                rest = " ".join(parts)
            return _plain(rest), position
        value = _plain(rest)
        return (CutByComment(value, comment) if type(value) is str else value), position

    def quoted(self, line: str, start: int, index: int, indent: int) -> str:
        """A single- or double-quoted scalar, possibly over several lines."""
        quote = line[start]
        pattern = _SINGLE_QUOTED if quote == "'" else _DOUBLE_QUOTED
        parts: list[str] = []
        text, offset = line, start + 1
        while True:
            match = pattern.match(text, offset)
            if match is not None:
                if not _comment_or_nothing(text[match.end() :]):
                    raise _DeclinedError
                parts.append(match.group(1))
                break
            piece = text[offset:]
            if "\\" in piece or (quote == '"' and '"' in piece) or not piece.strip(" "):
                raise _DeclinedError
            parts.append(piece.rstrip(" "))
            if self.index >= self.count:
                raise _DeclinedError
            text = self.lines[self.index]
            self.index += 1
            offset = _spaces(text)
            if offset == len(text) or offset <= indent:
                raise _DeclinedError  # a blank line inside, or too little indentation
        value = " ".join(parts) if len(parts) > 1 else parts[0]
        return value.replace("''", "'") if quote == "'" else value

    def block(self, header: str, index: int, indent: int) -> str:
        """A ``|`` or ``>`` block scalar, its lines all indented alike."""
        match = _BLOCK_HEADER.match(header)
        if match is None:
            raise _DeclinedError
        literal = match.group(1) == "|"
        lines = self.lines
        first = index + 1
        if first >= self.count or not lines[first].strip(" "):
            raise _DeclinedError
        margin = _spaces(lines[first])
        if margin <= indent:
            raise _DeclinedError
        body: list[str] = []
        end = first
        while end < self.count:
            line = lines[end]
            if not line:
                body.append("")
            else:
                spaces = _spaces(line)
                if spaces == len(line):
                    raise _DeclinedError  # spaces only: how much of them is text is subtle
                if spaces < margin:
                    break
                if spaces > margin and not literal:
                    raise _DeclinedError
                if not literal and line[-1] == " ":
                    raise _DeclinedError
                body.append(line[margin:])
            end += 1
        while body and not body[-1]:
            body.pop()
        last = first + len(body) - 1
        if last >= self.count - 1:
            raise _DeclinedError  # no line break after the last line
        self.index = last + 1
        if literal:
            text = "\n".join(body)
        else:
            pieces: list[str] = []
            blank = 0
            for part in body:
                if not part:
                    blank += 1
                    continue
                if pieces:
                    pieces.append("\n" * blank if blank else " ")
                pieces.append(part)
                blank = 0
            text = "".join(pieces)
        return text if match.group(2) else text + "\n"

    def flow(self, line: str, start: int, index: int, path: DocPath) -> tuple[Any, int]:
        """A ``[...]`` or ``{...}`` on one line; the value and where it ends."""
        self.enter()
        closing = "]" if line[start] == "[" else "}"
        is_list = closing == "]"
        items: list[Any] = []
        table: dict[str, Any] = FlowMapping()
        positions = self.positions
        file = self.file
        at = start + 1
        length = len(line)
        while at < length and line[at] == " ":
            at += 1
        if at < length and line[at] == closing:
            self.depth -= 1
            return (items if is_list else table), at + 1
        while True:
            if is_list:
                child = (*path, len(items))
                item_position = (file, index + 1, at + 1)
                value, position, at = self.flow_item(line, at, index, child)
                positions[child] = item_position if position is None else position
                items.append(value)
            else:
                key_match = _FLOW_PLAIN.match(line, at)
                if key_match is None:
                    raise _DeclinedError
                key = key_match.group().rstrip(" ")
                key_end = at + len(key)
                # libyaml refuses a key longer than 1,024 characters, in flow as in block.
                if not line.startswith(": ", key_end) or key in table or len(key) > 1000:
                    raise _DeclinedError
                self.nodes += 1
                child = (*path, key)
                key_position = (file, index + 1, at + 1)
                value_at = key_end + 2
                while value_at < length and line[value_at] == " ":
                    value_at += 1
                value, position, at = self.flow_item(line, value_at, index, child)
                positions[child] = key_position if position is None else position
                key_path = (*child, "<key>")
                positions[key_path] = key_position
                table[key] = value
            while at < length and line[at] == " ":
                at += 1
            if at >= length:
                raise _DeclinedError
            if line[at] == closing:
                self.depth -= 1
                return (items if is_list else table), at + 1
            if line[at] != ",":
                raise _DeclinedError
            at += 1
            while at < length and line[at] == " ":
                at += 1
            if at >= length or line[at] in ",]}":
                raise _DeclinedError

    def flow_item(
        self, line: str, at: int, index: int, path: DocPath
    ) -> tuple[Any, tuple[str, int, int] | None, int]:
        """One value inside ``[...]`` or ``{...}``: value, position, where it ends."""
        self.nodes += 1
        if at >= len(line) or self.nodes >= MAX_NODES:
            raise _DeclinedError
        position = (self.file, index + 1, at + 1)
        first = line[at]
        if first in "[{":
            value, end = self.flow(line, at, index, path)
            return value, None, end
        if first in "'\"":
            pattern = _SINGLE_QUOTED if first == "'" else _DOUBLE_QUOTED
            match = pattern.match(line, at + 1)
            if match is None:
                raise _DeclinedError
            text = match.group(1)
            return (text.replace("''", "'") if first == "'" else text), position, match.end()
        match = _FLOW_PLAIN.match(line, at)
        if match is None:
            raise _DeclinedError
        text = match.group().rstrip(" ")
        return _plain(text), position, at + len(text)


def _plain(text: str) -> str:
    """A plain scalar's value; declines one whose type maps do not hold (``=``, ``<<``)."""
    if text[0] not in _TYPED:
        return text
    tag = _resolve(text)
    if tag not in _SCALAR_TAGS:
        raise _DeclinedError
    return _scalar(text, tag)


def read_fast(text: str, file: str) -> tuple[Any, Positions] | None:
    """The fast reader: plain values and their positions, or ``None`` when it declines."""
    if _UNREAD.search(text):
        return None
    reader = _FastReader(text, file)
    try:
        data = reader.read()
    except _DeclinedError:
        return None
    return data, reader.positions


def parse(text: str, file: str) -> tuple[Any, Positions, list[Issue]]:
    """Parse one YAML document into plain values, their positions and its issues.

    Mapping keys become strings, text ``str`` and other scalars
    :class:`Scalar` strings. Problems that still leave a document to read on
    (a duplicate key, whose second value is dropped; a tag, whose value is
    read as plain text) are returned as issues, so they are reported along
    with everything else. Raises :class:`MapError` for syntax errors,
    recursive aliases, documents nested too deep or expanding too far.
    """
    with gc_paused():
        fast = read_fast(text, file)
        if fast is not None:
            return fast[0], fast[1], []
        return parse_full(text, file)


def parse_full(text: str, file: str) -> tuple[Any, Positions, list[Issue]]:
    """:func:`parse` with libyaml's composer, whatever the document holds."""
    yaml = _pyyaml()
    try:
        node = yaml.compose(text, Loader=_composing_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        hint = _syntax_hint(f"{problem} {exc.context or ''}", text, mark)
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        message = f"{problem}{context}; {hint}"
        if (
            mark is not None
            and problem.startswith("did not find expected")
            and "block" in (exc.context or "")
            and "\t" not in text
            and _at_indentation(text, mark.line, mark.column)
        ):
            found = _broken_indentation(text.split("\n"), mark.line)
            if found is not None:
                line, column, message = found
        raise MapError(
            [Issue("yaml-syntax", message, file=file, line=line, column=column)]
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise MapError(
            [
                Issue(
                    "yaml-syntax",
                    f"the character U+{exc.character:04X} is not allowed in YAML; remove it "
                    "(write line breaks and tabs as they are, not as control characters)",
                    file=file,
                    line=line,
                    column=column,
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise MapError([Issue("yaml-syntax", f"{exc}; fix the YAML syntax", file=file)]) from None
    if node is None:
        raise MapError(
            [
                Issue(
                    "empty-document",
                    "the file holds no map; a map starts with 'argmap: 1' and a 'title:'",
                    file=file,
                    line=1,
                    column=1,
                )
            ]
        )
    converter = _Converter(file, text)
    converter.measure(node)
    converter.positions[()] = (file, *_position(node))
    data = converter.convert(node, ())
    return data, converter.positions, converter.issues


def _broken_indentation(lines: list[str], at: int) -> tuple[int, int, str] | None:
    """Line, column and plain words for an entry whose indentation fits no level above.

    libyaml reports the first line it cannot place, which is not always the
    one that is wrong: a line moved left ends the mapping it was in, and the
    next line, correctly indented, is then the one that fits nowhere.
    """

    def indent(index: int) -> int:
        return len(lines[index]) - len(lines[index].lstrip(" "))

    def content(index: int) -> bool:
        stripped = lines[index].strip()
        return bool(stripped) and not stripped.startswith("#")

    spaces = indent(at)
    above = [i for i in range(at - 1, -1, -1) if content(i)]
    outdented = next((i for i in above if indent(i) < spaces), None)
    if outdented is not None:
        before = next((i for i in above if i < outdented and indent(i) <= spaces), None)
        if before is not None and indent(before) == spaces:
            return (
                outdented + 1,
                indent(outdented) + 1,
                f"this line is indented by {_count(indent(outdented))}, less than the entries "
                f"before it (line {before + 1}) and after it (line {at + 1}), which are "
                f"indented by {spaces}; so it ends their mapping, and line {at + 1} belongs to "
                f"nothing: indent this line by {_count(spaces)} like them",
            )
    levels: list[int] = []
    for i in above:
        if not levels or indent(i) < levels[-1]:
            levels.append(indent(i))
    if spaces in levels or not levels:
        return None
    shown = ", ".join(map(str, levels[:-1])) + (" or " if len(levels) > 1 else "") + str(levels[-1])
    return (
        at + 1,
        spaces + 1,
        f"this line is indented by {_count(spaces)}, which lines up with no line above it "
        f"(those it could belong with are indented by {shown}): indent it like the entries "
        "it belongs with",
    )


def _at_indentation(text: str, line: int, column: int) -> bool:
    """Whether ``column`` of ``line`` is where the line's content starts."""
    lines = text.split("\n")
    return (
        line < len(lines)
        and column == len(lines[line]) - len(lines[line].lstrip(" "))
        and (column < len(lines[line]))
    )


def _count(spaces: int) -> str:
    return f"{spaces} space" if spaces == 1 else f"{spaces} spaces"


def _syntax_hint(problem: str, text: str, mark: yaml.Mark | None) -> str:
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        return "YAML does not allow tabs for indentation: indent with spaces"
    if "expected a single document" in problem:
        return "a map file holds one YAML document: remove the extra '---'"
    return (
        "check the indentation and quoting here "
        "(quote text that contains ': ' or starts with a special character)"
    )


@functools.cache
def _dumper() -> Any:
    """libyaml's safe dumper, writing multi-line text as ``|`` blocks and id lists as ``[a, b]``."""
    module = _pyyaml()

    class MapDumper(getattr(module, "CSafeDumper", module.SafeDumper)):  # type: ignore[misc]
        pass

    def represent_str(dumper: Any, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        node: yaml.Node = dumper.represent_scalar(_STR, value, style=style)
        return node

    def represent_flow(dumper: Any, value: FlowList) -> yaml.Node:
        node: yaml.Node = dumper.represent_sequence(_SEQ, value, flow_style=True)
        return node

    MapDumper.add_representer(str, represent_str)
    MapDumper.add_representer(FlowList, represent_flow)
    return MapDumper


def dump(data: Mapping[str, Any]) -> str:
    """Write plain data as a YAML document, keys in the given order, UTF-8 text kept."""
    text: str = _pyyaml().dump(
        data,
        Dumper=_dumper(),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    return text
