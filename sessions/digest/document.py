"""One owner's reminder as a document: Markdown from the template, the same on an HTML
page, and plain text for the e-mail's text part."""

from __future__ import annotations

from sessions.domain.action_digest import DigestAction, OwnerDigest
from sessions.minutes.render import render_template
from sessions.minutes.wording import long_date, short_date
from sessions.text import plain_text, text_lines

TEMPLATE = "digest.md.j2"
INDENT = "     "


def groups(digest: OwnerDigest) -> list[tuple[str, tuple[DigestAction, ...]]]:
    """The headed groups that have actions in them, most pressing first."""
    named = [
        ("Overdue", digest.overdue),
        (f"Due by {long_date(digest.soon_until)}", digest.due_soon),
        ("Later, or no due date yet", digest.later),
    ]
    return [(heading, actions) for heading, actions in named if actions]


def summary(digest: OwnerDigest) -> str:
    """'You have 3 open actions: 1 overdue, 1 due soon and 1 later.'"""
    count = digest.open_count
    actions = "1 open action" if count == 1 else f"{count} open actions"
    parts = [
        f"{len(group)} {what}"
        for group, what in (
            (digest.overdue, "overdue"),
            (digest.due_soon, f"due in the next {_days(digest.within_days)}"),
            (digest.later, "later or with no date yet"),
        )
        if group
    ]
    said = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    if not digest.owner:
        return f"{actions.capitalize()} of the programme have no owner: {said}."
    return f"You have {actions}: {said}."


def closing(digest: OwnerDigest) -> str:
    if not digest.owner:
        return "The next meeting can give each of these an owner."
    return (
        "Where an action is done, or its due date needs to move, please say so before the "
        "next meeting, so the action log can be brought up to date."
    )


def _due(action: DigestAction) -> str:
    return f"due {short_date(action.due)}" if action.due else "no due date yet"


def _days(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def markdown_of(digest: OwnerDigest) -> str:
    return render_template(
        TEMPLATE,
        d=digest,
        groups=groups(digest),
        summary=summary(digest),
        closing=closing(digest),
    )


def html_of(digest: OwnerDigest) -> str:
    """The Markdown on a page of its own: en-GB, titled, headed tables, every text escaped."""
    from sessions.minutes.html import html_page

    return html_page(digest.title, markdown_of(digest))


def plain_of(digest: OwnerDigest) -> str:
    """The reminder as plain text, for a mail client that shows no HTML."""
    lines = [
        plain_text(digest.title),
        f"As of {long_date(digest.today)}",
        "",
        plain_text(summary(digest)),
    ]
    for heading, actions in groups(digest):
        lines += ["", heading.upper(), ""]
        for action in actions:
            said = text_lines(action.text)
            lines.append(f"{action.number:<5}{plain_text(said[0])}")
            lines += [f"{INDENT}{plain_text(line)}" for line in said[1:]]
            lines.append(
                f"{INDENT}Raised at session {action.session_number} "
                f"({plain_text(action.item_title)}), {short_date(action.raised_on)}; "
                f"{_due(action)}; {action.status}"
            )
    lines += ["", closing(digest)]
    return "\n".join(lines) + "\n"
