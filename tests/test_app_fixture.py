"""The fixtures that build the app for Pilot tests close its store however the test ends.

`closed_at_the_end` is asked for before the app fixture, so it is torn down after it: what
it checks is what the app fixture left behind, after the test body has passed or failed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from facilitator.app import FacilitatorApp


@pytest.fixture
def closed_at_the_end(db_path) -> Iterator[Callable[[FacilitatorApp], None]]:
    """`watch(app)`: as the test ends, fail unless that app's store was closed.

    On the test's database, so a run without a PostgreSQL server skips before it is set up.
    """
    watched: list[Engine] = []
    disposed: list[Engine] = []

    def on_dispose(engine: Engine) -> None:
        disposed.append(engine)

    def watch(app: FacilitatorApp) -> None:
        engine = app.store.engine
        event.listen(engine, "engine_disposed", on_dispose)
        watched.append(engine)

    yield watch
    for engine in watched:
        event.remove(engine, "engine_disposed", on_dispose)
    assert watched and all(engine in disposed for engine in watched)


class BodyFailed(RuntimeError):
    pass


@pytest.mark.xfail(raises=BodyFailed, strict=True, reason="the test body fails on purpose")
async def test_the_store_is_closed_when_the_test_body_raises(
    closed_at_the_end, make_facilitator_app
) -> None:
    app = make_facilitator_app()
    closed_at_the_end(app)
    async with app.run_test():
        raise BodyFailed("a Pilot test failing halfway")


async def test_every_app_and_mirror_a_test_builds_is_closed(
    closed_at_the_end, make_facilitator_app, make_facilitator_mirror
) -> None:
    first = make_facilitator_app()
    async with first.run_test():
        pass
    closed_at_the_end(first)
    second, mirror = make_facilitator_app(), make_facilitator_mirror()
    closed_at_the_end(second)
    closed_at_the_end(mirror)
    async with second.run_test(), mirror.run_test():
        pass
