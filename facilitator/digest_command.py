"""`facilitator digest`: each owner's open actions as a reminder to send between meetings."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days, like 14")
    return int(text)


def add_digest_command(
    commands: argparse._SubParsersAction,
    identifier_options: Callable[[argparse.ArgumentParser], None],
) -> None:
    digest = commands.add_parser(
        "digest",
        help="write each owner's open actions (Markdown, HTML and an e-mail to send yourself)",
    )
    digest.add_argument("programme", metavar="PROGRAMME", help="the programme's name or slug")
    digest.add_argument(
        "--owner",
        metavar="NAME",
        help="only this owner's (any part of the name; 'no owner' for the unowned ones)",
    )
    digest.add_argument(
        "--within",
        metavar="DAYS",
        type=_days,
        default=14,
        help="what falls due in this many days counts as due soon (default: 14)",
    )
    digest.add_argument(
        "-o",
        "--output",
        metavar="FOLDER",
        help="the folder to write into (default: PROGRAMME-SLUG-actions-DATE beside the minutes)",
    )
    digest.add_argument(
        "--include-confidential",
        action="store_true",
        help="also list actions raised in private or in confidence (left out by default, "
        "as the public minutes leave them out)",
    )
    identifier_options(digest)


def run_digest(args, store, identifier_choice, out: TextIO, err: TextIO) -> int:
    """Write the reminders and say what went where; `identifier_choice` is the command
    line's answer to what looks like patient-identifiable data."""
    from datetime import date

    from sessions.private_files import open_folder_warning
    from sessions.services.digest import open_findings, programme_digests, write_digests

    today = date.today()
    digests = programme_digests(
        store,
        args.programme,
        today,
        owner=args.owner,
        within_days=args.within,
        include_confidential=args.include_confidential,
    )
    redact = identifier_choice(args, store, lambda: open_findings(store, digests))
    output = Path(args.output) if args.output else None
    files = write_digests(store, digests, output, today=today, redact=redact)
    if files.written:
        print(files.folder, file=out)
    for owner, digest, paths in files.written:
        to = f"to {owner.email}" if owner.email else "no e-mail address: fill in To: to send"
        names = " ".join([paths[0].name, *(path.suffix for path in paths[1:])])
        print(f"  {names}  {owner.label}: {digest.counts} ({to})", file=out)
    if files.written and (warning := open_folder_warning(files.written[0][2][0])):
        print(f"facilitator: warning: {warning}", file=err)
    if files.nothing_open:
        names = ", ".join(owner.label for owner in files.nothing_open)
        print(f"No open actions, so no files: {names}.", file=out)
    if files.left_out:
        count = sum(count for _, count in files.left_out)
        actions = "1 action" if count == 1 else f"{count} actions"
        owed_by = ", ".join(owner.label for owner, _ in files.left_out)
        print(
            f"Left out {actions} raised in private or in confidence, owed by {owed_by} "
            "(give --include-confidential to list them).",
            file=out,
        )
    if not (files.written or files.nothing_open or files.left_out):
        print(f"Nobody has an open action in {digests.programme}: nothing written.", file=out)
    return 0
