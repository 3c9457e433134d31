"""load -> dump -> load is the identity, for generated maps and the shipped ones."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from strategies import maps

import argmap
from argmap import Argument, ArgumentMap, Statement

ROOT = Path(__file__).resolve().parent.parent


@settings(max_examples=300, deadline=None)
@given(maps())
def test_generated_maps_survive_dump_and_load(m: ArgumentMap) -> None:
    # check=False: generated maps may break whole-map rules; the format must still carry them.
    assert argmap.loads(argmap.dumps(m), check=False) == m


def test_shipped_maps_survive_dump_and_load(tmp_path: Path) -> None:
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        m = argmap.load(path)
        again = argmap.load(argmap.dump(m, tmp_path / path.name))
        assert again == m, path.name
        assert argmap.dumps(again) == argmap.dumps(m)


def test_german_text_survives_byte_for_byte() -> None:
    m = ArgumentMap(
        "Größe",
        [Statement("s", "„Die Straße“ – ‚ß‘ …"), Statement("t", "Ünïcödé")],
        [Argument("a", ["s"], "support", "t")],
    )
    dumped = argmap.dumps(m)
    assert "„Die Straße“ – ‚ß‘ …" in dumped
    assert argmap.loads(dumped) == m
