"""The review service against a plain in-memory model, driven by hypothesis: create, import, set and
clear verdicts, undo, reopen, back up and restore. Invariants: the database equals the model, versions
only rise (within one timeline: a restore rewinds it), every acknowledged write is present."""
from __future__ import annotations

import copy
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from fact_review.errors import InputError
from fact_review.model import Article
from fact_review.store import DEFAULT_SCALE, open_service
from fact_review.store import backup as backups
from fact_review.store.engines.sqlite import restore_backup
from store_fakes import NUMBER, fake_analyse, fake_match

LABELS = [s.label for s in DEFAULT_SCALE]
TEXTS = [
    "About 40 people were hurt. 3 buildings fell.",
    "The fire burned for 6 hours across 120 hectares.",
    "Turnout was 61 percent, up from 58 percent.",
    "No numbers here at all.",
    "2 ships, 7 planes and 300 soldiers took part.",
]
notes = st.none() | st.text(max_size=30) | st.sampled_from(["'; DROP TABLE verdict; --", "\u202e\x00\x1b"])


@dataclass
class Model:
    cases: dict[str, int] = field(default_factory=dict)
    texts: dict[int, set[str]] = field(default_factory=dict)  # case id -> texts imported
    claims: dict[int, list[int]] = field(default_factory=dict)  # case id -> claim ids
    verdicts: dict[int, Optional[tuple[str, Optional[str]]]] = field(default_factory=dict)  # label, note
    versions: dict[int, int] = field(default_factory=dict)  # claims whose verdict row exists

    def change(self, claim_id: int, verdict: Optional[tuple[str, Optional[str]]], *, create: bool) -> None:
        if claim_id not in self.versions and not create:
            return
        self.versions[claim_id] = self.versions.get(claim_id, 0) + 1
        self.verdicts[claim_id] = verdict


class ReviewMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="review-machine-"))
        self.path = self.folder / "review.db"
        self.service = self._open()
        self.model = Model()
        self.undo: list = []
        self.snapshots: dict[Path, Model] = {}
        self.seen_versions: dict[int, int] = {}

    def _open(self):
        return open_service(self.path, analyse=fake_analyse, match=fake_match)

    def teardown(self) -> None:
        self.service.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def all_claims(self) -> list[int]:
        return [c for ids in self.model.claims.values() for c in ids]

    @rule(name=st.sampled_from(["Alpha", "Beta", "Gamma"]))
    def create_case(self, name: str) -> None:
        if name in self.model.cases:
            try:
                self.service.create_case(name)
            except InputError:
                return
            raise AssertionError("a second case with the same name was accepted")
        case = self.service.create_case(name)
        self.model.cases[name] = case.id
        self.model.texts[case.id] = set()
        self.model.claims[case.id] = []

    @precondition(lambda self: self.model.cases)
    @rule(data=st.data(), text=st.sampled_from(TEXTS))
    def import_article(self, data: st.DataObject, text: str) -> None:
        case_id = data.draw(st.sampled_from(sorted(self.model.cases.values())))
        article = Article(text=text, path=f"{TEXTS.index(text)}.txt").with_text(text)
        result = self.service.import_articles(case_id, [article])
        if text in self.model.texts[case_id]:
            assert result.added == [] and len(result.unchanged) == 1
            return
        [article_id] = result.added
        new = [c.id for c in self.service.claims(case_id, article_id)]
        assert len(new) == len(NUMBER.findall(text))
        self.model.texts[case_id].add(text)
        self.model.claims[case_id] += new

    @precondition(lambda self: self.all_claims())
    @rule(data=st.data(), label=st.sampled_from(LABELS + ["Pants on fire"]), note=notes)
    def set_verdict(self, data: st.DataObject, label: str, note: Optional[str]) -> None:
        claim_id = data.draw(st.sampled_from(self.all_claims()))
        if label not in LABELS:
            try:
                self.service.set_verdict(claim_id, label, note=note)
            except InputError:
                return
            raise AssertionError("a label outside the scale was accepted")
        change = self.service.set_verdict(claim_id, label, note=note)
        previous = self.model.verdicts.get(claim_id)
        kept_note = note if note is not None else (previous[1] if previous else None)
        self.model.change(claim_id, (label, kept_note), create=True)
        self.undo.append(change)

    @precondition(lambda self: self.all_claims())
    @rule(data=st.data())
    def clear_verdict(self, data: st.DataObject) -> None:
        claim_id = data.draw(st.sampled_from(self.all_claims()))
        self.undo.append(self.service.clear_verdict(claim_id))
        self.model.change(claim_id, None, create=False)

    @precondition(lambda self: self.undo)
    @rule()
    def undo_last(self) -> None:
        change = self.undo.pop()
        self.service.restore_verdict(change.claim_id, change.before)
        before = change.before
        state = (before.label, before.note) if before is not None and before.label is not None else None
        self.model.change(change.claim_id, state, create=before is not None)

    @rule()
    def reopen(self) -> None:
        self.service.close()
        self.service = self._open()
        assert not self.service.read_only

    @rule()
    def back_up(self) -> None:
        self.snapshots[self.service.backup()] = copy.deepcopy(self.model)

    @precondition(lambda self: self.snapshots)
    @rule(data=st.data())
    def restore(self, data: st.DataObject) -> None:
        available = [b for b in backups.list_backups(self.path) if b in self.snapshots]
        if not available:
            return
        chosen = data.draw(st.sampled_from(available))
        self.service.close()
        restore_backup(self.path, chosen)
        self.service = self._open()
        self.model = copy.deepcopy(self.snapshots[chosen])
        self.undo.clear()
        self.seen_versions.clear()  # a restore rewinds time on purpose

    @invariant()
    def database_equals_model(self) -> None:
        assert {c.name: c.id for c in self.service.list_cases()} == self.model.cases
        for case_id, claim_ids in self.model.claims.items():
            stored = self.service.claims(case_id)
            assert sorted(c.id for c in stored) == sorted(claim_ids)
            for claim in stored:
                expected = self.model.verdicts.get(claim.id)
                actual = None if claim.verdict is None else (claim.verdict.label, claim.verdict.note)
                assert actual == expected, f"claim {claim.id}"
                if claim.verdict is not None:
                    assert claim.verdict.version == self.model.versions[claim.id]
                    assert claim.verdict.version >= self.seen_versions.get(claim.id, 0), "version went down"
                    self.seen_versions[claim.id] = claim.verdict.version
                    history = self.service.verdict_history(claim.id)
                    assert history[-1].after == claim.verdict


TestReviewService = ReviewMachine.TestCase
TestReviewService.settings = settings(max_examples=15, stateful_step_count=25, deadline=None)
