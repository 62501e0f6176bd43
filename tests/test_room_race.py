"""Two answers from one person at the same moment: one answer stands, every time.

A phone tapped twice, or one person on two phones, sends two answers together; each is
sent from a thread of its own, through the front door, with its own connection, as the
web layer's requests will be.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from sqlalchemy import func, select

from sessions.models import ActivityResult
from sessions.services import participants, people, phone_answers
from sessions.services.participants import RoomRefused
from sessions.services.programmes import create_programme
from tests.test_room import session_on_card

ROUNDS = 12


def together(*calls: Callable[[], object]) -> list[object]:
    """Each call's result or the error it raised, all started at one moment."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], object]) -> object:
        barrier.wait()
        try:
            return call()
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def live_ratings(store, member_id: int | None) -> int:
    whose = (
        ActivityResult.member_id.is_(None)
        if member_id is None
        else ActivityResult.member_id == member_id
    )
    with store.reading() as db:
        return db.scalar(
            select(func.count())
            .select_from(ActivityResult)
            .where(whose, ActivityResult.deleted_at.is_(None))
        )


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


def test_one_person_on_two_phones_keeps_one_rating(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).code
    phones = [participants.join_room(store, code, ann.id)[0] for _ in range(2)]
    for score in range(ROUNDS):
        rate = partial(phone_answers.rate_from_device, store, index=0, score=1 + score % 5)
        done = together(*(partial(rate, token, card) for token in phones))
        assert not [d for d in done if isinstance(d, Exception)]
        assert live_ratings(store, ann.id) == 1


def test_an_anonymous_phone_tapped_twice_answers_once(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    for round_ in range(ROUNDS):
        token, _ = participants.join_room(store, code)
        done = together(*[partial(phone_answers.rate_from_device, store, token, card, 0, 3)] * 2)
        refused = [d for d in done if isinstance(d, Exception)]
        assert len(refused) == 1 and isinstance(refused[0], RoomRefused), done
        assert live_ratings(store, None) == round_ + 1


def test_two_copies_opening_the_room_at_once_open_one(store, programme) -> None:
    for _ in range(ROUNDS):
        sid, _ = session_on_card(store, programme)
        opened = together(*[partial(participants.open_room, store, sid)] * 2)
        assert {o.room_id for o in opened} == {participants.room_for_session(store, sid).room_id}
        # The code given last is the one that lets phones in.
        joined = [o for o in opened if _lets_in(store, o.code)]
        assert len(joined) == 1


def _lets_in(store, code: str) -> bool:
    try:
        participants.join_room(store, code)
    except RoomRefused:
        return False
    return True
