"""The benchmarks `make bench` runs.

For now: how argmap refuses hostile input (bench/hostile.py). The comparison
with Argdown and bare Graphviz comes with the performance work.
"""

from __future__ import annotations


def main() -> int:
    """Run the benchmarks and print their tables."""
    import hostile

    print("## Hostile input\n")
    return hostile.main()


if __name__ == "__main__":
    raise SystemExit(main())
