"""Desk and case settings in the database: kept across sessions, checked on the way in, and harmless on an
older database opened read-only (it has no settings table yet)."""
from __future__ import annotations

import pytest

from fact_review.errors import InputError
from fact_review.store import CaseSettings, DeskSettings, migrate, open_service
from fact_review.store.db import make_engine


def test_settings_are_kept_and_read_back_in_a_new_session(tmp_path):
    path = tmp_path / "desk.db"
    with open_service(path) as service:
        flood, storm = service.create_case("Flood"), service.create_case("Storm")
        assert service.desk_settings() == DeskSettings()
        assert service.case_settings(flood.id) == CaseSettings(None, "draft")
        service.set_desk_settings(DeskSettings(" Harwick Desk ", "https://facts.example", ""))
        service.set_case_settings(flood.id, CaseSettings("https://facts.example/flood", "final"))
    with open_service(path, read_only=True) as service:
        assert service.desk_settings() == DeskSettings("Harwick Desk", "https://facts.example", None)
        assert service.case_settings(flood.id) == CaseSettings("https://facts.example/flood", "final")
        assert service.case_settings(storm.id) == CaseSettings()  # one case's settings are its own


def test_changing_a_setting_replaces_it_and_blank_removes_it(tmp_path):
    with open_service(tmp_path / "desk.db") as service:
        case = service.create_case("Flood")
        service.set_case_settings(case.id, CaseSettings("https://facts.example/a", "final"))
        service.set_case_settings(case.id, CaseSettings("  ", "draft"))
        assert service.case_settings(case.id) == CaseSettings(None, "draft")


@pytest.mark.parametrize("settings, message", [
    (DeskSettings("Desk", "javascript:alert(1)"), "the publisher's website"),
    (DeskSettings("Desk", None, "facts.example/logo.png"), "the publisher's logo"),
])
def test_a_desk_url_that_is_not_a_web_address_is_refused(tmp_path, settings, message):
    with open_service(tmp_path / "desk.db") as service:
        with pytest.raises(InputError, match=message):
            service.set_desk_settings(settings)
        assert service.desk_settings() == DeskSettings()  # nothing half-written


def test_a_bad_review_url_or_state_or_case_is_refused(tmp_path):
    with open_service(tmp_path / "desk.db") as service:
        case = service.create_case("Flood")
        with pytest.raises(InputError, match="the review URL"):
            service.set_case_settings(case.id, CaseSettings("ftp://facts.example/flood"))
        with pytest.raises(InputError, match="'draft' or 'final'"):
            service.set_case_settings(case.id, CaseSettings(None, "published"))
        with pytest.raises(InputError, match="no case with id"):
            service.set_case_settings(case.id + 99, CaseSettings("https://facts.example/x"))


def test_an_older_database_opened_read_only_has_default_settings(tmp_path):
    path = tmp_path / "old.db"
    engine = make_engine(path, writes=True)
    migrate.upgrade(engine, "0003")  # as the version before settings left it
    engine.dispose()
    with open_service(path, read_only=True) as service:
        assert service.desk_settings() == DeskSettings()
        assert service.case_settings(1) == CaseSettings()
    with open_service(path) as service:  # opened for writing, it is migrated and takes settings
        service.set_desk_settings(DeskSettings("Desk"))
        assert service.desk_settings().publisher_name == "Desk"
