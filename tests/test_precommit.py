"""The pre-commit hook: which files it takes, and a real run through `pre-commit try-repo`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import INVALID, VALID

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"

BAD_ISSUE = (
    "maps/bad.yaml:6:19: error: unknown-statement: argument 'a2' lists premise 's9', which is "
    "not a defined statement; define it under 'statements' or fix the id (did you mean 's8'?)"
)  # fmt: skip


def hook() -> dict[str, Any]:
    hooks = yaml.safe_load(HOOKS.read_text("utf-8"))
    assert [h["id"] for h in hooks] == ["argmap-check"]
    found: dict[str, Any] = hooks[0]
    return found


def takes(name: str) -> bool:
    """Whether pre-commit passes the file ``name`` to the hook (it uses re.search on both)."""
    found = hook()
    return bool(re.search(found["files"], name)) and not re.search(found["exclude"], name)


def test_the_hook_runs_argmap_check_in_its_own_python_environment() -> None:
    found = hook()
    assert (found["entry"], found["language"], found["name"]) == (
        "argmap check",
        "python",
        "argmap check",
    )


@pytest.mark.parametrize(
    "name", ["map.yaml", "maps/china.yml", "debate.argdown", "maps/deep/er/debate.ad"]
)
def test_the_hook_takes_map_files(name: str) -> None:
    assert takes(name)


@pytest.mark.parametrize(
    "name",
    [
        ".pre-commit-config.yaml",  # every repository using the hook has this one
        ".github/workflows/ci.yml",
        ".gitlab-ci.yml",
        "maps/.draft.yaml",
        "notes.txt",
        "map.json",
        "map.yaml.bak",
        "README.md",
    ],
)
def test_the_hook_leaves_out_other_files(name: str) -> None:
    assert not takes(name)


def git(folder: Path, *argv: str) -> str:
    result = subprocess.run(
        ["git", *argv], cwd=folder, env=clean_env(), capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without git's variables, which would point git at another repository."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**env, **extra}


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit store for this module, so the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def maps_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / "maps" / "good.yaml").write_text(VALID, encoding="utf-8")
    (repo / "maps" / "bad.yaml").write_text(INVALID, encoding="utf-8")
    (repo / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n")
    git(repo, "init", "--quiet")
    git(repo, "add", ".")
    return repo


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` of this checkout's HEAD on every file of ``repo``.

    try-repo on a folder with uncommitted changes would try those too
    (others' work in progress); given ``--ref``, it clones exactly that
    commit into its own store.
    """
    head = git(ROOT, "rev-parse", "HEAD")
    committed = git(ROOT, "show", f"{head}:.pre-commit-hooks.yaml")
    assert yaml.safe_load(committed)[0]["id"] == "argmap-check"
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "argmap-check"]
    return subprocess.run(
        [*command, "--ref", head, "--all-files", "--color", "never"],
        cwd=repo,
        env=clean_env(PRE_COMMIT_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_try_repo_fails_on_a_bad_map_and_passes_once_it_is_gone(
    maps_repo: Path, pre_commit_home: Path
) -> None:
    result = try_repo(maps_repo, pre_commit_home)
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert any(re.fullmatch(r"argmap check\.+Failed", line) for line in lines)
    assert "- exit code: 1" in lines
    # pre-commit may split the files between processes: the order of the maps may vary.
    assert BAD_ISSUE in lines
    assert "maps/bad.yaml: 1 error, 0 warnings" in lines
    assert "maps/good.yaml: 0 errors, 0 warnings" in lines
    assert "ci.yml" not in result.stdout  # not a map: not checked

    git(maps_repo, "rm", "--quiet", "--cached", "maps/bad.yaml")
    (maps_repo / "maps" / "bad.yaml").unlink()
    result = try_repo(maps_repo, pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert any(re.fullmatch(r"argmap check\.+Passed", line) for line in result.stdout.splitlines())
