"""`argmap convert`, and the other commands reading every format argmap reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import INVALID, VALID, refused, run

import argmap

ROOT = Path(__file__).resolve().parent.parent
FORMATS = {
    "yaml": "map.yaml",
    "json": "map.json",
    "argdown": "map.argdown",
    "aif": "map.aif.json",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "valid.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "invalid.yaml").write_text(INVALID, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_convert_yaml_to_yaml_flattens_includes(folder: Path) -> None:
    status, out, err = run("convert", str(ROOT / "maps" / "china.yaml"), "-o", "china.yaml")
    assert (status, out, err) == (0, "wrote china.yaml\n", "")
    written = argmap.load(folder / "china.yaml", check=False)
    original = argmap.load(ROOT / "maps" / "china.yaml")
    assert written.statements == original.statements
    assert written.arguments == original.arguments
    assert "include" not in (folder / "china.yaml").read_text("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_convert_by_file_name_and_back(folder: Path, fmt: str) -> None:
    name = FORMATS[fmt]
    assert run("convert", "valid.yaml", "-o", name) == (0, f"wrote {name}\n", "")
    assert run("convert", name, "-o", "back.yaml") == (0, "wrote back.yaml\n", "")
    assert argmap.load("back.yaml") == argmap.load("valid.yaml")


@pytest.mark.parametrize("fmt", ["json", "argdown", "aif", "mermaid", "graphml"])
def test_convert_to_standard_output(folder: Path, fmt: str) -> None:
    status, out, err = run("convert", "valid.yaml", "--to", fmt, "-o", "-")
    assert (status, err) == (0, "")
    assert out == argmap.dumps(argmap.load("valid.yaml"), fmt)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", FORMATS)
def test_check_render_evaluate_stats_read_every_format(folder: Path, fmt: str) -> None:
    name = FORMATS[fmt]
    argmap.dump(argmap.load("valid.yaml"), name)
    assert run("check", name) == (0, f"{name}: 0 errors, 0 warnings\n", "")
    assert run("render", name, "-f", "dot", "-o", "-")[0] == 0
    assert run("evaluate", name)[0] == 0
    assert run("stats", name)[0] == 0


def test_from_overrides_the_file_name(folder: Path) -> None:
    (folder / "map.txt").write_text(argmap.dumps(argmap.load("valid.yaml"), "json"), "utf-8")
    assert run("check", "--from", "json", "map.txt") == (0, "map.txt: 0 errors, 0 warnings\n", "")
    err = refused("check", "--from", "json", "valid.yaml")
    assert err.startswith("valid.yaml:1:1: error: json-syntax: not valid JSON")


def test_a_folder_contributes_every_readable_format(folder: Path) -> None:
    argmap.dump(argmap.load("valid.yaml"), "other.json")
    status, out, _ = run("check", ".")
    assert status == 1  # invalid.yaml
    assert out.splitlines() == [
        "invalid.yaml: 1 error, 0 warnings",
        "other.json: 0 errors, 0 warnings",
        "valid.yaml: 0 errors, 0 warnings",
    ]


def test_an_invalid_map_writes_nothing(folder: Path) -> None:
    (folder / "out.json").write_text("old", encoding="utf-8")
    status, out, err = run("convert", "invalid.yaml", "-o", "out.json")
    assert (status, out) == (1, "")
    assert "invalid.yaml:6:19: error: unknown-statement:" in err
    assert (folder / "out.json").read_text("utf-8") == "old"


def test_the_output_format_must_be_known(folder: Path) -> None:
    status, out, err = run("convert", "valid.yaml", "-o", "map.txt")
    assert (status, out) == (2, "")
    assert err == (
        "argmap convert: error: cannot tell the format from -o map.txt: use a name ending in "
        ".yaml, .json, .aif.json, .argdown, .mmd, .graphml or .md, or give --to\n"
    )
    assert not (folder / "map.txt").exists()
    assert run("convert", "valid.yaml", "-o", "-")[0] == 2


def test_convert_to_plain_argdown(folder: Path) -> None:
    """``--plain``: Argdown without argmap's data, the same text as ``dumps(plain=True)``."""
    source = str(ROOT / "docs" / "examples" / "first-map.yaml")
    assert run("convert", source, "-o", "plain.argdown", "--plain")[:2] == (
        0,
        "wrote plain.argdown\n",
    )
    written = (folder / "plain.argdown").read_text("utf-8")
    assert written == argmap.dumps(argmap.load(source), "argdown", plain=True)
    assert "argmap" not in written
    assert run("convert", source, "--to", "argdown", "--plain", "-o", "-")[1] == written


def test_plain_is_for_argdown_only(folder: Path) -> None:
    (folder / "out.yaml").write_text("old", encoding="utf-8")
    assert run("convert", "valid.yaml", "-o", "out.yaml", "--plain") == (
        2,
        "",
        "argmap convert: error: --plain writes Argdown without argmap's data; this writes "
        "yaml: give --to argdown (or -o a name ending in .argdown), or leave out --plain\n",
    )
    assert (folder / "out.yaml").read_text("utf-8") == "old"


def test_convert_usage_errors(folder: Path) -> None:
    assert run("convert", "missing.yaml", "-o", "x.yaml") == (
        2,
        "",
        "argmap convert: error: missing.yaml: no such file\n",
    )
    status, _, err = run("convert", "valid.yaml", "-o", "x.yaml", "--to", "svg")
    assert status == 2
    assert "invalid choice: 'svg'" in err


def test_an_unwritable_output_is_reported(folder: Path) -> None:
    (folder / "taken.yaml").mkdir()
    status, out, err = run("convert", "valid.yaml", "-o", "taken.yaml")
    assert (status, out) == (1, "")
    assert err == "taken.yaml: cannot write: Is a directory\n"


def test_json_that_is_no_map_is_named(folder: Path) -> None:
    (folder / "other.json").write_text('{"name": "a package"}\n', encoding="utf-8")
    err = refused("check", "other.json")
    assert err == (
        "other.json:1:1: error: unknown-format: this JSON is neither an argmap map (it has no "
        "'argmap' format version) nor AIF (no 'nodes' and 'edges', no 'AIF'); give the format "
        "with --from\n"
    )
    (folder / "broken.json").write_text('{"argmap": 1,\n  "title": }\n', encoding="utf-8")
    err = refused("check", "broken.json")
    assert err.startswith("broken.json:2:12: error: json-syntax: not valid JSON: ")


INFINITE = {
    "m.yaml": ("argmap: 1\ntitle: t\ndata: {v: .inf}\n", "m.yaml:3:11"),
    "m.json": ('{"argmap": 1, "title": "t", "data": {"v": 1e400}}', "m.json:1:43"),
}


@pytest.mark.parametrize("name", sorted(INFINITE))
@pytest.mark.parametrize("target", ["out.json", "out.aif.json"])
def test_a_number_json_cannot_write_is_an_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, target: str
) -> None:
    text, place = INFINITE[name]
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    status, out, err = run("convert", name, "-o", target)
    assert (status, out) == (1, "")
    assert err == (
        f"{place}: error: json-number: 'data' of the map holds inf at 'v', a number JSON "
        "cannot write; give it as text (in quotes) or leave it out\n"
    )
    assert not (tmp_path / target).exists()
