"""One store, two engines: where ``--db`` points, and what each engine gives the review service.

``DB`` is a file path (SQLite, one reviewer, offline) or a SQLAlchemy URL
(``postgresql+psycopg://user@host:port/dbname``, a desk's shared server). A URL is never taken for a
file name. Each engine opens its database its own way (``sqlite.open_file``, ``postgres.open_server``)
and hands the service a ``Backend``: the engines to read and write with and the engine's own rules
(SQLite: single writer, lock file, backups; PostgreSQL: many writers, retried serialisation conflicts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Union

from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from fact_review.errors import InputError

# "scheme://" or "scheme+driver://" at the start: RFC 3986 scheme characters. A Windows drive ("C:\")
# has no "//" and a relative path with a colon ("a:b.db") has no scheme shape followed by "//".
_URL_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
SERVER_DRIVERS = ("postgresql+psycopg",)
NEWER_VERSION = "made by a newer version of Fact Review: read-only here"
ASKED_READ_ONLY = "opened read-only"


@dataclass(frozen=True)
class FileTarget:
    path: Path

    @property
    def location(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class ServerTarget:
    url: URL

    @property
    def location(self) -> str:
        """The URL as people may see it: never the password."""
        return self.url.render_as_string(hide_password=True)


Target = Union[FileTarget, ServerTarget]


def is_url(db: Union[str, Path]) -> bool:
    return isinstance(db, str) and bool(_URL_SHAPE.match(db))


def parse_target(db: Union[str, Path]) -> Target:
    """Where ``--db`` points. An unsupported or malformed URL is refused (``InputError``), never created
    as a file; ``sqlite:///PATH`` is the file PATH."""
    if not is_url(db):
        return FileTarget(Path(db))
    try:
        url = make_url(str(db))
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise InputError(f"{_shown(str(db))}: not a database URL "
                         "(expected postgresql+psycopg://user@host:port/dbname)") from None
    if url.drivername == "sqlite" and url.database:
        return FileTarget(Path(url.database))
    if url.get_backend_name() == "postgresql":
        if url.drivername not in SERVER_DRIVERS:
            url = url.set(drivername="postgresql+psycopg")  # "postgresql://" and other drivers: we ship psycopg 3
        if not url.database:
            raise InputError(f"{ServerTarget(url).location}: name the database after the last '/' "
                             "(postgresql+psycopg://user@host:port/dbname)")
        return ServerTarget(url)
    raise InputError(f"{_shown(str(db))}: unsupported database URL; use a file path (SQLite) or "
                     "postgresql+psycopg://user@host:port/dbname")


def server_address(address: str, password: str = "") -> str:
    """The URL to open a desk's server with: ``address`` (``postgresql+psycopg://user@host:port/dbname``, as
    typed) with ``password`` (for this session only) in it; ``InputError`` when it is no server address."""
    address = address.strip()
    if not is_url(address):
        raise InputError(f"{_shown(address) or 'nothing'}: a server address starts with postgresql+psycopg:// "
                         "(postgresql+psycopg://user@host:port/dbname)")
    target = parse_target(address)
    if not isinstance(target, ServerTarget):
        raise InputError(f"{target.location}: not a server address (postgresql+psycopg://user@host:port/dbname)")
    url = target.url.set(password=password) if password else target.url
    return url.render_as_string(hide_password=False)


def remembered(db: Union[str, Path]) -> str:
    """``db`` as settings may keep it: a file's path, or a server's URL without its password (passwords
    come from the environment, a pgpass file or the reviewer, never from settings)."""
    target = parse_target(db)
    if isinstance(target, FileTarget):
        return str(target.path)
    url = target.url  # URL.set(password=None) would keep the password: build it again without one
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query
                      ).render_as_string(hide_password=False)


def display_name(db: Union[str, Path]) -> str:
    """``db`` as a message may show it: a file's path, or a URL without its password."""
    try:
        return parse_target(db).location
    except InputError:
        return _shown(str(db))


def _shown(text: str) -> str:
    """A URL that failed to parse, without anything that looks like a password (user:secret@)."""
    return re.sub(r"//([^:/@]*):[^@/]*@", r"//\1:***@", text)


@dataclass
class Backend:
    """What an opened engine gives the service.

    ``write`` is None when the database is read-only (``read_only_reason`` says why). ``retryable``
    tells a conflict that running the unit of work again resolves (PostgreSQL's serialisation failures)
    from a real error. ``after_write`` runs after each commit (SQLite: the periodic backup).
    """

    target: Target
    read: Engine
    write: Optional[Engine]
    read_only_reason: Optional[str] = None
    read_only_failure: bool = False  # read-only by no one's choice (a full disk): a write fails, not refused
    recovery: object = None  # sqlite.Recovery when a damaged file was replaced
    after_write: Callable[[], None] = lambda: None
    backup: Optional[Callable[[], Path]] = None  # a verified copy now (SQLite files only)
    # after a write that changed tables' sizes a lot (an import): fresh planner statistics (server)
    after_bulk_write: Callable[[], None] = lambda: None
    retryable: Callable[[BaseException], bool] = lambda error: False
    release: Callable[[], None] = lambda: None

    @property
    def location(self) -> str:
        return self.target.location

    @property
    def is_server(self) -> bool:
        return isinstance(self.target, ServerTarget)

    def close(self) -> None:
        for engine in {self.write, self.read} - {None}:
            engine.dispose()
        self.release()
        self.release = lambda: None
