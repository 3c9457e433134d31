"""Reading map files and writing outputs atomically."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ._limits import MAP_BYTES, Limit
from .errors import Issue, OutputError, SourceFileError


def resolved(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute with symbolic links followed, without ever raising.

    Unlike :meth:`Path.resolve`, a loop of links gives a path (whose reading
    then fails with a clear message), not a ``RuntimeError``. The caller
    refuses names holding a NUL character first.
    """
    return Path(os.path.realpath(path))


def read_text(
    path: str | os.PathLike[str], *, what: str = "map file", limit: Limit = MAP_BYTES
) -> str:
    """Read a UTF-8 text file, translating failures into :class:`SourceFileError`.

    Only a regular file is read: a folder, a device, a pipe or a socket is
    refused before anything is read (a pipe would block), and so is a file
    larger than ``limit`` allows (checked before reading, so a huge sparse
    file costs nothing). A leading byte-order mark is dropped.
    """
    name = os.fspath(path)
    if "\0" in name:
        raise _unreadable(
            name, "bad-file-name", f"the {what}'s name holds a NUL character; remove it"
        )
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise _unreadable(name, "file-not-found", f"{what} not found; check the path") from None
    except OSError as exc:
        message = f"cannot read {what}: {exc.strerror}"
        raise _unreadable(name, "unreadable-file", message) from None
    kind = os.fstat(fd)
    if not stat.S_ISREG(kind.st_mode):
        os.close(fd)
        if stat.S_ISDIR(kind.st_mode):
            raise _unreadable(name, "not-a-file", f"this is a folder, expected {_a(what)}")
        raise _unreadable(
            name,
            "not-a-file",
            f"this is a device, a pipe or a socket, expected {_a(what)}; "
            "only regular files are read",
        )
    with os.fdopen(fd, "rb") as handle:
        most = limit.value()
        if kind.st_size > most:
            raise _too_large(name, what, kind.st_size, limit, most)
        try:
            data = handle.read(most + 1)
        except OSError as exc:
            message = f"cannot read {what}: {exc.strerror}"
            raise _unreadable(name, "unreadable-file", message) from None
        if len(data) > most:  # it grew while being read
            raise _too_large(name, what, len(data), limit, most)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"{what} is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8"
        raise _unreadable(name, "not-utf8", message, line, column) from None
    return text.removeprefix("\ufeff")


def _a(what: str) -> str:
    """``a map file``, ``an included map file``."""
    return f"{'an' if what[0] in 'aeiou' else 'a'} {what}"


def _too_large(file: str, what: str, size: int, limit: Limit, most: int) -> SourceFileError:
    return _unreadable(
        file,
        "file-too-large",
        f"the {what} has {size:,} bytes, more than the {most:,} allowed; {limit.raise_hint()}",
    )


def _unreadable(
    file: str, code: str, message: str, line: int | None = None, column: int | None = None
) -> SourceFileError:
    return SourceFileError(Issue(code, message, file=file, line=line, column=column))


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Either the whole new content is in place afterwards or, on failure, the
    file is as it was before. Raises :class:`OutputError` naming the problem.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            f"{os.fspath(target)}: output folder {os.fspath(folder)!r} does not exist; "
            "create it first"
        )
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{os.fspath(target)}: cannot write here: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{os.fspath(target)}: cannot write: {exc.strerror}") from None
    return target
