"""The ``argmap`` command: a thin shell over load, check and render.

Exit status: 0 when all is well, 1 when a map is invalid (or, with
``--strict``, has warnings) or an output cannot be written, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ._render import FORMATS, Format
from ._version import __version__
from .errors import ArgmapError, MapError, Severity
from .view import RANKDIRS

MAP_SUFFIXES = (".yaml", ".yml")

EPILOG = """\
examples:
  argmap check maps/                    check every map in a folder
  argmap check --strict maps/*.yaml     fail on warnings too
  argmap render maps/russian-lifeline.yaml
                                        write maps/russian-lifeline.svg
  argmap render maps/ -o build/maps     one SVG per map into build/maps/
  argmap render MAP -f png --legend     a PNG with a legend
  argmap render MAP -f dot -o -         DOT text on standard output

exit status: 0 all well, 1 invalid map or failed output, 2 bad usage
docs: docs/cli.md
"""


class _UsageError(Exception):
    """Bad command-line usage (exit status 2)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Check and render argument maps written in YAML.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="check maps and verify their quotes",
        description="Check maps: report errors and warnings, verify quotes against sources.",
        epilog=(
            "examples:\n  argmap check maps/\n  argmap check --strict maps/russian-lifeline.yaml\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="+", metavar="FILE|DIR", help="map files, or folders of them")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--no-quotes", action="store_true", help="do not verify quotes against source files"
    )
    check.add_argument(
        "--allow-outside",
        action="store_true",
        help="read source files outside the map's folder too (only for maps you trust)",
    )

    render = commands.add_parser(
        "render",
        help="render maps to SVG, PNG, PDF or DOT",
        description="Render maps through Graphviz (DOT needs no Graphviz).",
        epilog=(
            "examples:\n  argmap render maps/russian-lifeline.yaml\n"
            "  argmap render maps/ -o build/maps\n"
            "  argmap render MAP -f dot -o -\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    render.add_argument(
        "paths", nargs="+", metavar="FILE|DIR", help="map files, or folders of them"
    )
    render.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="output file (one map), or folder; '-' for standard output; default: beside each map",
    )
    render.add_argument(
        "-f", "--format", choices=FORMATS, help="output format (default: from -o, else svg)"
    )
    render.add_argument(
        "--rankdir",
        choices=RANKDIRS,
        default="BT",
        help="layout direction (default: BT, conclusions on top)",
    )
    render.add_argument(
        "--width",
        type=int,
        default=40,
        metavar="N",
        help="wrap statement text at N characters (default: 40)",
    )
    render.add_argument("--legend", action="store_true", help="add a legend")
    render.add_argument(
        "--lang",
        metavar="LANG",
        help="draw the text in this language, one of the map's 'lang' (default: its first)",
    )
    return parser


def _map_files(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in MAP_SUFFIXES and p.is_file())
            if not found:
                raise _UsageError(f"{raw}: no map files (*.yaml, *.yml) in this folder")
            files += found
        elif path.exists():
            files.append(path)
        else:
            raise _UsageError(f"{raw}: no such file or folder")
    return files


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._check import check
    from ._io import load

    status = 0
    for file in _map_files(args.paths):
        try:
            issues = check(
                load(file), verify_quotes=not args.no_quotes, allow_outside=args.allow_outside
            )
        except MapError as exc:
            issues = exc.issues
        except ArgmapError as exc:
            print(exc, file=err)
            status = 1
            continue
        errors = sum(1 for i in issues if i.severity is Severity.ERROR)
        warnings = len(issues) - errors
        for issue in issues:
            print(issue, file=err)
        if errors or (args.strict and warnings):
            status = 1
        print(f"{file}: {_count(errors, 'error')}, {_count(warnings, 'warning')}", file=out)
    return status


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import _render as renderer
    from ._io import load

    files = _map_files(args.paths)
    if args.width < 10:
        raise _UsageError(f"--width must be at least 10 (got {args.width})")
    several = len(files) > 1 or any(Path(p).is_dir() for p in args.paths)
    fmt, output, into_folder = _plan_output(args.output, args.format, several)
    to_stdout = args.output == "-"
    if into_folder:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"{output}: cannot create output folder: {exc.strerror}", file=err)
            return 1

    status = 0
    options = {
        "width": args.width,
        "rankdir": args.rankdir,
        "legend": args.legend,
        "lang": args.lang,
    }
    for file in files:
        try:
            argument_map = load(file)
            if args.lang is not None and args.lang not in argument_map.langs:
                langs = ", ".join(argument_map.langs) or "none declared"
                print(
                    f"{file}: error: no-such-lang: the map has no text in {args.lang!r} "
                    f"(its languages: {langs}); give one of them to --lang",
                    file=err,
                )
                status = 1
                continue
            if to_stdout:
                out.write(
                    renderer.to_dot(argument_map, **options)
                    if fmt == "dot"
                    else renderer.to_svg(argument_map, **options)
                )
                continue
            if into_folder:
                target = output / f"{file.stem}.{fmt}"
            elif args.output is not None:
                target = output
            else:
                target = file.with_suffix(f".{fmt}")
            written = renderer.render(argument_map, target, format=fmt, **options)
            print(f"wrote {written}", file=out)
        except ArgmapError as exc:
            print(exc, file=err)
            status = 1
    return status


def _plan_output(
    output: str | None, fmt: Format | None, several: bool
) -> tuple[Format, Path, bool]:
    """Decide the format, the output path and whether it is a folder.

    ``-o`` names a folder when it exists as one, ends in '/', or has no
    suffix; otherwise a file, whose suffix gives the format unless ``-f`` does.
    """
    if output is None:
        return fmt or "svg", Path(), False
    if output == "-":
        if several:
            raise _UsageError("-o - writes one map to standard output; give one map")
        fmt = fmt or "svg"
        if fmt in ("png", "pdf"):
            raise _UsageError(f"-o - writes text; {fmt.upper()} is binary: give an output file")
        return fmt, Path(), False
    path = Path(output)
    if path.is_dir() or output.endswith(("/", os.sep)) or not path.suffix:
        return fmt or "svg", path, True
    if several:
        raise _UsageError(
            f"-o {output} names one file, but several maps are rendered; give a folder"
        )
    suffix = path.suffix.lower().lstrip(".")
    if fmt is None:
        for known in FORMATS:
            if suffix == known:
                return known, path, False
        raise _UsageError(
            f"cannot tell the format from -o {output}: use a name ending in "
            ".svg, .png, .pdf or .dot, or give -f"
        )
    if suffix in FORMATS and suffix != fmt:
        raise _UsageError(f"-f {fmt} does not match -o {output}; use one format")
    return fmt, path, False


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the ``argmap`` command with ``argv`` (default: ``sys.argv[1:]``).

    Returns the exit status instead of exiting, so it can be called from Python.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 0 for --help/--version, 2 for errors
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(out)
        return 2
    try:
        if args.command == "check":
            return _check(args, out, err)
        return _render(args, out, err)
    except _UsageError as exc:
        print(f"argmap {args.command}: error: {exc}", file=err)
        return 2
    except BrokenPipeError:  # e.g. `argmap render -f dot -o - map.yaml | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
