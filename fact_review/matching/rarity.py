"""How rare a term is among a set of sentences (inverse document frequency), so that sharing "Cheeks" or
"Sukanya" counts for more than sharing "coach" or "ship" in a case about one story."""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable

# Below this many sentences, document frequencies are noise: every term weighs the same.
MIN_SENTENCES = 20


class Rarity:
    def __init__(self, documents: Iterable[Iterable[str]]):
        df: Counter[str] = Counter()
        n = 0
        for terms in documents:
            n += 1
            df.update(set(terms))
        flat = n < MIN_SENTENCES
        self._n = n
        self._unseen = 1.0 if flat else math.log((n + 1) / 0.5)
        self._weights = {t: 1.0 if flat else math.log((n + 1) / (count + 0.5)) for t, count in df.items()}
        self._totals: dict[frozenset[str], float] = {}

    @property
    def sentences(self) -> int:
        return self._n

    def weighed(self, terms: frozenset[str]) -> list[tuple[str, float]]:
        """Each of ``terms`` with its weight, in the set's order."""
        weights, unseen = self._weights, self._unseen
        return [(t, weights.get(t, unseen)) for t in terms]

    def total(self, terms: frozenset[str]) -> float:
        """The summed weight of a sentence's ``terms`` (remembered: each sentence comes in many pairs)."""
        total = self._totals.get(terms)
        if total is None:
            total = self._totals[terms] = self.shared(terms, terms)
        return total

    def shared(self, a: frozenset[str], b: frozenset[str]) -> float:
        """The summed weight of the terms ``a`` and ``b`` share."""
        return self.sum(a & b)

    def sum(self, terms: frozenset[str]) -> float:
        weights, unseen = self._weights, self._unseen
        return math.fsum([weights.get(t, unseen) for t in terms])  # exact, so set order (hash seed) cannot change it
