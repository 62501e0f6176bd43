"""The real app, driven through Pilot on a temporary database."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Digits, Input, Label, OptionList, Static

from facilitator.screens.finish import FinishScreen
from facilitator.screens.home import HomeScreen
from facilitator.screens.session import SessionScreen
from facilitator.widgets.note_list import NoteList
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import add_note, create_and_start, option_texts, static_text, type_text
from tests.test_services import ODD_TEXT
from tests.test_store import make_disk_full, make_read_only


async def test_home_screen_is_headed_programmes(make_facilitator_app) -> None:
    app = make_facilitator_app()
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, HomeScreen)
        assert str(app.screen.query_one("#programmes-heading", Label).render()) == "Programmes"
        assert "Press n to create a programme" in static_text(app.screen, "#programmes-hint")


async def test_create_programme_and_run_a_session_to_the_minutes(
    clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        assert screen.title == "Harbour programme"
        assert screen.sub_title.startswith("Session 1 · ")
        first = screen.view.items[0]
        assert static_text(screen, "#item-title") == first.title
        assert screen.query_one("#countdown", Digits).value == "10:00"
        assert "ctrl+t starts the clock" in static_text(screen, "#session-clock")
        assert "of 3 h 5 min · ends " in static_text(screen, "#session-clock")
        assert str(screen.query_one("#kind", Static).render()).strip() == "DEAL"

        await pilot.press("ctrl+t")
        clock.advance(65)
        screen.tick()
        assert screen.query_one("#countdown", Digits).value == "08:55"
        assert "running" in static_text(screen, "#session-clock")

        await add_note(pilot, "We want one front door for patients")
        await pilot.press("ctrl+r")
        assert str(screen.query_one("#kind", Static).render()).strip() == "RELATIONSHIP"
        await add_note(pilot, "Practices are wary of the trust")
        await add_note(pilot, "d: meet monthly")
        await add_note(pilot, "a: send the terms of reference @Dr Patel 2026-12-01")
        # Nobody in the programme is called that: asked once, and kept as a named guest.
        await pilot.press("down", "enter")
        await pilot.pause()
        listed = screen.query_one(NoteList).notes
        assert [(n.kind, n.text) for n in listed] == [
            ("deal", "We want one front door for patients"),
            ("relationship", "Practices are wary of the trust"),
            ("decision", "meet monthly"),
            ("action", "send the terms of reference"),
        ]
        # What the list shows is what the database holds.
        assert notes.list_notes(app.store, screen.session_id) == listed
        assert screen.query_one("#note", Input).value == ""
        assert "Saved action note" in static_text(screen, "#capture-status")

        await pilot.press("ctrl+n")
        second = screen.view.items[1]
        assert static_text(screen, "#item-title") == second.title
        assert screen.query_one(NoteList).notes == []
        clock.advance(30)
        await pilot.press("ctrl+b")
        assert static_text(screen, "#item-title") == first.title
        assert len(screen.query_one(NoteList).notes) == 4

        await pilot.press("ctrl+f")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        path = app.screen.written["md"]
        shown = static_text(app.screen, "#minutes-path")
        assert f"Written to {path.parent}\n  {path.name}" == shown
        minutes = Path(path).read_text(encoding="utf-8")
        assert "# Harbour programme: session 1" in minutes
        assert "- We want one front door for patients" in minutes
        assert "**Relationship**\n\n- Practices are wary of the trust" in minutes
        # The action log: number, action, owner, where raised, due, revised due.
        assert "| 1.1 | send the terms of reference | Dr Patel | Session 1, " in minutes
        assert "| Tuesday 1 December 2026 | — |" in minutes
        assert "*Planned 10 min, took 1 min.*" in minutes

        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#unfinished", OptionList).option_count == 0


async def test_quit_mid_session_and_resume_where_it_stopped(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+n")
        clock.advance(125)
        await add_note(pilot, "Said just before we stopped")
        session_id = screen.session_id
        await pilot.press("ctrl+q")
    app.store.close()

    clock.advance(3600)  # lunch: an hour passes with the app closed
    again = make_facilitator_app(now=clock)
    async with again.run_test() as pilot:
        home = again.screen
        waiting = home.query_one("#unfinished", OptionList)
        assert waiting.option_count == 1
        assert "item 2 of" in str(waiting.get_option_at_index(0).prompt)
        await pilot.press("r")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, SessionScreen) and screen.session_id == session_id
        assert screen.state.position == 1
        assert not screen.state.running
        assert screen.state.elapsed_for(1) == 125
        assert "paused" in static_text(screen, "#session-clock")
        assert [n.text for n in screen.query_one(NoteList).notes] == ["Said just before we stopped"]
        planned = screen.view.items[1].planned_seconds
        assert screen.query_one("#countdown", Digits).value == f"{(planned - 125) // 60:02d}:55"


async def test_resume_after_a_crash_counts_up_to_the_last_heartbeat(
    db_path: Path, clock, small_agenda, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    programme = create_programme(store, "Crashy")
    sid = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    running.heartbeat(store, sid, clock.advance(5))
    running.heartbeat(store, sid, clock.advance(5))
    store.close()  # the process died here, with the clock running
    clock.advance(600)
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert not screen.state.running and screen.state.elapsed_for(0) == 10
        assert screen.query_one("#countdown", Digits).value == "09:50"


async def test_odd_text_and_a_long_note_are_kept(make_facilitator_app) -> None:
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        long_note = "ab " * 3333 + "z"
        for text in [*ODD_TEXT, long_note]:
            await add_note(pilot, text)
        stored = [n.text for n in notes.list_notes(app.store, screen.session_id)]
        assert stored == [*ODD_TEXT, long_note]
        assert len(stored[-1]) == 10000


@pytest.mark.sqlite_only  # fills SQLite's file to its page limit
async def test_a_note_that_cannot_be_saved_stays_in_the_note_line(make_facilitator_app) -> None:
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await add_note(pilot, "saved first")
        make_disk_full(app.store)
        big = "x" * 20000
        for _ in range(20):
            await add_note(pilot, big)
            if screen.query_one("#note", Input).value:
                break
        assert screen.query_one("#note", Input).value == big
        assert "disk is full" in static_text(screen, "#capture-status")
        assert screen.query_one("#capture-status").has_class("-error")
        saved = notes.list_notes(app.store, screen.session_id)
        assert saved[0].text == "saved first"
        assert [n.text for n in screen.query_one(NoteList).notes] == [n.text for n in saved]


@pytest.mark.sqlite_only  # takes the write permission off the file
async def test_a_database_turned_read_only_keeps_the_note_in_the_line(make_facilitator_app) -> None:
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await add_note(pilot, "saved first")
        make_read_only(app.store)
        await add_note(pilot, "typed after the permissions changed")
        assert screen.query_one("#note", Input).value == "typed after the permissions changed"
        assert "read-only" in static_text(screen, "#capture-status")
        assert [n.text for n in notes.list_notes(app.store, screen.session_id)] == ["saved first"]


async def test_an_unreadable_due_date_keeps_the_text(make_facilitator_app) -> None:
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await add_note(pilot, "a: book the room due 45/2/2026")
        assert screen.query_one("#note", Input).value == "a: book the room due 45/2/2026"
        assert "Could not read the due date" in static_text(screen, "#capture-status")
        assert notes.list_notes(app.store, screen.session_id) == []


async def test_start_a_session_from_an_agenda_file(tmp_path: Path, make_facilitator_app) -> None:
    agenda = tmp_path / "mine.md"
    agenda.write_text(
        "# Our own agenda\n\n## Step 2: Trusted people\n\n### Who do we trust? (25 min)\nTalk.\n",
        encoding="utf-8",
    )
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        create_programme(app.store, "Own")
        app.screen.refresh_lists()
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(agenda)
        app.screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert static_text(screen, "#step") == "Step 2: Trusted people"
        assert screen.query_one("#countdown", Digits).value == "25:00"


async def test_a_broken_agenda_file_is_explained_in_the_dialog(
    tmp_path: Path, make_facilitator_app
) -> None:
    agenda = tmp_path / "broken.md"
    agenda.write_text("# Broken\n\n## Welcome\n\n### Hello (ten minutes)\n", encoding="utf-8")
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        create_programme(app.store, "Own")
        app.screen.refresh_lists()
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#path", Input).value = str(agenda)
        dialog.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert f"{agenda}:5:" in static_text(dialog, "#error")
        assert running.list_unfinished(app.store) == []


async def test_a_duplicate_programme_name_is_refused_and_kept_in_the_field(
    make_facilitator_app,
) -> None:
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        create_programme(app.store, "Harbour")
        await pilot.press("n")
        await type_text(pilot, "harbour")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "harbour"
        assert "already exists" in static_text(app.screen, "#error")


async def test_the_command_palette_runs_the_session_keys(make_facilitator_app) -> None:
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "next agenda item")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen is screen
        assert screen.state.position == 1
        assert static_text(screen, "#item-title") == screen.view.items[1].title


async def test_names_with_markup_are_shown_as_typed(make_facilitator_app) -> None:
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        create_programme(app.store, "[bold red]Boom[/] [link=x]y", "A [b]PCN")
        app.screen.refresh_lists()
        await pilot.pause()
        programmes = app.screen.query_one("#programmes", OptionList)
        rendered = programmes.render_lines(programmes.region.reset_offset)
        text = "".join(segment.text for strip in rendered for segment in strip)
        assert "[bold red]Boom[/] [link=x]y · A [b]PCN" in text


async def test_pacing_keys_extend_shorten_and_skip(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+up")
        assert screen.query_one("#countdown", Digits).value == "11:00"
        assert "planned 10 min, now 11 min" in static_text(screen, "#item-meta")
        await pilot.press("ctrl+g")
        assert screen.query_one("#countdown", Digits).value == "16:00"
        await pilot.press("ctrl+down")
        assert screen.query_one("#countdown", Digits).value == "15:00"
        assert running.clock_state(app.store, screen.session_id).extra_for(0) == 300
        await pilot.press("ctrl+s")
        assert screen.state.position == 1 and screen.state.skipped == {0}
        await pilot.press("ctrl+b")
        assert "skipped" in static_text(screen, "#item-meta")


async def test_the_session_line_projects_the_finish(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        start = clock()
        finish = start + timedelta(minutes=185)
        planned = f"{finish.astimezone():%H:%M}"
        assert f"finish {planned} → {planned}, on time · running" in static_text(
            screen, "#session-clock"
        )
        clock.advance(17 * 60)  # a 10-minute item has run 17 minutes
        screen.tick()
        later = f"{(finish + timedelta(minutes=7)).astimezone():%H:%M}"
        assert f"→ {later}, 7 min late" in static_text(screen, "#session-clock")


async def test_the_bell_rings_once_at_zero_and_lateness_is_announced(
    clock, monkeypatch, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    rings: list[bool] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(True))
    said: list[str] = []
    original_say = app.say

    def say(message: str, **kwargs) -> None:
        said.append(message)
        original_say(message, **kwargs)

    monkeypatch.setattr(app, "say", say)
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        clock.advance(599)
        screen.tick()
        assert rings == [] and not [m for m in said if "projected" in m]
        clock.advance(2)
        screen.tick()
        screen.tick()
        assert rings == [True]
        assert screen.query_one("#countdown", Digits).has_class("-over")
        clock.advance(5 * 60)
        screen.tick()
        screen.tick()
        late = [m for m in said if "projected to finish" in m]
        assert late == [
            "The session is projected to finish 5 min late: shorten or skip what is left."
        ]


async def test_the_outline_shows_every_item_and_jumps(clock, make_facilitator_app) -> None:
    from facilitator.screens.outline import OutlineScreen

    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        clock.advance(90)
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+o")
        await pilot.pause()
        outline = app.screen
        assert isinstance(outline, OutlineScreen)
        options = outline.query_one("#items", OptionList)
        lines = option_texts(options)
        items = [line for line in lines if line.lstrip()[:1].isdigit()]
        assert len(items) == len(screen.view.items)
        assert "ran 01:30" in items[0] and "[skipped]" in items[0]
        assert "[now]" in items[1]
        assert lines[0] == "Welcome"
        target = len(screen.view.items) - 1
        options.highlighted = next(
            i
            for i in range(options.option_count)
            if options.get_option_at_index(i).id == str(target)
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.state.position == target
        assert static_text(screen, "#item-title") == screen.view.items[target].title
        assert running.clock_state(app.store, screen.session_id).position == target


async def test_rebalance_preview_accept_and_cancel(clock, make_facilitator_app) -> None:
    from facilitator.screens.rebalance import RebalanceScreen

    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        clock.advance(30 * 60)  # the 10-minute welcome ran 30 minutes
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+l")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RebalanceScreen)
        assert dialog.plan.fits
        breaks = [r for r in dialog.plan.items if r.kind == "break"]
        assert breaks and all(not r.changed for r in breaks)
        assert "Breaks keep their time." in static_text(dialog, "#breaks")
        await pilot.press("b")
        assert "Breaks may be cut" in static_text(dialog, "#breaks")
        assert any(r.changed for r in dialog.plan.items if r.kind == "break")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert all(
            i.rebalanced_seconds is None
            for i in running.get_session(app.store, screen.session_id).items
        )

        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        rebalanced = [i for i in screen.view.items if i.rebalanced_seconds is not None]
        assert rebalanced and all(i.kind != "break" for i in rebalanced)
        assert ", on time" in static_text(screen, "#session-clock")


async def test_the_projector_view_shows_the_room_what_matters(clock, make_facilitator_app) -> None:
    from facilitator.screens.projector import ProjectorScreen
    from facilitator.widgets.big_clock import BigClock

    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await add_note(pilot, "Seen by the room")
        await pilot.press("f5")
        await pilot.pause()
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        assert static_text(projector, "#p-title") == screen.view.items[0].title
        big = projector.query_one(BigClock)
        assert not big.uses_block_font  # 24 rows: the compact Digits
        assert projector.query_one("#small", Digits).value == "10:00"
        assert [n.text for n in projector.query_one("#p-notes", NoteList).notes] == [
            "Seen by the room"
        ]
        await pilot.press("f6")  # not a letter: letters are typed into the note line
        assert not projector.query_one("#p-notes").display
        await pilot.press("ctrl+t")
        clock.advance(30)
        await pilot.press("ctrl+n")
        assert static_text(projector, "#p-title") == screen.view.items[1].title
        assert screen.state.position == 1 and screen.state.running
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("f5")
        await pilot.pause()
        assert not app.screen.query_one("#p-notes").display  # the choice was kept


async def test_the_projector_clock_grows_on_a_big_terminal(make_facilitator_app) -> None:
    from facilitator.widgets.big_clock import BigClock

    app = make_facilitator_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await create_and_start(pilot)
        await pilot.press("f5")
        await pilot.pause()
        big = app.screen.query_one(BigClock)
        assert big.uses_block_font
        drawn = str(big.query_one("#large", Static).render())
        assert len(drawn.splitlines()) >= 5 and "█" in drawn


async def test_the_projector_theme_is_offered_and_remembered(
    isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        assert "facilitator-projector" in app.available_themes
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await type_text(pilot, "facilitator-projector")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.theme == "facilitator-projector"
    app.store.close()
    settings = (isolated_home / "config" / "settings.json").read_text(encoding="utf-8")
    assert '"theme": "facilitator-projector"' in settings
    again = make_facilitator_app()
    async with again.run_test():
        assert again.theme == "facilitator-projector"


def test_a_damaged_settings_file_means_defaults(isolated_home) -> None:
    from sessions.settings import load_settings, save_setting

    (isolated_home / "config").mkdir(parents=True)
    (isolated_home / "config" / "settings.json").write_text("{not json", encoding="utf-8")
    assert load_settings() == {}
    save_setting("theme", "textual-dark")
    assert load_settings() == {"theme": "textual-dark"}
