"""Agenda files as they arrive on disk: found, read, decoded, and only then parsed.

A file that is missing, a folder, binary, UTF-16 or not UTF-8 gets one problem that
says so, pointing at the line of the first bad byte, before any Markdown is read.
"""

from __future__ import annotations

import re
from pathlib import Path

from sessions.agenda.model import Agenda, AgendaError, AgendaProblem
from sessions.agenda.parser import EXAMPLE_ITEM, parse_agenda

_LINE_END = re.compile(rb"\r\n|\r|\n")
_BOM = b"\xef\xbb\xbf"


def _line_of(data: bytes, offset: int) -> int:
    # Line ends as the parser and editors count them: \r\n, \n, and a lone \r.
    return len(_LINE_END.findall(data, 0, offset)) + 1


def parse_agenda_bytes(data: bytes, path: str, source: str | None = None) -> Agenda:
    """As parse_agenda, from a file's bytes; a file that is not UTF-8 text gets one problem."""

    def refuse(line: int, what: str, fix: str) -> AgendaError:
        return AgendaError([AgendaProblem(path, line, what, fix)])

    save_as = "save it as UTF-8 text (in most editors: Save As, then Encoding: UTF-8)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse(1, "the file is saved as UTF-16, not UTF-8", save_as)
    if b"\x00" in data:
        raise refuse(
            _line_of(data, data.index(b"\x00")),
            "this is a binary file, not Markdown text",
            "give the path to a `.md` agenda file",
        )
    if data.startswith(_BOM):
        data = data[len(_BOM) :]  # offsets below are then into the text the editor shows
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise refuse(
            _line_of(data, error.start),
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read)",
            save_as,
        ) from None
    if not text.strip():
        raise refuse(
            1,
            "the file is empty",
            "start it with a `# Title` line, then `## Section` headings with items like "
            + EXAMPLE_ITEM,
        )
    return parse_agenda(text, path, source)


def load_agenda(path: str | Path, source: str | None = None) -> Agenda:
    """The agenda in the file at `path`; AgendaError if it is missing, unreadable or malformed."""
    name = str(path)
    file = Path(path)

    def refuse(what: str, fix: str) -> AgendaError:
        return AgendaError([AgendaProblem(name, 0, what, fix)])

    if file.is_dir():
        raise refuse("this is a folder, not an agenda file", "give the path of a `.md` file in it")
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise refuse(
            "there is no such file",
            "check the path, or run `facilitator agenda list` to see the agendas by name",
        ) from None
    except OSError as error:
        raise refuse(
            f"the file cannot be read ({error.strerror or error})",
            "check that it exists and that you may read it",
        ) from None
    return parse_agenda_bytes(data, name, source)
