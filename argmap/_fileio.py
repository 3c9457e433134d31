"""Reading map files and writing outputs atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError, SourceFileError


def read_text(path: str | os.PathLike[str], *, what: str = "map file") -> str:
    """Read a UTF-8 text file, translating failures into :class:`SourceFileError`.

    A leading byte-order mark is dropped.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise SourceFileError(f"{os.fspath(path)}: {what} not found; check the path") from None
    except IsADirectoryError:
        raise SourceFileError(f"{os.fspath(path)}: is a directory, expected a {what}") from None
    except OSError as exc:
        raise SourceFileError(f"{os.fspath(path)}: cannot read {what}: {exc.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceFileError(
            f"{os.fspath(path)}:{line}:{column}: {what} is not valid UTF-8 "
            f"(byte 0x{data[exc.start]:02x}); save it as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


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
