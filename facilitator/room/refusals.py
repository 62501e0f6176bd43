"""How the room's page answers a request it will not carry out: one clear line, a 4xx
status, nothing written."""

from __future__ import annotations

from sessions.errors import FacilitatorError, InputError, NotFoundError, StoreError
from sessions.services.participants import RoomRefused

NO_ROOM = "There is no open room with that code."
NOT_IN_ROOM = "This phone is no longer in the room: join again with the code."
CROSS_SITE = "This form did not come from the room's own page. Reload the page and try again."
TOO_MANY = "Too many tries from this phone. Wait a minute, then try the code again."
NOT_A_NAME = "That name is not one of this meeting's."
NOT_A_RATING = "A statement is rated from 1 (not at all) to 5 (completely)."


def status_for(error: FacilitatorError) -> int:
    """The status a refusal from the front door is sent with."""
    if isinstance(error, RoomRefused):
        return 403
    if isinstance(error, InputError | NotFoundError):
        return 400
    if isinstance(error, StoreError):
        return 503
    return 400
