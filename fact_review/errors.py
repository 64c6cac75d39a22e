"""Errors the core raises for problems with the user's input (the CLI maps them to exit status 2), and the
failures it explains in words (exit status 1)."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


class InputError(Exception):
    """Input that cannot be used: unreadable, binary, empty, oversized or malformed.

    The message names the input and says what is wrong with it, in words a reviewer understands.
    """


class ExplainedError(Exception):
    """A failure that is not the input's fault (exit status 1) and whose message says all a person needs:
    a server that cannot be reached, a change refused because someone else changed the same thing."""


@contextmanager
def reading_file(name: object, expected: str) -> Iterator[None]:
    """Turns an ``OSError`` raised while opening or reading ``name`` into an ``InputError`` that says why;
    ``expected`` names what the file should have been ("an article file")."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not {expected}") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error})") from None
