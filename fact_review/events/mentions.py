"""What one sentence says about when things happened: the events it mentions (by the words of
``lexicon``), the dates that place them, and the relations it states between their times.

Dates attach to the event they are written with: the nearest event word before them in their clause
("an incursion in August 2024"), or after them when the clause opens with the date ("On Tuesday the army
retook the bridge"). A date right after a reporting verb ("claimed in April 2024 that ...") or after a
reported noun ("declared full control ... on April 26") dates the report, and what it reports had
happened by then. Relations:

- "<event> after <duration> of <state>": the event came at least that long after the state began (and
  ends the state when it is one of the state's ends: "liberation after six months of occupation");
- "<event> <duration> after|before <event>", "<duration> later" (a sentence after a dated one);
- "<event> ... the first ... since <event>", "<event> after|before <event>".

Only sentences with a date or duration claim, or with one of the relation words, are read.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional, Sequence

from fact_review.events.calendar import duration_days
from fact_review.events.lexicon import (
    CONCEPTS,
    DEFINITE,
    EXACT,
    NOUN_FORMS,
    PHRASE_FIRSTS,
    PHRASES,
    STATE_BEGINS,
    STATE_ENDS,
    WORDS,
)
from fact_review.matching.checks.context import PlacedClaim
from fact_review.matching.lexicon import concept
from fact_review.matching.words import MONTHS, STOPWORDS, TOKEN, WEEKDAYS, stem
from fact_review.span_lookup import SpanLookup

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")
_RELATION_WORDS = re.compile(r"\b(?:after|before|since|later|following|earlier)\b", re.I)
# Words between a reporting verb or an event word and the date that dates it.
_LINKING = frozenset("in on of since last this at during by early late mid the a an".split())
_OPENERS = frozenset("and but then so yet while".split())
_ARTICLE = r"(?:the\s+|its\s+|is\s+|his\s+|her\s+|their\s+|a\s+|an\s+|this\s+|that\s+)?"
_AFTER_BEFORE_LEFT = re.compile(r"\b(after|following)\s+(?:[\w+-]+\s+){0,2}$", re.I)
_STATE_OF = re.compile(r"^\s+(?:of|in)\s", re.I)
_DURATION_THEN = re.compile(r"^\s+(after|before|following)\s", re.I)
_FIRST_SINCE = re.compile(r"\bfirst\b(?:\s+[\w'’-]+){0,3}?\s+since\s", re.I)
_PLAIN_ORDER = re.compile(r"\b(after|before|following)\s", re.I)
# Between a relation word and the event it names: an article or possessive and up to three words
# ("since its liberation", "after the initial cross-border incursion").
_UP_TO_EVENT = re.compile(r"^\s*(?:[\w'’-]+\s+){0,4}$")
EVENT_REACH = 50
_THAT = re.compile(r"\bthat\b", re.I)
_LASTED = re.compile(r"\b(?:lasted|lasting|lasts|went\s+on|continued|ran)\s+(?:for\s+)?(?:about\s+|nearly\s+|almost\s+)?$",
                     re.I)
_ADJECTIVE_GAP = re.compile(r"^(?:-long)?\s*")  # "a five-month occupation", "the 40-day-long siege"
_ENDING = re.compile(r"\b(?:ending|ended|which\s+ended|to\s+end)\s", re.I)
_LATER = re.compile(r"\b(later|afterwards|earlier)\s*$", re.I)
_SKIPPED_NAMES = frozenset(MONTHS) | WEEKDAYS | {"i"}
_RELATIVE_CLAUSE = re.compile(r"\s*(?:which|that)\b", re.I)
TRIGGER_REACH = 60  # characters between an event word and the date that dates it
FIRST_SINCE_REACH = 120  # "visit to Kursk—his first since": the event may sit in the clause before


Name = tuple[str, ...]  # a name's words as matching keys them


def same_name(a: Name, b: Name) -> bool:
    """One name inside the other ("Selvik" and "Marta Selvik", "Kursk" and "Kursk Region"); "Marta Selvik"
    and "Arne Selvik" are two people."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[k:k + len(short)] == short for k in range(len(long) - len(short) + 1))


def shared_names(a: frozenset[Name], b: frozenset[Name]) -> int:
    return sum(1 for x in a if any(same_name(x, y) for y in b))


@dataclass(eq=False)  # each mention is itself: compared and hashed by identity
class Mention:
    article: int
    sentence: int  # index into the case's sentences
    start: int  # the event word's span in its article
    end: int
    concept: str
    text: str
    names: frozenset[Name]  # the names in its sentence ("Marta Selvik" is ("marta", "selvik"))
    name_words: tuple[str, ...] = ()  # the same names as written, in order ("Marta Selvik")
    near: frozenset[Name] = frozenset()  # the names in its own clause
    definite: bool = False  # written "the evacuation", "this attack": the one the article told of before

    @property
    def kind(self) -> str:
        return CONCEPTS[self.concept].kind

    @property
    def is_noun(self) -> bool:
        return self.text.split()[-1].lower() in NOUN_FORMS


@dataclass(frozen=True)
class Anchor:
    """A date claim that places a mention (a state's "start" or "end" when a verb says which: "the walkout
    ended on March 13")."""

    mention: Mention
    placed: PlacedClaim
    side: str = "at"


Point = tuple[Mention, str]  # a mention and which of its times: "at", or a state's "start" / "end"


@dataclass(frozen=True)
class Relation:
    """``later`` comes at least ``duration`` (or no earlier, without one) after ``earlier``; ``exact``: and
    no more than the duration's upper bound."""

    later: Point
    earlier: Point
    duration: Optional[PlacedClaim] = None
    exact: bool = False
    how: str = "after"  # after | since | reported | ended (the two points are one time)


@dataclass
class SentenceEvents:
    mentions: list[Mention] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    later_than_before: Optional[tuple[Mention, PlacedClaim]] = None  # "Two weeks later, ..."


def read_sentence(article: int, sentence: int, text: str, offset: int, claims: Sequence[PlacedClaim],
                  dated: Sequence[tuple[PlacedClaim, bool]]) -> Optional[SentenceEvents]:
    """The events of one sentence (``text`` at ``offset`` in its article). ``dated`` are its date claims
    that can place an event, each with whether it is relative to the sentence before ("later")."""
    durations = [p for p in claims if p.claim.kind == "duration" and duration_days(p.claim)]
    if not dated and not durations and not _RELATION_WORDS.search(text):
        return None
    spans = [(p.claim.start - offset, p.claim.end - offset) for p in claims]
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    mentions, reports = _mentions(article, sentence, text, offset, spans, breaks)
    if not mentions and not reports:
        return None
    found = SentenceEvents(mentions=list(mentions))
    events = [m for m in mentions]
    for placed, relative in dated:
        if relative:
            target = _first_event(events)
            if target is not None:
                found.later_than_before = (target, placed)
            continue
        target = _dated_by(placed, text, offset, breaks, events, reports)
        if target is not None:
            if target not in found.mentions:
                found.mentions.append(target)
            found.anchors.append(Anchor(target, placed, _state_side(target, placed, text, offset)))
    _reported(found, reports)
    found.relations += _state_edges(text, offset, breaks, events)
    found.relations += _state_durations(text, offset, breaks, durations, events)
    found.relations += _lasting(text, offset, durations, events)
    found.relations += _ending(text, offset, events)
    found.relations += _durations_between(text, offset, breaks, durations, events)
    found.relations += _first_since(text, offset, events)
    found.relations += _plain_order(text, offset, breaks, events, claims)
    return found


def _mentions(article: int, sentence: int, text: str, offset: int, skipped: list[tuple[int, int]],
              breaks: list[int]) -> tuple[list[Mention], list[Mention]]:
    skipped_spans = SpanLookup(skipped)
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text) if m.start() not in skipped_spans]
    placed_names = _names(text, tokens)
    name_words = tuple(dict.fromkeys(words for _, words, _ in placed_names))
    names = frozenset(name for _, _, name in placed_names)
    events, reports = [], []
    k = 0
    while k < len(tokens):
        start, end, word = tokens[k]
        current = stem(word)
        concept, last = None, k
        if current in PHRASE_FIRSTS and k + 1 < len(tokens):
            concept = PHRASES.get((current, stem(tokens[k + 1][2])))
            last = k + 1 if concept else k
        if concept is None:
            concept = EXACT.get(word.lower()) or WORDS.get(current)
        if concept is not None and _in_compound(text, start, tokens[last][1]):
            concept = None  # "born-again", "war-torn": a modifier, not an event
        if concept is not None and k > 0 and word[0].isupper():
            concept = None  # "Catching Fire", "the Liberation Monument": a name, not an event
        if concept is not None:
            stop = tokens[last][1]
            clause_start, clause_end = _clause(start, breaks, len(text))
            near = frozenset(name for at, _, name in placed_names if clause_start <= at < clause_end)
            definite = k > 0 and tokens[k - 1][2].lower() in DEFINITE
            mention = Mention(article, sentence, offset + start, offset + stop, concept, text[start:stop], names,
                              name_words, near, definite)
            (reports if CONCEPTS[concept].kind == "report" else events).append(mention)
        k = last + 1
    return events, reports


def _names(text: str, tokens: list[tuple[int, int, str]]) -> list[tuple[int, str, Name]]:
    """The names of a sentence: runs of capitalised words ("Marta Selvik", "Kursk Region"), each with where
    it starts, how it is written and its key."""
    runs: list[list[tuple[int, int, str]]] = []
    for start, end, word in tokens:
        if not (word[0].isupper() and word.lower() not in _SKIPPED_NAMES and word.lower() not in STOPWORDS
                and stem(word) not in WORDS and stem(word) not in PHRASE_FIRSTS):
            continue
        if runs and text[runs[-1][-1][1]:start] == " ":
            runs[-1].append((start, end, word))
        else:
            runs.append([(start, end, word)])
    return [(run[0][0], re.sub(r"['’]s$", "", text[run[0][0]:run[-1][1]]), tuple(name_key(w) for _, _, w in run))
            for run in runs]


def _in_compound(text: str, start: int, end: int) -> bool:
    return (end < len(text) - 1 and text[end] == "-" and text[end + 1].isalpha()) or \
        (start > 1 and text[start - 1] == "-" and text[start - 2].isalpha())


def name_key(word: str) -> str:
    """A name as matching keys it ("Ukrainian" and "Ukraine" meet)."""
    return concept(stem(word))


def _clause(position: int, breaks: list[int], length: int) -> tuple[int, int]:
    """The clause around ``position``: between the breaks (sorted offsets) either side of it."""
    k = bisect_left(breaks, position)
    start = breaks[k - 1] + 1 if k else 0
    end = breaks[k] if k < len(breaks) else length
    return start, end


def _dated_by(placed: PlacedClaim, text: str, offset: int, breaks: list[int], events: list[Mention],
              reports: list[Mention]) -> Optional[Mention]:
    """The event (or report) a date places."""
    start, end = placed.claim.start - offset, placed.claim.end - offset
    clause_start, clause_end = _clause(start, breaks, len(text))
    tokens = list(TOKEN.finditer(text, clause_start, start))
    while tokens and tokens[-1].group().lower() in _LINKING:
        tokens.pop()
    if tokens:
        previous = next((r for r in reports if r.end - offset == tokens[-1].end()), None)
        if previous is not None:
            return previous  # "claimed in April 2024"
    before = [m for m in events + reports if clause_start <= m.start - offset and m.end - offset <= start
              and start - (m.end - offset) <= TRIGGER_REACH]
    after = [m for m in events + reports if m.start - offset >= end and m.start - offset - end <= TRIGGER_REACH]
    if not before and _RELATIVE_CLAUSE.match(text, clause_start):
        # "The siege of Marrow, which began on June 3, ...": the clause tells of the event before its comma
        before = [m for m in events if m.end - offset < clause_start and start - (m.end - offset) <= TRIGGER_REACH]
    if before:
        nearest = max(before, key=lambda m: m.end)
        if nearest.kind == "report" and _THAT.search(text[nearest.end - offset:start]):
            # "described that last week, as Putin travelled": the date opens what is reported
            following = [m for m in after if m.kind != "report"]
            return min(following, key=lambda m: m.start) if following else None
        if nearest.kind != "report" and nearest.is_noun:
            governing = _governing_report(nearest, reports, offset, text)
            if governing is not None:
                return governing  # "declared full control over Kursk on April 26"
        return nearest
    # Only a date that opens its clause dates what follows it ("In 2005, the studio released ...", "and on
    # Tuesday the army retook ..."), or one right before its verb ("a commander on Sunday described ...");
    # one inside a clause belongs to what came before it.
    fronted = all(t.group().lower() in _LINKING or t.group().lower() in _OPENERS
                  for t in TOKEN.finditer(text, clause_start, start))
    if after:
        first = min(after, key=lambda m: m.start)
        next_word = TOKEN.search(text, end)
        if fronted or (next_word is not None and next_word.start() == first.start - offset):
            return first
    if fronted:  # "arrested the former mayor, Tomas Reyes, on May 2": a clause of its own after an aside
        earlier = [m for m in events if m.end - offset <= start and start - (m.end - offset) <= TRIGGER_REACH]
        return max(earlier, key=lambda m: m.end) if earlier else None
    return None


def _governing_report(mention: Mention, reports: list[Mention], offset: int, text: str) -> Optional[Mention]:
    """A reporting verb a few words before a reported noun ("declared full control")."""
    for report in reports:
        between = text[report.end - offset:mention.start - offset]
        if report.end <= mention.start and len(between.split()) <= 3 and not _CLAUSE_BREAK.search(between):
            return report
    return None


def _state_side(mention: Mention, placed: PlacedClaim, text: str, offset: int) -> str:
    """Which time of a state (or of an event that takes a while) a date gives, by the verb between them:
    "ended", "began"; "at" when none says."""
    low, high = sorted((mention.end - offset, placed.claim.start - offset))
    words = {stem(m.group()) for m in TOKEN.finditer(text, low, high)}
    if words & STATE_ENDS:
        return "end"
    if words & STATE_BEGINS:
        return "start"
    return "at"


def _reported(found: SentenceEvents, reports: list[Mention]) -> None:
    """What a dated report reports had happened by its date: the first event after it in the sentence,
    before any next report."""
    dated = {id(a.mention) for a in found.anchors}
    ordered = sorted(reports, key=lambda r: r.start)
    for position, report in enumerate(ordered):
        if id(report) not in dated:
            continue
        stop = ordered[position + 1].start if position + 1 < len(ordered) else None
        reported = [m for m in found.mentions if m.kind != "report" and m.start >= report.end
                    and (stop is None or m.start < stop)]
        if reported:  # what it says happened: the first event after it ("claimed ... it had pushed back")
            first = min(reported, key=lambda m: m.start)
            found.relations.append(Relation((report, "at"), _point_of(first, "end"), how="reported"))


def _point_of(mention: Mention, side: str) -> Point:
    return (mention, side if mention.kind == "state" else "at")


def _first_event(events: list[Mention]) -> Optional[Mention]:
    return next((m for m in events if m.kind != "state"), events[0] if events else None)


def _event_before(position: int, events: list[Mention], reach: int, clause_start: int = 0) -> Optional[Mention]:
    candidates = [m for m in events if m.end <= position and position - m.end <= reach and m.start >= clause_start]
    return max(candidates, key=lambda m: m.end) if candidates else None


def _event_following(position: int, text: str, events: list[Mention], offset: int) -> Optional[Mention]:
    """The first event word after ``position`` with only a few words (no clause break) in between."""
    candidates = [m for m in events if 0 <= m.start - offset - position <= EVENT_REACH
                  and _UP_TO_EVENT.match(text[position:m.start - offset])]
    return min(candidates, key=lambda m: m.start) if candidates else None


def _state_edges(text: str, offset: int, breaks: list[int], events: list[Mention]) -> list[Relation]:
    """A state and its end or onset told in one clause ("the siege ... was lifted", "encircled the port,
    starting a siege"): the end event is the state's end, the onset its start."""
    relations = []
    for state in (m for m in events if m.kind == "state"):
        clause = _clause(state.start - offset, breaks, len(text))
        for other in events:
            if other is state or not clause[0] <= other.start - offset < clause[1]:
                continue
            if other.concept in CONCEPTS[state.concept].ends:
                relations.append(Relation((other, "at"), (state, "end"), how="ended"))
            elif other.concept in CONCEPTS[state.concept].onsets:
                relations.append(Relation((other, "at"), (state, "start"), how="ended"))
    return relations


def _state_durations(text: str, offset: int, breaks: list[int], durations: list[PlacedClaim],
                     events: list[Mention]) -> list[Relation]:
    """"<event> after <duration> of <state>"."""
    relations = []
    for placed in durations:
        start, end = placed.claim.start - offset, placed.claim.end - offset
        left = _AFTER_BEFORE_LEFT.search(text[:start])
        if not left:
            continue
        right = _STATE_OF.match(text[end:])
        if not right:
            # "the walkout ended on March 13, after three weeks": the state itself lasted that long
            clause_start, _ = _clause(left.start(), breaks, len(text))
            ended = _event_before(offset + left.start(), [m for m in events if m.kind == "state"], FIRST_SINCE_REACH)
            if ended is not None and {stem(m.group()) for m in TOKEN.finditer(text, ended.end - offset, left.start())} \
                    & STATE_ENDS:
                relations.append(Relation((ended, "end"), (ended, "start"), placed, how="after"))
            continue
        state = _event_following(end + right.end(), text, [m for m in events if m.kind == "state"], offset)
        if state is None or state.kind != "state":
            continue
        clause_start, _ = _clause(left.start(), breaks, len(text))
        event = _event_before(offset + left.start(), events, TRIGGER_REACH, offset + clause_start) \
            or _first_event([m for m in events if m is not state])
        if event is None or event is state:
            continue
        relations.append(Relation(_point_of(event, "start"), (state, "start"), placed, how="after"))
        if event.concept in CONCEPTS[state.concept].ends:
            relations.append(Relation(_point_of(event, "start"), (state, "end"), how="ended"))
    return relations


def _lasting(text: str, offset: int, durations: list[PlacedClaim], events: list[Mention]) -> list[Relation]:
    """How long a state lasted: "the lockdown ... lasted 40 days", "a five-month occupation", "the
    40-day siege"."""
    relations = []
    states = [m for m in events if m.kind == "state"]
    for placed in durations:
        start, end = placed.claim.start - offset, placed.claim.end - offset
        state = None
        if _LASTED.search(text[:start]):
            state = _event_before(placed.claim.start, states, FIRST_SINCE_REACH)
        elif _ADJECTIVE_GAP.match(text[end:]):
            state = next((m for m in states if m.start - offset == end + _ADJECTIVE_GAP.match(text[end:]).end()), None)
        if state is not None:
            relations.append(Relation((state, "end"), (state, "start"), placed, exact=True, how="after"))
    return relations


def _ending(text: str, offset: int, events: list[Mention]) -> list[Relation]:
    """"Troops withdrew in August, ending a five-month occupation": the event is the state's end."""
    relations = []
    for found in _ENDING.finditer(text):
        state = next((m for m in events if m.kind == "state" and 0 <= m.start - offset - found.end() <= EVENT_REACH
                      and _UP_TO_EVENT.match(text[found.end():m.start - offset])), None)
        event = _event_before(offset + found.start(), [m for m in events if m.kind != "state"], FIRST_SINCE_REACH)
        if state is not None and event is not None:
            relations.append(Relation((event, "at"), (state, "end"), how="ended"))
    return relations


def _durations_between(text: str, offset: int, breaks: list[int], durations: list[PlacedClaim],
                       events: list[Mention]) -> list[Relation]:
    """"<event> <duration> after|before <event>"."""
    relations = []
    for placed in durations:
        end = placed.claim.end - offset
        then = _DURATION_THEN.match(text[end:])
        if not then:
            continue
        other = _event_following(end + then.end(), text, events, offset)
        clause_start, _ = _clause(placed.claim.start - offset, breaks, len(text))
        # "<event> two years after ..." or, after a comma, "<event>, two years after ..."
        event = _event_before(placed.claim.start, events, TRIGGER_REACH, offset + clause_start) \
            or _event_before(placed.claim.start, events, TRIGGER_REACH)
        if other is None or event is None or other is event:
            continue
        if then[1].lower() == "before":
            relations.append(Relation(_point_of(other, "start"), _point_of(event, "start"), placed, exact=True))
        else:
            relations.append(Relation(_point_of(event, "start"), _point_of(other, "end"), placed, exact=True))
    return relations


def _first_since(text: str, offset: int, events: list[Mention]) -> list[Relation]:
    """"<event> ... for the first time since <event>": it came after that event."""
    relations = []
    for found in _FIRST_SINCE.finditer(text):
        other = _event_following(found.end(), text, events, offset)
        event = _event_before(offset + found.start(), events, FIRST_SINCE_REACH)
        if other is not None and event is not None and event is not other:
            relations.append(Relation(_point_of(event, "start"), _point_of(other, "end"), how="since"))
    return relations


def _plain_order(text: str, offset: int, breaks: list[int], events: list[Mention],
                 claims: Sequence[PlacedClaim]) -> list[Relation]:
    """"<event> after|before <event>" (with no duration: the duration forms are read above)."""
    relations = []
    starts = [p.claim.start - offset for p in claims]
    ends = {p.claim.end - offset for p in claims}
    for found in _PLAIN_ORDER.finditer(text):
        if found.start() - 1 in ends or found.start() in ends:
            continue  # "two days after the summit": read with its duration above
        if _FIRST_SINCE.search(text, max(0, found.start() - 40), found.end()):
            continue
        other = _event_following(found.end(), text, events, offset)
        if other is not None and any(found.start() < s < other.start - offset for s in starts):
            continue  # "after three weeks of talks": a duration's relation, read above
        clause_start, _ = _clause(found.start(), breaks, len(text))
        event = _event_before(offset + found.start(), events, TRIGGER_REACH, offset + clause_start)
        if other is None or event is None or other is event:
            continue
        if found[1].lower() == "before":
            relations.append(Relation(_point_of(other, "start"), _point_of(event, "end")))
        else:
            relations.append(Relation(_point_of(event, "start"), _point_of(other, "end")))
    return relations


def is_relative(text: str) -> bool:
    """A date written relative to the event told before it ("Two weeks later"), not to the dateline."""
    return bool(_LATER.search(text))
