"""Default report file names: safe on every common file system, whatever the case title."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fact_review.reports.formats import EXTENSIONS, FORMATS
from fact_review.reports.naming import MAX_NAME_BYTES, default_report_filename


@pytest.mark.parametrize("title, fmt, expected", [
    ("Kyiv drone attack", "html", "Kyiv drone attack.html"),
    ("Budget: 2025/26 \\ draft?", "pdf", "Budget- 2025-26 - draft.pdf"),
    ("../../etc/passwd", "md", "etc-passwd.md"),
    ("report\u202egnp.exe", "csv", "reportgnp.exe.csv"),
    ("CON", "json", "CON report.json"),
    ("nul.txt", "json", "nul.txt report.json"),
    ("  \t\n ", "claimreview", "report.jsonld"),
    ("-rf", "html", "rf.html"),
    ("Zoë's case", "html", "Zoë's case.html"),
])
def test_examples(title, fmt, expected):
    assert default_report_filename(title, fmt) == expected


@given(st.text(), st.sampled_from(FORMATS))
def test_any_title_gives_a_safe_name(title, fmt):
    name = default_report_filename(title, fmt)
    assert name.endswith(EXTENSIONS[fmt]) and len(name) > len(EXTENSIONS[fmt])
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert not set(name) & set('<>:"/\\|?*')
    assert all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs") for ch in name)
    assert not name.startswith((".", "-", " "))
    stem = name[: -len(EXTENSIONS[fmt])]
    assert not stem.endswith((" ", "."))
