"""A daily copy that cannot be taken: the facilitator hears of it once, and the app opens."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from sessions.backups import backups_folder
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import store_opened_after_lists


@pytest.mark.sqlite_only  # about copies of SQLite's file
async def test_a_failed_daily_copy_is_one_notice_and_the_app_opens(
    db_path: Path, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    create_programme(store, "Harbour programme", "Harbour PCN")
    store.close()
    backups_folder(db_path).write_text("in the way")  # no copy can be made there
    app = make_facilitator_app(open_later=True)
    opened = store_opened_after_lists(app)  # the lists are read from the file first
    async with app.run_test() as pilot:
        await asyncio.wait_for(opened.wait(), 120)  # fails, not hangs, if broken
        await pilot.pause()
        assert app.store_is_open
        said = [n.message for n in app._notifications if "Today's backup" in n.message]
        assert len(said) == 1 and said[0].endswith("work goes on.")
