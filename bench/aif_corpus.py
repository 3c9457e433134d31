"""Import a folder of AIF maps and write each one's DOT: argmap's way, or arguebuf's.

``python bench/aif_corpus.py argmap FOLDER`` loads every ``*.json`` in
``FOLDER`` with ``argmap.load`` (the import and the whole-map rules, as
users call it) and builds its DOT source with ``argmap.to_dot``;
``python bench/aif_corpus.py arguebuf FOLDER``, run by an interpreter that
has arguebuf (``make bench`` puts it in ``.bench-venv``), does the same
with ``arguebuf.load.aif`` (on the parsed JSON) and ``arguebuf.dump.graphviz``. Neither runs
``dot``: both are timed on the import and the DOT alone. ``--counts``
prints the nodes and edges of the DOT each wrote, summed over the maps.

``python bench/aif_corpus.py corpus OUT SOURCE... --maps N`` copies the AIF
files of the SOURCE folders into ``OUT`` in turn until it holds ``N`` maps.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

#: A node statement of DOT (``name [``) and an edge (``name -> name``).
DOT_NODE = re.compile(r'^\s*("[^"]+"|\w+) \[', re.MULTILINE)
DOT_EDGE = re.compile(r"^\s*(\"[^\"]+\"|\w+) -> ", re.MULTILINE)


def dot_shape(source: str) -> tuple[int, int]:
    """Nodes and edges a DOT text declares (the graph, node and edge defaults left out)."""
    nodes = sum(
        1
        for m in DOT_NODE.finditer(source)
        if m.group(1).strip('"') not in ("graph", "node", "edge")
    )
    return nodes, len(DOT_EDGE.findall(source))


def with_argmap(files: list[Path]) -> list[str]:
    import argmap

    return [argmap.to_dot(argmap.load(path)) for path in files]


def with_arguebuf(files: list[Path]) -> list[str]:
    import json

    import arguebuf  # type: ignore[import-not-found]

    return [
        arguebuf.dump.graphviz(
            arguebuf.load.aif(json.loads(path.read_text(encoding="utf-8")), path.stem)
        ).source
        for path in files
    ]


def corpus(out: Path, sources: list[Path], maps: int) -> None:
    """Copy the AIF files of ``sources`` into ``out``, round after round, until ``maps``."""
    files = sorted(p for folder in sources for p in folder.glob("*.json"))
    out.mkdir(parents=True, exist_ok=True)
    for i in range(maps):
        path = files[i % len(files)]
        shutil.copyfile(path, out / f"{i:04d}-{path.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tool", choices=("argmap", "arguebuf", "corpus"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("sources", type=Path, nargs="*", help="with corpus: the AIF folders")
    parser.add_argument("--maps", type=int, default=660, help="with corpus: how many maps")
    parser.add_argument("--counts", action="store_true", help="print nodes and edges of the DOT")
    args = parser.parse_args()
    if args.tool == "corpus":
        corpus(args.folder, args.sources, args.maps)
        return
    files = sorted(args.folder.glob("*.json"))
    sources = (with_argmap if args.tool == "argmap" else with_arguebuf)(files)
    if args.counts:
        shapes = [dot_shape(source) for source in sources]
        print(len(sources), sum(n for n, _ in shapes), sum(e for _, e in shapes))


if __name__ == "__main__":
    main()
