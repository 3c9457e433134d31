"""Benchmarks of argmap against Argdown and bare Graphviz (see docs/performance.md).

The benchmark suite arrives with the performance work; until then this
script only says so, so that `make bench` already has a place to grow.
"""

from __future__ import annotations


def main() -> int:
    """Run the benchmarks and print their table."""
    print("no benchmarks yet")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
