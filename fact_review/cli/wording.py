"""Summary lines that read right: "1 discrepancy", "2 discrepancies"."""
from __future__ import annotations


def count(number: int, singular: str, plural: str = "") -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
