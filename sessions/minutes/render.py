"""Rendering minutes with Jinja2; a template in the user's config folder overrides ours."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sessions.agenda.durations import format_duration
from sessions.minutes.model import Minutes
from sessions.minutes.text import markdown_text
from sessions.paths import config_dir


def spoken_duration(seconds: float) -> str:
    """A time as minutes read it: whole minutes, '<1 min' for a moment, '0 min' for none."""
    if seconds <= 0:
        return "0 min"
    if seconds < 60:
        return "<1 min"
    return format_duration(int(round(seconds / 60)) * 60)


def clock_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%H:%M") if value else "—"


def long_date(value: date | None) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}" if value else "—"


def _environment():
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

    env = Environment(
        loader=ChoiceLoader(
            [FileSystemLoader(str(config_dir() / "templates")), PackageLoader("sessions", "templates")]
        ),
        # Markdown is not HTML: escaping happens in the `md` filter, by Markdown's rules.
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=markdown_text,
        duration=spoken_duration,
        clock=clock_time,
        long_date=long_date,
    )
    return env


def render_markdown(minutes: Minutes, template: str = "minutes.md.j2") -> str:
    return _environment().get_template(template).render(m=minutes)


def minutes_filename(minutes: Minutes, suffix: str = ".md") -> str:
    from sessions.services.programmes import slugify

    return f"{slugify(minutes.programme)}-session-{minutes.session_number}{suffix}"


def write_text_atomically(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a failed write never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
