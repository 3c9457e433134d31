"""argmap: argument maps in YAML or Python, checked, evaluated and rendered.

Load a map, check it, render it::

    import argmap

    m = argmap.load("maps/russian-lifeline.yaml")
    for issue in argmap.check(m):
        print(issue)
    argmap.render(m, "lifeline.svg")

``import argmap`` imports nothing else: each name below is imported from its
module the first time it is used, so the ``argmap`` command starts quickly
and a script that only loads maps never imports Graphviz's bindings or the
evaluation.
"""

import importlib as _importlib

from ._version import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:  # what the names are, for type checkers and editors
    from typing import Any

    from ._check import check
    from ._diff import Difference, MapDiff, diff
    from ._explain import Explanation, Reason, explain
    from ._graphml import to_graphml
    from ._io import dump, dumps, load, loads
    from ._mermaid import to_mermaid
    from ._outline import to_outline
    from ._render import render, to_dot, to_html, to_svg
    from .analyse import (
        Change,
        Evaluation,
        Framework,
        Grounding,
        Labelling,
        dependents,
        evaluate,
        grounding,
        premises_of,
        stated_only,
        support_cycles,
        uncontested,
        unsupported_premises,
        what_if,
    )
    from .errors import (
        ArgmapError,
        Issue,
        LimitError,
        MapError,
        OutputError,
        RenderError,
        Severity,
        SourceFileError,
    )
    from .model import (
        Agent,
        Argument,
        ArgumentMap,
        AttackType,
        Citation,
        Dispute,
        Group,
        RelationType,
        Role,
        Source,
        Statement,
        Translation,
    )
    from .view import ViewOptions

#: The module each public name comes from.
_MODULES = {
    "check": "._check",
    **dict.fromkeys(("dump", "dumps", "load", "loads"), "._io"),
    **dict.fromkeys(("render", "to_dot", "to_html", "to_svg"), "._render"),
    "to_graphml": "._graphml",
    "to_mermaid": "._mermaid",
    "to_outline": "._outline",
    **dict.fromkeys(("Difference", "MapDiff", "diff"), "._diff"),
    **dict.fromkeys(("Explanation", "Reason", "explain"), "._explain"),
    "ViewOptions": ".view",
    **dict.fromkeys(
        (
            "Change",
            "Evaluation",
            "Framework",
            "Grounding",
            "Labelling",
            "dependents",
            "evaluate",
            "grounding",
            "premises_of",
            "stated_only",
            "support_cycles",
            "uncontested",
            "unsupported_premises",
            "what_if",
        ),
        ".analyse",
    ),
    **dict.fromkeys(
        (
            "ArgmapError",
            "Issue",
            "LimitError",
            "MapError",
            "OutputError",
            "RenderError",
            "Severity",
            "SourceFileError",
        ),
        ".errors",
    ),
    **dict.fromkeys(
        (
            "Agent",
            "Argument",
            "ArgumentMap",
            "AttackType",
            "Citation",
            "Dispute",
            "Group",
            "RelationType",
            "Role",
            "Source",
            "Statement",
            "Translation",
        ),
        ".model",
    ),
}
del TYPE_CHECKING

__all__ = [
    "Agent",
    "ArgmapError",
    "Argument",
    "ArgumentMap",
    "AttackType",
    "Change",
    "Citation",
    "Difference",
    "Dispute",
    "Evaluation",
    "Explanation",
    "Framework",
    "Grounding",
    "Group",
    "Issue",
    "Labelling",
    "LimitError",
    "MapDiff",
    "MapError",
    "OutputError",
    "Reason",
    "RelationType",
    "RenderError",
    "Role",
    "Severity",
    "Source",
    "SourceFileError",
    "Statement",
    "Translation",
    "ViewOptions",
    "__version__",
    "check",
    "dependents",
    "diff",
    "dump",
    "dumps",
    "evaluate",
    "explain",
    "grounding",
    "load",
    "loads",
    "premises_of",
    "render",
    "stated_only",
    "support_cycles",
    "to_dot",
    "to_graphml",
    "to_html",
    "to_mermaid",
    "to_outline",
    "to_svg",
    "uncontested",
    "unsupported_premises",
    "what_if",
]


#: Modules that ``argmap.<module>`` reaches without importing them first.
_SUBMODULES = ("analyse", "cli", "errors", "model", "schemes", "view")


def __getattr__(name: str) -> "Any":
    """Import a public name from its module on first use, then keep it here."""
    if name in _SUBMODULES:
        return _importlib.import_module(f".{name}", __name__)
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The names of the module, the ones not imported yet included."""
    return sorted({*globals(), *_MODULES})
