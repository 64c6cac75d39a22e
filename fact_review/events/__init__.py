"""Events, not just numbers: what the sources say happened, when, and how many.

``find_facts(context, links, checks) -> (checks, facts)`` takes a case's matched statements and
consistency checks and adds what needs the whole case:

- **facts** (``model.Fact``): the claims that state one quantity of one thing (``quantities``) or the
  time of one event (``timeline``, ``times``; ``compared_dates`` for dates of linked statements whose
  event the timeline does not know), named as a reviewer would (``labels``), each with a status: agree, compatible, conflict, or
  superseded when a later report updated a figure;
- **order** checks: event times that cannot all hold (difference constraints and a negative-cycle test,
  with the chain in plain words: ``constraints``, ``explain``);
- **count** checks: one against many, none against some (``counts``);
- **superseded** value checks: a later report's update is not a contradiction (``updates``);
- **value** checks of a ratio in words against a percentage ("two in five", "40%": ``ratios``).

For the window: ``Fact.claims`` hold each claim with its article and (time facts) the days it allows
for the event (``FactClaim.earliest``/``latest``); ``Fact.earliest``/``latest`` are the days between which
the event can have happened given every statement of the case that holds together.
"""
from __future__ import annotations

from typing import Sequence

from fact_review.events.compared_dates import compared_date_facts
from fact_review.events.counts import count_checks
from fact_review.events.quantities import quantity_fact, quantity_groups
from fact_review.events.ratios import ratio_checks
from fact_review.events.timeline import Timeline, build_timeline
from fact_review.events.times import order_checks, time_facts
from fact_review.events.updates import mark_updates, stated_updates
from fact_review.matching.checks import sort_checks
from fact_review.matching.checks.context import CheckContext
from fact_review.matching.statements import Link
from fact_review.model import STATUS_ORDER, Check, Fact


def find_facts(context: CheckContext, links: Sequence[Link], checks: list[Check]) -> tuple[list[Check], list[Fact]]:
    """The case's checks with the count, order and superseded ones added, and its facts."""
    counts = count_checks(context, links)
    counted = {frozenset((id(c.claims[0].claim), id(c.claims[1].claim))) for c in counts}
    checks = [c for c in checks if not (c.kind == "value" and len(c.claims) == 2
                                        and frozenset((id(c.claims[0].claim), id(c.claims[1].claim))) in counted)]
    checks = mark_updates(context, checks) + counts + ratio_checks(context, links)
    checks += stated_updates(context, checks)
    timeline = build_timeline(context, links)
    checks = [c for c in checks if not _of_two_events(c, timeline)]
    orders, involved = order_checks(timeline, context, checks)
    checks += orders
    sort_checks(checks)
    placed = {id(p.claim): p for p in context.placed}
    drafts = [(*quantity_fact(context, placed, own, claims), "quantity", None, None)
              for own, claims in quantity_groups(checks)]
    times = time_facts(timeline, context, orders + [c for c in checks if c.kind == "date"], involved)
    timed = {id(member.claim) for _label, _status, claims, *_rest in times for member in claims}
    times += compared_date_facts(checks, context, timeline, timed)
    drafts += [(label, status, claims, explanation, "time", earliest, latest)
               for label, status, claims, explanation, earliest, latest in times]
    drafts.sort(key=lambda d: (STATUS_ORDER[d[1]], d[2][0].article, d[2][0].claim.start))
    facts = [Fact(f"F{number}", label, kind, status, claims, explanation, earliest, latest)
             for number, (label, status, claims, explanation, kind, earliest, latest) in enumerate(drafts, 1)]
    return checks, facts


def _of_two_events(check: Check, timeline: Timeline) -> bool:
    """A date conflict between statements that date two different events ("Anna Berg died on May 2",
    "her brother Olaf Berg died in 1990"): not a disagreement about one event."""
    if check.kind != "date" or check.status != "conflict" or len(check.claims) != 2:
        return False
    events = [timeline.event_of_claim.get(id(c.claim)) for c in check.claims]
    return None not in events and events[0] is not events[1] \
        and all(e.kind != "report" for e in events)  # type: ignore[union-attr]
