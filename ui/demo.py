"""The demo case a new user sees on first run: articles written by the team, in ``resources/demo/``."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from fact_review.articles import read_article
from fact_review.model import Article
from fact_review.store import CaseRow, ReviewService

DEMO_FOLDER = Path(__file__).resolve().parent.parent / "resources" / "demo"


def demo_articles(folder: Path = DEMO_FOLDER) -> tuple[str, list[Article]]:
    """The demo case's name and its articles, with the outlet, date and url its manifest gives them."""
    manifest = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    articles = []
    for entry in manifest["articles"]:
        article = read_article(folder / entry["file"])
        articles.append(replace(article, outlet=entry.get("outlet"), published=entry.get("published"),
                                url=entry.get("url")))
    return manifest["case"], articles


def import_demo_case(service: ReviewService, folder: Path = DEMO_FOLDER) -> CaseRow:
    name, articles = demo_articles(folder)
    case = service.get_or_create_case(name)
    service.import_articles(case.id, articles)
    return case
