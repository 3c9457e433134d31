"""`argmap new`: a commented map to start from, valid, drawable, never overwriting by mistake."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers import run

import argmap
from argmap import _fileio
from argmap.cli._scaffold import SCHEMA, scaffold, schema_reference, title_from_name, yaml_text

ROOT = Path(__file__).resolve().parent.parent
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_writes_a_map_that_checks_with_only_the_unverified_quote_warning(
    folder: Path,
) -> None:
    assert run("new", "tram-debate.yaml") == (0, "wrote tram-debate.yaml\n", "")
    assert run("check", "tram-debate.yaml") == (
        0,
        "tram-debate.yaml: 0 errors, 1 warning\n",
        "tram-debate.yaml:18:3: warning: unverified-quote: source 'article' has no 'file', so "
        "its quotes cannot be verified; add a plain-text copy of the source and name it in "
        "'file'\n",
    )
    lines = (folder / "tram-debate.yaml").read_text("utf-8").splitlines()
    assert lines[17] == "  article:"  # the warning points at the source whose file is missing
    assert any(line.strip().startswith("# file: ") for line in lines[16:24])


def test_the_new_map_has_what_a_map_needs(folder: Path) -> None:
    run("new", "tram-debate.yaml")
    m = argmap.load("tram-debate.yaml")
    assert m.title == "Tram debate"
    assert m.langs == ("en",)
    assert list(m.sources) == ["article"]
    assert m.sources["article"].file is None
    assert list(m.agents) == ["author"]
    assert list(m.statements) == ["claim", "reason", "bridge"]
    assert [(a.id, a.premises, a.kind, a.target) for a in m.arguments.values()] == [
        ("why", ("reason", "bridge"), "support", "claim")
    ]
    assert [c.source for c in m.statements["reason"].quotes] == ["article"]
    assert list(m.main_theses) == ["claim"]


def test_every_key_of_the_new_map_is_explained_by_a_comment(folder: Path) -> None:
    run("new", "tram-debate.yaml")
    text = (folder / "tram-debate.yaml").read_text("utf-8")
    comments = " ".join(
        line.split("#", 1)[1] for line in text.splitlines() if "#" in line and "$schema" not in line
    )
    explained = {
        "argmap": "format version",
        "title": "title",
        "lang": "language",
        "sources": "documents",
        "agents": "Who holds",
        "statements": "propositions",
        "arguments": "inferences",
        "text": "required",
        "by": "agent",
        "quote": "passage",
        "premises": "linked",
        "supports": "supports",
    }
    for key, words in explained.items():
        assert re.search(rf"^ *{key}:", text, re.M), f"the new map has no key {key!r}"
        assert words in comments, f"no comment explains {key!r}"


def test_the_first_line_is_the_modeline_and_names_the_installed_schema(folder: Path) -> None:
    run("new", "tram-debate.yaml")
    text = (folder / "tram-debate.yaml").read_text("utf-8")
    found = MODELINE.match(text)
    assert found is not None
    # tmp_path lies outside argmap's own tree: the schema is named by a file URI.
    assert found[1] == SCHEMA.as_uri()


def test_the_installed_schema_exists() -> None:
    assert SCHEMA.is_file(), f"argmap ships its JSON Schema at {SCHEMA}"


def test_a_map_inside_the_project_names_the_schema_by_a_relative_path() -> None:
    if not (ROOT / ".git").exists():
        pytest.fail("this test runs in a git checkout of argmap")
    reference = schema_reference(ROOT / "maps" / "new-map.yaml")
    assert reference == "../argmap/schema/argmap-1.schema.json"
    assert (ROOT / "maps" / reference).resolve() == SCHEMA


def test_schema_reference_is_relative_inside_a_git_tree_and_a_uri_outside(tmp_path: Path) -> None:
    project = tmp_path / "project"
    schema = project / ".venv" / "lib" / "argmap" / "schema" / "argmap-1.schema.json"
    (project / ".git").mkdir(parents=True)
    deep = project / "maps" / "economy" / "tram.yaml"
    assert schema_reference(deep, schema) == "../../.venv/lib/argmap/schema/argmap-1.schema.json"
    # Outside the project (a package installed elsewhere): an absolute file URI.
    elsewhere = tmp_path / "site packages" / "argmap-1.schema.json"
    assert schema_reference(deep, elsewhere) == elsewhere.as_uri()
    assert "%20" in schema_reference(deep, elsewhere)  # no space to end the modeline early
    # No git above the map: only the map's own folder counts as its tree.
    loose = tmp_path / "loose"
    assert schema_reference(loose / "m.yaml", loose / "schema.json") == "schema.json"
    assert schema_reference(loose / "m.yaml", schema) == schema.as_uri()


def test_schema_option_is_written_as_given(folder: Path) -> None:
    url = "https://example.org/argmap-1.schema.json"
    assert run("new", "a.yaml", "--schema", url)[0] == 0
    assert (folder / "a.yaml").read_text("utf-8").splitlines()[0] == (
        f"# yaml-language-server: $schema={url}"
    )
    assert run("new", "b.yaml", "--schema", "my schema.json") == (
        2,
        "",
        "argmap new: error: the schema location 'my schema.json' must be one word without "
        "spaces: a path relative to the map, or a URL (spaces as %20)\n",
    )
    assert not (folder / "b.yaml").exists()


@pytest.mark.parametrize(
    "title",
    [
        "Should the city build a tram?",
        "Tram: yes or no",
        '"Quoted" #1',
        "1984",
        "yes",
        "Ünïcödé — und „Anführung“",
        "Don't panic",
        "a\\b",
    ],
)
def test_any_title_reads_back_exactly(folder: Path, title: str) -> None:
    assert run("new", "t.yaml", "--title", title) == (0, "wrote t.yaml\n", "")
    assert argmap.load("t.yaml").title == title


def test_title_and_lang_options(folder: Path) -> None:
    assert (
        run("new", "debatte.yml", "--title", "Braucht die Stadt eine Tram?", "--lang", "de")[0] == 0
    )
    m = argmap.load("debatte.yml")
    assert (m.title, m.langs) == ("Braucht die Stadt eine Tram?", ("de",))
    assert "title: Braucht die Stadt eine Tram?\n" in (folder / "debatte.yml").read_text("utf-8")


def test_title_from_the_file_name() -> None:
    assert title_from_name("maps/tram-debate.yaml") == "Tram debate"
    assert title_from_name("north_korea.visit.yml") == "North korea visit"
    assert title_from_name("-.yaml") == "A new argument map"


def test_yaml_text_quotes_only_when_plain_text_would_change() -> None:
    assert yaml_text("Tram debate") == "Tram debate"
    assert yaml_text("Tram: yes") == '"Tram: yes"'
    assert yaml_text("No") == '"No"'
    assert yaml_text("trailing ") == '"trailing "'


def test_new_refuses_to_overwrite_unless_forced(folder: Path) -> None:
    (folder / "mine.yaml").write_text("my work\n", encoding="utf-8")
    assert run("new", "mine.yaml") == (
        1,
        "",
        "mine.yaml: already exists; choose another name, or give --force to replace it\n",
    )
    assert (folder / "mine.yaml").read_text("utf-8") == "my work\n"
    assert run("new", "mine.yaml", "--force") == (0, "wrote mine.yaml\n", "")
    assert argmap.load("mine.yaml").title == "Mine"


def test_new_creates_missing_folders(folder: Path) -> None:
    assert run("new", "maps/economy/tram.yaml") == (0, "wrote maps/economy/tram.yaml\n", "")
    assert argmap.load("maps/economy/tram.yaml").title == "Tram"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["map.txt"], "map.txt: a new map is YAML; give a name ending in .yaml or .yml"),
        (["map.argdown"], "map.argdown: a new map is YAML; give a name ending in .yaml or .yml"),
        (["d.yaml"], "d.yaml: a folder; give the name of the map file to write"),
        (
            ["m.yaml", "--title", " "],
            "--title must not be empty; leave it out to take the file name",
        ),
        (
            ["m.yaml", "--lang", "english!"],
            "'english!' is no language tag; give one such as 'en' or 'de-CH'",
        ),
    ],
)
def test_bad_usage_writes_nothing(folder: Path, argv: list[str], message: str) -> None:
    (folder / "d.yaml").mkdir()
    assert run("new", *argv) == (2, "", f"argmap new: error: {message}\n")
    assert sorted(p.name for p in folder.iterdir()) == ["d.yaml"]


def test_an_unwritable_place_is_a_clear_error_and_leaves_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    # The temporary file beside the output cannot be made; as root, chmod alone would not refuse.
    monkeypatch.setattr(_fileio, "_temporary", refuse)
    assert run("new", "m.yaml") == (1, "", "m.yaml: cannot write here: Permission denied\n")
    assert list(folder.iterdir()) == []


def test_a_failing_write_keeps_the_old_file_with_force(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    (folder / "m.yaml").write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", fail)
    assert run("new", "m.yaml", "--force") == (
        1,
        "",
        "m.yaml: cannot write: No space left on device\n",
    )
    assert [p.name for p in folder.iterdir()] == ["m.yaml"]  # no temporary file left
    assert (folder / "m.yaml").read_text("utf-8") == "old\n"


def test_the_new_map_renders_to_dot(folder: Path) -> None:
    run("new", "m.yaml")
    status, out, err = run("render", "m.yaml", "-f", "dot", "-o", "-")
    assert (status, err) == (0, "")
    for node in ("claim", "reason", "bridge", "why"):
        assert f"statement-{node}" in out or f"argument-{node}" in out


@pytest.mark.needs_dot
def test_the_new_map_renders_to_svg(folder: Path) -> None:
    run("new", "m.yaml")
    assert run("render", "m.yaml") == (0, "wrote m.svg\n", "")
    svg = (folder / "m.svg").read_text("utf-8")
    for node in ("statement-claim", "statement-reason", "statement-bridge", "argument-why"):
        assert f'id="{node.replace("-", "&#45;")}"' in svg  # Graphviz escapes the hyphen


def test_scaffold_validates_its_arguments() -> None:
    with pytest.raises(ValueError, match="title must not be empty"):
        scaffold("  ", schema="s.json")
    with pytest.raises(ValueError, match="no language tag"):
        scaffold("T", lang="", schema="s.json")
    with pytest.raises(ValueError, match="one word without spaces"):
        scaffold("T", schema="")


def test_the_new_map_quotes_a_source_by_an_id_that_is_not_the_word_source(
    folder: Path,
) -> None:
    run("new", "tram-debate.yaml")
    text = (folder / "tram-debate.yaml").read_text("utf-8")
    assert "quote: {source: article, " in text
    assert "source: source" not in text


def test_the_new_map_puts_no_comment_after_a_text(folder: Path) -> None:
    """A comment after a text would cut it (text-cut-by-comment) once the text is replaced."""
    run("new", "tram-debate.yaml")
    assert [i.code for i in argmap.check(argmap.load("tram-debate.yaml"))] == ["unverified-quote"]
