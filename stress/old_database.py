"""A database at the first schema version with one verdict, as an early version of the app left it: what
the soak's migration rounds and the migration tests start from."""
from __future__ import annotations

import sqlite3
from pathlib import Path

OLD_NOTE = "an old note"  # the verdict's note, to look for after a migration


def old_database(path: Path) -> None:
    from fact_review.store import migrate
    from fact_review.store.db import make_engine

    engine = make_engine(path, writes=True)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.executescript(f"""
            INSERT INTO review_case VALUES (1, 'Old case', '2026-01-01T00:00:00.000000+00:00', '[{{"label": "True", "rating": 1, "description": ""}}]');
            INSERT INTO article VALUES (1, 1, 0, 'T', NULL, NULL, NULL, NULL, 'h', 'a.txt', 'It cost 5 dollars.', '2026-01-01T00:00:00.000000+00:00');
            INSERT INTO claim VALUES (1, 1, 8, 9, '5', 'number', '5.00', NULL, NULL, NULL, NULL, NULL, NULL, '5', 'It cost ', ' dollars.', 'machine', '{{}}', 0, 0);
            INSERT INTO verdict VALUES (1, 1, NULL, 'True', 1, '{OLD_NOTE}', NULL, 'ana', '2026-01-01T00:00:00.000000+00:00', '2026-01-01T00:00:00.000000+00:00', 1);
        """)
    connection.close()
