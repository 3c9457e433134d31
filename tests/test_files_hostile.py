"""Hostile files: what a map names (includes, source texts) and what a file holds, refused clearly.

Each case was once a traceback, a hang or a silent acceptance; now it is an
issue with a code and a place, exit status 1, and the other maps of a batch
still checked.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import refused, run, work_in

import argmap
from argmap import MapError, SourceFileError

GOOD = "argmap: 1\ntitle: Good\n"
QUOTED = """\
argmap: 1
title: Quoted
sources:
  s: {{title: S, file: {file}}}
statements:
  a:
    text: A.
    quote: {{source: s, text: hello}}
  b: B.
arguments:
  x: {{premises: [a], implicit: true, supports: b}}
"""


# -- .json files are JSON, read by the safe reader only ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"argmap": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "bad.json:1:83: error: too-deep: values are nested more than 64 levels deep; "
            "a map needs about six",
        ),
        (
            '{"argmap": 1, "title": "t", "data": {"v": ' + "1" * 5000 + "}}",
            "bad.json:1:43: error: json-syntax: not valid JSON: this number is too long to read",
        ),
        (
            "argmap: 1\ntitle: YAML in a JSON file\n",
            "bad.json:1:1: error: json-syntax: not valid JSON: expected a value, found 'argmap: 1'",
        ),
        (
            '// a comment\n{"argmap": 1, "title": "t"}\n',
            "bad.json:1:1: error: json-syntax: not valid JSON: expected a value, "
            "found '// a comment'",
        ),
    ],
    ids=["deep", "long-number", "yaml", "comment"],
)
def test_a_bad_json_file_is_an_error_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    work_in(tmp_path, monkeypatch, {"bad.json": text, "good.yaml": GOOD})
    status, out, err = run("check", "bad.json", "good.yaml")
    assert status == 1
    assert err == expected + "\n"
    assert out == "bad.json: 1 error, 0 warnings\ngood.yaml: 0 errors, 0 warnings\n"


def test_json_text_without_a_json_name_is_still_told_apart_from_yaml() -> None:
    deep = "{" + '"a": [' * 100 + "]" * 100 + "}"
    with pytest.raises(MapError) as caught:
        argmap.loads(deep)
    assert [i.code for i in caught.value.issues] == ["too-deep"]


# -- a NUL character in a name ---------------------------------------


def test_an_include_with_a_nul_character_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work_in(tmp_path, monkeypatch, {"m.yaml": GOOD + 'include: ["a\\0.yaml"]\n'})
    err = refused("check", "m.yaml")
    assert err == (
        "m.yaml:3:11: error: bad-file-name: include 'a\\x00.yaml' holds a NUL character; "
        "remove it\n"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("m.yaml", QUOTED.format(file='"src\\0.txt"')),
        (
            "m.json",
            '{"argmap": 1, "title": "t", '
            '"sources": {"s": {"title": "S", "file": "src\\u0000.txt"}}, '
            '"statements": {"a": {"text": "A.", "quote": {"source": "s", "text": "hello"}}}}',
        ),
    ],
)
def test_a_source_file_with_a_nul_character_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    work_in(tmp_path, monkeypatch, {name: text})
    err = refused("check", name)
    assert (
        "error: bad-file-name: source 's' names 'src\\x00.txt', which holds a NUL character, "
        "so its quotes cannot be verified; remove it\n"
    ) in err
    assert run("render", name, "-f", "dot", "-o", "m.dot")[0] == 0


def test_a_source_with_a_nul_character_in_an_included_map_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sub").mkdir()
    work_in(
        tmp_path,
        monkeypatch,
        {
            "m.yaml": GOOD + "include: [sub/part.yaml]\n",
            "sub/part.yaml": QUOTED.format(file='"src\\0.txt"'),
        },
    )
    assert run("render", "m.yaml", "-f", "dot", "-o", "m.dot")[:2] == (0, "wrote m.dot\n")
    err = refused("check", "m.yaml")
    assert err.startswith("sub/part.yaml:4:23: error: bad-file-name: source 's' names")


def test_read_text_refuses_a_name_with_a_nul_character() -> None:
    with pytest.raises(SourceFileError) as caught:
        argmap.load("m\0.yaml")
    assert caught.value.issue.code == "bad-file-name"


# -- only regular files are read --------------------------------------


def fifo(path: Path) -> None:
    os.mkfifo(path)


def link_loop(path: Path) -> None:
    os.symlink(path.name, path)


@pytest.mark.parametrize(
    ("make", "inc", "src"),
    [
        (
            fifo,
            "not-a-file: cannot include 'odd': this is a device, a pipe or a socket, expected an "
            "included map file; only regular files are read",
            "odd: this is a device, a pipe or a socket, expected a source file; only regular "
            "files are read",
        ),
        (
            link_loop,
            "unreadable-file: cannot include 'odd': cannot read included map file: Too many "
            "levels of symbolic links",
            "odd: cannot read source file: Too many levels of symbolic links",
        ),
    ],
    ids=["fifo", "link-loop"],
)
def test_a_fifo_or_a_link_loop_named_as_include_or_source_is_refused_at_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], None],
    inc: str,
    src: str,
) -> None:
    """A named pipe (a tar archive can carry one) would block the reader until killed."""
    work_in(
        tmp_path,
        monkeypatch,
        {"inc.yaml": GOOD + "include: [odd]\n", "src.yaml": QUOTED.format(file="odd")},
    )
    make(tmp_path / "odd")
    err = refused("check", "inc.yaml", "src.yaml")
    assert err.splitlines() == [
        f"inc.yaml:3:11: error: {inc}",
        f"src.yaml:4:23: error: source-file-missing: cannot verify quotes of source 's': {src}",
    ]


def test_a_fifo_named_as_the_map_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    assert refused("check", "pipe") == (
        "pipe: error: not-a-file: this is a device, a pipe or a socket, expected a map file; "
        "only regular files are read\n"
    )


# -- sizes checked before reading -------------------------------------


def test_a_huge_sparse_source_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work_in(tmp_path, monkeypatch, {"m.yaml": QUOTED.format(file="big.txt")})
    with open(tmp_path / "big.txt", "wb") as handle:
        handle.truncate(2_000_000_000)  # sparse: no disk space, no memory
    err = refused("check", "m.yaml")
    assert err == (
        "m.yaml:4:23: error: source-file-missing: cannot verify quotes of source 's': big.txt: "
        "the source file has 2,000,000,000 bytes, more than the 100,000,000 allowed; set the "
        "environment variable ARGMAP_MAX_SOURCE_BYTES to a larger number to allow more\n"
    )


def test_map_and_include_sizes_have_a_limit_that_can_be_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work_in(
        tmp_path,
        monkeypatch,
        {"m.yaml": GOOD + "include: [part.yaml]\n", "part.yaml": GOOD + "# " + "x" * 200 + "\n"},
    )
    monkeypatch.setenv("ARGMAP_MAX_MAP_BYTES", "100")
    err = refused("check", "m.yaml")
    assert err == (
        "m.yaml:3:11: error: file-too-large: cannot include 'part.yaml': the included map "
        "file has 225 bytes, more than the 100 allowed; set the environment variable "
        "ARGMAP_MAX_MAP_BYTES to a larger number to allow more\n"
    )
    monkeypatch.setenv("ARGMAP_MAX_MAP_BYTES", "30")
    with pytest.raises(SourceFileError) as caught:
        argmap.load("m.yaml")
    assert str(caught.value) == (
        "m.yaml: error: file-too-large: the map file has 43 bytes, more than the 30 allowed; "
        "set the environment variable ARGMAP_MAX_MAP_BYTES to a larger number to allow more"
    )
    monkeypatch.setenv("ARGMAP_MAX_MAP_BYTES", "1000")
    assert run("check", "m.yaml")[0] == 0


# -- a long chain of includes -----------------------------------------


def chain(folder: Path, length: int) -> None:
    """``c0.yaml`` includes ``c1.yaml``, which includes ``c2.yaml``, ... up to ``length`` files."""
    for i in range(length):
        more = f"include: [c{i + 1}.yaml]\n" if i + 1 < length else ""
        text = f"argmap: 1\ntitle: C{i}\n{more}statements:\n  s{i}: S{i}.\n"
        (folder / f"c{i}.yaml").write_text(text, encoding="utf-8")


def test_a_chain_of_includes_deeper_than_the_limit_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain(tmp_path, 500)
    with pytest.raises(MapError) as caught:
        argmap.load(tmp_path / "c0.yaml")
    [issue] = caught.value.issues
    assert (issue.code, Path(issue.file or "").name, issue.line) == (
        "include-too-deep",
        "c100.yaml",
        3,
    )
    assert issue.message == (
        "include 'c101.yaml' goes 101 levels of include deep, more than the 100 allowed; "
        "include the files from fewer levels, or set the environment variable "
        "ARGMAP_MAX_INCLUDE_DEPTH to a larger number to allow more"
    )
    monkeypatch.setenv("ARGMAP_MAX_INCLUDE_DEPTH", "1000")
    assert len(argmap.load(tmp_path / "c0.yaml").statements) == 500  # no RecursionError


# -- outputs that are devices, pipes or links; permissions kept -------


def test_an_output_linked_to_a_device_is_written_to_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work_in(tmp_path, monkeypatch, {"m.yaml": GOOD})
    os.symlink(os.devnull, tmp_path / "null.dot")
    assert run("render", "m.yaml", "-o", "null.dot")[:2] == (0, "wrote null.dot\n")
    assert os.readlink(tmp_path / "null.dot") == os.devnull
    assert Path(os.devnull).is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml", "null.dot"]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_an_output_linked_into_proc_writes_to_the_open_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-o /dev/stdout`` is such a link: what it names is open in a process, not replaced."""
    work_in(tmp_path, monkeypatch, {"m.yaml": GOOD})
    read_end, write_end = os.pipe()
    try:
        os.symlink(f"/proc/self/fd/{write_end}", tmp_path / "out.json")
        assert run("convert", "m.yaml", "-o", "out.json")[0] == 0
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            assert pipe.read() == b'{\n  "argmap": 1,\n  "title": "Good"\n}\n'
    finally:
        with contextlib.suppress(OSError):
            os.close(write_end)
    assert (tmp_path / "out.json").is_symlink()


def test_an_output_that_is_a_link_to_a_file_stays_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work_in(tmp_path, monkeypatch, {"m.yaml": GOOD, "real.json": "old"})
    os.symlink("real.json", tmp_path / "link.json")
    assert run("convert", "m.yaml", "-o", "link.json")[0] == 0
    assert os.readlink(tmp_path / "link.json") == "real.json"
    assert (tmp_path / "real.json").read_text("utf-8").startswith("{")


def test_rewriting_an_output_keeps_its_permissions_and_new_ones_follow_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work_in(tmp_path, monkeypatch, {"m.yaml": GOOD})
    old = os.umask(0o077)
    try:
        assert run("render", "m.yaml", "-o", "private.dot")[0] == 0
        assert stat.S_IMODE(os.stat("private.dot").st_mode) == 0o600
        assert run("render", "m.yaml", "-o", "private.dot")[0] == 0
        assert stat.S_IMODE(os.stat("private.dot").st_mode) == 0o600
        os.umask(0o022)
        Path("shared.dot").write_text("old", encoding="utf-8")
        os.chmod("shared.dot", 0o444)
        assert run("render", "m.yaml", "-o", "shared.dot")[0] == 0
        assert stat.S_IMODE(os.stat("shared.dot").st_mode) == 0o444
        assert run("render", "m.yaml", "-o", "new.dot")[0] == 0
        assert stat.S_IMODE(os.stat("new.dot").st_mode) == 0o644
    finally:
        os.umask(old)


# -- a file name with a newline keeps messages on one line ----------------


def test_control_characters_in_a_file_name_are_escaped_in_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = (
        "argmap: 1\ntitle: t\nstatements:\n  a: A.\narguments:\n  x: {premises: [b], supports: a}\n"
    )
    work_in(tmp_path, monkeypatch, {"bad\nname.yaml": broken, "ok\tname.yaml": GOOD})
    status, out, err = run("check", ".")
    assert status == 1
    assert err == (
        "bad\\nname.yaml:6:18: error: unknown-statement: argument 'x' lists premise 'b', which "
        "is not a defined statement; define it under 'statements' or fix the id\n"
    )
    assert out == "bad\\nname.yaml: 1 error, 0 warnings\nok\\tname.yaml: 0 errors, 0 warnings\n"
    status, out, _ = run("render", "ok\tname.yaml", "-f", "dot", "-o", "out\u2028put.dot")
    assert (status, out) == (0, "wrote out\\u2028put.dot\n")
