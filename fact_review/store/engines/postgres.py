"""Opening a desk's shared PostgreSQL database (psycopg 3).

PostgreSQL's rules, not SQLite's: many writers at once, so no lock file and no single-writer
read-only mode; write transactions at REPEATABLE READ, where a conflicting concurrent change makes one
of them fail with a serialisation error that the service answers by running the unit of work again;
reads in read-only REPEATABLE READ transactions (one consistent snapshot per unit of work); the
server's own constraints and triggers keep the data whole; backups are the administrator's
(``pg_dump``: plain tables, no engine-specific types). Passwords come from ``PGPASSWORD`` or a pgpass
file (libpq reads both), never from the app's settings.
"""
from __future__ import annotations

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError, OperationalError

from fact_review.errors import InputError
from fact_review.store import migrate
from fact_review.store.engines import ASKED_READ_ONLY, NEWER_VERSION, Backend, ServerTarget
from fact_review.store.errors import ServerUnavailableError

CONNECT_TIMEOUT_SECONDS = 5
# serialisation failure, deadlock, and a unique key taken by a concurrent transaction: all resolved by
# running the unit of work again on a fresh snapshot
RETRYABLE_STATES = frozenset({"40001", "40P01", "23505"})
# connection errors that mean the URL or the credentials are wrong (bad input, exit 2), not a server
# that is down or unreachable (exit 1)
_WRONG_ADDRESS = ("does not exist", "authentication failed", "no password supplied", "could not translate host name",
                  "invalid connection option", "invalid integer value", "invalid port")


def open_server(target: ServerTarget, *, read_only: bool, create: bool = True) -> Backend:
    """Connect, check the schema's version and bring it up to date (under an advisory lock).

    ``create`` False (or ``read_only``): a database without Fact Review's tables is refused, not set up.
    """
    engine = create_engine(
        target.url,
        isolation_level="REPEATABLE READ",
        pool_pre_ping=True,  # a connection the server closed meanwhile is replaced, not handed out broken
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "fact-review"},
    )
    try:
        revision = migrate.current_revision(engine)
        reason = ASKED_READ_ONLY if read_only else None
        if revision is not None and not migrate.is_known(revision):
            reason = NEWER_VERSION
        elif revision is None and (read_only or not create):
            raise InputError(f"{target.location}: no Fact Review database there yet (import a case into it first)")
        elif revision != migrate.head_revision():
            if read_only:
                raise InputError(f"{target.location}: made by an older version of Fact Review: open it once "
                                 "for writing to bring it up to date")
            migrate.upgrade(engine)
    except OperationalError as error:
        engine.dispose()
        if not is_connection_error(error):
            raise
        raise connection_error(target.location, error) from None
    except BaseException:
        engine.dispose()
        raise
    read = engine.execution_options(postgresql_readonly=True)
    return Backend(target, read=read, write=None if reason else engine, read_only_reason=reason,
                   retryable=is_retryable, after_bulk_write=lambda: analyse_tables(engine))


# the tables an import fills; the claim, queue and report queries join them
IMPORTED_TABLES = ("article", "sentence", "claim", "sentence_match", "consistency_check", "check_claim")


def analyse_tables(engine: Engine) -> None:
    """Fresh planner statistics right after an import: autovacuum's come a minute later, and until then
    the planner takes a table of thousands of rows for an empty one and picks plans that scan it per row."""
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE " + ", ".join(IMPORTED_TABLES))


def is_retryable(error: BaseException) -> bool:
    return isinstance(error, DBAPIError) and getattr(error.orig, "sqlstate", None) in RETRYABLE_STATES


def is_connection_error(error: BaseException) -> bool:
    """The server could not be reached or went away (no SQLSTATE, class 08, or a shutdown of class 57P),
    as against an error of the statement itself (a serialisation failure is an OperationalError too)."""
    if not isinstance(error, OperationalError):
        return False
    state = getattr(error.orig, "sqlstate", None)
    return state is None or state.startswith(("08", "57P"))


def connection_error(location: str, error: OperationalError) -> Exception:
    """A clear message for a server that cannot be reached or refuses us; no SQL, no traceback."""
    detail = " ".join(str(error.orig).split()) if error.orig is not None else str(error)
    detail = detail.removeprefix("connection failed: ")
    if any(sign in detail for sign in _WRONG_ADDRESS):
        hint = " (give the password in PGPASSWORD or a ~/.pgpass file)" if "password" in detail else ""
        return InputError(f"{location}: the database server refused the connection: {detail}{hint}")
    return ServerUnavailableError(f"{location}: cannot reach the database server: {detail}")
