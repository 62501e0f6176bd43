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


class Filled(App[None]):
    """A table filled row by row beside one filled in one call, each telling which row
    its cursor highlights."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.count = rows
        self.highlighted: dict[str, list[str | None]] = {"by_row": [], "batch": []}

    def compose(self) -> ComposeResult:
        yield FixedTable(id="by_row", cursor_type="row")
        yield FixedTable(id="batch", cursor_type="row")

    def on_mount(self) -> None:
        for table in self.query(FixedTable):
            for label, width in WIDTHS:
                table.add_column(label, width=width)
        by_row = self.query_one("#by_row", FixedTable)
        for number in range(self.count):
            by_row.add_row(*cells(number), key=str(number))
        batch = self.query_one("#batch", FixedTable)
        batch.add_keyed_rows((str(number), cells(number)) for number in range(self.count))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        assert event.data_table.id is not None
        self.highlighted[event.data_table.id].append(event.row_key.value)


async def test_rows_added_in_one_call_are_those_added_one_by_one() -> None:
    app = Filled(40)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        by_row = app.query_one("#by_row", FixedTable)
        batch = app.query_one("#batch", FixedTable)
        assert batch.row_count == by_row.row_count == 40
        assert [key.value for key in batch.rows] == [key.value for key in by_row.rows]
        assert [batch.get_row_at(i) for i in range(40)] == [by_row.get_row_at(i) for i in range(40)]
        assert batch.get_row("17") == by_row.get_row("17")
        assert batch.virtual_size == by_row.virtual_size
        assert batch.cursor_coordinate == by_row.cursor_coordinate
        assert app.highlighted["batch"] == app.highlighted["by_row"] == ["0"]
        batch.move_cursor(row=39, animate=False)
        by_row.move_cursor(row=39, animate=False)
        await pilot.pause()
        assert batch.scroll_y == by_row.scroll_y > 0
        assert app.highlighted["batch"] == app.highlighted["by_row"] == ["0", "39"]


async def test_a_key_already_in_the_table_is_refused_as_add_row_refuses_it() -> None:
    app = Filled(3)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        batch = app.query_one("#batch", FixedTable)
        try:
            batch.add_keyed_rows([("2", cells(2))])
        except Exception as error:
            refused = type(error).__name__
        else:
            refused = None
        assert refused == "DuplicateKey"
