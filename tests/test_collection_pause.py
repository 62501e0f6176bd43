"""The cycle collector is held off while minutes are written and the dashboard read, and
always comes back on."""

from __future__ import annotations

import gc
import threading

import pytest

from sessions.collection_pause import collection_paused
from sessions.errors import InputError
from sessions.services import minutes as minutes_service
from sessions.services import notes, planning, running
from sessions.services.minutes import render_minutes
from sessions.services.programmes import create_programme


@pytest.fixture
def finished_session(store, small_agenda, clock) -> int:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    notes.add_note(store, sid, 0, "Everyone wants fewer meetings", "deal", now=clock())
    notes.add_note(
        store, sid, 0, "a: draft the agreement @Dr Patel 2026-12-01", "deal", now=clock()
    )
    running.finish_session(store, sid, clock.advance(600))
    return sid


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    yield
    gc.enable()


def test_off_inside_and_on_after() -> None:
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_on_after_an_error() -> None:
    with pytest.raises(ValueError), collection_paused():
        raise ValueError
    assert gc.isenabled()


def test_overlapping_writers_keep_it_off_until_the_last_is_done() -> None:
    first_in, second_done = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collection_paused():
            first_in.set()
            second_done.wait()
            seen.append(gc.isenabled())

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait()
    with collection_paused():
        pass
    second_done.set()
    thread.join()
    assert seen == [False]
    assert gc.isenabled()


def test_left_off_where_the_program_had_turned_it_off() -> None:
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_minutes_are_written_with_the_collector_off(
    store, finished_session, monkeypatch, fmt
) -> None:
    seen: list[bool] = []
    real = minutes_service.minutes_bytes

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(minutes_service, "minutes_bytes", watched)
    assert render_minutes(store, finished_session, fmt)
    assert seen == [False]
    assert gc.isenabled()


def test_collector_back_on_when_the_minutes_are_refused(store, finished_session, tmp_path) -> None:
    with pytest.raises(InputError):
        render_minutes(store, finished_session, "docx", template=tmp_path / "minutes.md.j2")
    assert gc.isenabled()


def test_the_dashboard_is_read_with_the_collector_off(store, finished_session, monkeypatch) -> None:
    from datetime import date

    from sessions.services import dashboard
    from sessions.services.running import get_session

    seen: list[bool] = []
    real = dashboard.programme_progress

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(dashboard, "programme_progress", watched)
    programme_id = get_session(store, finished_session).programme_id
    view = dashboard.programme_dashboard(store, programme_id, date(2026, 12, 1))
    assert view.open_actions == 1
    assert seen == [False]
    assert gc.isenabled()
