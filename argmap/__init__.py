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
    "Citation",
    "Group",
    "Issue",
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
    "dump",
    "dumps",
    "load",
    "loads",
    "render",
    "to_dot",
    "to_svg",
]
