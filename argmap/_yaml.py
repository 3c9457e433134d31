"""YAML text to plain data with the line and column of every node, and back.

The only module that imports PyYAML. Documents are composed into nodes (with
libyaml's C parser when it is installed) and turned into plain Python values
here, so that no YAML tag can construct an object, duplicate keys are caught
instead of silently overwritten, and every value keeps its position.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from ._format import FlowList
from .errors import DocPath, Issue, MapError

try:  # libyaml is much faster; fall back to the pure-Python parser without it.
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Positions = dict[DocPath, tuple[str, int, int]]

#: Upper bound on nodes after alias expansion: a map has nowhere near this
#: many, and an alias bomb ("billion laughs") hits it at once.
MAX_NODES = 2_000_000
#: Upper bound on nesting: a map nests about six levels deep.
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


class Scalar(str):
    """A YAML scalar: its text as written, plus what YAML would resolve it to.

    Behaves as the string written in the document, so ``title: 1984`` gives
    the title ``"1984"``; ``value`` holds the resolved int, float, bool or
    ``None`` for keys that need them (like ``argmap: 1``).
    """

    value: Any
    tag: str

    def __new__(cls, text: str, value: Any, tag: str) -> Scalar:
        self = super().__new__(cls, text)
        self.value = value
        self.tag = tag
        return self


def _shorthand(tag: str) -> str:
    """A tag as it is usually written: ``!!python/object`` for the long form."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def _position(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


class _Converter:
    def __init__(self, file: str) -> None:
        self.file = file
        self.positions: Positions = {}
        self.issues: list[Issue] = []

    def issue(self, code: str, message: str, node: yaml.Node, path: DocPath) -> None:
        line, column = _position(node)
        self.issues.append(
            Issue(code, message, path=path, file=self.file, line=line, column=column)
        )

    def measure(self, root: yaml.Node) -> None:
        """Reject recursive aliases, deep nesting and alias bombs before converting.

        Counts the values the document expands to, sharing the count of a
        node that aliases reuse, so the cost is linear in the text's size.
        """
        sizes: dict[int, int] = {}

        def size(node: yaml.Node, depth: int, active: frozenset[int]) -> int:
            if isinstance(node, yaml.ScalarNode):
                return 1
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
            inner = active | {key}
            children = (
                [n for pair in node.value for n in pair]
                if isinstance(node, yaml.MappingNode)
                else node.value
            )
            total = 1 + sum(size(child, depth + 1, inner) for child in children)
            if total > MAX_NODES:
                raise self.fatal(
                    "document-too-large",
                    f"the document expands to more than {MAX_NODES:,} values (anchors and "
                    "aliases are expanded); split the map or drop the aliases",
                    node,
                )
            sizes[key] = total
            return total

        size(root, 0, frozenset())

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

    def scalar(self, node: yaml.Node, path: DocPath) -> Scalar:
        tag = node.tag
        text = str(node.value)
        if tag not in _SCALAR_TAGS:
            self.issue(
                "unsupported-tag",
                f"YAML tag {_shorthand(tag)!r} is not allowed in a map; remove it (maps hold only "
                "plain strings, numbers, lists and mappings)",
                node,
                path,
            )
            return Scalar(text, text, _STR)
        if tag in (_STR, "tag:yaml.org,2002:timestamp"):
            return Scalar(text, text, tag)
        if tag == "tag:yaml.org,2002:null":
            return Scalar(text, None, tag)
        # Resolve numbers and booleans the way YAML 1.1 does.
        try:
            value = yaml.load(text, Loader=_Loader)
        except (ValueError, yaml.YAMLError):  # e.g. an int of 10,000 digits
            value = text
        return Scalar(text, value, tag)

    def sequence(self, node: yaml.SequenceNode, path: DocPath) -> list[Any]:
        items = []
        for index, child in enumerate(node.value):
            item_path = (*path, index)
            self.positions[item_path] = (self.file, *_position(child))
            items.append(self.convert(child, item_path))
        return items

    def mapping(self, node: yaml.MappingNode, path: DocPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.issue(
                    "unsupported-tag",
                    "YAML merge keys ('<<') are not supported in maps; write the keys out",
                    key_node,
                    path,
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
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
            # A scalar's problems are best shown at the value, a collection's at its key.
            anchor = value_node if isinstance(value_node, yaml.ScalarNode) else key_node
            self.positions[child_path] = (self.file, *_position(anchor))
            key_path = (*child_path, "<key>")
            self.positions[key_path] = (self.file, *_position(key_node))
            result[key] = self.convert(value_node, child_path)
        return result


def parse(text: str, file: str) -> tuple[Any, Positions, list[Issue]]:
    """Parse one YAML document into plain values, their positions and its issues.

    Mapping keys become strings, scalars :class:`Scalar` strings. Problems
    that still leave a document to read on (a duplicate key, whose second
    value is dropped; a tag, whose value is read as plain text) are returned
    as issues, so they are reported along with everything else. Raises
    :class:`MapError` for syntax errors, recursive aliases, documents nested
    too deep or expanding too far.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        hint = _syntax_hint(f"{problem} {exc.context or ''}", text, mark)
        raise MapError(
            [
                Issue(
                    "yaml-syntax",
                    f"{problem}{context}; {hint}",
                    file=file,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ]
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
    converter = _Converter(file)
    converter.measure(node)
    converter.positions[()] = (file, *_position(node))
    data = converter.convert(node, ())
    return data, converter.positions, converter.issues


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


class _MapDumper(_Dumper):
    """Writes multi-line text as ``|`` blocks and id lists as ``[a, b]``."""


def _represent_str(dumper: _MapDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar(_STR, value, style=style)


def _represent_flow(dumper: _MapDumper, value: FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_MapDumper.add_representer(str, _represent_str)
_MapDumper.add_representer(FlowList, _represent_flow)


def dump(data: Mapping[str, Any]) -> str:
    """Write plain data as a YAML document, keys in the given order, UTF-8 text kept."""
    text: str = yaml.dump(
        data,
        Dumper=_MapDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    return text
