"""Words of a sentence as matching sees them: tokens, a light stemmer and the function words to ignore."""
from __future__ import annotations

import re
from functools import lru_cache

# Words, and numbers with their inner separators ("1,200", "6.5", "9-14" gives "9" and "14").
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)

# Function words and the commonest news verbs: they say nothing about which event a sentence reports.
STOPWORDS = frozenset(
    """
    a about above after again against all almost also am an and any are around as at be because been before
    being below between both but by can could did do does doing down during each even ever every few for from
    further had has have having he her here hers herself him himself his how i if in into is it its itself
    just least less like many may me might more most much must my myself near neither no nor not now of off
    on once only or other our ours ourselves out over own per quite rather same several shall she should so
    some such than that the their theirs them themselves then there these they this those though through thus
    to too under until up upon us very via was we were what when where whether which while who whom whose why
    will with within without would yet you your yours yourself yourselves
    said says say saying told tell according reported reports report reportedly added news today yesterday
    tomorrow mr mrs ms dr
    """.split()
)

MONTHS = (
    "january february march april may june july august september october november december".split()
)
MONTH_ABBREVIATIONS = {name[:3]: name for name in MONTHS} | {"sept": "september"}
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix stripper so that "fire", "fired", "fires" and "firing" meet; not a real morphology."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("ian", "ia")) and len(word) > 5:  # Ukraine, Ukrainian; Russia, Russian
        return word[: -3 if word.endswith("ian") else -2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith(("ss", "us", "is")):
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


# Verbs that say a thing began or ended ("the lockdown ended on May 3", "the siege began in March"): a date
# of the one and a date of the other are two moments of one thing, not two tellings of one moment.
BEGIN_STEMS = frozenset(stem(w) for w in "began begins begun started starts imposed erupted".split())
END_STEMS = frozenset(stem(w) for w in "ended ends end lifted finished concluded expired over".split())
