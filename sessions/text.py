"""Making a note's text safe to place in Markdown.

A note is what someone said, never formatting: a note that starts with '#' or
holds '|' must not turn into a heading or break a table in the minutes.
"""

from __future__ import annotations

import re

# Characters that can start or change Markdown formatting anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|~!])")
# Characters that only matter at the start of a line (headings, quotes, lists).
_LINE_START = re.compile(r"^(\s*)([#>+\-=])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def markdown_text(value: object) -> str:
    """The text on one line, with everything Markdown would act on escaped."""
    text = " ".join(str(value).splitlines())
    # Control characters are kept in the database; in minutes they would be
    # invisible at best, so they are shown as the replacement character.
    text = _CONTROL.sub("\ufffd", text)
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    text = _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    # "&lt;" in a note is the four characters, not an entity to be decoded.
    return _ENTITY.sub("&amp;", text)


# XML 1.0, and so Word, cannot hold these at all, escaped or not.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def plain_text(value: object) -> str:
    """The text on one line, as Word shows it: what the Markdown shows, without the escapes."""
    return _NOT_XML.sub("\ufffd", " ".join(str(value).splitlines()))


def folded(text: str) -> str:
    """Text without case or accents, for finding a name as it is typed: `Siobhán` is `siobhan`."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
