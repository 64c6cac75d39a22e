"""Errors the core raises for problems with the user's input (the CLI maps them to exit status 2)."""


class InputError(Exception):
    """Input that cannot be used: unreadable, binary, empty, oversized or malformed.

    The message names the input and says what is wrong with it, in words a reviewer understands.
    """
