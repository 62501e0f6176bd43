"""Making a note's text safe to place in Markdown: the rules live in sessions.text, beneath
every layer, since the activities' parts for the room use them too."""

from sessions.text import markdown_text, plain_text

__all__ = ["markdown_text", "plain_text"]
