"""The ``argmap`` command: a thin shell over load, check, analyse and render.

Exit status: 0 when all is well, 1 when a map is invalid (or, with
``--strict``, has warnings) or an output cannot be written, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from ._names import FORMATS, RANKDIRS, SEMANTICS, Format
from ._version import __version__

if TYPE_CHECKING:
    from ._io import ReadFormat
    from .analyse import Acceptance, Evaluation, Semantics
    from .errors import Issue
    from .model import ArgumentMap

#: The files a folder given to check or render contributes: every format argmap reads.
MAP_SUFFIXES = (".yaml", ".yml", ".json", ".argdown", ".ad")
#: Formats for --from and --to (kept here so the parser needs no import of the readers).
READ_FORMATS = ("yaml", "json", "argdown", "aif")
WRITE_FORMATS = ("yaml", "json", "argdown", "aif", "mermaid", "graphml")

EPILOG = """\
examples:
  argmap check maps/                    check every map in a folder
  argmap check --strict maps/*.yaml     fail on warnings too
  argmap render maps/russian-lifeline.yaml
                                        write maps/russian-lifeline.svg
  argmap render maps/ -o build/maps     one SVG per map into build/maps/
  argmap render MAP -f png --legend     a PNG with a legend
  argmap render MAP -f dot -o -         DOT text on standard output
  argmap render MAP -f html             a page to explore the map in a browser
  argmap evaluate MAP --reject ID       what stands, and what changes without ID
  argmap stats MAP                      counts, unsupported premises, support cycles
  argmap convert debate.argdown -o debate.yaml
                                        Argdown (or AIF, JSON) to argmap's YAML
  argmap convert MAP -o map.mmd         a Mermaid flowchart for GitHub
  argmap new debate.yaml                a commented map to start from
  argmap watch MAP -f png               render again on every save

exit status: 0 all well, 1 invalid map or failed output, 2 bad usage
docs: docs/cli.md
"""


#: Nodes a diagram may have before ``argmap render`` warns that it is hard to read.
MAX_NODES = 300


class _UsageError(Exception):
    """Bad command-line usage (exit status 2)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description=(
            "Check, evaluate, render and convert argument maps (argmap YAML or JSON, Argdown, AIF)."
        ),
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
    _from_option(check)
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
        help="render maps to SVG, PNG, PDF, DOT or an interactive HTML page",
        description="Render maps through Graphviz (DOT needs no Graphviz).",
        epilog=(
            "examples:\n  argmap render maps/russian-lifeline.yaml\n"
            "  argmap render maps/ -o build/maps\n"
            "  argmap render MAP -f dot -o -\n"
            "  argmap render MAP -o map.html      (pan, zoom, search, click for details)\n"
            "  argmap render maps/overview.yaml --focus lifeline --depth 1\n"
            "  argmap render maps/overview.yaml --collapse china-threat --tag military\n\n"
            "a large map: --focus, --collapse, --tag and --speaker draw part of it, "
            "--no-premises draws arguments only; "
            "docs/large-maps.md says what each keeps\n"
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
    _from_option(render)
    render.add_argument(
        "--lang",
        metavar="LANG",
        help="draw the text in this language, one of the map's 'lang' (default: its first)",
    )
    render.add_argument(
        "--evaluate",
        action="store_true",
        help="show what is in, out and undecided (fill and border), with a legend",
    )
    _evaluation_options(render, "with --evaluate: ")
    render.add_argument(
        "--focus", metavar="ID", help="draw only what lies around statement ID (see --depth)"
    )
    render.add_argument(
        "--depth",
        type=int,
        metavar="N",
        help="with --focus: how many steps around it, one step per argument (default: 2)",
    )
    render.add_argument(
        "--collapse",
        action="append",
        default=[],
        metavar="ID",
        help="fold what argues for or against statement ID into one node (repeatable)",
    )
    render.add_argument(
        "--tag",
        dest="tags",
        action="append",
        default=[],
        metavar="T",
        help="draw what carries tag T, and what is needed to draw it (repeatable)",
    )
    render.add_argument(
        "--speaker",
        dest="speakers",
        action="append",
        default=[],
        metavar="AGENT",
        help="draw what agent AGENT holds or argues, and what is needed to draw it (repeatable)",
    )
    render.add_argument(
        "--no-premises",
        dest="premises",
        action="store_false",
        help="draw each argument without its premises, a third the nodes (not with --collapse)",
    )
    render.add_argument(
        "--max-nodes",
        type=int,
        default=MAX_NODES,
        metavar="N",
        help=f"warn when a diagram has more than N nodes (default: {MAX_NODES}; 0: never)",
    )
    render.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="render N maps at a time (default: one per CPU)",
    )

    evaluate = commands.add_parser(
        "evaluate",
        help="label each statement and argument in, out or undecided",
        description=(
            "Evaluate a map: label each statement and argument in, out or undecided "
            "(docs/evaluation.md says how). With --accept or --reject, also list the "
            "statements whose label that changes."
        ),
        epilog=(
            "examples:\n  argmap evaluate maps/russian-lifeline.yaml\n"
            "  argmap evaluate MAP --semantics preferred --credulous\n"
            "  argmap evaluate MAP --reject lifeline\n"
            "  argmap evaluate MAP --stated-only --format json\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("path", metavar="MAP", help="a map file")
    _from_option(evaluate)
    _evaluation_options(evaluate, "")
    evaluate.add_argument(
        "--stated-only",
        action="store_true",
        help="evaluate what the text says alone: leave out implicit statements and "
        "arguments, and the arguments that rest on them",
    )
    _output_format(evaluate)

    stats = commands.add_parser(
        "stats",
        help="count statements and arguments; list unsupported premises, support cycles, ...",
        description=(
            "Describe a map's structure: counts, unsupported premises, uncontested "
            "statements, support cycles, and the arguments for and against each statement."
        ),
        epilog=(
            "examples:\n  argmap stats maps/overview.yaml\n"
            "  argmap stats maps/overview.yaml --format json\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    stats.add_argument("path", metavar="MAP", help="a map file")
    _from_option(stats)
    _output_format(stats)

    convert = commands.add_parser(
        "convert",
        help="convert a map between YAML, JSON, Argdown and AIF; export Mermaid or GraphML",
        description=(
            "Convert a map: read argmap YAML or JSON, Argdown or AIF; write any of them, "
            "or a Mermaid flowchart or GraphML. The map is checked first; an invalid map "
            "writes nothing. docs/formats/ says what each format keeps and loses."
        ),
        epilog=(
            "examples:\n  argmap convert debate.argdown -o debate.yaml\n"
            "  argmap convert maps/china.yaml -o china.aif.json\n"
            "  argmap convert MAP --to mermaid -o -\n\n"
            "formats from file names: .yaml .yml (yaml), .json (json; read: json or aif by "
            "content), .aif.json .aif (aif), .argdown .ad (argdown), .mmd .mermaid (mermaid), "
            ".graphml (graphml)\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("path", metavar="MAP", help="the map to convert")
    convert.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the file to write; '-' for standard output",
    )
    _from_option(convert)
    convert.add_argument(
        "--to", choices=WRITE_FORMATS, help="format to write (default: from the -o file name)"
    )

    new = commands.add_parser(
        "new",
        help="start a new map from a commented example",
        description=(
            "Write a new map: a small valid example (a source, an agent, three statements, "
            "an argument) whose comments explain each key, with a modeline that lets "
            "editors complete and check it against argmap's JSON Schema."
        ),
        epilog=(
            "examples:\n  argmap new debate.yaml\n"
            '  argmap new maps/tram.yaml --title "Should the city build a tram?" --lang en\n'
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    new.add_argument("path", metavar="FILE", help="the map to write (.yaml or .yml)")
    new.add_argument("--title", help="the map's title (default: from the file name)")
    new.add_argument(
        "--lang", default="en", metavar="LANG", help="language of the map's text (default: en)"
    )
    new.add_argument(
        "--schema",
        metavar="PATH|URL",
        help=(
            "where the modeline points for the JSON Schema, relative to FILE "
            "(default: the schema of this installation)"
        ),
    )
    new.add_argument("--force", action="store_true", help="replace FILE if it exists")

    watch = commands.add_parser(
        "watch",
        help="render a map, and again whenever it or a file it includes is saved",
        description=(
            "Render one map, then render it again whenever it or a file it includes "
            "changes. A map with errors is not drawn: its problems are printed and the "
            "output keeps the last good drawing. Ctrl-C stops."
        ),
        epilog=(
            "examples:\n  argmap watch maps/russian-lifeline.yaml\n"
            "  argmap watch MAP -o build/map.png --legend --lang de\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    watch.add_argument("path", metavar="MAP", help="a map file")
    watch.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="output file, or folder; default: beside the map",
    )
    watch.add_argument(
        "-f", "--format", choices=FORMATS, help="output format (default: from -o, else svg)"
    )
    watch.add_argument(
        "--rankdir",
        choices=RANKDIRS,
        default="BT",
        help="layout direction (default: BT, conclusions on top)",
    )
    watch.add_argument(
        "--width",
        type=int,
        default=40,
        metavar="N",
        help="wrap statement text at N characters (default: 40)",
    )
    watch.add_argument("--legend", action="store_true", help="add a legend")
    watch.add_argument(
        "--lang",
        metavar="LANG",
        help="draw the text in this language, one of the map's 'lang' (default: its first)",
    )
    _from_option(watch)
    watch.add_argument(
        "--interval",
        type=float,
        default=0.5,
        metavar="SECONDS",
        help="how often to look for changes (default: 0.5)",
    )
    watch.add_argument(
        "--cycles",
        type=int,
        metavar="N",
        help="stop after looking N times (default: until Ctrl-C); 0 renders once",
    )
    return parser


def _from_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=READ_FORMATS,
        help="read maps as this format (default: from the file name, .json by content)",
    )


def _output_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), or one JSON object for programs",
    )


def _evaluation_options(parser: argparse.ArgumentParser, prefix: str) -> None:
    """--semantics, --credulous, --accept and --reject, for evaluate and render."""
    parser.add_argument(
        "--semantics",
        choices=SEMANTICS,
        help=f"{prefix}which labellings count (default: grounded)",
    )
    parser.add_argument(
        "--credulous",
        action="store_true",
        help=f"{prefix}in when in under one extension, not all (preferred, stable, complete)",
    )
    for flag, what in (("accept", "accepted"), ("reject", "rejected")):
        parser.add_argument(
            f"--{flag}",
            action="append",
            default=[],
            metavar="ID",
            help=f"{prefix}take statement ID as {what} (repeatable): what if?",
        )


def _map_files(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in MAP_SUFFIXES and p.is_file())
            if not found:
                raise _UsageError(
                    f"{raw}: no map files (*.yaml, *.yml, *.json, *.argdown, *.ad) in this folder"
                )
            files += found
        elif path.exists():
            files.append(path)
        else:
            raise _UsageError(f"{raw}: no such file or folder")
    return files


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._check import check
    from ._io import load
    from .errors import ArgmapError, MapError, Severity

    status = 0
    for file in _map_files(args.paths):
        try:
            issues = check(
                load(file, format=args.source_format),
                verify_quotes=not args.no_quotes,
                allow_outside=args.allow_outside,
            )
        except MapError as exc:
            issues = exc.issues
        except ArgmapError as exc:
            print(exc, file=err)
            status = 1
            continue
        errors = sum(1 for i in issues if i.severity is Severity.ERROR)
        warnings = sum(1 for i in issues if i.severity is Severity.WARNING)
        notes = len(issues) - errors - warnings
        for issue in issues:
            print(issue, file=err)
        if errors or (args.strict and warnings):
            status = 1
        summary = f"{file}: {_count(errors, 'error')}, {_count(warnings, 'warning')}"
        print(summary + (f", {_count(notes, 'note')}" if notes else ""), file=out)
    return status


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._fileio import write_atomic
    from .errors import ArgmapError

    files = _map_files(args.paths)
    if args.width < 10:
        raise _UsageError(f"--width must be at least 10 (got {args.width})")
    if args.depth is not None and args.focus is None:
        raise _UsageError("--depth works with --focus; add it")
    if not args.premises and args.collapse:
        raise _UsageError(
            "--collapse folds the premises below a statement, so it needs them drawn; "
            "leave out --no-premises or --collapse"
        )
    for flag, value in (("--depth", args.depth), ("--max-nodes", args.max_nodes)):
        if value is not None and value < 0:
            raise _UsageError(f"{flag} must be 0 or more (got {value})")
    if args.jobs is not None and args.jobs < 1:
        raise _UsageError(f"--jobs must be at least 1 (got {args.jobs})")
    several = len(files) > 1 or any(Path(p).is_dir() for p in args.paths)
    fmt, output, into_folder = _plan_output(args.output, args.format, several)
    to_stdout = args.output == "-"
    if into_folder:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"{output}: cannot create output folder: {exc.strerror}", file=err)
            return 1

    evaluation_flags = [
        flag
        for flag, given in (
            ("--semantics", args.semantics is not None),
            ("--credulous", args.credulous),
            ("--accept", bool(args.accept)),
            ("--reject", bool(args.reject)),
        )
        if given
    ]
    if evaluation_flags and not args.evaluate:
        raise _UsageError(f"{evaluation_flags[0]} works with --evaluate; add it")
    jobs = []
    for file in files:
        if to_stdout:
            target = None
        elif into_folder:
            target = output / f"{file.stem}.{fmt}"
        elif args.output is not None:
            target = output
        else:
            target = file.with_suffix(f".{fmt}")
        jobs.append(_RenderJob(file, target, fmt, args, os.getcwd()))

    status = 0
    progress = _Progress(err, len(jobs))

    def report(job: _RenderJob, result: _Rendered) -> None:
        nonlocal status
        progress.clear()
        for message in result.messages:
            print(message, file=err)
        if result.usage is not None:
            raise _UsageError(result.usage)
        if result.data is None:
            status = 1
        elif job.target is None:
            out.write(result.data.decode("utf-8"))
        else:
            try:
                written = write_atomic(job.target, result.data)
            except ArgmapError as exc:
                print(exc, file=err)
                status = 1
            else:
                print(f"wrote {written}", file=out)
        out.flush()
        progress.show()

    workers = min(len(jobs), args.jobs or _cpu_count())
    try:
        _run_jobs(jobs, workers, report, progress)
    finally:
        progress.clear()
    return status


def _cpu_count() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every platform
        return os.cpu_count() or 1


@dataclasses.dataclass(frozen=True)
class _RenderJob:
    """One map to render: where from, where to (``None``: standard output), how."""

    file: Path
    target: Path | None
    format: Format
    args: argparse.Namespace
    cwd: str


@dataclasses.dataclass(frozen=True)
class _Rendered:
    """What rendering one map gave: lines for standard error, the output, a usage error."""

    messages: tuple[str, ...] = ()
    data: bytes | None = None
    usage: str | None = None


def _render_job(job: _RenderJob) -> _Rendered:
    """Load, select, evaluate and draw one map; never prints, so it runs in any process."""
    from . import _render as renderer
    from ._io import load
    from ._select import check_selection
    from .errors import ArgmapError
    from .view import build_view

    if os.getcwd() != job.cwd:  # a worker process started elsewhere: names are relative
        os.chdir(job.cwd)
    args, file = job.args, job.file
    try:
        argument_map = load(file, format=args.source_format)
        evaluation = _what_if(argument_map, args)[0] if args.evaluate else None
        if args.lang is not None and args.lang not in argument_map.langs:
            langs = ", ".join(argument_map.langs) or "none declared"
            return _Rendered(
                (
                    f"{file}: error: no-such-lang: the map has no text in {args.lang!r} "
                    f"(its languages: {langs}); give one of them to --lang",
                )
            )
        selection: dict[str, Any] = {
            "focus": args.focus,
            "depth": args.depth,
            "collapse": args.collapse,
            "tags": args.tags,
            "speakers": args.speakers,
        }
        try:
            check_selection(argument_map, **selection, flags=True)
        except ValueError as exc:
            return _Rendered(usage=f"{file}: {exc}")
        view = build_view(
            argument_map,
            width=args.width,
            rankdir=args.rankdir,
            legend=args.legend,
            lang=args.lang,
            evaluation=evaluation,
            premises=args.premises,
            **selection,
        )
        messages = []
        if args.max_nodes and len(view.nodes) > args.max_nodes:
            messages.append(str(_too_large(argument_map, file, len(view.nodes), args.max_nodes)))
        return _Rendered(tuple(messages), renderer.view_output(view, job.format, map=argument_map))
    except _UsageError as exc:
        return _Rendered(usage=str(exc))
    except ArgmapError as exc:
        return _Rendered((str(exc),))


def _too_large(argument_map: ArgumentMap, file: Path, nodes: int, limit: int) -> Issue:
    """The warning for a diagram of more than ``limit`` nodes, with what to draw instead."""
    from ._select import most_connected
    from .errors import Issue, Severity

    candidates = ", ".join(f"{sid} ({n})" for sid, n in most_connected(argument_map, 5))
    focus = "--focus ID --depth N"
    if candidates:
        focus += f" (statements most arguments touch: {candidates})"
    return Issue(
        "large-map",
        f"the diagram has {nodes} nodes (more than {limit}) and will be hard to read; "
        f"draw part of it with {focus}, --collapse ID, --tag T or --speaker AGENT, "
        "draw arguments only with --no-premises, or raise --max-nodes (0: no limit)",
        Severity.WARNING,
        file=str(file),
    )


def _run_jobs(
    jobs: list[_RenderJob],
    workers: int,
    report: Callable[[_RenderJob, _Rendered], None],
    progress: _Progress,
) -> None:
    """Render ``jobs`` on ``workers`` processes; ``report`` each result in the order of ``jobs``.

    One worker, or a platform without process pools, renders in this process,
    and so does a pool that breaks: the maps not reported yet are rendered
    again here. ``report`` may raise to stop: what is not reported yet is dropped.
    """
    done = _in_processes(jobs, workers, report, progress) if workers > 1 else 0
    progress.done = done
    for job in jobs[done:]:
        result = _render_job(job)
        progress.step(job.file)
        report(job, result)


def _in_processes(
    jobs: list[_RenderJob],
    workers: int,
    report: Callable[[_RenderJob, _Rendered], None],
    progress: _Progress,
) -> int:
    """Render ``jobs`` in a pool of ``workers`` processes; how many were reported."""
    from concurrent.futures import Future, ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # The platform's way of starting processes. Where it starts a fresh
    # interpreter (spawn, forkserver), a worker's folder may differ: jobs
    # carry theirs; `python -m argmap`'s __main__ is not run again there.
    try:
        pool = ProcessPoolExecutor(max_workers=workers)
    except (NotImplementedError, OSError):  # no semaphores or no processes here
        return 0
    done = 0
    results: dict[int, _Rendered] = {}
    with pool:
        try:
            futures: dict[Future[_Rendered], int] = {}
            try:
                for index, job in enumerate(jobs):
                    futures[pool.submit(_render_job, job)] = index
            except (BrokenProcessPool, OSError):  # processes cannot be started
                return 0
            for future in as_completed(futures):
                index = futures[future]
                try:
                    results[index] = future.result()
                except BrokenProcessPool:  # a worker died: the rest is rendered here
                    return done
                progress.step(jobs[index].file)
                while done in results:
                    report(jobs[done], results.pop(done))
                    done += 1
        finally:
            pool.shutdown(cancel_futures=True)
    return done


class _Progress:
    """``rendered 3/7: maps/china.yaml``, one line kept up to date on a terminal.

    Quiet unless ``stream`` is a terminal and there are several maps.
    """

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.last = ""
        self.shown = False
        isatty = getattr(stream, "isatty", None)
        self.active = total > 1 and callable(isatty) and bool(isatty())

    def step(self, file: Path) -> None:
        self.done += 1
        self.last = str(file)
        self.show()

    def show(self) -> None:
        if not self.active or not self.done:
            return
        line = f"rendered {self.done}/{self.total}: {self.last}"
        width = shutil.get_terminal_size().columns - 1
        self.stream.write(f"\r\x1b[K{line[:width]}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _what_if(argument_map: ArgumentMap, args: argparse.Namespace) -> tuple[Evaluation, Evaluation]:
    """The evaluation the options ask for, and the same without --accept and --reject."""
    from . import analyse

    stated = getattr(args, "stated_only", False)  # evaluate has --stated-only, render not
    try:
        accept, reject = analyse.what_if_ids(
            argument_map, args.accept, args.reject, flags=True, stated_only=stated
        )
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    semantics: Semantics = args.semantics or "grounded"
    acceptance: Acceptance = "credulous" if args.credulous else "sceptical"
    plain = analyse.evaluate(argument_map, semantics, acceptance=acceptance, stated_only=stated)
    if not accept and not reject:
        return plain, plain
    return (
        analyse.evaluate(
            argument_map,
            semantics,
            accept=accept,
            reject=reject,
            acceptance=acceptance,
            stated_only=stated,
        ),
        plain,
    )


def _load_one(raw: str, err: TextIO, source_format: str | None = None) -> ArgumentMap | None:
    """The one map file a command takes, or ``None`` after printing why it cannot load."""
    from ._io import load
    from .errors import ArgmapError

    path = Path(raw)
    if path.is_dir():
        raise _UsageError(f"{raw}: a folder; give one map file")
    if not path.exists():
        raise _UsageError(f"{raw}: no such file")
    try:
        return load(path, format=cast("ReadFormat | None", source_format))  # argparse's choices
    except ArgmapError as exc:
        print(exc, file=err)
        return None


#: Longest line ``argmap evaluate`` prints; text beyond it is cut with an ellipsis.
LINE = 100


def _evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    argument_map = _load_one(args.path, err, args.source_format)
    if argument_map is None:
        return 1
    evaluation, plain = _what_if(argument_map, args)
    if args.output_format == "json":
        data = evaluation.as_dict()
        data["changes"] = [
            {"id": c.id, "before": c.before, "after": c.after} for c in plain.diff(evaluation)
        ]
        _print_json(data, out)
        return 0
    if evaluation.stated_only:
        from .analyse import stated_only

        argument_map = stated_only(argument_map)
    print(_evaluation_heading(evaluation), file=out)
    ids = [*argument_map.statements, *argument_map.arguments]
    width = max(len(i) for i in ids) if ids else 0
    sections: list[tuple[str, list[tuple[str, str]]]] = [
        ("statements", [(sid, s.text) for sid, s in argument_map.statements.items()]),
        ("arguments", [(aid, a.label) for aid, a in argument_map.arguments.items()]),
    ]
    for heading, rows in sections:
        if not rows:
            continue
        print(f"\n{heading}:", file=out)
        labels = evaluation.statements if heading == "statements" else evaluation.arguments
        for key, text in rows:
            print(_row(f"{labels[key]:<9}  {key:<{width}}", text), file=out)
    if evaluation is not plain:
        changes = [c for c in plain.diff(evaluation) if c.id in argument_map.statements]
        print("\nchanges against the evaluation without --accept and --reject:", file=out)
        if not changes:
            print("  no statement changes its label", file=out)
        for change in changes:
            print(f"  {change.id:<{width}}  {change.before} -> {change.after}", file=out)
    return 0


def _evaluation_heading(evaluation: Evaluation) -> str:
    """``preferred semantics, sceptical: 2 extensions`` and what was accepted or rejected."""
    heading = f"{evaluation.semantics} semantics"
    if evaluation.semantics != "grounded":
        count = evaluation.extensions
        heading += f", {evaluation.acceptance}: {_count(count, 'extension')}"
        if count == 0:
            heading += ", so every label is undecided"
    for verb, ids in (("accepting", evaluation.accept), ("rejecting", evaluation.reject)):
        if ids:
            heading += f"; {verb} {', '.join(ids)}"
    if evaluation.stated_only:
        heading += "; stated parts only"
    return heading


def _print_json(data: dict[str, Any], out: TextIO) -> None:
    """``data`` as one JSON object, its keys in the order given (no sorting)."""
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2), file=out)


def _row(head: str, text: str) -> str:
    """``  head  text``, the text on one line, cut with an ellipsis to fit :data:`LINE`."""
    text = " ".join(text.split())
    room = max(LINE - len(head) - 4, 20)
    if len(text) > room:
        cut = text[: room - 1]
        space = cut.rfind(" ")
        text = (cut[:space] if space > room // 2 else cut).rstrip() + "…"
    return f"  {head}  {text}"


def _stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import analyse
    from .model import AttackType

    m = _load_one(args.path, err, args.source_format)
    if m is None:
        return 1
    kinds = [a.kind for a in m.arguments.values()]
    attacks = list(m.attack_types.values())
    theses = len(m.main_theses)
    counts = {
        "support": kinds.count("support"),
        "rebuttal": attacks.count(AttackType.REBUTTAL),
        "undermining": attacks.count(AttackType.UNDERMINING),
        "undercut": kinds.count("undercut"),
    }
    grounding = analyse.grounding(m)
    lists = {
        "unsupported premises": analyse.unsupported_premises(m),
        "uncontested statements": analyse.uncontested(m),
    }
    cycles = analyse.support_cycles(m)
    table = {
        sid: {
            "for": len(m.arguments_for(sid)),
            "against": len(m.arguments_against(sid)),
            "rests_on": len(analyse.premises_of(m, sid)),
            "dependents": len(analyse.dependents(m, sid)),
        }
        for sid in m.statements
    }
    if args.output_format == "json":
        data: dict[str, Any] = {
            "statements": len(m.statements),
            "main_theses": theses,
            "arguments": len(m.arguments),
            **counts,
            "grounding": grounding.as_dict(),
            **{name.replace(" ", "_"): list(items) for name, items in lists.items()},
            "support_cycles": [list(c) for c in cycles],
            "per_statement": table,
        }
        _print_json(data, out)
        return 0
    print(
        f"statements: {len(m.statements)} ({theses} main {'thesis' if theses == 1 else 'theses'})",
        file=out,
    )
    details = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    print(f"arguments: {len(m.arguments)} ({details})", file=out)
    g = grounding
    print(
        f"stated {g.stated_statements} of {_count(g.statements, 'statement')}, "
        f"{g.quoted_statements} quoted, {_count(g.questions, 'question')}, "
        f"{g.hypothetical} hypothetical",
        file=out,
    )
    print(
        f"stated {g.stated_arguments} of {_count(g.arguments, 'argument')}, "
        f"{g.quoted_arguments} quoted",
        file=out,
    )
    lists["support cycles"] = tuple(" -> ".join(c) for c in cycles)
    for name, items in lists.items():
        print(_listing(f"{name} ({len(items)}): ", items), file=out)
    if not m.statements:
        return 0
    width = max(len("statement"), *(len(sid) for sid in m.statements))
    print(f"\n{'statement':<{width}}  for  against  rests on  dependents", file=out)
    for sid, row in table.items():
        print(
            f"{sid:<{width}}  {row['for']:>3}  {row['against']:>7}  {row['rests_on']:>8}"
            f"  {row['dependents']:>10}",
            file=out,
        )
    return 0


def _listing(head: str, items: Sequence[str]) -> str:
    """``head`` and the items, comma-separated, wrapped under one another."""
    if not items:
        return head + "none"
    return textwrap.fill(
        ", ".join(items),
        width=LINE,
        initial_indent=head,
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._fileio import write_atomic
    from ._io import dumps, format_of
    from .errors import ArgmapError

    target = args.to or (None if args.output == "-" else format_of(args.output))
    if target is None:
        raise _UsageError(
            f"cannot tell the format from -o {args.output}: use a name ending in .yaml, .json, "
            ".aif.json, .argdown, .mmd or .graphml, or give --to"
        )
    argument_map = _load_one(args.path, err, args.source_format)
    if argument_map is None:
        return 1
    text = dumps(argument_map, target)
    if args.output == "-":
        out.write(text)
        return 0
    try:
        written = write_atomic(args.output, text.encode("utf-8"))
    except ArgmapError as exc:
        print(exc, file=err)
        return 1
    print(f"wrote {written}", file=out)
    return 0


def _new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import _scaffold
    from ._fileio import write_atomic
    from .errors import ArgmapError

    path = Path(args.path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise _UsageError(f"{args.path}: a new map is YAML; give a name ending in .yaml or .yml")
    if path.is_dir():
        raise _UsageError(f"{args.path}: a folder; give the name of the map file to write")
    if path.exists() and not args.force:
        print(
            f"{args.path}: already exists; choose another name, or give --force to replace it",
            file=err,
        )
        return 1
    if args.title is not None and not args.title.strip():
        raise _UsageError("--title must not be empty; leave it out to take the file name")
    title = _scaffold.title_from_name(path) if args.title is None else args.title
    schema = args.schema or _scaffold.schema_reference(path)
    try:
        text = _scaffold.scaffold(title, lang=args.lang, schema=schema)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"{path.parent}: cannot create the folder: {exc.strerror}", file=err)
        return 1
    try:
        written = write_atomic(path, text.encode("utf-8"))
    except ArgmapError as exc:
        print(exc, file=err)
        return 1
    print(f"wrote {written}", file=out)
    return 0


def _watch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._watch import Watcher

    path = Path(args.path)
    if path.is_dir():
        raise _UsageError(f"{args.path}: a folder; give one map file")
    if not path.exists():
        raise _UsageError(f"{args.path}: no such file")
    if args.width < 10:
        raise _UsageError(f"--width must be at least 10 (got {args.width})")
    if not args.interval > 0:
        raise _UsageError(f"--interval must be more than 0 seconds (got {args.interval})")
    if args.cycles is not None and args.cycles < 0:
        raise _UsageError(f"--cycles must be 0 or more (got {args.cycles})")
    if args.output == "-":
        raise _UsageError("-o -: watch writes a file again and again; give a file or a folder")
    fmt, output, into_folder = _plan_output(args.output, args.format, several=False)
    if into_folder:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"{output}: cannot create output folder: {exc.strerror}", file=err)
            return 1
        target = output / f"{path.stem}.{fmt}"
    elif args.output is not None:
        target = output
    else:
        target = path.with_suffix(f".{fmt}")
    if target.resolve() == path.resolve():
        raise _UsageError(f"-o {args.output}: the output would replace the map; give another file")
    options = {
        "width": args.width,
        "rankdir": args.rankdir,
        "legend": args.legend,
        "lang": args.lang,
    }
    watcher = Watcher(
        path,
        target,
        format=fmt,
        options=options,
        source_format=args.source_format,
        out=out,
        err=err,
    )
    return watcher.run(interval=args.interval, cycles=args.cycles)


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
            ".svg, .png, .pdf, .dot or .html, or give -f"
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
        commands = {
            "check": _check,
            "render": _render,
            "evaluate": _evaluate,
            "stats": _stats,
            "convert": _convert,
            "new": _new,
            "watch": _watch,
        }
        return commands[args.command](args, out, err)
    except _UsageError as exc:
        print(f"argmap {args.command}: error: {exc}", file=err)
        return 2
    except BrokenPipeError:  # e.g. `argmap render -f dot -o - map.yaml | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
