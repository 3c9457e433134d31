"""``import argmap`` is light: each part is imported when it is first used.

Start-up time is what a small map's ``argmap check`` mostly costs, so the
package imports nothing until a name is used, and a command imports only
what it needs: no YAML for ``--version``, no Graphviz bindings or
evaluation for ``check``. Timing itself is the benchmarks' business
(``make bench``); these tests pin down what gets imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "maps" / "russian-lifeline.yaml"
HEAVY = ("yaml", "graphviz", "argmap.analyse", "argmap.schemes", "argmap._render", "argmap.view")


def imported_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return set(out.split())


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in ("yaml", "graphviz") or m in HEAVY)


def test_import_argmap_imports_nothing_heavy() -> None:
    modules = imported_after("import argmap")
    assert heavy(modules) == []
    assert "attrs" not in modules  # not even the model
    assert {m for m in modules if m.startswith("argmap")} == {"argmap", "argmap._version"}


def test_names_are_imported_on_first_use() -> None:
    modules = imported_after("import argmap\nargmap.Statement('s', 'S.')")
    assert "argmap.model" in modules
    assert heavy(modules) == []


def test_loading_and_checking_a_map_imports_no_graphviz_nor_evaluation() -> None:
    modules = imported_after(f"import argmap\nargmap.check(argmap.load({str(MAP)!r}))")
    assert "yaml" not in modules  # plain maps are read without PyYAML
    assert "graphviz" not in modules
    assert "argmap.analyse" not in modules
    assert "argmap._render" not in modules


def test_checking_an_argdown_file_imports_neither_argmap_s_format_nor_the_writer() -> None:
    argdown = ROOT / "docs" / "examples" / "partners.argdown"
    modules = imported_after(f"import argmap\nargmap.check(argmap.load({str(argdown)!r}))")
    assert "argmap._argdown.read" in modules
    assert "argmap._format" not in modules  # the front matter's YAML needs only the reader
    assert "argmap._argdown.write" not in modules
    assert "graphviz" not in modules
    assert "json" not in modules  # a file named .argdown is not sniffed for JSON


def test_checking_from_the_command_line_imports_no_shutil() -> None:
    """argparse would import shutil (and bz2, lzma) to measure the terminal for help."""
    argdown = ROOT / "docs" / "examples" / "partners.argdown"
    modules = imported_after(f"from argmap.cli import main\nmain(['check', {str(argdown)!r}])")
    assert "argmap._argdown.read" in modules
    assert {"shutil", "bz2", "lzma"} & modules == set()


def test_version_needs_no_yaml_graphviz_or_reading() -> None:
    modules = imported_after(
        "import sys\nsys.argv = ['argmap', '--version']\nfrom argmap.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert heavy(modules) == []
    assert "attrs" not in modules  # neither the model nor the errors
    assert {m for m in modules if m.startswith("argmap")} == {
        "argmap",
        "argmap._names",
        "argmap._version",
        "argmap.cli",
        "argmap.cli._parser",
    }


def test_the_command_prints_its_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "argmap", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert out == f"argmap {argmap.__version__}\n"


@pytest.mark.parametrize("name", argmap.__all__)
def test_every_public_name_resolves_to_its_definition(name: str) -> None:
    value = getattr(argmap, name)
    if name != "__version__":
        assert value.__module__.startswith("argmap.")
        assert value.__name__ == name
        assert getattr(argmap, name) is value  # kept once imported


def test_dir_lists_every_public_name_before_it_is_used() -> None:
    names = imported_after("import argmap\nprint(*dir(argmap))")
    assert set(argmap.__all__) <= names


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        _ = argmap.nothing


def test_submodules_are_reached_as_attributes() -> None:
    for name in ("analyse", "errors", "model", "schemes", "view"):
        assert getattr(argmap, name).__name__ == f"argmap.{name}"
