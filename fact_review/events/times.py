"""Time facts and order checks from a case's timeline: the dates (and durations) that place one event,
with the days between which it can have happened, and the statements whose times cannot hold together."""
from __future__ import annotations

from collections import Counter
from typing import Optional

from fact_review.events.calendar import date_interval, day_words, duration_days, iso_day, precision
from fact_review.events.explain import explain
from fact_review.events.labels import event_label
from fact_review.events.mentions import Mention, name_key
from fact_review.events.timeline import Event, Timeline, grain
from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import quoted
from fact_review.model import Check, Claim, FactClaim


Involved = tuple[set[int], int]  # the ids of a conflict's claims, and of the claim it names


def order_checks(timeline: Timeline, context: CheckContext, existing: list[Check]
                 ) -> tuple[list[Check], list[Involved]]:
    """A check per conflict (``order``; ``date`` when two dates of one event are all it takes), and for
    each the claims it involves. A conflict that a date check already reports is not repeated."""
    reported = {frozenset(id(c.claim) for c in check.claims) for check in existing
                if check.kind == "date" and check.status == "conflict"}
    checks, involved = [], []
    for conflict in timeline.conflicts:
        claims = conflict.claims
        ids = {id(p.claim) for p in claims}
        involved.append((ids, id(conflict.blamed.claim)))
        if frozenset(ids) in reported:
            continue
        only_dates = all(e.reason.kind in ("low", "high") and len(e.reason.claims) == 1 for e in conflict.cycle)
        checks.append(Check("date" if only_dates else "order", "conflict", tuple(p.checked() for p in claims),
                            explain(conflict, timeline, context)))
    return checks, involved


def time_facts(timeline: Timeline, context: CheckContext, conflicts: list[Check], involved: list[Involved]
               ) -> list[tuple[str, str, tuple[FactClaim, ...], str, Optional[str], Optional[str]]]:
    """(label, status, claims, explanation, earliest, latest) of each event placed by two statements or
    more, or by one that a conflict names. A fact whose claims only support a conflict's chain keeps its
    own status, and says so."""
    named: dict[int, list[str]] = {}  # claim id -> explanations of the conflicts that name it
    supporting: dict[int, list[str]] = {}
    for (ids, blamed), text in zip(involved, _matching(conflicts, [ids for ids, _ in involved])):
        named.setdefault(blamed, []).append(text)
        for claim_id in ids - {blamed}:
            supporting.setdefault(claim_id, []).append(text)
    used: set[int] = set()
    facts = []
    for event in timeline.events:
        if event.kind == "report":
            continue
        direct = [a.placed for a in event.anchors if id(a.placed.claim) not in used]
        by_report = [a.placed for report in timeline.reported_by.get(id(event), ()) for a in report.anchors
                     if id(a.placed.claim) not in used]
        durations = [p for p in timeline.durations.get(event.start, []) if id(p.claim) not in used]
        claims = _unique(direct + by_report + durations)
        conflicted = list(dict.fromkeys(text for p in claims for text in named.get(id(p.claim), ())))
        bearing = list(dict.fromkeys(text for p in claims for text in supporting.get(id(p.claim), ())
                                     if text not in conflicted))
        if len(claims) < 2 and not conflicted:
            continue
        used |= {id(p.claim) for p in claims}
        earliest, latest = timeline.window(event)
        fact_claims = tuple(_fact_claim(p, timeline, report=p in by_report) for p in claims)
        if conflicted:
            status, explanation = "conflict", " ".join(conflicted)
        else:
            status, explanation = _agreement(event, direct, timeline, context, earliest, latest)
        if bearing:
            explanation += " These dates bear on a conflict: " + " ".join(bearing)
        facts.append((_label(event), status, fact_claims, explanation, iso_day(earliest), iso_day(latest)))
    return facts


def _matching(conflicts: list[Check], involved: list[set]) -> list[str]:
    """The explanation of the check each conflict became (or of the date check that already said it)."""
    texts = []
    for ids in involved:
        check = next((c for c in conflicts if {id(x.claim) for x in c.claims} == ids), None)
        texts.append(check.explanation if check else "These statements cannot all hold.")
    return texts


def _unique(claims: list[PlacedClaim]) -> list[PlacedClaim]:
    seen, result = set(), []
    for placed in claims:
        if id(placed.claim) not in seen:
            seen.add(id(placed.claim))
            result.append(placed)
    return result


def _fact_claim(placed: PlacedClaim, timeline: Timeline, *, report: bool) -> FactClaim:
    if placed.claim.kind == "duration":
        return FactClaim(placed.article, placed.claim, *_counted_window(placed.claim, timeline))
    span = date_interval(placed.claim.date, timeline.references[placed.article]) \
        if placed.claim.kind == "date" else None
    if span is None:
        return FactClaim(placed.article, placed.claim)
    return FactClaim(placed.article, placed.claim, None if report else iso_day(span[0]), iso_day(span[1]))


def _counted_window(duration: Claim, timeline: Timeline) -> tuple[Optional[str], Optional[str]]:
    """The days a duration places its event on, counted from the event it runs from ("after 6+ months of
    occupation": no earlier than six months after the occupation began), as the rest of the case places
    that one; open where either is open."""
    counted = timeline.counted_from.get(id(duration))
    days = duration_days(duration)
    if counted is None or days is None:
        return None, None
    start, bounds_later = counted
    first, last = timeline.earliest[start], timeline.latest[start]
    earliest = None if first is None else iso_day(first + days[0])
    latest = None if last is None or days[1] is None or not bounds_later else iso_day(last + days[1])
    return earliest, latest


def _agreement(event: Event, direct: list[PlacedClaim], timeline: Timeline, context: CheckContext,
               earliest: Optional[int], latest: Optional[int]) -> tuple[str, str]:
    spans = {date_interval(p.claim.date, timeline.references[p.article]) for p in direct}
    said = " and ".join(quoted(p.claim, context.where(p)) for p in direct[:4])
    if len(direct) >= 2 and len(spans) == 1:
        span = next(iter(spans))
        grain_of = precision(direct[0].claim.date)
        return "agree", f"{said} place {event.noun} in the same {grain_of}: {day_words(span[0], grain_of)}."
    grain_of = grain(direct) if direct else "day"
    window = _window_words(earliest, latest, grain_of)
    return "compatible", f"The statements can all hold: {event.noun} took place {window}."


def _window_words(earliest: Optional[int], latest: Optional[int], grain_of: str) -> str:
    if earliest is not None and latest is not None:
        if day_words(earliest, grain_of) == day_words(latest, grain_of):
            return f"in {day_words(earliest, grain_of)}"
        return f"between {day_words(earliest, grain_of)} and {day_words(latest, grain_of)}"
    if earliest is not None:
        return f"no earlier than {day_words(earliest, grain_of)}"
    if latest is not None:
        return f"no later than {day_words(latest, grain_of)}"
    return "at a time the statements leave open"


def _label(event: Event) -> str:
    """The event as its articles call it, with the name its mentions share most: "date of the Kursk
    liberation"."""
    names = Counter(words for m in event.mentions for words in m.name_words if _telling(words, m))
    return event_label(event.noun, min(names, key=lambda w: (-names[w], w)) if names else None)


def _telling(words: str, mention: Mention) -> bool:
    return tuple(name_key(w) for w in words.split()) in mention.names
