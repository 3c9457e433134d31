"""PNG and PDF output of a real map, through the command line and argmap.render.

Beside tests/test_render.py (signatures, fixed PDF dates, identical PNG bytes
for a small map): the size of the picture, determinism through the command
line, and outputs that cannot be written.
"""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path

import pytest
from helpers import run

import argmap

ROOT = Path(__file__).resolve().parent.parent
OVERVIEW = ROOT / "maps" / "overview.yaml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.needs_dot


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the IHDR chunk that must follow the signature."""
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def svg_size_in_points(svg: str) -> tuple[float, float]:
    found = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert found is not None
    return float(found[1]), float(found[2])


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_png_of_the_overview_through_the_cli(folder: Path) -> None:
    assert run("render", str(OVERVIEW), "-o", "overview.png") == (0, "wrote overview.png\n", "")
    data = Path("overview.png").read_bytes()
    width, height = png_size(data)
    # The whole article: thousands of pixels wide, a few rows of statements high.
    assert 2_000 <= width <= 20_000
    assert 500 <= height <= 5_000
    assert width > 2 * height
    assert data.endswith(b"IEND\xaeB`\x82")  # complete, not cut off


def test_png_pixels_match_the_svg_at_96_dpi(folder: Path) -> None:
    overview = argmap.load(OVERVIEW)
    width, height = png_size(argmap.render(overview, folder / "o.png").read_bytes())
    points = svg_size_in_points(argmap.to_svg(overview))
    assert abs(width - points[0] * 96 / 72) <= 2  # Graphviz: 72 points an inch, 96 pixels
    assert abs(height - points[1] * 96 / 72) <= 2


def test_png_from_the_cli_and_from_render_are_the_same_bytes(folder: Path) -> None:
    run("render", str(OVERVIEW), "-f", "png", "-o", "cli.png", "--legend")
    argmap.render(argmap.load(OVERVIEW), folder / "api.png", legend=True)
    assert Path("cli.png").read_bytes() == Path("api.png").read_bytes()


def test_pdf_of_the_overview_is_the_same_bytes_every_time(folder: Path) -> None:
    assert run("render", str(OVERVIEW), "-o", "first.pdf") == (0, "wrote first.pdf\n", "")
    assert run("render", str(OVERVIEW), "-f", "pdf", "-o", "second.pdf") == (
        0,
        "wrote second.pdf\n",
        "",
    )
    argmap.render(argmap.load(OVERVIEW), folder / "api.pdf")
    first = Path("first.pdf").read_bytes()
    assert first.startswith(b"%PDF-")
    assert first.rstrip().endswith(b"%%EOF")
    assert Path("second.pdf").read_bytes() == first
    assert Path("api.pdf").read_bytes() == first
    assert set(re.findall(rb"/(?:CreationDate|ModDate) ?\(D:(\d{14})", first)) == {
        b"19700101000000"
    }


def test_pdf_page_is_the_size_of_the_map(folder: Path) -> None:
    data = argmap.render(argmap.load(OVERVIEW), folder / "o.pdf").read_bytes()
    box = re.search(rb"/MediaBox \[ ?0 0 ([\d.]+) ([\d.]+) ?\]", data)
    assert box is not None
    points = svg_size_in_points(argmap.to_svg(argmap.load(OVERVIEW)))
    # One page holding the whole diagram, in points, with at most a small margin.
    for page, drawing in zip((float(box[1]), float(box[2])), points, strict=True):
        assert drawing <= page <= drawing + 100


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_rendering_onto_a_folder_is_an_error_and_leaves_nothing(folder: Path, fmt: str) -> None:
    target = folder / f"map.{fmt}"
    target.mkdir()
    with pytest.raises(argmap.OutputError, match=f"map.{fmt}: cannot write: Is a directory"):
        argmap.render(argmap.load(OVERVIEW), target)
    assert [p.name for p in folder.iterdir()] == [f"map.{fmt}"]  # no temporary file
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_a_failing_write_keeps_the_old_file_and_leaves_no_partial_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    Path(f"map.{fmt}").write_bytes(b"the previous picture")
    monkeypatch.setattr(os, "replace", fail)  # the disk fills up after the data is written
    assert run("render", str(OVERVIEW), "-o", f"map.{fmt}") == (
        1,
        "",
        f"map.{fmt}: cannot write: No space left on device\n",
    )
    assert Path(f"map.{fmt}").read_bytes() == b"the previous picture"
    assert [p.name for p in folder.iterdir()] == [f"map.{fmt}"]


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_an_output_folder_that_does_not_exist_writes_nothing(folder: Path, fmt: str) -> None:
    assert run("render", str(OVERVIEW), "-o", f"missing/map.{fmt}") == (
        1,
        "",
        f"missing/map.{fmt}: output folder 'missing' does not exist; create it first\n",
    )
    assert list(folder.iterdir()) == []
