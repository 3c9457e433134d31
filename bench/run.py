"""The benchmarks `make bench` runs; they write their tables into docs/performance.md.

Every figure is the whole-process wall time and peak resident set size of
one command, the median of several runs (``--runs``, at least 3): argmap's
commands, bare ``dot -Tsvg`` on argmap's own DOT, bare PyYAML with libyaml's
C loader on the same file, and Argdown's CLI on the same map written in
Argdown (bench/synthetic.py makes both), when Node and ``@argdown/cli`` are
installed (``make argdown``); then Argdown files in the loose style most
Argdown authors write (bench/loose.py), read and drawn by both tools; a
corpus of AIF maps imported and written as DOT by argmap and by arguebuf
(bench/aif_corpus.py; arguebuf in ``.bench-venv``, ``make bench`` installs
it); the evaluation under each semantics. Then the ratios the performance
targets are stated in, and how fast hostile input is refused
(bench/hostile.py).

Usage: ``python bench/run.py [--runs 3] [--quick] [--no-write]``.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402 - bench/ is not a package

DOC = ROOT / "docs" / "performance.md"
BEGIN = "<!-- bench:begin (written by bench/run.py; edit the text around it) -->"
END = "<!-- bench:end -->"
ARGDOWN = ROOT / ".argdown" / "node_modules" / ".bin" / "argdown"
#: The interpreter of the venv that has arguebuf (.ci/arguebuf.sh).
ARGUEBUF = ROOT / ".bench-venv" / "bin" / "python"
#: The AIF maps repeated into the corpus, and how many maps it holds.
AIF_SOURCES = (
    ROOT / "tests" / "corpora" / "aif" / "araucaria",
    ROOT / "tests" / "corpora" / "aif" / "aifdb",
)
AIF_MAPS = 660

#: Maps of N arguments (rendered too), and maps sized by statements (loaded and checked).
ARGUMENTS = (10, 100, 500, 1000, 2000)
#: Loose-style Argdown debates of N arguments (bench/loose.py).
LOOSE = (500, 1000, 2000)
#: The workloads, each of which ``--only`` can pick.
PARTS = ("synthetic", "loose", "aif", "evaluation")
STATEMENTS = (10_000, 30_000, 100_000)
#: A command slower than this is run once, not ``--runs`` times (said so in the table).
ONCE_AFTER = 120.0
#: A command is stopped after this long and shown as "> TIMEOUT s".
TIMEOUT = 900.0

PYTHON = sys.executable
#: The `argmap` command of the environment benchmarked (the venv's).
ARGMAP = [str(Path(PYTHON).with_name("argmap"))]
if not Path(ARGMAP[0]).exists():  # pragma: no cover - argmap run from a checkout
    ARGMAP = [PYTHON, "-m", "argmap"]


@dataclass
class Result:
    """Median wall time and peak RSS of one command, or why there is none."""

    seconds: float | None = None
    megabytes: float | None = None
    runs: int = 0
    status: int = 0
    note: str = ""

    def cell(self) -> str:
        if self.note:
            return self.note
        assert self.seconds is not None and self.megabytes is not None
        once = " (1 run)" if self.runs == 1 else ""
        return f"{_seconds(self.seconds)}{once}"

    def rss(self) -> str:
        return "" if self.megabytes is None else f"{self.megabytes:.0f}"


def _seconds(value: float) -> str:
    return f"{value:.3f}" if value < 1 else f"{value:.2f}"


#: The environment of the commands measured: as a user's, with Python's
#: compiled modules kept (a development shell may turn that off).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: Sequence[str], timeout: float) -> tuple[float, float, int] | None:
    """Wall seconds, peak RSS in MB (largest process of the tree) and exit status."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV
    )
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            os.wait4(process.pid, 0)
            return None
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def measure(command: Sequence[str], runs: int, expect: int = 0) -> Result:
    """The median of ``runs`` runs; one run when the first is very slow."""
    times: list[float] = []
    peaks: list[float] = []
    for _ in range(runs):
        once = run_once(command, TIMEOUT)
        if once is None:
            return Result(note=f"> {TIMEOUT:.0f} s (stopped)", runs=len(times))
        seconds, megabytes, status = once
        if status != expect:
            return Result(note=f"exit status {status}", status=status)
        times.append(seconds)
        peaks.append(megabytes)
        if seconds > ONCE_AFTER:
            break
    return Result(statistics.median(times), statistics.median(peaks), len(times))


def measure_together(commands: list[Sequence[str]], runs: int) -> list[Result]:
    """The medians of ``commands`` run in turn: A, B, A, B, ... (``runs`` rounds)."""
    times: list[list[float]] = [[] for _ in commands]
    peaks: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            once = run_once(command, TIMEOUT)
            if once is None or once[2] != 0:
                note = f"> {TIMEOUT:.0f} s (stopped)" if once is None else f"exit status {once[2]}"
                return [Result(note=note) for _ in commands]
            times[i].append(once[0])
            peaks[i].append(once[1])
    return [
        Result(statistics.median(t), statistics.median(p), len(t))
        for t, p in zip(times, peaks, strict=True)
    ]


#: Rounds for a render and bare ``dot`` on the same DOT, whose difference is a target.
TOGETHER_RUNS = 5


@dataclass
class Bench:
    """One benchmark run: the maps, the tools found, and the results by (tool, map)."""

    folder: Path
    runs: int
    argdown: bool
    sizes: tuple[int, ...]
    statement_sizes: tuple[int, ...]
    results: dict[tuple[str, str], Result] = field(default_factory=dict)
    counts: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    #: Nodes of each drawing, by (drawing, map): what each renderer lays out.
    nodes: dict[tuple[str, str], int] = field(default_factory=dict)
    loose: tuple[int, ...] = ()
    arguebuf: bool = False
    #: Nodes and edges of each drawing of the loose debates and the AIF corpus.
    shapes: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    #: Statements, arguments, relations of each loose debate; whether supports are in it.
    loose_counts: dict[str, tuple[int, int, int, bool]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: The workloads run (:data:`PARTS`).
    parts: tuple[str, ...] = ()
    #: The loose debate and the synthetic map that the evaluation part evaluates: N of each.
    evaluated: tuple[int, int] = (max(LOOSE), max(ARGUMENTS))

    def map(self, name: str, size: int, *, statements: bool = False) -> tuple[Path, Path, Path]:
        """Write the synthetic map of ``size`` arguments (or statements) in every format.

        In a child process: the maps of 100k statements would otherwise stay
        in this one, and every command started after them would count the
        memory it inherits at the fork in its peak RSS.
        """
        stem = self.folder / name
        command = [PYTHON, str(HERE / "synthetic.py"), str(size), str(stem), "--counts"]
        out = subprocess.run(
            command + (["--statements"] if statements else []),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        paths = synthetic.paths(stem)
        self.counts[name] = (int(out[0]), int(out[1]), paths[0].stat().st_size)
        return paths

    def record(self, tool: str, name: str, command: Sequence[str], expect: int = 0) -> Result:
        return self.keep(tool, name, measure(command, self.runs, expect))

    def keep(self, tool: str, name: str, result: Result) -> Result:
        self.results[tool, name] = result
        print(f"  {tool:<28} {name:<8} {result.cell():>16}  {result.rss():>6} MB", flush=True)
        return result

    def record_together(self, commands: Mapping[str, Sequence[str]], name: str, runs: int) -> None:
        """Measure ``commands`` in turn, ``runs`` rounds, so that drift hits them alike."""
        for tool, result in zip(
            commands, measure_together(list(commands.values()), runs), strict=True
        ):
            self.keep(tool, name, result)

    def get(self, tool: str, name: str) -> float | None:
        result = self.results.get((tool, name))
        return None if result is None else result.seconds


LOAD_YAML = (
    "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CLoader)"
)
LOAD_ARGMAP = "import sys, argmap; argmap.load(sys.argv[1], check=False)"
IMPORTS = (
    "import sys, argmap; "
    "print(' '.join(sorted(m for m in sys.modules "
    "if m.split('.')[0] in ('argmap', 'yaml', 'graphviz', 'attr', 'attrs'))))"
)


#: Node statements of a DOT file, as argmap and Argdown write them (edges have no ``[``
#: right after their first name).
DOT_NODE = re.compile(r'^\s*("[^"]+"|\w+) \[', re.MULTILINE)


def dot_nodes(path: Path) -> int:
    """How many nodes the DOT file at ``path`` declares, outside the legend."""
    text = path.read_text(encoding="utf-8")
    return sum(
        1 for m in DOT_NODE.finditer(text) if m.group(1).strip('"') not in ("graph", "node", "edge")
    )


DOT_EDGE = re.compile(r'^\s*("[^"]+"|\w+) -> ', re.MULTILINE)


def dot_shape(path: Path) -> tuple[int, int]:
    """Nodes and edges the DOT file at ``path`` declares."""
    return dot_nodes(path), len(DOT_EDGE.findall(path.read_text(encoding="utf-8")))


def count_argdown_nodes(bench: Bench, name: str, drawing: str, argdown_path: Path) -> None:
    """Nodes of Argdown's map of ``argdown_path`` (its DOT, not timed)."""
    out = bench.folder / "argdown-dot"
    subprocess.run(
        [str(ARGDOWN), "map", "-f", "dot", str(argdown_path), str(out)],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    bench.nodes[drawing, name] = dot_nodes(
        out / (argdown_path.name.removesuffix(".argdown") + ".dot")
    )


def run(bench: Bench) -> None:
    """Generate the maps and measure every tool on them."""
    bench.record("python -c pass", "-", [PYTHON, "-c", "pass"])
    bench.record("python -c 'import argmap'", "-", [PYTHON, "-c", "import argmap"])
    bench.record("argmap --version", "-", [*ARGMAP, "--version"])
    for n in bench.sizes:
        name = f"N={n}"
        yaml_path, argdown_path, untitled_path = bench.map(name, n)
        print(f"{name}: {bench.counts[name][0]} statements", flush=True)
        dot_path = bench.folder / f"{name}.dot"
        bench.record("argmap check", name, [*ARGMAP, "check", str(yaml_path)])
        # Every premise drawn, as Argdown's map of the titled file draws every statement.
        bench.record(
            "argmap render -f dot",
            name,
            [*ARGMAP, "render", str(yaml_path), "--premises", "-f", "dot", "-o", str(dot_path)],
        )
        bench.record_together(
            {
                "argmap render -f svg": [
                    *ARGMAP,
                    "render",
                    str(yaml_path),
                    "--premises",
                    "-o",
                    str(bench.folder / f"{name}.svg"),
                ],
                "dot -Tsvg": [
                    "dot",
                    "-Tsvg",
                    str(dot_path),
                    "-o",
                    str(bench.folder / f"{name}.bare.svg"),
                ],
            },
            name,
            max(bench.runs, TOGETHER_RUNS),
        )
        bench.nodes["argmap", name] = dot_nodes(dot_path)
        plain_dot = bench.folder / f"{name}.no-premises.dot"
        bench.record(
            "argmap render --no-premises",
            name,
            [
                *ARGMAP,
                "render",
                str(yaml_path),
                "--no-premises",
                "-o",
                str(plain_dot.with_suffix(".svg")),
            ],
        )
        subprocess.run(
            [*ARGMAP, "render", str(yaml_path), "--no-premises", "-f", "dot", "-o", str(plain_dot)],
            capture_output=True,
            check=True,
            cwd=ROOT,
        )
        bench.nodes["argmap --no-premises", name] = dot_nodes(plain_dot)
        bench.record("yaml.load (C loader)", name, [PYTHON, "-c", LOAD_YAML, str(yaml_path)])
        bench.record("argmap.load", name, [PYTHON, "-c", LOAD_ARGMAP, str(yaml_path)])
        if bench.argdown:
            out = bench.folder / "argdown-out"
            bench.record("argdown json", name, [str(ARGDOWN), "json", str(argdown_path), str(out)])
            bench.record(
                "argdown map -f svg",
                name,
                [str(ARGDOWN), "map", "-f", "svg", str(argdown_path), str(out)],
            )
            bench.record(
                "argdown map -f svg, untitled",
                name,
                [str(ARGDOWN), "map", "-f", "svg", str(untitled_path), str(out)],
            )
            count_argdown_nodes(bench, name, "argdown", argdown_path)
            count_argdown_nodes(bench, name, "argdown, untitled", untitled_path)
    for s in bench.statement_sizes:
        name = f"S={s // 1000}k"
        yaml_path, argdown_path, _ = bench.map(name, s, statements=True)
        print(f"{name}: {bench.counts[name][1]} arguments", flush=True)
        bench.record("argmap check", name, [*ARGMAP, "check", str(yaml_path)])
        bench.record("yaml.load (C loader)", name, [PYTHON, "-c", LOAD_YAML, str(yaml_path)])
        bench.record("argmap.load", name, [PYTHON, "-c", LOAD_ARGMAP, str(yaml_path)])
        if bench.argdown:
            out = bench.folder / "argdown-out"
            bench.record("argdown json", name, [str(ARGDOWN), "json", str(argdown_path), str(out)])
    for n in bench.loose:
        run_loose(bench, n)
    if "aif" in bench.parts:
        run_aif(bench)
    if "evaluation" in bench.parts:
        run_evaluation(bench)


def loose_debate(bench: Bench, n: int) -> Path:
    """Write the loose debate of ``n`` arguments, with supports if argmap reads them.

    Until argmap imports supports between arguments (``<a> +> <b>``), the
    debate is written with its attacks alone, and the page says so.
    """
    path = bench.folder / f"loose-{n}.argdown"
    name = f"L={n}"
    for supports in (True, False):
        out = subprocess.run(
            [PYTHON, str(HERE / "loose.py"), str(n), str(path), "--counts"]
            + ([] if supports else ["--attacks-only"]),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        read = subprocess.run([*ARGMAP, "check", str(path)], capture_output=True, check=False)
        if read.returncode == 0 or not supports:
            break
    bench.loose_counts[name] = (int(out[0]), int(out[1]), int(out[2]), supports)
    return path


def run_loose(bench: Bench, n: int) -> None:
    """Argmap and Argdown on the loose debate of ``n`` arguments: read, and drawn by default."""
    name = f"L={n}"
    path = loose_debate(bench, n)
    statements, _, relations, supports = bench.loose_counts[name]
    with_what = "supports and attacks" if supports else "attacks only"
    print(f"{name}: {statements} statements, {relations} relations ({with_what})", flush=True)
    svg = str(bench.folder / f"loose-{n}.svg")
    bench.record("argmap check", name, [*ARGMAP, "check", str(path)])
    bench.record("argmap render -f svg", name, [*ARGMAP, "render", str(path), "-o", svg])
    bench.record(
        "argmap render --no-premises",
        name,
        [*ARGMAP, "render", str(path), "--no-premises", "-o", svg],
    )
    for drawing, options in (("argmap", []), ("argmap --no-premises", ["--no-premises"])):
        dot = bench.folder / f"loose-{n}.dot"
        subprocess.run(
            [*ARGMAP, "render", str(path), *options, "-f", "dot", "-o", str(dot)],
            capture_output=True,
            check=True,
        )
        bench.shapes[drawing, name] = dot_shape(dot)
    bench.shapes["argmap --premises", name] = premises_shape(path)
    if bench.argdown:
        out = bench.folder / "argdown-out"
        bench.record("argdown json", name, [str(ARGDOWN), "json", str(path), str(out)])
        bench.record(
            "argdown map -f svg", name, [str(ARGDOWN), "map", "-f", "svg", str(path), str(out)]
        )
        subprocess.run(
            [str(ARGDOWN), "map", "-f", "dot", str(path), str(out)], capture_output=True, check=True
        )
        bench.shapes["argdown", name] = dot_shape(out / (path.stem + ".dot"))


def premises_shape(path: Path) -> tuple[int, int]:
    """Nodes and edges of argmap's drawing with every premise (``--premises``), not timed."""
    dot = path.with_suffix(".premises.dot")
    subprocess.run(
        [*ARGMAP, "render", str(path), "--premises", "-f", "dot", "-o", str(dot)],
        capture_output=True,
        check=True,
    )
    return dot_shape(dot)


def run_aif(bench: Bench) -> None:
    """argmap and arguebuf import a corpus of AIF maps and write each one's DOT."""
    folder = bench.folder / "aif"
    script = str(HERE / "aif_corpus.py")
    subprocess.run(
        [PYTHON, script, "corpus", str(folder), *map(str, AIF_SOURCES), "--maps", str(AIF_MAPS)],
        check=True,
    )
    tools = {"argmap (load + to_dot)": [PYTHON, script, "argmap", str(folder)]}
    if bench.arguebuf:
        tools["arguebuf (load.aif + dump.graphviz)"] = [
            str(ARGUEBUF),
            script,
            "arguebuf",
            str(folder),
        ]
    print(f"AIF: {AIF_MAPS} maps", flush=True)
    bench.record_together(tools, "AIF", bench.runs)
    for tool, command in tools.items():
        out = subprocess.run(
            [*command, "--counts"], capture_output=True, text=True, check=True
        ).stdout.split()
        bench.shapes[tool, "AIF"] = (int(out[1]), int(out[2]))


#: What ``argmap evaluate`` is run with on each map of the evaluation part, in the table's order.
EVALUATIONS = (
    ("grounded", ()),
    ("complete", ()),
    ("complete", ("--credulous",)),
    ("preferred", ()),
    ("preferred", ("--credulous",)),
    ("stable", ()),
    ("stable", ("--credulous",)),
    ("carneades", ()),
)


def run_evaluation(bench: Bench) -> None:
    """``argmap evaluate`` under each semantics, on the largest loose debate and synthetic map.

    The maps are written here when their own parts did not run. A run that
    stops at the step limit (exit status 1, no output) is timed once and
    shown as such: that is the limit's cost, not a result.
    """
    maps = []
    n = bench.evaluated[0]
    path = bench.folder / f"loose-{n}.argdown"
    if not path.exists():
        loose_debate(bench, n)
    maps.append((f"L={n}", path))
    n = bench.evaluated[1]
    path = synthetic.paths(bench.folder / f"N={n}")[0]
    if not path.exists():
        bench.map(f"N={n}", n)
    maps.append((f"N={n}", path))
    for name, path in maps:
        print(f"evaluation: {name}", flush=True)
        for semantics, options in EVALUATIONS:
            command = [*ARGMAP, "evaluate", str(path), "--semantics", semantics, *options]
            tool = " ".join(["evaluate --semantics", semantics, *options])
            result = measure(command, bench.runs)
            if result.status == 1:
                stopped = measure(command, 1, expect=1)
                if stopped.seconds is not None:
                    stopped.note = (
                        f"stopped at the step limit after {_seconds(stopped.seconds)} "
                        f"(exit status 1)"
                    )
                result = stopped
            bench.keep(tool, name, result)
        bench.record("argmap check", f"{name} (evaluated)", [*ARGMAP, "check", str(path)])


TOOLS = (
    "argmap check",
    "argmap render -f dot",
    "argmap render -f svg",
    "dot -Tsvg",
    "argmap render --no-premises",
    "yaml.load (C loader)",
    "argmap.load",
    "argdown json",
    "argdown map -f svg",
    "argdown map -f svg, untitled",
)

#: The drawings whose nodes are counted, in the order of the table.
DRAWINGS = ("argmap", "argdown", "argmap --no-premises", "argdown, untitled")


def tables(bench: Bench) -> list[str]:
    """The results as Markdown tables: time, then peak RSS."""
    names = [f"N={n}" for n in bench.sizes] + [f"S={s // 1000}k" for s in bench.statement_sizes]
    tools = [t for t in TOOLS if any((t, n) in bench.results for n in names)]
    out = ["| map | statements | arguments | YAML size | " + " | ".join(tools) + " |"]
    out.append("|---" * (4 + len(tools)) + "|")
    for name in names:
        statements, arguments, size = bench.counts[name]
        cells = [bench.results[t, name].cell() if (t, name) in bench.results else "" for t in tools]
        out.append(
            f"| {name} | {statements:,} | {arguments:,} | {size / 1e6:.2f} MB | "
            + " | ".join(cells)
            + " |"
        )
    drawn = [d for d in DRAWINGS if any((d, n) in bench.nodes for n in names)]
    if drawn:
        out += ["", "Nodes each renderer lays out:", ""]
        out.append("| map | " + " | ".join(drawn) + " |")
        out.append("|---" * (1 + len(drawn)) + "|")
        for name in names:
            if any((d, name) in bench.nodes for d in drawn):
                cells = [
                    f"{bench.nodes[d, name]:,}" if (d, name) in bench.nodes else "" for d in drawn
                ]
                out.append(f"| {name} | " + " | ".join(cells) + " |")
    out += ["", "Start-up:", "", "| command | wall time (s) | peak RSS (MB) |", "|---|---|---|"]
    for tool in ("python -c pass", "python -c 'import argmap'", "argmap --version"):
        if (tool, "-") in bench.results:
            result = bench.results[tool, "-"]
            out.append(f"| `{tool}` | {result.cell()} | {result.rss()} |")
    out += ["", "Peak resident set size (MB) of the same runs:", ""]
    out.append("| map | " + " | ".join(tools) + " |")
    out.append("|---" * (1 + len(tools)) + "|")
    for name in names:
        cells = [bench.results[t, name].rss() if (t, name) in bench.results else "" for t in tools]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out


LOOSE_TOOLS = (
    "argmap check",
    "argdown json",
    "argmap render -f svg",
    "argmap render --no-premises",
    "argdown map -f svg",
)
LOOSE_DRAWINGS = ("argmap", "argmap --no-premises", "argmap --premises", "argdown")


def _cells(bench: Bench, tools: Sequence[str], name: str, rss: bool = False) -> str:
    def cell(tool: str) -> str:
        result = bench.results.get((tool, name))
        if result is None:
            return ""
        return result.rss() if rss else result.cell()

    return " | ".join(cell(t) for t in tools)


def _shape(bench: Bench, drawing: str, name: str) -> str:
    shape = bench.shapes.get((drawing, name))
    return "" if shape is None else f"{shape[0]:,} / {shape[1]:,}"


def loose_tables(bench: Bench) -> list[str]:
    """The loose debates: times, peak RSS, and the nodes / edges each drawing lays out."""
    names = [f"L={n}" for n in bench.loose if f"L={n}" in bench.loose_counts]
    if not names:
        return []
    out = [
        "| debate | statements | arguments | relations | " + " | ".join(LOOSE_TOOLS) + " |",
        "|---" * (4 + len(LOOSE_TOOLS)) + "|",
    ]
    for name in names:
        statements, arguments, relations, supports = bench.loose_counts[name]
        what = f"{relations:,}" + ("" if supports else " (attacks only)")
        out.append(
            f"| {name} | {statements:,} | {arguments:,} | {what} | "
            f"{_cells(bench, LOOSE_TOOLS, name)} |"
        )
    out += ["", "Peak RSS (MB):", "", "| debate | " + " | ".join(LOOSE_TOOLS) + " |"]
    out.append("|---" * (1 + len(LOOSE_TOOLS)) + "|")
    out += [f"| {name} | {_cells(bench, LOOSE_TOOLS, name, rss=True)} |" for name in names]
    out += ["", "Nodes / edges each drawing lays out:", ""]
    out.append("| debate | " + " | ".join(LOOSE_DRAWINGS) + " |")
    out.append("|---" * (1 + len(LOOSE_DRAWINGS)) + "|")
    for name in names:
        out.append(
            f"| {name} | " + " | ".join(_shape(bench, d, name) for d in LOOSE_DRAWINGS) + " |"
        )
    return out


def aif_table(bench: Bench) -> list[str]:
    """The AIF corpus: each tool's time, peak RSS, and the nodes / edges of its DOT."""
    tools = [t for (t, n) in bench.results if n == "AIF"]
    out = [
        f"{AIF_MAPS} maps: the files of tests/corpora/aif, repeated.",
        "",
        "| tool | wall time (s) | peak RSS (MB) | nodes / edges of the DOT, all maps |",
        "|---|---|---|---|",
    ]
    for tool in tools:
        result = bench.results[tool, "AIF"]
        out.append(f"| {tool} | {result.cell()} | {result.rss()} | {_shape(bench, tool, 'AIF')} |")
    if not bench.arguebuf:
        out += ["", "arguebuf was not installed (`sh .ci/arguebuf.sh` installs it)."]
    return out


def evaluation_table(bench: Bench) -> list[str]:
    """``argmap evaluate`` under each semantics, and ``argmap check`` of the same map."""
    names = [
        n.removesuffix(" (evaluated)") for (_, n) in bench.results if n.endswith("(evaluated)")
    ]
    if not names:
        return ["(not run)"]
    out = [
        "| `argmap evaluate` | " + " | ".join(names) + " |",
        "|---" * (1 + len(names)) + "|",
    ]
    for semantics, options in EVALUATIONS:
        tool = " ".join(["evaluate --semantics", semantics, *options])
        cells = [bench.results[tool, name].cell() for name in names]
        out.append(
            f"| `--semantics {' '.join([semantics, *options])}` | " + " | ".join(cells) + " |"
        )
    cells = [bench.results["argmap check", f"{name} (evaluated)"].cell() for name in names]
    out.append("| `argmap check` (no evaluation) | " + " | ".join(cells) + " |")
    return out


@dataclass
class Target:
    """One performance target: what is compared, the measured value, and the bound."""

    what: str
    measured: str
    bound: str
    met: bool | None

    def row(self) -> str:
        verdict = {True: "met", False: "**not met**", None: "not measured"}[self.met]
        return f"| {self.what} | {self.measured} | {self.bound} | {verdict} |"


def _ratio(
    bench: Bench,
    what: str,
    top: str,
    bottom: str,
    name: str,
    *,
    bound: float,
    value: Callable[[float, float], float] = lambda a, b: a / b,
) -> Target:
    """Tool ``top`` against tool ``bottom`` on the map ``name``: met at ``bound`` or below."""
    label, shown = f"{what}, {name}", f"<= {bound:.2f}"
    a, b = bench.get(top, name), bench.get(bottom, name)
    if a is None or b is None:
        return Target(label, "-", shown, None)
    measured = value(a, b)
    return Target(label, f"{measured:.2f}", shown, measured <= bound)


def exponent(bench: Bench) -> tuple[float, float] | None:
    """Least-squares slope of log(time) over log(statements) for the statement-sized maps.

    Twice: with the whole-process time, and with the start-up (``argmap
    --version``) taken off, which is what grows with the map.
    """
    startup = bench.get("argmap --version", "-") or 0.0
    points: list[tuple[float, float]] = []
    for s in bench.statement_sizes:
        name = f"S={s // 1000}k"
        seconds = bench.get("argmap check", name)
        if seconds is not None:
            points.append((bench.counts[name][0], seconds))
    if len(points) < 2:
        return None

    def slope(pairs: list[tuple[float, float]]) -> float:
        xs = [math.log(x) for x, _ in pairs]
        ys = [math.log(y) for _, y in pairs]
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )

    return slope(points), slope([(x, max(y - startup, 1e-3)) for x, y in points])


def targets(bench: Bench) -> list[Target]:
    """Each target of the performance issue, as measured in this run."""
    found = [_check_target(bench, "", "N=2000", 0.2)]
    # Each render against Argdown's drawing of the same files: every statement
    # drawn, then arguments without their premises.
    for render, argdown, what in (
        (
            "argmap render -f svg",
            "argdown map -f svg",
            "`argmap render -f svg` / `argdown map -f svg`",
        ),
        (
            "argmap render --no-premises",
            "argdown map -f svg, untitled",
            "`argmap render --no-premises` / `argdown map -f svg`, untitled",
        ),
    ):
        for n in (500, 1000, 2000):
            found.append(_ratio(bench, what, render, argdown, f"N={n}", bound=1 / 3))
    for n, bound in ((2000, 0.10), (1000, 0.25)):
        found.append(
            _ratio(
                bench,
                "argmap's share of a render (render - bare dot) / render",
                "argmap render -f svg",
                "dot -Tsvg",
                f"N={n}",
                bound=bound,
                value=lambda render, dot: (render - dot) / render,
            )
        )
        # The same share measured directly: everything argmap does but the layout.
        direct = "argmap's share, directly: `render -f dot` / `render -f svg`"
        found.append(
            _ratio(
                bench, direct, "argmap render -f dot", "argmap render -f svg", f"N={n}", bound=bound
            )
        )
    load = "`argmap.load` (YAML + model) / `yaml.load` with the C loader"
    for name in ("N=2000", "S=100k"):
        found.append(_ratio(bench, load, "argmap.load", "yaml.load (C loader)", name, bound=1.5))
    check = bench.results.get(("argmap check", "S=100k"))
    if check is not None and check.seconds is not None and check.megabytes is not None:
        found.append(
            Target(
                "`argmap check`, 100k statements: time",
                f"{check.seconds:.2f} s",
                "<= 5 s",
                check.seconds <= 5,
            )
        )
        found.append(
            Target(
                "`argmap check`, 100k statements: peak RSS",
                f"{check.megabytes:.0f} MB",
                "<= 1024 MB",
                check.megabytes <= 1024,
            )
        )
    slopes = exponent(bench)
    if slopes is not None:
        found.append(
            Target(
                "growth of `argmap check` time with statements (exponent; start-up taken off)",
                f"{slopes[0]:.2f} ({slopes[1]:.2f})",
                "about 1 (linear)",
                slopes[1] <= 1.15,
            )
        )
    found += loose_targets(bench)
    found += aif_targets(bench)
    version = bench.get("argmap --version", "-")
    if version is not None:
        found.append(
            Target("`argmap --version`", f"{version * 1000:.0f} ms", "<= 150 ms", version <= 0.15)
        )
    imported = subprocess.run(
        [PYTHON, "-c", IMPORTS], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    heavy = [m for m in imported if m.startswith(("yaml", "graphviz", "argmap.analyse"))]
    found.append(
        Target(
            "`import argmap` imports yaml, graphviz, the evaluation",
            ", ".join(heavy) or "none of them",
            "none of them",
            not heavy,
        )
    )
    return found


def loose_targets(bench: Bench) -> list[Target]:
    """The targets on the loose debates: renders and reading against Argdown."""
    found: list[Target] = []
    for render, what, bound in (
        ("argmap render -f svg", "`argmap render -f svg` (default)", 0.5),
        ("argmap render --no-premises", "`argmap render --no-premises`", 1 / 3),
    ):
        against = f"loose debate: {what} / `argdown map -f svg`"
        for n in LOOSE:
            found.append(
                _ratio(bench, against, render, "argdown map -f svg", f"L={n}", bound=bound)
            )
    found.append(_check_target(bench, "loose debate: ", "L=2000", 0.25))
    return found


def _check_target(bench: Bench, what: str, name: str, bound: float) -> Target:
    """``argmap check`` against ``argdown json`` on the map ``name``."""
    return _ratio(
        bench,
        f"{what}`argmap check` / `argdown json`",
        "argmap check",
        "argdown json",
        name,
        bound=bound,
    )


def aif_targets(bench: Bench) -> list[Target]:
    """The targets on the AIF corpus: argmap against arguebuf, time and peak RSS."""
    mine = bench.results.get(("argmap (load + to_dot)", "AIF"))
    theirs = bench.results.get(("arguebuf (load.aif + dump.graphviz)", "AIF"))
    what = f"AIF corpus ({AIF_MAPS} maps), import + DOT: argmap / arguebuf"
    if mine is None or theirs is None or mine.seconds is None or theirs.seconds is None:
        return [Target(f"{what}, time", "-", "<= 0.50", None)]
    assert mine.megabytes is not None and theirs.megabytes is not None
    time_ratio = mine.seconds / theirs.seconds
    return [
        Target(f"{what}, time", f"{time_ratio:.2f}", "<= 0.50", time_ratio <= 0.5),
        Target(
            f"{what}, peak RSS",
            f"{mine.megabytes:.0f} MB / {theirs.megabytes:.0f} MB",
            "no higher",
            mine.megabytes <= theirs.megabytes,
        ),
    ]


def arguebuf_version() -> str:
    out = subprocess.run(
        [str(ARGUEBUF), "-c", "import importlib.metadata as m; print(m.version('arguebuf'))"],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip() or "?"


def versions(argdown: bool) -> str:
    """The tools and the machine, for the record."""
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False).stderr
    yaml_version = subprocess.run(
        [PYTHON, "-c", "import yaml; print(yaml.__version__, yaml.__with_libyaml__)"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    parts = [
        f"Python {platform.python_version()}",
        f"PyYAML {yaml_version[0]} (libyaml: {yaml_version[1]})" if yaml_version else "PyYAML ?",
        dot.strip().replace("dot - graphviz version", "Graphviz") or "no Graphviz",
    ]
    if argdown:
        out = subprocess.run(
            [str(ARGDOWN), "--version"], capture_output=True, text=True, check=False
        )
        node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
        parts.append(f"@argdown/cli {out.stdout.strip()} on Node {node.stdout.strip()}")
    else:
        parts.append("no Argdown CLI (`make argdown` installs it)")
    if os.access(ARGUEBUF, os.X_OK):
        parts.append(f"arguebuf {arguebuf_version()}")
    cpus = os.cpu_count()
    parts.append(f"{cpus} CPUs, {platform.system()} {platform.machine()}")
    return "; ".join(parts)


def section(bench: Bench, hostile: list[str]) -> str:
    """The generated part of docs/performance.md."""
    today = datetime.date.today().isoformat()
    left_out = [part for part in PARTS if part not in bench.parts]
    only = f" --only, without: {', '.join(left_out)}" if left_out else ""
    lines = [
        BEGIN,
        "",
        f"Measured {today} by `make bench`{only}: {versions(bench.argdown)}. Whole-process "
        f"wall time in seconds, the median of {bench.runs} runs unless marked.",
        "",
        *tables(bench),
        "",
        "### Loose-style Argdown debates",
        "",
        *loose_tables(bench),
        *(["", *bench.notes] if bench.notes else []),
        "",
        "### An AIF corpus: argmap and arguebuf",
        "",
        *aif_table(bench),
        "",
        "### Evaluation, by semantics",
        "",
        *evaluation_table(bench),
        "",
        "### The targets, as measured in this run",
        "",
        "| target | measured | bound | |",
        "|---|---|---|---|",
        *(t.row() for t in targets(bench)),
        "",
        "### Hostile input",
        "",
        *hostile,
        "",
        END,
    ]
    return "\n".join(lines)


def write_doc(text: str) -> None:
    """Put the generated section into docs/performance.md between its markers."""
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(doc):
        doc = doc.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    DOC.write_text(pattern.sub(lambda _: text, doc, count=1), encoding="utf-8")


def hostile_table() -> list[str]:
    """bench/hostile.py's table, as lines."""
    out = subprocess.run(
        [PYTHON, str(HERE / "hostile.py")], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return out.strip().splitlines()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print the tables and write them into docs/performance.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per command (median)")
    parser.add_argument("--quick", action="store_true", help="small maps only, to try the bench")
    parser.add_argument(
        "--no-write", action="store_true", help="print, do not update docs/performance.md"
    )
    parser.add_argument("--no-argdown", action="store_true", help="skip Argdown's CLI")
    parser.add_argument(
        "--only",
        action="append",
        choices=PARTS,
        help="run only this workload (repeatable; default: all of them)",
    )
    args = parser.parse_args(argv)
    if shutil.which("dot") is None:
        print("bench: Graphviz's dot is needed (`make graphviz`)", file=sys.stderr)
        return 1
    argdown = not args.no_argdown and os.access(ARGDOWN, os.X_OK)
    # Compiled modules, as an installed argmap has them, so no run pays for compiling.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "argmap")], check=True, env=ENV)
    if not argdown and not args.no_argdown:
        print("bench: no Argdown CLI; `make argdown` installs it", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as folder:
        bench = Bench(
            Path(folder),
            max(args.runs, 1),
            argdown,
            (10, 100) if args.quick else ARGUMENTS,
            (10_000,) if args.quick else STATEMENTS,
            loose=(100,) if args.quick else LOOSE,
            arguebuf=os.access(ARGUEBUF, os.X_OK),
            parts=tuple(args.only or PARTS),
        )
        if args.quick:
            bench.evaluated = (max(bench.loose), max(bench.sizes))
        if "synthetic" not in bench.parts:
            bench.sizes, bench.statement_sizes = (), ()
        if "loose" not in bench.parts:
            bench.loose = ()
        if not bench.arguebuf:
            print("bench: no arguebuf; `sh .ci/arguebuf.sh` installs it", file=sys.stderr)
        run(bench)
        print("\n## Hostile input\n", flush=True)
        hostile = hostile_table()
        text = section(bench, hostile)
    print()
    print(text)
    if not args.no_write:
        write_doc(text)
        print(f"\nwrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
