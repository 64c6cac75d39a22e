"""fact-review claims FILE... [--json]  |  fact-review claims --jsonl IN [--out OUT]

Files: every file is read first; the claims of the readable ones are printed (a table per file, or one
JSON list of {"path", "title", "outlet", "url", "author", "published", "content_hash", "claims"}),
each unreadable one gets a message on stderr, and the exit status is 2 when any file was bad.

Claims that are context rather than worth checking (the report's own dateline, "now", idioms ...) carry
"check_worthy": false and say why; the table shows why in its last column.

Batch: IN (- for stdin) holds lines {"id", "text", "reference_time"?} (reference_time an ISO
8601 date or date-time, or null; without it a dateline in the text's first lines dates it); every line is checked before any claim is extracted, so a malformed line
stops the run with its line number and nothing is written. Output lines are {"id", "claims": [Claim]}
in input order, on stdout or in OUT (written whole or not at all).
"""
from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import IO, Any, Iterable, Optional

from fact_review.articles import MAX_TEXT_CHARS, read_article
from fact_review.claims import extract_claims
from fact_review.cli.file_args import add_article_files, article_files
from fact_review.errors import InputError, reading_file
from fact_review.json_stream import LazyList, write_json
from fact_review.model import Article, Claim
from fact_review.pipeline import reference_time
from fact_review.reports.write import atomic_path


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("claims", help="list the numeric claims of each file", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    add_article_files(parser, "*", "articles")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--jsonl", metavar="IN", help='batch: lines {"id", "text", "reference_time"?} '
                                                      "('-' reads standard input)")
    parser.add_argument("--out", metavar="OUT", help="with --jsonl: write the result lines here")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.files:
            raise InputError("claims: give either FILE... or --jsonl IN, not both")
        items = list(_read_batch(args.jsonl))
        results = (_batch_result(item) for item in items)
        _write_lines(results, args.out)
        return 0
    if args.out is not None:
        raise InputError("claims: --out goes with --jsonl IN; for files, redirect the output")
    if not args.files:
        raise InputError("claims: give one or more article files, or --jsonl IN")
    return _claims_of_files(article_files(args.files), args.json)


# Files

def _claims_of_files(paths: list[str], as_json: bool) -> int:
    analysed: list[tuple[Article, list[Claim]]] = []
    bad = False
    for path in paths:
        try:
            article = read_article(path)
        except InputError as error:
            print(f"fact-review: {error}", file=sys.stderr)
            bad = True
            continue
        analysed.append((article, extract_claims(article.text, reference_time(article))))
    if as_json:  # written as it is encoded: one string of a long article's claims would double the memory
        write_json(LazyList(analysed, lambda pair: _file_json(*pair)), sys.stdout)
    else:
        print("\n\n".join(_file_table(article, claims) for article, claims in analysed))
    return 2 if bad else 0


def _file_json(article: Article, claims: list[Claim]) -> dict[str, Any]:
    return {
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "published": article.published,
        "content_hash": article.content_hash,
        "claims": LazyList(claims, Claim.to_json),
    }


_COLUMNS = ("offsets", "kind", "text", "value", "unit", "noun", "qualifier", "date", "context")


def _file_table(article: Article, claims: list[Claim]) -> str:
    about = [f"title: {article.title}" if article.title else "no title",
             f"published {article.published}" if article.published else "date unknown",
             f"{len(claims)} claim{'s' if len(claims) != 1 else ''}"]
    heading = f"{article.path}  ({'; '.join(about)})"
    if not claims:
        return heading
    rows = [_COLUMNS, *(_claim_row(claim) for claim in claims)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    return "\n".join([heading, *("  " + line for line in lines)])


def _claim_row(claim: Claim) -> tuple[str, ...]:
    value = _decimal_text(claim.value)
    if claim.low is not None or claim.high is not None:
        value += f" [{_decimal_text(claim.low) or '…'}, {_decimal_text(claim.high) or '…'}]"
    return (f"{claim.start}-{claim.end}", claim.kind, " ".join(claim.text.split()), value.strip(),
            claim.unit or "", claim.noun or "", claim.qualifier or "", claim.date or "",
            "" if claim.check_worthy else claim.why)


def _decimal_text(value: Optional[Decimal]) -> str:
    """A value exactly as stored, without an exponent ("1.5E+6" reads as "1500000")."""
    return "" if value is None else f"{value:f}"


# Batch

@dataclass(frozen=True)
class _BatchItem:
    id: Any
    text: str
    reference: Optional[datetime]


def _read_batch(source: str) -> Iterable[_BatchItem]:
    name = "stdin" if source == "-" else source
    if source == "-":
        lines = nullcontext(sys.stdin.buffer)  # read, not closed
    else:
        with reading_file(name, "a JSON lines file"):
            lines = open(source, "rb")
    with lines as file:
        for number, raw in enumerate(file, start=1):
            if raw.strip():
                yield _batch_item(raw, f"{name}: line {number}")


def _batch_item(raw: bytes, where: str) -> _BatchItem:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{where}: not UTF-8 text") from None
    except (ValueError, RecursionError) as error:
        raise InputError(f"{where}: not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise InputError(f'{where}: expected a JSON object {{"id", "text", "reference_time"?}}')
    if "id" not in data:
        raise InputError(f'{where}: has no "id"')
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError(f'{where}: "text" must be a string')
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{where}: text has {len(text):,} characters, more than the limit of {MAX_TEXT_CHARS:,}")
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{where}: contains an unpaired surrogate (\\ud800-\\udfff), which is not text") from None
    return _BatchItem(data["id"], text, _reference_time(data.get("reference_time"), where))


def _reference_time(value: Any, where: str) -> Optional[datetime]:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(f'{where}: "reference_time" {json.dumps(value)[:60]} is not an ISO 8601 date or date-time')


def _batch_result(item: _BatchItem) -> str:
    claims = extract_claims(item.text, item.reference)
    return json.dumps({"id": item.id, "claims": [claim.to_json() for claim in claims]}, ensure_ascii=False)


def _write_lines(lines: Iterable[str], out: Optional[str]) -> None:
    if out is None:
        _write_all(sys.stdout, lines)
        return
    with atomic_path(out) as temporary, open(temporary, "w", encoding="utf-8") as file:
        _write_all(file, lines)


def _write_all(file: IO[str], lines: Iterable[str]) -> None:
    for line in lines:
        file.write(line + "\n")
    file.flush()
