"""Difference constraints ``x[v] - x[u] <= w`` over whole days, and the textbook test of whether they can
all hold: they cannot exactly when the graph with an edge u -> v of weight w has a cycle of negative total
weight (Bellman-Ford). The cycle is returned as its edges, so that an explanation can name the chain.

The work is bounded: all the searches of one set of constraints (and of its parts, ``split``) share a
budget of ``WORK_LIMIT`` relaxations (a case no reader could follow anyway); once it is spent, the
answer is "no conflict found" and "open bounds" rather than a long wait.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Optional

WORK_LIMIT = 1_000_000


class Budget:
    def __init__(self, work: int):
        self.left = work

    def spend(self) -> bool:
        """One relaxation; False once the budget is spent."""
        self.left -= 1
        return self.left >= 0


@dataclass(frozen=True)
class Edge:
    source: int
    target: int
    weight: int  # x[target] - x[source] <= weight
    reason: Any  # what the statements said (for explanations)


class Constraints:
    def __init__(self, variables: int, budget: Optional[Budget] = None):
        self.variables = variables
        self.edges: list[Edge] = []
        self.budget = budget or Budget(WORK_LIMIT)

    def add(self, source: int, target: int, weight: int, reason: Any) -> None:
        if source != target or weight < 0:
            self.edges.append(Edge(source, target, weight, reason))

    def negative_cycle(self) -> Optional[list[Edge]]:
        """A cycle of negative weight, in order, or None when every constraint can hold (or the work limit
        was reached)."""
        outgoing = self._outgoing(self.edges)
        distance = [0] * self.variables  # as from a source joined to every variable by a 0 edge
        length = [0] * self.variables  # edges on the path that gave each distance
        via: list[Optional[Edge]] = [None] * self.variables
        queue = deque(range(self.variables))
        queued = [True] * self.variables
        budget = self.budget
        while queue:
            node = queue.popleft()
            queued[node] = False
            for edge in outgoing[node]:
                if not budget.spend():
                    return None
                candidate = distance[node] + edge.weight
                if candidate < distance[edge.target]:
                    distance[edge.target] = candidate
                    via[edge.target] = edge
                    length[edge.target] = length[node] + 1
                    if length[edge.target] >= self.variables:
                        return _cycle_through(edge.target, via, self.variables) or None
                    if not queued[edge.target]:
                        queued[edge.target] = True
                        queue.append(edge.target)
        return None

    def split(self, origin: int) -> list[tuple["Constraints", list[int]]]:
        """The constraints cut into parts that share only ``origin`` (events tied by no relation are checked
        apart): each part numbered from 0 (``origin``), with the variable each of its numbers stands for.
        Work then grows with the parts, not with the square of the case."""
        parent = list(range(self.variables))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for edge in self.edges:
            if origin not in (edge.source, edge.target):
                parent[find(edge.source)] = find(edge.target)
        parts: dict[int, tuple[Constraints, list[int], dict[int, int]]] = {}
        for edge in self.edges:
            key = find(edge.target if edge.source == origin else edge.source)
            if key not in parts:
                parts[key] = (Constraints(1, self.budget), [origin], {origin: 0})
            part, variables, local = parts[key]
            for variable in (edge.source, edge.target):
                if variable not in local:
                    local[variable] = len(variables)
                    variables.append(variable)
            part.variables = len(variables)
            part.edges.append(Edge(local[edge.source], local[edge.target], edge.weight, edge.reason))
        return [(part, variables) for part, variables, _ in parts.values()]

    def remove(self, edges: list[Edge]) -> None:
        dropped = {id(e) for e in edges}
        self.edges = [e for e in self.edges if id(e) not in dropped]

    @property
    def spent(self) -> bool:
        return self.budget.left <= 0

    def bounds(self, origin: int) -> tuple[list[Optional[int]], list[Optional[int]]]:
        """For every variable the least and greatest value it can take with ``origin`` at 0 (None: open, and
        all open when the budget ran out), once the constraints hold together."""
        latest = self._shortest(origin, self._outgoing(self.edges), forward=True)
        earliest = self._shortest(origin, self._outgoing(self.edges, reverse=True), forward=False)
        if self.spent:
            return [None] * self.variables, [None] * self.variables
        return [None if d is None else -d for d in earliest], latest

    def _outgoing(self, edges: list[Edge], reverse: bool = False) -> list[list[Edge]]:
        outgoing: list[list[Edge]] = [[] for _ in range(self.variables)]
        for edge in edges:
            outgoing[edge.target if reverse else edge.source].append(edge)
        return outgoing

    def _shortest(self, origin: int, outgoing: list[list[Edge]], *, forward: bool) -> list[Optional[int]]:
        distance: list[Optional[int]] = [None] * self.variables
        distance[origin] = 0
        queue = deque([origin])
        queued = [False] * self.variables
        queued[origin] = True
        while queue:
            node = queue.popleft()
            queued[node] = False
            for edge in outgoing[node]:
                if not self.budget.spend():
                    return distance
                other = edge.target if forward else edge.source
                candidate = distance[node] + edge.weight
                if distance[other] is None or candidate < distance[other]:
                    distance[other] = candidate
                    if not queued[other]:
                        queued[other] = True
                        queue.append(other)
        return distance


def _cycle_through(node: int, via: list[Optional[Edge]], variables: int) -> list[Edge]:
    """The cycle on the predecessor path of ``node`` (walking back ``variables`` steps lands inside it)."""
    for _ in range(variables):
        edge = via[node]
        if edge is None:
            return []
        node = edge.source
    cycle: list[Edge] = []
    current = node
    while len(cycle) <= variables:
        edge = via[current]
        if edge is None:
            return []
        cycle.append(edge)
        current = edge.source
        if current == node:
            cycle.reverse()
            return cycle
    return []
