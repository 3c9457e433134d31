"""What each ``argmap`` command does with its parsed options: check, render, evaluate, ...

Each handler imports the parts of argmap it uses inside itself, for start-up
speed: a command loads only what it needs.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .._names import format_of
from ._common import (
    UsageError,
    counted,
    load_one,
    make_folder,
    map_files,
    no_such_lang,
    plan_output,
    view_options,
    what_if,
    write_output,
)

if TYPE_CHECKING:
    from .._outline import OutlineFormat
    from ..analyse import Evaluation
    from ..model import ArgumentMap
    from ..view import ViewOptions
    from . import _render_job


def check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .._check import check
    from .._helpers import gc_paused
    from .._io import load
    from ..errors import ArgmapError, MapError, Severity
    from ._report import Checked, Listing, report

    status = 0
    checked: list[Checked] = []
    for file in map_files(args.paths):
        try:
            # One pause of the collector for loading and checking (each pauses it too):
            # the map is freed before the collector next runs, which does not pass over it.
            with gc_paused():
                issues = check(
                    load(file, format=args.source_format),
                    verify_quotes=not args.no_quotes,
                    allow_outside=args.allow_outside,
                )
        except MapError as exc:
            issues = exc.issues
        except ArgmapError as exc:
            checked.append(Checked(file, failure=str(exc)))
            status = 1
            continue
        checked.append(Checked(file, issues))
        severities = {i.severity for i in issues}
        if Severity.ERROR in severities or (args.strict and Severity.WARNING in severities):
            status = 1
    listing = Listing(
        notes=not (args.no_notes or args.quiet), summaries=not args.quiet, group=not args.all
    )
    report(checked, listing, out, err)
    return status


def render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import _batch, _render_job

    files = map_files(args.paths)
    options = _render_options(args)
    several = len(files) > 1 or any(Path(p).is_dir() for p in args.paths)
    fmt, output, into_folder = plan_output(args.output, args.format, several)
    to_stdout = args.output == "-"
    _check_evaluation_flags(args)
    if args.with_source and fmt != "html":
        raise UsageError(f"--with-source works with -f html (got {fmt})")
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
        jobs.append(_render_job.RenderJob(file, target, fmt, options, args, os.getcwd()))
    _refuse_shared_targets(jobs)
    if into_folder and not make_folder(output, err):
        return 1

    status = 0
    progress = _batch.Progress(err, len(jobs))

    def report(job: _render_job.RenderJob, result: _render_job.Rendered) -> None:
        nonlocal status
        progress.clear()
        for message in result.messages:
            print(message, file=err)
        if result.usage is not None:
            raise UsageError(result.usage)
        if result.data is None:
            status = 1
        elif job.target is None:
            out.write(result.data.decode("utf-8"))
        else:
            status = write_output(job.target, result.data, out, err) or status
        out.flush()
        progress.show()

    workers = min(len(jobs), args.jobs or _batch.cpu_count())
    try:
        _batch.run_jobs(jobs, _render_job.render_job, workers, report, progress)
    finally:
        progress.clear()
    return status


def _refuse_shared_targets(jobs: Sequence[_render_job.RenderJob]) -> None:
    """A usage error, before anything is drawn, when two maps would be written to one file.

    ``a/m.yaml b/m.yaml -o out/``, or ``m.yaml`` and ``m.json`` in one folder,
    would otherwise both write ``m.svg``, and one diagram would be lost.
    """
    from .._fileio import resolved

    first: dict[Path, Path] = {}
    for job in jobs:
        if job.target is None:
            continue
        key = resolved(job.target)
        if key in first and resolved(first[key]) != resolved(job.file):
            raise UsageError(
                f"{first[key]} and {job.file} would both be drawn to {job.target}; render "
                "them one at a time with -o FILE, or into separate folders"
            )
        first[key] = job.file


def _render_options(args: argparse.Namespace) -> ViewOptions:
    """How ``argmap render`` draws, from its options; a mistake is a usage error."""
    # The command line's own words for two mistakes ViewOptions words for Python.
    if args.depth is not None and args.focus is None:
        raise UsageError("--depth works with --focus; add it")
    for flag, value in (("--depth", args.depth), ("--max-nodes", args.max_nodes)):
        if value is not None and value < 0:
            raise UsageError(f"{flag} must be 0 or more (got {value})")
    options = view_options(
        args,
        focus=args.focus,
        depth=args.depth,
        collapse=tuple(args.collapse),
        tags=tuple(args.tags),
        speakers=tuple(args.speakers),
        # Not given (None): every premise, unless the diagram is too large (the render job).
        premises=args.premises is not False,
    )
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1 (got {args.jobs})")
    return options


def _check_evaluation_flags(args: argparse.Namespace) -> None:
    """The options of the evaluation work only with ``--evaluate``."""
    given = [
        flag
        for flag, present in (
            ("--semantics", args.semantics is not None),
            ("--credulous", args.credulous),
            ("--accept", bool(args.accept)),
            ("--reject", bool(args.reject)),
            ("--max-steps", args.max_steps is not None),
            ("--max-seconds", args.max_seconds is not None),
        )
        if present
    ]
    if given and not args.evaluate:
        raise UsageError(f"{given[0]} works with --evaluate; add it")


#: Longest line ``argmap evaluate`` prints; text beyond it is cut with an ellipsis.
LINE = 100


def evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    argument_map = load_one(args.path, err, args.source_format)
    if argument_map is None:
        return 1
    evaluation, plain = what_if(argument_map, args)
    if args.output_format == "json":
        data = evaluation.as_dict()
        data["changes"] = [
            {"id": c.id, "before": c.before, "after": c.after} for c in plain.diff(evaluation)
        ]
        _print_json(data, out)
        return 0
    if evaluation.stated_only:
        from ..analyse import stated_only

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


def explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .. import _explain

    argument_map = load_one(args.path, err, args.source_format)
    if argument_map is None:
        return 1
    if args.lang is not None and args.lang not in argument_map.langs:
        print(no_such_lang(args.path, args.lang, argument_map.langs), file=err)
        return 1
    if args.max_checks is not None and args.max_checks <= 0:
        raise UsageError(f"--max-checks must be more than 0 (got {args.max_checks})")
    evaluation = what_if(argument_map, args)[0]
    kept = argument_map
    if evaluation.stated_only:
        from ..analyse import stated_only

        kept = stated_only(argument_map)
    if args.id not in kept.statements and args.id not in kept.arguments:
        raise UsageError(_unknown_id(argument_map, kept, args.id))
    try:
        why = _explain.explain_all(
            argument_map,
            evaluation,
            [args.id],
            max_checks=args.max_checks,
            max_steps=args.max_steps,
            max_seconds=args.max_seconds,
        )[args.id]
    except ValueError as exc:  # an argument Carneades gives no label
        raise UsageError(str(exc)) from None
    if args.output_format == "json":
        _print_json(why.as_dict(), out)
        return 0
    for line in _explain_lines(kept, why, args.lang):
        print(line, file=out)
    return 0


def _unknown_id(argument_map: ArgumentMap, kept: ArgumentMap, key: str) -> str:
    """Why ``argmap explain`` has nothing to explain under the ID given."""
    from .._helpers import suggest

    if key in argument_map.statements or key in argument_map.arguments:
        return (
            f"ID {key!r} is implicit or rests on what is (the map adds it), and --stated-only "
            "leaves it out; name a stated statement or argument, or drop --stated-only"
        )
    known = [*kept.statements, *kept.arguments]
    return f"ID {key!r} is not a statement or argument of the map{suggest(key, known)}"


#: How ``argmap explain`` names each role of a reason.
_ROLE_WORDS = {
    "explained": "",
    "support": "for",
    "attack": "against",
    "rival": "rival",
    "premise": "premise",
    "undercut": "undercut",
    "backing": "backing",
    "rebuttal": "rebuttal",
}

#: How ``argmap explain`` says why a statement stands where it does before any argument.
_BASIS_WORDS = {
    "argued": "",
    "given": "given, no argument supports it",
    "assumed": "assumed",
    "questioned": "questioned, needs an argument for it",
    "question": "a question, needs an argument for it",
    "hypothetical": "hypothetical, needs an argument for it",
    "accepted": "accepted (--accept)",
    "rejected": "rejected (--reject)",
}


def _explain_lines(argument_map: ArgumentMap, why: Any, lang: str | None) -> list[str]:
    """``argmap explain``'s text: the label, the tree of reasons, the sets that would change it."""
    evaluation = why.evaluation
    lines = [f"{why.id} is {why.label} under {_evaluation_heading(evaluation)}"]
    lines += ["", "why:"]
    walked = list(why.reason.walk())
    explained_at = {r.id: i for i, (_, r) in reversed(list(enumerate(walked))) if not r.repeated}
    for position, (depth, reason) in enumerate(walked):
        item = (
            argument_map.statements[reason.id]
            if reason.kind == "statement"
            else argument_map.arguments[reason.id]
        )
        if reason.kind == "statement":
            text = argument_map.localized(item, "text", lang)[0] or ""
        else:
            text = argument_map.localized(item, "title", lang)[0] or ""
        notes = [_BASIS_WORDS[reason.basis]] if reason.basis else []
        if reason.issue is not None:
            notes.append(f"issue {reason.issue}, standard {reason.standard}")
        elif reason.standard is not None:
            notes.append(f"standard {reason.standard}")
        if reason.weight is not None:
            notes.append(f"weight {reason.weight:g}")
        if reason.repeated:
            notes.append("see above" if explained_at[reason.id] < position else "see below")
        if reason.more:
            notes.append("more below, not shown")
        note = "; ".join(n for n in notes if n)
        role = _ROLE_WORDS[reason.role]
        head = " ".join(w for w in ("  " * depth + reason.label, role, reason.id) if w)
        lines.append(_row(head, f"{note}: {text}" if note and text else note or text))
    lines += ["", *_change_lines(why)]
    return lines


def _change_lines(why: Any) -> list[str]:
    """What would change the label: the smallest sets of premises, and how far the search went."""
    verb = "rejecting" if why.change == "reject" else "accepting"
    if not why.candidates:
        return [f"what would change it: no premise below it to {why.change}"]
    if not why.sets:
        if why.exhaustive:
            return [
                f"what would change it: {verb} premises does not; no set of the "
                f"{counted(len(why.candidates), 'premise')} it may depend on does"
            ]
        return [
            f"what would change it: not found; the search stopped after "
            f"{counted(why.checks, 'set')} of premises, {_tried(why)} "
            "(not exhaustive: raise --max-checks)"
        ]
    which = (
        f"all of the smallest, {why.size} each"
        if why.exhaustive
        else f"the smallest, {why.size} each; the search stopped after "
        f"{counted(why.checks, 'set')}: not exhaustive"
    )
    lines = [f"what would change it: {verb} any one of these sets of premises ({which}):"]
    lines += [f"  {', '.join(chosen)}" for chosen in why.sets]
    return lines


def _tried(why: Any) -> str:
    """How far a search for sets of premises got: ``every set of 2 of the 9 premises ...``."""
    premises = counted(len(why.candidates), "premise")
    if why.size == 0:
        return f"before trying each of the {premises} it may depend on alone"
    return f"having tried every set of up to {why.size} of the {premises} it may depend on"


def _evaluation_heading(evaluation: Evaluation) -> str:
    """``preferred semantics, sceptical: 2 extensions`` and what was accepted or rejected."""
    heading = f"{evaluation.semantics} semantics"
    if evaluation.semantics == "carneades":
        heading = "carneades weighing"
    elif evaluation.semantics != "grounded":
        count = evaluation.extensions
        heading += f", {evaluation.acceptance}: {counted(count, 'extension')}"
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
    return f"  {head}  {text}".rstrip()


def stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .. import analyse
    from ..model import AttackType

    m = load_one(args.path, err, args.source_format)
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
        f"stated {g.stated_statements} of {counted(g.statements, 'statement')}, "
        f"{g.quoted_statements} quoted, {counted(g.questions, 'question')}, "
        f"{g.hypothetical} hypothetical",
        file=out,
    )
    print(
        f"stated {g.stated_arguments} of {counted(g.arguments, 'argument')}, "
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
    import textwrap  # for stats alone

    return textwrap.fill(
        ", ".join(items),
        width=LINE,
        initial_indent=head,
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .._io import dumps

    target = args.to or (None if args.output == "-" else format_of(args.output))
    if target is None:
        raise UsageError(
            f"cannot tell the format from -o {args.output}: use a name ending in .yaml, .json, "
            ".aif.json, .argdown, .mmd, .graphml or .md, or give --to"
        )
    if args.plain and target != "argdown":
        raise UsageError(
            f"--plain writes Argdown without argmap's data; this writes {target}: "
            "give --to argdown (or -o a name ending in .argdown), or leave out --plain"
        )
    outlined = target in ("outline", "text")
    for flag, given in (("--lang", args.lang is not None), ("--evaluate", args.evaluate)):
        if given and not outlined:
            raise UsageError(f"{flag} works with --to outline or --to text")
    _check_evaluation_flags(args)
    argument_map = load_one(args.path, err, args.source_format)
    if argument_map is None:
        return 1
    if outlined:
        text = _outline_text(argument_map, args, "markdown" if target == "outline" else "text")
        if text is None:
            print(no_such_lang(args.path, args.lang, argument_map.langs), file=err)
            return 1
    else:
        text = dumps(argument_map, target, plain=args.plain)
    if args.output == "-":
        out.write(text)
        return 0
    return write_output(args.output, text.encode("utf-8"), out, err)


def _outline_text(map: ArgumentMap, args: argparse.Namespace, fmt: OutlineFormat) -> str | None:
    """The outline ``convert --to outline|text`` writes; ``None`` when the map lacks ``--lang``."""
    from .._outline import to_outline

    if args.lang is not None and args.lang not in map.langs:
        return None
    evaluation = what_if(map, args)[0] if args.evaluate else None
    return to_outline(map, fmt, lang=args.lang, evaluation=evaluation)


def diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Compare two maps; 0 when they are the same, 1 when they differ, 2 on any error."""
    from .._diff import diff as compare
    from .._diff import diff_view
    from .._render import view_output
    from ..errors import ArgmapError

    if args.output is None and args.format is not None:
        raise UsageError(f"-f {args.format} draws into a file; give it with -o")
    fmt = None
    if args.output is not None:
        fmt, _, into_folder = plan_output(args.output, args.format, several=False)
        if into_folder:
            raise UsageError(f"-o {args.output}: give the file to draw, with its suffix")
    maps = []
    for path in (args.old, args.new):
        loaded = load_one(path, err, args.source_format)
        if loaded is None:
            return 2
        maps.append(loaded)
    old, new = maps
    if args.lang is not None and args.lang not in new.langs:
        print(no_such_lang(args.new, args.lang, new.langs), file=err)
        return 2
    result = compare(old, new)
    if fmt is None:
        if args.output_format == "json":
            _print_json(result.as_dict(), out)
        else:
            _print_diff(result, out)
        return 0 if result.equal else 1
    try:
        merged, view = diff_view(old, new, lang=args.lang, result=result)
        data = view_output(view, fmt, map=merged)
    except ArgmapError as exc:
        print(exc, file=err)
        return 2
    if args.output == "-":
        out.write(data.decode("utf-8"))
        return 0 if result.equal else 1
    if write_output(args.output, data, out, err):
        return 2
    return 0 if result.equal else 1


#: The sign of each change in ``argmap diff``'s report.
_SIGNS = {"added": "+", "removed": "-", "changed": "~"}


def _print_diff(result: Any, out: TextIO) -> None:
    for d in result.differences:
        head = f"{_SIGNS[d.change]} {d.what}" + (f" {d.id}" if d.id else "")
        print(f"{head}: {d.detail}", file=out)
        for sign, value in (("-", d.before), ("+", d.after)):
            if value is not None:
                print(_row(sign, value), file=out)
    print(result.summary(), file=out)


def new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import _scaffold

    path = Path(args.path)
    if format_of(path) != "yaml":
        raise UsageError(f"{args.path}: a new map is YAML; give a name ending in .yaml or .yml")
    if path.is_dir():
        raise UsageError(f"{args.path}: a folder; give the name of the map file to write")
    if path.exists() and not args.force:
        print(
            f"{args.path}: already exists; choose another name, or give --force to replace it",
            file=err,
        )
        return 1
    if args.title is not None and not args.title.strip():
        raise UsageError("--title must not be empty; leave it out to take the file name")
    title = _scaffold.title_from_name(path) if args.title is None else args.title
    schema = args.schema or _scaffold.schema_reference(path)
    try:
        text = _scaffold.scaffold(title, lang=args.lang, schema=schema)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"{path.parent}: cannot create the folder: {exc.strerror}", file=err)
        return 1
    return write_output(path, text.encode("utf-8"), out, err)


#: The longest pause ``watch --interval`` takes between two looks (``inf`` would overflow sleep).
_LONGEST_INTERVAL = 86_400


def watch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .._fileio import resolved
    from ._watch import Watcher

    path = Path(args.path)
    if path.is_dir():
        raise UsageError(f"{args.path}: a folder; give one map file")
    if not path.exists():
        raise UsageError(f"{args.path}: no such file")
    options = view_options(args)
    if not 0 < args.interval <= _LONGEST_INTERVAL:  # also refuses nan
        raise UsageError(
            f"--interval must be more than 0 seconds and at most {_LONGEST_INTERVAL:,} "
            f"(a day) (got {args.interval})"
        )
    if args.cycles is not None and args.cycles < 0:
        raise UsageError(f"--cycles must be 0 or more (got {args.cycles})")
    if args.output == "-":
        raise UsageError("-o -: watch writes a file again and again; give a file or a folder")
    fmt, output, into_folder = plan_output(args.output, args.format, several=False)
    if into_folder:
        if not make_folder(output, err):
            return 1
        target = output / f"{path.stem}.{fmt}"
    elif args.output is not None:
        target = output
    else:
        target = path.with_suffix(f".{fmt}")
    if resolved(target) == resolved(path):
        raise UsageError(f"-o {args.output}: the output would replace the map; give another file")
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


#: The handler of each command: ``handler(args, out, err)`` returns the exit status.
COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "check": check,
    "render": render,
    "evaluate": evaluate,
    "explain": explain,
    "stats": stats,
    "convert": convert,
    "diff": diff,
    "new": new,
    "watch": watch,
}
