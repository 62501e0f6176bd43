"""A table of given widths is laid out as Textual's own, without measuring its cells."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from facilitator.widgets.fixed_table import FixedTable

WIDTHS = (("No.", 4), ("State", 10), ("Agenda", 30))


def cells(number: int) -> tuple[Text, ...]:
    # Wider than their columns: a measured table would note it, a fixed one need not.
    return (Text(str(number)), Text("finished" * 3), Text("An agenda " * 6))


class Tables(App[None]):
    def __init__(self, rows: int, widths: tuple[tuple[str, int | None], ...]) -> None:
        super().__init__()
        self.rows, self.widths = rows, widths

    def compose(self) -> ComposeResult:
        yield DataTable(id="textual")
        yield FixedTable(id="fixed")

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            for label, width in self.widths:
                table.add_column(label, width=width)
            for number in range(self.rows):
                table.add_row(*cells(number), key=str(number))


async def lay_out(rows: int, widths: tuple[tuple[str, int | None], ...]) -> tuple:
    app = Tables(rows, widths)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        textual = app.query_one("#textual", DataTable)
        fixed = app.query_one("#fixed", FixedTable)
        return (
            textual.virtual_size,
            fixed.virtual_size,
            [c.content_width for c in textual.columns.values()],
            [c.content_width for c in fixed.columns.values()],
        )


async def test_given_widths_give_the_same_size_without_measuring() -> None:
    textual, fixed, measured, unmeasured = await lay_out(50, WIDTHS)
    assert fixed == textual
    assert fixed.height == 51  # the heading and fifty rows
    assert measured[1] == len("finished" * 3)
    # Only the headings were measured, as each column was added.
    assert unmeasured == [len(label) for label, _ in WIDTHS]


async def test_a_column_sized_to_its_content_is_measured_as_textual_does() -> None:
    widths = (*WIDTHS[:2], ("Agenda", None))
    textual, fixed, measured, unmeasured = await lay_out(5, widths)
    assert fixed == textual
    assert unmeasured == measured
