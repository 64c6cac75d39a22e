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
        self._df: Counter[str] = Counter()
        self._n = 0
        for terms in documents:
            self._n += 1
            self._df.update(set(terms))
        self._unseen = math.log((self._n + 1) / 0.5)

    @property
    def sentences(self) -> int:
        return self._n

    def weight(self, term: str) -> float:
        if self._n < MIN_SENTENCES:
            return 1.0
        df = self._df.get(term)
        return self._unseen if df is None else math.log((self._n + 1) / (df + 0.5))

    def total(self, terms: Iterable[str]) -> float:
        return sum(self.weight(t) for t in terms)
