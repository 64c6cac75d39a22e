"""`fact-review match FILE FILE [FILE...] --json` and `fact-review match --pairs IN [--out OUT]`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterator

from fact_review.articles import read_article
from fact_review.cli.file_args import add_article_files, article_files
from fact_review.cli.wording import count
from fact_review.errors import InputError
from fact_review.matching.pairs import equivalent, score_pairs
from fact_review.model import CaseAnalysis
from fact_review.pipeline import analyse_case
from fact_review.reports.write import write_atomic


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("match", help="link statements across articles and check their numbers")
    add_article_files(parser, "*", "two or more articles of one story")
    parser.add_argument("--json", action="store_true", help="print JSON (matches and checks)")
    parser.add_argument("--pairs", metavar="IN", help='batch: lines {"id", "a", "b"} (\'-\' reads standard input)')
    parser.add_argument("--out", metavar="OUT", help="with --pairs: write the result lines here")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.pairs is not None:
        if args.files:
            raise InputError("match: give either article files or --pairs IN, not both")
        return _run_pairs(args.pairs, args.out)
    if args.out is not None:
        raise InputError("match: --out goes with --pairs; the case result is printed")
    if len(args.files) < 2:
        raise InputError("match: give at least two article files of one story (or --pairs IN)")
    analysis = analyse_case([read_article(path) for path in article_files(args.files)])
    if args.json:
        json.dump(case_json(analysis), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(case_text(analysis))
    return 0


def case_json(analysis: CaseAnalysis) -> dict[str, Any]:
    return {
        "articles": [
            {"index": k, "path": a.article.path, "title": a.article.title, "outlet": a.article.outlet,
             "published": a.article.published}
            for k, a in enumerate(analysis.articles)
        ],
        "matches": [m.to_json() for m in analysis.matches],
        "checks": [c.to_json() for c in analysis.checks],
    }


def case_text(analysis: CaseAnalysis) -> str:
    """A reviewer's reading of the result: the discrepancies and checks, then the linked statements."""
    texts = [a.article.text for a in analysis.articles]
    discrepancies = sum(c.is_discrepancy for c in analysis.checks)
    lines = [f"{count(len(analysis.articles), 'article')}, {count(len(analysis.matches), 'linked statement')}, "
             f"{count(discrepancies, 'discrepancy', 'discrepancies')} in {count(len(analysis.checks), 'check')}", ""]
    for check in analysis.checks:
        lines.append(f"[{check.status}] {check.kind}: {check.explanation}")
    if analysis.checks:
        lines.append("")
    for match in analysis.matches:
        a = texts[match.a.article][match.a.start:match.a.end]
        b = texts[match.b.article][match.b.start:match.b.end]
        lines.append(f"{match.score:.2f} {match.tier:9s} {match.numeric:10s} "
                     f"#{match.a.article + 1}: {_short(a)}  <->  #{match.b.article + 1}: {_short(b)}")
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _run_pairs(source: str, out: str | None) -> int:
    items = list(_read_pairs(source))
    scores = score_pairs([(a, b) for _, a, b in items])
    lines = "".join(
        json.dumps({"id": key, "score": round(score, 6), "equivalent": equivalent(score)}, ensure_ascii=False) + "\n"
        for (key, _, _), score in zip(items, scores)
    )
    if out is None:
        sys.stdout.write(lines)
    else:
        _write_atomically(Path(out), lines)
    return 0


def _read_pairs(source: str) -> Iterator[tuple[Any, str, str]]:
    try:
        handle = sys.stdin if source == "-" else open(source, encoding="utf-8")
    except OSError as error:
        raise InputError(f"{source}: cannot be read ({error.strerror or error})") from None
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"{source}:{number}: not a JSON line ({error.msg})") from None
                if not isinstance(item, dict) or "id" not in item \
                        or not isinstance(item.get("a"), str) or not isinstance(item.get("b"), str):
                    raise InputError(f'{source}:{number}: expected an object with "id" and text "a" and "b"')
                yield item["id"], item["a"], item["b"]
        except UnicodeDecodeError:
            raise InputError(f"{source}: is not UTF-8 text") from None


def _write_atomically(path: Path, text: str) -> None:
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot be written ({error.strerror or error})") from None
