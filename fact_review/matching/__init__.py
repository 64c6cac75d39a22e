"""Cross-source matching and consistency checks: ``match_case([AnalysedArticle]) -> CaseAnalysis``.

Sentences of different articles are linked when they state the same thing (``statements``); claims are
compared wherever they measure the same thing and checked for sums, shares and dates (``checks``).

Accuracy on the dev split (``../shared/eval-dev``, the shared scorer): ``bash scripts/eval.sh pairs``
(ROC-AUC of ``match --pairs`` per source) and ``bash scripts/eval.sh links`` (ECB+ cross-article links of
``match FILE... --json``, strict and linked-only); speed: ``.venv/bin/python bench/bench_matching.py``.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator, Sequence

from fact_review.matching.case_dates import borrow_dates
from fact_review.matching.checks import consistency_checks
from fact_review.matching.checks.context import CheckContext
from fact_review.matching.statements import case_sentences, link_statements
from fact_review.model import AnalysedArticle, CaseAnalysis


def match_case(articles: Sequence[AnalysedArticle]) -> CaseAnalysis:
    """Matches between the articles' sentences, consistency checks over their claims, and the facts they
    state (``fact_review.events``)."""
    from fact_review.events import find_facts  # events reads matching's results: import at call time

    with _collector_paused():
        articles, date_notes = borrow_dates(articles)
        sentences = case_sentences(articles)
        links = link_statements(sentences)
        context = CheckContext(articles, sentences, date_notes)
        checks, facts = find_facts(context, links, consistency_checks(context, links))
    return CaseAnalysis(articles=tuple(articles), matches=tuple(link.match for link in links), checks=tuple(checks),
                        facts=tuple(facts))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Matching allocates a tuple, a score and a dict entry for every candidate pair, and no reference
    cycles: the cyclic garbage collector would only walk them again and again, at a cost that grows with
    all that is alive (a fifth of the matching time at 100 articles, a tenth at 10)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
