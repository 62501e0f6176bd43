"""Writing a session's minutes, in Markdown, HTML or Word."""

from __future__ import annotations

from pathlib import Path

from sessions.collection_pause import collection_paused
from sessions.domain.programmes import slugify
from sessions.errors import InputError
from sessions.minutes.formats import SUFFIXES, document_bytes, write_atomically
from sessions.minutes.model import Minutes, build_minutes
from sessions.minutes.public import minutes_version
from sessions.minutes.render import render_markdown
from sessions.paths import minutes_dir
from sessions.services.governance import Redact, cleared_minutes
from sessions.services.running import set_minutes_path
from sessions.store import Store


def session_minutes(store: Store, session_id: int) -> Minutes:
    """The session's minutes, read in one unit of work."""
    with store.reading() as db:
        return build_minutes(db, session_id)


def minutes_markdown(
    store: Store, session_id: int, template: Path | None = None, *, version: str = "full"
) -> str:
    with collection_paused():
        return render_markdown(
            minutes_version(session_minutes(store, session_id), version), template
        )


def minutes_bytes(minutes: Minutes, fmt: str = "md", template: Path | None = None) -> bytes:
    if template is not None and fmt == "docx":
        raise InputError(
            "A template shapes the Markdown and HTML minutes; Word minutes are written "
            "from the minutes themselves. Leave out --template, or choose md or html."
        )

    def word() -> bytes:
        from sessions.minutes.minutes_word import minutes_docx

        return minutes_docx(minutes)

    def figures() -> dict[str, str]:
        from sessions.minutes.minutes_charts import minutes_figures_html

        return minutes_figures_html(minutes)

    return document_bytes(
        fmt,
        title=minutes.title,
        markdown=lambda: render_markdown(minutes, template),
        word=word,
        figures=figures,
    )


def render_minutes(
    store: Store,
    session_id: int,
    fmt: str = "md",
    template: Path | None = None,
    *,
    redact: Redact = (),
    version: str = "full",
) -> bytes:
    """The minutes as they leave the app, in `version` ('full' for members, 'public' without
    what was taken in private): refused (IdentifiersFound) while that version holds a
    finding neither kept nor chosen in `redact`, which are redacted."""
    # Paused for the reading, the check and the writing alike: each holds the whole session.
    with collection_paused():
        return minutes_bytes(_cleared(store, session_id, redact, version), fmt, template)


def minutes_filename(minutes: Minutes, fmt: str = "md", version: str | None = None) -> str:
    """`…-session-N.md`; where something was taken in private, `…-session-N-full.md` or
    `…-session-N-public.md`, so a file never leaves without saying which it is."""
    version = version or minutes.version
    which = f"-{version}" if minutes.has_confidential else ""
    return f"{slugify(minutes.programme)}-session-{minutes.session_number}{which}{SUFFIXES[fmt]}"


def write_minutes(
    store: Store,
    session_id: int,
    output: Path | None = None,
    *,
    fmt: str = "md",
    template: Path | None = None,
    redact: Redact = (),
    version: str = "full",
) -> Path:
    """Render the minutes in `version` ('full' or 'public') and write them; the default
    place of the full Markdown is remembered on the session.

    Nothing is written while that version holds a finding neither kept nor chosen in
    `redact` (IdentifiersFound); those chosen are redacted in the file, not in the
    database."""
    with collection_paused():
        minutes = _cleared(store, session_id, redact, version)
        data = minutes_bytes(minutes, fmt, template)
    path = output if output is not None else minutes_dir() / minutes_filename(minutes, fmt)
    write_atomically(path, data)
    if output is None and fmt == "md" and version == "full":
        set_minutes_path(store, session_id, str(path))
    return path


def _cleared(store: Store, session_id: int, redact: Redact, version: str) -> Minutes:
    # The check reads the version being written: a finding only in a private item does not
    # stop the public minutes, which leave it out.
    minutes = minutes_version(session_minutes(store, session_id), version)
    return cleared_minutes(store, session_id, minutes, redact)
