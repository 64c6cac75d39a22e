"""Words that different outlets use for one thing: a small hand-written lexicon of news verbs and nouns.

Each group's words (and two-word phrases such as "pushed back") are read as one term, named after the
group's first word, so that "liberated" meets "recaptured" and "chopper" meets "helicopter". Groups hold
only words that report the same fact in news text; related but different facts ("killed" and "injured")
stay apart, since telling those apart is what matching is for.
"""
from __future__ import annotations

from fact_review.matching.words import stem

_GROUPS = """
control controlled controls liberate liberated liberates liberating liberation captured capture captures
    capturing recapture recaptured recapturing retake retook retaken seize seized seizes seizing seizure
    regain regained regaining occupy occupied occupation | push back | pushed back | drive out | drove out
    | driven out | took over | taken over
attack attacked attacks attacking strike strikes striking struck assault assaulted raid raided onslaught
    bombardment bombarded shelling shelled barrage airstrike airstrikes | air strike | air strikes
drone drones uav uavs | unmanned aircraft | unmanned aerial
helicopter helicopters chopper choppers
aircraft airplane airplanes airliner airliners jet jets
missile missiles rocket rockets
intercept intercepted intercepting repel repelled repelling neutralise neutralised neutralize neutralized
    | shot down | shoot down | shooting down
kill killed killing dead die died dies dying death deaths fatalities fatality slain murdered
injure injured injuring injuries injury wounded wounding wound hurt
arrest arrested arresting detain detained detention apprehended custody
visit visited visiting visits trip trips tour toured touring travel travelled traveled travelling traveling
soldier soldiers troop troops
president presidential
earthquake earthquakes quake quakes tremor tremors temblor
fire fires blaze blazes inferno
resign resigned resigns resignation quit quits abdicate abdicates abdicated | step down | stepped down | steps down
dismiss dismissed dismissal sack sacked oust ousted
buy buys bought buying purchase purchased acquire acquired acquires acquisition
sue sued suing lawsuit lawsuits
jail jailed prison imprisoned imprisonment
win wins won winning victory
ship ships vessel vessels boat boats
explosion explosions blast blasts explode exploded explodes
ambassador ambassadors diplomat diplomats envoy envoys
election elections vote votes voting voters ballot
approve approved approves approval authorise authorised authorize authorized
urge urged urges | call on | calls on | called on
truce truces ceasefire ceasefires | cease fire
talks negotiations negotiate negotiated negotiating
begin begins began start starts started starting | kick off | kicks off
children child kids
"""


def _read_groups() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    words: dict[str, str] = {}
    phrases: dict[tuple[str, str], str] = {}
    for group in _GROUPS.strip().replace("\n    ", " ").splitlines():
        single, *pairs = group.split("|")
        members = single.split()
        name = "~" + stem(members[0])  # "~": a group never meets a word spelt like its name
        for word in members:
            words[stem(word)] = name
        for pair in pairs:
            first, second = pair.split()
            phrases[(stem(first), stem(second))] = name
    return words, phrases


_WORDS, _PHRASES = _read_groups()
PHRASE_STARTS = frozenset(first for first, _ in _PHRASES)  # stems that may begin a two-word phrase


def concept(word_stem: str) -> str:
    """The group term of a stemmed word, or the stem itself."""
    return _WORDS.get(word_stem, word_stem)


def phrase(first_stem: str, second_stem: str) -> str | None:
    """The group term of a two-word phrase ("pushed back"), if it is one."""
    return _PHRASES.get((first_stem, second_stem))
