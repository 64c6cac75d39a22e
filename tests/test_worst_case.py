"""Worst cases cost time in proportion to their size: one 100,000-character sentence full of dates and
numbers, and one article of 5,000 claims, each against a tenth of itself measured in the same test (a
linear cost is 10 times that; a search of a sentence's beginning for every pair of its dates was cubic)."""
from __future__ import annotations

import contextlib
import io
import time
from itertools import cycle, islice

from fact_review.claims import extract_claims
from fact_review.cli import main as cli
from fact_review.claims.dates import find_dates
from fact_review.claims.merge import merge_claims
from fact_review.claims.scanner import find_numeric_claims
from fact_review.claims.worth import assess
from fact_review.matching.features import profile_sentence
from fact_review.model import Article
from fact_review.pipeline import analyse_case

SMALL_MULTIPLE = 3  # of the linear baseline

_CLAUSES = (
    "on {d} May 2025 some {n} drones and {m} missiles were fired, {p}% of them shot down",
    "{n} people were hurt between {d} and {e} June 2024, two days after the {d} May vote",
    "a total of {s} projectiles, {n} rockets and {m} shells, struck {p} homes on 2025-05-{d:02d}",
    "of the {s} people treated, {n} were adults and {m} were children, including {p} babies",
    "costs rose to ${n}.5 million since {d} March, about {p} percent more than the {m} planned",
)


def _clauses():
    for k, clause in enumerate(cycle(_CLAUSES)):
        n, m = 100 + k % 900, 10 + k % 90
        yield clause.format(d=1 + k % 28, e=2 + k % 27, n=n, m=m, s=n + m, p=1 + k % 99)


def storm_sentence(chars: int) -> str:
    """One sentence (no full stop until the end) of ``chars`` characters, dense with dates and numbers."""
    text = ""
    for clause in _clauses():
        if len(text) >= chars:
            break
        text += clause + "; "
    return "Officials said " + text[:chars] + "."


def article_of(claims: int) -> str:
    """An article in paragraphs of a few sentences, ``claims`` claims or so in all."""
    sentences = [clause[0].upper() + clause[1:] + "." for clause in islice(_clauses(), claims // 4)]
    return "\n\n".join(" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3))


def _best_seconds(text: str) -> float:
    article = Article(text=text, published="2025-05-26T12:00:00+00:00")
    best = float("inf")
    for _ in range(2):
        began = time.perf_counter()
        analyse_case([article])
        best = min(best, time.perf_counter() - began)
    return best


def test_a_sentence_of_100000_characters_full_of_dates_and_numbers_costs_linear_time():
    full, tenth = storm_sentence(100_000), storm_sentence(10_000)
    assert len(extract_claims(full)) > 4_000
    assert _best_seconds(full) < SMALL_MULTIPLE * 10 * _best_seconds(tenth)


def test_an_article_of_5000_claims_costs_linear_time():
    full, tenth = article_of(5_000), article_of(500)
    assert len(extract_claims(full)) >= 5_000
    assert _best_seconds(full) < SMALL_MULTIPLE * 10 * _best_seconds(tenth)


def test_a_long_text_read_a_run_of_lines_at_a_time_gives_what_one_reading_gives():
    text = article_of(20_000)  # about 300,000 characters: several pieces
    assert len(text) > 4 * 65_536
    whole = merge_claims(find_numeric_claims(text), find_dates(text, None))
    assert extract_claims(text) == assess(text, whole, None, None)


# Our own sentences in many scripts, with marks, emoji, bidi and zero-width controls, as a mixed page has them.
_MIXED = ["Officials said 300 homes were damaged on 12 May 2025.", "東京で地震があり、1200人が避難した。5月12日に発表した。",
          "Более 450 человек эвакуированы 3 мая.", "서울에서 지진이 발생해 1만2천 명이 대피했다.", "أُجلي ٣٠٠ شخص يوم ١٢ مايو.",
          "रविवार को 1,200 लोग प्रभावित हुए।", "Ο σεισμός έπληξε 40% της πόλης στις 5 Μαΐου.", "🚁🚁 12 drones 🔥 at 3pm.",
          "e\u0301\u0302\u0303 ca\u0301fe\u0301 ½ ¾ №5", "\u202eevil\u202c 2 million \u200b\u200d people.",
          "שריפה פגעה ב־250 בתים ב־12 במאי."]


def mixed_unicode_page(size: int) -> str:
    paragraphs, total, k = [], 0, 0
    while total < size:
        paragraph = "<p>" + " ".join(_MIXED[(k + j * 5) % len(_MIXED)] for j in range(1 + k % 6)) + "</p>"
        paragraphs.append(paragraph)
        total += len(paragraph.encode())
        k += 1
    return "<html><head><title>Mixed</title></head><body><article>" + "".join(paragraphs) + "</article></body></html>"


def test_importing_a_mixed_unicode_page_costs_a_small_multiple_of_reading_its_claims(tmp_path):
    # A 117 KB page of many scripts imported in 90 s where `claims` read it in 1.4 s: storing, checking and
    # matching its claims must cost about what finding them does, not a multiple of the page's size.
    page = tmp_path / "mixed.html"
    page.write_text(mixed_unicode_page(117_000), encoding="utf-8")
    db = tmp_path / "v.db"
    (tmp_path / "tiny.txt").write_text("Officials said 300 homes were damaged.", encoding="utf-8")

    def seconds(argv: list[str]) -> float:
        began = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli(argv) == 0
        return time.perf_counter() - began

    seconds(["import", "--db", str(db), "--case", "warm-up", str(tmp_path / "tiny.txt")])  # made and migrated
    reading = min(seconds(["claims", str(page)]) for _ in range(2))
    importing = seconds(["import", "--db", str(db), "--case", "Mixed", str(page)])
    assert importing < SMALL_MULTIPLE * 2 * reading, (importing, reading)


def _profile_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        profile_sentence(text)
        best = min(best, time.perf_counter() - began)
    return best


def test_a_long_run_without_spaces_is_profiled_in_linear_time():
    # A headline of a hostile address with 16 KB of "%28" after it took 5 s to import: the address search
    # tried every start of the run.
    full, tenth = "see /x" + "%28" * 20_000, "see /x" + "%28" * 2_000
    assert _profile_seconds(full) < SMALL_MULTIPLE * 10 * max(_profile_seconds(tenth), 1e-4)
