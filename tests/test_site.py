"""The documentation site builds without a warning, and shows what the pages promise.

Also: blocks that name a file show that file, the editor set-up of
docs/editors.md fits the shipped maps and reads `argmap check`'s output, and
the build hooks (docs/hooks.py) point links into the repository at the
copies the site carries.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import argmap
from argmap.cli import _scaffold, main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted([ROOT / "README.md", *DOCS.rglob("*.md")])
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.M | re.S)
TITLE = re.compile(r'\btitle="([^"]+)"')
PUBLIC_MODULES = ("model", "analyse", "schemes", "errors")


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("argmap_site_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built as `make docs` builds it, into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", out],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    return out


def html(site: Path, page: str) -> str:
    return (site / f"{page}.html").read_text("utf-8")


def pictures_shown(site: Path, page: str) -> set[Path]:
    """The files that the page's images show, resolved."""
    return {
        (site / page).parent.joinpath(src).resolve()
        for src in re.findall(r'<img [^>]*src="([^"]+)"', html(site, page))
    }


# The site ------------------------------------------------------------------


def test_every_page_becomes_a_page_of_the_site(site: Path) -> None:
    for page in DOCS.rglob("*.md"):
        relative = page.relative_to(DOCS).with_suffix("")
        assert (site / relative.with_suffix(".html")).is_file(), page


def test_the_site_works_opened_from_files(site: Path) -> None:
    """Every link and picture of every page leads to a file, not to a folder a server would
    complete with its index.html; the search index is a script the pages load."""
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # only a server shows it, for any path
            continue
        for target in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text("utf-8")):
            if re.match(r"[a-z]+:|//", target):
                continue
            assert page.parent.joinpath(target).is_file(), (page.relative_to(site), target)
    assert (site / "search" / "search_index.js").is_file()


def test_the_navigation_lists_the_main_pages(site: Path) -> None:
    home = (site / "index.html").read_text("utf-8")
    for page in ("getting-started", "tutorial", "format", "cli", "notebooks", "reference",
                 "editors", "gallery"):  # fmt: skip
        assert f'href="{page}.html"' in home, page


def test_the_gallery_shows_every_picture(site: Path) -> None:
    shown = pictures_shown(site, "gallery")
    pictures = sorted(p.name for p in (DOCS / "gallery").glob("*.svg"))
    assert len(pictures) >= 14
    for name in pictures:
        assert (site / "gallery" / name).resolve() in shown, name
        assert (site / "gallery" / name).read_bytes() == (DOCS / "gallery" / name).read_bytes()


def test_the_gallery_links_the_overview_beside_its_text_drawn_as_the_command_draws_it(
    site: Path,
) -> None:
    """The pages are drawn by the site build (docs/hooks.py), not kept in the repository."""
    page = html(site, "gallery")
    for lang in ("en", "de"):
        name = f"overview.{lang}.source.html"
        assert f'href="gallery/{name}"' in page, name
        assert not (DOCS / "gallery" / name).exists(), name
        run = subprocess.run(
            [sys.executable, "-m", "argmap", "render", "maps/overview.yaml", "-f", "html",
             "--with-source", "--lang", lang, "-o", "-"],
            cwd=ROOT, capture_output=True, check=True,
        )  # fmt: skip
        assert (site / "gallery" / name).read_bytes() == run.stdout, name


def test_the_tutorial_shows_its_map(site: Path) -> None:
    assert (site / "images" / "lindenau.svg").resolve() in pictures_shown(site, "tutorial")
    assert (site / "images" / "lindenau.svg").is_file()


def test_the_reference_documents_every_public_name(site: Path) -> None:
    page = html(site, "reference")
    anchors = set(re.findall(r'id="(argmap[\w.]*)"', page))
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(f"argmap.{module_name}")
        for name in module.__all__:
            assert f"argmap.{module_name}.{name}" in anchors, (module_name, name)
    homes = {f"argmap.{m}.{n}" for m in PUBLIC_MODULES for n in importlib.import_module(
        f"argmap.{m}").__all__}  # fmt: skip
    for name in argmap.__all__:
        if name != "__version__":
            assert f"argmap.{name}" in anchors or any(
                home.endswith(f".{name}") for home in homes
            ), name


def test_the_reference_links_the_names_that_docstrings_mention(site: Path) -> None:
    page = html(site, "reference")
    # :func:`evaluate` in argmap.analyse's docstring, :class:`MapError` in argmap.errors'.
    assert 'href="#argmap.analyse.evaluate"' in page
    assert 'href="#argmap.errors.MapError"' in page
    assert ":func:" not in page and ":class:" not in page
    assert "::</p>" not in page  # reST's "code follows" reads as a colon


def test_links_into_the_repository_lead_to_its_files(site: Path) -> None:
    home = (site / "index.html").read_text("utf-8")
    assert 'href="maps/overview.yaml"' in home
    assert 'href="readme.html"' in home
    assert 'href="maps/index.html"' in home
    for path in ("maps/overview.yaml", "maps/sources/article.de.txt"):
        assert (site / path).read_bytes() == (ROOT / path).read_bytes()
    listing = html(site, "maps/index")
    assert 'href="overview.yaml"' in listing and 'href="sources/index.html"' in listing
    readme = html(site, "readme")
    assert (site / "images" / "russian-lifeline.svg").resolve() in pictures_shown(site, "readme")
    assert 'href="getting-started.html"' in readme


# Blocks that name a file ---------------------------------------------------


def titled_blocks() -> list[tuple[Path, str, str]]:
    found = []
    for page in PAGES:
        for match in FENCE.finditer(page.read_text("utf-8")):
            title = TITLE.search(match.group(2))
            if title:
                found.append((page, title.group(1), match.group(3)))
    return found


def test_there_are_titled_blocks() -> None:
    assert len({path for _, path, _ in titled_blocks()}) >= 5


@pytest.mark.parametrize(
    ("page", "path", "block"), titled_blocks(), ids=lambda x: getattr(x, "name", "")
)
def test_a_block_titled_with_a_file_shows_that_file(page: Path, path: str, block: str) -> None:
    """The block is the file named in its title, or a verbatim part of it."""
    assert block in (ROOT / path).read_text("utf-8"), f"{page.name}: {path}"


# The VS Code set-up --------------------------------------------------------


def json_blocks(page: Path) -> list[dict[str, Any]]:
    blocks = [json.loads(m.group(3)) for m in FENCE.finditer(page.read_text("utf-8"))
              if m.group(1) == "json"]  # fmt: skip
    assert all(isinstance(block, dict) for block in blocks)
    return blocks


def test_the_schema_setting_names_the_schema_and_covers_every_map() -> None:
    (settings,) = [b for b in json_blocks(DOCS / "editors.md") if "yaml.schemas" in b]
    schemas = settings["yaml.schemas"]
    assert isinstance(schemas, dict)
    ((schema, patterns),) = schemas.items()
    assert schema == _scaffold.SCHEMA.relative_to(ROOT).as_posix()
    covered = {path for pattern in patterns for path in ROOT.glob(pattern)}
    maps = {*ROOT.glob("maps/*.yaml"), *ROOT.glob("maps/*/*.yaml"), *DOCS.glob("examples/*.yaml")}
    assert maps and maps <= covered


def test_the_modeline_shown_is_the_one_argmap_new_writes_for_a_shipped_map() -> None:
    page = (DOCS / "editors.md").read_text("utf-8")
    shown = re.search(r"^# yaml-language-server: \$schema=(\S+)$", page, re.M)
    assert shown is not None
    assert shown.group(1) == _scaffold.schema_reference(ROOT / "maps" / "new.yaml")


def check_output(*argv: str) -> tuple[list[str], list[str]]:
    stdout, stderr = io.StringIO(), io.StringIO()
    main(list(argv), stdout=stdout, stderr=stderr)
    return stdout.getvalue().splitlines(), stderr.getvalue().splitlines()


def test_the_task_reads_every_problem_that_check_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (tasks,) = [b for b in json_blocks(DOCS / "editors.md") if "tasks" in b]
    task: Any = tasks["tasks"]
    assert len(task) == 1
    pattern = task[0]["problemMatcher"]["pattern"]
    regexp = re.compile(pattern["regexp"])
    # Errors from broken.yaml, warnings from draft.yaml, warnings and notes (open
    # critical questions) from scheme-draft.yaml.
    args = task[0]["args"][:-1]  # the options, without "${file}"
    assert args == ["check", "--all"]  # every problem, none grouped into a count
    summaries, problems = check_output(
        *args,
        "docs/examples/broken.yaml",
        "docs/examples/draft.yaml",
        "docs/examples/scheme-draft.yaml",
    )
    severities = set()
    for line in problems:
        match = regexp.match(line)
        assert match, line
        file, row, column = (match.group(pattern[key]) for key in ("file", "line", "column"))
        assert (ROOT / file).is_file() and int(row) > 0 and int(column) > 0
        assert match.group(pattern["code"]) in (ROOT / "docs" / "errors.md").read_text("utf-8")
        assert match.group(pattern["message"]) in line
        severities.add(match.group(pattern["severity"]))
    assert severities == {"error", "warning", "note"}
    assert not any(regexp.match(line) for line in summaries)


# The build hooks -----------------------------------------------------------


@pytest.fixture
def repository(tmp_path: Path) -> Any:
    """A repository laid out like argmap's, outside git (the hooks then list its files)."""
    for name in ("README.md", "maps/a.yaml", "maps/sources/t.txt", "docs/index.md",
                 "docs/formats/index.md", "docs/examples/e.yaml", ".hidden/x.md"):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    return hooks().Repository(tmp_path, tmp_path / "docs")


def test_links_out_of_docs_point_at_the_copies_on_the_site(repository: Any) -> None:
    repo = repository
    page = (
        "See [the README](../README.md#install), [a map](../maps/a.yaml), "
        "[all maps](../maps/), ![x](examples/e.yaml), [web](https://example.org/a.md), "
        "[anchor](#here) and [missing](../maps/none.yaml).\n"
        "```yaml\n[not a link](../maps/a.yaml)\n```\n"
    )
    assert repo.publish("docs/index.md", page) == ["README.md"]
    assert repo.published == {
        "README.md": "readme.md",
        "maps/a.yaml": "maps/a.yaml",
        "maps/sources/t.txt": "maps/sources/t.txt",
    }
    assert repo.listings == {
        "maps/index.md": "maps",
        "maps/sources/index.md": "maps/sources",
    }
    assert repo.rewrite("docs/index.md", "index.md", page) == (
        "See [the README](readme.md#install), [a map](maps/a.yaml), "
        "[all maps](maps/index.md), ![x](examples/e.yaml), [web](https://example.org/a.md), "
        "[anchor](#here) and [missing](../maps/none.yaml).\n"
        "```yaml\n[not a link](../maps/a.yaml)\n```\n"
    )
    deeper = repo.rewrite(
        "docs/formats/index.md", "formats/index.md", "[m](../../maps/a.yaml) [f](../index.md)"
    )
    assert deeper == "[m](../maps/a.yaml) [f](../index.md)"
    readme = repo.rewrite("README.md", "readme.md", "[d](docs/index.md) [m](maps/a.yaml)")
    assert readme == "[d](index.md) [m](maps/a.yaml)"


def test_a_listing_names_the_files_and_folders_of_a_folder(repository: Any) -> None:
    listing = repository.listing("maps")
    assert listing == "# maps/\n\nThe folder `maps/` of the repository:\n\n" + (
        "- [sources/](sources/index.md)\n- [a.yaml](a.yaml)\n"
    )


def test_hidden_files_and_the_repository_root_are_not_published(repository: Any) -> None:
    repo = repository
    assert repo.publish("docs/index.md", "[h](../.hidden/x.md) [r](../)") == []
    assert repo.published == {} and repo.listings == {}
