"""The command line, through main(argv): output, exit status, files written."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from helpers import INVALID, VALID, run, work_in

from argmap import __version__

ROOT = Path(__file__).resolve().parent.parent

WARNS = VALID.replace("  b: B.\n", "  b: B.\n  lonely: Unused.\n")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return work_in(
        tmp_path,
        monkeypatch,
        {"valid.yaml": VALID, "invalid.yaml": INVALID, "warns.yaml": WARNS},
    )


def test_version() -> None:
    assert run("--version") == (0, f"argmap {__version__}\n", "")


def test_the_program_exits_with_the_status_main_returns(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``argmap`` and ``python -m argmap`` run ``cli.run``: main with the collector run less
    often, then an exit without its last pass over everything (it is frozen)."""
    from argmap import cli

    monkeypatch.setattr(sys, "argv", ["argmap", "check", "invalid.yaml"])
    threshold = gc.get_threshold()
    try:
        with pytest.raises(SystemExit) as exited:
            cli.run()
        frozen, youngest = gc.get_freeze_count(), gc.get_threshold()[0]
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
    out = capsys.readouterr().out
    assert (exited.value.code, frozen > 0, youngest) == (1, True, 20_000)
    assert out.startswith("invalid.yaml:")
    (script,) = entry_points(group="console_scripts", name="argmap")
    assert script.value == "argmap.cli:run"
    module = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "invalid.yaml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (module.returncode, module.stdout) == (1, out)


@pytest.mark.parametrize("columns", [None, "50", "132", "0", "-3", "wide"])
def test_help_is_as_wide_as_argparse_would_make_it(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal is measured without shutil, and the help is the same."""
    import argparse
    import shutil

    from argmap.cli._parser import make_parser, terminal_columns

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
    parser = make_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for command in (parser, commands.choices["check"], commands.choices["render"]):
        ours = command.format_help()
        command.formatter_class = argparse.RawDescriptionHelpFormatter
        assert ours == command.format_help()


@pytest.mark.parametrize("name", ["check", "render", "explain", "watch", "", "rendr"])
def test_the_parser_of_one_command_reads_and_helps_as_the_whole_parser(name: str) -> None:
    """Only the command given is declared with its options; the others by name and help."""
    import argparse

    from argmap.cli._parser import HELP, command_of, make_parser

    def helps(parser: argparse.ArgumentParser) -> list[str]:
        (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        assert list(commands.choices) == list(HELP)
        chosen = commands.choices.get(name)
        return [parser.format_help(), chosen.format_help() if chosen else ""]

    assert command_of(["--version", name, "-x", "check"]) == name
    assert helps(make_parser(name)) == helps(make_parser())
    argv = [name, "map.yaml", "--strict"] if name == "check" else [name, "map.yaml"]
    if name in HELP and name not in ("explain", "watch"):
        assert make_parser(name).parse_args(argv) == make_parser().parse_args(argv)


def test_help_shows_examples() -> None:
    status, out, _ = run("--help")
    assert status == 0
    assert "argmap render maps/ -o build/maps" in out


def test_no_command_is_bad_usage() -> None:
    status, out, _ = run()
    assert status == 2
    assert out.startswith("usage: argmap")


def test_check_a_valid_map(folder: Path) -> None:
    assert run("check", "valid.yaml") == (0, "valid.yaml: 0 errors, 0 warnings\n", "")


def test_check_an_invalid_map_prints_the_issue_and_exits_1(folder: Path) -> None:
    assert run("check", "invalid.yaml") == (
        1,
        "invalid.yaml: 1 error, 0 warnings\n",
        "invalid.yaml:6:19: error: unknown-statement: argument 'a2' lists premise 's9', "
        "which is not a defined statement; define it under 'statements' or fix the id "
        "(did you mean 's8'?)\n",
    )


def test_warnings_fail_only_with_strict(folder: Path) -> None:
    status, out, err = run("check", "warns.yaml")
    assert (status, out) == (0, "warns.yaml: 0 errors, 1 warning\n")
    assert err == (
        "warns.yaml:6:3: warning: unconnected-statement: statement 'lonely' is neither a "
        "premise nor the target of any argument; connect it with an argument or remove it\n"
    )
    assert run("check", "--strict", "warns.yaml")[0] == 1


def test_check_a_folder_checks_every_map_in_it(folder: Path) -> None:
    status, out, _ = run("check", ".")
    assert status == 1
    assert out.splitlines() == [
        "invalid.yaml: 1 error, 0 warnings",
        "valid.yaml: 0 errors, 0 warnings",
        "warns.yaml: 0 errors, 1 warning",
    ]


def test_a_missing_path_is_bad_usage(folder: Path) -> None:
    assert run("check", "nope.yaml") == (
        2,
        "",
        "argmap check: error: nope.yaml: no such file or folder\n",
    )


def test_an_unknown_option_is_bad_usage(folder: Path) -> None:
    status, _, err = run("render", "--colour", "valid.yaml")
    assert status == 2
    assert "unrecognized arguments: --colour" in err


def test_a_file_that_is_not_utf8_exits_1_without_traceback(folder: Path) -> None:
    Path("latin1.yaml").write_bytes(b"argmap: 1\ntitle: \xfc\n")
    assert run("check", "latin1.yaml") == (
        1,
        "",
        "latin1.yaml:2:8: error: not-utf8: map file is not valid UTF-8 (byte 0xfc); "
        "save it as UTF-8\n",
    )


def test_render_dot_needs_no_graphviz(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(folder))
    assert run("render", "-f", "dot", "valid.yaml") == (0, "wrote valid.dot\n", "")
    assert Path("valid.dot").read_text("utf-8").startswith("digraph")


def test_render_to_stdout(folder: Path) -> None:
    status, out, _ = run("render", "-f", "dot", "-o", "-", "valid.yaml")
    assert status == 0
    assert out.startswith("digraph")


@pytest.mark.needs_dot
def test_render_writes_svg_beside_the_map_by_default(folder: Path) -> None:
    assert run("render", "valid.yaml") == (0, "wrote valid.svg\n", "")
    assert "<svg" in Path("valid.svg").read_text("utf-8")


@pytest.mark.needs_dot
def test_render_format_follows_the_output_suffix(folder: Path) -> None:
    assert run("render", "valid.yaml", "-o", "out.png") == (0, "wrote out.png\n", "")
    assert Path("out.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.needs_dot
def test_render_a_folder_into_an_output_folder_it_creates(folder: Path) -> None:
    (folder / "invalid.yaml").unlink()
    (folder / "warns.yaml").unlink()
    (folder / "second.yaml").write_text(VALID, encoding="utf-8")
    status, out, _ = run("render", ".", "-o", "build/maps")
    assert status == 0
    assert out.splitlines() == [
        f"wrote {Path('build/maps/second.svg')}",
        f"wrote {Path('build/maps/valid.svg')}",
    ]


@pytest.mark.needs_dot
def test_a_failed_render_leaves_the_existing_output_intact(folder: Path) -> None:
    Path("invalid.svg").write_text("previous", encoding="utf-8")
    status, out, err = run("render", "invalid.yaml")
    assert (status, out) == (1, "")
    assert "unknown-statement" in err
    assert Path("invalid.svg").read_text("utf-8") == "previous"


def test_render_into_a_missing_folder_is_a_clear_error(folder: Path) -> None:
    status, _, err = run("render", "-f", "dot", "valid.yaml", "-o", "no/such/out.dot")
    assert status == 1
    assert err == ("no/such/out.dot: output folder 'no/such' does not exist; create it first\n")


def test_binary_formats_cannot_go_to_stdout(folder: Path) -> None:
    assert run("render", "-f", "png", "-o", "-", "valid.yaml") == (
        2,
        "",
        "argmap render: error: -o - writes text; PNG is binary: give an output file\n",
    )


def test_width_below_ten_is_bad_usage(folder: Path) -> None:
    assert run("render", "--width", "3", "valid.yaml")[0] == 2


def test_python_dash_m_argmap_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "--version"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert (result.returncode, result.stdout) == (0, f"argmap {__version__}\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["valid.yaml", "warns.yaml", "-o", "many.svg"],
            "-o many.svg names one file, but several maps are rendered; give a folder",
        ),
        (
            ["valid.yaml", "-o", "out.txt"],
            "cannot tell the format from -o out.txt: use a name ending in .svg, .png, .pdf, "
            ".dot or .html, or give -f",
        ),
        (
            ["valid.yaml", "-f", "png", "-o", "out.svg"],
            "-f png does not match -o out.svg; use one format",
        ),
        (
            ["valid.yaml", "warns.yaml", "-o", "-"],
            "-o - writes one map to standard output; give one map",
        ),
    ],
)
def test_ambiguous_output_options_are_bad_usage(
    folder: Path, argv: list[str], message: str
) -> None:
    assert run("render", *argv) == (2, "", f"argmap render: error: {message}\n")
    assert not Path("many.svg").exists()


def test_an_output_without_suffix_is_a_folder_that_gets_created(folder: Path) -> None:
    assert run("render", "-f", "dot", "valid.yaml", "-o", "build") == (
        0,
        f"wrote {Path('build/valid.dot')}\n",
        "",
    )


def test_an_explicit_format_may_write_any_file_name(folder: Path) -> None:
    assert run("render", "-f", "dot", "valid.yaml", "-o", "graph.gv") == (0, "wrote graph.gv\n", "")
    assert Path("graph.gv").read_text("utf-8").startswith("digraph")


def test_check_reads_sources_outside_the_folder_only_when_allowed(folder: Path) -> None:
    Path("maps").mkdir()
    Path("text.txt").write_text("Ein Zitat steht hier.", encoding="utf-8")
    Path("maps/m.yaml").write_text(
        "argmap: 1\ntitle: t\nsources:\n  s: {title: S, file: ../text.txt}\n"
        "statements:\n  a: {text: A, quote: {source: s, text: Ein Zitat}}\n  b: B\n"
        "arguments:\n  x: {premises: [a], supports: b}\n",
        encoding="utf-8",
    )
    status, _, err = run("check", "maps/m.yaml")
    assert (status, err.split(": ")[2]) == (1, "source-outside")
    assert run("check", "--allow-outside", "maps/m.yaml")[0] == 0


def test_render_in_another_language_of_the_map(folder: Path) -> None:
    Path("two.yaml").write_text(
        "argmap: 1\ntitle: {en: Two, de: Zwei}\nlang: [en, de]\n"
        "statements:\n  a: {text: {en: A., de: Ä.}}\n  b: B.\n"
        "arguments:\n  x: {premises: [a], supports: b}\n",
        encoding="utf-8",
    )
    status, out, _ = run("render", "two.yaml", "--lang", "de", "-f", "dot", "-o", "-")
    assert status == 0
    assert "Ä." in out and "[en] not translated" in out
    assert run("render", "two.yaml", "--lang", "fr", "-f", "dot", "-o", "-") == (
        1,
        "",
        "two.yaml: error: no-such-lang: the map has no text in 'fr' (its languages: en, de); "
        "give one of them to --lang\n",
    )


def test_a_read_only_output_folder_is_a_clear_error_and_nothing_changes(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap import _fileio

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    Path("valid.dot").write_text("previous", encoding="utf-8")
    # The temporary file beside the output cannot be made; as root, chmod alone would not refuse.
    monkeypatch.setattr(_fileio, "_temporary", refuse)
    assert run("render", "-f", "dot", "valid.yaml") == (
        1,
        "",
        "valid.dot: cannot write here: Permission denied\n",
    )
    assert Path("valid.dot").read_text("utf-8") == "previous"
