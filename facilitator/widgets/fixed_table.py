"""A DataTable whose columns all have their widths given and whose rows are a line each."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, DuplicateKey, Row, RowKey


class FixedTable(DataTable):
    """Skips Textual's measuring of every new cell, which only sizes the columns sized
    to their content: with every width given it is thrown away, and for a programme of
    200 sessions it was the table's largest cost before its first frame.

    Anything the skip does not cover (a column sized to its content, a row label, a
    row of its own height) is left to Textual, as is everything else, bar keeping the
    highlighted row in sight when the table's height changes.
    """

    def on_resize(self) -> None:
        # Textual's table keeps its scroll through a change of height, not its highlight:
        # grown by a wider terminal, or shrunk by the charts placed above it, the table
        # could leave the highlighted session out of sight.
        if self.row_count:
            self.call_after_refresh(self.move_cursor, row=self.cursor_row, animate=False)

    def add_keyed_rows(self, rows: Iterable[tuple[str, Sequence[CellType]]]) -> list[RowKey]:
        """`add_row(*cells, key=key)` for each (key, cells), a line each, with no label.

        The same rows, cursor and messages as the calls one by one, which each order the
        columns, set the cursor again and prompt the message loop: for 200 sessions,
        several times the cost of the rows themselves.
        """
        columns = self.ordered_columns
        was_empty = self.row_count == 0
        added: list[RowKey] = []
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            self._row_locations[row_key] = self.row_count
            self._data[row_key] = {column.key: cell for column, cell in zip_longest(columns, cells)}
            self.rows[row_key] = Row(row_key, 1, None, False)
            self._new_rows.add(row_key)
            added.append(row_key)
        if not added:
            return added
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        # As `add_row` does for the row that gives the cursor somewhere to be.
        if was_empty and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += len(added)
        self.check_idle()
        return added

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        rows = [self.rows.get(key) for key in new_rows]
        if any(column.auto_width for column in self.columns.values()) or any(
            row is not None and (row.label is not None or row.auto_height) for row in rows
        ):
            super()._update_dimensions(new_rows)
            return
        # Textual's own sum, as at the end of its measuring.
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )
