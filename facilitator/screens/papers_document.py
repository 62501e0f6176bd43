"""The papers for a planned session, as the review of what looks like patient details in them
reads and writes them: every format, beside the minutes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.screens.dashboard_pack import written_line
from sessions.services.identifiers import DocumentFinding
from sessions.store import Store


@dataclass(frozen=True)
class PapersDocument:
    session_id: int
    number: int
    document: str = "these papers"

    @property
    def heading(self) -> str:
        return f"Papers for session {self.number}"

    def found(self, store: Store) -> list[DocumentFinding]:
        from sessions.services.pack import papers_findings

        return papers_findings(store, self.session_id)

    def preview(self, store: Store) -> str:
        from sessions.services.pack import papers_markdown

        return papers_markdown(store, self.session_id)

    def write(self, store: Store, redact: frozenset[str]) -> tuple[str, list[Path]]:
        from sessions.services.pack import FORMATS, write_pack

        paths = write_pack(store, self.session_id, formats=FORMATS, redact=redact)
        return written_line(self.number, paths), paths
