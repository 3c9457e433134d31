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
