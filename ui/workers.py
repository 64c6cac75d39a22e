"""Import and analysis off the GUI thread, with progress and cancel.

The job calls the window's review service from its own thread: every service call is its own unit of
work in its own session (the single-writer ``flock`` would refuse a second service in this process), and
the job sends back plain data only: an ``ImportResult`` or an error text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence, Union

from PySide6.QtCore import QObject, QThread, Signal

from fact_review.articles import read_article
from fact_review.errors import InputError
from fact_review.model import Article
from fact_review.store import ImportResult, ReviewService

Source = Union[Path, Article]  # a file, or an article already read (pasted text with its metadata)


def read_sources(sources: Sequence[Source]) -> tuple[list[Article], list[str]]:
    """The articles that could be read, and a message for each source that could not."""
    articles, errors = [], []
    for source in sources:
        try:
            articles.append(source if isinstance(source, Article) else read_article(source))
        except InputError as error:
            errors.append(str(error))
    return articles, errors


class ImportJob(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)  # ImportResult
    failed = Signal(str)
    done = Signal()

    def __init__(self, service: ReviewService, case_id: int, sources: Sequence[Source]) -> None:
        super().__init__()
        self._service = service
        self._case_id = case_id
        self._sources = list(sources)
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        try:
            articles, errors = read_sources(self._sources)
            result = ImportResult(case_id=self._case_id, errors=errors)
            if articles and not self._cancelled:
                result = self._service.import_articles(self._case_id, articles, progress=self.progress.emit,
                                                       cancelled=self.is_cancelled)
                result.errors[:0] = errors
            self.succeeded.emit(result)
        except InputError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - shown in the window; saved work is untouched
            self.failed.emit(f"{type(error).__name__}: {error}")
        finally:
            self.done.emit()


class ImportRunner(QObject):
    """Runs one ImportJob at a time on its own thread; ``stop()`` cancels and waits (clean close)."""

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.job: Optional[ImportJob] = None
        self._thread: Optional[QThread] = None

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, job: ImportJob) -> None:
        if self.busy:
            raise RuntimeError("an import is already running")
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.done.connect(thread.quit)
        thread.finished.connect(self._finished)
        self.job, self._thread = job, thread
        thread.start()

    def _finished(self) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
        if self.job is not None:
            self.job.deleteLater()
        self.job, self._thread = None, None

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def stop(self) -> None:
        if self._thread is not None:
            self.cancel()
            self._thread.quit()
            self._thread.wait()
            self._finished()
