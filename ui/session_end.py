"""The session ending under the window: a logout, a shutdown, a terminal closing or ``kill`` save the note
being typed and close the window as Ctrl+Q does, instead of killing it with the note only on screen.

SIGTERM, SIGHUP and SIGINT get a Python handler that does nothing itself: Python's C-level handler writes
the signal's number to a socket (``signal.set_wakeup_fd``) that Qt's event loop watches, so the window is
closed from the event loop, between two events, never from inside one. The session manager's commit
request (``QGuiApplication.commitDataRequest``, sent before a logout that may still be cancelled) saves
the note and leaves the window open.
"""
from __future__ import annotations

import logging
import signal
import socket
from typing import Optional

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


class SessionEnd(QObject):
    """While it lives, the ending signals close ``window`` (which saves what is typed) and quit ``app``."""

    def __init__(self, app: QApplication, window):
        super().__init__(window)
        self._app, self._window = app, window
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, _noted) for number in ENDING_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        app.commitDataRequest.connect(self.commit_data)
        self.ended_by: Optional[signal.Signals] = None

    def _on_wakeup(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except BlockingIOError:
            return
        ending = [signal.Signals(n) for n in numbers if n in ENDING_SIGNALS]
        if ending and self.ended_by is None:
            self.ended_by = ending[0]
            log.info("%s: saving what is typed and closing", self.ended_by.name)
            self._app.closeAllWindows()  # the main window's close saves the note being typed
            self._app.quit()

    def commit_data(self, _manager=None) -> None:
        """The session manager asks for unsaved work before a logout (which may still be cancelled)."""
        log.info("the session is ending: saving what is typed")
        self._window.save_what_is_typed()

    def close(self) -> None:
        """Put back the handlers that were there before (the window is gone)."""
        self._notifier.setEnabled(False)
        self._app.commitDataRequest.disconnect(self.commit_data)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def _noted(_number, _frame) -> None:
    """Nothing to do here: the number reached the event loop through the wakeup socket."""
