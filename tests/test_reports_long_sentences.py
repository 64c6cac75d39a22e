"""A report's size stays in proportion to its case: each entry carries the sentence of its claim, so a page
without full stops (one 'sentence' of thousands of claims) is shown around each claim, not whole."""
from __future__ import annotations

import json

from fact_review.model import Article
from fact_review.reports.data import MAX_SENTENCE_CHARS
from fact_review.reports.export import report_bytes
from fact_review.store import open_service
from store_fakes import fake_analyse, fake_match


def test_a_sentence_of_thousands_of_claims_is_cut_around_each_claim(tmp_path):
    text = "Tallies: " + ", ".join(f"{n} boats" for n in range(10, 6010)) + " in all"  # no full stop: one sentence
    with open_service(tmp_path / "r.db", analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Harbour")
        service.import_articles(case.id, [Article(text=text, path="tallies.txt").with_text(text)])
        report = report_bytes(service, "Harbour", "json")
        entries = json.loads(report)["entries"]
    assert len(entries) == 6000
    assert len(report) < 2_000 * len(entries)  # each entry held the whole 60 KB text: 360 MB
    for entry in entries[::500]:
        sentence = entry["sentence"]
        assert entry["quote"]["text"] in sentence and len(sentence) <= MAX_SENTENCE_CHARS
        assert sentence.startswith(("Tallies", "…")) and sentence.endswith(("in all", "…"))


def test_a_sentence_of_ordinary_length_is_given_whole(tmp_path):
    text = "Rescuers said 12 boats and 40 divers searched the bay for 3 days without rest, officials added"
    with open_service(tmp_path / "r.db", analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Bay")
        service.import_articles(case.id, [Article(text=text, path="bay.txt").with_text(text)])
        entries = json.loads(report_bytes(service, "Bay", "json"))["entries"]
    assert {entry["sentence"] for entry in entries} == {text}
