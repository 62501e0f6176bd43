"""The room's web page: phones on the venue's network join the session and answer.

The outward-facing side of the app, as the Textual screens are the facilitator's: it
calls the front door (`sessions.services`) and holds no rule of its own.
"""

from facilitator.room.app import make_room_app

__all__ = ["make_room_app"]
