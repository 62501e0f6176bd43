"""A Word document built a part at a time, as minutes and reports need it.

python-docx does the writing; this keeps the few choices every document shares
in one place: an A4 page, real heading styles, ruled tables sized to what they hold
whose header row repeats on each printed page, and text Word can always hold.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sessions.minutes.text import plain_lines, plain_text
from sessions.minutes.word_accessible import in_british_english, name_table
from sessions.minutes.word_layout import table_layout

if TYPE_CHECKING:
    # Loaded only when a Word file is written: python-docx is slow to import.
    from docx.table import Table
    from docx.text.paragraph import Paragraph

# A4 with 2 cm margins, as UK board papers are printed.
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = 2.0
POINTS_PER_CM = 72 / 2.54
TEXT_WIDTH = (PAGE_WIDTH_CM - 2 * MARGIN_CM) * POINTS_PER_CM
TEXT_HEIGHT = (PAGE_HEIGHT_CM - 2 * MARGIN_CM) * POINTS_PER_CM
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip file can give a part; each part of a Word file gets it."""
KEEP_TOGETHER_UP_TO = 0.85 * TEXT_HEIGHT
"""A table this tall or less is kept on one page (where a heading and its line fit too)."""
UNSPLIT_ROW_UP_TO = 0.3 * TEXT_HEIGHT
"""A row this tall or less is never split across pages; a longer one must be."""


class WordDocument:
    def __init__(
        self,
        *,
        title: str,
        subject: str,
        author: str,
        created: datetime | None,
        category: str = "Minutes",
        keywords: str = "PCN; partnership; minutes",
    ):
        from docx import Document

        self.document = Document()
        in_british_english(self.document)
        properties = self.document.core_properties
        properties.title = plain_text(title)
        properties.subject = plain_text(subject)
        # python-docx would otherwise sign every document as itself.
        properties.author = plain_text(author)
        properties.last_modified_by = plain_text(author)
        properties.category = category
        properties.comments = "Written by facilitator."
        properties.keywords = keywords
        properties.revision = 1
        if created is not None:
            properties.created = created
            properties.modified = created
        from docx.shared import Cm

        page = self.document.sections[0]
        page.page_width, page.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
        page.left_margin = page.right_margin = Cm(MARGIN_CM)
        page.top_margin = page.bottom_margin = Cm(MARGIN_CM)
        body = self.document.element.body
        self._end = body.sectPr
        self._style_ids: dict[str, str] = {}
        self._heading: str | None = None
        """The latest heading's text: it names the tables beneath it."""

    def _add(self, style: str | None = None) -> Paragraph:
        """A new paragraph at the end of the body.

        python-docx's own add_paragraph looks the style up among every style and
        finds the body's end by scanning all it holds, for each paragraph: a
        10,000-note session took quadratic time. Here both are found once.
        """
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        element = OxmlElement("w:p")
        self._end.addprevious(element)
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.document.styles[style].style_id
            element.style = self._style_ids[style]
        return Paragraph(element, self.document._body)

    def heading(self, text: str, level: int, *, new_page: bool = False) -> None:
        paragraph = self._add("Title" if level == 0 else f"Heading {level}")
        paragraph.add_run(plain_text(text))
        self._heading = plain_text(text)
        paragraph.paragraph_format.page_break_before = new_page

    def paragraph(self, text: str = "", *, italic: bool = False) -> None:
        paragraph = self._add()
        if text:
            paragraph.add_run(plain_lines(text)).italic = italic

    def picture(self, image: bytes, *, description: str, width_cm: float = 16.0) -> None:
        """A picture across the page, with `description` as its alternative text for a
        screen reader and, beneath it, as its caption for everyone."""
        from docx.shared import Cm

        shape = self._add().add_run().add_picture(io.BytesIO(image), width=Cm(width_cm))
        shape._inline.docPr.set("descr", plain_text(description))
        self.paragraph(description, italic=True)

    def fields(self, pairs: Iterable[tuple[str, str]]) -> None:
        """'Label: value' lines in one paragraph, the labels in bold."""
        paragraph = self._add()
        for index, (label, value) in enumerate(pairs):
            if index:
                paragraph.add_run().add_break()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(plain_text(value))

    def label(self, text: str) -> None:
        self._add().add_run(plain_text(text)).bold = True

    def bullet(self, text: str, *, aside: str = "") -> None:
        paragraph = self._add("List Bullet")
        # A note pasted from several lines keeps them, in its bullet as in its table cell.
        paragraph.add_run(plain_lines(text))
        if aside:
            paragraph.add_run(f" ({plain_text(aside)})").italic = True

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[object]],
        *,
        nowrap: Collection[int] = (),
    ) -> None:
        """A ruled table, its columns sized to what they hold and together the page's width.

        No word, date or short cell is broken across lines where the page allows; the
        columns of long text take what is left. `nowrap` names columns (by index) whose
        cells are each kept on one line however long. Rows are not split across pages;
        a table that fits on a page is kept on one, and its header row repeats on each
        page a longer one runs onto.
        """
        from docx.shared import Pt

        texts = [[plain_lines(value) for value in row] for row in rows]
        widths, heights = table_layout(headers, texts, TEXT_WIDTH, nowrap)
        keep_together = sum(heights) <= KEEP_TOGETHER_UP_TO
        if keep_together:
            # The line above (the item's timing, a heading) goes with the table.
            previous = self._end.getprevious()
            if previous is not None and previous.tag.endswith("}p"):
                from docx.text.paragraph import Paragraph

                Paragraph(previous, self.document._body).paragraph_format.keep_with_next = True

        table = self.document.add_table(rows=1 + len(texts), cols=len(headers))
        table.style = "Table Grid"
        _fix_widths(table, [Pt(width) for width in widths])
        last = len(texts)
        for index, (row, values) in enumerate(
            zip(table.rows, [list(headers), *texts], strict=False)
        ):
            tr = row._tr
            # In the order the file format sets a row's properties, as Word expects them.
            if heights[index] <= UNSPLIT_ROW_UP_TO:
                _row_flag(tr, "w:cantSplit")
            if index == 0:
                # Marked as the header row, for a screen reader; and repeated at the top of
                # every printed page the table runs onto.
                _row_flag(tr, "w:tblHeader")
            for cell, text in zip(row.cells, values, strict=False):
                paragraph = cell.paragraphs[0]
                run = paragraph.add_run(text)
                if index == 0:
                    run.bold = True
                layout = paragraph.paragraph_format
                # The body's space after each paragraph would make every row half again
                # as tall as its text.
                layout.space_after = Pt(0)
                layout.line_spacing = 1.0
                if keep_together and index < last:
                    layout.keep_with_next = True
        if self._heading is not None:
            name_table(table, self._heading)
        self._add()

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return _without_write_times(buffer.getvalue())


def _without_write_times(package: bytes) -> bytes:
    """The package with every part dated alike: the zip format stamps each part with the
    moment it was written, so the same minutes written twice would differ byte for byte."""
    import zipfile

    written = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for part in source.infolist():
            stamped = zipfile.ZipInfo(part.filename, date_time=ZIP_EPOCH)
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.external_attr = part.external_attr
            target.writestr(stamped, source.read(part))
    return written.getvalue()


def _row_flag(tr: object, tag: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(flag)  # type: ignore[attr-defined]


def _fix_widths(table: Table, widths: Sequence[object]) -> None:
    """Set each column's width in the grid and in every cell, with autofit off, so Word
    and LibreOffice both draw the widths given rather than their own."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table.autofit = False
    total = sum(int(width) for width in widths)  # type: ignore[call-overload]
    properties = table._tbl.tblPr
    table_width = properties.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        properties.append(table_width)
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(total // 635))  # EMU to twentieths of a point
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width
