"""The programme report's attendance rates, quorum and team roles, in the model and in each
format; the public report leaves out the roles asked in private."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.services import people, planning, quorum, roles, running
from sessions.services.programmes import create_programme
from sessions.services.report import programme_report, render_report, report_markdown
from sessions.store import Store

pytestmark = pytest.mark.usefixtures("utc_local_time")

ROLES_ITEM = "Who does what?"
PRIVATE_ROLES = "Who leads the bid?"


def _agenda() -> Agenda:
    return Agenda(
        title="Team agenda",
        sections=(
            Section(
                "Step 3: Roles and processes",
                3,
                (
                    AgendaItem(ROLES_ITEM, 600, kind="roles"),
                    AgendaItem(PRIVATE_ROLES, 600, kind="roles", confidential=True),
                ),
            ),
        ),
        source="test",
    )


def _at(store: Store, session_id: int, title: str) -> int:
    return next(
        i.position for i in running.get_session(store, session_id).items if i.title == title
    )


def _programme(store: Store, clock) -> SimpleNamespace:
    """Five sessions: 1 quorate, 2 not, 3 not by its organisations, 4 started with no
    register, 5 only planned. Roles asked in 1 (and in private in 1 and 2)."""
    agenda = _agenda()
    programme = create_programme(store, "Bay programme", "Bay PCN")
    quorum.set_quorum(store, programme.id, "3")
    ann = people.add_member(store, programme.id, "Ann Patel", "Harbour Surgery")
    bea = people.add_member(store, programme.id, "Bea Hughes", "Bay Pharmacy")
    cal = people.add_member(store, programme.id, "Cal Owen", "Harbour Surgery")
    dee = people.add_member(store, programme.id, "Dee Rao", "Bay Council")

    first = planning.start_session(store, programme.id, agenda)
    for member, status in (
        (ann, "present"),
        (bea, "present"),
        (cal, "present"),
        (dee, "apologies"),
    ):
        people.set_attendance(store, first, member.id, status)
    running.toggle_clock(store, first, clock())
    at = _at(store, first, ROLES_ITEM)
    roles.set_roles(store, first, at, ann.id, ["Shaper", "Plant"], now=clock())
    roles.set_roles(store, first, at, bea.id, ["Shaper"], now=clock())
    roles.set_roles(store, first, at, cal.id, ["Shaper", "Teamworker"], now=clock())
    private = _at(store, first, PRIVATE_ROLES)
    roles.set_roles(store, first, private, ann.id, ["Coordinator"], now=clock())
    running.finish_session(store, first, clock.advance(3600))

    clock.advance(7 * 86400)
    second = planning.start_session(store, programme.id, agenda)
    people.set_attendance(store, second, ann.id, "present")
    people.set_attendance(store, second, bea.id, "apologies")
    running.toggle_clock(store, second, clock())
    private = _at(store, second, PRIVATE_ROLES)
    roles.set_roles(store, second, private, bea.id, ["Implementer"], now=clock())
    running.finish_session(store, second, clock.advance(3600))

    # Session 2 keeps the quorum it was held to; those after are held to organisations.
    quorum.set_quorum(store, programme.id, "2 organisations")
    clock.advance(7 * 86400)
    third = planning.start_session(store, programme.id, agenda)
    people.set_attendance(store, third, ann.id, "present")
    people.set_attendance(store, third, cal.id, "present")
    running.toggle_clock(store, third, clock())
    running.finish_session(store, third, clock.advance(3600))

    clock.advance(7 * 86400)
    fourth = planning.start_session(store, programme.id, agenda)
    running.toggle_clock(store, fourth, clock())
    planning.start_session(store, programme.id, agenda, expected=[ann.id, bea.id])
    return SimpleNamespace(slug=programme.slug)


@pytest.fixture
def bay(store: Store, clock) -> SimpleNamespace:
    return _programme(store, clock)


def test_attendance_is_counted_over_the_sessions_held_whose_register_was_taken(store, bay) -> None:
    turnout = programme_report(store, bay.slug).turnout
    assert turnout is not None
    assert [(m.name, m.attended_text, m.apologies, m.rate) for m in turnout.members] == [
        ("Ann Patel", "3 of 3", 0, "100%"),
        ("Bea Hughes", "1 of 3", 1, "33%"),
        ("Cal Owen", "2 of 3", 0, "67%"),
        ("Dee Rao", "0 of 3", 1, "0%"),
    ]
    # Session 5 never started: not held, whoever was expected at it.
    assert [s.number for s in turnout.sessions] == [1, 2, 3, 4]
    assert [(s.present_text, s.apologies_text) for s in turnout.sessions] == [
        ("3", "1"),
        ("1", "1"),
        ("2", "0"),
        ("not taken", "—"),
    ]
    assert turnout.counted_line == (
        "Rates are out of the 3 of 4 sessions held where attendance was taken; "
        "it was not taken at session 4."
    )


def test_each_session_is_quorate_by_the_quorum_it_was_held_to(store, bay) -> None:
    turnout = programme_report(store, bay.slug).turnout
    assert turnout is not None
    assert [(s.quorum_text, s.quorate_text) for s in turnout.sessions] == [
        ("3 members", "yes"),
        ("3 members", "no"),
        # Two present, both from one surgery.
        ("2 member organisations", "no (1 represented)"),
        ("2 member organisations", "not known"),
    ]
    assert turnout.quorum_line == (
        "Quorate at 1 of 3 meetings. Not known at session 4: attendance was not taken."
    )


def test_team_roles_give_each_members_marks_and_the_mix_as_the_minutes_judge_it(store, bay) -> None:
    team = programme_report(store, bay.slug).team_roles
    assert team is not None
    # Session 1 asked twice, so its items are named; session 2 only in private.
    assert [a.column for a in team.asked] == ["S1 item 1", "S1 item 2", "S2"]
    assert [(row.name, row.cells) for row in team.members] == [
        ("Ann Patel", ("Shaper, Plant", "Coordinator", "")),
        ("Bea Hughes", ("Shaper", "", "Implementer")),
        ("Cal Owen", ("Shaper, Teamworker", "", "")),
    ]
    first = team.asked[0]
    assert (first.answered, first.crowded_text) == (3, "Shaper")
    assert first.missing == (
        "Implementer",
        "Completer Finisher",
        "Coordinator",
        "Resource Investigator",
        "Monitor Evaluator",
        "Specialist",
    )
    # Fewer than three on a role is never crowded.
    assert team.asked[2].crowded_text == "none"


def test_the_public_report_leaves_out_roles_asked_in_private(store, bay) -> None:
    report = programme_report(store, bay.slug, "public")
    assert report.team_roles is not None
    assert [a.column for a in report.team_roles.asked] == ["S1"]
    assert [(row.name, row.cells) for row in report.team_roles.members] == [
        ("Ann Patel", ("Shaper, Plant",)),
        ("Bea Hughes", ("Shaper",)),
        ("Cal Owen", ("Shaper, Teamworker",)),
    ]
    text = render_report(store, bay.slug, "md", version="public").decode("utf-8")
    assert "Coordinator |" not in text and "Implementer |" not in text
    # Attendance is no secret: the public report gives it as the full one does.
    assert report.turnout == programme_report(store, bay.slug).turnout


def test_a_programme_without_roles_or_register_has_neither_part(store, small_agenda) -> None:
    programme = create_programme(store, "Quiet programme")
    people.add_member(store, programme.id, "Ann Patel")
    planning.start_session(store, programme.id, small_agenda)
    report = programme_report(store, "Quiet programme")
    assert report.turnout is None and report.team_roles is None
    text = report_markdown(store, "Quiet programme")
    assert "Team roles" not in text and "Attendance" not in text


def test_markdown_gives_rates_quorum_and_roles_in_tables(store, bay) -> None:
    text = report_markdown(store, bay.slug)
    parts = (
        "## Attendance\n\n",
        "| Member | S1 | S2 | S3 | S4 | S5 |\n",
        "*Rates are out of the 3 of 4 sessions held where attendance was taken; "
        "it was not taken at session 4.*\n\n",
        "| Member | Attended | Apologies | Rate |\n|---|---|---|---|\n",
        "| Bea Hughes | 1 of 3 | 1 | 33% |\n",
        "Quorate at 1 of 3 meetings. Not known at session 4: attendance was not taken.\n\n",
        "| Session | Present | Apologies | Quorum | Quorate |\n|---|---|---|---|---|\n",
        "| 1 | 3 | 1 | 3 members | yes |\n",
        "| 3 | 2 | 0 | 2 member organisations | no (1 represented) |\n",
        "| 4 | not taken | — | 2 member organisations | not known |\n",
        "## Team roles\n\n",
        "| Member | S1 item 1 | S1 item 2 | S2 |\n|---|---|---|---|\n",
        "| Ann Patel | Shaper, Plant | Coordinator |  |\n",
        "*A role is crowded where 3 or more play it and they are over half of those who "
        "answered.*\n\n",
        "| Session | Answered | Roles nobody plays | Crowded roles |\n",
        "| Session 1, item 1 | 3 | Implementer, Completer Finisher, Coordinator, "
        "Resource Investigator, Monitor Evaluator, Specialist | Shaper |\n",
        "| Session 2 | 1 |",
    )
    at = -1
    for part in parts:
        found = text.find(part, at + 1)
        assert found > at, f"{part!r} missing or out of order"
        at = found
    assert text.endswith(" |\n") and not text.endswith("\n\n")


def test_html_tables_have_headers_with_scope_and_are_named(store, bay) -> None:
    from html.parser import HTMLParser

    class Tables(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.headers: list[tuple[str, str | None]] = []
            self.names: list[str | None] = []
            self.ids: dict[str, str] = {}
            self._th: str | None = None
            self._heading: str | None = None

        def handle_starttag(self, tag, attrs) -> None:
            found = dict(attrs)
            if tag == "th":
                self._th = found.get("scope") or ""
                self.headers.append(("", self._th))
            elif tag == "table":
                self.names.append(found.get("aria-labelledby"))
            elif tag == "h2":
                self._heading = found.get("id")

        def handle_data(self, data) -> None:
            if self._th is not None:
                self.headers[-1] = (self.headers[-1][0] + data, self._th)
            if self._heading is not None:
                self.ids[self._heading] = data

        def handle_endtag(self, tag) -> None:
            if tag == "th":
                self._th = None
            elif tag == "h2":
                self._heading = None

    page = Tables()
    page.feed(render_report(store, bay.slug, "html").decode("utf-8"))
    headers = dict(page.headers)
    for header in ("Attended", "Rate", "Quorate", "S1 item 2", "Roles nobody plays"):
        assert headers[header] == "col", header
    named = [page.ids.get(name or "") for name in page.names]
    assert named.count("Attendance") == 3 and named.count("Team roles") == 2


def test_word_gives_the_same_tables_with_header_rows_under_headings(store, bay) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(render_report(store, bay.slug, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-2:] == ["Attendance", "Team roles"]
    tables = {
        table.rows[0].cells[0].text + "/" + table.rows[0].cells[1].text: table
        for table in document.tables
    }
    for key in ("Member/Attended", "Session/Present", "Member/S1 item 1", "Session/Answered"):
        header_row = tables[key].rows[0]._tr
        assert header_row.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None, key
    rates = [[c.text for c in row.cells] for row in tables["Member/Attended"].rows]
    assert rates[2] == ["Bea Hughes", "1 of 3", "1", "33%"]
    quorate = [[c.text for c in row.cells] for row in tables["Session/Present"].rows]
    assert quorate[3] == ["3", "2", "0", "2 member organisations", "no (1 represented)"]
    mix = [[c.text for c in row.cells] for row in tables["Session/Answered"].rows]
    assert mix[1][0] == "Session 1, item 1" and mix[1][3] == "Shaper"
    words = "\n".join(p.text for p in document.paragraphs)
    assert "Quorate at 1 of 3 meetings." in words
