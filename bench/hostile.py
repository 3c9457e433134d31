"""How fast and how lean argmap refuses hostile input (alias bomb, deep nesting, huge text).

Each case runs ``argmap check`` in a fresh process; wall time and peak RSS
are the median of several runs. Targets: an alias bomb is refused in under
1 s using under 200 MB.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEAD = "argmap: 1\ntitle: t\n"


def alias_bomb() -> str:
    """Ten levels of ten aliases each: 10**10 values once expanded."""
    lines = [HEAD, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
    for i in range(1, 11):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n")
    return "".join(lines)


CASES: dict[str, Callable[[], str]] = {
    "alias bomb (10^10 values)": alias_bomb,
    "flow nesting 10,000 deep": lambda: HEAD + "description: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "one 50 MB statement": lambda: HEAD + "statements:\n  a: " + "x" * 50_000_000 + "\n",
}


def measure(path: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit status of one `argmap check`.

    Run in a process of its own (see :func:`measure_isolated`), so the peak
    RSS of its children is that of this one check.
    """
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(path)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak / 1024, result.returncode


def measure_isolated(path: Path, runs: int = 3) -> tuple[float, float, int]:
    """Median wall time and peak RSS over ``runs`` separate measuring processes."""
    times, peaks, status = [], [], 0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        times.append(float(out[0]))
        peaks.append(float(out[1]))
        status = int(out[2])
    return statistics.median(times), statistics.median(peaks), status


def main() -> int:
    """Print a table of the hostile-input cases."""
    print("| input | exit status | wall time (s) | peak RSS (MB) |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in CASES.items():
            path = Path(folder) / "case.yaml"
            path.write_text(make(), encoding="utf-8")
            seconds, megabytes, status = measure_isolated(path)
            print(f"| {name} | {status} | {seconds:.2f} | {megabytes:.0f} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        seconds, megabytes, status = measure(Path(sys.argv[2]))
        print(seconds, megabytes, status)
        raise SystemExit(0)
    raise SystemExit(main())
