"""`argmap watch`: draw, and again on every save; errors printed, the last good output kept."""

from __future__ import annotations

import io
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest
from helpers import Terminal, run

from argmap.cli._watch import Watcher, stamps
from argmap.view import ViewOptions

MAP = """\
argmap: 1
title: Watched
statements:
  a: {text}
  b: B.
arguments:
  x: {{premises: [{premise}], supports: b}}
"""
UNKNOWN = (
    "map.yaml:7:18: error: unknown-statement: argument 'x' lists premise 'a9', which is not "
    "a defined statement; define it under 'statements' or fix the id (did you mean 'a'?)"
)
WATCHING = "watching map.yaml; press Ctrl-C to stop"
KEPT = "map.dot: left as it was; fix the problems above"
OPTIONS = ViewOptions(width=40, rankdir="BT", legend=False, lang=None)


def write_map(text: str = "First.", premise: str = "a", name: str = "map.yaml") -> None:
    Path(name).write_text(MAP.format(text=text, premise=premise), encoding="utf-8")


class Script:
    """Stands in for ``time.sleep``: before each poll, the next step edits the files.

    Steps are plain functions, so they may also assert what the poll before
    them left behind.
    """

    def __init__(self, *steps: Callable[[], None]) -> None:
        self.steps = list(steps)

    def __call__(self, seconds: float) -> None:
        assert seconds == 0.25
        if self.steps:
            self.steps.pop(0)()


def watch(*steps: Callable[[], None], path: str = "map.yaml") -> tuple[int, str, str]:
    """Run a watcher for as many polls as there are steps; (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    watcher = Watcher(
        Path(path),
        Path(path).with_suffix(".dot"),
        format="dot",
        options=OPTIONS,
        source_format=None,
        out=out,
        err=err,
    )
    status = watcher.run(interval=0.25, cycles=len(steps), sleep=Script(*steps))
    return status, out.getvalue(), err.getvalue()


def drawn() -> str:
    return Path("map.dot").read_text("utf-8")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_map()
    return tmp_path


def nothing() -> None:
    pass


def test_edit_break_and_fix_a_map_while_it_is_watched(folder: Path) -> None:
    kept: list[bytes] = []

    def edit() -> None:
        assert "First." in drawn()
        write_map("Second, and longer.")

    def break_it() -> None:
        assert "Second, and longer." in drawn()
        kept.append(Path("map.dot").read_bytes())
        write_map("Second, and longer.", premise="a9")

    def fix() -> None:
        assert Path("map.dot").read_bytes() == kept[0]  # the last good drawing, untouched
        write_map("Third.")

    status, out, err = watch(nothing, edit, break_it, fix, nothing)
    assert status == 0
    assert out.splitlines() == [
        WATCHING,
        "wrote map.dot",  # the first drawing
        "wrote map.dot",  # after the edit; the polls without a change drew nothing
        KEPT,
        "wrote map.dot",
    ]
    assert err.splitlines() == [UNKNOWN]
    assert "Third." in drawn()
    assert sorted(p.name for p in folder.iterdir()) == ["map.dot", "map.yaml"]


def test_a_map_broken_from_the_start_is_drawn_once_fixed(folder: Path) -> None:
    write_map(premise="a9")
    status, out, err = watch(write_map)
    assert (status, out.splitlines(), err.splitlines()) == (
        0,
        [WATCHING, KEPT, "wrote map.dot"],
        [UNKNOWN],
    )


def test_the_status_is_1_when_the_last_drawing_failed(folder: Path) -> None:
    status, out, _ = watch(lambda: write_map(premise="a9"))
    assert status == 1
    assert out.splitlines()[-1] == KEPT


def test_changes_to_an_included_file_redraw_the_map(folder: Path) -> None:
    Path("common.yaml").write_text(
        "argmap: 1\ntitle: Common\nstatements:\n  c: Common ground.\n", encoding="utf-8"
    )
    Path("map.yaml").write_text(
        MAP.format(text="First.", premise="c").replace("title:", "include: common.yaml\ntitle:"),
        encoding="utf-8",
    )

    def edit_included() -> None:
        Path("common.yaml").write_text(
            "argmap: 1\ntitle: Common\nstatements:\n  c: Common ground, edited.\n",
            encoding="utf-8",
        )

    def break_included() -> None:
        assert "Common ground, edited." in drawn()
        Path("common.yaml").write_text("argmap: 1\ntitle: Common\nstatements: [\n")

    status, out, err = watch(edit_included, break_included, edit_included)
    assert status == 0
    assert out.splitlines() == [WATCHING, "wrote map.dot", "wrote map.dot", KEPT, "wrote map.dot"]
    problems = err.splitlines()
    assert problems[0].startswith("map.yaml:8:18: error: unknown-statement: ")  # 'c' is lost
    assert problems[1].startswith("common.yaml:4:1: error: yaml-syntax: ")
    assert len(problems) == 2


def test_a_file_included_later_is_watched_too(folder: Path) -> None:
    def include_extra() -> None:
        Path("extra.yaml").write_text(
            "argmap: 1\ntitle: Extra\nstatements:\n  e: Extra.\n", encoding="utf-8"
        )
        text = Path("map.yaml").read_text("utf-8")
        Path("map.yaml").write_text(text.replace("title:", "include: extra.yaml\ntitle:"))

    def edit_extra() -> None:
        assert "Extra." in drawn()
        Path("extra.yaml").write_text(
            "argmap: 1\ntitle: Extra\nstatements:\n  e: Extra, edited.\n", encoding="utf-8"
        )

    _, out, _ = watch(include_extra, edit_extra, nothing)
    assert out.splitlines() == [WATCHING, "wrote map.dot", "wrote map.dot", "wrote map.dot"]
    assert "Extra, edited." in drawn()


def test_a_broken_file_first_named_by_a_failed_reading_is_watched(folder: Path) -> None:
    def include_broken() -> None:
        Path("extra.yaml").write_text("argmap: 1\ntitle: [\n", encoding="utf-8")
        text = Path("map.yaml").read_text("utf-8")
        Path("map.yaml").write_text(text.replace("title:", "include: extra.yaml\ntitle:"))

    def fix_extra() -> None:
        Path("extra.yaml").write_text("argmap: 1\ntitle: Extra\n", encoding="utf-8")

    status, out, err = watch(include_broken, fix_extra)
    assert status == 0
    assert out.splitlines() == [WATCHING, "wrote map.dot", KEPT, "wrote map.dot"]
    assert err.startswith("extra.yaml:")


def test_a_deleted_map_is_reported_and_drawn_again_when_it_is_back(folder: Path) -> None:
    status, out, err = watch(lambda: Path("map.yaml").unlink(), lambda: write_map("Back."))
    assert status == 0
    assert out.splitlines() == [WATCHING, "wrote map.dot", KEPT, "wrote map.dot"]
    assert err == "map.yaml: error: file-not-found: map file not found; check the path\n"
    assert "Back." in drawn()


def test_a_save_by_rename_is_seen_even_with_the_same_size_and_time(folder: Path) -> None:
    def save_by_rename() -> None:
        before = os.stat("map.yaml")
        Path("map.yaml.new").write_text(MAP.format(text="Frist.", premise="a"))
        os.replace("map.yaml.new", "map.yaml")  # as many editors save
        os.utime("map.yaml", ns=(before.st_atime_ns, before.st_mtime_ns))
        assert os.stat("map.yaml").st_size == before.st_size

    _, out, _ = watch(save_by_rename)
    assert out.splitlines() == [WATCHING, "wrote map.dot", "wrote map.dot"]
    assert "Frist." in drawn()


def test_ctrl_c_stops_with_status_0_and_a_short_message(folder: Path) -> None:
    def interrupt() -> None:
        raise KeyboardInterrupt

    status, out, err = watch(interrupt, nothing)
    assert (status, err) == (0, "")
    assert out.splitlines() == [WATCHING, "wrote map.dot", "stopped watching map.yaml"]


def test_on_a_terminal_the_message_after_ctrl_c_starts_a_fresh_line(folder: Path) -> None:
    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    out = Terminal()
    watcher = Watcher(
        Path("map.yaml"),
        Path("map.dot"),
        format="dot",
        options=OPTIONS,
        source_format=None,
        out=out,
        err=io.StringIO(),
    )
    assert watcher.run(sleep=interrupt) == 0
    assert out.getvalue().endswith("wrote map.dot\n\nstopped watching map.yaml\n")


def test_stamps_of_present_and_missing_files(folder: Path) -> None:
    found = stamps([Path("map.yaml"), Path("gone.yaml")])
    status = os.stat("map.yaml")
    assert found == {
        Path("map.yaml"): (status.st_size, status.st_mtime_ns, status.st_ino),
        Path("gone.yaml"): None,
    }


# -- through the command line --------------------------------------------------------


def test_cycles_0_draws_once(folder: Path) -> None:
    assert run("watch", "map.yaml", "-f", "dot", "--cycles", "0") == (
        0,
        f"{WATCHING}\nwrote map.dot\n",
        "",
    )


def test_output_into_a_folder_with_render_options(folder: Path) -> None:
    status, out, err = run(
        "watch", "map.yaml", "-o", "build/", "-f", "dot", "--legend", "--rankdir", "LR",
        "--width", "12", "--cycles", "1", "--interval", "0.01",
    )  # fmt: skip
    assert (status, out, err) == (0, f"{WATCHING}\nwrote build/map.dot\n", "")
    dot = Path("build/map.dot").read_text("utf-8")
    assert "rankdir=LR" in dot
    assert "cluster_legend" in dot


def test_a_language_the_map_lacks_is_an_error_and_draws_nothing(folder: Path) -> None:
    assert run("watch", "map.yaml", "-o", "m.dot", "--lang", "fr", "--cycles", "0") == (
        1,
        f"{WATCHING}\nm.dot: left as it was; fix the problems above\n",
        "map.yaml: error: no-such-lang: the map has no text in 'fr' (its languages: none "
        "declared); give one of them to --lang\n",
    )
    assert not Path("m.dot").exists()


def test_without_graphviz_the_watch_says_how_to_install_it_and_goes_on(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "empty-path").mkdir()
    monkeypatch.setenv("PATH", str(folder / "empty-path"))
    status, out, err = run("watch", "map.yaml", "--cycles", "1", "--interval", "0.01")
    assert status == 1
    assert out.splitlines() == [WATCHING, "map.svg: left as it was; fix the problems above"]
    assert err.startswith("rendering SVG needs Graphviz's `dot` on PATH; install it with ")
    assert not (folder / "map.svg").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nope.yaml"], "nope.yaml: no such file"),
        (["."], ".: a folder; give one map file"),
        (["map.yaml", "-o", "-"], "-o -: watch writes a file again and again; give a file or a folder"),  # noqa: E501
        (["map.yaml", "--interval", "0"], "--interval must be more than 0 seconds and at most 86,400 (a day) (got 0.0)"),  # noqa: E501
        (["map.yaml", "--interval", "inf"], "--interval must be more than 0 seconds and at most 86,400 (a day) (got inf)"),  # noqa: E501
        (["map.yaml", "--interval", "1e300"], "--interval must be more than 0 seconds and at most 86,400 (a day) (got 1e+300)"),  # noqa: E501
        (["map.yaml", "--interval", "nan"], "--interval must be more than 0 seconds and at most 86,400 (a day) (got nan)"),  # noqa: E501
        (["map.yaml", "--cycles", "-1"], "--cycles must be 0 or more (got -1)"),
        (["map.yaml", "--width", "5"], "--width must be at least 10 (got 5)"),
        (["map.yaml", "-f", "dot", "-o", "map.yaml"], "-o map.yaml: the output would replace the map; give another file"),  # noqa: E501
    ],
)  # fmt: skip
def test_bad_usage(folder: Path, argv: list[str], message: str) -> None:
    assert run("watch", *argv) == (2, "", f"argmap watch: error: {message}\n")


@pytest.mark.needs_dot
def test_watch_draws_svg_by_default_and_png_on_request(folder: Path) -> None:
    assert run("watch", "map.yaml", "--cycles", "0")[:2] == (0, f"{WATCHING}\nwrote map.svg\n")
    assert Path("map.svg").read_text("utf-8").startswith("<?xml")
    assert run("watch", "map.yaml", "-f", "png", "--cycles", "0")[:2] == (
        0,
        f"{WATCHING}\nwrote map.png\n",
    )
    assert Path("map.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


# -- a real process, stopped with Ctrl-C ----------------------------------------------


def lines_of(stream: IO[str]) -> queue.Queue[str]:
    found: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:
            found.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    return found


def expect(lines: queue.Queue[str], wanted: str) -> None:
    try:
        line = lines.get(timeout=20)
    except queue.Empty:
        pytest.fail(f"no line {wanted!r} within 20 s")
    assert line == wanted


def test_a_watching_process_redraws_and_stops_cleanly_on_sigint(folder: Path) -> None:
    command = [sys.executable, "-m", "argmap", "watch", "map.yaml", "-f", "dot"]
    process = subprocess.Popen(
        [*command, "--interval", "0.05"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        out, err = lines_of(process.stdout), lines_of(process.stderr)
        expect(out, WATCHING)
        expect(out, "wrote map.dot")
        write_map("Edited in the editor.")
        expect(out, "wrote map.dot")
        assert "Edited in the editor." in drawn()
        good = Path("map.dot").read_bytes()
        write_map("Broken.", premise="a9")
        expect(err, UNKNOWN)
        expect(out, KEPT)
        assert Path("map.dot").read_bytes() == good
        write_map("Fixed.")
        expect(out, "wrote map.dot")
        assert "Fixed." in drawn()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        expect(out, "stopped watching map.yaml")
        rest = process.stderr.read() if err.empty() else ""
        assert "Traceback" not in rest
        assert err.empty()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
