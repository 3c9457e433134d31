"""The public surface: argmap/__init__.py re-exports exactly a sorted __all__."""

from __future__ import annotations

import subprocess
import sys

import pytest

import argmap


def test_all_is_sorted_and_complete() -> None:
    assert argmap.__all__ == sorted(argmap.__all__)
    # dir() lists the names imported on first use too (the module's __dir__).
    public = {name for name in dir(argmap) if not name.startswith("_")}
    modules = {"analyse", "cli", "errors", "model", "schemes", "view"}
    assert public - modules == set(argmap.__all__) - {"__version__"}


def test_every_lazy_name_resolves_to_its_module() -> None:
    code = (
        "import argmap, importlib\n"
        "for name, module in sorted(argmap._MODULES.items()):\n"
        "    found = getattr(importlib.import_module(module, 'argmap'), name)\n"
        "    assert getattr(argmap, name) is found, name\n"
        "print(len(argmap._MODULES))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == str(len(argmap.__all__) - 1)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'argmap' has no attribute 'lod'"):
        argmap.lod  # noqa: B018


def test_every_export_is_documented() -> None:
    for name in argmap.__all__:
        obj = getattr(argmap, name)
        if name != "__version__":
            assert obj.__doc__, name


def test_import_argmap_loads_neither_yaml_nor_graphviz() -> None:
    code = "import sys, argmap; print(sorted(m for m in ('yaml', 'graphviz') if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
