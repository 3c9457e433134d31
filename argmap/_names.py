"""Output formats, diagram directions and semantics, apart from the modules that use them.

The command line lists them in its help without importing the renderer or
the evaluation.
"""

from __future__ import annotations

from typing import Literal, get_args

#: Output formats :func:`argmap.render` writes; ``html`` is the SVG inside the interactive viewer.
Format = Literal["svg", "png", "pdf", "dot", "html"]
FORMATS: tuple[Format, ...] = get_args(Format)

#: Direction of the diagram: ``BT`` puts conclusions above their premises.
Rankdir = Literal["BT", "TB", "LR", "RL"]
RANKDIRS: tuple[Rankdir, ...] = get_args(Rankdir)

#: Which labellings of the framework count (Dung 1995; Caminada 2006).
Semantics = Literal["grounded", "complete", "preferred", "stable"]
SEMANTICS: tuple[Semantics, ...] = get_args(Semantics)
