"""argmap: argument maps in YAML or Python, checked, evaluated and rendered.

Load a map, check it, render it::

    import argmap

    m = argmap.load("maps/russian-lifeline.yaml")
    for issue in argmap.check(m):
        print(issue)
    argmap.render(m, "lifeline.svg")
"""

from ._check import check
from ._io import dump, dumps, load, loads
from ._render import render, to_dot, to_svg
from ._version import __version__
from .analyse import (
    Change,
    Evaluation,
    Framework,
    Labelling,
    dependents,
    evaluate,
    premises_of,
    support_cycles,
    uncontested,
    unsupported_premises,
    what_if,
)
from .errors import (
    ArgmapError,
    Issue,
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
    Group,
    Role,
    Source,
    Statement,
    Translation,
)

__all__ = [
    "Agent",
    "ArgmapError",
    "Argument",
    "ArgumentMap",
    "AttackType",
    "Change",
    "Citation",
    "Evaluation",
    "Framework",
    "Group",
    "Issue",
    "Labelling",
    "MapError",
    "OutputError",
    "RenderError",
    "Role",
    "Severity",
    "Source",
    "SourceFileError",
    "Statement",
    "Translation",
    "__version__",
    "check",
    "dependents",
    "dump",
    "dumps",
    "evaluate",
    "load",
    "loads",
    "premises_of",
    "render",
    "support_cycles",
    "to_dot",
    "to_svg",
    "uncontested",
    "unsupported_premises",
    "what_if",
]
