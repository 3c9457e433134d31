"""The ``argmap`` command: a thin shell over load, check, analyse and render.

Exit status: 0 when all is well, 1 when a map is invalid (or, with
``--strict``, has warnings) or an output cannot be written, 2 for bad usage.

:mod:`._parser` declares the commands and options, :mod:`._commands` carries
them out (with :mod:`._render_job` and :mod:`._batch` for ``render``,
:mod:`._watch` for ``watch`` and :mod:`._scaffold` for ``new``);
:mod:`._common` holds what the commands share.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from ._parser import command_of, make_parser

__all__ = ["main", "run"]


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the ``argmap`` command with ``argv`` (default: ``sys.argv[1:]``).

    Returns the exit status instead of exiting, so it can be called from Python.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    # Only the command given is declared with its options: the others by name.
    parser = make_parser(command_of(sys.argv[1:] if argv is None else argv))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 0 for --help/--version, 2 for errors
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(out)
        return 2
    # Imported only now, for start-up speed: --help and --version need the parser alone.
    from ..errors import ArgmapError
    from ._commands import COMMANDS
    from ._common import UsageError

    try:
        return COMMANDS[args.command](args, out, err)
    except UsageError as exc:
        print(f"argmap {args.command}: error: {exc}", file=err)
        return 2
    except ArgmapError as exc:  # what a command did not report itself: still no traceback
        print(exc, file=err)
        return 1
    except BrokenPipeError:  # e.g. `argmap render -f dot -o - map.yaml | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


#: New objects between two of the collector's looks at the youngest (700 by default).
_YOUNGEST = 20_000


def run() -> NoReturn:
    """The ``argmap`` program and ``python -m argmap``: :func:`main`, then exit with its status.

    The garbage collector looks for cycles among the newest objects after 20,000 more
    instead of 700: what a command makes (modules, a map) mostly lives until it ends.
    What the process made is left to be freed as it ends, without a last pass of the
    collector over all of it, which for a large map would only delay the exit.
    """
    gc.set_threshold(_YOUNGEST)
    status = main()
    gc.freeze()
    sys.exit(status)
