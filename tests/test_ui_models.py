"""The Qt models are thin adapters over the case state: qtmodeltester checks them, including after changes."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.articles_model import ArticlesModel
from ui.case_state import CaseState
from ui.queue_model import QueueFilter, QueueModel
from test_ui_support import make_case


@pytest.fixture
def state(qtbot, tmp_path):
    service, case = make_case(tmp_path / "models.db")
    yield CaseState(service, case)
    service.close()


def test_queue_model_passes_qtmodeltester(qtmodeltester, state):
    model = QueueModel(state)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(state.service.review_queue(state.case.id)) > 0


def test_queue_model_filters_and_follows_changes(qtmodeltester, state):
    model = QueueModel(state)
    service = state.service
    first, second = model.ids()[:2]
    label = next(s.label for s in state.scale if s.rating == 2)
    state.apply_verdict(service.set_verdict(first, label))
    row = model.row_of(first)
    assert model.data(model.index(row, 3)).startswith(label)
    model.set_filter(QueueFilter(status="unreviewed"))
    assert first not in model.ids() and second in model.ids()
    model.set_filter(QueueFilter(label=label))
    assert model.ids() == [first]
    model.set_filter(QueueFilter(kind=state.claims[second].kind))
    assert all(state.claims[i].kind == state.claims[second].kind for i in model.ids())
    model.set_filter(QueueFilter())
    state.apply_claim(service.dismiss_claim(second).after)
    assert second not in model.ids()
    state.apply_claim(service.dismiss_claim(second, False).after)
    assert second in model.ids()
    qtmodeltester.check(model, force_py=True)


def test_queue_keeps_a_rated_claim_in_place_until_the_filter_is_asked_again(state):
    model = QueueModel(state)
    model.set_filter(QueueFilter(status="unreviewed"))
    first = model.ids()[0]
    state.apply_verdict(state.service.set_verdict(first, state.scale[0].label))
    assert model.ids()[0] == first  # the reviewer's place in the queue does not jump
    model.refresh()
    assert first not in model.ids()


def test_articles_model_passes_qtmodeltester_and_counts_reviews(qtmodeltester, state):
    model = ArticlesModel(state)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    article = state.articles[0]
    total = len(state.claims_of(article.id))
    assert model.data(model.index(0, 3)) == f"0 of {total}"
    claim = state.claims_of(article.id)[0]
    state.apply_verdict(state.service.set_verdict(claim.id, state.scale[4].label))
    assert model.data(model.index(0, 3)) == f"1 of {total}"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == article.id
    qtmodeltester.check(model, force_py=True)
