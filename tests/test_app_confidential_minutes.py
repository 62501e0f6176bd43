"""Finishing a session that took something in private writes its minutes twice, in each
format: the full minutes for members and the public ones without it, each named for what it
is, and the minutes screen lists both."""

from __future__ import annotations

import pytest

from facilitator.screens.finish import FinishScreen
from tests.confidential_session import OPEN_NOTE, SECRET, session_with_secrets
from tests.pilot import add_note, static_text

pytestmark = pytest.mark.usefixtures("utc_local_time")

NAME = "harbour-programme-session-1"


async def written(pilot, screen: FinishScreen, key: str) -> None:
    await pilot.press(key)
    await screen.workers.wait_for_complete()
    await pilot.pause()


async def test_finishing_writes_the_full_and_the_public_minutes(
    db_path, clock, isolated_home, make_facilitator_app
) -> None:
    prepared = session_with_secrets(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FinishScreen)
        folder = isolated_home / "minutes"
        assert screen.written == {"md": folder / f"{NAME}-full.md"}
        assert screen.public == {"md": folder / f"{NAME}-public.md"}
        full = screen.written["md"].read_text(encoding="utf-8")
        public = screen.public["md"].read_text(encoding="utf-8")
        assert f"{SECRET} the deficit" in full and f"{SECRET} the rent figures" in full
        assert OPEN_NOTE in public and SECRET not in public
        shown = static_text(screen, "#minutes-path")
        assert f"Written to {folder}" in shown
        assert f"{NAME}-full.md · {NAME}-public.md" in shown

        await written(pilot, screen, "b")
        assert screen.written["html"] == folder / f"{NAME}-full.html"
        assert screen.public["html"] == folder / f"{NAME}-public.html"
        assert SECRET in screen.written["html"].read_text(encoding="utf-8")
        assert SECRET not in screen.public["html"].read_text(encoding="utf-8")
        assert f"{NAME}-full.html · {NAME}-public.html" in static_text(screen, "#minutes-path")

        # Opened again later (from the dashboard), both Markdown files are found as written.
        await pilot.press("escape")
        await pilot.pause()
        again = FinishScreen(prepared.session_id, None)
        await app.push_screen(again)
        await pilot.pause()
        assert again.written == {"md": folder / f"{NAME}-full.md"}
        assert again.public == {"md": folder / f"{NAME}-public.md"}


async def test_what_looks_like_patient_details_is_chosen_once_for_both_versions(
    db_path, clock, isolated_home, make_facilitator_app
) -> None:
    nhs = "943 476 5919"
    session_with_secrets(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await add_note(pilot, f"Mrs Able rang about access, NHS {nhs}")
        await pilot.press("ctrl+f")
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FinishScreen)
        assert screen.written == {} and screen.public == {}  # nothing until it is chosen
        await pilot.press("a")  # redact all: the Markdown written waits for no other key
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert set(screen.written) == set(screen.public) == {"md"}
        for path in (screen.written["md"], screen.public["md"]):
            markdown = path.read_text(encoding="utf-8")
            assert nhs not in markdown and "[redacted: NHS number]" in markdown
