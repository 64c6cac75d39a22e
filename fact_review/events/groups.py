"""Union-find: the one structure behind facts (claims that state one thing) and events (mentions of one
happening), so that grouping stays linear in what is grouped."""
from __future__ import annotations

from typing import Hashable, Iterable, TypeVar

Item = TypeVar("Item", bound=Hashable)


class Groups:
    def __init__(self) -> None:
        self._parent: dict = {}

    def add(self, item: Hashable) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: Hashable) -> Hashable:
        self.add(item)
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:  # path compression
            self._parent[item], item = root, self._parent[item]
        return root

    def union(self, a: Hashable, b: Hashable) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[root_b] = root_a

    def members(self, items: Iterable[Item]) -> list[list[Item]]:
        """``items`` grouped, groups in the order of their first member, members in the given order."""
        groups: dict = {}
        for item in items:
            groups.setdefault(self.find(item), []).append(item)
        return list(groups.values())
