"""Creating, finding, renaming and archiving programmes: the front door."""

from __future__ import annotations

from datetime import datetime

from sessions.domain.programmes import (
    add_programme,
    clean_name,
    current_programmes,
    programme_named,
    programme_row,
    programme_view,
    refuse_taken_name,
)
from sessions.store import Store
from sessions.views import ProgrammeView


def create_programme(store: Store, name: str, pcn_name: str = "") -> ProgrammeView:
    name = clean_name(name, "programme name", required=True)
    pcn_name = clean_name(pcn_name, "PCN name", required=False)
    with store.transaction("create the programme") as db:
        return programme_view(add_programme(db, name, pcn_name))


def list_programmes(store: Store) -> list[ProgrammeView]:
    """Programmes not archived, newest first, with how many sessions each has."""
    with store.reading() as db:
        return current_programmes(db)


def find_programme(store: Store, name_or_slug: str) -> ProgrammeView:
    with store.reading() as db:
        return programme_view(programme_named(db, name_or_slug))


def get_programme(store: Store, programme_id: int) -> ProgrammeView:
    with store.reading() as db:
        return programme_view(programme_row(db, programme_id))


def rename_programme(store: Store, programme_id: int, new_name: str) -> ProgrammeView:
    """A new name, checked as a new programme's is; the slug stays as it was.

    Keeping the slug means a `PROGRAMME/N` reference already written down (in a
    script, a note, a colleague's mirror command) still finds the programme; the
    new name finds it too.
    """
    new_name = clean_name(new_name, "programme name", required=True)
    with store.transaction("rename the programme") as db:
        programme = programme_row(db, programme_id)
        refuse_taken_name(db, new_name, other_than=programme_id)
        programme.name = new_name
        db.flush()
        return programme_view(programme)


def archive_programme(store: Store, programme_id: int, now: datetime) -> None:
    """Off the home screen's lists; its sessions, notes and actions are all kept."""
    with store.transaction("archive the programme") as db:
        programme = programme_row(db, programme_id)
        if programme.archived_at is None:
            programme.archived_at = now


def unarchive_programme(store: Store, programme_id: int) -> None:
    """Back on the lists, exactly as it was archived."""
    with store.transaction("bring the programme back") as db:
        programme_row(db, programme_id).archived_at = None
