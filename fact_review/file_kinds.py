"""What kind of file a path is, as a refusal names it: anything but a plain file is read or replaced
differently (a pipe's reader waits for a writer forever; a rename over a device puts a plain file in its
place)."""
from __future__ import annotations

import stat
from typing import Optional

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"))


def special_kind(mode: int) -> Optional[str]:
    """"a folder", "a named pipe" ... for a ``st_mode`` that is not a plain file's; None for a plain file."""
    return next((kind for is_kind, kind in _KINDS if is_kind(mode)), None if stat.S_ISREG(mode) else "not a file")
