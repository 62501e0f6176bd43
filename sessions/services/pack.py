"""Writing the papers for a planned session, in Markdown, HTML or Word."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sessions.domain.programmes import slugify
from sessions.errors import InputError
from sessions.minutes.formats import SUFFIXES, document_bytes, write_atomically
from sessions.minutes.render import render_markdown, render_template
from sessions.pack.model import Pack, build_pack
from sessions.paths import minutes_dir
from sessions.services.governance import Redact, cleared_pack, pack_findings
from sessions.services.identifiers import DocumentFinding
from sessions.store import Store

TEMPLATE = "pack.md.j2"
FORMATS = tuple(SUFFIXES)
"""Every format, in the order they are written when all are asked for."""
# A heading's hashes at the start of a line: a note's own `#` is always escaped.
_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)
_TITLE = re.compile(r"\A\s*# [^\n]*\n+")
MINUTES_BELOW = 1
"""How many levels the last meeting's minutes' headings go down, to sit under the papers'
own heading for them, which stands in place of their title."""


def session_pack(
    store: Store, session_id: int, version: str = "full", today: date | None = None
) -> Pack:
    """The papers for the session, in `version` 'full' (for members) or 'public' (without
    what is to be taken in private); refused for a session already under way or held."""
    if version not in ("full", "public"):
        raise ValueError(f"papers come full or public, not {version!r}")
    with store.reading() as db:
        return build_pack(db, session_id, today or date.today(), public=version == "public")


def papers_findings(
    store: Store, session_id: int, version: str = "full", today: date | None = None
) -> list[DocumentFinding]:
    """The findings in the session's papers not yet kept: what stops them being written."""
    return pack_findings(store, session_pack(store, session_id, version, today))


def papers_markdown(
    store: Store, session_id: int, version: str = "full", today: date | None = None
) -> str:
    """The papers as Markdown, as they stand, for a preview in the app."""
    return pack_markdown(session_pack(store, session_id, version, today))


def pack_markdown(pack: Pack) -> str:
    previous = pack.previous.minutes if pack.previous is not None else None
    embedded = demoted(_untitled(render_markdown(previous))).rstrip() + "\n" if previous else ""
    return render_template(TEMPLATE, p=pack, previous_minutes=embedded)


def demoted(markdown: str, levels: int = MINUTES_BELOW) -> str:
    """The Markdown with every heading `levels` further down."""
    return _HEADING.sub(lambda heading: "#" * levels + heading.group(0), markdown)


def _untitled(markdown: str) -> str:
    """The minutes without their title: the papers' heading for them says which they are."""
    return _TITLE.sub("", markdown, count=1)


def pack_bytes(pack: Pack, fmt: str = "md") -> bytes:
    def word() -> bytes:
        from sessions.pack.pack_word import pack_docx

        return pack_docx(pack)

    return document_bytes(fmt, title=pack.title, markdown=lambda: pack_markdown(pack), word=word)


def render_pack(
    store: Store,
    session_id: int,
    fmt: str = "md",
    *,
    redact: Redact = (),
    version: str = "full",
    today: date | None = None,
) -> bytes:
    """The papers as they leave the app: refused (IdentifiersFound) while they hold a
    finding neither kept nor chosen in `redact`, which are redacted."""
    pack = cleared_pack(store, session_pack(store, session_id, version, today), redact)
    return pack_bytes(pack, fmt)


def pack_filename(pack: Pack, fmt: str = "md") -> str:
    """`…-session-N-papers.md`; where something is to be taken in private,
    `…-papers-full.md` or `…-papers-public.md`, as the minutes are named."""
    which = f"-{pack.version}" if pack.has_confidential else ""
    return f"{slugify(pack.programme)}-session-{pack.session_number}-papers{which}{SUFFIXES[fmt]}"


def write_pack(
    store: Store,
    session_id: int,
    output: Path | None = None,
    *,
    formats: tuple[str, ...] = ("md",),
    redact: Redact = (),
    version: str = "full",
    today: date | None = None,
) -> list[Path]:
    """Write the papers in each of `formats`: by default beside the minutes, named for the
    session; `output` is the file for one format, or the folder for several. Nothing is
    written while they hold a finding neither kept nor chosen in `redact`."""
    for fmt in formats:
        if fmt not in SUFFIXES:
            raise InputError(f"There is no {fmt!r} format: use md, html or docx.")
    pack = cleared_pack(store, session_pack(store, session_id, version, today), redact)
    # Every file's bytes before the first is written, so a failure leaves none behind.
    written = [(fmt, pack_bytes(pack, fmt)) for fmt in formats]
    one_file = output is not None and len(formats) == 1
    folder = output if output is not None and not one_file else minutes_dir()
    paths = []
    for fmt, data in written:
        path = output if one_file and output is not None else folder / pack_filename(pack, fmt)
        write_atomically(path, data)
        paths.append(path)
    return paths
