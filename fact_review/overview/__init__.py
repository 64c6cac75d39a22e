"""Who says what across a case, for the window's overviews and the reports: the figure table (a row per
fact, a column per source) and the timeline (the days each source places its events on). Both read the
engine's stored facts (``ReviewService.facts``) and the case's checks; nothing here imports Qt."""
