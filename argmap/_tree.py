"""Reading argmap's own format, YAML or JSON, with the files a map includes, into one map."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from . import _format
from ._check import errors as map_errors
from ._check import refers_to_invalid
from ._fileio import read_text, resolved
from ._helpers import fresh_id
from ._limits import INCLUDE_DEPTH
from ._locate import locate
from ._names import format_of
from .errors import DocPath, Issue, MapError, Severity, SourceFileError
from .model import ID_PATTERN, ArgumentMap, Group, Origin, Position, Translation

#: The formats of argmap's own data model: YAML, and the same document as JSON.
TreeFormat = Literal["yaml", "json"]


def load_tree(
    text: str, file: str, *, check: bool = True, format: TreeFormat = "yaml"
) -> ArgumentMap:
    """Load a map in argmap's own format, YAML or JSON, with the files it includes.

    Both read into the same plain data (:func:`argmap._format.from_data`),
    with the position of every value, so a problem found anywhere points at
    its file, line and column. An included file is read as JSON when its name
    ends in ``.json``, else as YAML.
    """
    merger = _IncludeMerger(Path(file).parent if file != "<string>" else Path())
    document = merger.read(text, file, None, format)
    positions = merger.single if merger.single is not None else merger.positions
    issues = merger.issues
    origin = Origin(
        file,
        positions,
        files=tuple(merger.files),
        issues=tuple(i for i in issues if i.severity is not Severity.ERROR),
    )
    argument_map = None
    if document is not None and merger.single is not None:
        argument_map = attrs.evolve(document, origin=origin)
    elif document is not None:
        argument_map = attrs.evolve(
            document,
            sources=merger.merged["sources"],
            agents=merger.merged["agents"],
            schemes=merger.merged["schemes"],
            statements=merger.merged["statements"],
            arguments=merger.merged["arguments"],
            groups=merger.merged["groups"],
            issues=merger.merged["issues"],
            origin=origin,
        )
    if argument_map is not None and check:
        issues += [
            i
            for i in map_errors(argument_map)
            if not refers_to_invalid(argument_map, i, merger.invalid)
        ]
    if argument_map is None or _format.error_count(issues):
        stand_in = argument_map or ArgumentMap("(unreadable)", origin=origin)
        raise MapError(locate(stand_in, issues))
    return argument_map


def _parse(
    text: str, file: str, format: TreeFormat
) -> tuple[Any, Mapping[DocPath, Position], list[Issue]]:
    """Plain data, positions and issues of one document; raises MapError on bad syntax."""
    if format == "json":
        from . import _jsonpos

        return _jsonpos.parse(text, file)
    from . import _yaml  # PyYAML is imported on first use, not with argmap

    return _yaml.parse(text, file)


#: Reading one document: yields the reading of each file it includes, returns its map.
_Reading = Generator[Any, None, ArgumentMap | None]

SECTIONS = ("sources", "agents", "schemes", "statements", "arguments", "groups", "issues")
_SECTION_KEYS = {(section,) for section in SECTIONS}


class _IncludeMerger:
    """Reads a map file and the files it includes, merging their entities.

    Included files come first, depth-first in the order named, each read
    once; the including file's own entities follow.
    """

    def __init__(self, root: Path) -> None:
        self.root = resolved(root)
        self.positions: dict[DocPath, Position] = {}
        #: The positions of a map read from one file alone, not copied.
        self.single: Mapping[DocPath, Position] | None = None
        self.issues: list[Issue] = []
        self.files: list[str] = []
        self.read_files: set[Path] = set()
        self.merged: dict[str, dict[str, Any]] = {section: {} for section in SECTIONS}
        self.invalid: dict[str, set[str]] = {}

    def read(
        self, text: str, file: str, chain: list[Path] | None, format: TreeFormat = "yaml"
    ) -> ArgumentMap | None:
        """Parse and build one document; merge it after the files it includes.

        The included files are read by a loop over a stack, not by recursion,
        so a long chain of includes meets :data:`INCLUDE_DEPTH`, never
        Python's recursion limit.
        """
        stack = [self.document(text, file, chain, format)]
        built: ArgumentMap | None = None
        while stack:
            try:
                stack.append(next(stack[-1]))
            except StopIteration as done:
                stack.pop()
                built = done.value
        return built

    def document(
        self, text: str, file: str, chain: list[Path] | None, format: TreeFormat
    ) -> _Reading:
        """:meth:`read` of one document: yields the reading of each file it includes,
        for :meth:`read` to finish first; returns the document's map."""
        self.files.append(file)
        try:
            data, parsed, issues = _parse(text, file, format)
        except MapError as exc:
            self.issues += exc.issues
            return None
        positions = _alias_single_quotes(data, parsed)
        built = _format.from_data(data, plain=format == "json")
        for section, ids in built.invalid.items():
            self.invalid.setdefault(section, set()).update(ids)
        document_origin = Origin(file, positions)
        stand_in = built.map or ArgumentMap("(unreadable)")
        self.issues += issues + list(
            locate(attrs.evolve(stand_in, origin=document_origin), built.issues)
        )
        here = Path(file).parent if file != "<string>" else Path()
        including = chain is None
        chain = [
            *(chain or []),
            *([resolved(here / Path(file).name)] if file != "<string>" else []),
        ]
        for name, path in built.includes:
            nested = self.include(name, here, chain, positions.get(path) or positions.get(()))
            if nested is not None:
                yield nested
        if including and not built.includes:
            # One file: its entities and positions as they are, nothing to merge.
            # (JSON finds its positions only when asked.)
            self.single = positions
            return built.map
        accepted = set()
        if built.map is not None:
            accepted = self.merge(built.map, positions, here)
            if not including:
                self.group(built.map, file, accepted)
        for key, value in positions.items():
            if key[:2] in accepted or (including and key[:1] not in _SECTION_KEYS):
                self.positions.setdefault(key, value)
        return built.map

    def include(
        self, name: str, here: Path, chain: list[Path], where: Position | None
    ) -> _Reading | None:
        """The reading of an included file (for :meth:`read` to run), or ``None``
        when it is not to be read: a problem, or read already."""
        file = os.fspath(here / name)

        def problem(code: str, message: str) -> None:
            at = where or (file, None, None)
            self.issues.append(Issue(code, message, file=at[0], line=at[1], column=at[2]))

        if "\0" in name:
            problem("bad-file-name", f"include {name!r} holds a NUL character; remove it")
            return None
        target = resolved(here / name)

        if not target.is_relative_to(self.root):
            problem(
                "include-outside",
                f"include {name!r} points outside the map's folder ({self.root}); "
                "keep included maps inside it",
            )
            return None
        if target in chain:
            loop = " -> ".join(p.name for p in chain[chain.index(target) :])
            problem(
                "include-cycle",
                f"include {name!r} leads back to itself ({loop} -> {target.name}); "
                "remove one of these includes",
            )
            return None
        if target in self.read_files:
            return None  # included already, through another file
        most = INCLUDE_DEPTH.value()
        if len(chain) > most:
            problem(
                "include-too-deep",
                f"include {name!r} goes {len(chain):,} levels of include deep, more than "
                f"the {most:,} allowed; include the files from fewer levels, or "
                f"{INCLUDE_DEPTH.raise_hint()}",
            )
            return None
        self.read_files.add(target)
        try:
            text = read_text(file, what="included map file")
        except SourceFileError as exc:
            if exc.issue.line is not None:  # a problem inside the file: show it there
                self.issues.append(exc.issue)
            else:
                problem(exc.issue.code, f"cannot include {name!r}: {exc.issue.message}")
            return None
        return self.document(text, file, chain, "json" if format_of(name) == "json" else "yaml")

    def merge(
        self, document: ArgumentMap, positions: Mapping[DocPath, Position], here: Path
    ) -> set[DocPath]:
        """Add a document's entities; return their paths. An id defined twice is an error."""
        accepted: set[DocPath] = set()
        for section in SECTIONS:
            entities: Mapping[str, Any] = getattr(document, section)
            table = self.merged[section]
            for entity_id, entity in entities.items():
                path = (section, entity_id)
                if entity_id in table:
                    first = self.positions.get((*path, "<key>"))
                    where = f" (first in {first[0]}:{first[1]}:{first[2]})" if first else ""
                    at = positions.get((*path, "<key>"))
                    self.issues.append(
                        Issue(
                            "duplicate-id",
                            f"{section[:-1]} {entity_id!r} is defined in more than one file"
                            f"{where}; define it once and include that file",
                            path=path,
                            file=at[0] if at else None,
                            line=at[1] if at else None,
                            column=at[2] if at else None,
                        )
                    )
                    continue
                if section == "sources" and entity.file is not None:
                    table[entity_id] = attrs.evolve(entity, file=self.relative(here, entity.file))
                else:
                    table[entity_id] = entity
                accepted.add(path)
        return accepted

    def group(self, document: ArgumentMap, file: str, accepted: set[DocPath]) -> None:
        """Group the statements and arguments of an included file under its title.

        An included map that declares groups of its own keeps just those.
        """
        order = [*document.statements, *document.arguments]
        members = [
            e for e in order if ("statements", e) in accepted or ("arguments", e) in accepted
        ]
        if document.groups or not members:
            return
        stem = Path(file).stem
        base = stem if ID_PATTERN.match(stem) else "group"
        group_id = fresh_id(base, self.merged["groups"])
        self.merged["groups"][group_id] = Group(
            group_id,
            document.title,
            members,
            translations=[
                Translation(t.lang, title=t.title) for t in document.translations if t.title
            ],
        )

    def relative(self, here: Path, name: str) -> str:
        """A source file named in an included map, relative to the including map."""
        if resolved(here) == self.root or "\0" in name:
            return name  # a name with NUL in it is reported when the source is read
        return Path(os.path.relpath(resolved(here / name), self.root)).as_posix()


def _alias_single_quotes(
    data: Any, positions: Mapping[DocPath, Position]
) -> Mapping[DocPath, Position]:
    """Let ``quote: {...}`` be found under the path of ``quotes: [{...}]``.

    The model has only a list of citations; issues about the one written as
    ``quote`` then point at it.
    """
    if not isinstance(data, dict):
        return positions
    aliased: set[tuple[str, str]] = set()
    for section in ("statements", "arguments"):
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        for eid, entry in entries.items():
            if isinstance(entry, dict) and "quote" in entry and "quotes" not in entry:
                aliased.add((section, eid))
    return _QuoteAliases(positions, aliased) if aliased else positions


class _QuoteAliases(Mapping[DocPath, Position]):
    """Positions where ``(section, id, "quotes", 0, ...)`` finds ``(section, id, "quote", ...)``.

    A view, so positions that are found only when asked (JSON's) stay so.
    """

    def __init__(self, positions: Mapping[DocPath, Position], aliased: set[tuple[str, str]]):
        self.positions = positions
        self.aliased = aliased

    def _written(self, path: DocPath) -> DocPath | None:
        """The path as written (``quote``) of an aliased ``quotes[0]`` path."""
        if len(path) >= 4 and path[2:4] == ("quotes", 0) and path[:2] in self.aliased:
            return (*path[:2], "quote", *path[4:])
        return None

    def __getitem__(self, path: DocPath) -> Position:
        written = self._written(path)
        return self.positions[written if written is not None else path]

    def __iter__(self) -> Iterator[DocPath]:
        yield from self.positions
        for path in list(self.positions):
            if len(path) >= 3 and path[2] == "quote" and path[:2] in self.aliased:
                yield (*path[:2], "quotes", 0, *path[3:])

    def __len__(self) -> int:
        return sum(1 for _ in self)
