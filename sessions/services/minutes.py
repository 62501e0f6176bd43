"""Writing a session's minutes to a file."""

from __future__ import annotations

from pathlib import Path

from sessions.errors import StoreError
from sessions.minutes.model import build_minutes
from sessions.minutes.render import (
    minutes_filename,
    render_markdown,
    write_text_atomically,
)
from sessions.paths import minutes_dir
from sessions.services.running import set_minutes_path
from sessions.store import Store


def minutes_markdown(store: Store, session_id: int) -> str:
    return render_markdown(build_minutes(store, session_id))


def write_minutes(store: Store, session_id: int, output: Path | None = None) -> Path:
    """Render the Markdown minutes and write them; the default place is remembered on the session."""
    minutes = build_minutes(store, session_id)
    text = render_markdown(minutes)
    path = output if output is not None else minutes_dir() / minutes_filename(minutes)
    try:
        write_text_atomically(path, text)
    except OSError as exc:
        raise StoreError(f"Could not write the minutes to {path}: {exc.strerror or exc}.") from None
    if output is None:
        set_minutes_path(store, session_id, str(path))
    return path
