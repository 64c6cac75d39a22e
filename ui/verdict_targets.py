"""What the verdict keys rate: the current claim, or, while the reviewer works in the figure table, the
current fact. Both take a verdict, a final verdict, a note, an evidence url and a flag the same way, so
each command is written once and asks the window for its target (``ReviewCommands.verdict_target``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from fact_review.store import ClaimRow, FactRow, ReviewService, VerdictChange
from ui.case_state import CaseState


@dataclass(frozen=True)
class ClaimTarget:
    claim: ClaimRow
    noun = "claim"

    @property
    def row(self) -> ClaimRow:
        return self.claim

    @property
    def text(self) -> str:
        return self.claim.text

    def set_verdict(self, service: ReviewService, label: str, **options) -> VerdictChange:
        return service.set_verdict(self.claim.id, label, **options)

    def annotate(self, service: ReviewService, **options) -> VerdictChange:
        return service.annotate(self.claim.id, **options)

    def set_flag(self, service: ReviewService, flagged: bool, **options) -> VerdictChange:
        return service.set_flag(self.claim.id, flagged, **options)

    def fresh(self, service: ReviewService) -> Optional[ClaimRow]:
        """The row as the store has it now (what the other reviewers said since the window last looked)."""
        return service.claim(self.claim.id)

    def apply(self, state: CaseState, change: VerdictChange) -> None:
        state.apply_verdict(change)


@dataclass(frozen=True)
class FactTarget:
    fact: FactRow
    noun = "fact"

    @property
    def row(self) -> FactRow:
        return self.fact

    @property
    def text(self) -> str:
        return self.fact.label

    def set_verdict(self, service: ReviewService, label: str, **options) -> VerdictChange:
        return service.set_fact_verdict(self.fact.case_id, self.fact.key, label, **options)

    def annotate(self, service: ReviewService, **options) -> VerdictChange:
        return service.annotate_fact(self.fact.case_id, self.fact.key, **options)

    def set_flag(self, service: ReviewService, flagged: bool, **options) -> VerdictChange:
        return service.set_fact_flag(self.fact.case_id, self.fact.key, flagged, **options)

    def fresh(self, service: ReviewService) -> Optional[FactRow]:
        return next((f for f in service.facts(self.fact.case_id) if f.key == self.fact.key), None)

    def apply(self, state: CaseState, change: VerdictChange) -> None:
        state.apply_fact_verdict(change, self.fact.key)  # a first verdict names the fact by its key


Target = Union[ClaimTarget, FactTarget]

