"""Reading hostile or unusual input: special files are refused at once, a page's metadata cannot flood its
article, and the legacy East Asian encodings are read, not taken for binary data or mojibake."""
from __future__ import annotations

import os
import subprocess
import time
import sys
from pathlib import Path

import pytest

from fact_review.articles import article_from_bytes, read_article
from fact_review.errors import InputError
from fact_review.intake.fields import MAX_FIELD_CHARS

# Our own sentences, in the style of a news report in each language.
JAPANESE = ("東京都は5月12日、新型ドローン300機の配備を発表した。市民約1万2千人が式典に参加し、予算は45億円に上る。"
            "関係者によると、計画は2025年度中に完了する見通しだ。")
SIMPLIFIED = "北京市政府5月12日宣布，部署300架新型无人机。约1.2万名市民参加了仪式，预算高达45亿元。该计划将于2025年底完成。"
TRADITIONAL = "台北市政府5月12日宣佈，部署300架新型無人機。約1.2萬名市民參加了儀式，預算高達45億元。該計劃將於2025年底完成。"
KOREAN = "서울시는 5월 12일 신형 드론 300대를 배치한다고 발표했다. 시민 약 1만2천 명이 행사에 참석했으며 예산은 45억 원에 달한다."
LEGACY = [(JAPANESE, encoding) for encoding in ("shift_jis", "cp932", "euc_jp", "iso2022_jp")] \
    + [(SIMPLIFIED, encoding) for encoding in ("gb2312", "gbk", "gb18030")] \
    + [(TRADITIONAL, "big5"), (KOREAN, "euc_kr"), (KOREAN, "cp949")]


@pytest.mark.parametrize("text, encoding", LEGACY, ids=[encoding for _, encoding in LEGACY])
@pytest.mark.parametrize("length", [40, None])
def test_legacy_east_asian_encodings_are_read(text, encoding, length):
    text = text[:length]
    article = article_from_bytes(text.encode(encoding), f"report.{encoding}.txt")
    assert article.text == text


def test_broken_iso_2022_is_refused_with_its_reason():
    data = JAPANESE.encode("iso2022_jp") + b"\x1b$B!"  # a two-byte character cut in half
    with pytest.raises(InputError, match="ISO-2022"):
        article_from_bytes(data, "mail.txt")


def test_utf8_with_a_stray_windows_byte_is_still_read_as_utf8():
    article = article_from_bytes("Mostly UTF-8 “quotes”, 300 drones, ".encode() + b"caf\xe9", "note.txt")
    assert article.text == "Mostly UTF-8 “quotes”, 300 drones, café"


def _claims(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fact_review", "claims", str(path)], capture_output=True,
                          text=True, timeout=60)


def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path):
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    done = _claims(pipe)  # nothing ever writes to it: reading it would never return
    assert done.returncode == 2 and "is a named pipe" in done.stderr and "give -" in done.stderr


def test_a_device_is_refused():
    with pytest.raises(InputError, match="/dev/null: is a device, not an article file"):
        read_article("/dev/null")


def test_a_symbolic_link_to_an_article_is_read(tmp_path):
    target = tmp_path / "article.txt"
    target.write_text("Rebels fired 300 drones at the port.")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_article(link).text == target.read_text()


def test_a_huge_title_is_cut_and_does_not_become_the_article():
    title = "Drones 300 on 5 May, " * 100_000
    page = (f'<html><head><meta property="og:title" content="{title}"><title>t</title></head>'
            "<body><article><p>The council said 300 drones were launched on Monday.</p></article></body></html>")
    article = article_from_bytes(page.encode(), "page.html")
    assert len(article.title) <= MAX_FIELD_CHARS and article.title.endswith("…")
    assert title[:100] in article.title
    assert len(article.text) < 2 * MAX_FIELD_CHARS and "The council said 300 drones" in article.text


def test_dates_in_a_pages_text_cost_no_search_and_are_not_its_publication_date():
    # A live-blog-like page: 600 short dated paragraphs and no date in its markup. htmldate's extensive
    # search sent each paragraph to dateparser's 200 locales (26 s) and took one of them as the page's date.
    paragraphs = "".join(f"<p>{100_000 + 997 * k} people were hurt on {1 + k % 28} May"
                         f"{' 2024' if k % 10 == 0 else ''}.</p>" for k in range(600))
    page = f"<html><head><title>Live</title></head><body><article>{paragraphs}</article></body></html>"
    began = time.perf_counter()
    article = article_from_bytes(page.encode(), "live.html")
    assert time.perf_counter() - began < 5
    assert article.published is None and article.text.count("people were hurt") == 600
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2024-05-30T08:00:00Z">')
    assert article_from_bytes(dated.encode(), "live.html").published.startswith("2024-05-30")


def test_a_huge_author_costs_no_more_than_a_short_one():
    # trafilatura's clean-up of an author's name is quadratic: 40 KB of "(" took 10 s to read
    author = "javascript:alert(1)" + "(" * 40_000
    page = (f'<html><head><meta name="author" content="{author}"><title>t</title></head>'
            "<body><article><p>The council said 300 drones were launched on Monday.</p></article></body></html>")
    began = time.perf_counter()
    article = article_from_bytes(page.encode(), "page.html")
    assert time.perf_counter() - began < 2
    assert article.author is not None and len(article.author) <= MAX_FIELD_CHARS
    assert "The council said 300 drones" in article.text
