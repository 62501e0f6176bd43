"""Creating and finding programmes."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sessions.errors import InputError, NotFoundError
from sessions.models import Programme, Session
from sessions.store import Store
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


def _clean(value: str, what: str, required: bool) -> str:
    value = " ".join(value.split())
    if required and not value:
        raise InputError(f"The {what} cannot be empty.")
    if len(value) > MAX_NAME:
        raise InputError(f"The {what} is too long: keep it under {MAX_NAME} characters.")
    return value


def _view(programme: Programme, session_count: int = 0) -> ProgrammeView:
    return ProgrammeView(
        id=programme.id,
        name=programme.name,
        slug=programme.slug,
        pcn_name=programme.pcn_name,
        session_count=session_count,
    )


def _refuse_taken_name(db: DbSession, name: str, other_than: int | None = None) -> None:
    """Names are unique ignoring case, archived programmes included: a name stays findable."""
    query = select(Programme.name)
    if other_than is not None:
        query = query.where(Programme.id != other_than)
    if name.casefold() in {n.casefold() for n in db.scalars(query)}:
        raise InputError(f"A programme called {name!r} already exists: choose another name.")


def create_programme(store: Store, name: str, pcn_name: str = "") -> ProgrammeView:
    name = _clean(name, "programme name", required=True)
    pcn_name = _clean(pcn_name, "PCN name", required=False)
    with store.transaction("create the programme") as db:
        _refuse_taken_name(db, name)
        slug = free_slug(name, set(db.scalars(select(Programme.slug))))
        programme = Programme(name=name, slug=slug, pcn_name=pcn_name)
        db.add(programme)
        db.flush()
        return _view(programme)


def list_programmes(store: Store) -> list[ProgrammeView]:
    """Programmes not archived, newest first, with how many sessions each has."""
    with store.reading() as db:
        counts = (
            select(Session.programme_id, func.count(Session.id).label("n"))
            .group_by(Session.programme_id)
            .subquery()
        )
        rows = db.execute(
            select(Programme, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.programme_id == Programme.id)
            .where(Programme.archived_at.is_(None))
            .order_by(Programme.created_at.desc(), Programme.id.desc())
        ).all()
        return [_view(programme, count) for programme, count in rows]


def find_programme(store: Store, name_or_slug: str) -> ProgrammeView:
    wanted = name_or_slug.strip()
    with store.reading() as db:
        for programme in db.scalars(select(Programme)):
            if wanted.casefold() in (programme.name.casefold(), programme.slug):
                return _view(programme)
    raise NotFoundError(f"No programme is called {wanted!r}.")


def get_programme(store: Store, programme_id: int) -> ProgrammeView:
    with store.reading() as db:
        programme = db.get(Programme, programme_id)
        if programme is None:
            raise NotFoundError("That programme no longer exists.")
        return _view(programme)


def rename_programme(store: Store, programme_id: int, new_name: str) -> ProgrammeView:
    """A new name, checked as a new programme's is; the slug stays as it was.

    Keeping the slug means a `PROGRAMME/N` reference already written down (in a
    script, a note, a colleague's mirror command) still finds the programme; the
    new name finds it too.
    """
    new_name = _clean(new_name, "programme name", required=True)
    with store.transaction("rename the programme") as db:
        programme = _programme_row(db, programme_id)
        _refuse_taken_name(db, new_name, other_than=programme_id)
        programme.name = new_name
        db.flush()
        return _view(programme)


def archive_programme(store: Store, programme_id: int, now: datetime) -> None:
    """Off the home screen's lists; its sessions, notes and actions are all kept."""
    with store.transaction("archive the programme") as db:
        programme = _programme_row(db, programme_id)
        if programme.archived_at is None:
            programme.archived_at = now


def unarchive_programme(store: Store, programme_id: int) -> None:
    """Back on the lists, exactly as it was archived."""
    with store.transaction("bring the programme back") as db:
        _programme_row(db, programme_id).archived_at = None


def _programme_row(db: DbSession, programme_id: int) -> Programme:
    programme = db.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError("That programme no longer exists.")
    return programme
