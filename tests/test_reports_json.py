"""The JSON report: everything, under stable field names, Decimals as numbers, times in ISO 8601."""
from __future__ import annotations

import json
from datetime import datetime

from report_fixtures import hostile_report

from fact_review.reports.json_report import render_json


def test_top_level_and_entry_field_names_are_stable():
    document = json.loads(render_json(hostile_report()))
    assert list(document) == ["format", "version", "case_name", "title", "generated_at", "scale", "articles",
                              "summary", "entries", "discrepancies", "with_history", "case_url", "publisher", "figures",
                              "state", "facts", "methodology"]
    assert (document["format"], document["version"]) == ("fact-review-report", 1)
    assert list(document["entries"][0]) == ["claim_id", "article", "quote", "sentence", "figure", "origin",
                                            "in_conflict", "flagged", "matches", "verdict", "history",
                                            "reviewer_verdicts"]
    assert list(document["entries"][0]["verdict"]) == ["label", "rating", "note", "evidence_url", "reviewer",
                                                       "created_at", "updated_at", "version", "final"]


def test_values_numbers_and_times():
    data = hostile_report()
    document = json.loads(render_json(data))
    first = document["entries"][0]
    assert first["figure"]["value"] == 12500000 and isinstance(first["figure"]["value"], int)
    assert document["entries"][2]["figure"]["value"] == -2
    assert document["entries"][3]["figure"]["low"] == 270
    assert datetime.fromisoformat(first["verdict"]["updated_at"]) == data.entries[0].verdict.updated_at
    assert document["entries"][4]["figure"] == {
        "text": "25 May", "kind": "date", "value": None, "unit": None, "noun": None, "qualifier": None, "low": None,
        "high": None, "date": "2025-05-25", "reading": "25 May 2025"}
    assert document["state"] == "draft" and document["methodology"].startswith("Fact Review")
    assert datetime.fromisoformat(document["generated_at"]) == data.generated_at
    assert document["scale"]["best"] == 5 and document["scale"]["worst"] == 1
    assert document["discrepancies"][0]["resolved"] is True
    assert document["summary"]["reviewed"] == 4


def test_everything_round_trips_as_text():
    data = hostile_report()
    document = json.loads(render_json(data))
    assert document["title"] == data.title
    assert document["entries"][0]["verdict"]["note"] == data.entries[0].verdict.note
    assert [e["history"][0]["after"]["label"] for e in document["entries"] if e["history"]] == ["False"]
    assert document["entries"][0]["matches"][0]["figures"][0]["value"] == 14000000
