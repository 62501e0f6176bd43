"""A finding in a document about to leave the app: what kind, where, and the key a choice is
recorded by."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sessions.errors import FacilitatorError
from sessions.vocabulary import IdentifierKind


def digest(text: str) -> str:
    """The SHA-256 of the found text, spaces and case evened out, so the same number typed
    twice is one finding; the record of a choice holds this, never the text."""
    even = " ".join(text.split()).casefold()
    return hashlib.sha256(even.encode("utf-8")).hexdigest()


def finding_key(kind: IdentifierKind, session_number: int | None, text_digest: str) -> str:
    """'nhs-number/3/…': a kind, the session it sits in (or 'programme'), and the digest."""
    session = "programme" if session_number is None else str(session_number)
    return f"{kind}/{session}/{text_digest}"


@dataclass(frozen=True)
class DocumentFinding:
    """Something in a document that looks like patient-identifiable data, and where it is."""

    kind: IdentifierKind
    text: str
    where: str
    """'session 3, item 2 (Access to services), decision note', as a person reads it."""
    session_number: int | None
    """None for what belongs to the programme rather than one session (its members, say)."""
    item_number: int | None = None
    note_id: int | None = None
    """The note that holds it, where a note does and the document knows which."""
    programme: str = ""
    """The slug of the programme whose document it is in, for recording a choice."""

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def digest(self) -> str:
        return digest(self.text)

    @property
    def key(self) -> str:
        """Stable across writes of the document; names no found text."""
        return finding_key(self.kind, self.session_number, self.digest)


class IdentifiersFound(FacilitatorError):
    """A document was about to leave the app with what looks like patient-identifiable data
    in it; nothing was written. `findings` are those not redacted and not kept."""

    def __init__(self, findings: Iterable[DocumentFinding]):
        self.findings = tuple(findings)
        super().__init__(refusal(self.findings))


def refusal(findings: Iterable[DocumentFinding]) -> str:
    """One paragraph naming each kind and where, and what to do about it."""
    listed = list(dict.fromkeys(f"{finding.label} in {finding.where}" for finding in findings))
    what = "; ".join(listed)
    return (
        f"Nothing was written: the document holds what looks like patient-identifiable data "
        f"({what}). Redact it in this document, keep it on purpose, or edit the note."
    )
