"""The limits argmap keeps to with untrusted input, and how each is raised.

Each limit has a default and an environment variable that overrides it;
evaluation's also has a parameter (``max_steps``) and a command-line option
(``--max-steps``). docs/safety.md lists them all. Imports nothing of argmap's
but its errors.
"""

from __future__ import annotations

import os

import attrs

from .errors import LimitError


@attrs.frozen
class Limit:
    """One limit: its default and the environment variable that overrides it.

    Attributes:
        variable: The environment variable, e.g. ``ARGMAP_MAX_MAP_BYTES``.
        default: The limit when the variable is not set.
        what: What is limited, for messages: ``bytes in a map file``.
    """

    variable: str
    default: int
    what: str

    def value(self) -> int:
        """The limit in force: the environment variable's value when set, else the default.

        Raises:
            LimitError: The variable is set to something other than a whole number above 0.
        """
        raw = os.environ.get(self.variable)
        if raw is None or not raw.strip():
            return self.default
        try:
            number = int(raw.strip().replace("_", ""))
        except ValueError:
            number = 0
        if number <= 0:
            raise LimitError(
                f"{self.variable} must be a whole number above 0, the most {self.what} "
                f"(got {raw!r}); unset it for the default, {self.default:,}"
            )
        return number

    def raise_hint(self) -> str:
        """``set ARGMAP_MAX_... to raise it``, for the end of a message."""
        return f"set the environment variable {self.variable} to a larger number to allow more"


#: The size of a map file (or a file it includes), in bytes, checked before reading it.
MAP_BYTES = Limit("ARGMAP_MAX_MAP_BYTES", 100_000_000, "bytes in a map file")
#: The size of a source's text file, in bytes, checked before reading it.
SOURCE_BYTES = Limit("ARGMAP_MAX_SOURCE_BYTES", 100_000_000, "bytes in a source's text file")
#: How deep includes may chain: a map including a map including a map...
INCLUDE_DEPTH = Limit("ARGMAP_MAX_INCLUDE_DEPTH", 100, "levels of include")
#: The characters of text a YAML document holds once its aliases are expanded.
EXPANDED_CHARS = Limit(
    "ARGMAP_MAX_EXPANDED_CHARS", 100_000_000, "characters of text after expanding aliases"
)
#: The steps of the search for an evaluation's labellings (choices tried, classes carried on).
EVALUATION_STEPS = Limit("ARGMAP_MAX_EVALUATION_STEPS", 1_000_000, "steps of an evaluation")


class Budget:
    """Steps a search may still take; :meth:`spend` raises :class:`LimitError` past the limit.

    Args:
        limit: The most steps, or ``None`` for :data:`EVALUATION_STEPS`'s value.
        task: What the steps are for, for the message: ``evaluating under
            preferred semantics``.
    """

    def __init__(self, limit: int | None, task: str) -> None:
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
            raise TypeError(f"'max_steps' must be a whole number (got {limit!r})")
        if limit is not None and limit <= 0:
            raise ValueError(f"'max_steps' must be more than 0 (got {limit!r})")
        self.limit = EVALUATION_STEPS.value() if limit is None else limit
        self.left = self.limit
        self.task = task

    def spend(self, steps: int = 1) -> None:
        """Take ``steps`` from what is left; raise :class:`LimitError` when none is left."""
        self.left -= steps
        if self.left < 0:
            raise LimitError(
                f"{self.task} takes more than {self.limit:,} steps, so it stopped; allow more "
                f"with --max-steps (max_steps= in Python, or the environment variable "
                f"{EVALUATION_STEPS.variable}), or use grounded semantics, which needs no search"
            )
