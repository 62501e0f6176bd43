"""The record of findings kept in a document on purpose: who kept each, and when.

The record names the kind, the session and a digest of the found text, never the text:
it must not become one more place the data is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.leases import Holder
from sessions.governance.findings import DocumentFinding, finding_key
from sessions.governance.identifiers import redacted, redaction
from sessions.models import KeptIdentifier, Session
from sessions.vocabulary import IdentifierKind


def keeper() -> str:
    """Who keeps a finding: the operating-system user and host, as a session's lease says."""
    holder = Holder.this_process()
    return f"{holder.user} on {holder.host}" if holder.user else holder.host


def kept_keys(db: DbSession, programme_id: int) -> set[str]:
    """The keys of every finding kept in the programme's documents."""
    rows = db.execute(
        select(KeptIdentifier.kind, KeptIdentifier.digest, Session.number)
        .outerjoin(Session, Session.id == KeptIdentifier.session_id)
        .where(KeptIdentifier.programme_id == programme_id)
    )
    return {finding_key(IdentifierKind(kind), number, digest) for kind, digest, number in rows}


def record_kept(
    db: DbSession,
    programme_id: int,
    findings: Iterable[DocumentFinding],
    kept_by: str,
    now: datetime,
) -> None:
    """Record each finding (once a key) as kept by `kept_by` at `now`."""
    known = kept_keys(db, programme_id)
    numbers = {
        number: session_id
        for number, session_id in db.execute(
            select(Session.number, Session.id).where(Session.programme_id == programme_id)
        )
    }
    for finding in findings:
        if finding.key in known:
            continue
        known.add(finding.key)
        db.add(
            KeptIdentifier(
                programme_id=programme_id,
                session_id=(
                    None if finding.session_number is None else numbers[finding.session_number]
                ),
                kind=finding.kind,
                digest=finding.digest,
                # The place may quote the text (an item's title, say): redacted here too.
                where=redacted(finding.where).replace(finding.text, redaction(finding.kind)),
                kept_by=kept_by,
                kept_at=now,
            )
        )
    db.flush()
