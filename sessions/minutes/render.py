"""Rendering documents with Jinja2.

A template of the same name in the user's config folder overrides ours, and a
template file can be named outright. A broken template is reported with its
file and line: falling back to ours would hand out minutes the facilitator did
not ask for.
"""

from __future__ import annotations

import functools
import re
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.errors import TemplateProblem
from sessions.minutes import wording
from sessions.minutes.text import markdown_cell, markdown_lines, markdown_text
from sessions.paths import config_dir

if TYPE_CHECKING:
    # Jinja is loaded only when something is rendered.
    from jinja2 import Environment

    from sessions.minutes.model import Minutes

_OVERRIDE_FIX = "correct the template, or remove it to use the bundled one"
_GIVEN_FIX = "correct the template, or leave out --template to use the bundled one"


def user_templates_dir() -> Path:
    return config_dir() / "templates"


@functools.lru_cache(maxsize=8)
def _environment(own_dir: Path | None, user_dir: Path, overrides: tuple[str, ...]) -> Environment:
    # Building and compiling costs more than rendering a short session, so an environment
    # is kept between renders. Jinja reloads a template whose file has changed; `overrides`
    # (the user's template files) makes a new one when an override appears or goes.
    from jinja2 import (
        ChoiceLoader,
        Environment,
        FileSystemLoader,
        PackageLoader,
        StrictUndefined,
        select_autoescape,
    )

    folders = [str(own_dir)] if own_dir is not None else []
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader([*folders, str(user_dir)]),
                PackageLoader("sessions", "templates"),
            ]
        ),
        # Markdown is not HTML: there escaping happens in the `md` filter, by
        # Markdown's rules. The HTML page escapes as HTML.
        autoescape=select_autoescape(["html.j2"], default_for_string=False, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=markdown_text,
        # A note may hold several lines: these keep them, in a list item and a table cell.
        md_lines=markdown_lines,
        md_cell=markdown_cell,
        duration=wording.spoken_duration,
        clock=wording.clock_time,
        long_date=wording.long_date,
        iso=wording.iso_date,
        short_date=wording.short_date,
        people=wording.people_line,
        score_mean=wording.score_mean,
        score_range=wording.score_range,
        score_change=wording.score_change,
        private_answers=wording.private_answers,
    )
    return env


def render_template(name: str, template_file: Path | None = None, **context: object) -> str:
    """Render the bundled template `name`, the user's override of it, or `template_file`."""
    import jinja2

    own_dir, fix = None, _OVERRIDE_FIX
    if template_file is not None:
        template_file = Path(template_file)
        if not template_file.is_file():
            raise TemplateProblem(f"{template_file}: there is no such template file.")
        own_dir, name, fix = template_file.resolve().parent, template_file.name, _GIVEN_FIX
    user_dir = user_templates_dir()
    overrides = tuple(sorted(path.name for path in user_dir.iterdir())) if user_dir.is_dir() else ()
    env = _environment(own_dir, user_dir, overrides)
    try:
        template = env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(
            f"{exc.filename or name}:{exc.lineno}: {exc.message} — {fix}."
        ) from None
    except UnicodeDecodeError:
        raise TemplateProblem(
            f"{name}: the template is not UTF-8 text — save it as UTF-8."
        ) from None
    try:
        return template.render(**context)
    except Exception as exc:
        # Jinja maps a failing template's frames to its own lines.
        frames = [
            frame
            for frame in traceback.extract_tb(exc.__traceback__)
            if frame.filename == template.filename or frame.filename.endswith(".j2")
        ]
        if not frames:
            raise
        where = frames[-1]
        raise TemplateProblem(
            f"{where.filename}:{where.lineno}: {_problem(exc)} — {fix}."
        ) from None


def _problem(exc: Exception) -> str:
    import jinja2

    if isinstance(exc, jinja2.UndefinedError):
        # "'sessions.minutes.model.Minutes object' has no attribute 'x'" names our code;
        # the template's author knows the object as `m`.
        return "unknown name: " + re.sub(r"'[\w.]*?(\w+) object'", r"'\1'", exc.message or "")
    if isinstance(exc, jinja2.TemplateError):
        return exc.message or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"


def render_markdown(minutes: Minutes, template_file: Path | None = None) -> str:
    return render_template("minutes.md.j2", template_file, m=minutes)
