"""Formats and the file names that name them, diagram directions and semantics.

Apart from the modules that use them, so the command line lists them in its
help without importing the readers, the renderer or the evaluation.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, get_args

#: Output formats :func:`argmap.render` writes; ``html`` is the SVG inside the interactive viewer.
Format = Literal["svg", "png", "pdf", "dot", "html"]
FORMATS: tuple[Format, ...] = get_args(Format)


def diagram_format_of(name: str | os.PathLike[str]) -> Format | None:
    """The diagram format a file name's suffix names (``.svg``, ``.PNG``), or ``None``."""
    suffix = Path(name).suffix.lower().lstrip(".")
    for known in FORMATS:
        if suffix == known:
            return known
    return None


#: The formats argmap reads. ``aif`` is AIF JSON (AIFdb, or OVA's wrapper);
#: ``json`` is argmap's own canonical JSON.
ReadFormat = Literal["yaml", "json", "argdown", "aif"]
#: The formats argmap writes (diagrams are :func:`argmap.render`'s business);
#: ``outline`` (Markdown) and ``text`` are the map as an indented outline.
WriteFormat = Literal["yaml", "json", "argdown", "aif", "mermaid", "graphml", "outline", "text"]
READ_FORMATS: tuple[ReadFormat, ...] = get_args(ReadFormat)
WRITE_FORMATS: tuple[WriteFormat, ...] = get_args(WriteFormat)

#: File name endings that name a format, longest first. A ``.json`` file is
#: read as AIF or canonical JSON by its content.
SUFFIXES: dict[str, WriteFormat] = {
    ".aif.json": "aif",
    ".argdown": "argdown",
    ".graphml": "graphml",
    ".mermaid": "mermaid",
    ".yaml": "yaml",
    ".json": "json",
    ".md": "outline",
    ".aif": "aif",
    ".mmd": "mermaid",
    ".yml": "yaml",
    ".ad": "argdown",
}


def format_of(name: str | os.PathLike[str]) -> WriteFormat | None:
    """The format a file name's ending names, or ``None``."""
    lowered = os.fspath(name).lower()
    for suffix, fmt in SUFFIXES.items():
        if lowered.endswith(suffix):
            return fmt
    return None


#: The file endings of maps found in a folder given on the command line.
MAP_SUFFIXES = (".yaml", ".yml", ".json", ".argdown", ".ad")


#: Direction of the diagram: ``BT`` puts conclusions above their premises.
Rankdir = Literal["BT", "TB", "LR", "RL"]
RANKDIRS: tuple[Rankdir, ...] = get_args(Rankdir)

#: Which labellings of the framework count (Dung 1995; Caminada 2006).
Semantics = Literal["grounded", "complete", "preferred", "stable"]
SEMANTICS: tuple[Semantics, ...] = get_args(Semantics)

#: ``argmap check`` groups more warnings (or notes) than this of one code in one map ...
GROUP_OVER = 4
#: ... listing this many of them, and a line that counts the rest.
GROUP_SHOWN = 3
