"""The limits argmap keeps to with untrusted input, and how each is raised.

Each limit has a default and an environment variable that overrides it;
evaluation's two (steps and seconds) also have parameters (``max_steps``,
``max_seconds``) and command-line options (``--max-steps``,
``--max-seconds``). docs/safety.md lists them all. Imports nothing of
argmap's but its errors.
"""

from __future__ import annotations

import os
import time

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


@attrs.frozen
class TimeLimit:
    """A limit in seconds: its default and the environment variable that overrides it.

    Attributes:
        variable: The environment variable, e.g. ``ARGMAP_MAX_EVALUATION_SECONDS``.
        default: The limit when the variable is not set.
        what: What is limited, for messages: ``seconds of an evaluation's search``.
    """

    variable: str
    default: float
    what: str

    def value(self) -> float:
        """The limit in force: the environment variable's value when set, else the default.

        Raises:
            LimitError: The variable is set to something other than a number above 0.
        """
        raw = os.environ.get(self.variable)
        if raw is None or not raw.strip():
            return self.default
        try:
            number = float(raw.strip().replace("_", ""))
        except ValueError:
            number = 0.0
        if not 0 < number < float("inf"):  # also false for nan
            raise LimitError(
                f"{self.variable} must be a number above 0, the most {self.what} "
                f"(got {raw!r}); unset it for the default, {seconds(self.default)}"
            )
        return number


#: The steps of the search for an evaluation's labellings (choices tried, classes carried on).
EVALUATION_STEPS = Limit("ARGMAP_MAX_EVALUATION_STEPS", 1_000_000, "steps of an evaluation")
#: The time the search for an evaluation's labellings may take, in seconds.
#: Article-size maps and the debates of bench/ (2,000 arguments) need well
#: under a second; a search that has run for 10 is almost always one that
#: would run for hours (docs/evaluation.md, "Performance and limits").
EVALUATION_SECONDS = TimeLimit(
    "ARGMAP_MAX_EVALUATION_SECONDS", 10.0, "seconds of an evaluation's search"
)

#: How many steps a :class:`Budget` takes between two looks at the clock.
CLOCK_EVERY = 1_024


def now() -> float:
    """The clock a :class:`Budget` reads (monotonic seconds); tests replace it."""
    return time.monotonic()


def seconds(number: float) -> str:
    """``10``, ``2.5``, ``0.001``, ``1,234``: a number of seconds for a message."""
    return f"{number:,.0f}" if number >= 1_000 else f"{number:.3g}"


class Budget:
    """Steps and time a search may still take; :meth:`spend` raises :class:`LimitError` past either.

    The clock is read when the budget is made and every :data:`CLOCK_EVERY`
    steps after, so a search may run a little past its time (a few
    milliseconds) before it stops.

    Args:
        limit: The most steps, or ``None`` for :data:`EVALUATION_STEPS`'s value.
        task: What the steps are for, for the message: ``evaluating under
            preferred semantics``.
        max_seconds: The most seconds, or ``None`` for :data:`EVALUATION_SECONDS`'s value.
    """

    def __init__(self, limit: int | None, task: str, max_seconds: float | None = None) -> None:
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
            raise TypeError(f"'max_steps' must be a whole number (got {limit!r})")
        if limit is not None and limit <= 0:
            raise ValueError(f"'max_steps' must be more than 0 (got {limit!r})")
        check_seconds(max_seconds)
        self.limit = EVALUATION_STEPS.value() if limit is None else limit
        self.seconds = EVALUATION_SECONDS.value() if max_seconds is None else float(max_seconds)
        self.left = self.limit
        self.check_at = self.left - CLOCK_EVERY
        self.task = task
        self.start = now()

    def spend(self, steps: int = 1) -> None:
        """Take ``steps`` from what is left; raise :class:`LimitError` when none is left.

        Every :data:`CLOCK_EVERY` steps, also when the time is up.
        """
        self.left -= steps
        if self.left < 0:
            raise LimitError(
                f"{self.task} takes more than {self.limit:,} steps, so it stopped; allow more "
                f"with --max-steps (max_steps= in Python, or the environment variable "
                f"{EVALUATION_STEPS.variable}), or use grounded semantics, which needs no search"
            )
        if self.left <= self.check_at:
            self.check_at = self.left - CLOCK_EVERY
            spent = now() - self.start
            if spent > self.seconds:
                raise LimitError(
                    f"{self.task} ran for {spent:,.2f} seconds, past its limit of "
                    f"{seconds(self.seconds)} seconds, so it stopped; allow more time with "
                    f"--max-seconds (max_seconds= in Python, or the environment variable "
                    f"{EVALUATION_SECONDS.variable}), or use grounded semantics, which "
                    "needs no search"
                )


def check_seconds(max_seconds: float | None, name: str = "'max_seconds'") -> None:
    """Raise ``TypeError`` or ``ValueError`` unless ``max_seconds`` is ``None`` or a number above 0.

    ``name`` names it in the message: ``'max_seconds'``, or ``--max-seconds``.
    """
    if max_seconds is None:
        return
    if isinstance(max_seconds, bool) or not isinstance(max_seconds, int | float):
        raise TypeError(f"{name} must be a number of seconds (got {max_seconds!r})")
    if not 0 < max_seconds < float("inf"):  # also false for nan
        raise ValueError(f"{name} must be a number more than 0 (got {max_seconds:g})")
