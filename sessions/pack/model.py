"""The papers for a planned session as plain data, built once from the database.

What a PCN's business manager sends members about five working days before a meeting:
when and where it meets, the agenda as it will run, the last meeting's draft minutes to
approve, the open actions by owner, and the register of interests to check. The template
and the Word writer read this model and never the database, so every format says the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session as DbSession

from sessions.activities.checklist import options
from sessions.activities.scorecard import statements
from sessions.agenda.model import STEP_NAMES
from sessions.clock import replay
from sessions.domain.confidential import confidential_action_ids
from sessions.domain.lookup import session_row
from sessions.domain.meetings import meeting_before
from sessions.errors import InputError
from sessions.minutes.model import Minutes, build_minutes
from sessions.minutes.public import WITHHELD_TITLE, minutes_version
from sessions.minutes.wording import long_date, spoken_duration
from sessions.models import AgendaItem, Session
from sessions.pack.actions import PackOwner, open_actions_by_owner, public_owners
from sessions.pack.header import PackHeader, pack_header
from sessions.pack.register import PackMember, register_on
from sessions.timer_log import load_events
from sessions.vocabulary import ItemKind


@dataclass(frozen=True)
class PackItem:
    number: int
    title: str
    kind: str
    planned_seconds: int
    starts_at: time | None = None
    """The clock time the item is due to start, where the session's start time is known."""
    prompt: str = ""
    listed: tuple[str, ...] = ()
    """What the room will be asked to rate or choose between: a scorecard's statements,
    a checklist's options."""
    listed_label: str = ""
    confidential: bool = False
    """To be taken in private: the public papers keep only its number."""
    withheld: bool = False

    @property
    def timing(self) -> str:
        """'14:20, 15 min', or '15 min' where the start time is not yet known."""
        length = spoken_duration(self.planned_seconds)
        return f"{self.starts_at:%H:%M}, {length}" if self.starts_at else length

    @property
    def private_line(self) -> str:
        return f"Item {self.number} is to be taken in private."


@dataclass(frozen=True)
class PackSection:
    title: str
    step: int | None
    items: list[PackItem] = field(default_factory=list)

    @property
    def step_name(self) -> str:
        return STEP_NAMES.get(self.step, "") if self.step else ""


@dataclass
class PreviousMinutes:
    """The last meeting's minutes as the papers carry them: a draft to approve, or word
    that they are already approved."""

    session_number: int
    minutes: Minutes | None
    """The draft to approve; None where they were approved already, or not yet written."""
    said: str
    """What the papers say of them, in one sentence."""


@dataclass
class Pack:
    programme: str
    pcn: str
    slug: str
    session_number: int
    agenda_title: str
    facilitator: str
    header: PackHeader
    sections: list[PackSection]
    planned_seconds: int
    written_on: date
    """The day the papers were written: actions are overdue as of it."""
    owners: list[PackOwner] = field(default_factory=list)
    register: list[PackMember] = field(default_factory=list)
    previous: PreviousMinutes | None = None
    """None for a programme's first session."""
    has_confidential: bool = False
    public: bool = False

    @property
    def title(self) -> str:
        return f"Papers for session {self.session_number} of {self.programme}"

    @property
    def version(self) -> str:
        return "public" if self.public else "full"

    @property
    def version_line(self) -> str:
        if not self.has_confidential:
            return ""
        if self.public:
            return "Public papers: items to be taken in private are left out."
        return "Papers for members: they include items to be taken in private."


def build_pack(db: DbSession, session_id: int, today: date, *, public: bool = False) -> Pack:
    """The papers for the session, read in the unit of work `db`; `today` is the day they
    are written. In the public version, what is to be taken in private is left out."""
    session = session_row(db, session_id)
    _refuse_if_held(db, session)
    programme = session.programme
    header = pack_header(session)
    private = confidential_action_ids(db, programme.id)
    previous = _previous(db, session, public)
    owners = open_actions_by_owner(db, programme.id, today, private)
    pack = Pack(
        programme=programme.name,
        pcn=programme.pcn_name,
        slug=programme.slug,
        session_number=session.number,
        agenda_title=session.agenda_title,
        facilitator=session.facilitator,
        header=header,
        sections=_sections(session.items, header.starts, public),
        planned_seconds=sum(item.planned_seconds for item in session.items),
        written_on=today,
        owners=public_owners(owners) if public else owners,
        register=register_on(db, programme.id, header.day or today),
        previous=previous,
        public=public,
    )
    pack.has_confidential = (
        any(item.confidential for item in session.items)
        or any(action.confidential for owner in owners for action in owner.actions)
        or (
            previous is not None
            and previous.minutes is not None
            and previous.minutes.has_confidential
        )
    )
    return pack


def _refuse_if_held(db: DbSession, session: Session) -> None:
    """Papers go out before a meeting: once it has met, or while it meets, its minutes
    are the document to send."""
    which = f"Session {session.number} of {session.programme.name}"
    if session.finished_at is not None:
        raise InputError(f"{which} has been held; its minutes are what you want.")
    if replay(load_events(db, session.id)).started:
        raise InputError(f"{which} is under way; its minutes are what you want.")


def _after(start: time | None, seconds: int) -> time | None:
    if start is None:
        return None
    return (datetime.combine(date.min, start) + timedelta(seconds=seconds)).time()


def _sections(items: list[AgendaItem], start: time | None, public: bool) -> list[PackSection]:
    sections: list[PackSection] = []
    elapsed = 0
    for item in items:
        if not sections or sections[-1].title != item.section_title:
            sections.append(PackSection(item.section_title, item.step))
        sections[-1].items.append(_item(item, _after(start, elapsed), public))
        elapsed += item.planned_seconds
    return sections


def _item(item: AgendaItem, starts_at: time | None, public: bool) -> PackItem:
    number = item.position + 1
    if public and item.confidential:
        return PackItem(
            number,
            WITHHELD_TITLE,
            ItemKind.DISCUSSION,
            item.planned_seconds,
            starts_at,
            confidential=True,
            withheld=True,
        )
    listed: tuple[str, ...] = ()
    label = ""
    if item.kind == ItemKind.SCORECARD:
        listed = tuple(
            f"{area}: {text}" if area else text for area, text in statements(item.activity)
        )
        label = "Statements to rate (1 to 5)"
    elif item.kind == ItemKind.CHECKLIST:
        listed, label = tuple(options(item.activity)), "Options to choose between"
    return PackItem(
        number=number,
        title=item.title,
        kind=item.kind,
        planned_seconds=item.planned_seconds,
        starts_at=starts_at,
        prompt=item.prompt.strip(),
        listed=listed,
        listed_label=label if listed else "",
        confidential=item.confidential,
    )


def _previous(db: DbSession, session: Session, public: bool) -> PreviousMinutes | None:
    # A session cancelled never met: the minutes are the last meeting's before it.
    earlier = meeting_before(db, session)
    if earlier is None:
        return None
    number = earlier.number
    if earlier.finished_at is None:
        return PreviousMinutes(
            number, None, f"Session {number} has not finished, so there are no minutes to approve."
        )
    minutes = build_minutes(db, earlier.id)
    if minutes.approved_in is not None:
        return PreviousMinutes(
            number,
            None,
            f"The minutes of session {number} were approved at session {minutes.approved_in} "
            f"on {long_date(minutes.approved_on)}; they are not for approval again.",
        )
    return PreviousMinutes(
        number,
        minutes_version(minutes, "public" if public else "full"),
        f"DRAFT: the minutes of session {number}, for approval at this meeting.",
    )
