"""Programmes: their names and slugs, finding one by either, and the rules a name keeps."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sessions.errors import InputError, NotFoundError
from sessions.models import Programme, Session
from sessions.views import ProgrammeView

MAX_NAME = 200


def slugify(name: str) -> str:
    """A name as it can be typed in a REF: lower case, words joined by hyphens.

    Letters of any script are kept, so a Welsh or Japanese name keeps a slug.
    """
    slug = re.sub(r"[^\w]+", "-", name.casefold(), flags=re.UNICODE).strip("-_")
    return slug or "programme"


def free_slug(name: str, taken: set[str]) -> str:
    """The name's slug, or with -2, -3… until it is one no other programme has."""
    base = slug = slugify(name)
    counter = 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def clean_name(value: str, what: str, required: bool) -> str:
    """The name with its spaces tidied, refused when empty (if `required`) or too long."""
    value = " ".join(value.split())
    if required and not value:
        raise InputError(f"The {what} cannot be empty.")
    if len(value) > MAX_NAME:
        raise InputError(f"The {what} is too long: keep it under {MAX_NAME} characters.")
    return value


def programme_view(programme: Programme, session_count: int = 0) -> ProgrammeView:
    return ProgrammeView(
        id=programme.id,
        name=programme.name,
        slug=programme.slug,
        pcn_name=programme.pcn_name,
        session_count=session_count,
    )


def refuse_taken_name(db: DbSession, name: str, other_than: int | None = None) -> None:
    """Names are unique ignoring case, archived programmes included: a name stays findable."""
    query = select(Programme.name)
    if other_than is not None:
        query = query.where(Programme.id != other_than)
    if name.casefold() in {n.casefold() for n in db.scalars(query)}:
        raise InputError(f"A programme called {name!r} already exists: choose another name.")


def programme_named(db: DbSession, name_or_slug: str) -> Programme:
    """The programme with that name (in any case) or slug."""
    wanted = name_or_slug.strip()
    for programme in db.scalars(select(Programme)):
        if wanted.casefold() in (programme.name.casefold(), programme.slug):
            return programme
    raise NotFoundError(f"No programme is called {wanted!r}.")


def programme_row(db: DbSession, programme_id: int) -> Programme:
    programme = db.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError("That programme no longer exists.")
    return programme


def add_programme(db: DbSession, name: str, pcn_name: str) -> Programme:
    """A new programme under a cleaned name no other programme has, with a free slug."""
    refuse_taken_name(db, name)
    slug = free_slug(name, set(db.scalars(select(Programme.slug))))
    programme = Programme(name=name, slug=slug, pcn_name=pcn_name)
    db.add(programme)
    db.flush()
    return programme


def current_programmes(db: DbSession) -> list[ProgrammeView]:
    """Programmes not archived, newest first, each with how many sessions it has."""
    # count(*), not of the ids: the programme_id index alone answers it, without a visit
    # to the sessions' rows, which on a national database are thousands of pages.
    counts = (
        select(Session.programme_id, func.count().label("n"))
        .group_by(Session.programme_id)
        .subquery()
    )
    # Plain rows, not the ORM's objects: a national database lists a thousand programmes,
    # and the list needs only their names.
    rows = db.connection().execute(
        select(
            Programme.id,
            Programme.name,
            Programme.slug,
            Programme.pcn_name,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.programme_id == Programme.id)
        .where(Programme.archived_at.is_(None))
        .order_by(Programme.created_at.desc(), Programme.id.desc())
    )
    return [ProgrammeView(*row) for row in rows]
