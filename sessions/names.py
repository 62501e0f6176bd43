"""Finding a person by what was typed: `@siob`, `@okafor` or `@dr patel` for Dr Siobhán Patel.

Names are compared without case or accents (`folded`), word by word: every word typed must
begin a word of the name, in any order. Punctuation inside a word is optional (`oneill` and
`o'neill` both find O'Neill, and so does `neill`), and a title the name does not have
(`dr`, `mrs`) is passed over, so `@Dr Siobhán O'Neill` still finds Siobhán O'Neill.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sessions.errors import InputError
from sessions.text import folded
from sessions.views import MemberView

TITLES = frozenset(
    {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "cllr", "rev", "sir", "dame"}
)
_NOT_LETTERS = re.compile(r"[\W_]+", re.UNICODE)

Named = TypeVar("Named")


def name_key(name: str) -> str:
    """The name as compared for being the same name: folded, spaces and punctuation evened."""
    return " ".join(_NOT_LETTERS.sub("", word) for word in folded(name).split())


def _typed_words(typed: str) -> list[str]:
    return [word for word in (_NOT_LETTERS.sub("", w) for w in folded(typed).split()) if word]


def _name_words(name: str) -> set[str]:
    words = set()
    for word in folded(name).split():
        words.add(_NOT_LETTERS.sub("", word))
        words.update(piece for piece in _NOT_LETTERS.split(word) if piece)
    return words


def name_matches(typed: str, name: str) -> bool:
    """Whether what was typed finds the name: each word typed begins one of the name's."""
    typed_words = _typed_words(typed)
    name_words = _name_words(name)
    found = False
    for word in typed_words:
        if any(candidate.startswith(word) for candidate in name_words):
            found = True
        elif word not in TITLES:
            return False
    return found


def owner_filter_matches(typed: str, owner: str, member_name: str | None = None) -> bool:
    """Whether the actions list's owner filter keeps an action: what is typed is part of the
    owner's name, or finds it by its words, or finds the linked member's name; all without
    case or accents. A blank filter keeps every action."""
    wanted = folded(typed.strip())
    if not wanted:
        return True
    return any(
        wanted in folded(name) or name_matches(typed, name)
        for name in (owner, member_name or "")
        if name
    )


def best_matches(
    typed: str, people: Sequence[Named], name_of: Callable[[Named], str]
) -> list[Named]:
    """The people whose name `typed` finds; the one whose whole name it is, when one is."""
    matching = [person for person in people if name_matches(typed, name_of(person))]
    exact = [person for person in matching if name_key(name_of(person)) == name_key(typed)]
    return exact if len(exact) == 1 else matching


def _word_start(typed: str, name: str) -> int | None:
    """Where in `name` the word begins that what is typed starts (ignoring case and
    accents), so `sio` finds `Dr Siobhán O'Neill` at `Siobhán`; None where no word does."""
    key = folded(typed)
    starts = [0, *(match.end() for match in re.finditer(r"\s+", name))]
    return next((start for start in starts if folded(name[start:]).startswith(key)), None)


def completion(typed: str, names: Sequence[str]) -> str | None:
    """The one name that what is typed so far begins, or begins a word of (ignoring case and
    accents), for the note line to offer: `Sio` gives `Siobhán O'Neill`, spelt as the
    member's name is. None when no name, or more than one, is found so."""
    if not folded(typed).strip():
        return None
    found = {name for name in names if _word_start(typed, name) is not None}
    if len(found) != 1:
        return None
    (name,) = found
    return name


_OWNER_LINE = re.compile(r"^\s*(?:a|action)\s*:", re.IGNORECASE)
_OWNER_MARK = re.compile(r"(?:^|(?<=\s))@(?=\S)")


def owner_completion(line: str, names: Sequence[str]) -> str | None:
    """The line with the owner's name finished, for the note line to offer as it is typed:
    `a: send it @sio` gives `a: send it @Siobhán O'Neill`. None unless the line is an action
    ending in an `@` and the start of exactly one name not yet written out in full."""
    if not _OWNER_LINE.match(line) or "\n" in line:
        return None
    marks = list(_OWNER_MARK.finditer(line))
    if not marks:
        return None
    typed = line[marks[-1].end() :]
    name = completion(typed, names)
    if name is None or folded(name) == folded(typed):
        return None
    # Where the name goes on from what was typed, however the accents were typed: from the
    # word it began, so `@sio` is finished as `@siobhán O'Neill` and the save finds the member.
    tail = name[_word_start(typed, name) or 0 :]
    rest = next(
        (tail[cut:] for cut in range(len(tail) + 1) if folded(tail[:cut]) == folded(typed)),
        None,
    )
    return None if rest is None else line + rest


@dataclass(frozen=True)
class OwnerChoice:
    """What the facilitator said about an owner the programme did not know for certain."""

    member_id: int | None = None
    """The member meant, out of several, or the one just added."""
    guest: bool = False
    """Keep the name as typed, for someone who is not a member; not asked again."""
    new_member: bool = False
    """Add the name as typed as a member of the programme, and make them the owner."""


class OwnerQuestion(InputError):
    """An owner to ask about before the action is saved: several members match, or none.

    Nothing has been saved; the line stays as typed while the question is open.
    """

    def __init__(self, typed: str, members: Sequence[MemberView]) -> None:
        self.typed = typed
        self.members = tuple(members)
        if self.members:
            names = ", ".join(member.name for member in self.members)
            message = f"@{typed} could be {names}: type more of the name."
        else:
            message = (
                f"Nobody in this programme is called {typed!r}: add them as a member, "
                "or keep them as a named guest."
            )
        super().__init__(message)
