"""A time conflict in plain words: the chain of statements that leads to a bound, and the statement that
falls on the wrong side of it.

"The incursion took place in August 2024 ("August 2024", article 1; "last August", article 2); the
occupation began with it and lasted at least 6 months ("6+ months", article 2), so the liberation came no
earlier than February 2025; "April 2024" (article 1) dates a statement that the liberation had already
taken place, which is before that."

The chain is read from the dates it starts with: towards later bounds when the conflicting statement
sets an upper bound (it places its event too early), towards earlier ones when it sets a lower bound.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from fact_review.events.calendar import date_interval, day_words, earlier_by, later_by, precision
from fact_review.events.constraints import Edge
from fact_review.events.timeline import Conflict, Event, Timeline, grain, relative_claim
from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import number, quoted
from fact_review.model import Claim

SNIPPET_CHARS = 90
MAX_SOURCES = 3  # claims cited for one date in a chain; the rest are counted


def explain(conflict: Conflict, timeline: Timeline, context: CheckContext) -> str:
    cycle = list(conflict.cycle)
    blamed = cycle[-1]
    chain = cycle[:-1]
    if blamed.reason.kind not in ("low", "high"):
        return _circular(cycle, context)
    words = _Words(timeline, context, grain([p for e in cycle for p in e.reason.claims]))
    if blamed.reason.kind == "high":
        steps, bound = words.towards_later(list(reversed(chain)))
        closing = "before that"
    else:
        steps, bound = words.towards_earlier(chain)
        closing = "after that"
    steps.append(words.closing(blamed, cycle, closing))
    text = "; ".join(steps) + "."
    return text[0].upper() + text[1:]


class _Words:
    def __init__(self, timeline: Timeline, context: CheckContext, grain: str):
        self.timeline, self.context, self.grain = timeline, context, grain

    def quoted(self, placed: PlacedClaim) -> str:
        return quoted(placed.claim, self.context.where(placed))

    def cited(self, placed: PlacedClaim) -> str:
        """A claim cited inside brackets: "6+ months", article 2."""
        return f'"{placed.claim.text}", {self.context.where(placed)}'

    def when(self, placed: PlacedClaim) -> str:
        span = date_interval(placed.claim.date, self.timeline.references[placed.article])
        if span is None:
            return placed.claim.text
        grain = precision(placed.claim.date)
        if span[0] == span[1] or grain != "day":
            return ("on " if grain == "day" else "in ") + day_words(span[0], grain)
        return f"between {day_words(span[0])} and {day_words(span[1])}"

    def sources(self, event: Event, placed: PlacedClaim) -> str:
        """The claim and every other date of its event that agrees with it."""
        span = date_interval(placed.claim.date, self.timeline.references[placed.article])
        agreeing = [placed] + [
            a.placed for a in event.anchors
            if a.placed is not placed and span is not None
            and (other := date_interval(a.placed.claim.date, self.timeline.references[a.placed.article]))
            and other[0] <= span[1] and span[0] <= other[1]
        ]
        shown = "; ".join(self.cited(p) for p in agreeing[:MAX_SOURCES])
        more = len(agreeing) - MAX_SOURCES
        return shown + (f"; and {more} more" if more > 0 else "")

    def towards_later(self, path: list[Edge]) -> tuple[list[str], Optional[int]]:
        """Lower bounds, from the date that starts the chain onward."""
        steps: list[str] = []
        bound: Optional[int] = None
        for edge in path:
            reason = edge.reason
            if reason.kind == "low":
                bound = reason.day
                steps.append(self._placed(reason))
            elif reason.kind in ("after", "later") and reason.claims and bound is not None and edge.weight > 0:
                # at most the duration apart: the earlier event came no earlier than this much before
                duration = reason.claims[0]
                bound = earlier_by(bound, _stated(duration))
                steps.append(f"{self._lasted_until(reason, duration)}, so it began no earlier than "
                             f"{day_words(bound, self.grain)}")
            elif reason.kind in ("after", "later") and reason.claims and bound is not None:
                duration = reason.claims[0]
                bound = later_by(bound, _stated(duration))
                steps.append(f"{self._lasting(reason, duration)}, so {self._later_noun(reason)} no earlier than "
                             f"{day_words(bound, self.grain)}")
            elif reason.kind == "span":
                steps.append(f"{reason.event.noun} ended after it began")
            elif reason.kind == "since" and reason.other is not None:
                steps.append(f"{reason.event.noun} came after {reason.other.noun}")
            elif reason.kind == "after" and reason.other is not None:
                steps.append(f"{reason.event.noun} came after {reason.other.noun}")
        return steps, bound

    def towards_earlier(self, path: list[Edge]) -> tuple[list[str], Optional[int]]:
        """Upper bounds, from the date that starts the chain onward."""
        steps: list[str] = []
        bound: Optional[int] = None
        for edge in path:
            reason = edge.reason
            if reason.kind == "high":
                bound = reason.day
                steps.append(self._placed(reason))
            elif reason.kind == "reported" and reason.other is not None:
                steps.append(f"so {reason.other.noun} had taken place by then")
            elif reason.kind in ("after", "later") and reason.claims and bound is not None and reason.other is not None:
                duration = reason.claims[0]
                if edge.weight <= 0:  # the earlier event lies at least the duration before the later one
                    bound = earlier_by(bound, _stated(duration))
                    steps.append(f"{self._lasted_until(reason, duration)}, so it began no later than "
                                 f"{day_words(bound, self.grain)}")
                else:
                    bound = bound + edge.weight
                    steps.append(f"{reason.event.noun} came at most {self.quoted(duration)} after it, so no later "
                                 f"than {day_words(bound, self.grain)}")
            elif reason.kind == "span":
                steps.append(f"{reason.event.noun} began before it ended")
            elif reason.kind in ("since", "after") and reason.other is not None:
                steps.append(f"{reason.other.noun} came before {reason.event.noun}")
        return steps, bound

    def _placed(self, reason) -> str:
        """An anchor in words: the date that places the event, or the date it came a while after."""
        if len(reason.claims) == 2:  # "Two weeks later", after the date of the sentence before
            relative, told = reason.claims
            span = date_interval(told.claim.date, self.timeline.references[told.article])
            if reason.kind == "low" and span:
                bound, side = later_by(span[0], _stated(relative)), "no earlier"
            else:
                bound, side = reason.day, "no later"
            return (f'{reason.event.noun} came "{relative.claim.text}" ({self.context.where(relative)}) than '
                    f"{self.when(told).split(' ', 1)[1]} ({self.cited(told)}), so {side} than "
                    f"{day_words(bound, self.grain)}")
        verb = {"start": "began", "end": "ended"}.get(reason.side, "took place")
        return (f"{reason.event.noun} {verb} {self.when(reason.claims[0])} "
                f"({self.sources(reason.event, reason.claims[0])})")

    @staticmethod
    def _later_noun(reason) -> str:
        """How the later side of a relation is named: "it ended" when it is the end of the state itself."""
        relation = reason.relation
        if relation is not None and relation.later[1] == "end" and relation.later[0] is relation.earlier[0]:
            return "it ended"
        return f"{reason.event.noun} came"

    def _lasted_until(self, reason, duration: PlacedClaim) -> str:
        """A duration read backwards from the later event: how long before it the earlier one was."""
        relation = reason.relation
        if relation is not None and relation.earlier[1] == "start" and relation.earlier[0].kind == "state":
            return f"the {relation.earlier[0].text.lower()} lasted {_amount(duration)} ({self.cited(duration)}) up to then"
        return f"{reason.other.noun} came {_amount(duration)} before {reason.event.noun} ({self.cited(duration)})"

    def _lasting(self, reason, duration: PlacedClaim) -> str:
        if reason.kind == "later":
            return f'{reason.event.noun} came "{duration.claim.text}" after {reason.other.noun}'
        relation = reason.relation
        if relation is not None and relation.earlier[1] == "start" and relation.earlier[0].kind == "state":
            state = f"the {relation.earlier[0].text.lower()}"
            if relation.later[0] is relation.earlier[0]:
                return f"it lasted {_amount(duration)} ({self.cited(duration)})"
            return f"{state} began with it and lasted {_amount(duration)} ({self.cited(duration)})"
        return f"{reason.event.noun} came {_amount(duration)} after {reason.other.noun} ({self.cited(duration)})"

    def closing(self, blamed: Edge, cycle: list[Edge], side: str) -> str:
        placed = blamed.reason.claims[0]
        event = blamed.reason.event
        if event.kind == "report":
            reported = next((e.reason.other for e in cycle if e.reason.kind == "reported"
                             and e.reason.event is event and e.reason.other is not None), None)
            snippet = self._snippet(event)
            what = f"{reported.noun} had already taken place" if reported else "it had happened"
            return f"{self.quoted(placed)} dates a statement that {what}{snippet}, which is {side}"
        return f"{self.quoted(placed)} places {event.noun} {side}"

    def _snippet(self, report: Event) -> str:
        mention = report.mentions[0]
        sentence = self.context.sentences[mention.sentence]
        text = sentence.text[mention.start - sentence.start:].strip().rstrip(".!?;:,")
        if len(text) > SNIPPET_CHARS:
            text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"
        return f' ("{text}")'


def _amount(duration: PlacedClaim) -> str:
    claim = duration.claim
    unit = claim.unit or ""
    low, high = claim.low, claim.high
    if low is None and high is None:
        return f"{_units(claim.value, unit)}"
    if high is None:
        return f"at least {_units(low, unit)}"
    if low is None:
        return f"at most {_units(high, unit)}"
    return f"{number(low)} to {_units(high, unit)}"


def _units(value: Optional[Decimal], unit: str) -> str:
    if value is None:
        return unit
    return f"{number(value)} {unit}{'' if value == 1 else 's'}"


def _stated(duration: PlacedClaim) -> Claim:
    """The duration a claim states: itself, or the "Two weeks" of "Two weeks later"."""
    if duration.claim.kind == "duration":
        return duration.claim
    return relative_claim(duration.claim) or duration.claim


def _circular(cycle: list[Edge], context: CheckContext) -> str:
    parts = []
    for edge in cycle:
        reason = edge.reason
        if reason.other is None:
            continue
        cited = "; ".join(f'"{p.claim.text}", {context.where(p)}' for p in reason.claims)
        said = f" ({cited})" if cited else ""
        parts.append(f"{reason.event.noun} after {reason.other.noun}{said}")
    return "The statements put " + "; ".join(parts) + ": each event after the next, in a circle, which cannot hold."
