"""Stress runs that are not part of the timed suite: ``make fuzz`` (generated hostile inputs through the
command line, ``stress.fuzz``) and ``make soak`` (kills, a full disk and a read-only filesystem under a
running desk, ``stress.soak``)."""
