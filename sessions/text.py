"""Making a note's text safe to place in Markdown, and in Word.

A note is what someone said, never formatting: a note that starts with '#' or
holds '|' must not turn into a heading or break a table in the minutes. A note
pasted from several lines keeps them: each is escaped on its own, and the
break between two is written by us, in the form the place it goes can hold.
"""

from __future__ import annotations

import re

from sessions.vocabulary import IDENTIFIER_LABELS

# Characters that can start or change Markdown formatting anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|~!])")
# Characters that only matter at the start of a line (headings, quotes, lists).
_LINE_START = re.compile(r"^(\s*)([#>+\-=])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A redaction reads as the words the check put there, not as escaped brackets. Followed by
# none of `:`, `(` or `[`, brackets make no link in Markdown, and no note can define one.
_REDACTION = re.compile(
    r"\\\[(redacted: (?:"
    + "|".join(re.escape(label) for label in IDENTIFIER_LABELS.values())
    + r"))\\\](?![:(\[\\])"
)


def markdown_text(value: object) -> str:
    """The text on one line, with everything Markdown would act on escaped."""
    text = " ".join(str(value).splitlines())
    # Control characters are kept in the database; in minutes they would be
    # invisible at best, so they are shown as the replacement character.
    text = _CONTROL.sub("\ufffd", text)
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    text = _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    text = _REDACTION.sub(r"[\1]", text)
    # "&lt;" in a note is the four characters, not an entity to be decoded.
    return _ENTITY.sub("&amp;", text)


LIST_INDENT = "  "
"""How far a line after the first is indented to stay inside a `- ` list item."""
CELL_BREAK = "<br>"
"""A line break inside a table cell, where Markdown has none of its own. Nothing a note
says can write it, since every `<` in a note is escaped; the HTML renderer reads this one
as a break."""


def text_lines(value: object) -> list[str]:
    """The lines of the text, whichever break ended each: CR LF, CR or LF (or a rarer one)."""
    return str(value).splitlines() or [""]


def markdown_lines(value: object, indent: str = LIST_INDENT) -> str:
    """Each line of the text escaped, joined by Markdown's hard break (a backslash at the end
    of a line), every line after the first indented by `indent` to stay in its list item."""
    return f"\\\n{indent}".join(markdown_text(line) for line in text_lines(value))


def markdown_cell(value: object) -> str:
    """Each line of the text escaped, joined by a break a table cell can hold."""
    return CELL_BREAK.join(markdown_text(line) for line in text_lines(value))


# XML 1.0, and so Word, cannot hold these at all, escaped or not.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def plain_text(value: object) -> str:
    """The text on one line, as Word shows it: what the Markdown shows, without the escapes."""
    return _NOT_XML.sub("\ufffd", " ".join(str(value).splitlines()))


def plain_lines(value: object) -> str:
    """The text as Word shows it, keeping its lines: python-docx writes each "\\n" between
    them as a line break within the paragraph or table cell."""
    return "\n".join(plain_text(line) for line in text_lines(value))


def folded(text: str) -> str:
    """Text without case or accents, for finding a name or a word as it is typed: `Siobhán` is
    `siobhan`. Characters that are never seen (a soft hyphen, a zero-width joiner, a
    direction mark) are left out, so `co\u00adordinate` is `coordinate`."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
