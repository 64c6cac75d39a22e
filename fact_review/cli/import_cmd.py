"""`fact-review import --db DB --case NAME FILE... [--json]`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fact_review.articles import STANDARD_INPUT, read_article
from fact_review.cli.file_args import add_article_files, article_files
from fact_review.cli.store_access import add_case_option, add_db_option, open_database
from fact_review.cli.wording import count


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="import articles into a case (analysis included)")
    add_db_option(parser)
    add_case_option(parser, "the case's name (created when new)")
    add_article_files(parser, "+", "articles to import (a file imported before is updated)")
    parser.add_argument("--json", action="store_true", help="print what was imported as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # every file is checked before anything is stored; absolute paths so that a re-import from another
    # folder still finds the article it updates
    articles = [read_article(path if path == STANDARD_INPUT else Path(path).absolute())
                for path in article_files(args.files)]
    with open_database(args) as service:
        existing = service.get_case(args.case)
        if existing is not None:
            result = service.import_articles(existing.id, articles)
        else:  # made with its first articles, in one transaction: nothing is left when that fails
            result = service.import_into_new_case(args.case, articles)
            if result.case_id is None:
                for error in result.errors:
                    print(f"fact-review: {error}", file=sys.stderr)
                print(f"fact-review: case {args.case!r} not created: none of its articles could be imported",
                      file=sys.stderr)
                return 1
        case = existing or service.find_case(args.case)
        stored = {a.id: a for a in service.articles(case.id)}
        claims = service.claims(case.id)
        discrepancies = sum(1 for c in service.checks(case.id) if c.is_discrepancy)
        matches = len(service.matches(case.id))
    for error in result.errors:
        print(f"fact-review: {error}", file=sys.stderr)
    if args.json:
        counts = {a: sum(1 for c in claims if c.article_id == a) for a in stored}
        print(json.dumps({
            "case": case.name,
            "case_id": case.id,
            "added": result.added,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "anchor_changed": result.anchor_changed,
            "errors": result.errors,
            "articles": [
                {"id": a.id, "index": a.position, "path": a.path, "title": a.title, "claims": counts[a.id]}
                for a in stored.values()
            ],
            "claims": len(claims),
            "matches": matches,
            "discrepancies": discrepancies,
        }, ensure_ascii=False, indent=2))
    else:
        print(
            f"case {case.name!r}: {len(result.added)} added, {len(result.updated)} updated, "
            f"{len(result.unchanged)} unchanged; {count(len(stored), 'article')}, {count(len(claims), 'claim')}, "
            f"{count(matches, 'match', 'matches')}, {count(discrepancies, 'discrepancy', 'discrepancies')}"
        )
        if result.anchor_changed:
            print(f"{len(result.anchor_changed)} reviewed claim(s) changed text: check them again "
                  f"(ids {', '.join(map(str, result.anchor_changed))})")
    return 0 if not result.errors or result.added or result.updated or result.unchanged else 1
