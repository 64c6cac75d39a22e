"""Where the app's data files are: ``resources/`` in the source tree, ``fact_review/resources`` once installed.

Read through ``importlib.resources`` so a wheel, an editable install and a bundle all find them. The
package is never zipped (setuptools installs it as files), so a plain ``Path`` is what callers get.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a data file or folder, e.g. ``resource_path("reports")`` or ``resource_path("keymap.json")``."""
    node = files("fact_review.resources")
    for part in parts:  # one at a time: Python 3.11's MultiplexedPath (a frozen bundle's) takes one name
        node = node.joinpath(part)
    return Path(str(node))
