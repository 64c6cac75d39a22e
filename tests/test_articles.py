import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review import articles
from fact_review.articles import article_from_bytes, article_from_text, read_article
from fact_review.errors import InputError
from fact_review.sentences import split_sentences

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour flood | The Coastal Courier</title>
<meta property="og:title" content="Flood reaches the harbour, 40 boats sunk">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="og:url" content="https://courier.example.org/2024/11/harbour-flood">
<meta name="author" content="Mira Holt">
<meta property="article:published_time" content="2024-11-02T07:15:00+00:00">
<style>p { color: teal } .hidden-style-marker {}</style>
<script>window.trackingMarker = "script text must not appear";</script>
</head><body>
<div id="cookie-notice" class="cookie-consent-banner">
  <p>We value your privacy and use cookies on this site. Accept all cookies to continue reading.</p>
  <button>Accept</button>
</div>
<nav><ul><li><a href="/">Front page</a></li><li><a href="/sport">Sport section link</a></li></ul></nav>
<article>
<h1>Flood reaches the harbour</h1>
<p>High water sank 40 boats in the old harbour early on Saturday, the port authority said.</p>
<p>About 300 residents spent the night in a school gym. Power returned to most streets by noon.</p>
<!-- editor's note: an HTML comment must not appear -->
<p>Repairs to the sea wall will cost more than £2 million, according to the council's first estimate.</p>
</article>
<footer><p>Copyright The Coastal Courier. All rights reserved.</p></footer>
</body></html>
"""


def test_html_article_body_without_boilerplate() -> None:
    article = article_from_bytes(NEWS_PAGE.encode("utf-8"), "page.html")
    assert "High water sank 40 boats in the old harbour" in article.text
    assert "About 300 residents spent the night in a school gym." in article.text
    assert "more than £2 million" in article.text
    for boilerplate in ("cookies", "Sport section link", "trackingMarker", "script text", "hidden-style-marker",
                        "editor's note", "All rights reserved"):
        assert boilerplate not in article.text


def test_html_paragraphs_are_separated_by_blank_lines_and_the_title_heads_the_text() -> None:
    article = article_from_bytes(NEWS_PAGE.encode("utf-8"), "page.html")
    assert "\n\n\n" not in article.text
    lines = article.text.split("\n\n")
    assert all(line.strip() == line and "\n" not in line for line in lines)
    assert lines[0] == "Flood reaches the harbour, 40 boats sunk"
    assert any(line.startswith("High water sank") and line.endswith("the port authority said.") for line in lines)
    assert any(line.startswith("Repairs to the sea wall") for line in lines)


def test_html_metadata_from_open_graph_and_article_meta() -> None:
    article = article_from_bytes(NEWS_PAGE.encode("utf-8"), "page.html")
    assert article.title == "Flood reaches the harbour, 40 boats sunk"
    assert article.outlet == "The Coastal Courier"
    assert article.url == "https://courier.example.org/2024/11/harbour-flood"
    assert article.author == "Mira Holt"
    assert article.published == "2024-11-02T07:15:00+00:00"
    assert article.content_hash == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def page(head: str, body: str) -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode("utf-8")


BODY = (
    "<article><p>The river rose by 2 metres overnight and 15 families left their homes, officials said.</p>"
    "<p>Rescue teams used 12 boats to reach the villages cut off by the water on the eastern bank.</p></article>"
)


def test_html_metadata_from_json_ld() -> None:
    linked = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "not the outlet"},
            {
                "@type": "NewsArticle",
                "headline": "River rises by 2 metres",
                "datePublished": "2023-04-09T18:00:00-04:00",
                "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Tom Lee"}],
                "publisher": {"@type": "Organization", "name": "Valley Daily"},
            },
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    article = article_from_bytes(page(head, BODY), "river.html")
    assert article.title == "River rises by 2 metres"
    assert article.published == "2023-04-09T18:00:00-04:00"
    assert article.author == "Ana Ruiz, Tom Lee"
    assert article.outlet == "Valley Daily"


def test_html_published_from_a_time_element_and_outlet_from_the_canonical_domain() -> None:
    head = '<title>River report</title><link rel="canonical" href="https://www.valley.example.net/river">'
    body = BODY.replace("<article>", '<article><time datetime="2022-08-30">30 August</time>')
    article = article_from_bytes(page(head, body), "river.htm")
    assert article.published == "2022-08-30"
    assert article.url == "https://www.valley.example.net/river"
    assert article.outlet == "valley.example.net"
    assert article.title == "River report"


def test_malformed_json_ld_and_meta_are_ignored() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>'
            '<meta property="article:published_time" content="last Tuesday">')
    article = article_from_bytes(page(head, BODY), "river.html")
    assert article.published is None
    assert "15 families" in article.text


def test_deeply_nested_html_keeps_its_text() -> None:
    depth = 5000
    head = '<head><meta property="og:title" content="Wells run dry"></head>'
    markup = f"<html>{head}<body>" + "<div>" * depth + "<p>Deep inside: 7 wells ran dry.</p>" + "</div>" * depth
    markup += "<p>After the nest: 3 more.</p></body></html>"
    article = article_from_bytes(markup.encode(), "deep.html")
    assert article.title == "Wells run dry"
    assert "Deep inside: 7 wells ran dry." in article.text
    assert "After the nest: 3 more." in article.text


def test_html_without_text_is_refused() -> None:
    with pytest.raises(InputError, match=r"empty\.html: has no article text"):
        article_from_bytes(b"<html><head><script>var x = 1;</script></head><body></body></html>", "empty.html")


def test_unknown_suffix_is_sniffed() -> None:
    assert article_from_bytes(page("", BODY), "download").text.startswith("The river rose by 2 metres")
    assert article_from_bytes(b"Plain words <b> here\n", "notes.dat").text == "Plain words <b> here\n"


def test_text_is_kept_exactly_with_newlines_normalised() -> None:
    raw = "Dam holds after storm\r\n\r\n  Water  reached 4.5 m.\rThe dam held.\n\tEnd \n"
    article = article_from_bytes(raw.encode("utf-8"), "dam.txt")
    assert article.text == "Dam holds after storm\n\n  Water  reached 4.5 m.\nThe dam held.\n\tEnd \n"
    assert article.title == "Dam holds after storm"
    assert article.content_hash == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    assert article.with_text("Other text.").content_hash == hashlib.sha256(b"Other text.").hexdigest()


@pytest.mark.parametrize(
    "text, title",
    [
        ("Storm closes 12 schools\n\nThe storm closed schools.", "Storm closes 12 schools"),
        ("Will the bridge reopen?\nEngineers will decide.", "Will the bridge reopen?"),
        ("The storm closed 12 schools.\nMore later.", None),  # a sentence, not a headline
        ("Only one line here", None),  # nothing follows it
        ("A" * 250 + "\nbody", None),  # too long
        ("date 2024-01-02\nBody text.", None),
    ],
)
def test_text_title_is_the_first_line_when_it_reads_as_a_headline(text: str, title: str) -> None:
    assert article_from_text(text).title == title


def test_markdown_title_from_a_leading_heading_and_text_kept() -> None:
    text = "# Budget passes, 51 votes to 49 #\n\nThe council *approved* the plan.\n"
    article = article_from_bytes(text.encode(), "budget.md")
    assert article.title == "Budget passes, 51 votes to 49"
    assert article.text == text


@pytest.mark.parametrize(
    "start, published",
    [
        (" date 2024-06-30 The fair opened.", "2024-06-30"),
        ("Date: 2024-06-30 09:45 The fair opened.", "2024-06-30T09:45:00"),
        ("date 2024-02-30 Not a real day.", None),
        ("The date 2024-06-30 is in the middle.", None),
    ],
)
def test_leading_date_marker_gives_published_and_stays_in_the_text(start: str, published: str) -> None:
    article = article_from_text(start + "\nMore.")
    assert article.published == published
    assert article.text == start + "\nMore."


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Le café coûte 3 €.".encode("cp1252"), "Le café coûte 3 €."),
        ("The mayor’s “plan” – 40 homes".encode("cp1252"), "The mayor’s “plan” – 40 homes"),
        ("Über 1.200 Häuser waren ohne Strom, sagte der Bürgermeister.".encode("latin-1"),
         "Über 1.200 Häuser waren ohne Strom, sagte der Bürgermeister."),
        ("Он сказал, что 300 дронов были сбиты.".encode("cp1251"), "Он сказал, что 300 дронов были сбиты."),
        ("Mostly UTF-8 “quotes” with a stray ".encode() + b"caf\xe9", "Mostly UTF-8 “quotes” with a stray café"),
        ("\ufeffWith a UTF-8 mark".encode("utf-8"), "With a UTF-8 mark"),
        ("UTF-16 with its mark, 5 items".encode("utf-16"), "UTF-16 with its mark, 5 items"),
        ("UTF-32 with its mark".encode("utf-32"), "UTF-32 with its mark"),
    ],
)
def test_encodings(data: bytes, expected: str) -> None:
    assert article_from_bytes(data, "text.txt").text == expected


def test_html_declared_charset_is_used_for_legacy_bytes() -> None:
    markup = '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body>' + BODY + "</body></html>"
    article = article_from_bytes(markup.encode("cp1252"), "cafe.html")
    assert article.title == "Café"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "is empty"),
        (b" \n\r\n\t ", "is empty"),
        ("  \n ".encode("utf-16"), "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data, not text"),
        (bytes(range(256)) * 4, "binary data, not text"),
        (b"\x01\x02\x03\x04\x05\x06 text", "binary data, not text"),
    ],
)
def test_refusals_say_what_is_wrong(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as raised:
        article_from_bytes(data, "input.txt")
    assert str(raised.value).startswith("input.txt: ")
    assert message in str(raised.value)


def test_oversized_input_is_refused_with_its_size_and_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(articles.MAX_INPUT_BYTES + 5_000_000)  # sparse: the size check comes before reading
    with pytest.raises(InputError, match=r"big\.txt: is 25\.0 MB, larger than the limit of 20\.0 MB"):
        read_article(big)
    # one byte over reads in bytes: "20.0 MB, larger than the limit of 20.0 MB" said nothing
    with pytest.raises(InputError, match=r"is 20,000,001 bytes, larger than the limit of 20,000,000 bytes"):
        article_from_bytes(b"a" * (articles.MAX_INPUT_BYTES + 1), "big.txt")


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(InputError, match=r"is a directory"):
        read_article(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret 12 items.")
    locked.chmod(0)
    with pytest.raises(InputError, match=r"locked\.txt: permission denied"):
        read_article(locked)


def test_read_article_records_the_path(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Bridge reopens\r\n\r\nThe bridge reopened after 3 weeks.\r\n")
    article = read_article(path)
    assert article.path == str(path)
    assert article.text == "Bridge reopens\n\nThe bridge reopened after 3 weeks.\n"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
def test_samples() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        article = read_article(path)
        expected = path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        assert article.text == expected
    first = read_article(next(SAMPLES.glob("000_*.txt")))
    assert first.title == first.text.split("\n", 1)[0].strip()
    assert first.published is None
    dated = read_article(next(SAMPLES.glob("004_*.txt")))
    assert dated.published == "2025-05-25"
    assert dated.text.lstrip().startswith("date 2025-05-25")


# Bad input: whatever arrives, the result is an article or an InputError that names the input.

def read_or_refuse(data: bytes, name: str) -> None:
    try:
        article = article_from_bytes(data, name)
    except InputError as error:
        assert str(error).startswith(f"{name}: ") and len(str(error)) > len(name) + 8
        return
    assert article.text.strip()
    for span in split_sentences(article.text):
        assert 0 <= span.start < span.end <= len(article.text)


SUFFIXES = st.sampled_from(["in.txt", "in.md", "in.html", "in.htm", "in"])


@settings(max_examples=150, deadline=3000)
@given(st.binary(max_size=3000), SUFFIXES)
def test_random_bytes(data: bytes, name: str) -> None:
    read_or_refuse(data, name)


@settings(max_examples=150, deadline=3000)
@given(st.text(max_size=2000), SUFFIXES)
def test_random_unicode(text: str, name: str) -> None:
    read_or_refuse(text.encode("utf-8"), name)
    if text.strip():
        assert article_from_text(text).text == text.replace("\r\n", "\n").replace("\r", "\n")


TAGS = st.sampled_from(["div", "p", "span", "b", "i", "table", "tr", "td", "ul", "li", "a", "section",
                        "script", "style", "article", "nav", "h1", "!--", "![CDATA[", "?xml"])


@settings(max_examples=60, deadline=5000)
@given(st.lists(st.tuples(TAGS, st.booleans(), st.text(max_size=20)), max_size=200),
       st.integers(min_value=0, max_value=20000), SUFFIXES)
def test_random_and_deeply_nested_html(pieces: list, depth: int, name: str) -> None:
    markup = "".join(f"<{tag}>{text}" if opening else f"</{tag}>{text}" for tag, opening, text in pieces)
    markup = "<html><body>" + "<div>" * depth + markup + "<p>Some 5 words.</p>" + "</div>" * (depth // 2)
    read_or_refuse(markup.encode("utf-8"), name)


@settings(max_examples=20, deadline=5000)
@given(st.text(min_size=1, max_size=30), st.integers(min_value=1000, max_value=30000), SUFFIXES)
def test_very_long_lines(chunk: str, repeat: int, name: str) -> None:
    read_or_refuse((chunk * repeat).encode("utf-8"), name)
