"""Export and import of a programme: a round trip gives the same file, refusals write nothing."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from sessions.agenda.library import find_agenda
from sessions.errors import InputError, NotFoundError
from sessions.exchange.format import FORMAT, VERSION
from sessions.exchange.parse import read_document
from sessions.services import (
    checklist,
    note_editing,
    notes,
    people,
    planning,
    reflection,
    roles,
    running,
    scorecard,
)
from sessions.services.actions import list_actions, set_action_status
from sessions.services.exchange import export_file, export_programme, import_file, import_programme
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.minutes import minutes_markdown
from sessions.services.programmes import (
    create_programme,
    find_programme,
    list_programmes,
)
from sessions.services.rebalancing import apply_rebalance, preview_rebalance
from sessions.services.search import search_notes
from sessions.store import Store
from tests.conftest import FakeClock
from tests.row_counts import row_counts

TODAY = date(2026, 11, 23)
NAME = "Harbour & Quay — «Ünïcødé» 港 [b]partners[/b]"
LONG_NOTE = ("Ein sehr langer Satz über gemeinsame Versorgung. " * 250)[:9_999] + "!"
ODD_LINES = [
    "[bold red]not markup[/bold red] *not emphasis* <b>not html</b> {{ not jinja }} | pipe |",
    "# not a heading\n\nand a second line",
    "مرحبا بالشراكة — 連携の目的を共有する — 👩‍⚕️🤝💊",
    'e\u0301 combining, zero\u200bwidth, tab\there, bell\x07, quote " and backslash \\',
]
TABLES = (
    "programme",
    "member",
    "session",
    "agenda_item",
    "note",
    "note_revision",
    "attendance",
    "declaration",
    "action",
    "timer_event",
    "action_review",
    "activity_result",
)


def build_rich_programme(store: Store, clock, agenda) -> SimpleNamespace:
    """Two sessions with everything the app records, using the services the app uses."""
    programme = create_programme(store, NAME, "Quay PCN «Nord»")
    patel = people.add_member(
        store, programme.id, "Dr Ōtani Patel", "Quay Surgery", "practice", "GP partner"
    )
    sian = people.add_member(
        store, programme.id, "Siân O'Neill", "Harbour Trust", "trust", "[i]lead[/i]"
    )
    leaver = people.add_member(store, programme.id, "Left Early", "Old Pharmacy", "pharmacy")
    never = people.add_member(store, programme.id, "Never Came")

    first = planning.start_session(store, programme.id, agenda, facilitator="Morgan Lee")
    people.set_attendance(store, first, patel.id, "present")
    people.set_attendance(store, first, sian.id, "apologies")
    people.set_attendance(store, first, leaver.id, "present")
    running.toggle_clock(store, first, now=clock())

    def add(position, line, kind="deal", member=None):
        return notes.add_note(
            store,
            first,
            position,
            line,
            kind,
            today=TODAY,
            now=clock(),
            member_id=member.id if member else None,
        )

    # Two notes at the same moment: the file must keep the order they were typed.
    tie_a = add(0, "First at the same moment", member=patel)
    tie_b = add(0, "Second at the same moment", "relationship")
    clock.advance(30)
    for line in ODD_LINES:
        add(0, line, "relationship", member=sian)
        clock.advance(7)
    add(0, LONG_NOTE)
    people.add_declaration(store, first, leaver.id, "Owns «Old Pharmacy»", 1, now=clock())
    withdrawn = people.add_declaration(store, first, patel.id, "entered by mistake", now=clock())
    people.withdraw_declaration(store, withdrawn.id, now=clock.advance(2))
    clock.advance(200)
    running.move(store, first, +1, now=clock())
    running.extend(store, first, 60, now=clock.advance(5))
    action = add(1, "a: circulate the draft [agreement] @Siân O'Neill fri", member=sian)
    dropped = add(1, "a: book the room @Sam 2026-12-01")
    add(1, "d: one front door, agreed")
    add(1, "r: money slips through the cracks")
    add(1, "q: who hosts the pharmacist?")
    clock.advance(10)
    edited = add(1, "We want one fron door")

    def edit(note, line, seconds):
        note_editing.edit_note(store, note.id, line, today=TODAY, now=clock.advance(seconds))

    edit(edited, "We want one front door", 3)
    edit(edited, "d: we want one front door", 3)
    edit(dropped, "book the room after all", 1)
    note_editing.attribute_note(store, edited.id, patel.id)
    deleted = add(1, "typed in the wrong session")
    note_editing.delete_note(store, deleted.id, now=clock.advance(4))
    running.toggle_clock(store, first, now=clock.advance(60))
    running.toggle_clock(store, first, now=clock.advance(120))
    running.skip(store, first, now=clock.advance(400))
    add(2, "Barriers: slow decisions")
    lmc = add(2, "a: ask the LMC @Priya 2026-12-10")
    # The bundled agenda's health check: ratings, one taken back again.
    card = [i.position for i in running.get_session(store, first).items if i.kind == "scorecard"]
    if card:
        for index, score in ((0, 4), (0, 2), (1, 5), (1, 3)):
            scorecard.rate(store, first, card[0], index, score, now=clock.advance(1))
        scorecard.withdraw_last(store, first, card[0], 1, now=clock.advance(1))
    # And its other activities: more hands than a rating allows, roles, a private answer.
    kinds = {i.kind: i.position for i in running.get_session(store, first).items}
    if "checklist" in kinds:
        checklist.vote(store, first, kinds["checklist"], 1, 7, now=clock.advance(1))
    if "roles" in kinds:
        roles.set_roles(
            store, first, kinds["roles"], patel.id, ["Plant", "Shaper"], now=clock.advance(1)
        )
        roles.set_roles(store, first, kinds["roles"], patel.id, ["Plant"], now=clock.advance(1))
    if "reflection" in kinds:
        reflection.answer(
            store, first, kinds["reflection"], sian.id, "Listen «first»", now=clock.advance(1)
        )
        reflection.set_in_minutes(store, first, kinds["reflection"], True)
    add(2, "a: map the data flows")
    running.finish_session(store, first, now=clock.advance(90))
    done = next(a for a in list_actions(store, programme.id, today=TODAY) if a.note_id == action.id)
    set_action_status(store, done.id, "done")

    # The second session is left running part way, with a rebalanced agenda.
    clock.advance(7 * 24 * 3600)
    second = planning.start_session(
        store, programme.id, agenda, planned_for=TODAY + timedelta(days=7), expected=[never.id]
    )
    people.set_attendance(store, second, sian.id, "present")
    running.toggle_clock(store, second, now=clock())
    # Matters arising: one action settled, one kept with a new date, in the opposite order
    # to the file's notes, so the file must keep the order they were reviewed in.
    flows, asked = sorted(review_entries(store, second, TODAY), key=lambda e: e.text)[::-1]
    assert asked.text == "ask the LMC"
    review_action(
        store, second, flows.action_id, "kept", new_due=date(2027, 1, 15), now=clock.advance(5)
    )
    review_action(store, second, asked.action_id, "done", now=clock.advance(5))
    notes.add_note(
        store,
        second,
        0,
        "a: follow up [link](http://example.invalid) @Dr Ōtani Patel +14d",
        "deal",
        today=TODAY,
        now=clock.advance(20),
    )
    running.heartbeat(store, second, now=clock.advance(1500))
    plan = preview_rebalance(store, second, now=clock())
    assert apply_rebalance(store, second, plan, now=clock()) > 0
    people.archive_member(store, leaver.id, now=clock.advance(60))

    # Another programme in the same database must not leak into the file.
    other = create_programme(store, "Someone else's programme")
    notes.add_note(store, planning.start_session(store, other.id, agenda), 0, "not ours", "deal")
    return SimpleNamespace(
        programme=programme,
        first=first,
        second=second,
        action=action,
        tie=(tie_a, tie_b),
        edited=edited,
        deleted=deleted,
        lmc=lmc,
    )


@pytest.fixture
def rich(store, clock, small_agenda) -> SimpleNamespace:
    return build_rich_programme(store, clock, small_agenda)


@pytest.fixture
def exported(store, rich) -> str:
    return export_programme(store, rich.programme.slug)[1]


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> str:
    """A rich programme's file, built once for the tests that only read or import it."""
    store = Store.open(tmp_path_factory.mktemp("sample") / "sample.db")
    try:
        rich = build_rich_programme(store, FakeClock(), find_agenda("pcn-partnership-4-step"))
        return export_programme(store, rich.programme.slug)[1]
    finally:
        store.close()


@pytest.fixture
def other(tmp_path):
    store = Store.open(tmp_path / "other.db")
    yield store
    store.close()


def rows(path_or_url) -> dict[str, int]:
    return row_counts(path_or_url, TABLES)


def without_ids(value):
    """A view as plain data with its database ids left out: they differ between databases."""
    if hasattr(value, "__dataclass_fields__"):
        value = asdict(value)
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k != "id" and not k.endswith("_id")}
    if isinstance(value, list | tuple):
        return [without_ids(v) for v in value]
    return value


def session_ids(store: Store, slug: str) -> list[int]:
    return [running.resolve_session_ref(store, f"{slug}/{number}") for number in (1, 2)]


# The round trip


def test_export_import_export_gives_the_same_bytes(other, sample, tmp_path) -> None:
    imported = import_programme(other, read_document(sample, "the file"))
    assert (imported.name, imported.slug) == (NAME, "harbour-quay-ünïcødé-港-b-partners-b")
    assert (imported.session_count, imported.note_count) == (2, 18)
    assert export_programme(other, NAME)[1] == sample
    # And once more through files on disk, from the second database to a third.
    path = export_file(other, imported.slug, tmp_path / "out" / "again.json")
    assert path.read_text(encoding="utf-8") == sample
    third = Store.open(tmp_path / "third.db")
    try:
        import_file(third, path)
        assert export_programme(third, imported.slug)[1] == sample
    finally:
        third.close()


def test_the_file_names_people_and_items_never_ids(sample) -> None:
    data = json.loads(sample)
    assert (data["format"], data["version"]) == (FORMAT, VERSION)
    assert sorted(data) == ["format", "members", "programme", "sessions", "version"]
    assert data["programme"]["name"] == NAME
    assert [m["name"] for m in data["members"]] == sorted(
        ["Dr Ōtani Patel", "Siân O'Neill", "Left Early", "Never Came"]
    )
    assert next(m for m in data["members"] if m["name"] == "Left Early")["archived_at"]
    first = data["sessions"][0]
    assert "minutes_path" not in first and first["finished_at"].endswith("Z")
    assert [note["text"] for note in first["notes"][:2]] == [
        "First at the same moment",
        "Second at the same moment",
    ]
    assert len(LONG_NOTE) == 10_000 and any(note["text"] == LONG_NOTE for note in first["notes"])
    action = next(note for note in first["notes"] if note["text"].startswith("circulate"))
    changes = action["action"].pop("changes")
    assert action["action"] == {
        "owner": "Siân O'Neill",
        "owner_member": "Siân O'Neill",  # a member, named as the file names people
        "due_on": "2026-11-27",
        "status": "done",
    }
    # Marked done from the actions list: a change kept, made outside any session.
    assert [(c["field"], c["before"], c["after"], c["session"]) for c in changes] == [
        ("status", "open", "done", None)
    ]
    assert action["member"] == "Siân O'Neill" and action["item"] == 1
    declaration = first["declarations"][0]
    assert (declaration["member"], declaration["left_room_item"]) == ("Left Early", 1)
    second = data["sessions"][1]
    assert second["planned_for"] == "2026-11-30" and first["planned_for"] is None
    assert {"member": "Never Came", "status": "expected"} in second["attendance"]
    # A review names its action by the note that raised it, in the order they were reviewed.
    raised = {index: note["text"] for index, note in enumerate(first["notes"]) if note["action"]}
    assert [
        (
            raised[r["action"]["note"]],
            r["action"]["session"],
            r["outcome"],
            r["due_before"],
            r["due_after"],
        )
        for r in second["action_reviews"]
    ] == [
        ("map the data flows", 1, "kept", None, "2027-01-15"),
        ("ask the LMC", 1, "done", "2026-12-10", "2026-12-10"),
    ]
    ratings = [(r["area"], r["score"], r["deleted_at"] is None) for r in first["activity_results"]]
    assert ratings == [
        ("Purpose", 4, True),
        ("Purpose", 2, True),
        ("Purpose", 5, True),
        ("Purpose", 3, False),
        ("", 7, True),
        ("Action", 1, False),
        ("Thinking", 1, True),
        ("", None, True),
    ]
    assert "not ours" not in sample
    assert '"id"' not in sample and "_id" not in sample


def test_reviews_are_listed_in_time_order_within_a_second(store, rich) -> None:
    """A time on the whole second is written without a fraction, so its text sorts late."""
    on_the_second = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    flows, asked = sorted(review_entries(store, rich.second, TODAY), key=lambda e: e.text)[::-1]
    review_action(
        store,
        rich.second,
        asked.action_id,
        "done",
        now=on_the_second + timedelta(microseconds=500_000),
    )
    review_action(store, rich.second, flows.action_id, "kept", now=on_the_second)
    data = json.loads(export_programme(store, rich.programme.slug)[1])
    assert [r["reviewed_at"] for r in data["sessions"][1]["action_reviews"]] == [
        "2026-12-01T10:00:00Z",
        "2026-12-01T10:00:00.500000Z",
    ]


def test_the_imported_programme_reads_the_same_through_the_services(
    store, other, rich, exported
) -> None:
    imported = import_programme(other, read_document(exported, "the file"))
    source_ids = [rich.first, rich.second]
    target_ids = session_ids(other, imported.slug)
    target_programme = find_programme(other, imported.slug)
    for source, target in zip(source_ids, target_ids, strict=True):
        assert minutes_markdown(other, target) == minutes_markdown(store, source)
        assert without_ids(notes.list_notes(other, target)) == without_ids(
            notes.list_notes(store, source)
        )
        assert without_ids(people.attendance(other, target)) == without_ids(
            people.attendance(store, source)
        )
        assert without_ids(people.list_declarations(other, target)) == without_ids(
            people.list_declarations(store, source)
        )
        assert running.clock_state(other, target) == running.clock_state(store, source)
        assert without_ids(review_entries(other, target, TODAY)) == without_ids(
            review_entries(store, source, TODAY)
        )
        assert without_ids(running.get_session(other, target)) == without_ids(
            running.get_session(store, source)
        )
    assert without_ids(list_actions(other, target_programme.id, today=TODAY)) == without_ids(
        list_actions(store, rich.programme.id, today=TODAY)
    )
    assert without_ids(people.list_members(other, target_programme.id)) == without_ids(
        people.list_members(store, rich.programme.id)
    )
    moved = notes.list_notes(other, target_ids[0])
    edited = next(n for n in moved if n.text == "we want one front door")
    assert note_editing.note_history(other, edited.id) == note_editing.note_history(
        store, rich.edited.id
    )
    assert "typed in the wrong session" not in [n.text for n in moved]


def test_a_version_1_file_still_imports(other, sample) -> None:
    """Files written before sessions were planned ahead or reviewed actions."""
    data = json.loads(sample)
    data["version"] = 1
    for session in data["sessions"]:
        del session["planned_for"], session["action_reviews"], session["activity_results"]
        del session["facilitator"]
    imported = import_programme(other, read_document(json.dumps(data), "old.json"))
    second = session_ids(other, imported.slug)[1]
    # The actions keep the state the reviews left them in; only the reviews are missing.
    assert [(e.text, e.outcome) for e in review_entries(other, second, TODAY)] == [
        ("map the data flows", None)
    ]
    again = json.loads(export_programme(other, imported.slug)[1])
    assert again["version"] == VERSION and again["sessions"][1]["planned_for"] is None


def test_a_version_2_file_imports_with_no_facilitator_named(other, sample) -> None:
    data = json.loads(sample)
    assert data["sessions"][0]["facilitator"] == "Morgan Lee"
    data["version"] = 2
    for session in data["sessions"]:
        del session["facilitator"]
    imported = import_programme(other, read_document(json.dumps(data), "old.json"))
    again = json.loads(export_programme(other, imported.slug)[1])
    assert [session["facilitator"] for session in again["sessions"]] == ["", ""]


def test_a_version_3_file_imports_with_every_answer_kept_private(other, sample) -> None:
    data = json.loads(sample)
    data["version"] = 3
    for session in data["sessions"]:
        for item in session["items"]:
            del item["answers_in_minutes"]
    imported = import_programme(other, read_document(json.dumps(data), "old.json"))
    again = json.loads(export_programme(other, imported.slug)[1])
    assert not any(item["answers_in_minutes"] for item in again["sessions"][0]["items"])


def test_the_activities_travel_with_the_session(other, sample) -> None:
    imported = import_programme(other, read_document(sample, "the file"))
    first = session_ids(other, imported.slug)[0]
    kinds = {i.kind: i.position for i in running.get_session(other, first).items}
    assert checklist.checklist_results(other, first, kinds["checklist"])[1].votes == 7
    board = roles.roles_board(other, first, kinds["roles"])
    assert {m.name: m.roles for m in board.members if m.roles} == {"Dr Ōtani Patel": ("Plant",)}
    given = reflection.reflections(other, first, kinds["reflection"])
    assert given.in_minutes
    assert [(a.name, a.text) for a in given.answers if a.text] == [
        ("Siân O'Neill", "Listen «first»")
    ]


@pytest.mark.parametrize(
    ("kind", "score", "message"),
    [
        ("checklist", 100, '"score" is 100, above 99 votes at once'),
        ("checklist", None, '"score" is null'),
        ("roles", 2, '"score" is 2, not one of: 1'),
    ],
)
def test_an_answer_scored_outside_its_activity_is_refused(
    other, sample, kind, score, message
) -> None:
    data = json.loads(sample)
    session = data["sessions"][0]
    at = next(item["position"] for item in session["items"] if item["kind"] == kind)
    entry = next(r for r in session["activity_results"] if r["item"] == at)
    entry["score"] = score
    with pytest.raises(InputError, match=message):
        import_programme(other, read_document(json.dumps(data), "bad.json"))


def test_the_facilitator_travels_with_the_session(other, sample) -> None:
    imported = import_programme(other, read_document(sample, "the file"))
    again = json.loads(export_programme(other, imported.slug)[1])
    assert [session["facilitator"] for session in again["sessions"]] == ["Morgan Lee", ""]


def test_imported_notes_are_in_the_search_index(other, sample) -> None:
    imported = import_programme(other, read_document(sample, "the file"))
    programme = find_programme(other, imported.slug)
    hits = search_notes(other, programme.id, "pharmacist")
    assert [hit.text for hit in hits] == ["who hosts the pharmacist?"]
    assert search_notes(other, programme.id, "Versorgung")[0].text == LONG_NOTE


def test_an_unfinished_session_can_be_carried_on_after_the_move(other, sample, clock) -> None:
    imported = import_programme(other, read_document(sample, "the file"))
    second = session_ids(other, imported.slug)[1]
    view, state = running.open_session(other, second)
    assert not state.running and view.finished_at is None
    running.toggle_clock(other, second, now=clock.advance(10))
    notes.add_note(other, second, state.position, "carried on elsewhere", "deal", now=clock())
    assert "carried on elsewhere" in [n.text for n in notes.list_notes(other, second)]


def test_export_names_the_programme_by_name_or_slug(store, rich) -> None:
    by_name = export_programme(store, NAME.upper())[1]
    assert export_programme(store, rich.programme.slug)[1] == by_name
    with pytest.raises(NotFoundError, match="No programme is called 'nowhere'"):
        export_programme(store, "nowhere")


def test_an_exported_file_is_private(store, rich, tmp_path) -> None:
    path = export_file(store, rich.programme.slug, tmp_path / "backup.json")
    assert path.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_default_file_is_named_after_the_slug_in_the_current_folder(
    store, rich, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = export_file(store, NAME)
    assert path == Path(f"{rich.programme.slug}.facilitator.json")
    assert (tmp_path / path).is_file()


# Names already taken


def test_a_name_already_here_is_refused_and_nothing_written(store, rich, exported, db_path) -> None:
    before = rows(db_path)
    with pytest.raises(InputError, match="already exists here: import it under another name"):
        import_programme(store, read_document(exported, "the file"))
    assert rows(db_path) == before


def test_the_name_clash_ignores_case(other, sample) -> None:
    create_programme(other, NAME.casefold())
    with pytest.raises(InputError, match="already exists here"):
        import_programme(other, read_document(sample, "the file"))


def test_a_slug_already_here_is_refused(other, sample) -> None:
    data = json.loads(sample)
    create_programme(other, "Different name")
    data["programme"]["slug"] = "different-name"
    with pytest.raises(InputError, match=r"already has the slug 'different-name'.*--as"):
        import_programme(other, read_document(json.dumps(data), "the file"))
    assert [p.name for p in list_programmes(other)] == ["Different name"]


def test_as_imports_under_a_new_name_with_a_fresh_slug(store, rich, exported, db_path) -> None:
    before = rows(db_path)
    create_programme(store, "Copy!")
    imported = import_programme(store, read_document(exported, "the file"), "  copy  ")
    assert (imported.name, imported.slug) == ("copy", "copy-2")
    assert rows(db_path)["session"] == before["session"] + 2
    copied = json.loads(export_programme(store, "copy-2")[1])
    expected = json.loads(exported)
    expected["programme"].update(name="copy", slug="copy-2")
    # Beside the first copy, its sessions are meetings of their own in calendars.
    for session, original in zip(copied["sessions"], expected["sessions"], strict=True):
        assert session.pop("calendar_uid") != original.pop("calendar_uid")
        assert session.pop("calendar_sequence") == 0
        original.pop("calendar_sequence")
    assert copied == expected


def test_as_refuses_a_name_that_is_taken_too(store, rich, exported, db_path) -> None:
    before = rows(db_path)
    with pytest.raises(InputError, match='programme" already exists here: choose another'):
        import_programme(store, read_document(exported, "the file"), "SOMEONE ELSE'S PROGRAMME")
    with pytest.raises(InputError, match="cannot be empty"):
        import_programme(store, read_document(exported, "the file"), "   ")
    assert rows(db_path) == before


# Files that are not what they should be


def _broken(exported: str, change) -> str:
    data = json.loads(exported)
    change(data)
    return json.dumps(data)


def _first_note(data):
    return data["sessions"][0]["notes"][2]


def _review(data):
    return data["sessions"][1]["action_reviews"][0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("programme"), 'the file has no "programme"'),
        (lambda d: d["programme"].pop("slug"), 'the programme has no "slug"'),
        (lambda d: d["programme"].update(name="  "), 'the programme: "name" is blank'),
        (lambda d: d["members"][1].pop("name"), 'member 2 has no "name"'),
        (lambda d: d["members"].append(dict(d["members"][0])), "is in the members list twice"),
        (lambda d: d["sessions"][0].pop("items"), 'session 1 has no "items"'),
        (lambda d: d["sessions"][0].update(items=[]), "session 1: it has no agenda items"),
        (lambda d: d["sessions"][1].update(number=1), "two sessions numbered 1"),
        (lambda d: _first_note(d).pop("created_at"), 'session 1, note 3 has no "created_at"'),
        (
            lambda d: _first_note(d).update(created_at="2026-11-23 09:30"),
            'session 1, note 3: "created_at" is not an ISO 8601 time with its time zone',
        ),
        (
            lambda d: _first_note(d).update(member="Stranger"),
            "session 1, note 3: \"member\" is 'Stranger', who is not in the members list",
        ),
        (
            lambda d: _first_note(d).update(item=99),
            '"item" is 99, but the session\'s items are 0 to 16',
        ),
        (lambda d: _first_note(d).update(kind="gossip"), "\"kind\" is 'gossip', not one of: deal"),
        (lambda d: _first_note(d).update(text=None), 'session 1, note 3: "text" is null'),
        (
            lambda d: _first_note(d).update(
                action={"owner": "x", "due_on": "fri", "status": "open"}
            ),
            'session 1, note 3, action: "due_on" is not a date written YYYY-MM-DD',
        ),
        (
            lambda d: _first_note(d).update(revisions=[{"line": "x"}]),
            'session 1, note 3, revision 1 has no "replaced_at"',
        ),
        (
            lambda d: d["sessions"][0]["items"][1].update(position=5),
            'session 1, item 2: "position" is 5',
        ),
        (
            lambda d: d["sessions"][0]["items"][0].update(planned_seconds=True),
            '"planned_seconds" is not a whole number',
        ),
        (lambda d: d["sessions"][0]["timer_events"][0].update(kind="explode"), "timer event 1"),
        (
            lambda d: d["sessions"][0]["attendance"].append(
                dict(d["sessions"][0]["attendance"][0])
            ),
            "has two attendance entries",
        ),
        (
            lambda d: d["sessions"][0]["declarations"][0].update(left_room_item=-1),
            '"left_room_item" is -1',
        ),
        (
            lambda d: _review(d).update(outcome="maybe"),
            "session 2, action review 1: \"outcome\" is 'maybe', not one of: done, kept, dropped",
        ),
        (
            lambda d: _review(d)["action"].update(note=0),
            "session 2, action review 1: its action (session 1, note 0) is not an action",
        ),
        (
            lambda d: _review(d)["action"].update(session=2, note=0),
            "session 2, action review 1: it reviews an action raised in the same or a later",
        ),
        (
            lambda d: d["sessions"][1]["action_reviews"].append(dict(_review(d))),
            "session 2, action review 3: the session reviews that action twice",
        ),
        (
            lambda d: d["sessions"][1].update(planned_for="next tuesday"),
            'session 2: "planned_for" is not a date written YYYY-MM-DD',
        ),
        (
            lambda d: d["sessions"][0]["activity_results"][0].update(score=9),
            'session 1, activity result 1: "score" is 9, not one of: 1, 2, 3, 4, 5',
        ),
        (
            lambda d: d["sessions"][0]["activity_results"][0].update(item=40),
            'session 1, activity result 1: "item" is 40',
        ),
        (lambda d: d.update(sessions={}), 'the file: "sessions" is not a list'),
        (lambda d: d["sessions"].append("a session"), "session 3 is not a JSON object"),
    ],
)
def test_a_damaged_file_is_refused_naming_what_is_wrong(other, sample, tmp_path, change, message):
    before = rows(tmp_path / "other.db")
    with pytest.raises(InputError) as refused:
        import_programme(other, read_document(_broken(sample, change), "backup.json"))
    text = str(refused.value)
    assert text.startswith("backup.json is damaged or incomplete: ")
    assert message in text and text.endswith("Nothing was imported.")
    assert "\n" not in text
    assert rows(tmp_path / "other.db") == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{not json",
            (
                "x.json is not JSON (Expecting property name enclosed in double quotes "
                "at line 1, column 2)"
            ),
        ),
        ("", "x.json is not JSON"),
        ("[1, 2]", "x.json is not a facilitator programme export"),
        (
            '{"format": "something-else", "version": 1}',
            "x.json is not a facilitator programme export",
        ),
        ('{"format": "facilitator-programme"}', 'x.json has no usable "version"'),
        ('{"format": "facilitator-programme", "version": "1"}', 'x.json has no usable "version"'),
        (
            f'{{"format": "facilitator-programme", "version": {VERSION + 1}}}',
            f"x.json was written by a newer facilitator (format version {VERSION + 1}; this one "
            f"reads version {VERSION})",
        ),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(text, message) -> None:
    with pytest.raises(InputError) as refused:
        read_document(text, "x.json")
    assert str(refused.value).startswith(message)
    assert str(refused.value).endswith("Nothing was imported.")


def test_a_newer_version_is_refused_even_when_the_rest_is_fine(other, sample, tmp_path) -> None:
    path = tmp_path / "newer.json"
    path.write_text(_broken(sample, lambda d: d.update(version=VERSION + 1)), encoding="utf-8")
    before = rows(tmp_path / "other.db")
    with pytest.raises(InputError, match="written by a newer facilitator"):
        import_file(other, path)
    assert rows(tmp_path / "other.db") == before


def test_files_that_cannot_be_read_are_refused(other, tmp_path) -> None:
    with pytest.raises(InputError, match=r"Cannot read .*missing.json: No such file"):
        import_file(other, tmp_path / "missing.json")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InputError, match="is not JSON: it is not UTF-8 text"):
        import_file(other, binary)


def test_a_byte_order_mark_is_not_a_problem(other, sample, tmp_path) -> None:
    path = tmp_path / "with-bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + sample.encode("utf-8"))
    assert import_file(other, path).name == NAME


def test_a_database_failure_half_way_leaves_nothing(other, sample, tmp_path, monkeypatch) -> None:
    from sessions.exchange import load
    from sessions.services import exchange

    record = read_document(sample, "the file")
    calls = []

    def fail_on_second(db, programme_id, session, *rest):
        calls.append(session)
        if len(calls) == 2:
            raise RuntimeError("the disk went away")
        return real(db, programme_id, session, *rest)

    real = load._add_session
    monkeypatch.setattr(load, "_add_session", fail_on_second)
    with pytest.raises(RuntimeError):
        exchange.import_programme(other, record)
    assert set(rows(tmp_path / "other.db").values()) == {0}


def test_unknown_keys_are_ignored(other, sample) -> None:
    data = json.loads(sample)
    data["comment"] = "added by hand"
    data["sessions"][0]["notes"][0]["colour"] = "blue"
    imported = import_programme(other, read_document(json.dumps(data), "the file"))
    assert export_programme(other, imported.slug)[1] == sample
