"""Maps display in Jupyter, and the notebook of docs/notebooks.md runs as the page shows."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import nbclient
import nbformat
import pytest
from IPython.core.formatters import DisplayFormatter

import argmap
from argmap import Argument, ArgumentMap, Statement

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "notebooks.md"
NOTEBOOK = ROOT / "docs" / "notebooks" / "first-map.ipynb"
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```\n", re.M | re.S)
SVG = "{http://www.w3.org/2000/svg}"


def page_cells() -> list[tuple[str, str | None]]:
    """The page's python blocks, each with the text block right after it (its output), if any."""
    fences = list(FENCE.finditer(PAGE.read_text("utf-8")))
    text = PAGE.read_text("utf-8")
    cells: list[tuple[str, str | None]] = []
    for index, fence in enumerate(fences):
        if fence.group(1) != "python":
            continue
        after = fences[index + 1] if index + 1 < len(fences) else None
        output = None
        if after and after.group(1) == "text" and not text[fence.end() : after.start()].strip():
            output = after.group(2)
        cells.append((fence.group(2), output))
    return cells


def read_notebook() -> Any:
    return nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]


def svg_ids(svg: str) -> set[str | None]:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return {g.get("id") for g in root.iter(f"{SVG}g")}


def small_map() -> ArgumentMap:
    return ArgumentMap(
        "Small",
        statements=[Statement("claim", "A claim."), Statement("reason", "A reason.")],
        arguments=[Argument("because", ["reason"], "support", "claim")],
    )


def test_the_notebook_holds_the_code_of_the_page_and_no_outputs() -> None:
    notebook = read_notebook()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.source for cell in code] == [block.rstrip("\n") for block, _ in page_cells()]
    assert len(code) >= 4
    # Outputs are made by running it; a stored SVG would go stale with every Graphviz.
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


@pytest.mark.needs_dot
def test_ipython_displays_a_map_as_svg() -> None:
    data, _ = DisplayFormatter().format(small_map())  # type: ignore[no-untyped-call]
    assert {"statement-claim", "statement-reason", "argument-because"} <= svg_ids(
        data["image/svg+xml"]
    )


@pytest.mark.needs_dot
def test_the_mimebundle_is_svg_that_parses_as_xml() -> None:
    bundle = small_map()._repr_mimebundle_()
    assert list(bundle) == ["image/svg+xml"]
    assert "statement-claim" in svg_ids(bundle["image/svg+xml"])


def output_text(cell: Any) -> str:
    """What a code cell printed, or the plain text of its result."""
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "execute_result" and "image/svg+xml" not in output.data:
            parts.append(output.data["text/plain"] + "\n")
    return "".join(parts)


@pytest.mark.needs_dot
def test_the_notebook_runs_in_a_kernel_and_prints_what_the_page_shows(tmp_path: Path) -> None:
    notebook = read_notebook()
    nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for cell, (_, shown) in zip(code, page_cells(), strict=True):
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.source
        if shown is not None:
            assert output_text(cell) == shown, cell.source

    pictures = [
        output.data["image/svg+xml"]
        for cell in code
        for output in cell.outputs
        if output.output_type in ("execute_result", "display_data")
        and "image/svg+xml" in output.data
    ]
    assert len(pictures) == 2  # the map, then its evaluation
    m = argmap.load(ROOT / "docs" / "examples" / "lindenau.yaml")
    shortened = {"car-free", "shops-gain", "walkers-spend", "study", "car-customers", "stations"}
    assert shortened <= set(m.statements)
    for svg in pictures:
        assert {f"statement-{s}" for s in shortened} <= svg_ids(svg)
    evaluated = ET.fromstring(pictures[1])
    classes = {g.get("id"): g.get("class") or "" for g in evaluated.iter(f"{SVG}g")}
    assert "argmap-in" in classes["statement-car-free"].split()
    assert "argmap-out" in classes["statement-car-customers"].split()
