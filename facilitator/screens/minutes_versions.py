"""Which versions of a session's minutes the minutes screen writes: the full one always, and
where something was taken in private the public one beside it, so the board secretary has
both files at once, each named for what it is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sessions.services.governance import Redact, minutes_findings
from sessions.services.identifiers import DocumentFinding
from sessions.services.minutes import session_minutes, write_minutes
from sessions.store import Store

FULL = "full"
PUBLIC = "public"


def versions_of(store: Store, session_id: int) -> tuple[str, ...]:
    """('full', 'public') where something in the session was taken in private, else ('full',)."""
    if session_minutes(store, session_id).has_confidential:
        return (FULL, PUBLIC)
    return (FULL,)


def write_versions(
    store: Store,
    session_id: int,
    versions: tuple[str, ...],
    *,
    fmt: str = "md",
    redact: Redact = (),
) -> tuple[Path, ...]:
    """Each version written in `fmt`, the full one first, in the minutes folder."""
    return tuple(
        write_minutes(store, session_id, fmt=fmt, redact=redact, version=version)
        for version in versions
    )


def public_beside(full: Path) -> Path | None:
    """Where the public version of the full minutes at `full` is written: the same folder,
    the name ending -public in place of -full (None for minutes that have one version)."""
    stem = full.stem.removesuffix(f"-{FULL}")
    if stem == full.stem:
        return None
    return full.with_name(f"{stem}-{PUBLIC}{full.suffix}")


@dataclass(frozen=True)
class MinutesFindings:
    """The findings of the minutes to be written, for the review: those of the full minutes,
    then any only another version holds. A choice holds in every version, as a finding is
    known by its kind, session and words, not by where it is."""

    session_id: int
    versions: tuple[str, ...] = (FULL,)
    document: str = "these minutes"

    def found(self, store: Store) -> list[DocumentFinding]:
        found: list[DocumentFinding] = []
        for version in self.versions:
            keys = {finding.key for finding in found}
            more = minutes_findings(store, self.session_id, version=version)
            found += [finding for finding in more if finding.key not in keys]
        return found
