"""What the screens ask of text that may hold patient details: as a note is typed, does it
look like it does? The front door to `sessions.governance` for the screens.

The note line names only the kinds found (as the facilitator reads them), never where they
are; the minutes screen lists the findings `sessions.services.governance` gives, by the name
below.
"""

from __future__ import annotations

from sessions.governance.findings import DocumentFinding as DocumentFinding
from sessions.governance.identifiers import find_identifiers


def identifier_kinds(text: str) -> list[str]:
    """The kinds of patient-identifiable data `text` looks like it holds, each once, in the
    order they first appear: `["NHS number", "date of birth"]`; none for ordinary text."""
    # Every kind needs a digit (of any script) or an e-mail's "@": text with neither is not read.
    if not any(char == "@" or char.isdigit() for char in text):
        return []
    labels = [finding.label for finding in find_identifiers(text)]
    return list(dict.fromkeys(labels))
