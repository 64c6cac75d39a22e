"""Consistency checks over a case's claims, each with a plain-language explanation: values (and dates) of
the same thing, sums of parts against a stated total, shares against stated percentages, and dates
against the durations and order stated with them. A discrepancy is a check in conflict."""
from __future__ import annotations

from typing import Iterable

from fact_review.matching.checks.context import CheckContext
from fact_review.matching.checks.dates import date_checks
from fact_review.matching.checks.shares import share_checks
from fact_review.matching.checks.sums import sum_checks
from fact_review.matching.checks.values import value_checks
from fact_review.matching.statements import Link
from fact_review.model import STATUS_ORDER, Check


def consistency_checks(context: CheckContext, links: Iterable[Link]) -> list[Check]:
    """Every check of the case, discrepancies first; matched statements (``links``) compare their figures."""
    checks = value_checks(context, links) + sum_checks(context) + share_checks(context) + date_checks(context)
    sort_checks(checks)
    return checks


def sort_checks(checks: list[Check]) -> None:
    """Discrepancies first, then in reading order."""
    checks.sort(key=lambda c: (STATUS_ORDER[c.status], c.claims[0].article, c.claims[0].claim.start))
