"""The demo case a new user sees on first run: articles written by the team, in ``resources/demo/``.

The articles are HTML pages that carry their own outlet, url, date and title, so the command line
imports them just as the window does; ``case.json`` names the case.
"""
from __future__ import annotations

import json
from pathlib import Path

from fact_review.articles import read_article
from fact_review.model import Article
from fact_review.resource_files import resource_path
from fact_review.store import CaseRow, ReviewService

DEMO_FOLDER = resource_path("demo")


def demo_files(folder: Path = DEMO_FOLDER) -> list[Path]:
    """The demo articles in name order (as a shell expands ``resources/demo/*.html``)."""
    return sorted(folder.glob("*.html"))


def demo_articles(folder: Path = DEMO_FOLDER) -> tuple[str, list[Article]]:
    """The demo case's name and its articles."""
    name = json.loads((folder / "case.json").read_text(encoding="utf-8"))["case"]
    return name, [read_article(path) for path in demo_files(folder)]


def import_demo_case(service: ReviewService, folder: Path = DEMO_FOLDER) -> CaseRow:
    name, articles = demo_articles(folder)
    case = service.get_or_create_case(name)
    service.import_articles(case.id, articles)
    return case
