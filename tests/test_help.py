"""The F1 page is written from the keys and the note syntax: a key added without its line on
the page, or a prefix or date form the page leaves out, fails here."""

from __future__ import annotations

import re
from datetime import date

from textual.binding import Binding
from textual.dom import DOMNode

from facilitator.screens.help_page import ACTION_EXAMPLE, help_markdown, key_text, own_bindings
from facilitator.screens.session import SessionScreen
from facilitator.widgets.activity_panel import ActivityPanel
from facilitator.widgets.editable_note_list import EditableNoteList
from sessions.note_syntax import DATE_HELP, PREFIXES, parse_date, parse_note_line
from tests.pilot import create_and_start


def key_rows(page: str) -> list[tuple[set[str], str]]:
    """(keys, words) of every row of the page's key tables; `1–5` stands for 1 to 5."""
    rows = []
    for line in page.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if not line.startswith("| ") or len(cells) != 2 or cells[0] in ("key", "prefix"):
            continue
        keys: set[str] = set()
        for key in cells[0].split(" / "):
            if span := re.fullmatch(r"(\d)–(\d)", key):
                keys |= {str(n) for n in range(int(span[1]), int(span[2]) + 1)}
            else:
                keys.add(key)
        rows.append((keys, cells[1]))
    return rows


def missing_from(page: str, bindings: list[Binding]) -> list[str]:
    """The bindings no row of the page gives: all of their keys, and their tooltip if any."""
    rows = key_rows(page)
    missing = []
    for binding in bindings:
        keys = {key_text(key) for key in binding.key.split(",")}
        if not any(keys <= shown and (binding.tooltip or "") in words for shown, words in rows):
            missing.append(f"{binding.key} ({binding.id or binding.action})")
    return missing


def all_subclasses(cls: type) -> list[type]:
    return [sub for direct in cls.__subclasses__() for sub in (direct, *all_subclasses(direct))]


def test_every_key_of_the_session_and_its_panels_is_on_the_page() -> None:
    panels = all_subclasses(ActivityPanel)
    assert len(panels) >= 5  # matters arising, scorecard, checklist, roles, reflection
    bindings = [
        binding
        for owner in (SessionScreen, EditableNoteList, *panels)
        for binding in own_bindings(owner)
    ]
    assert missing_from(help_markdown(), bindings) == []


def test_every_session_key_has_its_place_on_the_page() -> None:
    """A key the page does not place yet still shows, under a heading that must stay away."""
    assert "More keys in the session" not in help_markdown()


async def test_every_key_of_the_running_session_screen_is_on_the_page(
    make_facilitator_app,
) -> None:
    """The screen as it runs: every widget of ours in it, whatever it is, and the app."""
    app = make_facilitator_app()
    async with app.run_test() as pilot:
        screen = await create_and_start(pilot)
        owners: set[type] = {type(app)}
        for node in screen.walk_children(with_self=True):
            assert isinstance(node, DOMNode)
            owners |= {c for c in type(node).__mro__ if c.__module__.startswith("facilitator.")}
        bindings = [binding for owner in owners for binding in own_bindings(owner)]
        assert {SessionScreen, EditableNoteList} <= owners and len(bindings) > 40
        assert missing_from(help_markdown(), bindings) == []


def test_every_prefix_the_note_line_reads_is_on_the_page() -> None:
    rows = [line.strip("|").split(" | ") for line in help_markdown().splitlines()]
    for prefix, kind in PREFIXES.items():
        assert any(
            len(row) == 2 and f"`{prefix}:`" in " ".join(row) and row[1].startswith(f"{kind}")
            for row in rows
        ), prefix


def test_the_dates_and_the_example_on_the_page_are_read_as_written() -> None:
    today = date(2026, 11, 23)
    assert DATE_HELP in help_markdown().replace("\n", " ")
    forms = re.split(r", | or ", DATE_HELP.removeprefix("write it as "))
    assert len(forms) >= 7
    for form in forms:
        assert parse_date(form, today) is not None, form
    example = parse_note_line(ACTION_EXAMPLE, "deal", today)
    assert example is not None and example.kind == "action"
    assert example.owner and example.due is not None
    assert f"`{ACTION_EXAMPLE}`" in help_markdown()
