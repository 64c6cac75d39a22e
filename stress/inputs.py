"""Generated hostile inputs for ``make fuzz``: random bytes, Unicode soup, deep and wide HTML, huge
attributes and hostile URLs, number and date storms, legacy encodings, Markdown, news-like text with
injections, and special files (a named pipe, a device, a folder, a socket, links, an oversized file).

Every input is made from a seeded ``random.Random``: the same seed gives the same inputs, so a failure can
be made again with ``--seed`` and ``--only``.
"""
from __future__ import annotations

import os
import random
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

KB, MB = 1024, 1024 * 1024
MAX_INPUT = 20_000_000  # fact_review.articles.MAX_INPUT_BYTES


@dataclass(frozen=True)
class FuzzInput:
    index: int
    kind: str
    suffix: str
    data: Optional[bytes]  # None for a special file, made by ``make_special``
    special: Optional[str] = None

    @property
    def name(self) -> str:
        return f"{self.index:05d}-{self.kind}{self.suffix}"

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0


def _size(rng: random.Random, large: bool, cap: int) -> int:
    """Log-uniform sizes: mostly a few KB as articles are, now and then up to ``cap``."""
    top = cap if large else min(cap, 64 * KB)
    return int(2 ** rng.uniform(4, max(4.5, top.bit_length() - 1)))


def _fill(rng: random.Random, size: int, piece: Callable[[], str], sep: str = " ") -> str:
    parts, total = [], 0
    while total < size:
        part = piece()
        parts.append(part)
        total += len(part.encode("utf-8", "surrogatepass")) + len(sep)
    return sep.join(parts)


# --- kinds -----------------------------------------------------------------------------------------------

def random_bytes(rng: random.Random, size: int) -> tuple[str, bytes]:
    return rng.choice([".txt", ".html", ".md", ""]), rng.randbytes(size)


_SCRIPTS = [(0x20, 0x7E), (0xA0, 0xFF), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x5FF), (0x600, 0x6FF),
            (0x900, 0x97F), (0x300, 0x36F), (0x1100, 0x11FF), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3),
            (0x2000, 0x206F), (0x2150, 0x218F), (0xFB00, 0xFB4F), (0xFE00, 0xFE0F), (0xFFF0, 0xFFFF),
            (0x1F300, 0x1FAFF), (0xE000, 0xF8FF), (0x0, 0x1F), (0xD800, 0xDFFF), (0x10000, 0x10FFFF)]


def unicode_soup(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Code points of every script and category, bidi and zero-width controls, combining marks piled on
    one letter, lone surrogates (invalid UTF-8), NUL now and then, with words and numbers between."""
    def piece() -> str:
        roll = rng.random()
        if roll < 0.25:
            return rng.choice(["300 homes", "12 May 2025", "about 40%", "$3.5bn", "٣٠٠", "三百人", "1e5", "½"])
        low, high = rng.choice(_SCRIPTS)
        return "".join(chr(rng.randint(low, high)) for _ in range(rng.randint(1, 12)))
    text = _fill(rng, size, piece, sep=rng.choice([" ", "", "\n", "\u200b"]))
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
    return rng.choice([".txt", ".html", ".md", ""]), text.encode(encoding, "surrogatepass")


def html_deep(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Elements nested as deep as the size allows, closed or left open, with text at the bottom."""
    tag = rng.choice(["div", "b", "span", "table", "ul><li", "blockquote", "p", "a href='x'"])
    close = tag.split("><")[0].split()[0]
    depth = max(1, size // (len(tag) * 2 + len(close) + 5))
    inner = "Officials said 300 homes were damaged on 12 May 2025."
    closing = f"</{close}>" * depth if rng.random() < 0.5 else ""
    body = f"<{tag}>" * depth + inner + closing
    return ".html", f"<html><head><title>Deep</title></head><body><article>{body}</article></body></html>".encode()


def html_wide(rng: random.Random, size: int) -> tuple[str, bytes]:
    """As many sibling elements as the size allows: paragraphs, table cells, scripts, comments."""
    item = rng.choice(["<p>{n} people were hurt on {d} May.</p>", "<td>{n}</td>", "<script>var a={n};</script>",
                       "<!-- {n} -->", "<a href='/p/{n}'>{n}</a>", "<br>", "<li>{n}%</li>", "<img src=x alt='{n}'>"])
    body = _fill(rng, size, lambda: item.format(n=rng.randint(0, 10**6), d=rng.randint(1, 31)), sep="")
    return ".html", f"<html><body><article>{body}</article></body></html>".encode()


_HOSTILE_URLS = ["http://x/x)>>/AA<</E<</S/JavaScript/JS(app.alert(1))>>>>/Z<</Y(", "javascript:alert(1)",
                 "data:text/html,<script>alert(1)</script>", "http://a.b/\u202e\u0000evil", "//evil.example/%0d%0a",
                 "http://[::1]:99999/", "file:///etc/passwd", "https://x/" + "(" * 50, "vbscript:msgbox(1)"]


def html_attributes(rng: random.Random, size: int) -> tuple[str, bytes]:
    """One metadata field (title, canonical URL, author, date, JSON-LD) as large as the size, or a hostile
    URL, around a short article."""
    field = rng.choice(["og:title", "og:url", "author", "article:published_time", "og:site_name", "ld", "canonical"])
    filler = rng.choice(["Breaking ", "a", "(", "<>&\"'", "١٢ مايو ", "\u202e", "%28", "2025-05-12 "])
    value = rng.choice(_HOSTILE_URLS) + filler * max(1, size // len(filler)) if rng.random() < 0.5 else \
        filler * max(1, size // len(filler))
    value = value.replace('"', "&quot;")
    if field == "ld":
        head = f'<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{value}",' \
               f'"author":{{"name":"{value[:1000]}"}},"datePublished":"{value[:64]}"}}</script>'
    elif field == "canonical":
        head = f'<link rel="canonical" href="{value}">'
    elif field.startswith("og:"):
        head = f'<meta property="{field}" content="{value}">'
    else:
        head = f'<meta name="{field}" content="{value}">'
    body = "<p>Officials said more than 300 homes were damaged on 12 May 2025.</p>" * rng.randint(1, 5)
    return ".html", f"<html><head>{head}<title>t</title></head><body><article>{body}</article></body></html>".encode()


_NUMBERS = ["1e999999", "1e5000", "1e1", "10^925", "5 x 10^12", "9" * 400, "1,000,000,000,000,000,000,000,000,000",
            "0.000000000000000000000000000001", "½¼¾", "1.2.3.4.5", "3/4/5/6/7", "$1e9", "€-0", "−12%", "12%%",
            "one hundred hundred hundred", "a million billion trillion", "twenty fifths", "1st 2nd 3rd 101st",
            "-0.0", "00000000000000000000007", "1_000", "٣٠٠", "१२३", "12,34,56,789", "1 2 3 4 5 6 7 8 9",
            "nought point nought nought one", "between 5 and 9 and 12 and 40", "more than at least about 300"]


def number_storm(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Numbers back to back in every form the extractor reads or must leave alone."""
    text = _fill(rng, size, lambda: rng.choice(_NUMBERS) + rng.choice([" people", " drones", "", "%", " km", " USD"]),
                 sep=rng.choice([" ", ", ", "; ", "", "\n"]))
    return rng.choice([".txt", ".md", ".html"]), text.encode()


_DATES = ["2025-05-{d:02d}", "{d} May 2025", "May {d}, 2024", "{d}/0{m}/2023", "on {d} March", "Tuesday {d} June",
          "from {d} to {e} May", "2015-03-28/2015-04-02", "12:{d:02d}", "at {d} pm GMT", "{d} days after {e} weeks before",
          "the end of March", "Ramadan 2025", "Q{m} 2024", "the {d}th century", "{d}{d}{d}{d}-{d}{d}", "last Tuesday",
          "two Sundays from now", "early {d}000s", "by EOY", "1 January 0001", "31 February 2025", "9999-12-31"]


def date_storm(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Dates back to back (the same-sentence date-order check was cubic in them)."""
    def piece() -> str:
        return rng.choice(_DATES).format(d=rng.randint(1, 31), e=rng.randint(1, 31), m=rng.randint(1, 9))
    text = _fill(rng, size, piece, sep=rng.choice([" ", ", ", "; and ", "", "\n"]))
    return rng.choice([".txt", ".md"]), text.encode()


_NEWS = ["More than {n} people were evacuated on {d} May 2025, officials said.", "About {p}% of the town lost power.",
         "The damage was put at ${n}.5 million by the ministry.", "Rescuers found {n} survivors in {d} villages.",
         "The storm, the worst since {y}, lasted {d} hours.", "=cmd|'/c calc'!A{n}", "<script>alert({n})</script>",
         "[click](javascript:alert({n}))", "**{n}** _drones_ `code` > quote", "| {n} | {d} |\n|---|---|",
         "# Heading {n}", "Posted {d} hours ago by @user #tag http://x.y/{n}"]
_LEGACY = {
    "ja": ("東京で地震があり、{n}人が避難した。政府は{d}日に発表した。", ["shift_jis", "euc_jp", "iso2022_jp", "cp932"]),
    "zh": ("北京发生地震，{n}人被疏散。政府于{d}日宣布。", ["gb2312", "gbk", "gb18030"]),
    "tw": ("台北發生地震，{n}人被疏散。政府於{d}日宣布。", ["big5", "big5hkscs"]),
    "ko": ("서울에서 지진이 발생해 {n}명이 대피했다. 정부는 {d}일 발표했다.", ["euc_kr", "cp949"]),
    "ru": ("Более {n} человек эвакуированы {d} мая, сообщили власти.", ["cp1251", "koi8_r", "iso8859_5"]),
    "fr": ("Plus de {n} maisons endommagées le {d} mai, « selon » la préfecture — café.", ["cp1252", "latin_1", "mac_roman"]),
    "gr": ("Περισσότεροι από {n} άνθρωποι απομακρύνθηκαν στις {d} Μαΐου.", ["iso8859_7", "cp1253"]),
}


def _news_line(rng: random.Random) -> str:
    return rng.choice(_NEWS).format(n=rng.randint(2, 99999), d=rng.randint(1, 28), p=rng.randint(1, 99),
                                    y=rng.randint(1900, 2025))


def news(rng: random.Random, size: int) -> tuple[str, bytes]:
    """News-like paragraphs with injections (spreadsheet formulas, scripts, Markdown links) among them."""
    text = "Storm report\n\n" + _fill(rng, size, lambda: " ".join(_news_line(rng) for _ in range(rng.randint(1, 6))),
                                      sep="\n\n")
    return rng.choice([".txt", ".md", ""]), text.encode()


def legacy_encoding(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Text in a legacy encoding, now and then cut in the middle of a character or spliced with another."""
    template, encodings = _LEGACY[rng.choice(sorted(_LEGACY))]
    encoding = rng.choice(encodings)
    text = _fill(rng, size, lambda: template.format(n=rng.randint(2, 999), d=rng.randint(1, 28)), sep="\n")
    data = text.encode(encoding, "replace")
    roll = rng.random()
    if roll < 0.15:
        data = data[:rng.randint(1, len(data))]
    elif roll < 0.25:
        other, other_encodings = _LEGACY[rng.choice(sorted(_LEGACY))]
        data += other.format(n=1, d=2).encode(rng.choice(other_encodings), "replace")
    if rng.random() < 0.2:
        data = f'<html><head><meta charset="{rng.choice([encoding, "utf-8", "bogus-8"])}"></head><body><p>'.encode() \
            + data + b"</p></body></html>"
        return ".html", data
    return rng.choice([".txt", ""]), data


def markdown(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Markdown that nests and references without end: lists, quotes, link definitions, fences, tables."""
    pieces = ["  " * rng.randint(0, 200) + "- {n} items", "> " * rng.randint(1, 300) + "{n} quoted",
              "[r{n}]: http://x/{n} \"t\"", "```\n{n}\n", "| a | b |\n|---|---|\n| {n} | {n} |", "![i](x){{{n}}}",
              "<div>{n}</div>", "***{n}***", "\\" * 50 + "{n}", "{n}. " * 40]
    text = _fill(rng, size, lambda: rng.choice(pieces).format(n=rng.randint(0, 10**6)), sep="\n")
    return ".md", text.encode()


KINDS: dict[str, tuple[float, Callable[[random.Random, int], tuple[str, bytes]]]] = {
    "bytes": (0.12, random_bytes), "soup": (0.14, unicode_soup), "deep-html": (0.07, html_deep),
    "wide-html": (0.07, html_wide), "attribute": (0.09, html_attributes), "numbers": (0.13, number_storm),
    "dates": (0.12, date_storm), "news": (0.1, news), "legacy": (0.1, legacy_encoding), "markdown": (0.05, markdown),
}
# cap of a large input, per kind: up to the 20 MB limit for cheap shapes, less where each KB is dense work
LARGE_CAP = {"bytes": 4 * MB, "soup": 2 * MB, "deep-html": 4 * MB, "wide-html": 4 * MB, "attribute": 12 * MB,
             "numbers": 1 * MB, "dates": 1 * MB, "news": 5 * MB, "legacy": 2 * MB, "markdown": 1 * MB}
SPECIALS = ("fifo", "device", "folder", "socket", "link-loop", "dangling-link", "empty", "blank", "oversize",
            "no-permission")
SPECIAL_SHARE = 0.02
LARGE_SHARE = 0.01


def generate(seed: int, count: int) -> Iterator[FuzzInput]:
    """``count`` inputs made from ``seed``: input i is the same whatever ``count`` is."""
    names = list(KINDS)
    weights = [KINDS[name][0] for name in names]
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        if rng.random() < SPECIAL_SHARE:
            special = rng.choice(SPECIALS)
            yield FuzzInput(index, special, ".txt", None, special)
            continue
        kind = rng.choices(names, weights)[0]
        size = _size(rng, rng.random() < LARGE_SHARE, LARGE_CAP[kind])
        suffix, data = KINDS[kind][1](rng, size)
        yield FuzzInput(index, kind, suffix, data[:MAX_INPUT])


def make_special(kind: str, path: Path) -> list[object]:
    """Make the special file ``kind`` at ``path``; what must stay open while it is read (a socket)."""
    keep: list[object] = []
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.listen(1)
        keep.append(server)
    elif kind == "link-loop":
        path.symlink_to(path.name)
    elif kind == "dangling-link":
        path.symlink_to(path.name + ".missing")
    elif kind == "empty":
        path.touch()
    elif kind == "blank":
        path.write_text(" \n\t\r\n" * 1000)
    elif kind == "oversize":
        with open(path, "wb") as handle:
            handle.truncate(MAX_INPUT + 1)  # sparse: no disk taken
    elif kind == "no-permission":
        path.write_text("Officials said 300 homes were damaged.")
        path.chmod(0)
    return keep
