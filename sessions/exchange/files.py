"""Exchange files on disk: writing an export where it belongs, reading one to import."""

from __future__ import annotations

from pathlib import Path

from sessions.errors import InputError, StoreError
from sessions.exchange.document import ProgrammeRecord
from sessions.exchange.format import SUFFIX
from sessions.exchange.holds import EVERY, Holds
from sessions.exchange.parse import NOTHING, read_document
from sessions.private_files import write_private


def write_export(slug: str, text: str, output: Path | None = None) -> Path:
    """Write the programme's file; by default SLUG.facilitator.json in the current folder."""
    path = output if output is not None else Path(f"{slug}{SUFFIX}")
    try:
        # Whole or not at all, readable only by the user: the file holds every note.
        write_private(path, text.encode("utf-8"))
    except OSError as exc:
        raise StoreError(f"Could not write {path}: {exc.strerror or exc}.") from None
    return path


def read_export(path: Path, holds: Holds = EVERY) -> ProgrammeRecord:
    """The file read and checked against what the database it goes into `holds`, so a bad
    one is refused before any database is touched."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}. {NOTHING}") from None
    try:
        # A byte-order mark, as some Windows editors add, is not part of the JSON.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not JSON: it is not UTF-8 text. {NOTHING}") from None
    return read_document(text, str(path), holds)
