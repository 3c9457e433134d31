"""Rendering one map as ``argmap render`` asks, in whichever process runs it."""

from __future__ import annotations

import argparse
import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .._names import Format
from ._common import FLAGS, UsageError, no_such_lang, what_if

if TYPE_CHECKING:
    from ..errors import Issue
    from ..model import ArgumentMap
    from ..view import ViewOptions


@dataclasses.dataclass(frozen=True)
class RenderJob:
    """One map to render: where from, where to (``None``: standard output), how.

    ``options`` say how to draw it (the evaluation is added per map);
    ``args`` how to read and evaluate it, and ``--max-nodes``.
    """

    file: Path
    target: Path | None
    format: Format
    options: ViewOptions
    args: argparse.Namespace
    cwd: str


@dataclasses.dataclass(frozen=True)
class Rendered:
    """What rendering one map gave: lines for standard error, the output, a usage error."""

    messages: tuple[str, ...] = ()
    data: bytes | None = None
    usage: str | None = None


def render_job(job: RenderJob) -> Rendered:
    """Load, select, evaluate and draw one map; never prints, so it runs in any process."""
    from .. import _render as renderer
    from .._io import load
    from .._select import check_selection
    from .._sources import read_sources
    from ..errors import ArgmapError
    from ..view import build_view, node_count

    if os.getcwd() != job.cwd:  # a worker process started elsewhere: names are relative
        os.chdir(job.cwd)
    args, file = job.args, job.file
    try:
        argument_map = load(file, format=args.source_format)
        evaluation = what_if(argument_map, args)[0] if args.evaluate else None
        if args.lang is not None and args.lang not in argument_map.langs:
            return Rendered((no_such_lang(file, args.lang, argument_map.langs),))
        o = job.options
        try:
            check_selection(
                argument_map,
                focus=o.focus,
                depth=o.depth,
                collapse=o.collapse,
                tags=o.tags,
                speakers=o.speakers,
                names=FLAGS,
            )
        except ValueError as exc:
            return Rendered(usage=f"{file}: {exc}")
        o = o.replace(evaluation=evaluation)
        messages = []
        limit = args.max_nodes
        # Counted before the diagram is worded, which takes far longer on a large map.
        every = node_count(argument_map, o) if limit else 0
        if limit and every > limit:
            premises = o.premises
            if args.premises is None and not o.collapse:
                # Neither --premises nor --no-premises: a diagram too large to read
                # is drawn as Argdown draws one, its arguments without their premises.
                view = build_view(argument_map, o.replace(premises=False))
                messages.append(str(_without_premises(file, every, len(view.nodes), limit)))
                premises = False
            else:
                view = build_view(argument_map, o)
            if len(view.nodes) > limit:
                too_large = _too_large(argument_map, file, len(view.nodes), limit, premises)
                messages.append(str(too_large))
        else:
            view = build_view(argument_map, o)
        sources = read_sources(argument_map) if getattr(args, "with_source", False) else None
        data = renderer.view_output(view, job.format, map=argument_map, sources=sources)
        return Rendered(tuple(messages), data)
    except UsageError as exc:
        return Rendered(usage=str(exc))
    except ArgmapError as exc:
        return Rendered((str(exc),))


def _without_premises(file: Path, every: int, drawn: int, limit: int) -> Issue:
    """The warning for a diagram drawn without its premises, because with them it is too large."""
    from ..errors import Issue, Severity

    return Issue(
        "large-map",
        f"with every premise the diagram has {every} nodes (more than {limit}); "
        f"drew its arguments without their premises ({drawn} nodes), as --no-premises does; "
        "draw every premise with --premises, or raise --max-nodes (0: no limit)",
        Severity.WARNING,
        file=str(file),
    )


def _too_large(map: ArgumentMap, file: Path, nodes: int, limit: int, premises: bool) -> Issue:
    """The warning for a diagram of more than ``limit`` nodes, with what to draw instead.

    ``premises``: whether the diagram draws premises (else --no-premises is no advice).
    """
    from .._select import most_connected
    from ..errors import Issue, Severity

    candidates = ", ".join(f"{sid} ({n})" for sid, n in most_connected(map, 5))
    focus = "--focus ID --depth N"
    if candidates:
        focus += f" (statements most arguments touch: {candidates})"
    return Issue(
        "large-map",
        f"the diagram has {nodes} nodes (more than {limit}) and will be hard to read; "
        f"draw part of it with {focus}, --collapse ID, --tag T or --speaker AGENT, "
        + ("draw arguments only with --no-premises, " if premises else "")
        + "or raise --max-nodes (0: no limit)",
        Severity.WARNING,
        file=str(file),
    )
