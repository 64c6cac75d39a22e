"""Atomic report files: a crash or an error leaves the old file or the new one, never a truncated one."""
from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from fact_review.errors import InputError


def _check_destination(path: Path) -> None:
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for the report")
    if not path.parent.is_dir():
        raise InputError(f"{path}: the folder {path.parent} does not exist")


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder for this)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """A new temporary file beside ``path`` to write the report into.

    When the block ends normally the file is flushed to disk and renamed over ``path`` (keeping the
    permissions of the file it replaces); when it raises, the temporary file is removed and ``path`` is
    untouched.
    """
    path = Path(path)
    _check_destination(path)
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            # 0o666 through the umask, as a plain open() would give (mkstemp would make it private).
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:
            continue
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)


def write_atomic(path: Path | str, content: bytes) -> None:
    with atomic_path(path) as temporary:
        temporary.write_bytes(content)
