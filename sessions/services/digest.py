"""Reminders of open actions, one set of files per owner: Markdown, an HTML page and an
e-mail message to send from the facilitator's own mail client. The app sends nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sessions.digest.document import html_of, markdown_of, plain_of
from sessions.digest.mail import eml_of
from sessions.domain.action_digest import SOON_DAYS, Owner, OwnerDigest, action_digests
from sessions.domain.action_digest import Digests as Digests
from sessions.domain.programmes import programme_named
from sessions.errors import StoreError
from sessions.governance.findings import DocumentFinding
from sessions.minutes.formats import write_atomically
from sessions.paths import minutes_dir
from sessions.private_files import make_private_folder
from sessions.services.governance import Redact, cleared_digests, digest_findings
from sessions.store import Store
from sessions.utc import utcnow

SUFFIXES = (".md", ".html", ".eml")


@dataclass(frozen=True)
class DigestFiles:
    """What was written: the folder, each owner's files, and who had nothing open."""

    folder: Path
    written: tuple[tuple[Owner, OwnerDigest, tuple[Path, ...]], ...]
    nothing_open: tuple[Owner, ...]
    left_out: tuple[tuple[Owner, int], ...]
    """Whose actions raised in confidence were left out, and how many."""


def programme_digests(
    store: Store,
    programme_ref: str,
    today: date | None = None,
    *,
    owner: str | None = None,
    within_days: int = SOON_DAYS,
    include_confidential: bool = False,
) -> Digests:
    """Each owner's open actions (or the one owner's named), grouped by when they fall due
    as of `today`; actions raised in confidence left out unless `include_confidential`."""
    with store.reading() as db:
        return action_digests(
            db,
            programme_named(db, programme_ref),
            today or date.today(),
            owner=owner,
            within_days=within_days,
            include_confidential=include_confidential,
        )


def open_findings(store: Store, digests: Digests) -> list[DocumentFinding]:
    """The findings in the reminders not yet kept, for keeping them on purpose."""
    return digest_findings(store, digests.slug, tuple(d for _, d in digests.owners))


def digests_markdown(digests: Digests) -> str:
    """Every owner's reminder as Markdown, one after another, for a preview in the app."""
    return "\n---\n\n".join(markdown_of(digest) for _, digest in digests.owners)


def default_folder(digests: Digests, today: date) -> Path:
    """`SLUG-actions-2026-11-30` beside the minutes: a folder a day, none written over."""
    return minutes_dir() / f"{digests.slug}-actions-{today.isoformat()}"


def write_digests(
    store: Store,
    digests: Digests,
    folder: Path | None = None,
    *,
    today: date | None = None,
    now: datetime | None = None,
    redact: Redact = (),
) -> DigestFiles:
    """Write each owner's reminder into `folder` (made 0700, each file 0600) as
    `<owner>.md`, `.html` and `.eml`. Nothing at all is written while a reminder holds a
    finding neither kept nor chosen in `redact`, which are redacted."""
    today, now = today or date.today(), now or utcnow()
    cleared = cleared_digests(store, digests.slug, tuple(d for _, d in digests.owners), redact)
    rendered: list[tuple[Owner, OwnerDigest, dict[str, bytes]]] = []
    for (owner, _), digest in zip(digests.owners, cleared, strict=True):
        html = html_of(digest)
        rendered.append(
            (
                owner,
                digest,
                {
                    ".md": markdown_of(digest).encode("utf-8"),
                    ".html": html.encode("utf-8"),
                    ".eml": eml_of(digest, owner.email, plain_of(digest), html, now),
                },
            )
        )
    folder = folder if folder is not None else default_folder(digests, today)
    written: list[tuple[Owner, OwnerDigest, tuple[Path, ...]]] = []
    if rendered:
        try:
            make_private_folder(folder)
        except OSError as exc:
            raise StoreError(f"Could not make {folder}: {exc.strerror or exc}.") from None
    for owner, digest, files in rendered:
        paths = tuple(folder / f"{owner.slug}{suffix}" for suffix in SUFFIXES)
        for path, suffix in zip(paths, SUFFIXES, strict=True):
            write_atomically(path, files[suffix])
        written.append((owner, digest, paths))
    return DigestFiles(folder, tuple(written), digests.nothing_open, digests.left_out)
