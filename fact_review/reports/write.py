"""Atomic report files: a crash or an error leaves the old file or the new one, never a truncated one."""
from __future__ import annotations

import errno
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from fact_review.errors import ExplainedError, InputError
from fact_review.file_kinds import special_kind
from fact_review.leftovers import remove_abandoned, temporary_name

SQLITE_HEADER = b"SQLite format 3\x00"


def check_destination(path: Path) -> None:
    """Refuse to write a file at ``path`` unless it is a new name in an existing folder or a plain file
    that is not a database.

    Writing replaces the file by renaming a new one over it: over a device, a pipe or a link that would
    put a plain file in its place (as root, ``-o /dev/null`` replaced the device node); over a database,
    the reviewers' work.
    """
    try:
        status = path.lstat()
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise InputError(f"{path}: the folder {path.parent} does not exist") from None
        return
    except OSError as error:
        raise InputError(f"{path}: cannot be written ({error.strerror})") from None
    kind = special_kind(status.st_mode)
    if kind == "a folder":
        raise InputError(f"{path}: is a folder; give a file name for the report")
    if kind is not None:
        raise InputError(f"{path}: is {kind}, not a plain file; name a new file, or leave out the output "
                         "file to write to standard output")
    try:
        with open(path, "rb") as existing:
            header = existing.read(len(SQLITE_HEADER))
    except OSError:
        return  # unreadable: the rename decides whether it may be replaced
    if header == SQLITE_HEADER:
        raise InputError(f"{path}: is a database; a report written there would replace it")


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
    check_destination(path)
    remove_abandoned(path.parent, ".*.pid*.tmp")  # left by a report killed half-way, whatever its name
    while True:
        temporary = path.with_name("." + temporary_name(path.name, secrets.token_hex(4)))
        try:
            # 0o666 through the umask, as a plain open() would give (mkstemp would make it private).
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:
            continue
        except OSError as error:
            raise _not_written(path, error) from None
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _not_written(path, error) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)


def _not_written(path: Path, error: OSError) -> Exception:
    """A folder that cannot be written is the user's choice of ``-o`` (bad input); a full disk is not."""
    said = f"{path}: cannot be written ({error.strerror or error}); nothing was written"
    if isinstance(error, PermissionError) or error.errno in (errno.EROFS, errno.ENOENT, errno.ENOTDIR):
        return InputError(said)
    return ExplainedError(said + (": free some space and try again" if error.errno == errno.ENOSPC else ""))


def write_atomic(path: Path | str, content: bytes) -> None:
    with atomic_path(path) as temporary:
        temporary.write_bytes(content)
