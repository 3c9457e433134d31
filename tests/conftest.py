"""Test set-up shared by all test modules."""

from __future__ import annotations

import os
import shutil

import pytest


@pytest.fixture(autouse=True)
def _skip_needs_dot_without_graphviz(request: pytest.FixtureRequest) -> None:
    """Skip ``needs_dot`` tests when ``dot`` is missing, unless ARGMAP_REQUIRE_DOT is set.

    CI sets ARGMAP_REQUIRE_DOT, so there a missing ``dot`` fails those tests.
    """
    if request.node.get_closest_marker("needs_dot") is None:
        return
    if shutil.which("dot") is None and not os.environ.get("ARGMAP_REQUIRE_DOT"):
        pytest.skip("needs Graphviz's `dot` on PATH (ARGMAP_REQUIRE_DOT makes this a failure)")


#: Argdown's own CLI, as `make argdown` (.ci/argdown.sh) installs it.
ARGDOWN = os.path.join(
    os.path.dirname(os.path.dirname(__file__)), ".argdown", "node_modules", ".bin", "argdown"
)


@pytest.fixture
def argdown_cli() -> str:
    """Path of Argdown's CLI; skips when it is missing, unless ARGMAP_REQUIRE_ARGDOWN is set.

    `make test` installs it and sets ARGMAP_REQUIRE_ARGDOWN, so there a
    missing CLI fails the tests that use it.
    """
    if not os.access(ARGDOWN, os.X_OK):
        if os.environ.get("ARGMAP_REQUIRE_ARGDOWN"):
            pytest.fail("Argdown's CLI is missing: run `make argdown`")
        pytest.skip(
            "needs Argdown's CLI (`make argdown`; ARGMAP_REQUIRE_ARGDOWN makes this a failure)"
        )
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
        if os.environ.get("ARGMAP_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make browser`")
        pytest.skip(
            f"needs Chromium at {CHROMIUM} (`make browser`; "
            "ARGMAP_REQUIRE_BROWSER makes this a failure)"
        )
    return CHROMIUM
