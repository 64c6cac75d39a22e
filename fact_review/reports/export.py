"""A stored case's report, from the database to bytes or to a file: what the window's export and
``fact-review report`` share. PDF is drawn by Qt, so its renderer is passed in by the caller (``ui``)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Optional

from fact_review.reports.data import ReportData, load_report_data
from fact_review.reports.formats import WANTS_HISTORY, render_bytes, write_text_report
from fact_review.errors import InputError
from fact_review.reports.write import atomic_path, check_destination

if TYPE_CHECKING:
    from fact_review.store import ReviewService

PdfRenderer = Callable[[ReportData, Path], object]  # writes the PDF at the path, atomically


def load_for_format(service: "ReviewService", case_name: str, fmt: str) -> ReportData:
    """The case's report data, with verdict history when ``fmt`` shows it."""
    return load_report_data(service, case_name, with_history=fmt in WANTS_HISTORY)


def report_bytes(service: "ReviewService", case_name: str, fmt: str) -> bytes:
    """The case's report in a text format, encoded as its file is written."""
    return render_bytes(load_for_format(service, case_name, fmt), fmt)


def stream_report(service: "ReviewService", case_name: str, fmt: str, out: BinaryIO) -> None:
    """The case's report in a text format written to ``out`` (standard output), streamed where it can be."""
    write_text_report(load_for_format(service, case_name, fmt), fmt, out)


def write_report(service: "ReviewService", case_name: str, fmt: str, path: Path,
                 *, render_pdf: Optional[PdfRenderer] = None) -> None:
    """Write the case's report in ``fmt`` at ``path`` atomically; ``render_pdf`` is needed for "pdf".

    Refused before anything is read: a path that is not a new name or a plain file, and any file of the
    case's own database (the database, its journal, lock and backups).
    """
    check_destination(path)
    _refuse_database_files(Path(path), service.path)
    data = load_for_format(service, case_name, fmt)
    if fmt == "pdf":
        if render_pdf is None:
            raise ValueError("a PDF report needs a renderer (ui.reports_pdf.render_pdf)")
        render_pdf(data, path)
    else:
        with atomic_path(path) as temporary, open(temporary, "wb") as out:
            write_text_report(data, fmt, out)


def _refuse_database_files(path: Path, database: Optional[Path]) -> None:
    if database is None:  # a server database has no files here
        return
    companions = [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm", "-journal", ".lock")]
    target = path.absolute().resolve()
    backups = database.with_name(database.name + ".backups").absolute().resolve()
    if target in {companion.absolute().resolve() for companion in companions} or target.is_relative_to(backups) or (
            path.exists() and any(companion.exists() and path.samefile(companion) for companion in companions)):
        raise InputError(f"{path}: is a file of the database {database}; give another name for the report")
