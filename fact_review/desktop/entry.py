"""The desktop entry (freedesktop Desktop Entry Specification 1.4, the newest that validators here know) that starts the window."""
from __future__ import annotations

import re
from typing import Sequence

from fact_review.desktop.identity import APP_ID, APP_NAME, ARTICLE_MIME_TYPES

# Characters that make an Exec argument need quotes, and those escaped inside the quotes (spec: "The Exec key").
_NEEDS_QUOTES = re.compile(r"""[\s"'\\><~|&;$*?#()`]""")
_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')


def exec_argument(argument: str) -> str:
    """One argument of an Exec line, quoted when the spec asks for it."""
    if "%" in argument:
        argument = argument.replace("%", "%%")  # a literal percent sign; %F etc. are added by the caller
    if not _NEEDS_QUOTES.search(argument):
        return argument
    return '"' + _ESCAPED_IN_QUOTES.sub(r"\\\1", argument) + '"'


def _string_value(text: str) -> str:
    """A value of type string: backslashes doubled (the key file's own escaping, applied after Exec's)."""
    return text.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The entry that runs ``command`` (the program and its leading arguments) with the files opened."""
    exec_line = " ".join(exec_argument(part) for part in command) + " %F"
    return "\n".join((
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={APP_NAME}",
        "GenericName=Claim Review",
        "Comment=Review the numeric claims of several news reports side by side",
        f"Exec={_string_value(exec_line)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "StartupNotify=true",
        f"StartupWMClass={APP_NAME}",
        "Categories=Office;",
        "Keywords=fact-check;claims;news;numbers;verification;journalism;",
        "MimeType=" + "".join(f"{mime};" for mime in ARTICLE_MIME_TYPES),
        "",
    ))
