"""The action reminders as the actions screen writes them: each owner's open actions (or the
one owner's the screen is filtered to), as `facilitator digest` writes them, and the one line
that says where they went. Held back for a review when they look like they hold patient
details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sessions.services.digest import DigestFiles, Digests
from sessions.services.identifiers import DocumentFinding
from sessions.store import Store


def reminders_line(files: DigestFiles, programme: str) -> str:
    """`Reminders for Sam Patel written to /…/harbour-actions-2027-01-11 (.md, .html and .eml).`"""
    said = []
    if files.written:
        owners = [owner.label for owner, _, _ in files.written]
        whom = owners[0] if len(owners) == 1 else f"{len(owners)} owners"
        said.append(f"Reminders for {whom} written to {files.folder} (.md, .html and .eml).")
    if files.nothing_open and len(files.nothing_open) == 1 and not files.written:
        said.append(f"{files.nothing_open[0].label} has no open actions: nothing written.")
    if files.left_out:
        count = sum(count for _, count in files.left_out)
        actions = "1 action" if count == 1 else f"{count} actions"
        said.append(f"Left out {actions} raised in private or in confidence.")
    if not said:
        said.append(f"Nobody has an open action in {programme}: nothing written.")
    return " ".join(said)


def _paths(files: DigestFiles) -> list[Path]:
    return [path for _, _, paths in files.written for path in paths]


@dataclass(frozen=True)
class RemindersDocument:
    """The reminders read once, reviewed and written as they were read."""

    digests: Digests
    now: datetime
    document: str = "these reminders"

    @property
    def heading(self) -> str:
        return f"Reminders of the open actions in {self.digests.programme}"

    @property
    def today(self) -> date:
        return self.now.astimezone().date()

    def found(self, store: Store) -> list[DocumentFinding]:
        from sessions.services.digest import open_findings

        return open_findings(store, self.digests)

    def preview(self, store: Store) -> str:
        from sessions.services.digest import digests_markdown

        return digests_markdown(self.digests)

    def write(self, store: Store, redact: frozenset[str]) -> tuple[str, list[Path]]:
        from sessions.services.digest import write_digests

        files = write_digests(store, self.digests, today=self.today, now=self.now, redact=redact)
        return reminders_line(files, self.digests.programme), _paths(files)


def write_reminders(
    store: Store, programme: str, owner: str | None, now: datetime
) -> tuple[str, list[Path]] | RemindersDocument:
    """Write the reminders of every owner with an open action, or of `owner`'s, leaving out
    those raised in confidence: the line saying where, and the files; or, where they look like
    they hold patient details, nothing written and the reminders to review."""
    from sessions.services.digest import programme_digests
    from sessions.services.governance import IdentifiersFound

    document = RemindersDocument(
        programme_digests(store, programme, now.astimezone().date(), owner=owner), now
    )
    try:
        return document.write(store, frozenset())
    except IdentifiersFound:
        return document
