"""``argmap render`` on many maps and on large ones: processes, order, progress, selection."""

from __future__ import annotations

import concurrent.futures
import os
import re
from pathlib import Path
from typing import Any, ClassVar

import pytest
from helpers import INVALID, VALID, Terminal, run
from sample_maps import tree_map

import argmap
from argmap.cli import _batch, _render_job

ROOT = Path(__file__).resolve().parent.parent
#: A node statement of DOT text: its name.
NODE = re.compile(r'^\t+"([^"]+)" \[', re.M)

BROKEN_ERROR = (
    "m2-broken.yaml:6:19: error: unknown-statement: argument 'a2' lists premise 's9', "
    "which is not a defined statement; define it under 'statements' or fix the id "
    "(did you mean 's8'?)\n"
)


def overview_dot(*options: str) -> tuple[int, str, str]:
    """The DOT that ``argmap render`` writes to standard output for maps/overview.yaml."""
    return run("render", "maps/overview.yaml", "-f", "dot", "-o", "-", *options)


@pytest.fixture
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """maps/ with five maps, the second one broken, the first one large."""
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "m1-large.yaml").write_text(argmap.dumps(tree_map(6)), encoding="utf-8")
    (folder / "m2-broken.yaml").write_text(INVALID, encoding="utf-8")
    for name in ("m3", "m4", "m5"):
        (folder / f"{name}.yaml").write_text(VALID.replace("Small", name), encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


class Recording(concurrent.futures.ProcessPoolExecutor):
    """A process pool that records how many workers it was asked for."""

    workers: ClassVar[list[int | None]] = []

    def __init__(self, max_workers: int | None = None, **kwargs: Any) -> None:
        Recording.workers.append(max_workers)
        super().__init__(max_workers, **kwargs)


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    Recording.workers = []
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recording)
    return Recording.workers


#: What rendering m1-large.yaml (730 nodes with every premise, 366 without) says by default.
LARGE_WARNING = (
    "m1-large.yaml: warning: large-map: with every premise the diagram has 730 nodes (more "
    "than 300); drew its arguments without their premises (366 nodes), as --no-premises does; "
    "draw every premise with --premises, or raise --max-nodes (0: no limit)\n"
    "m1-large.yaml: warning: large-map: the diagram has 366 nodes (more than 300) and will "
    "be hard to read; draw part of it with --focus ID --depth N (statements most arguments "
    "touch: s4 (5), s7 (5), s40 (5), s1 (4), s2 (4)), --collapse ID, --tag T or "
    "--speaker AGENT, or raise --max-nodes (0: no limit)\n"
)
#: The same with --premises: every premise drawn, and the advice to leave them out.
EVERY_PREMISE_WARNING = (
    "m1-large.yaml: warning: large-map: the diagram has 730 nodes (more than 300) and will "
    "be hard to read; draw part of it with --focus ID --depth N (statements most arguments "
    "touch: s4 (5), s7 (5), s40 (5), s1 (4), s2 (4)), --collapse ID, --tag T or "
    "--speaker AGENT, draw arguments only with --no-premises, or raise --max-nodes (0: no limit)\n"
)


def test_a_batch_renders_every_valid_map_in_file_order_and_exits_1(
    batch: Path, pools: list[int | None]
) -> None:
    status, out, err = run("render", ".", "-o", "build", "-f", "dot", "-j", "3")
    assert pools == [3]
    assert status == 1
    assert out == (
        "wrote build/m1-large.dot\nwrote build/m3.dot\nwrote build/m4.dot\nwrote build/m5.dot\n"
    )
    assert err == LARGE_WARNING + BROKEN_ERROR
    assert sorted(p.name for p in (batch / "build").iterdir()) == [
        "m1-large.dot",
        "m3.dot",
        "m4.dot",
        "m5.dot",
    ]
    assert (batch / "build" / "m4.dot").read_text("utf-8") == argmap.to_dot(
        argmap.load(batch / "m4.yaml")
    )


def test_processes_and_one_process_say_and_write_the_same(batch: Path) -> None:
    pooled = run("render", ".", "-o", "pooled", "-f", "dot", "-j", "4")
    alone = run("render", ".", "-o", "alone", "-f", "dot", "-j", "1")
    assert pooled == (alone[0], alone[1].replace("alone/", "pooled/"), alone[2])
    for file in (batch / "alone").iterdir():
        assert (batch / "pooled" / file.name).read_bytes() == file.read_bytes()


def test_by_default_a_batch_uses_one_process_per_cpu(
    batch: Path, pools: list[int | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_batch, "cpu_count", lambda: 3)
    assert run("render", ".", "-o", "build", "-f", "dot")[0] == 1
    monkeypatch.setattr(_batch, "cpu_count", lambda: 64)
    assert run("render", "m3.yaml", "m4.yaml", "-o", "build", "-f", "dot")[0] == 0
    assert pools == [3, 2]  # never more processes than maps


def test_one_map_renders_in_this_process(batch: Path, pools: list[int | None]) -> None:
    assert run("render", "m3.yaml", "-f", "dot") == (0, "wrote m3.dot\n", "")
    assert run("render", ".", "-o", "build", "-f", "dot", "-j", "1")[0] == 1
    assert pools == []


def test_without_process_pools_the_batch_renders_in_this_process(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*args: object, **kwargs: object) -> None:
        raise NotImplementedError("no semaphores on this platform")

    expected = run("render", ".", "-o", "build", "-f", "dot", "-j", "1")
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", unavailable)
    assert run("render", ".", "-o", "build", "-f", "dot", "-j", "4") == expected


PARENT = os.getpid()
render_job = _render_job.render_job


def dies_in_a_worker(job: Any) -> Any:
    """Render as usual, except m4.yaml, whose worker process dies."""
    if job.file.name == "m4.yaml" and os.getpid() != PARENT:
        os._exit(1)
    return render_job(job)


def test_when_a_worker_dies_the_rest_renders_in_this_process(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = run("render", ".", "-o", "build", "-f", "dot", "-j", "1")
    monkeypatch.setattr(_render_job, "render_job", dies_in_a_worker)
    assert run("render", ".", "-o", "build", "-f", "dot", "-j", "2") == expected


@pytest.mark.needs_dot
def test_a_batch_of_svg_through_processes(batch: Path) -> None:
    status, out, err = run("render", "m3.yaml", "m4.yaml", "m5.yaml", "-o", "svg", "-j", "3")
    assert (status, err) == (0, "")
    assert out == "wrote svg/m3.svg\nwrote svg/m4.svg\nwrote svg/m5.svg\n"
    assert (batch / "svg" / "m5.svg").read_text("utf-8").lstrip().startswith("<?xml")


def test_a_usage_error_stops_the_batch_at_its_map(batch: Path) -> None:
    (batch / "m4.yaml").write_text(VALID.replace("b: B.", "be: B.").replace("b}", "be}"), "utf-8")
    status, out, err = run(
        "render",
        "m3.yaml",
        "m4.yaml",
        "m5.yaml",
        "--collapse",
        "b",
        "-o",
        "build",
        "-j",
        "3",
        "-f",
        "dot",
    )
    assert status == 2
    assert out == "wrote build/m3.dot\n"
    assert err == (
        "argmap render: error: m4.yaml: --collapse names 'b', which is not a statement of "
        "the map (did you mean 'be'?)\n"
    )
    assert sorted(p.name for p in (batch / "build").iterdir()) == ["m3.dot"]


# -- progress ----------------------------------------------------------------


def test_a_terminal_sees_one_progress_line_that_is_cleared_at_the_end(batch: Path) -> None:
    status, out, err = run(
        "render",
        "m3.yaml",
        "m4.yaml",
        "m5.yaml",
        "-o",
        "build",
        "-f",
        "dot",
        "-j",
        "1",
        stderr=Terminal(),
    )
    assert status == 0
    assert out == "wrote build/m3.dot\nwrote build/m4.dot\nwrote build/m5.dot\n"
    assert err == (
        "\r\x1b[Krendered 1/3: m3.yaml\r\x1b[K"
        "\r\x1b[Krendered 1/3: m3.yaml"
        "\r\x1b[Krendered 2/3: m4.yaml\r\x1b[K"
        "\r\x1b[Krendered 2/3: m4.yaml"
        "\r\x1b[Krendered 3/3: m5.yaml\r\x1b[K"
        "\r\x1b[Krendered 3/3: m5.yaml\r\x1b[K"
    )


def test_messages_on_a_terminal_stand_on_lines_of_their_own(batch: Path) -> None:
    status, _, err = run(
        "render",
        ".",
        "-o",
        "build",
        "-f",
        "dot",
        "-j",
        "2",
        "--max-nodes",
        "0",
        stderr=Terminal(),
    )
    assert status == 1
    # Each message starts after the progress line is cleared, and the last
    # thing written clears it.
    assert "\r\x1b[K" + BROKEN_ERROR in err
    assert err.endswith("\r\x1b[K")
    assert "rendered 5/5: " in err
    lines = [line for line in err.replace("\r\x1b[K", "\n").splitlines() if line]
    assert all(line.startswith("rendered ") for line in lines if line != BROKEN_ERROR.strip())


def test_no_progress_when_not_a_terminal_or_for_one_map(batch: Path) -> None:
    assert "\r" not in run("render", ".", "-o", "build", "-f", "dot", "-j", "2")[2]
    assert run("render", "m3.yaml", "-f", "dot", stderr=Terminal()) == (0, "wrote m3.dot\n", "")


# -- large maps and the part drawn -----------------------------------------------


def test_a_large_map_is_drawn_without_premises_and_says_how_to_draw_them(batch: Path) -> None:
    m = argmap.load("m1-large.yaml")
    status, out, err = run("render", "m1-large.yaml", "-f", "dot", "-o", "-")
    assert (status, err) == (0, LARGE_WARNING)
    assert out == argmap.to_dot(m, premises=False)
    # Asked for, every premise is drawn, with the advice to leave them out.
    status, out, err = run("render", "m1-large.yaml", "-f", "dot", "-o", "-", "--premises")
    assert (status, err) == (0, EVERY_PREMISE_WARNING)
    assert out == argmap.to_dot(m)
    # Without premises once asked for, only that diagram's size is spoken of.
    status, out, err = run("render", "m1-large.yaml", "-f", "dot", "-o", "-", "--no-premises")
    assert (status, err) == (0, LARGE_WARNING.splitlines(keepends=True)[1])
    assert out == argmap.to_dot(m, premises=False)


def test_the_node_limit_decides_when_premises_are_left_out(batch: Path) -> None:
    m = argmap.load("m1-large.yaml")
    for limit in ("0", "730"):
        assert run("render", "m1-large.yaml", "-f", "dot", "-o", "-", "--max-nodes", limit) == (
            0,
            argmap.to_dot(m),
            "",
        )
    status, out, err = run("render", "m1-large.yaml", "-f", "dot", "-o", "-", "--max-nodes", "729")
    assert status == 0
    assert err.startswith(
        "m1-large.yaml: warning: large-map: with every premise the diagram has 730 nodes "
        "(more than 729); drew its arguments without their premises (366 nodes)"
    )
    assert err.count("\n") == 1  # 366 nodes are within the limit: no second warning
    assert out == argmap.to_dot(m, premises=False)


def test_a_fold_keeps_the_premises_of_a_large_map(batch: Path) -> None:
    """--collapse needs the premises drawn, so a large map keeps them and only warns."""
    status, out, err = run("render", "m1-large.yaml", "-f", "dot", "-o", "-", "--collapse", "s40")
    assert status == 0
    assert err.startswith("m1-large.yaml: warning: large-map: the diagram has ")
    assert "with every premise" not in err and "--no-premises" in err
    assert out == argmap.to_dot(argmap.load("m1-large.yaml"), collapse="s40")


def test_premises_and_no_premises_together_are_a_usage_error(batch: Path) -> None:
    status, out, err = run("render", "m3.yaml", "--premises", "--no-premises")
    assert (status, out) == (2, "")
    assert err.endswith(
        "argmap render: error: argument --no-premises: not allowed with argument --premises\n"
    )


def test_a_focus_brings_a_large_map_under_the_limit(batch: Path) -> None:
    status, out, err = run("render", "m1-large.yaml", "-f", "dot", "-o", "-", "--focus", "s1")
    assert (status, err) == (0, "")
    nodes = set(NODE.findall(out))
    statements = [*range(7), *range(13, 22), 40]
    arguments = [*range(1, 7), *range(13, 22)]
    assert nodes == {
        *(f"statement-s{n}" for n in statements),
        "statement-shared",
        *(f"argument-a{n}" for n in arguments),
        "argument-x1",
    }
    assert len(nodes) == 34


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import shutil

    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--focus", "lifelin"],
            "maps/overview.yaml: --focus names 'lifelin', which is not a statement of the map "
            "(did you mean 'lifeline'?)",
        ),
        (
            ["--collapse", "china-threat", "--collapse", "china-treat"],
            "maps/overview.yaml: --collapse names 'china-treat', which is not a statement of "
            "the map (did you mean 'china-threat'?)",
        ),
        (
            ["--speaker", "analyst"],
            "maps/overview.yaml: --speaker names 'analyst', which is not an agent of the map "
            "(did you mean 'analysts'?)",
        ),
        (
            ["--tag", "militray"],
            "maps/overview.yaml: --tag names 'militray', which no statement or argument of the "
            "map carries (did you mean 'military'?)",
        ),
        (
            ["--focus", "treaty-ties"],
            "maps/overview.yaml: --focus names 'treaty-ties', which is an argument; give a "
            "statement, such as its target 'stronger-than-ever'",
        ),
        (["--depth", "1"], "--depth works with --focus; add it"),
        (
            ["--no-premises", "--collapse", "china-threat"],
            "--collapse folds the premises below a statement, so it needs them drawn; "
            "leave out --no-premises or --collapse",
        ),
        (["--focus", "lifeline", "--depth", "-1"], "--depth must be 0 or more (got -1)"),
        (["--max-nodes", "-5"], "--max-nodes must be 0 or more (got -5)"),
        (["--jobs", "0"], "--jobs must be at least 1 (got 0)"),
    ],
)
def test_what_the_map_lacks_is_bad_usage_with_a_suggestion(
    shipped: Path, options: list[str], message: str
) -> None:
    status, out, err = run("render", "maps/overview.yaml", "-f", "dot", *options)
    assert (status, out, err) == (2, "", f"argmap render: error: {message}\n")
    assert not (shipped / "maps" / "overview.dot").exists()


def test_render_a_focus_with_the_whole_maps_evaluation_in_german(shipped: Path) -> None:
    status, out, err = overview_dot(
        "--focus",
        "no-solid-foundation",
        "--depth",
        "1",
        "--evaluate",
        "--lang",
        "de",
    )
    assert (status, err) == (0, "")
    m = argmap.load(shipped / "maps" / "overview.yaml")
    assert out == argmap.to_dot(
        m,
        focus="no-solid-foundation",
        depth=1,
        evaluation=argmap.evaluate(m),
        lang="de",
    )
    # Evaluated alone, the part would leave it undecided; the whole map accepts it.
    assert 'class="argmap-statement argmap-thesis argmap-focus argmap-in"' in out
    assert "Keine solide Grundlage" in out


def test_collapse_tag_and_speaker_options_reach_the_drawing(shipped: Path) -> None:
    status, out, _ = overview_dot(
        "--collapse",
        "no-solid-foundation",
        "--collapse",
        "china-threat",
    )
    assert status == 0
    assert out == (ROOT / "tests" / "golden" / "overview-collapse.dot").read_text("utf-8")
    status, out, _ = overview_dot("--tag", "military", "--lang", "de")
    assert out == (ROOT / "tests" / "golden" / "overview-military.dot").read_text("utf-8")
    status, out, _ = overview_dot(
        "--speaker",
        "washington-seoul",
        "--speaker",
        "moscow-pyongyang",
    )
    m = argmap.load(shipped / "maps" / "overview.yaml")
    assert out == argmap.to_dot(m, speakers=["washington-seoul", "moscow-pyongyang"])
    assert "statement-arms-deal-denied" in out and "statement-lifeline" not in out


def test_a_folder_with_a_focus_applies_it_to_every_map(shipped: Path) -> None:
    """Every map that includes china.yaml has china-threat; the others do not."""
    status, out, err = run(
        "render",
        "maps/china.yaml",
        "maps/overview.yaml",
        "-o",
        "build",
        "-f",
        "dot",
        "--focus",
        "china-threat",
        "--depth",
        "1",
    )
    assert (status, err) == (0, "")
    assert out == "wrote build/china.dot\nwrote build/overview.dot\n"
    china = (shipped / "build" / "china.dot").read_text("utf-8")
    overview = (shipped / "build" / "overview.dot").read_text("utf-8")
    # The same part of both: three arguments for china-threat and their premises.
    assert china.count("->") == overview.count("->") == 6
    ids = set(NODE.findall(china))
    assert ids == set(NODE.findall(overview))
    assert ids == {
        "statement-china-threat",
        "statement-china-said-no",
        "statement-chinese-tired",
        "statement-beijing-annoyed",
        "argument-defying-beijing",
        "argument-too-close-for-china",
        "argument-annoying-beijing",
    }


def test_no_premises_draws_arguments_and_the_statements_no_argument_uses(shipped: Path) -> None:
    status, out, err = overview_dot("--no-premises", "--max-nodes", "26")
    m = argmap.load(shipped / "maps" / "overview.yaml")
    assert out == argmap.to_dot(m, premises=False)
    assert (status, err.split(": ")[:3]) == (0, ["maps/overview.yaml", "warning", "large-map"])
    assert "the diagram has 27 nodes (more than 26)" in err
    drawn = set(re.findall(r'^\s+"?statement-([\w-]+)"? \[', out, re.MULTILINE))
    premises = {p for a in m.arguments.values() for p in a.premises}
    assert drawn == (set(m.statements) - premises) | (set(m.main_theses) & premises)
    assert len(re.findall(r'^\s+"?argument-[\w-]+"? \[', out, re.MULTILINE)) == len(m.arguments)


@pytest.mark.parametrize(
    ("files", "argv", "message"),
    [
        (
            ["a/m.yaml", "b/m.yaml"],
            ["a/m.yaml", "b/m.yaml", "-o", "out/"],
            "a/m.yaml and b/m.yaml would both be drawn to out/m.dot",
        ),
        (["c/m.yaml", "c/m.json"], ["c", "-o", "out/"], "c/m.json and c/m.yaml would both be drawn to out/m.dot"),  # noqa: E501
        (["c/m.yaml", "c/m.json"], ["c"], "c/m.json and c/m.yaml would both be drawn to c/m.dot"),
    ],
)  # fmt: skip
def test_two_maps_drawn_to_one_file_are_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: list[str], argv: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in files:
        Path(name).parent.mkdir(exist_ok=True)
        text = argmap.dumps(argmap.loads(VALID), "json" if name.endswith(".json") else "yaml")
        Path(name).write_text(text, encoding="utf-8")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    assert run("render", *argv, "-f", "dot") == (
        2,
        "",
        f"argmap render: error: {message}; render them one at a time with -o FILE, or into "
        "separate folders\n",
    )
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before


def test_the_same_map_named_twice_is_drawn_once_to_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("m.yaml").write_text(VALID, encoding="utf-8")
    status, out, _ = run("render", "m.yaml", "./m.yaml", "-f", "dot")
    assert (status, out) == (0, "wrote m.dot\nwrote m.dot\n")
