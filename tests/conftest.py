"""Test set-up shared by all test modules: the tools some tests need, skipped or required."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent


def missing(what: str, make: str, variable: str) -> NoReturn:
    """Skip the test that needs ``what``, or fail it when the environment sets ``variable``.

    `make test` installs every tool and sets every ARGMAP_REQUIRE_* variable,
    so there a missing tool is a failure, not a quiet skip.
    """
    if os.environ.get(variable):
        pytest.fail(f"{what} is missing: run `{make}`")
    pytest.skip(f"needs {what} (`{make}`; {variable} makes this a failure)")


@pytest.fixture(autouse=True)
def _skip_needs_dot_without_graphviz(request: pytest.FixtureRequest) -> None:
    """Skip ``needs_dot`` tests when ``dot`` is missing, unless ARGMAP_REQUIRE_DOT is set."""
    if request.node.get_closest_marker("needs_dot") is None:
        return
    if shutil.which("dot") is None:
        missing("Graphviz's `dot` on PATH", "make graphviz", "ARGMAP_REQUIRE_DOT")


#: Argdown's own CLI, as `make argdown` (.ci/argdown.sh) installs it.
ARGDOWN = str(ROOT / ".argdown" / "node_modules" / ".bin" / "argdown")


@pytest.fixture
def argdown_cli() -> str:
    """Path of Argdown's CLI; skips when it is missing, unless ARGMAP_REQUIRE_ARGDOWN is set."""
    if not os.access(ARGDOWN, os.X_OK):
        missing("Argdown's CLI", "make argdown", "ARGMAP_REQUIRE_ARGDOWN")
    return ARGDOWN


#: Debian's Chromium, as `make browser` (.ci/browser.sh) installs it.
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Chromium; skips when it is missing, unless ARGMAP_REQUIRE_BROWSER is set.

    Playwright drives this browser and downloads none of its own. A missing
    Playwright package fails: it is in the ``dev`` extra.
    """
    if not os.access(CHROMIUM, os.X_OK):
        missing(f"Chromium at {CHROMIUM}", "make browser", "ARGMAP_REQUIRE_BROWSER")
    return CHROMIUM


#: Mermaid's own packages, as `make mermaid` (.ci/mermaid.sh) installs them.
MERMAID = ROOT / ".mermaid" / "node_modules"


@pytest.fixture(scope="session")
def mermaid_modules() -> Path:
    """Mermaid's ``node_modules``, with ``node`` on PATH to run them; skips when either is missing.

    ARGMAP_REQUIRE_MERMAID makes a missing parser a failure.
    """
    if not (MERMAID / "mermaid" / "package.json").is_file() or shutil.which("node") is None:
        missing("Mermaid's parser", "make mermaid", "ARGMAP_REQUIRE_MERMAID")
    return MERMAID


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium)
        yield instance
        instance.close()
