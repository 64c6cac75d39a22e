"""Test-wide settings.

Under CI (the `CI` environment variable is set) hypothesis runs derandomised, so a submission's result does
not depend on the luck of one run; local runs keep exploring new random examples, which is where new
failures are found (and then pinned with `@example`).
"""
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# fixtures for the tests that run on a real PostgreSQL server (see pg_server.py)
from pg_server import any_db, any_db_file, empty_pg_db, pg_db, pg_template  # noqa: E402, F401

import pytest  # noqa: E402

_FIGURES = pytest.StashKey[list]()


@pytest.fixture
def figure(request):
    """``figure("crash test: ... lost=0")`` prints the line in the run's closing summary, so that what the
    durability tests measured is in the CI log whatever pytest's capture settings."""
    lines = request.config.stash.setdefault(_FIGURES, [])
    return lines.append


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    lines = config.stash.get(_FIGURES, [])
    if lines:
        terminalreporter.section("durability figures")
        for line in lines:
            terminalreporter.write_line(line)
