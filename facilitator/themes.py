"""Our own themes: registered with the app, never written into Textual's built-in table."""

from __future__ import annotations

from textual.theme import Theme

# For a projector in a lit room: black ground, white text, bright signal colours.
PROJECTOR = Theme(
    name="facilitator-projector",
    primary="#FFD700",
    secondary="#00BFFF",
    accent="#FFD700",
    warning="#FFB000",
    error="#FF3B30",
    success="#32D74B",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
)

THEMES = (PROJECTOR,)
