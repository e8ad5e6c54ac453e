"""Reading text strictly and writing files atomically."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from docs_i18n.core.errors import InputError

_LINE_END_RE = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """*text*'s lines as an editor numbers them for ``path:line``: cut at CRLF, CR and LF only
    (``str.splitlines`` also cuts at ``\\x0b``, ``\\x0c``, ``\\x1c``-``\\x1e``, ``\\x85``,
    ``\\u2028`` and ``\\u2029``, which are text in a catalog, a glossary or TOML)."""
    return _LINE_END_RE.split(text)


def decode_utf8(data: bytes, path: str | Path) -> str:
    """Decode *data* as UTF-8 or raise :class:`InputError` at the first bad line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            path, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None


# Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


def special_kind(mode: int) -> str | None:
    """What a file of *mode* is when it is a FIFO, socket or device (not a regular file or folder)."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def skipped_warning(path: str | Path) -> InputError:
    """The warning for a FIFO, socket or device found where a page or catalog could be."""
    try:
        kind = special_kind(os.stat(path).st_mode) or "a special file"
    except OSError:
        kind = "a special file"
    return InputError(path, 0, f"skipped: it is {kind}, not a file (only regular files are read)")


def _open_regular(path: str | Path, what: str) -> int:
    """A descriptor of *path* opened for reading; :class:`InputError` unless it is a regular file
    (a FIFO, socket or device is refused without waiting on it)."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        raise InputError(path, 0, f"cannot read {what}: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise InputError(path, 0, f"cannot read {what}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = special_kind(mode) or ("a folder" if stat.S_ISDIR(mode) else "a special file")
        raise InputError(path, 0, f"cannot read {what}: it is {kind}, not a file")
    return fd


def read_bytes(path: str | Path, what: str = "file") -> bytes:
    """Read *path*, reporting a file that cannot be read as :class:`InputError`.

    Only regular files are read. Plain ``os`` calls: status reads thousands of small
    files, and this is about twice as fast as ``open().read()``.
    """
    fd = _open_regular(path, what)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(path, 0, f"cannot read {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_head(path: str | Path, end_of_head: Callable[[bytes], int | None], chunk: int = 4096) -> bytes:
    """The first bytes of *path*, up to the offset *end_of_head* finds in what was read so far.

    Reads one *chunk*, then more only while *end_of_head* returns ``None``; gives the
    whole file when it never finds an end. Each read doubles what was read, so a head
    without an end costs time linear in the file, not quadratic.
    """
    fd = _open_regular(path, "file")
    try:
        data = os.read(fd, chunk)
        while (end := end_of_head(data)) is None:
            more = os.read(fd, max(chunk, len(data)))
            if not more:
                return data
            data += more
        return data[:end]
    except OSError as exc:
        raise InputError(path, 0, f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_text(path: str | Path, what: str = "file") -> str:
    """Read *path* as UTF-8, reporting unreadable files and bad bytes as :class:`InputError`."""
    return decode_utf8(read_bytes(path, what), path)


def check_inside(path: str | Path, folder: str | Path) -> None:
    """Raise :class:`InputError` unless *path* lies below *folder*, with no ``..`` or
    symbolic link leading out of it, *folder* itself included (tools write only inside
    their own folders: ``locale/<lang>/``, ``<root>/<lang>/``)."""
    absolute = os.path.abspath(folder)
    relative = os.path.relpath(os.path.abspath(path), absolute)
    inside = relative != os.curdir and relative.split(os.sep, 1)[0] != os.pardir
    expected = os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute), relative)
    if not inside or os.path.realpath(path) != expected:
        raise InputError(path, 0, f"refusing to write outside {folder} (a '..' or a symbolic link leads out of it)")


def atomic_write(path: str | Path, data: bytes | str) -> None:
    """Write *data* to *path* through a temporary file and a rename.

    The file keeps its permission bits; readers never see a half-written file; a file
    that already holds *data* is not touched.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return  # unchanged: leave the file (and its modification time) alone
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # here: a quick reader (status) does not pay for its imports

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
