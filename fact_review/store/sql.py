"""The few SQL expressions that the two engines spell differently, written once for both."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Text, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class json_text(FunctionElement):  # noqa: N801 - used like a SQL function
    """A text column holding a JSON object: the value of its top-level ``key`` as text, NULL when absent."""

    type = Text()
    inherit_cache = True
    name = "json_text"

    def __init__(self, column: Any, key: str):
        if not key.isidentifier():
            raise ValueError(f"not a JSON key we write: {key!r}")
        super().__init__(column, literal_column(f"'{key}'"))


@compiles(json_text)
def _json_text_sqlite(element: json_text, compiler: Any, **kw: Any) -> str:
    column, key = element.clauses
    return f"json_extract({compiler.process(column, **kw)}, '$.' || {compiler.process(key, **kw)})"


@compiles(json_text, "postgresql")
def _json_text_postgresql(element: json_text, compiler: Any, **kw: Any) -> str:
    column, key = element.clauses
    return f"(CAST({compiler.process(column, **kw)} AS jsonb) ->> {compiler.process(key, **kw)})"


class json_flag(json_text):  # noqa: N801 - used like a SQL function
    """As ``json_text``, for a key holding true or false: a boolean (SQLite's json_extract gives 1 or 0)."""

    type = Boolean()
    inherit_cache = True
    name = "json_flag"


@compiles(json_flag, "postgresql")
def _json_flag_postgresql(element: json_flag, compiler: Any, **kw: Any) -> str:
    return f"CAST({_json_text_postgresql(element, compiler, **kw)} AS boolean)"
