"""The home screen of many programmes: finding one by name, and the waiting list kept short."""

from __future__ import annotations

import gc

from textual.app import App, ComposeResult
from textual.widgets import Input, Label, OptionList
from textual.widgets._footer import FooterKey
from textual.widgets.option_list import Option

from facilitator.screens.dashboard import DashboardScreen
from facilitator.screens.home import WAITING_SHOWN, HomeScreen
from facilitator.widgets.long_option_list import LongOptionList
from sessions.agenda.library import find_agenda
from sessions.services import planning
from sessions.services.programmes import create_programme
from sessions.views import ProgrammeView, UnfinishedSessionView
from tests.pilot import option_texts, settled, static_text, type_text

AGENDA = "pcn-partnership-4-step"


def programmes(store, *names: tuple[str, str]) -> list[int]:
    return [create_programme(store, name, pcn).id for name, pcn in names]


def highlighted_text(options: OptionList) -> str:
    assert options.highlighted is not None
    return str(options.get_option_at_index(options.highlighted).prompt)


async def test_typing_narrows_the_programmes_by_any_part_of_the_name_or_pcn(
    store, make_facilitator_app
) -> None:
    programmes(
        store,
        ("Harbour programme", "Harbour PCN"),
        ("Ríverside partnership", "Ríverside PCN"),
        ("Hill network", "Moorland PCN"),
    )
    app = make_facilitator_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        listed = screen.query_one("#programmes", OptionList)
        finder = screen.query_one("#programme-filter", Input)
        assert not finder.display
        assert listed.option_count == 3

        await pilot.press("f")
        assert finder.display and finder.has_focus
        # Without case or accents, every word somewhere in the name or the PCN's.
        await type_text(pilot, "RIVER")
        assert option_texts(listed) == ["Ríverside partnership · Ríverside PCN · 0 sessions"]
        await pilot.press("ctrl+u")  # the line emptied: every programme again
        await type_text(pilot, "moor hill")
        assert option_texts(listed) == ["Hill network · Moorland PCN · 0 sessions"]
        await type_text(pilot, "x")
        assert listed.option_count == 0
        assert "No programme of that name" in static_text(screen, "#programmes-hint")

        await pilot.press("escape")
        assert finder.value == "" and not finder.display
        assert listed.option_count == 3 and listed.has_focus


async def test_letters_typed_into_the_filter_run_no_command(store, make_facilitator_app) -> None:
    programmes(store, ("Harbour programme", "Harbour PCN"))
    app = make_facilitator_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("f")
        # Every key the home screen binds to a letter, and the slash of its search.
        await type_text(pilot, "nsramf/")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#programme-filter", Input).value == "nsramf/"


async def test_the_footer_offers_no_key_the_filter_takes_as_typing(
    store, make_facilitator_app
) -> None:
    programmes(store, ("Harbour programme", "Harbour PCN"))
    app = make_facilitator_app()
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        screen = app.screen

        def offered() -> list[str]:
            return [key.key for key in screen.query(FooterKey)]

        assert {"n", "s", "r", "a", "slash", "m"} <= set(offered())
        await pilot.press("f")
        await pilot.pause()
        # Every letter and the slash go into the filter while it has the keyboard.
        assert not {"n", "s", "r", "a", "slash", "m"} & set(offered())
        await pilot.press("escape")
        await pilot.pause()
        assert {"n", "s", "r", "a", "slash", "m"} <= set(offered())


async def test_the_highlight_stays_on_its_programme_and_enter_opens_the_one_found(
    store, make_facilitator_app
) -> None:
    programmes(
        store,
        ("Alder network", ""),
        ("Birch network", ""),
        ("Cedar partnership", ""),
    )
    app = make_facilitator_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        listed = screen.query_one("#programmes", OptionList)
        await pilot.press("down")  # newest first: Cedar, then Birch
        assert highlighted_text(listed).startswith("Birch")

        await pilot.press("f")
        await type_text(pilot, "network")
        assert highlighted_text(listed).startswith("Birch")  # still listed, still highlighted
        await pilot.press("down")  # the arrows move through what was found
        assert highlighted_text(listed).startswith("Alder")
        await pilot.press("ctrl+u")
        await type_text(pilot, "cedar")
        assert highlighted_text(listed).startswith("Cedar")
        await pilot.press("escape")
        assert highlighted_text(listed).startswith("Cedar")

        await pilot.press("f")
        await type_text(pilot, "alder")
        await pilot.press("enter")
        assert await settled(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.screen.title == "Alder network"


async def test_the_waiting_list_shows_the_first_sessions_and_finding_reaches_the_rest(
    store, make_facilitator_app
) -> None:
    agenda = find_agenda(AGENDA)
    names = [(f"Network {n:02d}", "") for n in range(WAITING_SHOWN + 3)]
    ids = programmes(store, *names)
    for programme_id in ids:
        planning.start_session(store, programme_id, agenda)
    app = make_facilitator_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        waiting = screen.query_one("#unfinished", OptionList)
        heading = screen.query_one("#unfinished-heading", Label)
        assert waiting.option_count == WAITING_SHOWN
        total = len(ids)
        assert f"{WAITING_SHOWN} of {total}" in str(heading.render())
        shown = {text.split(" / ")[0] for text in option_texts(waiting)}
        left_out = sorted({name for name, _ in names} - shown)
        assert len(left_out) == total - WAITING_SHOWN

        await pilot.press("f")
        await type_text(pilot, left_out[0])
        assert [text.split(" / ")[0] for text in option_texts(waiting)] == [left_out[0]]
        assert str(heading.render()) == "Sessions to start or resume"


async def test_a_few_waiting_sessions_are_all_shown_without_a_count(
    store, make_facilitator_app
) -> None:
    (programme_id,) = programmes(store, ("Harbour programme", ""))
    planning.start_session(store, programme_id, find_agenda(AGENDA))
    app = make_facilitator_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#unfinished", OptionList).option_count == 1
        heading = app.screen.query_one("#unfinished-heading", Label)
        assert str(heading.render()) == "Sessions to start or resume"


def waiting_in(programme_id: int, name: str, session_id: int) -> UnfinishedSessionView:
    return UnfinishedSessionView(
        session_id=session_id,
        programme_id=programme_id,
        programme_name=name,
        number=1,
        agenda_title="An agenda",
        position=0,
        item_count=3,
        item_title="Welcome",
        elapsed_seconds=0.0,
        started=False,
    )


async def test_finding_a_programme_lists_its_own_waiting_sessions_by_the_programme_not_its_name(
    store, make_facilitator_app
) -> None:
    # One database keeps names apart, but the lists are matched on who owns a session, not
    # on a name two programmes might come to share (as lists read by another path could).
    shared = [
        ProgrammeView(id=1, name="Harbour", slug="harbour", pcn_name="North PCN", session_count=1),
        ProgrammeView(
            id=2, name="Harbour", slug="harbour-2", pcn_name="South PCN", session_count=1
        ),
    ]
    waiting = [waiting_in(1, "Harbour", 11), waiting_in(2, "Harbour", 12)]
    app = make_facilitator_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        screen._show(shared, waiting)
        listed = screen.query_one("#unfinished", OptionList)
        assert listed.option_count == 2

        await pilot.press("f")
        await type_text(pilot, "south")
        assert [option.id for option in listed.options] == ["12"]
        await pilot.press("ctrl+u")
        await type_text(pilot, "north")
        assert [option.id for option in listed.options] == ["11"]


async def test_finding_a_programme_lists_only_its_own_waiting_sessions(
    store, make_facilitator_app
) -> None:
    harbour, hill = programmes(store, ("Harbour programme", ""), ("Hill network", ""))
    agenda = find_agenda(AGENDA)
    for programme_id in (harbour, hill, hill):
        planning.start_session(store, programme_id, agenda)
    app = make_facilitator_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        waiting = app.screen.query_one("#unfinished", OptionList)
        assert waiting.option_count == 3
        await pilot.press("f")
        await type_text(pilot, "hill")
        assert [text.split(" / ")[0] for text in option_texts(waiting)] == ["Hill network"] * 2
        await pilot.press("ctrl+u")
        await type_text(pilot, "harbour")
        assert [text.split(" / ")[0] for text in option_texts(waiting)] == ["Harbour programme"]


class Lists(App[None]):
    CSS = "OptionList { height: auto; max-height: 50%; }"

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        for kind in (OptionList, LongOptionList):
            yield kind(*(Option(f"Programme {n} · a PCN's name") for n in range(self.count)))


def counting_measures(options: OptionList) -> list[object]:
    """Every option whose text the list turns into lines from now on."""
    measured: list[object] = []
    original = options._get_visual
    options._get_visual = lambda option: measured.append(option) or original(option)  # type: ignore[method-assign]
    return measured


async def test_a_long_option_list_is_laid_out_as_an_option_list_without_measuring_each() -> None:
    for count in (3, 500):
        app = Lists(count)
        async with app.run_test(size=(60, 30)) as pilot:
            await pilot.pause()
            plain, long = app.query(OptionList)
            assert long.region.height == plain.region.height
            assert long.virtual_size == plain.virtual_size
            # Taller, the same width: an OptionList wraps every option again; a long one only
            # draws the rows it now shows (a short one is measured for its height, as ever).
            measured = [counting_measures(plain), counting_measures(long)]
            await pilot.resize_terminal(60, 34)
            await pilot.pause()
            assert long.region.height == plain.region.height
            assert long.virtual_size == plain.virtual_size
            assert len(measured[0]) >= count
            if count > 30:  # only the rows newly drawn
                assert len(measured[1]) <= long.region.height
            # Narrower: both wrap again, to the same lines.
            await pilot.resize_terminal(30, 34)
            await pilot.pause()
            assert long.virtual_size == plain.virtual_size
            assert len(measured[1]) >= count

    app = Lists(500)
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        long = app.query_one(LongOptionList)
        measured = counting_measures(long)
        long.get_content_height(app.size, app.size, 60)
        assert measured == []


async def test_the_start_up_objects_are_kept_out_of_collections_while_the_store_is_open(
    make_facilitator_app,
) -> None:
    app = make_facilitator_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.store_is_open or app.open_store_or_exit()
        assert gc.get_freeze_count() > 0
    app.close_store()
    assert gc.get_freeze_count() == 0
