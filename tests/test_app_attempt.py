"""Asking a service for something from a screen: a refusal is shown, never raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.app import REFUSED
from facilitator.factory import make_app
from sessions.errors import InputError


async def test_what_a_service_gives_back_or_its_refusal_shown(
    db_path: Path, clock, monkeypatch
) -> None:
    app = make_app(str(db_path), now=clock)
    shown: list[str] = []
    monkeypatch.setattr(app, "show_error", shown.append)

    def refuse(when: str) -> None:
        raise InputError(f"{when} is not a date.")

    async with app.run_test():
        assert app.attempt(lambda a, *, b: a + b, 40, b=2) == 42
        # A service that gives back nothing has still done it: that is not a refusal.
        assert app.attempt(lambda: None) is None
        assert shown == []
        assert app.attempt(refuse, "Blursday") is REFUSED
        assert shown == ["Blursday is not a date."]
        # Only the facilitator's own errors are refusals; a fault is not swallowed.
        with pytest.raises(ValueError):
            app.attempt(int, "twelve")
    app.store.close()
