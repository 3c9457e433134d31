"""``python -m argmap``: the same as the ``argmap`` command."""

from .cli import run

run()
