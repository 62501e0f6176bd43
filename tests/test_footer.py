"""The footer: rebuilt when the keys it shows change, and only then."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static
from textual.widgets._footer import FooterKey

from facilitator.widgets.footer import Footer


class Keyed(Static, can_focus=True):
    BINDINGS = [Binding("f3", "noop", "Keyed's own")]

    def action_noop(self) -> None:
        pass


class FooterApp(App[None]):
    BINDINGS = [Binding("f2", "noop", "New")]

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")
        yield Keyed("keyed", id="keyed")
        yield Footer()

    def action_noop(self) -> None:
        pass


def shown(app: App) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_a_focus_change_with_the_same_keys_keeps_the_footer_as_it_is() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        before = list(app.screen.query(FooterKey))
        assert "New" in shown(app)
        app.screen.query_one("#second", Input).focus()
        await pilot.pause()
        assert app.focused is app.screen.query_one("#second")
        assert list(app.screen.query(FooterKey)) == before  # the same keys, not rebuilt


async def test_a_focus_change_that_brings_a_key_rebuilds_the_footer_once() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Keyed's own" not in shown(app)
        app.screen.query_one("#keyed").focus()
        await pilot.pause()
        assert "Keyed's own" in shown(app)
        app.screen.query_one("#first").focus()
        await pilot.pause()
        assert "Keyed's own" not in shown(app)
        assert shown(app).count("New") == 1


class SlashApp(App[None]):
    # Actions apart: the footer shows one key for each action.
    BINDINGS = [Binding("slash", "search", "Search"), Binding("f2", "new", "New")]

    def compose(self) -> ComposeResult:
        yield Keyed("keyed", id="keyed")
        yield Input(id="field")
        yield Footer()

    def action_search(self) -> None:
        pass

    def action_new(self) -> None:
        pass


async def test_a_key_the_focused_field_takes_as_typing_is_not_offered() -> None:
    app = SlashApp()
    async with app.run_test() as pilot:
        app.screen.query_one("#keyed").focus()
        await pilot.pause()
        assert "Search" in shown(app) and "New" in shown(app)
        app.screen.query_one("#field", Input).focus()
        await pilot.pause()
        # The field types "/", so / is no command here; f2 still is.
        assert "Search" not in shown(app) and "New" in shown(app)
        await pilot.press("slash")
        assert app.screen.query_one("#field", Input).value == "/"
        app.screen.query_one("#keyed").focus()
        await pilot.pause()
        assert "Search" in shown(app)
