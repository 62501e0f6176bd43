"""A DataTable whose columns all have their widths given and whose rows are a line each."""

from __future__ import annotations

from collections.abc import Iterable

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class FixedTable(DataTable):
    """Skips Textual's measuring of every new cell, which only sizes the columns sized
    to their content: with every width given it is thrown away, and for a programme of
    200 sessions it was the table's largest cost before its first frame.

    Anything the skip does not cover (a column sized to its content, a row label, a
    row of its own height) is left to Textual, as is everything else.
    """

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
