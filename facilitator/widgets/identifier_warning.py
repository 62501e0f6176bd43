"""A quiet line under the note line while the note looks like it holds patient details.

It only warns: the note is saved as typed all the same. The room never sees it, as the
projector and the mirror draw notes of their own and never this line.
"""

from __future__ import annotations

from textual.reactive import var
from textual.widgets import Static

ADVICE = "keep patient details out of notes."


def with_article(label: str) -> str:
    """`an NHS number`, `a date of birth`, `an e-mail address`."""
    # Said as a letter, N is "en": an NHS number.
    spoken_vowel = label[:1].lower() in "aeiou" or label.startswith("NHS")
    return f"{'an' if spoken_vowel else 'a'} {label}"


def warning_text(kinds: tuple[str, ...]) -> str:
    """`Looks like an NHS number and a date of birth: keep patient details out of notes.`;
    nothing for no kinds. Short enough for one line at 80 columns with two kinds."""
    if not kinds:
        return ""
    named = list(map(with_article, kinds))
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return f"Looks like {listed}: {ADVICE}"


class IdentifierWarning(Static):
    """Says which kinds of patient details the note line looks like it holds; hidden while
    it holds none."""

    kinds: var[tuple[str, ...]] = var((), init=False)
    """What the note line looks like it holds, as the facilitator reads it: `NHS number`."""

    def watch_kinds(self, kinds: tuple[str, ...]) -> None:
        self.update(warning_text(kinds))
        self.set_class(bool(kinds), "-shown")
