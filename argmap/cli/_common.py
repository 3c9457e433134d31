"""What the commands share: usage errors, the map files named, loading one map, output paths."""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from .._names import MAP_SUFFIXES, Format, ReadFormat, diagram_format_of

if TYPE_CHECKING:
    from ..analyse import Acceptance, Evaluation, Semantics
    from ..model import ArgumentMap
    from ..view import ViewKeywords, ViewOptions

if TYPE_CHECKING:
    from typing_extensions import Unpack

#: How the command line names the library's parameters in its messages.
FLAGS = {
    "width": "--width",
    "rankdir": "--rankdir",
    "lang": "--lang",
    "focus": "--focus",
    "depth": "--depth",
    "collapse": "--collapse",
    "tags": "--tag",
    "speakers": "--speaker",
    "premises=False": "--no-premises",
    "accept": "--accept",
    "reject": "--reject",
    "stated_only": "--stated-only",
}
_PARAMETER = re.compile(r"'([\w=]+)'")


class UsageError(Exception):
    """Bad command-line usage (exit status 2)."""


def map_files(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in MAP_SUFFIXES and p.is_file())
            if not found:
                raise UsageError(
                    f"{raw}: no map files (*.yaml, *.yml, *.json, *.argdown, *.ad) in this folder"
                )
            files += found
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    return files


def load_one(raw: str, err: TextIO, source_format: str | None = None) -> ArgumentMap | None:
    """The one map file a command takes, or ``None`` after printing why it cannot load."""
    from .._io import load
    from ..errors import ArgmapError

    path = Path(raw)
    if path.is_dir():
        raise UsageError(f"{raw}: a folder; give one map file")
    if not path.exists():
        raise UsageError(f"{raw}: no such file")
    try:
        return load(path, format=cast("ReadFormat | None", source_format))  # argparse's choices
    except ArgmapError as exc:
        print(exc, file=err)
        return None


def no_such_lang(file: str | os.PathLike[str], lang: str, langs: Sequence[str]) -> str:
    """The error for a ``--lang`` the map has no text in."""
    known = ", ".join(langs) or "none declared"
    return (
        f"{os.fspath(file)}: error: no-such-lang: the map has no text in {lang!r} "
        f"(its languages: {known}); give one of them to --lang"
    )


def counted(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def what_if(map: ArgumentMap, args: argparse.Namespace) -> tuple[Evaluation, Evaluation]:
    """The evaluation the options ask for, and the same without --accept and --reject."""
    from .. import analyse

    stated = getattr(args, "stated_only", False)  # evaluate has --stated-only, render not
    try:
        accept, reject = analyse.what_if_ids(
            map, args.accept, args.reject, stated_only=stated, names=FLAGS
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    semantics: Semantics = args.semantics or "grounded"
    acceptance: Acceptance = "credulous" if args.credulous else "sceptical"
    if args.max_steps is not None and args.max_steps <= 0:
        raise UsageError(f"--max-steps must be more than 0 (got {args.max_steps})")
    steps = args.max_steps
    plain = analyse.evaluate(
        map, semantics, acceptance=acceptance, stated_only=stated, max_steps=steps
    )
    if not accept and not reject:
        return plain, plain
    return (
        analyse.evaluate(
            map,
            semantics,
            accept=accept,
            reject=reject,
            acceptance=acceptance,
            stated_only=stated,
            max_steps=steps,
        ),
        plain,
    )


def plan_output(output: str | None, fmt: Format | None, several: bool) -> tuple[Format, Path, bool]:
    """Decide the format, the output path and whether it is a folder.

    ``-o`` names a folder when it exists as one, ends in '/', or has no
    suffix and does not exist; otherwise a file (``/dev/stdout`` too), whose
    suffix gives the format unless ``-f`` does.
    """
    if output is None:
        return fmt or "svg", Path(), False
    if output == "-":
        if several:
            raise UsageError("-o - writes one map to standard output; give one map")
        fmt = fmt or "svg"
        if fmt in ("png", "pdf"):
            raise UsageError(f"-o - writes text; {fmt.upper()} is binary: give an output file")
        return fmt, Path(), False
    path = Path(output)
    if path.is_dir() or output.endswith(("/", os.sep)) or not (path.suffix or path.exists()):
        return fmt or "svg", path, True
    if several:
        raise UsageError(
            f"-o {output} names one file, but several maps are rendered; give a folder"
        )
    named = diagram_format_of(path)
    if fmt is None:
        if named is not None:
            return named, path, False
        raise UsageError(
            f"cannot tell the format from -o {output}: use a name ending in "
            ".svg, .png, .pdf, .dot or .html, or give -f"
        )
    if named is not None and named != fmt:
        raise UsageError(f"-f {fmt} does not match -o {output}; use one format")
    return fmt, path, False


def view_options(args: argparse.Namespace, **selection: Unpack[ViewKeywords]) -> ViewOptions:
    """The drawing options render and watch share, and ``selection``; a mistake is a usage error.

    The options' own messages name parameters (``'width'``); here they name
    the flags (``--width``).
    """
    from ..view import ViewOptions

    try:
        shared = ViewOptions(
            width=args.width, rankdir=args.rankdir, legend=args.legend, lang=args.lang
        )
        return shared.replace(**selection) if selection else shared
    except (TypeError, ValueError) as exc:
        raise UsageError(_PARAMETER.sub(lambda m: FLAGS.get(m[1], m[0]), str(exc))) from None


def write_output(path: str | os.PathLike[str], data: bytes, out: TextIO, err: TextIO) -> int:
    """Write ``data`` to ``path`` and say so on ``out``; 1 after saying on ``err`` why not."""
    from .._fileio import write_atomic
    from ..errors import ArgmapError, printable_name

    try:
        written = write_atomic(path, data)
    except ArgmapError as exc:
        print(exc, file=err)
        return 1
    print(f"wrote {printable_name(os.fspath(written))}", file=out)
    return 0


def make_folder(folder: Path, err: TextIO) -> bool:
    """Create the output folder ``folder`` (and its parents); false after saying why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"{folder}: cannot create output folder: {exc.strerror}", file=err)
        return False
    return True
