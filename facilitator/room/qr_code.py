"""The room's address as a QR code drawn in the terminal, for phones' cameras.

Drawn with half blocks, two rows of the code to a line of text, so it fits a terminal
and keeps its modules square. The light modules and the quiet zone around them are the
text's own colour: light on the dark background most terminals have, as a camera wants.
"""

from __future__ import annotations

import io

# Medium correction: a projected terminal is sharp, and a lower level keeps the code
# small; segno raises it anyway where the address leaves room.
ERROR_LEVEL = "m"


def qr_lines(address: str) -> list[str]:
    """The code of `address`, its quiet zone included, one string a line of text."""
    import segno  # only the room draws codes: not loaded for the app's other commands

    drawn = io.StringIO()
    segno.make_qr(address, error=ERROR_LEVEL).terminal(out=drawn, compact=True)
    return drawn.getvalue().splitlines()
