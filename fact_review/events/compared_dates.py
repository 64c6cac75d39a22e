"""Time facts for dates that the matcher compared but no event of the timeline holds.

Two statements the matcher links ("1,200 residents were moved out ... on Tuesday, March 3" and "1,400
residents were moved out ... on Monday, March 2") date the same happening even when its words are not
an event the timeline knows; their date check says whether the days agree. Each connected group of such
checks, over claims no other time fact holds, is a time fact named by what the statements say was done.
"""
from __future__ import annotations

from typing import Optional, Sequence

from fact_review.events.calendar import date_interval, iso_day
from fact_review.events.groups import Groups
from fact_review.events.labels import LOOK_BEHIND, statement_date_label
from fact_review.events.timeline import Timeline
from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.model import STATUS_ORDER, Check, FactClaim

Draft = tuple[str, str, tuple[FactClaim, ...], str, Optional[str], Optional[str]]


def compared_date_facts(checks: Sequence[Check], context: CheckContext, timeline: Timeline,
                        taken: set[int]) -> list[Draft]:
    """(label, status, claims, explanation, earliest, latest) of each group of date checks whose claims
    (by id) are not in ``taken``."""
    placed = {id(p.claim): p for p in context.placed}
    dated = [c for c in checks if c.kind == "date" and len(c.claims) >= 2
             and not any(id(m.claim) in taken for m in c.claims) and all(id(m.claim) in placed for m in c.claims)]
    groups = Groups()
    for check in dated:
        for member in check.claims[1:]:
            groups.union(id(check.claims[0].claim), id(member.claim))
    by_group: dict[object, list[Check]] = {}
    for check in dated:
        by_group.setdefault(groups.find(id(check.claims[0].claim)), []).append(check)
    drafts = []
    for group in by_group.values():
        members = list({id(m.claim): placed[id(m.claim)] for check in group for m in check.claims}.values())
        members.sort(key=lambda p: (p.article, p.claim.start))
        status = min((c.status for c in group), key=STATUS_ORDER.__getitem__)
        spans = [date_interval(p.claim.date, timeline.references[p.article]) for p in members]
        claims = tuple(FactClaim(p.article, p.claim, *(_days(span))) for p, span in zip(members, spans))
        earliest = latest = None
        known = [s for s in spans if s is not None]
        if status != "conflict" and known:
            first, last = max(s[0] for s in known), min(s[1] for s in known)
            if first <= last:
                earliest, latest = iso_day(first), iso_day(last)
        explanation = " ".join(dict.fromkeys(c.explanation for c in group))
        drafts.append((_label(context, members[0]), status, claims, explanation, earliest, latest))
    return drafts


def _label(context: CheckContext, first: PlacedClaim) -> str:
    sentence = context.sentences[first.sentence]
    return statement_date_label(sentence.text[max(0, first.claim.start - sentence.start - LOOK_BEHIND * 2):
                                              first.claim.start - sentence.start])


def _days(span: Optional[tuple[int, int]]) -> tuple[Optional[str], Optional[str]]:
    return (None, None) if span is None else (iso_day(span[0]), iso_day(span[1]))
