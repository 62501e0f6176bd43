"""The bundled health check run from the keyboard: a digit a rating, backspace takes one back."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Markdown

from facilitator.widgets.scorecard_panel import ScorecardPanel
from sessions.services.scorecard import scorecard_results
from sessions.store import Store
from tests.pilot import activity_key, bundled_session_at, resume_at_panel


def at_the_health_check(db_path: Path, clock, prepare=None) -> tuple[int, int]:
    _, sid, card = bundled_session_at(db_path, clock, "scorecard", prepare)
    return sid, card


async def test_ratings_are_typed_a_digit_at_a_time(db_path, clock, make_facilitator_app) -> None:
    sid, card = at_the_health_check(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel = await resume_at_panel(pilot, ScorecardPanel)
        assert not screen.query_one("#prompt-box").display
        assert panel.border_title.startswith("Scorecard: 0 of 10 rated")

        await activity_key(pilot, "4", "2", "5", "backspace")  # the 5 was a slip
        await pilot.press("down")
        await activity_key(pilot, "3", "9", "0")  # 9 and 0 are not ratings: they are typed
        await pilot.pause()
        assert screen.query_one("#note", Input).value == "90"
        results = scorecard_results(app.store, sid, card)
        assert [r.scores for r in results[:3]] == [(4, 2), (3,), ()]
        assert results[0].area == "Purpose"
        assert panel.border_title.startswith("Scorecard: 2 of 10 rated")

        # Tab goes round: the panel for one key, the notes, and back to typing.
        await pilot.press("tab")
        assert panel.has_focus
        await pilot.press("tab", "tab")
        assert screen.query_one("#note", Input).has_focus

        await pilot.press("f5")
        await pilot.pause()
        shown = app.screen.query_one("#p-prompt", Markdown).source.splitlines()
        assert (
            "- Purpose · We agree why our network exists and what it is for — **3.0** (2)" in shown
        )
        assert any(line.endswith("— *not rated yet*") for line in shown)


async def test_the_dashboard_shows_each_area_by_session(
    db_path, clock, make_facilitator_app
) -> None:
    from facilitator.screens.dashboard import DashboardScreen
    from sessions.services.scorecard import rate
    from tests.pilot import static_text

    sid, card = at_the_health_check(db_path, clock)
    store = Store.open(db_path)
    for index, score in ((0, 2), (0, 4), (3, 5)):  # two Purpose ratings, one Performance
        rate(store, sid, card, index, score)
    store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        lines = static_text(app.screen, "#scorecard-trend").splitlines()
        assert lines == [
            "Scorecard: mean rating by session (1–5)",
            "Purpose     ▅ 3.0",
            "Performance █ 5.0",
        ]


async def test_each_member_rates_down_the_list_in_turn(
    db_path, clock, make_facilitator_app
) -> None:
    from sessions.services.people import add_member

    people: dict[str, int] = {}

    def add_people(store, programme_id: int) -> None:
        for name in ("Ann Ode", "Bea Ng"):
            people[name] = add_member(store, programme_id, name).id

    sid, card = at_the_health_check(db_path, clock, add_people)
    ann, bea = people["Ann Ode"], people["Bea Ng"]
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        panel = app.screen.query_one(ScorecardPanel)
        assert "room ratings" in panel.border_title
        await activity_key(pilot, "right_square_bracket")
        assert "Ann Ode rating" in panel.border_title
        await activity_key(pilot, "4", "2", "5")  # the cursor moves on after each of Ann's
        await pilot.press("up")  # Ann changes her mind on the third
        await activity_key(pilot, "3")
        await activity_key(pilot, "right_square_bracket", "1")  # Bea, back at the top
        await pilot.pause()
        results = scorecard_results(app.store, sid, card)
        assert [r.by_member for r in results[:3]] == [
            ((ann, 4), (bea, 1)),
            ((ann, 2),),
            ((ann, 3),),
        ]
        assert "\n   Bea Ng: – · 3 · mean 3.0" in str(panel.get_option_at_index(3).prompt)
        await activity_key(pilot, "right_square_bracket", "2")  # round to the room again
        await pilot.pause()
        assert "room ratings" in panel.border_title
        assert scorecard_results(app.store, sid, card)[0].scores == (4, 1, 2)
