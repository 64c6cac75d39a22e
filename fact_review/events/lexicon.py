"""The words news uses for events, and what reasoning about their times needs to know of them.

- A **one-off** event happens once to its place or people within a story: a town is invaded once,
  retaken once, a person dies once. Two mentions of one such event in a case are the same event when they
  share a name (or one names nobody), wherever they stand.
- A **repeatable** event (an attack, a visit, a meeting) happens again and again: two mentions are one
  event only when the matcher links their statements.
- A **state** lasts ("six months of occupation"): it begins with an onset event and ends with an end event
  ("after six months of occupation" dates its end; the invasion that began it dates its start).
- A **report** ("said", "claimed", "declared") dates when something was said: what it reports had
  happened by then ("claimed in April 2024 that it had pushed back the forces").

Words are matched by their stem (``matching.words.stem``), those marked "=" as written ("fired" is not
"fire"); two-word phrases by both stems.
"""
from __future__ import annotations

from dataclasses import dataclass

from fact_review.matching.words import BEGIN_STEMS, END_STEMS, stem


@dataclass(frozen=True)
class Concept:
    name: str
    kind: str  # one-off | repeatable | state | report
    noun: str  # how an explanation names it: "the liberation"
    onsets: tuple[str, ...] = ()  # states: the concepts that begin them
    ends: tuple[str, ...] = ()  # states: the concepts that end them


_CONCEPTS = (
    # name, kind, noun, onsets, ends, words (two-word phrases joined by "_")
    ("retake", "one-off", "the recapture", (), (),
     "liberate liberated liberates liberating liberation recapture recaptured recapturing retake retook retaken "
     "retaking regain regained reclaim reclaimed push_back pushed_back pushing_back push_out pushed_out drove_out "
     "driven_out drive_out full_control expelled"),
    ("invasion", "one-off", "the invasion", (), (),
     "invade invaded invading invasion incursion incursions"),
    ("occupation", "state", "the occupation", ("invasion",), ("retake", "withdrawal"),
     "occupation occupied occupying"),
    ("withdrawal", "one-off", "the withdrawal", (), (), "withdrawal withdrew withdrawn"),
    ("war", "state", "the war", ("invasion", "outbreak"), ("ceasefire",), "war fighting hostilities"),
    ("outbreak", "one-off", "the outbreak", (), (), "outbreak"),
    ("ceasefire", "one-off", "the ceasefire", (), (), "ceasefire truce armistice"),
    ("siege", "state", "the siege", ("encirclement",), ("retake", "lifting"), "siege blockade"),
    ("encirclement", "one-off", "the encirclement", (), (), "encircled encirclement surrounded"),
    ("death", "one-off", "the death", (), (), "died death dies"),
    ("arrest", "one-off", "the arrest", (), (), "arrest arrested detained"),
    ("detention", "state", "the detention", ("arrest",), ("release",), "detention custody captivity"),
    # "released": a prisoner, a film, a report, data: too many things to be one event by its names alone
    ("release", "repeatable", "the release", (), (), "release released freed"),
    ("election", "one-off", "the election", (), (), "election elected"),
    ("inauguration", "one-off", "the inauguration", (), (), "inauguration inaugurated sworn_in took_office"),
    ("resignation", "one-off", "the resignation", (), (), "resignation resigned step_down stepped_down"),
    ("closure", "state", "the closure", ("closing",), ("reopening",), "closure shutdown"),
    ("closing", "one-off", "the closing", (), (), "closed shut"),
    ("reopening", "one-off", "the reopening", (), (), "reopened reopening reopens reopen"),
    ("walkout", "state", "the walkout", ("walking out",), ("settlement",), "walkout"),
    ("walking out", "one-off", "the walkout", (), (), "walked_out walk_out walks_out"),
    ("settlement", "one-off", "the settlement", (), (), "settlement settled"),
    ("lockdown", "state", "the lockdown", (), ("lifting",), "lockdown"),
    ("lifting", "one-off", "the lifting", (), (), "lifted"),
    ("collapse", "one-off", "the collapse", (), (), "collapse collapsed"),
    ("merger", "one-off", "the merger", (), (), "merger merged takeover acquisition acquired"),
    ("opening", "one-off", "the opening", (), (), "opened opening"),
    ("birth", "one-off", "the birth", (), (), "born birth"),
    ("attack", "repeatable", "the attack", (), (),
     "attack attacked attacks strike struck raid raided assault shelling bombing bombed onslaught airstrike "
     "=fired =firing opened_fire open_fire"),
    ("visit", "repeatable", "the visit", (), (), "visit visited visiting trip tour toured travel traveled "
                                                  "travelled traveling travelling"),
    ("incident", "repeatable", "the incident", (), (), "incident happened occurred"),
    ("meeting", "repeatable", "the meeting", (), (), "meeting met talks summit"),
    ("vote", "repeatable", "the vote", (), (), "vote voted referendum"),
    ("fire", "repeatable", "the fire", (), (), "=fire =fires blaze blazes"),
    ("flood", "repeatable", "the flood", (), (), "flood flooding floods"),
    ("earthquake", "repeatable", "the earthquake", (), (), "earthquake quake"),
    ("explosion", "repeatable", "the explosion", (), (), "explosion blast exploded"),
    ("crash", "repeatable", "the crash", (), (), "crash crashed collision"),
    ("evacuation", "repeatable", "the evacuation", (), (), "evacuated evacuation"),
    ("report", "report", "the statement", (), (),
     "said says claimed claims declared announced announces reported confirmed told alleged "
     "insisted denied described admitted"),
)

CONCEPTS: dict[str, Concept] = {}
WORDS: dict[str, str] = {}  # stem -> concept name
EXACT: dict[str, str] = {}  # word -> concept name, for words whose stem another word shares ("fired", "fire")
PHRASES: dict[tuple[str, str], str] = {}  # (stem, stem) -> concept name
for _name, _kind, _noun, _onsets, _ends, _words in _CONCEPTS:
    CONCEPTS[_name] = Concept(_name, _kind, _noun, _onsets, _ends)
    for _word in _words.split():
        if _word.startswith("="):
            EXACT[_word[1:]] = _name
        elif "_" in _word:
            _first, _second = _word.split("_")
            PHRASES[(stem(_first), stem(_second))] = _name
        else:
            WORDS.setdefault(stem(_word), _name)
PHRASE_FIRSTS = frozenset(first for first, _ in PHRASES)
# Verbs that say a state began or ended ("the lockdown ended on May 3", "the siege began in March").
STATE_ENDS, STATE_BEGINS = END_STEMS, BEGIN_STEMS
DEFINITE = frozenset("the this that its".split())  # "the evacuation": the one told before
# Triggers that are nouns: an explanation names the event by them ("the incursion"), and a report that
# governs one ("declared full control") dates the report, not the event.
NOUN_FORMS = frozenset(w for w in (
    "liberation recapture control invasion incursion incursions occupation withdrawal war fighting hostilities outbreak "
    "ceasefire truce armistice siege blockade encirclement death arrest detention custody captivity release "
    "election inauguration resignation closure shutdown walkout settlement lockdown collapse opening "
    "birth merger takeover acquisition attack attacks raid assault shelling bombing onslaught airstrike visit trip tour incident "
    "meeting talks summit vote referendum fire blaze flood flooding floods earthquake quake explosion blast crash "
    "collision evacuation").split())
