"""One owner's reminder as an e-mail message (.eml) for the facilitator to send from their
own mail client: marked unsent, so the client opens it as a draft. Nothing is sent here."""

from __future__ import annotations

from datetime import datetime

from sessions.domain.action_digest import OwnerDigest

# A Message-ID needs a domain; this one is reserved never to be anyone's (RFC 2606), and
# the mail client gives the message its own when it is sent.
MESSAGE_DOMAIN = "facilitator.invalid"


def eml_of(digest: OwnerDigest, to: str, plain: str, html: str, now: datetime) -> bytes:
    """The message: the plain text and the HTML page as alternatives, addressed to `to`
    where an address is known (else no To: line, for the facilitator to fill in)."""
    from email import policy
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    message = EmailMessage(policy=policy.SMTP)
    # A header is one line: a name pasted with a line break in it must not end it early.
    message["Subject"] = _one_line(digest.subject)
    if to:
        message["To"] = Address(display_name=_one_line(digest.owner), addr_spec=to)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=MESSAGE_DOMAIN)
    # Outlook, Thunderbird and Apple Mail open a message so marked as one to send.
    message["X-Unsent"] = "1"
    message.set_content(plain)
    message.add_alternative(html, subtype="html")
    return message.as_bytes()


def _one_line(text: str) -> str:
    return " ".join(text.split())
