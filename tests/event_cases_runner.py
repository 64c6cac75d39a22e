"""Our own cases for events and facts (``tests/event_cases/*.json``): articles we wrote, with the checks and
facts that must be found and those that must not.

A case: ``{"name", "articles": [{"text", "published"?}], "claims"?: [...], "expect"?: [...], "forbid"?: [...],
"facts"?: [...]}``.
- ``expect``: a check must exist with this ``kind``/``status`` whose claims include every text in ``claims``;
- ``forbid``: no check may match (every field given must match for a check to count);
- ``facts``: a fact of this ``kind``/``status`` must hold every text in ``claims`` (``not_status``: and it
  must not have that status);
- ``claims``: count words the extractor does not give yet are added as claims ({"article", "text", "kind",
  "value"?, "low"?, "high"?, "noun"?, "qualifier"?}), found by their text in the article.

``python scripts/eval_cases.py`` (``make eval-cases``) prints how many expectations hold; the test suite
requires all of them.
"""
from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator, Optional

from fact_review.matching import match_case
from fact_review.model import Article, CaseAnalysis, Claim
from fact_review.pipeline import analyse_article

CASES = Path(__file__).resolve().parent / "event_cases"


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            cases.append({**case, "file": path.stem})
    return cases


def analyse(case: dict[str, Any]) -> CaseAnalysis:
    analysed = [analyse_article(Article(text=a["text"], published=a.get("published"))) for a in case["articles"]]
    for extra in case.get("claims", ()):
        index = extra["article"]
        analysed[index] = replace(analysed[index], claims=with_claim(analysed[index].article.text,
                                                                        analysed[index].claims, extra))
    return match_case(analysed)


def with_claim(text: str, claims: tuple[Claim, ...], extra: dict[str, Any]) -> tuple[Claim, ...]:
    start = text.find(extra["text"])
    if start < 0:
        raise ValueError(f"claim {extra['text']!r} is not in its article")
    end = start + len(extra["text"])
    kept = [c for c in claims if c.end <= start or c.start >= end]
    if len(kept) < len(claims):
        overlapping = [c for c in claims if not (c.end <= start or c.start >= end)]
        if any(c.start == start and c.end == end for c in overlapping):
            return claims  # the extractor gives it already
    dec = (lambda key: None if extra.get(key) is None else Decimal(str(extra[key])))
    added = Claim(start, end, extra["text"], extra["kind"], value=dec("value"), noun=extra.get("noun"),
                  qualifier=extra.get("qualifier"), low=dec("low"), high=dec("high"))
    return tuple(sorted([*kept, added], key=lambda c: c.start))


def outcomes(case: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    """Each expectation of the case in words, and whether it holds."""
    analysis = analyse(case)
    checks = [(c.kind, c.status, [x.claim.text for x in c.claims]) for c in analysis.checks]
    for want in case.get("expect", ()):
        yield f"expect {_describe(want)}", any(_matches(want, check) for check in checks)
    for banned in case.get("forbid", ()):
        yield f"forbid {_describe(banned)}", not any(_matches(banned, check) for check in checks)
    facts = [(f.kind, f.status, [c.claim.text for c in f.claims]) for f in analysis.facts]
    for want in case.get("facts", ()):
        found = [f for f in facts if _matches(want, f)]
        holds = bool(found) and not any(f[1] == want.get("not_status") for f in found)
        yield f"fact {_describe(want)}", holds


def _matches(want: dict[str, Any], found: tuple[str, str, list[str]]) -> bool:
    kind, status, texts = found
    return (want.get("kind") in (None, kind) and want.get("status") in (None, status)
            and all(text in texts for text in want.get("claims", ())))


def _describe(want: dict[str, Any]) -> str:
    parts = [want.get("kind") or "any kind", want.get("status") or "any status"]
    if want.get("claims"):
        parts.append("with " + ", ".join(f'"{t}"' for t in want["claims"]))
    return " ".join(parts)


def summary(cases: Optional[list[dict[str, Any]]] = None) -> tuple[int, int, list[str]]:
    """(expectations that hold, all expectations, the failures in words)."""
    held = total = 0
    failures = []
    for case in cases if cases is not None else load_cases():
        for what, holds in outcomes(case):
            total += 1
            held += holds
            if not holds:
                failures.append(f"{case['file']}: {case['name']}: {what}")
    return held, total, failures
