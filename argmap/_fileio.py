"""Reading map files and writing outputs atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import Issue, OutputError, SourceFileError


def read_text(path: str | os.PathLike[str], *, what: str = "map file") -> str:
    """Read a UTF-8 text file, translating failures into :class:`SourceFileError`.

    A leading byte-order mark is dropped.
    """
    name = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise _unreadable(name, "file-not-found", f"{what} not found; check the path") from None
    except IsADirectoryError:
        raise _unreadable(name, "not-a-file", f"this is a folder, expected a {what}") from None
    except OSError as exc:
        message = f"cannot read {what}: {exc.strerror}"
        raise _unreadable(name, "unreadable-file", message) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"{what} is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8"
        raise _unreadable(name, "not-utf8", message, line, column) from None
    return text.removeprefix("\ufeff")


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
