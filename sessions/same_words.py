"""When two agendas ask a statement or an option "in the same words".

A scorecard statement or a checklist option is compared across sessions wherever it
is asked, whichever agenda asked it, as long as it is asked in the same words. What
counts as the same words is decided here, once, for every comparison: the trends on
the dashboard and in the report, and the minutes' change since last time.

Only differences a reader would not call different wording are set aside: capitals,
spaces (around the text and runs of them inside it), one full stop at the end, and
curly quotes and dashes against straight ones. Anything else, a word added, dropped
or changed, is a different statement, so a facilitator who rewords one starts a new
trend on purpose rather than by accident.
"""

from __future__ import annotations

import re
import unicodedata

# Curly and straight marks are typed by different keyboards and editors, not chosen.
_FOLDED = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
    }
)
_SPACES = re.compile(r"\s+")


def same_words(text: str) -> str:
    """The key two statements (or two options) share when they are asked in the same
    words: `We trust each other.` and `we  trust each other` share one; `We trust
    one another` has its own."""
    # NFC first, so an accent typed as one character or two is the same letter.
    plain = unicodedata.normalize("NFC", text).translate(_FOLDED)
    plain = _SPACES.sub(" ", plain).strip()
    if plain.endswith(".") and not plain.endswith(".."):
        plain = plain[:-1].rstrip()
    return plain.casefold()
