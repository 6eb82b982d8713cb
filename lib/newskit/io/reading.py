"""Read a corpus file only when it is what a catalog row promises: a regular
file, inside the corpus folder, no larger than the per-file limit.

A catalog names files relative to its folder, and ``..`` or an absolute path
is refused where the catalog is read (:mod:`newskit.io.catalog`).  That is not
enough on its own: ``raw/a.txt`` may be a symbolic link to ``/etc/passwd``,
``raw`` a link to ``/etc``.  So a file is opened by its *real* path
(``Path.resolve(strict=True)``), and the real path must lie inside the real
corpus folder.  Links that stay inside the corpus (two catalogs sharing one
``raw/`` folder under a common root, a renamed file) keep working.

Only regular files are read: a directory, a named pipe (reading one would
block forever), a socket or a device is refused with what it is.  The size
is checked with ``os.stat`` before a byte is read, so an 8 GB file is refused
at once with the limit in the message instead of ending in a bare
``MemoryError`` (the limit: :func:`newskit.config.max_file_bytes`,
``$NEWSKIT_MAX_FILE_BYTES``, default 256 MiB).  The file is opened without
following a last-moment link and checked again on the open descriptor (same
inode, still a regular file, still within the limit), and at most
``limit + 1`` bytes are read, so a file swapped or grown between the checks
and the read is refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newskit.config import MAX_FILE_BYTES_ENV, max_file_bytes
from newskit.errors import CorpusError

__all__ = ["describe_file_kind", "format_size", "read_checked", "resolve_inside"]

#: ``os.stat`` file types that are not regular files, with their names.
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def describe_file_kind(mode: int) -> str | None:
    """What a non-regular file is (``"a directory"``…), ``None`` for a
    regular file."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def format_size(size: int) -> str:
    """``268435456`` → ``"268,435,456 bytes (256 MiB)"``."""
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= factor:
            return f"{size:,} bytes ({size / factor:.3g} {unit})"
    return f"{size:,} bytes"


def _real_path(path: Path) -> Path:
    """``path`` with every symbolic link resolved; a missing file, a link
    to nowhere and a link loop each get their own message."""
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            raise CorpusError(path, f"is a symbolic link to {os.readlink(path)}, which does not exist") from None
        raise CorpusError(path, "file not found (check the 'file' column of the catalog)") from None
    except (RuntimeError, OSError) as exc:  # RuntimeError: a link loop (Python 3.11-3.12)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise CorpusError(path, f"cannot be resolved to a file ({reason}): a symbolic link loop?") from None


def resolve_inside(path: str | Path, root: str | Path) -> Path:
    """The real path of ``path``, which must lie inside the real ``root``."""
    path = Path(path)
    real, real_root = _real_path(path), Path(root).resolve()
    if not real.is_relative_to(real_root):
        raise CorpusError(path, f"leads outside the corpus folder {real_root} (its real path is {real}): a "
                                "corpus reads only files inside its folder; copy the file in instead of linking it")
    return real


def _check_stat(path: Path, info: os.stat_result, limit: int) -> None:
    """Refuse a file that is not regular or is larger than ``limit``."""
    kind = describe_file_kind(info.st_mode)
    if kind is not None:
        raise CorpusError(path, f"is {kind}, not a regular file (check the 'file' column of the catalog)")
    if info.st_size > limit:
        raise CorpusError(path, f"is {format_size(info.st_size)}, over the limit of {format_size(limit)} per file: "
                                f"split it, or raise the limit with {MAX_FILE_BYTES_ENV} (e.g. 1G)")


def read_checked(path: str | Path, *, root: str | Path | None = None, limit: int | None = None) -> bytes:
    """The bytes of ``path`` (see the module docstring): with ``root``, its
    real path must be inside ``root``; ``limit`` defaults to
    :func:`newskit.config.max_file_bytes`.  Every refusal is a
    :class:`CorpusError` naming ``path`` as given."""
    path = Path(path)
    limit = max_file_bytes() if limit is None else limit
    real = resolve_inside(path, root) if root is not None else _real_path(path)
    try:
        before = os.stat(real)
        _check_stat(path, before, limit)
        fd = os.open(real, _OPEN_FLAGS)
        with os.fdopen(fd, "rb") as handle:
            opened = os.fstat(handle.fileno())
            if (opened.st_dev, opened.st_ino) != (before.st_dev, before.st_ino):
                raise CorpusError(path, "was replaced while it was being opened; run again")
            _check_stat(path, opened, limit)
            data = handle.read(limit + 1)
    except OSError as exc:
        raise CorpusError(path, f"cannot be read: {exc.strerror or exc}") from None
    except MemoryError:
        raise CorpusError(path, f"is {format_size(before.st_size)}, more than this machine has memory for; "
                                f"split it, or lower {MAX_FILE_BYTES_ENV} to refuse such files at once") from None
    if len(data) > limit:
        raise CorpusError(path, f"grew past the limit of {format_size(limit)} per file while it was read")
    return data
