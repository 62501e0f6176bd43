"""What a Word document carries for those who read it with a screen reader or Word's
accessibility checker: its language, British English, and a name for each table.

UK public bodies publish to WCAG 2.2 AA. Word otherwise takes python-docx's US English,
so a screen reader speaks the minutes with an American voice and Word's spelling check
marks "organisation" wrong; and a table with no name is announced only as "table".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

LANGUAGE = "en-GB"


def in_british_english(document: Document) -> None:
    """Say the document is in British English: in its properties, and as the language every
    style's text is written in unless one says otherwise (which Word proofs and speaks)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document.core_properties.language = LANGUAGE
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        # Late in Word's order of a run's properties; no default sets one after it.
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), LANGUAGE)
    font_language = document.settings.element.find(qn("w:themeFontLang"))
    if font_language is not None:
        font_language.set(qn("w:val"), LANGUAGE)


def name_table(table: Table, name: str) -> None:
    """The table's title, as Word's Table Properties → Alt Text gives it: what a screen
    reader says on entering the table. Written last, where Word expects it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), name)
    properties = table._tbl.tblPr
    # Only what Word writes after the caption may follow it.
    follower = properties.find(qn("w:tblDescription"))
    if follower is None:
        properties.append(caption)
    else:
        follower.addprevious(caption)
