"""Alembic environment: the app runs migrations on a connection it hands over in
``config.attributes["connection"]``; the alembic command line (``alembic -c .../alembic.ini``) builds
one from ``sqlalchemy.url``."""
from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import fact_review.store.models  # noqa: F401 - registers the tables on SQLModel.metadata
import fact_review.store.settings  # noqa: F401 - and the settings tables


def run_migrations(connection) -> None:
    # transactional_ddl: alembic would otherwise commit after each revision on SQLite
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as fresh:
        run_migrations(fresh)
