"""The PDF report: it opens, holds the case title and every verdict, and fetched nothing."""
from __future__ import annotations

import os
import unicodedata

import pytest
from pypdf import PdfReader
from report_fixtures import RTL, hostile_report

from ui.reports_pdf import OfflineTextDocument, render_pdf


def _squeezed(text: str) -> str:
    """Text as compared: ligatures unfolded (ﬁ -> fi), every whitespace dropped (PDF text has no spaces)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def report(qapp, tmp_path):
    data = hostile_report()
    result = render_pdf(data, tmp_path / "report.pdf")
    return data, result, PdfReader(result.path)


def test_the_pdf_has_the_title_and_every_verdict(report):
    data, _, reader = report
    assert reader.metadata.title == data.title
    text = _squeezed("".join(page.extract_text() for page in reader.pages))
    assert _squeezed(data.title) in text
    for entry in data.entries:
        if entry.verdict:
            assert _squeezed(entry.verdict.label) in text
            assert _squeezed(entry.verdict.note) in text
            if entry.verdict.reviewer != RTL:
                assert _squeezed(entry.verdict.reviewer) in text


def test_a_right_to_left_override_stays_inside_its_own_text(report):
    _, _, reader = report
    text = _squeezed("".join(page.extract_text() for page in reader.pages))
    # Left unclosed, the override pulls the time after it into its run ("report 09:31 2025-05-26 gnp.exe ,").
    assert "reportgnp.exe,26May2025,09:31UTC." in text


def test_pages_are_a4_and_numbered(report):
    _, _, reader = report
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert [page.extract_text().split()[-1] for page in reader.pages] == [
        str(n) for n in range(1, len(reader.pages) + 1)]


def test_nothing_was_requested(report):
    _, result, _ = report
    assert result.refused_resources == ()


def test_the_document_refuses_every_resource(qapp):
    document = OfflineTextDocument()
    document.setHtml('<p style="background-image: url(http://bg.invalid/b.png)">x '
                     '<img src="http://img.invalid/i.png"> <img src="file:///etc/hostname"></p>')
    document.size()  # lays out, asking for the images
    assert {"http://bg.invalid/b.png", "http://img.invalid/i.png", "file:///etc/hostname"} <= set(document.refused)


def test_a_failed_render_leaves_the_old_pdf(qapp, tmp_path, monkeypatch):
    old = tmp_path / "report.pdf"
    old.write_bytes(b"%PDF old")

    def fail(self, *args):
        raise RuntimeError("printer fell over")

    monkeypatch.setattr(OfflineTextDocument, "drawContents", fail)
    with pytest.raises(RuntimeError):
        render_pdf(hostile_report(), old)
    assert old.read_bytes() == b"%PDF old" and os.listdir(tmp_path) == ["report.pdf"]


def test_a_report_laid_out_in_parts_reads_as_the_one_laid_out_whole(qapp, tmp_path):
    """Parts go on where the one before ended on its page: the same words, in the same order, on about as
    many pages (a cut table does not repeat its header below the part before it)."""
    data = hostile_report()
    whole = PdfReader(render_pdf(data, tmp_path / "whole.pdf").path)
    cut = PdfReader(render_pdf(data, tmp_path / "cut.pdf", part_chars=300).path)
    assert len(whole.pages) <= len(cut.pages) <= len(whole.pages) + 1
    assert [page.extract_text().split()[-1] for page in cut.pages] == [str(n) for n in range(1, len(cut.pages) + 1)]

    def words(reader):
        return _squeezed(" ".join(" ".join(page.extract_text().split()[:-1]) for page in reader.pages))

    assert words(cut) == words(whole)
