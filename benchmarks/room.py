"""A room ready to measure: its own folders, a database with a session in it.

Everything is prepared through the services, as the app itself would write it,
so the apps under measurement open an ordinary database.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sessions.agenda.library import BUNDLED_PREFIX, DEFAULT_AGENDA, find_agenda
from sessions.services import planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store


@dataclass
class Room:
    home: Path
    db_path: Path
    session_id: int

    def env(self) -> dict[str, str]:
        """The apps' environment: the user's own folders and database are never touched."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATOR_", "TEXTUAL"))}
        env["FACILITATOR_HOME"] = str(self.home)
        return env


def prepare_room(folder: Path, *, clock_running: bool = False) -> Room:
    """A programme with one session of the bundled agenda; its clock started if asked."""
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    db_path = folder / "facilitator.db"
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Benchmark programme", "Benchmark PCN")
        # Named as bundled, so an agenda of the same name in a user's folder cannot stand in.
        agenda = find_agenda(BUNDLED_PREFIX + DEFAULT_AGENDA)
        session_id = planning.start_session(store, programme.id, agenda)
        if clock_running:
            running.toggle_clock(store, session_id)
    finally:
        store.close()
    return Room(home=home, db_path=db_path, session_id=session_id)


def scratch_folder() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="facilitator-bench-")
