"""Reading map files and writing outputs atomically."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ._limits import MAP_BYTES, Limit
from .errors import Issue, OutputError, SourceFileError, printable_name


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
            # As much as the file holds, and one byte more to see it grow: asked
            # for the most allowed at once, Python would set aside that much.
            data = handle.read(kind.st_size + 1)
            if len(data) > kind.st_size:
                data += handle.read(most + 1 - len(data))
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
    file is as it was before. A file that exists keeps its permissions; a
    new one gets those the umask allows (as any program's new file does).
    A symbolic link stays: the file it leads to is replaced. A character
    device or a named pipe (``/dev/null``, a FIFO), and a file open in a
    process (``/dev/stdout``), are written to in place, never replaced by a
    file; a block device or a socket is refused. Raises :class:`OutputError` naming the problem.
    """
    named = Path(path)
    target, direct = _through_links(named)
    try:
        existing = os.stat(target)
    except (OSError, ValueError):
        existing = None
    if direct or (
        existing is not None
        and not stat.S_ISREG(existing.st_mode)
        and not stat.S_ISDIR(existing.st_mode)  # a folder: the rename below says so
    ):
        _write_special(named, existing.st_mode if existing is not None else 0, data)
        return named
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            f"{printable_name(os.fspath(named))}: output folder {os.fspath(folder)!r} "
            "does not exist; create it first"
        )
    try:
        fd, tmp = _temporary(folder, target.name)
    except OSError as exc:
        raise OutputError(
            f"{printable_name(os.fspath(named))}: cannot write here: {exc.strerror}"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if existing is not None:
            os.chmod(tmp, stat.S_IMODE(existing.st_mode))
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(
            f"{printable_name(os.fspath(named))}: cannot write: {exc.strerror}"
        ) from None
    return named


def _through_links(path: Path) -> tuple[Path, bool]:
    """The file a chain of symbolic links leads to, and whether to write it in place.

    A link is followed, so it is the file it names that is replaced, and
    the link stays. A link into ``/proc`` (``/dev/stdout`` is one) names a
    file some process holds open: it is written in place, as the shell's
    ``>`` would, never replaced (the process would not see the new file).
    """
    for _ in range(40):
        try:
            link = os.readlink(path)
        except (OSError, ValueError):
            return path, False  # not a link (or no file yet)
        path = path.parent / link
        if path.parts[1:2] == ("proc",):
            return path, True
    return path, True  # a loop of links: opening it says so


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new file beside the target, opened for writing, with the umask's permissions.

    (:func:`tempfile.mkstemp` would make it 0600 whatever the umask.)
    """
    import secrets  # only when writing: reading a map needs none of it

    for _ in range(100):
        tmp = os.fspath(folder / f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file")


def _write_special(target: Path, mode: int, data: bytes) -> Path:
    """Write in place to a character device, a named pipe or an open file; refuse the rest."""
    name = printable_name(os.fspath(target))
    if mode and not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISREG(mode)):
        raise OutputError(f"{name}: not a regular file, a character device or a pipe; give a file")
    try:
        # Appending: a file open in a process (/dev/stdout) keeps what it has written.
        with open(target, "ab") as handle:
            handle.write(data)
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror}") from None
    return target
