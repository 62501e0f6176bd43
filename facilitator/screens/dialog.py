"""What every dialog is: a modal screen whose shared styles (`dialog.tcss`) reach dialogs only."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual._path import CSSPathType
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class DialogScreen(ModalScreen[ResultType]):
    """A framed box over the screen beneath. The shared rules in `dialog.tcss` are scoped to
    this class, so they reach neither the app's screens nor Textual's own modals (the command
    palette), and each dialog's own rules there are scoped to that dialog."""

    CSS_PATH: ClassVar[CSSPathType | None] = "dialog.tcss"
