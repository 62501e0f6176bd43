"""The session clock in the real app: sleeps, a stepped wall clock, and the bell switch."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Digits

from sessions.services import running
from sessions.steady_clock import SteadyClock
from tests.pilot import create_and_start, type_text
from tests.test_steady_clock import Dials


def countdown(screen) -> str:
    screen.tick()
    return screen.query_one("#countdown", Digits).value


async def test_a_sleep_while_running_shows_the_real_elapsed_time(make_facilitator_app) -> None:
    dials = Dials()
    app = make_facilitator_app(now=SteadyClock(dials.wall, dials.mono, counts_sleep=False))
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        dials.run(60)
        assert countdown(screen) == "09:00"
        dials.wall_now += timedelta(minutes=20)  # the lid is closed; monotonic time stands still
        assert countdown(screen) == "+11:00"
        screen.beat()
        assert running.clock_state(app.store, screen.session_id).session_elapsed == 21 * 60


async def test_a_sleep_while_paused_loses_nothing(make_facilitator_app) -> None:
    dials = Dials()
    app = make_facilitator_app(now=SteadyClock(dials.wall, dials.mono, counts_sleep=True))
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        dials.run(120)
        await pilot.press("ctrl+t")  # paused for lunch
        dials.run(3600)  # the laptop sleeps through it (boot time counts the sleep)
        assert countdown(screen) == "08:00"
        await pilot.press("ctrl+t")
        dials.run(30)
        assert countdown(screen) == "07:30"


async def test_a_wall_clock_set_back_mid_item_takes_no_time_away(make_facilitator_app) -> None:
    dials = Dials()
    app = make_facilitator_app(now=SteadyClock(dials.wall, dials.mono, counts_sleep=True))
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        dials.run(180)
        dials.wall_now -= timedelta(hours=1)  # a time server corrects the laptop
        dials.run(60)
        assert countdown(screen) == "06:00"


async def switch_bell(pilot, title: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, title)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.3)


async def test_the_bell_can_be_switched_off_and_stays_off(
    clock, monkeypatch, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    rings: list[bool] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(True))
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        assert app.bell_on
        await switch_bell(pilot, "bell off")
        assert not app.bell_on
        await pilot.press("ctrl+t")
        clock.advance(11 * 60)
        countdown(screen)
        assert screen.query_one("#countdown", Digits).has_class("-over")
        assert rings == []
    app.store.close()
    assert '"bell": false' in (isolated_home / "config" / "settings.json").read_text("utf-8")

    again = make_facilitator_app(now=clock)
    monkeypatch.setattr(again, "bell", lambda: rings.append(True))
    async with again.run_test() as pilot:
        assert not again.bell_on
        await switch_bell(pilot, "bell on")
        assert again.bell_on
        again.ring()
        assert rings == [True]
