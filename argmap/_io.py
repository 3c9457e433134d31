"""Loading maps from files and text, and writing them back."""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path
from typing import Any

from ._check import errors as map_errors
from ._fileio import read_text, write_atomic
from ._helpers import gc_paused
from ._names import READ_FORMATS, WRITE_FORMATS, ReadFormat, WriteFormat, format_of
from .errors import Issue, MapError
from .model import ArgumentMap

#: The module of each format other than argmap's YAML, imported on first use of
#: the format (lazily, so ``import argmap`` stays fast), and its writer.
_CODECS = {
    "json": ("argmap._json", "dumps"),
    "argdown": ("argmap._argdown", "dumps"),
    "aif": ("argmap._aif", "dumps"),
    "carneades": ("argmap._carneades", ""),
    "mermaid": ("argmap._mermaid", "to_mermaid"),
    "graphml": ("argmap._graphml", "to_graphml"),
    "outline": ("argmap._outline", "to_markdown"),
    "text": ("argmap._outline", "to_text"),
}


def _readable(fmt: WriteFormat | None) -> ReadFormat:
    """``fmt`` when argmap reads it, else YAML (an output-only name such as ``.mmd``)."""
    return fmt if fmt in ("yaml", "json", "argdown", "aif") else "yaml"


#: What the JSON read to tell the format is before anything is read.
_UNREAD: Any = object()
_ARGMAP_VERSION = re.compile(r"^argmap\s*:", re.M)
_CARNEADES_KEY = re.compile(r"^(statements|meta|assumptions|argument_schemes)\s*:", re.M)


def _carneades_yaml(text: str, file: str) -> bool:
    """Whether YAML text is a Carneades graph: no format version, Carneades' keys only."""
    if _ARGMAP_VERSION.search(text) or not _CARNEADES_KEY.search(text):
        return False
    from . import _carneades, _yaml

    try:
        data = _yaml.parse(text, file)[0]
    except MapError:
        return False  # the YAML reader reports the syntax error
    return _carneades.looks_like_carneades(data)


def sniff(text: str, file: str) -> ReadFormat:
    """Tell AIF JSON from argmap's canonical JSON (and from YAML) by content.

    JSON whose top level has ``nodes`` and ``edges``, or OVA's ``AIF``
    wrapper, is AIF; JSON with an ``argmap`` format version is canonical
    JSON; anything else that is not JSON is read as YAML, except in a
    ``.json`` file, which holds JSON or nothing: the JSON reader reports
    where it breaks (YAML in a ``.json`` file is ``json-syntax`` too).
    """
    return _sniff(text, file)[0]


def _sniff(text: str, file: str) -> tuple[ReadFormat, Any]:
    """The format, as :func:`sniff` tells it, and what :func:`_jsonpos.fast_parse` read
    of JSON text (``NOT_PLAIN`` when it read nothing the JSON reader can take as it is)."""
    import json  # JSON's readers imported only to tell JSON from YAML

    from ._jsonpos import NOT_PLAIN, fast_parse

    named_json = format_of(file) == "json"
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        if named_json:
            return "json", NOT_PLAIN
        return ("carneades" if _carneades_yaml(text, file) else "yaml"), NOT_PLAIN
    parsed = data = fast_parse(text)
    if data is NOT_PLAIN:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            # Not JSON, or JSON nested too deep or with a number too long for Python
            # to take: the safe readers say which and where. YAML flow mappings start
            # with '{' too.
            return ("json" if named_json else "yaml"), NOT_PLAIN
    if isinstance(data, dict) and ("AIF" in data or ("nodes" in data and "edges" in data)):
        return "aif", parsed
    if isinstance(data, dict) and "argmap" in data:
        return "json", parsed
    if named_json:
        raise MapError(
            [
                Issue(
                    "unknown-format",
                    "this JSON is neither an argmap map (it has no 'argmap' format version) "
                    "nor AIF (no 'nodes' and 'edges', no 'AIF'); give the format with --from",
                    file=file,
                    line=1,
                    column=1,
                )
            ]
        )
    return "yaml", NOT_PLAIN


def load(
    path: str | os.PathLike[str], *, format: ReadFormat | None = None, check: bool = True
) -> ArgumentMap:
    """Load a map from a file: YAML (with the files it includes), Argdown, AIF or JSON.

    A YAML map may name other map files under ``include`` (relative to
    itself); their sources, agents, schemes, statements and arguments become
    part of the map. Ids must be unique across all files.

    Args:
        path: The map file. ``.yaml``/``.yml`` is argmap's format, or a
            Carneades 4 graph when it has no ``argmap`` version and only a
            Carneades graph's keys; ``.argdown``/``.ad`` Argdown; a ``.json``
            file is AIF or argmap's canonical JSON, told apart by its content.
        format: Read the file as this format, whatever its name:
            ``"yaml"``, ``"json"``, ``"argdown"``, ``"aif"`` or ``"carneades"``.
        check: Also apply the whole-map rules of :func:`argmap.check` that
            make a map invalid (unknown ids, circular support, ...), so a map
            that loads is sound. Quotes are not verified here; call
            :func:`argmap.check` for that and for warnings.

    Returns:
        The map; its ``origin`` records the files and the position of every node.

    Raises:
        MapError: The file is not a valid map; ``.issues`` lists every problem
            with file, line and column.
        SourceFileError: The file cannot be read or is not UTF-8.
    """
    text = read_text(path)
    return loads(text, file=os.fspath(path), format=format, check=check)


def loads(
    text: str,
    *,
    file: str = "<string>",
    format: ReadFormat | None = None,
    check: bool = True,
) -> ArgumentMap:
    """Load a map from text; ``file`` names it in error messages.

    The format is ``format`` when given, else the one ``file``'s ending
    names, else told from the content (JSON or YAML). Files named under a
    YAML map's ``include`` are read relative to the folder of ``file`` (the
    current folder for ``"<string>"``). See :func:`load` for ``check`` and
    the errors raised.
    """
    text = text.removeprefix("\ufeff")
    parsed: Any = _UNREAD
    if format is None:
        named = format_of(file)
        if named in (None, "json"):
            format, parsed = _sniff(text, file)
        elif named == "yaml" and _carneades_yaml(text, file):
            format = "carneades"
        else:
            format = _readable(named)
    if format not in READ_FORMATS:
        raise ValueError(f"format must be one of {', '.join(READ_FORMATS)} (got {format!r})")
    if format in ("yaml", "json"):
        from ._tree import load_tree  # each format's reader imported on first use

        return load_tree(text, file, check=check, format=format)
    with gc_paused():  # as the YAML reader: many objects, no cycles to collect
        if format == "aif" and parsed is not _UNREAD:  # the JSON sniffed, not read again
            from ._aif.read import read

            argument_map = read(text, file, parsed=parsed)
        else:
            reader = importlib.import_module(_CODECS[format][0])
            argument_map = reader.loads(text, file)
    if check:
        errors = map_errors(argument_map)
        if errors:
            raise MapError(errors)
    return argument_map


def dumps(map: ArgumentMap, format: WriteFormat = "yaml", *, plain: bool = False) -> str:
    """The map as text: YAML in format version 1 (the default), or another format.

    ``format`` is ``"yaml"``, ``"json"`` (argmap's canonical JSON),
    ``"argdown"``, ``"aif"`` (AIFdb JSON), ``"mermaid"`` (a flowchart),
    ``"graphml"``, or ``"outline"`` and ``"text"`` (the map as an indented
    outline in Markdown or plain text, see :func:`argmap.to_outline`). Each
    format's page in the docs lists what it cannot hold.

    ``plain=True`` (Argdown only) writes Argdown as its own users write it:
    none of argmap's reserved ``{argmap: ...}`` data, the map's titles, an
    attack's conclusion named as the negation of what it attacks. It keeps
    the statements, arguments and relations, not every field: it does not
    read back to an equal map.

    Raises:
        ValueError: an unknown format, or ``plain`` with a format other than Argdown.
    """
    if plain and format != "argdown":
        raise ValueError(f"plain applies to the argdown format only (got {format!r})")
    if plain:
        from . import _argdown

        return _argdown.dumps(map, plain=True)
    if format == "yaml":
        from . import _format, _yaml

        return _yaml.dump(_format.to_data(map))
    if format not in WRITE_FORMATS:
        raise ValueError(f"format must be one of {', '.join(WRITE_FORMATS)} (got {format!r})")
    module, writer = _CODECS[format]
    text: str = getattr(importlib.import_module(module), writer)(map)
    return text


def dump(
    map: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: WriteFormat | None = None,
    plain: bool = False,
) -> Path:
    """Write the map to a file atomically; return the path written.

    The format is ``format`` when given, else the one the file name's ending
    names (``.yaml``, ``.json``, ``.aif.json``, ``.argdown``, ``.mmd``,
    ``.graphml``), else YAML. ``plain`` is as for :func:`dumps`.
    """
    chosen = format or format_of(path) or "yaml"
    return write_atomic(path, dumps(map, chosen, plain=plain).encode("utf-8"))
