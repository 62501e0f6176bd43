"""Exporting a programme to one file and importing it again: the front door."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import URL

from sessions.domain.programmes import programme_named
from sessions.exchange.document import ProgrammeRecord
from sessions.exchange.files import read_export as read_file
from sessions.exchange.files import write_export
from sessions.exchange.format import dump
from sessions.exchange.holds import EVERY, holds_for
from sessions.exchange.load import ImportedProgramme as ImportedProgramme
from sessions.exchange.load import load_programme
from sessions.services.governance import Redact, cleared_export
from sessions.store import Store, database_url


def export_programme(store: Store, name_or_slug: str, *, redact: Redact = ()) -> tuple[str, str]:
    """The programme's slug and its file's text; refused (IdentifiersFound) while the text
    holds a finding neither kept nor chosen in `redact`, which are redacted."""
    with store.reading() as db:
        programme = programme_named(db, name_or_slug)
        return programme.slug, dump(cleared_export(db, programme, redact))


def export_file(
    store: Store, name_or_slug: str, output: Path | None = None, *, redact: Redact = ()
) -> Path:
    """Write the programme's file; by default SLUG.facilitator.json in the current folder.
    Nothing is written while it holds a finding neither kept nor chosen in `redact`."""
    slug, text = export_programme(store, name_or_slug, redact=redact)
    return write_export(slug, text, output)


def import_programme(
    store: Store, record: ProgrammeRecord, new_name: str | None = None
) -> ImportedProgramme:
    """Add the programme; its name and slug must be free unless `new_name` renames it."""
    with store.transaction("import the programme") as db:
        return load_programme(db, record, new_name)


def read_export(
    path: Path, database: str | os.PathLike[str] | URL | None = None
) -> ProgrammeRecord:
    """The file read and checked for the database (a file's path or a URL) it will go into,
    or for every database the app runs on when none is named; nothing is opened."""
    holds = EVERY if database is None else holds_for(database_url(database).get_backend_name())
    return read_file(path, holds)


def import_file(store: Store, path: Path, new_name: str | None = None) -> ImportedProgramme:
    return import_programme(store, read_export(path, store.url), new_name)
