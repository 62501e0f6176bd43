"""The two servers the room's benchmark sends phones to, in a process of their own, as the
facilitator's laptop is a machine of its own: the room itself, and the bare baseline.

    python -m benchmarks.room_servers ROOM_DB BARE_DB SESSION_ID

The room is opened and served as F8 serves it (`HostedRoom`, in this process's event
loop, its service calls in threads). The baseline is the least an aiohttp handler can do
to save the same answer: read the form and insert one ActivityResult through
SQLAlchemy's ORM, in a thread, on its own copy of the database, opened with the same
pragmas. Both listen on loopback; one line of JSON says where, and the join code. They
serve until standard input closes, then the room is closed.
"""

from __future__ import annotations

import asyncio
import json
import sys

from aiohttp import web
from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.room.hosting import HostedRoom
from facilitator.room.place import Place
from sessions.activities.scorecard import statements
from sessions.models import ActivityResult, AgendaItem
from sessions.services import room_reveal, running
from sessions.store import Store
from sessions.utc import utcnow
from sessions.vocabulary import ItemKind

BARE_PATH = "/answer"


def bare_app(store: Store, session_id: int) -> web.Application:
    """One handler: the form's member and score, one row inserted and committed, 303."""
    with Session(store.engine) as db:
        card = db.scalars(
            select(AgendaItem).where(
                AgendaItem.session_id == session_id, AgendaItem.kind == ItemKind.SCORECARD
            )
        ).one()
        card_id = card.id
        area, statement = statements(card.activity)[0]

    def insert(member_id: int, score: int) -> None:
        with Session(store.engine) as db:
            db.add(
                ActivityResult(
                    session_id=session_id,
                    agenda_item_id=card_id,
                    member_id=member_id,
                    area=area,
                    subject=statement,
                    score=score,
                    recorded_at=utcnow(),
                )
            )
            db.commit()

    async def answer(request: web.Request) -> web.Response:
        form = await request.post()
        await asyncio.to_thread(insert, int(str(form["member"])), int(str(form["s0"])))
        raise web.HTTPSeeOther("/item?done=saved")

    app = web.Application()
    app.router.add_post(BARE_PATH, answer)
    return app


async def serve(room_db: str, bare_db: str, session_id: int) -> None:
    room_store, bare_store = Store.open(room_db), Store.open(bare_db)
    room = await HostedRoom.open(room_store, session_id, Place("127.0.0.1", 0))
    # The mirror hides running results from the room until they are revealed, and the
    # benchmark times the count's arrival there: revealed from the start, as the bare side's.
    position = running.clock_state(room_store, session_id).position
    room_reveal.toggle_reveal(room_store, session_id, position)
    runner = web.AppRunner(bare_app(bare_store, session_id), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    print(
        json.dumps(
            {"room": room.address, "code": room.shown_code, "bare": f"http://127.0.0.1:{port}"}
        ),
        flush=True,
    )
    try:
        await asyncio.to_thread(sys.stdin.read)  # until the benchmark is done with us
    finally:
        await room.close()
        await runner.cleanup()
        room_store.close()
        bare_store.close()


if __name__ == "__main__":
    asyncio.run(serve(sys.argv[1], sys.argv[2], int(sys.argv[3])))
