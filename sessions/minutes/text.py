"""Making a note's text safe to place in Markdown: the rules live in sessions.text, beneath
every layer, since the activities' parts for the room use them too."""

from sessions.text import markdown_cell, markdown_lines, markdown_text, plain_lines, plain_text

__all__ = ["markdown_cell", "markdown_lines", "markdown_text", "plain_lines", "plain_text"]
