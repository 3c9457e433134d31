"""The examples in README.md and docs/ run, and print what they say they print.

```python blocks run in order, one namespace per file; ```console blocks hold
`$ argmap ...` commands followed by their exact output (stdout and stderr).
Both run in a temporary folder holding a copy of maps/ and docs/examples/.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest

from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.M | re.S)


def blocks(page: Path, language: str) -> list[str]:
    return [m.group(2) for m in FENCE.finditer(page.read_text("utf-8")) if m.group(1) == language]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    if (ROOT / "docs" / "examples").is_dir():
        shutil.copytree(ROOT / "docs" / "examples", tmp_path / "docs" / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_there_are_examples_to_run() -> None:
    """Guard against a fence pattern that silently matches nothing."""
    assert sum(len(blocks(p, "python")) for p in PAGES) >= 3
    assert sum(len(blocks(p, "console")) for p in PAGES) >= 3


@pytest.mark.needs_dot
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_python_examples_run(page: Path, workdir: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    for number, code in enumerate(blocks(page, "python"), 1):
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, f"{page.name}[python block {number}]", "exec"), namespace)


def commands(block: str) -> list[tuple[str, str]]:
    """(command, expected output) pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        elif pairs:
            pairs[-1][1].append(line.rstrip())
    return [(cmd, "\n".join(out).strip("\n")) for cmd, out in pairs]


@pytest.mark.needs_dot
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_console_examples_print_what_they_show(page: Path, workdir: Path) -> None:
    for block in blocks(page, "console"):
        for command, expected in commands(block):
            argv = shlex.split(command)
            assert argv[0] == "argmap", f"console examples run argmap only: {command}"
            output = io.StringIO()
            main(argv[1:], stdout=output, stderr=output)
            actual = "\n".join(line.rstrip() for line in output.getvalue().splitlines())
            assert actual.strip("\n") == expected, f"$ {command}"


def test_cli_md_lists_the_subcommands_the_parser_has() -> None:
    from argmap.cli._parser import make_parser

    parser = make_parser()
    [commands] = [a for a in parser._actions if a.choices and a.dest == "command"]
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    intro = text[: text.index("\n## ")]
    listed = re.findall(r"^- \[`argmap (\w+)`\]", intro, re.M)
    sections = re.findall(r"^## `argmap (\w+)`", text, re.M)
    assert commands.choices is not None
    assert listed == sections == list(commands.choices)
    count = re.search(r"It has\s+(\w+)\s+subcommands", intro)
    assert count is not None
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    assert count.group(1) == words[len(listed)]


def test_the_home_page_names_pages_as_the_navigation_does() -> None:
    entries = re.findall(
        r'^\s+- (?:"([^"]+)"|([^:"]+)): (\S+\.md)$',
        (ROOT / "mkdocs.yml").read_text("utf-8"),
        re.M,
    )
    nav = {file: quoted or plain for quoted, plain, file in entries}
    # A section's own page, listed first under it without a title, bears its name.
    for section, file in re.findall(
        r"^\s+- ([^:\n]+):\n\s+- (\S+\.md)$", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M
    ):
        nav[file] = section
    home = (ROOT / "docs" / "index.md").read_text("utf-8")
    table = re.findall(r"^\| \[([^\]]+)\]\(([^)]+\.md)\) \|", home, re.M)
    assert len(table) > 15
    assert [(title, nav.get(file)) for title, file in table] == [(t, t) for t, _ in table]
    in_formats = {file for file in nav if file.startswith("formats/")}
    unlisted = set(nav) - {file for _, file in table} - {"index.md", "readme.md"}
    assert unlisted <= in_formats  # the formats' own pages are reached from Formats


def test_getting_started_and_the_tutorial_mention_new_watch_and_html() -> None:
    for page in ("getting-started.md", "tutorial.md"):
        text = (ROOT / "docs" / page).read_text("utf-8")
        for command in ("argmap new", "argmap watch", "-f html"):
            assert command in text, (page, command)


def test_api_md_tables_name_every_field_and_format() -> None:
    text = (ROOT / "docs" / "api.md").read_text("utf-8")
    model = text.split("## The model")[1].split("\n## ")[0]
    for field in ("scheme", "roles", "answers", "status", "translations", "groups", "data"):
        assert re.search(rf"`\*?{field}`", model), field
    rendering = text.split("## Rendering")[1].split("\n## ")[0]
    assert "`.html`" in rendering
