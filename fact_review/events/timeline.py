"""When things happened, across a case: events, the constraints the articles state on their times, and
the conflicts where those constraints cannot all hold.

1. Each sentence's events, dates and relations (``mentions``).
2. Mentions of one event become one ``Event``: a one-off event (an invasion, a recapture, a death) by its
   kind and a shared name anywhere in the case; a repeatable one (an attack, a visit) only in statements
   the matcher links; a state (an occupation) begins with its onset event when one shares its names.
3. Every date and relation becomes difference constraints between event times (whole days), and a
   negative cycle (``constraints``) is a set of statements that cannot all hold. The statement with the
   least support (the fewest articles placing its event alike) is the one the conflict names; its
   constraint is set aside and the search goes on, so one wrong date yields one conflict.
4. Once the rest holds together, each event gets the days between which it can have happened.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Optional, Sequence

from fact_review.events.calendar import date_interval, duration_days, on_calendar, precision
from fact_review.events.constraints import Constraints, Edge
from fact_review.events.groups import Groups
from fact_review.events.lexicon import CONCEPTS
from fact_review.events.mentions import (Anchor, Mention, Relation, SentenceEvents, is_relative, read_sentence,
                                         shared_names)
from fact_review.matching.case_dates import reference_times
from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.scoring import names_differ
from fact_review.matching.statements import Link
from fact_review.model import Claim

ORIGIN = 0  # the variable fixed at day 0: a date is a constraint between it and an event
MAX_CONFLICTS = 20
SETTING_SHARE = 0.25
ANAPHORA_SENTENCES = 2  # how far back "the evacuation" looks for the evacuation it refers to
PAIRS_PER_MENTION = 50  # mentions of one kind compared pairwise for shared names: bounded work
SETTING_FLOOR = 5  # in a small case, the names of most sentences are its subject, not a setting
_NOT_A_DAY = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})  # "now": the report's own time


@dataclass(eq=False)
class Event:
    concept: str
    mentions: list[Mention]
    start: int = -1  # its variable (a state's start)
    end: int = -1  # a state's end; the same as ``start`` for other events
    anchors: list[Anchor] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return CONCEPTS[self.concept].kind

    @property
    def noun(self) -> str:
        """How an explanation names it: by a noun its articles use ("the incursion"), else its kind's."""
        nouns = [m.text.lower() for m in self.mentions if m.is_noun and m.kind != "report"]
        one_word = [n for n in nouns if " " not in n]
        return f"the {one_word[0]}" if one_word else CONCEPTS[self.concept].noun


@dataclass(frozen=True)
class Reason:
    """What a constraint stands for: an anchor ("low"/"high": the event is no earlier/later than ``day``)
    or a relation between two events ("after", "reported", "since")."""

    kind: str
    event: Event  # the anchored event, or the later one of a relation
    claims: tuple[PlacedClaim, ...] = ()
    other: Optional[Event] = None  # the earlier event of a relation
    relation: Optional[Relation] = None
    day: Optional[int] = None
    side: str = "at"  # for an anchor of a state: which of its times the date gives


@dataclass(frozen=True)
class Conflict:
    blamed: PlacedClaim
    cycle: tuple[Edge, ...]  # the constraints that cannot hold together, the blamed one last

    @property
    def claims(self) -> tuple[PlacedClaim, ...]:
        """The blamed claim, then every other claim of the chain in order."""
        seen, result = {id(self.blamed)}, [self.blamed]
        for edge in self.cycle:
            for placed in edge.reason.claims:
                if id(placed) not in seen:
                    seen.add(id(placed))
                    result.append(placed)
        return tuple(result)


@dataclass
class Timeline:
    events: list[Event]
    conflicts: list[Conflict]
    earliest: list[Optional[int]]  # per variable, the day number (None: open)
    latest: list[Optional[int]]
    references: list[Optional[date]]
    durations: dict[int, list[PlacedClaim]] = field(default_factory=dict)  # variable -> durations ending at it
    reported_by: dict[int, list[Event]] = field(default_factory=dict)  # event id -> reports that date it
    # duration claim id -> the variable it counts from, and whether it also bounds the later time ("two weeks later")
    counted_from: dict[int, tuple[int, bool]] = field(default_factory=dict)

    @property
    def event_of_claim(self) -> dict[int, Event]:
        """The event each date claim (by id) places."""
        return {id(anchor.placed.claim): event for event in self.events for anchor in event.anchors}

    def window(self, event: Event) -> tuple[Optional[int], Optional[int]]:
        return self.earliest[event.start], self.latest[event.end]


def build_timeline(context: CheckContext, links: Iterable[Link]) -> Timeline:
    references = [None if t is None else t.date() for t in reference_times(context.articles)]
    read = _read_sentences(context, references)
    mentions = [m for found in read for m in found.mentions]
    setting = _setting_names(context)
    for mention in mentions:
        mention.names = frozenset(n for n in mention.names if not set(n) <= setting)
        mention.near = frozenset(n for n in mention.near if not set(n) <= setting)
    events = _events(mentions, links, context.sentences)
    event_of = {id(m): event for event in events for m in event.mentions}
    for found in read:
        for anchor in found.anchors:
            event_of[id(anchor.mention)].anchors.append(anchor)
    reported_by: dict[int, list[Event]] = {}
    for found in read:
        for relation in found.relations:
            if relation.how == "reported":
                reported_by.setdefault(id(event_of[id(relation.earlier[0])]), []).append(
                    event_of[id(relation.later[0])])
    constraints, durations, counted_from = _constraints(context, read, events, event_of, references)
    conflicts: list[Conflict] = []
    earliest: list[Optional[int]] = [None] * constraints.variables
    latest: list[Optional[int]] = [None] * constraints.variables
    for part, variables in constraints.split(ORIGIN):
        if len(conflicts) >= MAX_CONFLICTS or part.spent:
            break  # too contradictory, or too large, to place the rest of its events
        if _settle(part, conflicts, references):
            low, high = part.bounds(ORIGIN)
            for local, variable in enumerate(variables):
                earliest[variable], latest[variable] = on_calendar(low[local]), on_calendar(high[local])
    return Timeline(events, conflicts, earliest, latest, references, durations, reported_by, counted_from)


def _settle(part: Constraints, conflicts: list[Conflict], references: list[Optional[date]]) -> bool:
    """Find the conflicts of one part of the constraints, setting each named constraint aside; False when
    the case's conflicts exceed ``MAX_CONFLICTS`` (too contradictory to place its events)."""
    while True:
        cycle = part.negative_cycle()
        if cycle is None:
            return True
        if len(conflicts) == MAX_CONFLICTS:
            return False
        blamed = _blame(cycle, references)
        conflicts.append(Conflict(blamed.reason.claims[0], tuple(_rotated(cycle, blamed))) if blamed.reason.claims
                         else Conflict(cycle[-1].reason.claims[0], tuple(cycle)))
        # the named statement is set aside whole (an anchor's two bounds, a relation's two directions)
        part.remove([e for e in part.edges if e is blamed or (blamed.reason.claims and
                                                              e.reason.claims == blamed.reason.claims)])


def _read_sentences(context: CheckContext, references: list[Optional[date]]) -> list[SentenceEvents]:
    by_sentence: dict[int, list[PlacedClaim]] = {}
    for placed in context.placed:
        if getattr(placed.claim, "check_worthy", True):
            by_sentence.setdefault(placed.sentence, []).append(placed)
    read = []
    for index, sentence in enumerate(context.sentences):
        claims = by_sentence.get(index, [])
        dated = []
        for placed in claims:
            if placed.claim.kind != "date" or placed.claim.date in _NOT_A_DAY:
                continue
            if is_relative(placed.claim.text) and relative_duration(placed.claim):
                dated.append((placed, True))
            elif date_interval(placed.claim.date, references[sentence.article]) is not None:
                dated.append((placed, False))
        found = read_sentence(sentence.article, index, sentence.text, sentence.start, claims, dated)
        if found is not None:
            read.append(found)
    return read


def _setting_names(context: CheckContext) -> frozenset[str]:
    """Names in more than a quarter of the case's sentences ("Ukraine" in a story about its war): the
    story's setting, which tells no event from another."""
    counts: dict[str, int] = {}
    for sentence in context.sentences:
        for name in sentence.names:
            counts[name] = counts.get(name, 0) + 1
    limit = max(SETTING_FLOOR, SETTING_SHARE * len(context.sentences))
    return frozenset(name for name, count in counts.items() if count > limit)


def _events(mentions: list[Mention], links: Sequence[Link], sentences: Sequence) -> list[Event]:
    linked = {link.sentences for link in links}
    groups = Groups()
    for mention in mentions:
        groups.add(mention)
    by_concept: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_concept.setdefault(mention.concept, []).append(mention)
    for concept, members in by_concept.items():
        kind = CONCEPTS[concept].kind
        if kind in ("one-off", "state"):
            _join_by_names(groups, members, linked)
        elif kind == "repeatable":
            by_sentence: dict[int, Mention] = {}
            for mention in members:
                if mention.sentence in by_sentence:
                    groups.union(by_sentence[mention.sentence], mention)
                else:
                    by_sentence[mention.sentence] = mention
    _join_definite(groups, mentions)
    repeated: dict[int, dict[str, Mention]] = {}  # sentence -> concept -> its first mention there
    for mention in mentions:
        if mention.kind == "repeatable":
            repeated.setdefault(mention.sentence, {}).setdefault(mention.concept, mention)
    for link in links:
        left, right = link.sentences
        if left not in repeated or right not in repeated:
            continue
        if names_differ(sentences[left].profile, sentences[right].profile):
            continue  # alike statements naming other places: maybe another event of the kind
        for concept, mention in repeated[left].items():
            if concept in repeated[right]:
                groups.union(mention, repeated[right][concept])
    return [Event(members[0].concept, members) for members in groups.members(mentions)]


def _join_definite(groups: Groups, mentions: list[Mention]) -> None:
    """"The evacuation", "this attack": a definite mention is the one its article told of a few sentences
    before (unless their clauses name different places or people)."""
    last: dict[tuple[int, str], Mention] = {}  # (article, concept) -> its latest mention
    for mention in mentions:
        if mention.kind == "report":
            continue
        key = (mention.article, mention.concept)
        before = last.get(key)
        if mention.definite and before is not None and mention.sentence - before.sentence <= ANAPHORA_SENTENCES \
                and not (mention.near and before.near and not shared_names(mention.near, before.near)):
            groups.union(before, mention)
        last[key] = mention


def _join_by_names(groups: Groups, members: list[Mention], linked: set[tuple[int, int]]) -> None:
    """Mentions of one one-off event, in different articles: those whose clauses name the same place or
    person ("full control over Kursk", "the Kursk region ... its liberation"), or whose sentences share two
    names, or one when they are linked statements or one clause names nobody of its own ("the initial
    cross-border incursion"). A sentence naming many people and years ("Gigante, convicted in 1997 ...
    Gotti, who died in 2002") tells of many events, and an article that tells of one event twice rarely
    gives it two dates: inside one article, only mentions in one sentence are joined directly. A mention
    naming nobody joins the case's one event of its kind, when there is only one."""
    for position, mention in enumerate(members):
        for other in members[position + 1:position + 1 + PAIRS_PER_MENTION]:
            if other.article == mention.article:
                if other.sentence == mention.sentence:
                    groups.union(mention, other)
                continue
            shared = shared_names(mention.names, other.names)
            pair = (min(mention.sentence, other.sentence), max(mention.sentence, other.sentence))
            if shared_names(mention.near, other.near) or shared >= 2 \
                    or (shared and (pair in linked or not mention.near or not other.near)):
                groups.union(mention, other)
    named = [m for m in members if m.names]
    nameless = [m for m in members if not m.names]
    if nameless and len({groups.find(m) for m in named}) <= 1:
        # "the town's liberation" names nothing: in a case that tells of one liberation at most, it is that one
        for mention in nameless:
            groups.union((named or nameless)[0], mention)


def _constraints(context: CheckContext, read: list[SentenceEvents], events: list[Event], event_of: dict,
                 references: list[Optional[date]]
                 ) -> tuple[Constraints, dict[int, list[PlacedClaim]], dict[int, tuple[int, bool]]]:
    variables = Groups()
    count = 1
    for event in events:
        event.start = count
        event.end = count + 1 if event.kind == "state" else count
        count = event.end + 1
    _join_states_to_onsets(events, variables)
    for found in read:
        for relation in found.relations:
            if relation.how == "ended":
                variables.union(_variable(relation.later, event_of), _variable(relation.earlier, event_of))
    number = {}
    for variable in range(count):
        number.setdefault(variables.find(variable), len(number))
    for event in events:
        event.start, event.end = number[variables.find(event.start)], number[variables.find(event.end)]
    constraints = Constraints(len(number))
    for event in events:
        if event.start != event.end:  # a state ends no earlier than it began
            constraints.add(event.end, event.start, 0, Reason("span", event, other=event))
    durations: dict[int, list[PlacedClaim]] = {}
    counted_from: dict[int, tuple[int, bool]] = {}
    previous: dict[int, Event] = {}  # sentence -> its last dated event, for "Two weeks later" in the next
    dates_of: dict[int, PlacedClaim] = {}  # sentence -> its last date, when no event word goes with it
    for placed in context.placed:
        if placed.claim.kind == "date" and not is_relative(placed.claim.text):
            dates_of[placed.sentence] = placed
    for found in read:
        for anchor in found.anchors:
            event = event_of[id(anchor.mention)]
            if event.kind == "state" and anchor.side == "at":
                continue  # "during the occupation in 2024": a state's date may be any part of it
            span = date_interval(anchor.placed.claim.date, references[anchor.placed.article])
            if span is None:
                continue
            variable = event.end if anchor.side == "end" else event.start
            side = anchor.side
            constraints.add(ORIGIN, variable, span[1], Reason("high", event, (anchor.placed,), day=span[1], side=side))
            if event.kind == "state" or side != "end":  # "the evacuation ended on April 21": it began by then
                constraints.add(variable, ORIGIN, -span[0], Reason("low", event, (anchor.placed,), day=span[0],
                                                                   side=side))
            previous[anchor.placed.sentence] = event
        for relation in found.relations:
            _add_relation(constraints, relation, event_of, durations, counted_from)
        if found.later_than_before is not None:
            _add_later(constraints, context, found.later_than_before, event_of, previous, dates_of, references)
    return constraints, durations, counted_from


def _add_later(constraints: Constraints, context: CheckContext, later: tuple[Mention, PlacedClaim], event_of: dict,
               previous: dict[int, Event], dates_of: dict[int, PlacedClaim], references: list[Optional[date]]) -> None:
    """"Two weeks later, ...": after the event told in the sentence before (of the same article), or after
    that sentence's date when no event word goes with it ("The dam failed on April 10.")."""
    mention, placed = later
    span = relative_duration(placed.claim)
    before = placed.sentence - 1
    if span is None or before < 0 or context.sentences[before].article != placed.article:
        return
    event = event_of[id(mention)]
    after = placed.claim.text.lower().split()[-1] != "earlier"
    earlier = previous.get(before)
    if earlier is not None and earlier is not event:
        first, second = (event, earlier) if after else (earlier, event)
        reason = Reason("later", first, (placed,), other=second)
        constraints.add(first.start, second.end, -span[0], reason)
        if span[1] is not None:
            constraints.add(second.end, first.start, span[1], reason)
        return
    dated = dates_of.get(before)
    told = dated and date_interval(dated.claim.date, references[dated.article])
    if not told or not after:
        return
    claims = (placed, dated)
    constraints.add(event.start, ORIGIN, -(told[0] + span[0]), Reason("low", event, claims, day=told[0] + span[0]))
    if span[1] is not None:
        constraints.add(ORIGIN, event.start, told[1] + span[1], Reason("high", event, claims, day=told[1] + span[1]))


def _join_states_to_onsets(events: list[Event], variables: Groups) -> None:
    """A state begins with its onset event when one shares its names ("the occupation" and "the Ukrainian
    incursion" both name Ukrainians in Kursk)."""
    for state in (e for e in events if e.kind == "state"):
        names = frozenset().union(*(m.names for m in state.mentions))
        candidates = [e for e in events if e.concept in CONCEPTS[state.concept].onsets
                      and (not names or shared_names(names, frozenset().union(*(m.names for m in e.mentions))))]
        if candidates:
            variables.union(state.start, candidates[0].start)


def _variable(point: tuple[Mention, str], event_of: dict) -> int:
    mention, side = point
    event = event_of[id(mention)]
    return event.end if side == "end" else event.start


def _add_relation(constraints: Constraints, relation: Relation, event_of: dict,
                  durations: dict[int, list[PlacedClaim]], counted_from: dict[int, tuple[int, bool]]) -> None:
    if relation.how == "ended":
        return
    later, earlier = _variable(relation.later, event_of), _variable(relation.earlier, event_of)
    later_event, earlier_event = event_of[id(relation.later[0])], event_of[id(relation.earlier[0])]
    if relation.duration is None:
        constraints.add(later, earlier, 0, Reason(relation.how, later_event, (), earlier_event, relation))
        return
    span = duration_days(relation.duration.claim)
    if span is None:
        return
    reason = Reason("after", later_event, (relation.duration,), earlier_event, relation)
    durations.setdefault(later, []).append(relation.duration)
    counted_from[id(relation.duration.claim)] = earlier, relation.exact
    constraints.add(later, earlier, -span[0], reason)
    if relation.exact and span[1] is not None:
        constraints.add(earlier, later, span[1], reason)


def relative_duration(claim: Claim) -> Optional[tuple[int, Optional[int]]]:
    """The days of "Two weeks later" (a date claim written relative to the event told before)."""
    duration = relative_claim(claim)
    return duration_days(duration) if duration else None


def relative_claim(claim: Claim) -> Optional[Claim]:
    """The duration that "Two weeks later" states ("Two weeks")."""
    from fact_review.claims import extract_claims  # the extractor reads the duration the phrase states

    words = claim.text.rsplit(None, 1)[0] if " " in claim.text else ""
    found = [c for c in extract_claims(words) if c.kind == "duration"]
    return found[0] if len(found) == 1 else None


def _blame(cycle: list[Edge], references: list[Optional[date]]) -> Edge:
    """The anchor of the cycle with the least support: the fewest articles that place its event at its bound;
    between equals, an upper bound (a date too early) before a lower one."""
    anchors = [e for e in cycle if e.reason.kind in ("low", "high")]
    if not anchors:
        return max(cycle, key=lambda e: (bool(e.reason.claims), -len(cycle)))

    def support(edge: Edge) -> tuple:
        placed = edge.reason.claims[0]
        articles = {placed.article}
        for anchor in edge.reason.event.anchors:
            other = date_interval(anchor.placed.claim.date, references[anchor.placed.article])
            if other and other[0] <= edge.reason.day <= other[1]:
                articles.add(anchor.placed.article)
        return (len(articles), 0 if edge.reason.kind == "high" else 1, -placed.article, -placed.claim.start)

    return min(anchors, key=support)


def _rotated(cycle: list[Edge], last: Edge) -> list[Edge]:
    at = next(k for k, e in enumerate(cycle) if e is last)
    return cycle[at + 1:] + cycle[:at + 1]


def grain(claims: Sequence[PlacedClaim]) -> str:
    """The coarsest precision among date claims: how finely an explanation can state a bound."""
    order = {"day": 0, "month": 1, "year": 2}
    grains = [precision(p.claim.date) for p in claims if p.claim.kind == "date"]
    return max(grains, key=order.__getitem__, default="day")
