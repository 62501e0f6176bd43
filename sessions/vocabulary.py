"""The words of the method: every kind, status and outcome the app stores, checks or offers.

Each is said here once. A member is a `str` equal to its value, so it is stored,
exported, compared and shown as the very word it stands for; the database keeps
plain text, and a value read back from it equals the member it was written from.
"""

from __future__ import annotations

from enum import StrEnum


class ItemKind(StrEnum):
    """What an agenda item is, and so what the session screen offers while it runs."""

    DISCUSSION = "discussion"
    CHECKLIST = "checklist"
    SCORECARD = "scorecard"
    ROLES = "roles"
    REFLECTION = "reflection"
    RAG = "rag"
    """Areas rated red, amber or green, each with an owner and a next step."""
    BREAK = "break"
    MATTERS_ARISING = "matters-arising"
    """The review of open actions the app puts in every session after the first; no agenda
    names it."""
    MINUTES_APPROVAL = "minutes-approval"
    """The minutes of the last meeting, approved or amended: the app's first item in every
    session after the first; no agenda names it."""


STANDING_KINDS: tuple[ItemKind, ...] = (ItemKind.MINUTES_APPROVAL, ItemKind.MATTERS_ARISING)
"""The standing items the app puts first, in this order, from a programme's second session."""

AGENDA_KINDS: tuple[ItemKind, ...] = tuple(kind for kind in ItemKind if kind not in STANDING_KINDS)
"""The kinds an agenda file may give an item."""


class AmendmentKind(StrEnum):
    """A change the room makes to earlier minutes."""

    AMENDMENT = "amendment"
    """Agreed while approving them: the approved minutes carry it."""
    ERRATUM = "erratum"
    """A correction to minutes already approved, agreed at a later meeting."""


class IdentifierKind(StrEnum):
    """What looks like patient-identifiable data in text about to leave the app."""

    NHS_NUMBER = "nhs-number"
    DATE_OF_BIRTH = "date-of-birth"
    POSTCODE = "postcode"
    TELEPHONE = "telephone"
    EMAIL = "email"

    @property
    def label(self) -> str:
        """The kind as a message or a redaction names it: `NHS number`."""
        return IDENTIFIER_LABELS[self]


IDENTIFIER_LABELS: dict[IdentifierKind, str] = {
    IdentifierKind.NHS_NUMBER: "NHS number",
    IdentifierKind.DATE_OF_BIRTH: "date of birth",
    IdentifierKind.POSTCODE: "postcode",
    IdentifierKind.TELEPHONE: "telephone number",
    IdentifierKind.EMAIL: "e-mail address",
}


class NoteKind(StrEnum):
    DEAL = "deal"
    RELATIONSHIP = "relationship"
    DECISION = "decision"
    ACTION = "action"
    RISK = "risk"
    QUESTION = "question"


CAPTURE_KINDS: tuple[NoteKind, NoteKind] = (NoteKind.DEAL, NoteKind.RELATIONSHIP)
"""The deal and the relationship: the two kinds the facilitator switches between, and the
two whose balance the method watches."""


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
    AT_RISK = "at risk"
    """Still open, and the facilitator has said it may not be done in time."""


STILL_OPEN: tuple[ActionStatus, ActionStatus] = (ActionStatus.OPEN, ActionStatus.AT_RISK)
"""The statuses of an action still to be done: reviewed, counted and carried forward."""


class ActionRag(StrEnum):
    """The action log's red, amber and green, in words: what a board reads at a glance."""

    ON_TRACK = "on track"
    AT_RISK = "at risk"
    OVERDUE = "overdue"
    DONE = "done"
    DROPPED = "dropped"


class ActionField(StrEnum):
    """What a change to an action changed: each change is kept, so its state on any day can
    be told."""

    STATUS = "status"
    DUE = "due"
    OWNER = "owner"
    TEXT = "text"


class QuorumOf(StrEnum):
    """What a programme's quorum counts among those present."""

    MEMBERS = "members"
    ORGANISATIONS = "organisations"
    """Member organisations represented by at least one member present."""


class InterestKind(StrEnum):
    """The kinds of interest NHS guidance asks people to declare."""

    FINANCIAL = "financial"
    PROFESSIONAL = "non-financial professional"
    PERSONAL = "non-financial personal"
    INDIRECT = "indirect"


class Handling(StrEnum):
    """How a declared interest was managed in the meeting."""

    NOTED = "noted"
    NO_DECISION = "no-decision"
    """Took part in the discussion of the item, but not its decision."""
    LEFT_ROOM = "left-room"
    """Left the room for the item."""


class ReviewOutcome(StrEnum):
    """What the matters-arising review made of an action carried into a session."""

    DONE = "done"
    KEPT = "kept"
    DROPPED = "dropped"
    AT_RISK = "at risk"
    """Kept open, and said to be at risk of not being done in time."""


class OrganisationKind(StrEnum):
    PRACTICE = "practice"
    TRUST = "trust"
    PHARMACY = "pharmacy"
    COMMUNITY_PARTNER = "community partner"
    PATIENT_REPRESENTATIVE = "patient representative"
    OTHER = "other"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    EXPECTED = "expected"
    """Set when a session is planned, until the room says otherwise."""


class TimerEventKind(StrEnum):
    """The clock's log: elapsed time is replayed from these, never stored."""

    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    HEARTBEAT = "heartbeat"
    NEXT = "next"
    PREVIOUS = "previous"
    FINISH = "finish"
    EXTEND = "extend"
    SKIP = "skip"
    JUMP = "jump"
    REBALANCE = "rebalance"


class SessionState(StrEnum):
    """Where a session stands, as the dashboard and the report list it."""

    PLANNED = "planned"
    """Started from an agenda, its clock never started."""
    UNFINISHED = "unfinished"
    """Its clock has run (it may be running now, in another copy of the app); not finished."""
    FINISHED = "finished"
    CANCELLED = "cancelled"
    """Called off before it met: kept in the record, never started."""
