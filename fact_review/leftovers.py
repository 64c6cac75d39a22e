"""Temporary files named after the process that writes them, so that the next writer can remove those a
killed process left behind (a kill -9 during a backup or a report left its half-made copy forever)
without touching one that a live process is still writing."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

_OWNER = re.compile(r"\.pid(\d+)(?:-[0-9a-f]+)?\.tmp$")


def temporary_name(final_name: str, token: str = "") -> str:
    """``final_name`` with this process's id (and ``token``) as a ``.tmp`` name: ``report.pdf.pid42-1f.tmp``."""
    return f"{final_name}.pid{os.getpid()}{'-' + token if token else ''}.tmp"


def remove_abandoned(folder: Path, pattern: str, remove: Callable[[Path], None] = lambda p: p.unlink(missing_ok=True)) -> int:
    """Remove the temporary files matching ``pattern`` in ``folder`` whose writer is no longer running;
    returns how many. Files of another form are left alone."""
    removed = 0
    for path in folder.glob(pattern):
        owner = _OWNER.search(path.name)
        if owner is None or _running(int(owner.group(1))):
            continue
        try:
            remove(path)
        except OSError:  # not ours to remove (permissions): it stays, as it would have anyway
            continue
        removed += 1
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
