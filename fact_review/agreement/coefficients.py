"""Agreement coefficients, from their published definitions.

Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement
20(1): kappa = (p_o - p_e) / (1 - p_e) over the items both coders rated.

Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability (the coincidence-matrix method): each
unit with m >= 2 values adds 1/(m - 1) for every ordered pair of its values to the coincidence matrix o;
with n_c its margins and n their total, alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck).
Missing values simply leave a unit with fewer values (a unit with one value is not pairable).

No library is used: the maintained one on PyPI (``krippendorff``) is GPL-licensed.
"""
from __future__ import annotations

from collections import Counter
from itertools import permutations
from typing import Callable, Hashable, Iterable, Literal, Optional, Sequence

Metric = Literal["nominal", "ordinal", "interval"]


def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> Optional[float]:
    """Kappa of two coders over ``pairs`` (one pair of labels per item both rated); None when it is
    undefined (no items, or chance agreement is certain: both used one and the same label throughout)."""
    pairs = list(pairs)
    if not pairs:
        return None
    total = len(pairs)
    observed = sum(1 for first, second in pairs if first == second) / total
    firsts, seconds = Counter(p[0] for p in pairs), Counter(p[1] for p in pairs)
    expected = sum(firsts[label] * seconds[label] for label in firsts) / (total * total)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Iterable[Sequence[Optional[float]]], metric: Metric = "ordinal") -> Optional[float]:
    """Alpha over ``units``, each the values its coders gave (None: a coder gave none).

    ``ordinal`` compares values by rank among the values used (the scale's order, not its distances);
    ``interval`` by squared difference; ``nominal`` by equality. None when alpha is undefined: no unit
    has two values, or every value used is the same (no disagreement is possible by chance either).
    """
    coincidences: Counter[tuple[float, float]] = Counter()
    for unit in units:
        values = [v for v in unit if v is not None]
        if len(values) < 2:
            continue
        for c, k in permutations(values, 2):
            coincidences[(c, k)] += 1 / (len(values) - 1)
    margins: Counter[float] = Counter()
    for (c, _k), weight in coincidences.items():
        margins[c] += weight
    n = sum(margins.values())
    if n == 0:
        return None
    distance = _distance(metric, margins)
    observed = sum(weight * distance(c, k) for (c, k), weight in coincidences.items())
    expected = sum(margins[c] * margins[k] * distance(c, k) for c in margins for k in margins)
    if expected == 0:
        return None
    return 1 - (n - 1) * observed / expected


def _distance(metric: Metric, margins: Counter) -> Callable[[float, float], float]:
    if metric == "nominal":
        return lambda c, k: 0.0 if c == k else 1.0
    if metric == "interval":
        return lambda c, k: float(c - k) ** 2
    if metric == "ordinal":
        ranked = sorted(margins)
        cumulative = {}  # value -> n of all values up to and including it
        running = 0.0
        for value in ranked:
            running += margins[value]
            cumulative[value] = running

        def ordinal(c: float, k: float) -> float:
            low, high = min(c, k), max(c, k)
            between = cumulative[high] - cumulative[low] + margins[low]  # n_g for g from low to high
            return (between - (margins[low] + margins[high]) / 2) ** 2

        return ordinal
    raise ValueError(f"unknown metric {metric!r}: nominal, ordinal or interval")
