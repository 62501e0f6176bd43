"""The room's pages, drawn from Jinja templates that escape everything they are given."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from aiohttp import web
from jinja2 import Environment, PackageLoader, StrictUndefined

STYLESHEET = "/room.css"


@functools.cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("facilitator.room", "templates"),
        # Every template is HTML and every value may come from a phone: all escaped.
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(template: str, status: int = 200, **context: Any) -> web.Response:
    shown = {"stylesheet": STYLESHEET, "error": "", "message": "", **context}
    html = _environment().get_template(template).render(shown)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def see_other(location: str) -> web.Response:
    """Onward to another page, as a browser follows after a form: POST, redirect, GET."""
    return web.Response(status=303, headers={"Location": location})


@functools.cache
def _stylesheet() -> str:
    return resources.files("facilitator.room").joinpath("static/room.css").read_text("utf-8")


async def stylesheet(request: web.Request) -> web.Response:
    return web.Response(text=_stylesheet(), content_type="text/css", charset="utf-8")
