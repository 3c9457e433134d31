"""The ``argmap`` command line: its commands, their options and help (argparse)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .._names import (
    FORMATS,
    GROUP_OVER,
    GROUP_SHOWN,
    RANKDIRS,
    READ_FORMATS,
    SEMANTICS,
    WRITE_FORMATS,
)
from .._version import __version__

if TYPE_CHECKING:
    _Commands = argparse._SubParsersAction[argparse.ArgumentParser]

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
  argmap explain MAP ID                 why ID has its label, and what would change it
  argmap stats MAP                      counts, unsupported premises, support cycles
  argmap convert debate.argdown -o debate.yaml
                                        Argdown (or AIF, JSON) to argmap's YAML
  argmap convert MAP -o map.mmd         a Mermaid flowchart for GitHub
  argmap convert MAP --to outline       the map as an outline, to read without the picture
  argmap diff OLD NEW                   what changed between two maps
  argmap new debate.yaml                a commented map to start from
  argmap watch MAP -f png               render again on every save

exit status: 0 all well, 1 invalid map or failed output, 2 bad usage
docs: docs/cli.md
"""


#: Nodes a diagram may have before ``argmap render`` warns that it is hard to read.
MAX_NODES = 300


def terminal_columns() -> int:
    """The terminal's width, found as ``shutil.get_terminal_size`` finds it: ``COLUMNS``
    when a positive number, else the width of the terminal of standard output, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    try:
        if stdout is not None:  # else no standard output to measure
            return os.get_terminal_size(stdout.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        pass  # not a terminal, or closed
    return 80


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help with examples as written, as wide as the terminal: measured here, where
    argparse would import :mod:`shutil` to measure it (and the compression modules
    shutil imports), which each command paid for as its options were declared."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2  # as argparse sizes it
        super().__init__(prog, indent_increment, max_help_position, width)


#: Each command's line in ``argmap --help``, in the order listed there.
HELP = {
    "check": "check maps and verify their quotes",
    "render": "render maps to SVG, PNG, PDF, DOT or an interactive HTML page",
    "evaluate": "label each statement and argument in, out or undecided",
    "explain": "say why a statement or argument has its label, and what would change it",
    "stats": "count statements and arguments; list unsupported premises, support cycles, ...",
    "convert": "convert a map between YAML, JSON, Argdown and AIF; export Mermaid or GraphML",
    "diff": "what changed between two maps; draw the new one with the changes marked",
    "new": "start a new map from a commented example",
    "watch": "render a map, and again whenever it or a file it includes is saved",
}


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of the command line: every command with its options, or, given
    ``command``, that one's options alone and the other commands by name and help
    line (all that ``argmap --help`` and a mistyped command's error need of them)."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description=(
            "Check, evaluate, render and convert argument maps (argmap YAML or JSON, Argdown, AIF)."
        ),
        epilog=EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, declare in _DECLARE.items():
        if command is None or name == command:
            declare(commands)
        else:
            commands.add_parser(name, help=HELP[name], formatter_class=_HelpFormatter)
    return parser


def command_of(argv: Sequence[str]) -> str:
    """The command ``argv`` names, as the parser will find it: the first word that is not
    an option (the program's own options take no values); empty when there is none."""
    return next((arg for arg in argv if not arg.startswith("-")), "")


def _check_command(commands: _Commands) -> None:
    """``argmap check`` and its options."""
    check = _command(
        commands,
        "check",
        description="Check maps: report errors and warnings, verify quotes against sources.",
        epilog=(
            "examples:\n  argmap check maps/\n  argmap check --strict maps/russian-lifeline.yaml\n"
        ),
    )
    check.add_argument("paths", nargs="+", metavar="FILE|DIR", help="map files, or folders of them")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    _from_option(check)
    check.add_argument(
        "--no-quotes", action="store_true", help="do not verify quotes against source files"
    )
    check.add_argument(
        "--no-notes",
        action="store_true",
        help="do not list notes (open critical questions); each map's summary counts them",
    )
    check.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="list only errors and warnings: no notes, no summary lines",
    )
    check.add_argument(
        "--all",
        action="store_true",
        help=f"list every issue; otherwise more than {GROUP_OVER} of one code in a map are "
        f"listed as the first {GROUP_SHOWN} and a count",
    )
    check.add_argument(
        "--allow-outside",
        action="store_true",
        help="read source files outside the map's folder too (only for maps you trust)",
    )


def _render_command(commands: _Commands) -> None:
    """``argmap render`` and its options.

    Long, and kept whole: one declaration per option, in the order ``--help``
    lists them, reads as the help itself does.
    """
    render = _command(
        commands,
        "render",
        description="Render maps through Graphviz (DOT needs no Graphviz).",
        epilog=(
            "examples:\n  argmap render maps/russian-lifeline.yaml\n"
            "  argmap render maps/ -o build/maps\n"
            "  argmap render MAP -f dot -o -\n"
            "  argmap render MAP -o map.html      (pan, zoom, search, click for details)\n"
            "  argmap render MAP -f html --with-source   (the quoted text beside the map)\n"
            "  argmap render maps/overview.yaml --focus lifeline --depth 1\n"
            "  argmap render maps/overview.yaml --collapse china-threat --tag military\n\n"
            "a large map: --focus, --collapse, --tag and --speaker draw part of it, "
            "--no-premises draws arguments only; "
            "docs/large-maps.md says what each keeps\n"
        ),
    )
    render.add_argument(
        "paths", nargs="+", metavar="FILE|DIR", help="map files, or folders of them"
    )
    _output_option(
        render,
        "FILE|DIR",
        help="output file (one map), or folder; '-' for standard output; default: beside each map",
    )
    _drawing_options(render)
    _from_option(render)
    _lang_option(render)
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
    premises = render.add_mutually_exclusive_group()
    premises.add_argument(
        "--no-premises",
        dest="premises",
        action="store_false",
        default=None,
        help="draw each argument without its premises, a third the nodes (not with --collapse)",
    )
    premises.add_argument(
        "--premises",
        dest="premises",
        action="store_true",
        default=None,
        help="draw every premise, even where the diagram has more than --max-nodes nodes "
        "(by default, such a diagram is drawn without premises)",
    )
    render.add_argument(
        "--with-source",
        action="store_true",
        help="with -f html: the text of the sources quoted beside the diagram, "
        "each quoted passage marked and tied to its statements",
    )
    render.add_argument(
        "--max-nodes",
        type=int,
        default=MAX_NODES,
        metavar="N",
        help=f"above N nodes, draw arguments without premises (unless --premises) and warn "
        f"(default: {MAX_NODES}; 0: no limit)",
    )
    render.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="render N maps at a time (default: one per CPU)",
    )


def _evaluate_command(commands: _Commands) -> None:
    """``argmap evaluate`` and its options."""
    evaluate = _command(
        commands,
        "evaluate",
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


def _explain_command(commands: _Commands) -> None:
    """``argmap explain`` and its options."""
    explain = _command(
        commands,
        "explain",
        description=(
            "Explain a label: the arguments and premises that decide it, down to what the map "
            "takes as given, and the smallest sets of premises whose rejection (for in) or "
            "acceptance (for out, undecided) would change it (docs/evaluation.md says how)."
        ),
        epilog=(
            "examples:\n  argmap explain maps/russian-lifeline.yaml less-incentive\n"
            "  argmap explain MAP ID --semantics carneades\n"
            "  argmap explain MAP ID --reject lifeline --format json\n"
        ),
    )
    explain.add_argument("path", metavar="MAP", help="a map file")
    explain.add_argument("id", metavar="ID", help="the statement or argument to explain")
    _from_option(explain)
    _evaluation_options(explain, "")
    explain.add_argument(
        "--stated-only",
        action="store_true",
        help="explain the label of what the text says alone (as evaluate --stated-only)",
    )
    explain.add_argument(
        "--max-checks",
        type=int,
        metavar="N",
        help="try at most N sets of premises (default: 2,000); beyond, the sets found are "
        "marked not exhaustive",
    )
    explain.add_argument(
        "--lang",
        metavar="LANG",
        help="the map's text in this language, one of its 'lang' and 'other_langs'",
    )
    _output_format(explain)


def _stats_command(commands: _Commands) -> None:
    """``argmap stats`` and its options."""
    stats = _command(
        commands,
        "stats",
        description=(
            "Describe a map's structure: counts, unsupported premises, uncontested "
            "statements, support cycles, and the arguments for and against each statement."
        ),
        epilog=(
            "examples:\n  argmap stats maps/overview.yaml\n"
            "  argmap stats maps/overview.yaml --format json\n"
        ),
    )
    stats.add_argument("path", metavar="MAP", help="a map file")
    _from_option(stats)
    _output_format(stats)


def _convert_command(commands: _Commands) -> None:
    """``argmap convert`` and its options."""
    convert = _command(
        commands,
        "convert",
        description=(
            "Convert a map: read argmap YAML or JSON, Argdown or AIF; write any of them, "
            "or a Mermaid flowchart or GraphML. The map is checked first; an invalid map "
            "writes nothing. docs/formats/ says what each format keeps and loses."
        ),
        epilog=(
            "examples:\n  argmap convert debate.argdown -o debate.yaml\n"
            "  argmap convert maps/china.yaml -o china.aif.json\n"
            "  argmap convert MAP --to mermaid\n"
            "  argmap convert maps/china.yaml --to argdown --plain -o china.argdown\n"
            "  argmap convert maps/overview.yaml --to outline --lang de\n"
            "  argmap convert MAP --to text --evaluate    (an outline a screen reader follows)\n\n"
            "formats from file names: .yaml .yml (yaml), .json (json; read: json or aif by "
            "content), .aif.json .aif (aif), .argdown .ad (argdown), .mmd .mermaid (mermaid), "
            ".graphml (graphml), .md (outline)\n"
        ),
    )
    convert.add_argument("path", metavar="MAP", help="the map to convert")
    _output_option(
        convert,
        "FILE",
        default="-",
        help="the file to write; '-' for standard output (the default)",
    )
    _from_option(convert)
    convert.add_argument(
        "--to", choices=WRITE_FORMATS, help="format to write (default: from the -o file name)"
    )
    convert.add_argument(
        "--plain",
        action="store_true",
        help="Argdown without argmap's reserved {argmap: ...} data, as Argdown's users write "
        "it (it does not read back to an equal map)",
    )
    convert.add_argument(
        "--lang",
        metavar="LANG",
        help="with --to outline or text: the map's text in this language, one of its 'lang'",
    )
    convert.add_argument(
        "--evaluate",
        action="store_true",
        help="with --to outline or text: label each line in, out or undecided",
    )
    _evaluation_options(convert, "with --evaluate: ")


def _diff_command(commands: _Commands) -> None:
    """``argmap diff`` and its options."""
    diff = _command(
        commands,
        "diff",
        description=(
            "Compare two maps: statements, arguments, relations, attributions and quotes "
            "added, removed and changed. Statements and arguments are matched by id, and "
            "where ids changed by how alike their text is (the report gives the score). "
            "With -o, draw the new map with the changes marked and what was removed ghosted."
        ),
        epilog=(
            "examples:\n  argmap diff old.yaml new.yaml\n"
            "  argmap diff old.yaml new.yaml --format json\n"
            "  argmap diff old.yaml new.yaml -o changes.svg\n\n"
            "exit status: 0 the maps are the same, 1 they differ, 2 error (as diff(1))\n"
        ),
    )
    diff.add_argument("old", metavar="OLD", help="the earlier map")
    diff.add_argument("new", metavar="NEW", help="the later map")
    _output_format(diff)
    _output_option(
        diff,
        "FILE",
        help="draw the new map with the changes marked into FILE (.svg, .html, .png, .pdf, .dot)",
    )
    diff.add_argument(
        "-f",
        dest="format",
        choices=FORMATS,
        help="with -o: the drawing's format (default: from -o)",
    )
    _lang_option(diff)
    _from_option(diff)


def _new_command(commands: _Commands) -> None:
    """``argmap new`` and its options."""
    new = _command(
        commands,
        "new",
        description=(
            "Write a new map: a small valid example (a source, an agent, three statements, "
            "an argument) whose comments explain each key, with a modeline that lets "
            "editors complete and check it against argmap's JSON Schema."
        ),
        epilog=(
            "examples:\n  argmap new debate.yaml\n"
            '  argmap new maps/tram.yaml --title "Should the city build a tram?" --lang en\n'
        ),
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


def _watch_command(commands: _Commands) -> None:
    """``argmap watch`` and its options."""
    watch = _command(
        commands,
        "watch",
        description=(
            "Render one map, then render it again whenever it or a file it includes "
            "changes. A map with errors is not drawn: its problems are printed and the "
            "output keeps the last good drawing. Ctrl-C stops."
        ),
        epilog=(
            "examples:\n  argmap watch maps/russian-lifeline.yaml\n"
            "  argmap watch MAP -o build/map.png --legend --lang de\n"
        ),
    )
    watch.add_argument("path", metavar="MAP", help="a map file")
    _output_option(
        watch,
        "FILE|DIR",
        help="output file, or folder; default: beside the map",
    )
    _drawing_options(watch)
    _lang_option(watch)
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


#: What declares each command and its options.
_DECLARE: dict[str, Callable[[_Commands], None]] = {
    "check": _check_command,
    "render": _render_command,
    "evaluate": _evaluate_command,
    "explain": _explain_command,
    "stats": _stats_command,
    "convert": _convert_command,
    "diff": _diff_command,
    "new": _new_command,
    "watch": _watch_command,
}


def _command(
    commands: _Commands, name: str, *, description: str, epilog: str
) -> argparse.ArgumentParser:
    """A command's parser; its epilog of examples is printed as written."""
    return commands.add_parser(
        name,
        help=HELP[name],
        description=description,
        epilog=epilog,
        formatter_class=_HelpFormatter,
    )


def _output_option(
    parser: argparse.ArgumentParser, metavar: str, help: str, default: str | None = None
) -> None:
    """``-o``/``--output``: where a command writes, with its own help and default."""
    parser.add_argument("-o", "--output", metavar=metavar, default=default, help=help)


def _drawing_options(parser: argparse.ArgumentParser) -> None:
    """-f, --rankdir, --width and --legend, for render and watch."""
    parser.add_argument(
        "-f", "--format", choices=FORMATS, help="output format (default: from -o, else svg)"
    )
    parser.add_argument(
        "--rankdir",
        choices=RANKDIRS,
        default="BT",
        help="layout direction (default: BT, conclusions on top)",
    )
    parser.add_argument(
        "--width",
        type=int,
        default=None,
        metavar="N",
        help="wrap statement text at N characters (default: 40; 36 when groups stand in rows)",
    )
    parser.add_argument("--legend", action="store_true", help="add a legend")


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="draw the text in this language, one of the map's 'lang' (default: its first)",
    )


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
    """--semantics, --credulous, --max-steps, --max-seconds, --accept and --reject.

    For evaluate, explain, and render and convert with --evaluate.
    """
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
    parser.add_argument(
        "--max-steps",
        type=int,
        metavar="N",
        help=f"{prefix}stop a search for labellings after N steps, with an error "
        "(default: 1,000,000, or $ARGMAP_MAX_EVALUATION_STEPS)",
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        metavar="SECONDS",
        help=f"{prefix}stop a search for labellings after SECONDS seconds, with an error "
        "(default: 10, or $ARGMAP_MAX_EVALUATION_SECONDS)",
    )
    for flag, what in (("accept", "accepted"), ("reject", "rejected")):
        parser.add_argument(
            f"--{flag}",
            action="append",
            default=[],
            metavar="ID",
            help=f"{prefix}take statement ID as {what} (repeatable): what if?",
        )
