"""A Word document built a part at a time, as minutes and reports need it.

python-docx does the writing; this keeps the few choices every document shares
in one place: real heading styles, ruled tables whose header row repeats on each
printed page, and text Word can always hold.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sessions.minutes.text import plain_lines, plain_text

if TYPE_CHECKING:
    # Loaded only when a Word file is written: python-docx is slow to import.
    from docx.text.paragraph import Paragraph


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
        body = self.document.element.body
        self._end = body.sectPr
        self._style_ids: dict[str, str] = {}

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
        paragraph.paragraph_format.page_break_before = new_page

    def paragraph(self, text: str = "", *, italic: bool = False) -> None:
        paragraph = self._add()
        if text:
            paragraph.add_run(plain_lines(text)).italic = italic

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

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        header = table.rows[0]
        # Repeat the header row at the top of every printed page the table runs onto.
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(repeat)
        for cell, text in zip(header.cells, headers, strict=False):
            cell.paragraphs[0].add_run(text).bold = True
        for row in rows:
            for cell, value in zip(table.add_row().cells, row, strict=False):
                cell.paragraphs[0].add_run(plain_lines(value))
        self._add()

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()
