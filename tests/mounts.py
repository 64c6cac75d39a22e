"""Real file systems for tests of a full disk and a read-only folder: a small tmpfs, remounted read-only
when asked. Mounting needs root; tests that need it skip otherwise (``need_mounts``)."""
from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

need_mounts = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None,
    reason="mounting a small tmpfs (a full disk, a read-only folder) needs root",
)


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


@contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """``folder`` as a fresh tmpfs of ``size``, unmounted (and its content gone) when the block ends."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system holding ``folder`` until ``leave`` bytes are free; the filler file is returned."""
    filler = folder / "filler"
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(filler, "wb") as handle:
        os.posix_fallocate(handle.fileno(), 0, max(free - leave, 1))
    return filler


def make_read_only(folder: Path) -> None:
    """Remount the tmpfs at ``folder`` read-only: nothing, not even root, can write there."""
    _mount("-o", "remount,ro", str(folder))
