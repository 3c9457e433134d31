"""Redraw a map whenever it, or a file it includes, changes: ``argmap watch``.

Changes are found by polling each file's size, modification time and inode,
so nothing beyond the standard library is needed and every editor's way of
saving (in place, or by writing a new file and renaming it) is seen.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import ArgmapError, MapError
from ..model import Origin

if TYPE_CHECKING:
    from .._names import Format, ReadFormat
    from ..view import ViewOptions

#: What is known of a file between two polls; ``None`` when it is missing.
Stamp = tuple[int, int, int] | None


def stamps(files: Iterable[Path]) -> dict[Path, Stamp]:
    """Size, modification time (ns) and inode of each file, ``None`` for a missing one."""
    result: dict[Path, Stamp] = {}
    for file in files:
        try:
            status = os.stat(file)
        except OSError:
            result[file] = None
        else:
            result[file] = (status.st_size, status.st_mtime_ns, status.st_ino)
    return result


class Watcher:
    """Draws one map into one file, and again whenever its files change.

    Args:
        path: The map file.
        target: The file to draw into.
        format: The output format (``svg``, ``png``, ``pdf`` or ``dot``).
        options: How to draw the map.
        source_format: Read the map as this format (``None``: from its name).
        out: Where ``wrote ...`` and the other summaries go.
        err: Where the problems of the map go.
    """

    def __init__(
        self,
        path: Path,
        target: Path,
        *,
        format: Format,
        options: ViewOptions,
        source_format: ReadFormat | None,
        out: TextIO,
        err: TextIO,
    ) -> None:
        self.path = path
        self.target = target
        self.format = format
        self.options = options
        self.source_format = source_format
        self.out = out
        self.err = err
        #: The files the map was read from: the map and the files it includes.
        self.files: list[Path] = [path]

    def draw(self) -> bool:
        """Load and draw the map once; print what happened. True when the file was written.

        A map with errors is not drawn: its problems are printed and the
        target keeps its last good drawing.
        """
        from .._io import load
        from .._render import render

        try:
            argument_map = load(self.path, format=self.source_format)
            self.files = _unique([self.path, *_map_files(argument_map.origin)])
            lang = self.options.lang
            if lang is not None and lang not in argument_map.langs:
                langs = ", ".join(argument_map.langs) or "none declared"
                self._say(
                    f"{self.path}: error: no-such-lang: the map has no text in {lang!r} "
                    f"(its languages: {langs}); give one of them to --lang",
                    self.err,
                )
                return self._kept()
            written = render(argument_map, self.target, self.options, format=self.format)
        except MapError as exc:
            # A file that is broken now (a new include, say) is watched too, so fixing it redraws.
            named = [Path(issue.file) for issue in exc.issues if issue.file]
            self.files = _unique([*self.files, *named])
            self._say(str(exc), self.err)
            return self._kept()
        except ArgmapError as exc:
            self._say(str(exc), self.err)
            return self._kept()
        self._say(f"wrote {written}", self.out)
        return True

    def _kept(self) -> bool:
        self._say(f"{self.target}: left as it was; fix the problems above", self.out)
        return False

    def _say(self, text: str, stream: TextIO) -> None:
        print(text, file=stream, flush=True)  # flushed: the reader may be a pipe

    def run(
        self,
        *,
        interval: float = 0.5,
        cycles: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> int:
        """Draw the map, then poll its files every ``interval`` seconds and redraw on change.

        Args:
            interval: Seconds between two polls.
            cycles: Stop after this many polls (``None``: until interrupted).
            sleep: Waits between polls (tests pass their own).

        Returns:
            The exit status: 0 after Ctrl-C (KeyboardInterrupt), else 0 when
            the last drawing succeeded and 1 when it failed.
        """
        self._say(f"watching {self.path}; press Ctrl-C to stop", self.out)
        try:
            seen = stamps(self.files)
            ok = self.draw()
            seen = _extend(seen, self.files)
            polls = 0
            while cycles is None or polls < cycles:
                sleep(interval)
                polls += 1
                now = stamps(self.files)
                if now == seen:
                    continue
                ok = self.draw()
                seen = _extend(now, self.files)
        except KeyboardInterrupt:
            # On a terminal the ^C the user typed stands at the start of a line: end that line.
            fresh_line = "\n" if self.out.isatty() else ""
            self._say(f"{fresh_line}stopped watching {self.path}", self.out)
            return 0
        return 0 if ok else 1


def _extend(seen: Mapping[Path, Stamp], files: Iterable[Path]) -> dict[Path, Stamp]:
    """The stamps of ``files``: from ``seen`` where it has them, taken now for the others.

    ``seen`` is taken before the map is read, so a save while it is drawn is
    seen at the next poll; a file first named by this reading is taken as it
    is now.
    """
    fresh = [f for f in files if f not in seen]
    return {**{f: seen[f] for f in files if f in seen}, **stamps(fresh)}


def _map_files(origin: Origin | None) -> list[Path]:
    """The files a map was read from, as its ``origin`` records them."""
    if origin is None:
        return []
    return [Path(name) for name in origin.files]


def _unique(files: Iterable[Path]) -> list[Path]:
    return list(dict.fromkeys(files))
