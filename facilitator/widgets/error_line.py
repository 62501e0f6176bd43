"""A dialog's line for why what was entered was refused: the twin of `app.attempt` for a
form, where the reason belongs beside the fields and what was typed stays in them."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from rich.text import Text
from textual.widgets import Static

from facilitator.app import REFUSED, Refused
from sessions.errors import FacilitatorError

Params = ParamSpec("Params")
Result = TypeVar("Result")


class ErrorLine(Static):
    """Empty until a refusal; then the reason, as plain text (never read as markup)."""

    def __init__(self, *, id: str = "error") -> None:
        super().__init__("", id=id, classes="error")

    def attempt(
        self, service: Callable[Params, Result], /, *args: Params.args, **kwargs: Params.kwargs
    ) -> Result | Refused:
        """What the service gives back, or REFUSED once its reason is shown on this line."""
        try:
            result = service(*args, **kwargs)
        except FacilitatorError as exc:
            self.refuse(str(exc))
            return REFUSED
        self.update("")
        return result

    def refuse(self, reason: str) -> None:
        self.update(Text(reason))
