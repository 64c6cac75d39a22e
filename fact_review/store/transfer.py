"""Moving a case between databases (a local file and a server, either way): everything in it (its
publishing settings too), every reviewer's verdicts on its claims and facts with their history included,
read in one snapshot and written in one transaction.

Rows get new ids in the target (it has cases of its own); every reference is mapped to the new ids,
the ids inside the history's JSON too. History events of claims that were removed before the copy keep
their before/after states but lose their claim link (no claim of that id exists in the target). Events
written before team review (migration 0005) carry no case: migration 0008 gave them their claim's case, or
the database's only case; those of claims removed before then, in a database of several cases, belong to
no case that can be told, and stay behind.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Optional

from sqlalchemy import Connection, Table, and_, insert, or_, select

from fact_review.errors import InputError
from fact_review.store.convert import case_row
from fact_review.store.fact_models import Fact, FactClaim, FactDecision, FactDecisionClaim, RatedFact, RatedFactClaim
from fact_review.store.models import Article, Case, Check, CheckClaim, Claim, Match, Sentence, Verdict, VerdictEvent
from fact_review.store.rows import CaseRow
from fact_review.store.settings import CaseSetting

CASE, ARTICLE, SENTENCE, CLAIM = Case.__table__, Article.__table__, Sentence.__table__, Claim.__table__
MATCH, CHECK, MEMBER, VERDICT, EVENT = (Match.__table__, Check.__table__, CheckClaim.__table__, Verdict.__table__,
                                        VerdictEvent.__table__)
SETTING = CaseSetting.__table__
FACT, FACT_MEMBER = Fact.__table__, FactClaim.__table__
DECISION, DECISION_MEMBER = FactDecision.__table__, FactDecisionClaim.__table__
RATED, RATED_MEMBER = RatedFact.__table__, RatedFactClaim.__table__


@dataclass
class CaseDump:
    """A case's rows, table by table, with their ids as the source has them."""

    case: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def count(self, table: Table) -> int:
        return len(self.tables.get(table.name, []))


def dump(connection: Connection, case_id: int) -> CaseDump:
    found = connection.execute(select(CASE).where(CASE.c.id == case_id)).mappings().first()
    if found is None:
        raise InputError(f"no case with id {case_id}")
    articles = select(ARTICLE.c.id).where(ARTICLE.c.case_id == case_id)
    claims = select(CLAIM.c.id).where(CLAIM.c.article_id.in_(articles))
    checks = select(CHECK.c.id).where(CHECK.c.case_id == case_id)
    rated = select(RATED.c.id).where(RATED.c.case_id == case_id)
    queries = {
        ARTICLE: select(ARTICLE).where(ARTICLE.c.case_id == case_id),
        SENTENCE: select(SENTENCE).where(SENTENCE.c.article_id.in_(articles)),
        CLAIM: select(CLAIM).where(CLAIM.c.id.in_(claims)),
        MATCH: select(MATCH).where(MATCH.c.case_id == case_id),
        CHECK: select(CHECK).where(CHECK.c.case_id == case_id),
        MEMBER: select(MEMBER).where(MEMBER.c.check_id.in_(checks)),
        VERDICT: select(VERDICT).where(or_(VERDICT.c.claim_id.in_(claims), VERDICT.c.check_id.in_(checks),
                                           VERDICT.c.rated_fact_id.in_(rated))),
        # events from before 0005 have no case: those of the case's claims are its own
        EVENT: select(EVENT).where(or_(EVENT.c.case_id == case_id,
                                       and_(EVENT.c.case_id.is_(None), EVENT.c.claim_id.in_(claims)))),
        SETTING: select(SETTING).where(SETTING.c.case_id == case_id),
        FACT: select(FACT).where(FACT.c.case_id == case_id),
        FACT_MEMBER: select(FACT_MEMBER).where(FACT_MEMBER.c.claim_id.in_(claims)),
        DECISION: select(DECISION).where(DECISION.c.case_id == case_id),
        DECISION_MEMBER: select(DECISION_MEMBER).where(DECISION_MEMBER.c.claim_id.in_(claims)),
        RATED: select(RATED).where(RATED.c.case_id == case_id),
        RATED_MEMBER: select(RATED_MEMBER).where(RATED_MEMBER.c.rated_fact_id.in_(rated)),
    }
    return CaseDump(dict(found), {
        table.name: [dict(row) for row in connection.execute(query.order_by(*table.primary_key.columns)).mappings()]
        for table, query in queries.items()
    })


def load(connection: Connection, copied: CaseDump, name: str) -> CaseRow:
    """Write ``copied`` as a new case called ``name`` (which must be free in the target)."""
    if connection.execute(select(CASE.c.id).where(CASE.c.name == name)).first() is not None:
        raise InputError(f"a case named {name!r} is there already: give the copy another name (--as NAME)")
    ids: dict[str, dict[Optional[int], Optional[int]]] = {}
    case_id = _insert(connection, CASE, [{**copied.case, "name": name}], ids)[0]

    def rows(table: Table, **refs: str) -> list[dict[str, Any]]:
        """The dump's rows of ``table`` with each column in ``refs`` mapped through that table's new ids."""
        return [{**row, **{column: ids[target].get(row[column]) for column, target in refs.items()}}
                for row in copied.tables[table.name]]

    _insert(connection, ARTICLE, rows(ARTICLE, case_id=CASE.name), ids)
    _insert(connection, SENTENCE, rows(SENTENCE, article_id=ARTICLE.name), ids)
    _insert(connection, CLAIM, rows(CLAIM, article_id=ARTICLE.name), ids)
    _insert(connection, MATCH, rows(MATCH, case_id=CASE.name, a_article_id=ARTICLE.name, b_article_id=ARTICLE.name),
            ids)
    _insert(connection, CHECK, rows(CHECK, case_id=CASE.name), ids)
    _insert(connection, FACT, rows(FACT, case_id=CASE.name), ids)
    _insert(connection, DECISION, rows(DECISION, case_id=CASE.name), ids)
    _insert(connection, RATED, rows(RATED, case_id=CASE.name), ids)
    for table, keyed in ((MEMBER, rows(MEMBER, check_id=CHECK.name, claim_id=CLAIM.name)),
                         (SETTING, rows(SETTING, case_id=CASE.name)),
                         (FACT_MEMBER, rows(FACT_MEMBER, fact_id=FACT.name, claim_id=CLAIM.name)),
                         (DECISION_MEMBER, rows(DECISION_MEMBER, decision_id=DECISION.name, claim_id=CLAIM.name)),
                         (RATED_MEMBER, rows(RATED_MEMBER, rated_fact_id=RATED.name, claim_id=CLAIM.name))):
        if keyed:  # no id of their own: their key is their references
            connection.execute(insert(table), keyed)
    _insert(connection, VERDICT, rows(VERDICT, claim_id=CLAIM.name, check_id=CHECK.name,
                                      rated_fact_id=RATED.name), ids)
    events = rows(EVENT, claim_id=CLAIM.name, check_id=CHECK.name, rated_fact_id=RATED.name)
    for event in events:
        event["case_id"] = case_id
        for side in ("before_json", "after_json"):
            event[side] = _renumbered(event[side], event["claim_id"], event["rated_fact_id"])
    _insert(connection, EVENT, events, ids)
    return case_row(connection.execute(select(CASE).where(CASE.c.id == case_id)).first())


def _insert(connection: Connection, table: Table, rows: list[dict[str, Any]],
            ids: dict[str, dict[Optional[int], Optional[int]]]) -> list[int]:
    """Insert ``rows`` with new ids (in one statement) and remember old id -> new id for ``table``."""
    mapping = ids.setdefault(table.name, {None: None})
    if not rows:
        return []
    fresh = connection.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True),
        [{column: value for column, value in row.items() if column != "id"} for row in rows],
    ).scalars().all()
    mapping.update(zip((row["id"] for row in rows), fresh))
    return list(fresh)


def _renumbered(state: Optional[str], claim_id: Optional[int], fact_id: Optional[int]) -> Optional[str]:
    """A history state (JSON) naming its claim (or rated fact) by its id in the target."""
    if state is None:
        return None
    data = json.loads(state)
    data["claim_id"] = claim_id
    if fact_id is not None:
        data["fact_id"] = fact_id
    return json.dumps(data, ensure_ascii=False)
