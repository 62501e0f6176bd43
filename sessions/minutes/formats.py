"""The three formats a document is written in, and writing one to a file.

Markdown is canonical; HTML is that Markdown on a printable page; Word is
written from the same model by python-docx.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from sessions.errors import InputError, StoreError
from sessions.private_files import write_private

SUFFIXES = {"md": ".md", "html": ".html", "docx": ".docx"}
FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "docx": "Word"}


def document_bytes(
    fmt: str,
    *,
    title: str,
    markdown: Callable[[], str],
    word: Callable[[], bytes],
    figures: Callable[[], Mapping[str, str]] | None = None,
) -> bytes:
    """The document in `fmt`; in HTML, with `figures`' pictures (heading: HTML) below
    their headings."""
    if fmt == "md":
        return markdown().encode("utf-8")
    if fmt == "html":
        from sessions.minutes.html import html_page

        return html_page(title, markdown(), figures=figures() if figures else None).encode("utf-8")
    if fmt == "docx":
        return word()
    raise InputError(f"There is no {fmt!r} format: use md, html or docx.")


def write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a failed write never leaves half a file;
    readable by the facilitator alone, as the database is."""
    try:
        write_private(path, data)
    except OSError as exc:
        raise StoreError(f"Could not write {path}: {exc.strerror or exc}.") from None
