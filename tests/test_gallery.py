"""The gallery shows every shipped map in every language, drawn from the map as it is."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "docs" / "gallery"
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
SVG = "{http://www.w3.org/2000/svg}"


def pictures() -> list[tuple[Path, str]]:
    return [(path, lang) for path in MAPS for lang in argmap.load(path).langs]


def test_the_gallery_page_shows_every_picture_and_nothing_else() -> None:
    page = (ROOT / "docs" / "gallery.md").read_text("utf-8")
    shown = set(re.findall(r"\(gallery/([\w.-]+\.svg)\)", page))
    expected = {f"{path.stem}.{lang}.svg" for path, lang in pictures()}
    assert shown == expected
    assert {p.name for p in GALLERY.glob("*.svg")} == expected


@pytest.mark.parametrize(("path", "lang"), pictures(), ids=lambda x: getattr(x, "stem", x))
def test_each_picture_is_the_map_in_that_language(path: Path, lang: str) -> None:
    m = argmap.load(path)
    root = ET.parse(GALLERY / f"{path.stem}.{lang}.svg").getroot()
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert {f"statement-{s}" for s in m.statements} <= ids
    assert {f"argument-{a}" for a in m.arguments} <= ids
    text = " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for statement in m.statements.values():
        title = m.localized(statement, "title", lang)[0]
        assert title is None or title.split()[0] in text, (statement.id, lang)
