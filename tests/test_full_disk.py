"""A disk that really fills up mid-session: a small tmpfs, where the test may mount one.

`test_app` simulates a full disk at the SQLite layer on any machine; this is the
same in the room on a real filesystem, and then room made again.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from textual.widgets import Input

from sessions.services import notes, planning
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import add_note, static_text

DISK_BYTES = 4 * 1024 * 1024


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 4 MB tmpfs, unmounted afterwards; skipped where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root; test_app simulates a full disk instead")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES}", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        pytest.skip(f"could not mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Take every byte left on the disk; the file is removed to make room again."""
    filler = disk / "filler"
    # Unbuffered: a buffered file would try the bytes that did not fit again as it closes,
    # and fail there, on a disk whose free space is not a whole number of writes.
    with open(filler, "wb", buffering=0) as file:
        try:
            while True:
                file.write(b"\0" * 65536)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


async def test_a_disk_that_fills_keeps_the_note_in_the_line_until_there_is_room(
    small_disk: Path, small_agenda, built_apps
) -> None:
    db_path = small_disk / "facilitator.db"
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme")
    session_id = planning.start_session(store, programme.id, small_agenda)
    store.close()

    app = built_apps.app(db_path)
    async with app.run_test() as pilot:
        await pilot.press("r")  # the session waiting on Home
        await pilot.pause()
        screen = app.screen
        await add_note(pilot, "saved before the disk filled")
        filler = fill(small_disk)
        # Long enough to need pages the write-ahead log has not yet taken.
        typed = "The disk filled while this was typed. " * 300
        await add_note(pilot, typed)
        assert screen.query_one("#note", Input).value == typed
        assert "disk is full" in static_text(screen, "#capture-status")
        assert [n.text for n in notes.list_notes(app.store, session_id)] == [
            "saved before the disk filled"
        ]

        filler.unlink()
        await pilot.press("enter")  # the same line, sent again once there is room
        await pilot.pause()
        assert screen.query_one("#note", Input).value == ""
        assert [n.text for n in notes.list_notes(app.store, session_id)] == [
            "saved before the disk filled",
            typed.strip(),
        ]
