"""Reminders of open actions, per owner: grouped by when they fall due, written as
Markdown, an HTML page and an e-mail message to send by hand, and checked for
patient-identifiable data before any of it is written."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.errors import InputError
from sessions.governance.findings import IdentifiersFound
from sessions.services import notes, people, planning, running
from sessions.services.actions import list_actions, set_action_status
from sessions.services.digest import programme_digests, write_digests
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.confidential_board import SECRET, confidential_board
from tests.test_identifiers_in_documents import NHS_NUMBER

pytestmark = pytest.mark.usefixtures("utc_local_time")

TODAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
RAISED = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
AGENDA = Agenda(
    title="Board",
    sections=(Section("Business", None, (AgendaItem("Access <to> services & more", 600),)),),
    source="test",
)
LINES = [
    "a: send the <b>draft</b> & plan @Dr Asha Patel 2026-11-20",  # overdue
    "a: book the room @Asha 2026-12-14",  # the last day of the fortnight: due soon
    "a: write the report @Asha 2026-12-15",  # the day after: later
    "a: write it up @Asha",  # no date: later
    "a: ring the bank @Sam 2026-11-30",  # due today: due soon
    "a: find a venue",  # nobody's
    "a: done already @Asha 2026-11-01",  # marked done below
]


@pytest.fixture
def harbour(store: Store) -> Store:
    return build_harbour(store)


def build_harbour(store: Store) -> Store:
    """Dr Asha Patel (with an address) owes four open actions, Sam one, nobody one; Ben Ho
    owes nothing."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    session = planning.start_session(store, programme.id, AGENDA)
    running.toggle_clock(store, session, RAISED)
    # Given before she was a member: hers all the same, once she is one by that name.
    notes.add_note(store, session, 0, LINES[0], "deal", now=RAISED, today=RAISED.date())
    asha = people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery")
    people.add_member(store, programme.id, "Ben Ho")
    people.set_member_email(store, asha.id, "asha.patel@nhs.net")
    for line in LINES[1:]:
        notes.add_note(store, session, 0, line, "deal", now=RAISED, today=RAISED.date())
    running.finish_session(store, session, RAISED.replace(hour=11))
    done = next(a for a in list_actions(store, programme.id) if a.text == "done already")
    set_action_status(store, done.id, "done", now=RAISED.replace(hour=12))
    return store


def _numbers(actions) -> list[tuple[str, str]]:
    return [(a.number, a.text) for a in actions]


def test_each_owner_open_actions_are_grouped_by_when_they_fall_due(harbour) -> None:
    digests = programme_digests(harbour, "harbour-programme", TODAY)
    owners = {owner.label: (owner, digest) for owner, digest in digests.owners}
    assert list(owners) == ["Dr Asha Patel", "Sam", "No owner"]
    owner, asha = owners["Dr Asha Patel"]
    assert (owner.email, owner.slug) == ("asha.patel@nhs.net", "dr-asha-patel")
    assert _numbers(asha.overdue) == [("1.1", "send the <b>draft</b> & plan")]
    assert _numbers(asha.due_soon) == [("1.2", "book the room")]
    assert _numbers(asha.later) == [("1.3", "write the report"), ("1.4", "write it up")]
    first = asha.overdue[0]
    assert (first.session_number, first.raised_on, first.due) == (
        1,
        RAISED.date(),
        date(2026, 11, 20),
    )
    assert asha.subject == "Your actions for Harbour programme: 1 overdue, 1 due soon"
    _, sam = owners["Sam"]
    assert _numbers(sam.due_soon) == [("1.5", "ring the bank")] and not sam.overdue
    _, nobody = owners["No owner"]
    assert _numbers(nobody.later) == [("1.6", "find a venue")]
    assert nobody.subject == "Actions with no owner in Harbour programme: 1 open"
    assert [owner.label for owner in digests.nothing_open] == ["Ben Ho"]
    # A shorter look ahead moves what falls due later out of "due soon".
    short = programme_digests(harbour, "harbour-programme", TODAY, owner="asha", within_days=7)
    ((_, asha),) = short.owners
    assert not asha.due_soon and _numbers(asha.later)[0] == ("1.2", "book the room")


def test_one_owner_is_found_by_part_of_the_name_and_an_unknown_one_is_refused(harbour) -> None:
    ((owner, _),) = programme_digests(harbour, "harbour-programme", TODAY, owner="patel").owners
    assert owner.label == "Dr Asha Patel"
    ((owner, _),) = programme_digests(harbour, "harbour-programme", TODAY, owner="no owner").owners
    assert owner.label == "No owner"
    ben = programme_digests(harbour, "harbour-programme", TODAY, owner="Ben")
    assert ben.owners == () and [owner.label for owner in ben.nothing_open] == ["Ben Ho"]
    with pytest.raises(InputError, match="No member or action owner of Harbour programme is"):
        programme_digests(harbour, "harbour-programme", TODAY, owner="Zed")


def test_actions_raised_in_confidence_are_left_out_unless_asked_for(store, clock) -> None:
    confidential_board(store, clock)
    digests = programme_digests(store, "harbour-programme", TODAY)
    listed = {owner.label: digest for owner, digest in digests.owners}
    assert list(listed) == ["Ana"]  # Jo's and Sam's were raised in private or in confidence
    assert [owner.label for owner in digests.nothing_open] == ["Dr Asha Patel"]
    assert [(owner.label, count) for owner, count in digests.left_out] == [("Jo", 1), ("Sam", 1)]
    every = programme_digests(store, "harbour-programme", TODAY, include_confidential=True)
    texts = [a.text for _, d in every.owners for a in (*d.overdue, *d.due_soon, *d.later)]
    assert sorted(texts) == [
        f"{SECRET} call the landlord",
        f"{SECRET} ring the bank",
        "publish the budget",
    ]
    assert every.left_out == ()


def _written(store: Store, folder: Path, **options):
    digests = programme_digests(store, "harbour-programme", TODAY)
    return write_digests(store, digests, folder, today=TODAY, now=NOW, **options)


@pytest.mark.sqlite_only  # about the files, the same whatever the database
def test_each_owner_gets_three_private_files_and_the_message_is_a_draft_to_send(
    harbour, tmp_path
) -> None:
    folder = tmp_path / "reminders"
    files = _written(harbour, folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    names = sorted(path.name for path in folder.iterdir())
    assert names == sorted(
        f"{slug}{suffix}"
        for slug in ("dr-asha-patel", "sam", "no-owner")
        for suffix in (".md", ".html", ".eml")
    )
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in folder.iterdir())
    assert [owner.label for owner in files.nothing_open] == ["Ben Ho"]

    message = BytesParser(policy=policy.default).parse((folder / "dr-asha-patel.eml").open("rb"))
    assert message["Subject"] == "Your actions for Harbour programme: 1 overdue, 1 due soon"
    assert message["To"].addresses[0].addr_spec == "asha.patel@nhs.net"
    assert message["To"].addresses[0].display_name == "Dr Asha Patel"
    assert message["X-Unsent"] == "1"
    assert message["Date"].datetime == NOW and message["Message-ID"].startswith("<")
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "1.1  send the <b>draft</b> & plan" in plain and "due 20 Nov 2026" in plain
    assert html == (folder / "dr-asha-patel.html").read_text(encoding="utf-8")
    # Nobody's actions go to the facilitator: no address to send them to.
    unowned = BytesParser(policy=policy.default).parse((folder / "no-owner.eml").open("rb"))
    assert unowned["To"] is None and unowned["X-Unsent"] == "1"


@pytest.mark.sqlite_only  # about the page, the same whatever the database
def test_the_page_escapes_every_text_and_is_readable_aloud(harbour, tmp_path) -> None:
    _written(harbour, tmp_path)
    page = (tmp_path / "dr-asha-patel.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in page
    assert "<title>Actions for Dr Asha Patel: Harbour programme</title>" in page
    assert "<h1>Actions for Dr Asha Patel</h1>" in page
    assert '<h2 id="heading-1">Overdue</h2>' in page
    assert (
        '<table aria-labelledby="heading-1">' in page
        and '<th class="short" scope="col">Action</th>' in page
    )
    assert "<b>draft" not in page and "&lt;b&gt;draft&lt;/b&gt; &amp; plan" in page
    assert "Access &lt;to&gt; services &amp; more" in page
    markdown = (tmp_path / "dr-asha-patel.md").read_text(encoding="utf-8")
    assert "| 1.1 | send the \\<b\\>draft\\</b\\> & plan |" in markdown


def test_patient_identifiable_data_stops_every_file_unless_redacted(harbour, tmp_path) -> None:
    (programme,) = [p for p in _programmes(harbour) if p.slug == "harbour-programme"]
    session = planning.start_session(harbour, programme.id, AGENDA)
    running.toggle_clock(harbour, session, NOW)
    notes.add_note(harbour, session, 0, f"a: ring re NHS number {NHS_NUMBER} @Sam", "deal", now=NOW)
    folder = tmp_path / "reminders"
    with pytest.raises(IdentifiersFound) as refused:
        _written(harbour, folder)
    assert [finding.where for finding in refused.value.findings] == ["session 2, action 2.1"]
    assert not folder.exists()
    _written(harbour, folder, redact=True)
    sam = (folder / "sam.md").read_text(encoding="utf-8")
    assert NHS_NUMBER not in sam and "[redacted: NHS number]" in sam


def _programmes(store: Store):
    from sessions.services.programmes import list_programmes

    return list_programmes(store)
