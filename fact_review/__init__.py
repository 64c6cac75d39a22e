"""Fact Review core: reading articles, finding numeric claims, matching sources, storing verdicts.

Nothing in this package may import Qt (tests/test_layering.py enforces it).
"""

__version__ = "0.1.0"
