"""The shipped maps: clean under --strict, quotes verified, DOT as in the golden files.

Regenerate the golden files after an intended change to the drawing with
``ARGMAP_UPDATE_GOLDEN=1 pytest tests/test_maps.py`` and review the diff.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
GOLDEN = Path(__file__).parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"


def test_the_two_maps_of_the_seed_article_ship() -> None:
    assert {p.stem for p in MAPS} >= {"russian-lifeline", "unreliable-partners"}


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_shipped_map_checks_clean_with_every_quote_verified(path: Path) -> None:
    """What `argmap check --strict maps/` runs: no error, no warning.

    The check verifies each quote against the article. That every stated
    statement and argument quotes it, and every implicit one quotes nothing,
    is in tests/test_maps_faithful.py.
    """
    m = argmap.load(path)
    issues = argmap.check(m)
    assert [str(i) for i in issues if i.severity is not argmap.Severity.NOTE] == []
    # Notes are the critical questions the article leaves open, nothing else.
    assert {i.code for i in issues} <= {"open-question"}
    # Something is verified: every map quotes the article, and only the article.
    quotes = [c for s in m.statements.values() for c in s.quotes]
    quotes += [c for a in m.arguments.values() for c in a.quotes]
    assert quotes
    assert {c.source for c in quotes} == {"article"} and "article" in m.sources


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_shipped_map_dot_matches_the_golden_file(path: Path) -> None:
    dot = argmap.to_dot(argmap.load(path))
    golden = GOLDEN / f"{path.stem}.dot"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8")


@pytest.mark.needs_dot
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_shipped_map_svg_has_an_element_per_statement_and_argument(path: Path) -> None:
    m = argmap.load(path)
    root = ET.fromstring(argmap.to_svg(m))
    view = argmap.view.build_view(m)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    for sid, statement in m.statements.items():
        group = groups[f"statement-{sid}"]
        assert "argmap-statement" in (group.get("class") or "").split()
        text = " ".join(t.text or "" for t in group.iter(f"{SVG}text"))
        # The marks (implicit, ? question, if …) come before the title.
        marks = " · ".join(view.node(f"statement-{sid}").marks)
        assert " ".join(text.split()).startswith(
            " ".join(f"{marks} {statement.title or ''}".split())
        )
        assert statement.text.split()[-1] in text
    for aid in m.arguments:
        assert "argmap-argument" in (groups[f"argument-{aid}"].get("class") or "").split()
    for thesis in m.main_theses:
        assert "argmap-thesis" in (groups[f"statement-{thesis}"].get("class") or "").split()
