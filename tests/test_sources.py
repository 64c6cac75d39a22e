"""One name per article, for the window, the checks and the reports (fact_review.sources)."""
from __future__ import annotations

from fact_review.model import Article
from fact_review.reports.data import ReportArticle
from fact_review.sources import source_name
from fact_review.store.rows import ArticleRow


def test_the_outlet_names_a_source_then_its_title_file_site_and_place():
    assert source_name(Article("t", title="Flood", outlet="The Courier", path="/x/a.html")) == "The Courier"
    assert source_name(Article("t", title="Flood  in\nHarwick", path="/x/a.html")) == "Flood in Harwick"
    assert source_name(Article("t", path="/x/notes.txt", url="https://www.wire.example/a")) == "notes.txt"
    assert source_name(Article("t", url="https://www.wire.example/a")) == "wire.example"
    assert source_name(Article("t", url="not a url")) == "Source"
    assert source_name(Article("t", title="  "), 2) == "Source 3"


def test_stored_and_reported_articles_are_named_alike():
    fields = dict(id=4, position=1, title=None, outlet=None, url=None, author=None, published=None)
    stored = ArticleRow(case_id=1, content_hash="h", path="/in/notes.txt", text="t", imported_at=None, **fields)
    reported = ReportArticle(name=source_name(stored), **fields)
    assert reported.name == "notes.txt" and reported.short_name == "notes.txt (source 2)"
    anonymous = ReportArticle(**fields)
    assert anonymous.name == anonymous.short_name == "Source 2"
