"""Install and remove the desktop files in user scope: ``$XDG_DATA_HOME`` (default ``~/.local/share``).

Only files named after the app id are written or removed; the desktop's caches are refreshed with the
freedesktop tools when they are on the PATH (without them a desktop picks the files up at next login).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Mapping, Optional, Sequence

from fact_review.desktop.entry import desktop_entry
from fact_review.desktop.identity import APP_ID, ICON_SIZES, ICON_SVG_NAME, icon_png_name
from fact_review.reports.write import write_atomic
from fact_review.resource_files import resource_path

COMMAND_NAME = "fact-review"
APPLICATIONS = PurePosixPath("applications")
HICOLOR = PurePosixPath("icons", "hicolor")
METAINFO_NAME = f"{APP_ID}.metainfo.xml"


@dataclass
class Outcome:
    """What an install or uninstall did, for the command to report."""

    data_home: Path
    files: list[Path] = field(default_factory=list)  # written, or removed
    refreshed: list[str] = field(default_factory=list)  # cache tools that ran
    missing_tools: list[str] = field(default_factory=list)


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """``$XDG_DATA_HOME`` when set to an absolute path (the spec ignores a relative one), else ~/.local/share."""
    value = environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """How a desktop starts this installation's window: the bundle's program, the installed
    ``fact-review`` script beside this Python, or this Python running the package."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the program is the app
        return [str(Path(sys.executable).resolve()), "open"]
    for scheme in (None, f"{os.name}_user"):
        scripts = sysconfig.get_path("scripts", scheme) if scheme else sysconfig.get_path("scripts")
        script = Path(scripts) / COMMAND_NAME
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script.absolute()), "open"]
    return [str(Path(sys.executable).absolute()), "-m", "fact_review", "open"]


def desktop_files(command: Sequence[str]) -> dict[PurePosixPath, bytes]:
    """Each file to install, by its path under the data home."""
    files = {
        APPLICATIONS / f"{APP_ID}.desktop": desktop_entry(command).encode("utf-8"),
        PurePosixPath("metainfo", METAINFO_NAME): resource_path("desktop", METAINFO_NAME).read_bytes(),
        HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg": resource_path("icons", ICON_SVG_NAME).read_bytes(),
    }
    for size in ICON_SIZES:
        files[HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = \
            resource_path("icons", icon_png_name(size)).read_bytes()
    return files


def install(home: Optional[Path] = None, command: Optional[Sequence[str]] = None) -> Outcome:
    """Write the desktop files (replacing an earlier install's) and refresh the desktop's caches."""
    outcome = Outcome(home or data_home())
    for relative, content in desktop_files(command or launcher_command()).items():
        path = outcome.data_home / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, content)
        outcome.files.append(path)
    _refresh(outcome)
    return outcome


def uninstall(home: Optional[Path] = None) -> Outcome:
    """Remove the files an install wrote (nothing else), then refresh the caches."""
    outcome = Outcome(home or data_home())
    for relative in desktop_files([COMMAND_NAME]):
        path = outcome.data_home / relative
        if path.is_file():
            path.unlink()
            outcome.files.append(path)
    if outcome.files:
        _refresh(outcome)
    return outcome


def _refresh(outcome: Outcome) -> None:
    """Rebuild the caches that menus, "Open with" lists and icon lookups read."""
    jobs = [("update-desktop-database", ["-q", str(outcome.data_home / APPLICATIONS)])]
    if (outcome.data_home / HICOLOR / "index.theme").is_file():  # only a theme with an index keeps a cache
        jobs.append(("gtk-update-icon-cache", ["-q", "-f", str(outcome.data_home / HICOLOR)]))
    for tool, arguments in jobs:
        program = shutil.which(tool)
        if program is None:
            outcome.missing_tools.append(tool)
            continue
        subprocess.run([program, *arguments], check=False, capture_output=True, timeout=60)
        outcome.refreshed.append(tool)
