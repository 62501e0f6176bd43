"""Checking documents for patient-identifiable data before they leave the app: the findings
still open in minutes, the report and an export; keeping some on purpose; correcting a note.

A finding is open until it is kept (recorded with who and when); a document with open
findings is written only once each is redacted in it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session as DbSession

from sessions.db_types import utcnow
from sessions.domain.action_digest import OwnerDigest
from sessions.domain.lookup import session_row
from sessions.domain.programmes import programme_named
from sessions.errors import NotFoundError
from sessions.exchange.export import programme_document
from sessions.governance.correction import correct_note
from sessions.governance.digests import digests_found, redacted_digests
from sessions.governance.documents import (
    document_findings,
    export_locator,
    minutes_found,
    redacted_document,
    redacted_minutes,
    redacted_report,
    report_found,
)
from sessions.governance.exported import exported_note_ids
from sessions.governance.findings import DocumentFinding
from sessions.governance.findings import IdentifiersFound as IdentifiersFound
from sessions.governance.invite_places import invite_found, redacted_invite
from sessions.governance.kept import keeper, kept_keys, record_kept
from sessions.governance.pack_places import pack_found, redacted_pack
from sessions.governance.walk import Locate, Place
from sessions.invites.model import Invitation
from sessions.minutes.model import Minutes, build_minutes
from sessions.minutes.public import minutes_version
from sessions.models import Note, Programme
from sessions.pack.model import Pack
from sessions.report.model import ProgrammeReport, build_report
from sessions.store import Store
from sessions.views import NoteView

Redact = Collection[str] | bool
"""The keys of the findings to redact in this document; True for every open one."""


def minutes_findings(store: Store, session_id: int, version: str = "full") -> list[DocumentFinding]:
    """The findings in the session's minutes (in `version`, full or public) not yet kept."""
    with store.reading() as db:
        minutes = minutes_version(build_minutes(db, session_id), version)
        slug, kept = _kept_for_session(db, session_id)
    return _open(minutes_found(minutes), slug, kept)


def report_findings(
    store: Store, programme_ref: str, version: str = "full"
) -> list[DocumentFinding]:
    """The findings in the programme's report (in `version`, full or public) not yet kept."""
    with store.reading() as db:
        programme = programme_named(db, programme_ref)
        report = build_report(db, programme, public=version == "public")
        kept = kept_keys(db, programme.id)
    return _open(report_found(report), report.slug, kept)


def pack_findings(store: Store, pack: Pack) -> list[DocumentFinding]:
    """The findings in a session's papers not yet kept."""
    with store.reading() as db:
        kept = kept_keys(db, programme_named(db, pack.slug).id)
    return _open(pack_found(pack), pack.slug, kept)


def export_findings(store: Store, programme_ref: str) -> list[DocumentFinding]:
    """The findings in the programme's export not yet kept."""
    with store.reading() as db:
        programme = programme_named(db, programme_ref)
        found = _export_found(db, programme, programme_document(db, programme))
        return _open(found, programme.slug, kept_keys(db, programme.id))


def keep_findings(
    store: Store, findings: Iterable[DocumentFinding], now: datetime | None = None
) -> None:
    """Record each finding as kept on purpose, by whoever runs the app, now; the same kind
    and text in the same session pass from then on. The text itself is not recorded."""
    by_programme: dict[str, list[DocumentFinding]] = {}
    for finding in findings:
        by_programme.setdefault(finding.programme, []).append(finding)
    if not by_programme:
        return
    kept_by, at = keeper(), now or utcnow()
    with store.transaction("record the kept findings") as db:
        for slug, kept in by_programme.items():
            record_kept(db, programme_named(db, slug).id, kept, kept_by, at)


def note_words(store: Store, note_id: int) -> str:
    """The words a note says now, for editing out what was found in them."""
    with store.reading() as db:
        note = db.get(Note, note_id)
        if note is None:
            raise NotFoundError("That note no longer exists.")
        return note.text


def edit_note_text(
    store: Store, note_id: int, text: str, *, today: date | None = None, now: datetime | None = None
) -> NoteView:
    """Give a note new words (its kind, owner and date stay), the old ones kept as a revision;
    for a finished session's note, only while its minutes are still a draft."""
    with store.transaction("save the edited note") as db:
        return correct_note(db, note_id, text, today or date.today(), now or utcnow())


# What the writers call before anything is written.


def cleared_minutes(store: Store, session_id: int, minutes: Minutes, redact: Redact) -> Minutes:
    """The minutes as they may leave the app: refused (IdentifiersFound) while a finding is
    open and not chosen for redaction, else with the chosen ones redacted."""
    with store.reading() as db:
        slug, kept = _kept_for_session(db, session_id)
    keys = _chosen(_open(minutes_found(minutes), slug, kept), redact)
    return redacted_minutes(minutes, keys)


def cleared_report(store: Store, report: ProgrammeReport, redact: Redact) -> ProgrammeReport:
    """The report as it may leave the app, as `cleared_minutes` says."""
    with store.reading() as db:
        kept = kept_keys(db, programme_named(db, report.slug).id)
    keys = _chosen(_open(report_found(report), report.slug, kept), redact)
    return redacted_report(report, keys)


def digest_findings(
    store: Store, programme_slug: str, digests: tuple[OwnerDigest, ...]
) -> list[DocumentFinding]:
    """The findings in the programme's action reminders not yet kept."""
    with store.reading() as db:
        kept = kept_keys(db, programme_named(db, programme_slug).id)
    return _open(digests_found(digests), programme_slug, kept)


def cleared_digests(
    store: Store, programme_slug: str, digests: tuple[OwnerDigest, ...], redact: Redact
) -> tuple[OwnerDigest, ...]:
    """The action reminders as they may leave the app, as `cleared_minutes` says."""
    keys = _chosen(digest_findings(store, programme_slug, digests), redact)
    return redacted_digests(digests, keys)


def invite_findings(store: Store, invitation: Invitation) -> list[DocumentFinding]:
    """The findings in a calendar invitation not yet kept."""
    with store.reading() as db:
        kept = kept_keys(db, programme_named(db, invitation.programme_slug).id)
    return _open(invite_found(invitation), invitation.programme_slug, kept)


def cleared_invite(store: Store, invitation: Invitation, redact: Redact) -> Invitation:
    """The invitation as it may leave the app, as `cleared_minutes` says."""
    keys = _chosen(invite_findings(store, invitation), redact)
    return redacted_invite(invitation, keys)


def cleared_pack(store: Store, pack: Pack, redact: Redact) -> Pack:
    """The papers as they may leave the app, as `cleared_minutes` says."""
    keys = _chosen(pack_findings(store, pack), redact)
    return redacted_pack(pack, keys)


def cleared_export(db: DbSession, programme: Programme, redact: Redact) -> dict[str, Any]:
    """The programme's export document as it may leave the app, as `cleared_minutes` says;
    read in the unit of work `db`."""
    document = programme_document(db, programme)
    locate = export_locator(document, exported_note_ids(db, programme.id))
    found = _open(_found_with(document, locate), programme.slug, kept_keys(db, programme.id))
    return redacted_document(document, locate, Place(), _chosen(found, redact))


def _export_found(
    db: DbSession, programme: Programme, document: dict[str, Any]
) -> list[DocumentFinding]:
    return _found_with(document, export_locator(document, exported_note_ids(db, programme.id)))


def _found_with(document: dict[str, Any], locate: Locate) -> list[DocumentFinding]:
    return document_findings(document, locate, Place())


def _kept_for_session(db: DbSession, session_id: int) -> tuple[str, set[str]]:
    programme = session_row(db, session_id).programme
    return programme.slug, kept_keys(db, programme.id)


def _open(found: list[DocumentFinding], slug: str, kept: set[str]) -> list[DocumentFinding]:
    return [replace(finding, programme=slug) for finding in found if finding.key not in kept]


def _chosen(open_findings: list[DocumentFinding], redact: Redact) -> set[str]:
    """The keys to redact; refuses with every open finding that is not among them."""
    if redact is True:
        return {finding.key for finding in open_findings}
    chosen = set() if redact is False else set(redact)
    stopping = [finding for finding in open_findings if finding.key not in chosen]
    if stopping:
        raise IdentifiersFound(stopping)
    return chosen
