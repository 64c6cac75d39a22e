"""The command registry (ARCHITECTURE.md §6): every user action is a command with a stable id.

Commands are registered with a decorator on the function that runs them, as qutebrowser does::

    @command("claim-next", title="Next claim", category="Claims")
    def claim_next(self): ...

Menus, key bindings, status-bar hints and the cheat sheet are all generated from the registry, so a
command exists in one place only. Keys are not part of a command: they live in the keymap (data).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

CATEGORIES = ("Case", "Edit", "View", "Claims", "Verdicts", "Matches", "Help")  # the menus, in this order


@dataclass(frozen=True)
class Command:
    id: str
    title: str
    category: str
    run: Callable[..., object]
    hint: str = ""  # a short word for the status-bar hints; empty = not shown there


class CommandRegistry:
    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}

    def command(self, command_id: str, *, title: str, category: str, hint: str = "") -> Callable:
        if category not in CATEGORIES:
            raise ValueError(f"unknown command category {category!r} for {command_id!r}")

        def register(func: Callable) -> Callable:
            if command_id in self._commands:
                raise ValueError(f"command {command_id!r} is registered twice")
            self._commands[command_id] = Command(command_id, title, category, func, hint)
            return func

        return register

    def __getitem__(self, command_id: str) -> Command:
        return self._commands[command_id]

    def __contains__(self, command_id: object) -> bool:
        return command_id in self._commands

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())

    def __len__(self) -> int:
        return len(self._commands)

    def by_category(self) -> list[tuple[str, list[Command]]]:
        return [(c, [cmd for cmd in self if cmd.category == c]) for c in CATEGORIES
                if any(cmd.category == c for cmd in self)]


REGISTRY = CommandRegistry()
command = REGISTRY.command
