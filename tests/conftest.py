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
