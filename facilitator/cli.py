"""The `facilitator` command line.

Exit status: 0 done, 2 bad input or usage (one clear line on stderr), 1 anything
unexpected. Heavy modules (Textual, SQLAlchemy) load only for the commands that
need them.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, time
from pathlib import Path

from facilitator import __version__


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's default is usage + exit 2; keep it one line
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _identifier_options(command: argparse.ArgumentParser) -> None:
    """What to do with what looks like patient-identifiable data (an NHS number, a date of
    birth…): without either option, the command refuses and writes nothing."""
    choice = command.add_mutually_exclusive_group()
    choice.add_argument(
        "--redact",
        action="store_true",
        help="write it with whatever looks like patient-identifiable data (NHS numbers, "
        "dates of birth, postcodes, telephone numbers, e-mail addresses) redacted; "
        "the database keeps the notes as typed",
    )
    choice.add_argument(
        "--keep-identifiers",
        action="store_true",
        help="write such data as it is, recording each as kept on purpose, by whom and when "
        "(without either option, the command names what it found and writes nothing)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="facilitator",
        description="Run live, timed PCN partnership sessions: agenda screens, notes, minutes.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: FACILITATOR_DB, else the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    agenda = commands.add_parser("agenda", help="list, check and show agenda files")
    agenda_commands = agenda.add_subparsers(dest="agenda_command", metavar="ACTION", required=True)
    listing = agenda_commands.add_parser(
        "list", help="bundled and user agendas: title, steps, total time"
    )
    listing.add_argument(
        "-l", "--long", action="store_true", help="also each agenda's purpose and activities"
    )
    check = agenda_commands.add_parser("check", help="validate agenda files (exit 2 on problems)")
    check.add_argument("files", nargs="+", metavar="FILE")
    show = agenda_commands.add_parser("show", help="print an agenda's timed outline")
    show.add_argument("agenda", metavar="FILE", help="a path, or the name of a bundled agenda")
    copy = agenda_commands.add_parser(
        "copy", help="copy a bundled agenda into your agendas folder, to edit"
    )
    copy.add_argument("agenda", metavar="NAME", help="the name of a bundled agenda")
    copy.add_argument("--as", dest="new_name", metavar="NEW", help="the copy's name")

    plan = commands.add_parser("plan", help="list, check, show and copy programme plans")
    plan_commands = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    plan_commands.add_parser("list", help="bundled and user plans: sessions, title")
    plan_check = plan_commands.add_parser("check", help="validate plan files (exit 2 on problems)")
    plan_check.add_argument("files", nargs="+", metavar="FILE")
    plan_show = plan_commands.add_parser("show", help="print a plan's sessions with their dates")
    plan_show.add_argument("plan", metavar="PLAN", help="a path, or the name of a plan")
    plan_show.add_argument(
        "--start", metavar="DATE", type=_date, help="the first date to count from (default: today)"
    )
    plan_copy = plan_commands.add_parser(
        "copy", help="copy a bundled plan into your plans folder, to edit"
    )
    plan_copy.add_argument("plan", metavar="NAME", help="the name of a bundled plan")
    plan_copy.add_argument("--as", dest="new_name", metavar="NEW", help="the copy's name")

    programme = commands.add_parser("programme", help="create a programme, from a plan if given")
    programme_commands = programme.add_subparsers(
        dest="programme_command", metavar="ACTION", required=True
    )
    new = programme_commands.add_parser(
        "new", help="a new programme; with --plan, its sessions set up on dates to confirm"
    )
    new.add_argument("name", metavar="NAME", help="the programme's name")
    new.add_argument("--plan", metavar="PLAN", help="a plan's name or file (see `plan list`)")
    new.add_argument(
        "--start", metavar="DATE", type=_date, help="the plan's first day (default: today)"
    )
    new.add_argument("--pcn", metavar="NAME", default="", help="the Primary Care Network's name")
    confirm = programme_commands.add_parser(
        "confirm", help="confirm the day a session set up ahead meets: the planned day, or --on"
    )
    confirm.add_argument("ref", metavar="REF", help="a session id, or PROGRAMME/N")
    confirm.add_argument("--on", metavar="DATE", type=_date, help="the day agreed, if another")

    _calendar_commands(commands)

    present = commands.add_parser(
        "present", help="a read-only mirror of the live session, for a second terminal"
    )
    present.add_argument(
        "ref",
        metavar="REF",
        nargs="?",
        help="a session id or PROGRAMME/N (default: follow the session being run)",
    )

    serve = commands.add_parser(
        "serve", help="the app (or, with --present, the projector mirror) in a web browser"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this computer only)",
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument(
        "--present",
        metavar="REF",
        nargs="?",
        const="",
        help="serve the read-only projector mirror instead: of REF, or of the session being run",
    )
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers reach this server by, when it is not http://HOST:PORT "
        "(behind a proxy, say)",
    )

    room = commands.add_parser(
        "room",
        help="open a session's room to phones on the local network, and serve it until Ctrl+C",
    )
    room.add_argument(
        "ref",
        metavar="REF",
        nargs="?",
        help="a session id or PROGRAMME/N (default: the session being run)",
    )
    room.add_argument(
        "--host",
        help="address to listen on (default: this computer's address on its local network; "
        "0.0.0.0 for every interface)",
    )
    room.add_argument("--port", type=int, default=8080, help="port to listen on (default: 8080)")
    room.add_argument(
        "--cert", metavar="FILE", type=Path, help="serve over TLS with this certificate (PEM)"
    )
    room.add_argument(
        "--key", metavar="FILE", type=Path, help="the certificate's private key (PEM)"
    )
    room.add_argument(
        "--by-name",
        action="store_true",
        help="phones join only as one of the meeting's members (default: anonymously too)",
    )

    minutes = commands.add_parser("minutes", help="write a session's minutes")
    minutes.add_argument("ref", metavar="REF", help="a session id, or PROGRAMME/N")
    minutes.add_argument(
        "--format",
        choices=["md", "html", "docx"],
        default="md",
        help="Markdown, an HTML page, or a Word document (default: md)",
    )
    minutes.add_argument(
        "--output",
        metavar="FILE",
        help="where to write ('-' for standard output); "
        "default: the minutes folder, as the app does",
    )
    minutes.add_argument(
        "--template",
        metavar="FILE",
        help="a Jinja2 Markdown template to use instead of minutes.md.j2 (md and html)",
    )
    minutes.add_argument(
        "--public",
        action="store_true",
        help="write the public version: items and notes taken in private are left out "
        "(default: the full version, for members)",
    )
    _identifier_options(minutes)

    report = commands.add_parser(
        "report", help="one document of a programme's sessions: steps, decisions, actions, trends"
    )
    report.add_argument("programme", metavar="PROGRAMME", help="the programme's name or slug")
    report.add_argument(
        "--format",
        choices=["md", "html", "docx"],
        default="md",
        help="Markdown, an HTML page, or a Word document (default: md)",
    )
    report.add_argument(
        "--output",
        metavar="FILE",
        help="where to write ('-' for standard output); default: the minutes folder",
    )
    report.add_argument(
        "--public",
        action="store_true",
        help="write the public version: what was taken in private is left out "
        "(default: the full version, for members)",
    )
    _identifier_options(report)

    from facilitator.digest_command import add_digest_command

    add_digest_command(commands, _identifier_options)

    pack = commands.add_parser(
        "pack",
        help="write the papers for a planned session: agenda, last minutes, actions, interests",
    )
    pack.add_argument("ref", metavar="REF", help="a planned session's id, or PROGRAMME/N")
    pack.add_argument(
        "--format",
        choices=["md", "html", "docx", "all"],
        default="md",
        help="Markdown, an HTML page, a Word document, or all three (default: md)",
    )
    pack.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write ('-' for standard output; a folder with --format all); "
        "default: the minutes folder",
    )
    pack.add_argument(
        "--public",
        action="store_true",
        help="write the public version: items to be taken in private are left out "
        "(default: the papers for members)",
    )
    _identifier_options(pack)

    export = commands.add_parser("export", help="write a programme and all its sessions to a file")
    export.add_argument("programme", metavar="PROGRAMME", help="the programme's name or slug")
    export.add_argument(
        "--output",
        metavar="FILE",
        help="where to write ('-' for standard output); "
        "default: PROGRAMME-SLUG.facilitator.json in the current folder",
    )
    _identifier_options(export)

    import_ = commands.add_parser("import", help="add a programme from an exported file")
    import_.add_argument("file", metavar="FILE", help="a file written by facilitator export")
    import_.add_argument(
        "--as",
        dest="new_name",
        metavar="NEW_NAME",
        help="import under this name, when the file's name is already taken here",
    )

    backup = commands.add_parser(
        "backup", help="copy the database now, beside it (or to --output); --list shows the copies"
    )
    backup_choice = backup.add_mutually_exclusive_group()
    backup_choice.add_argument(
        "--output",
        metavar="PATH",
        help="a new file, or a folder to put the copy in "
        "(default: the backups folder beside the database)",
    )
    backup_choice.add_argument(
        "--list", action="store_true", help="list the copies kept beside the database"
    )

    restore = commands.add_parser(
        "restore", help="bring the database back to one of its copies (never while a session runs)"
    )
    restore_choice = restore.add_mutually_exclusive_group(required=True)
    restore_choice.add_argument(
        "copy", metavar="COPY", nargs="?", help="the copy to bring back, as --list shows it"
    )
    restore_choice.add_argument(
        "--list", action="store_true", help="list the copies kept beside the database"
    )
    return parser


def _calendar_commands(commands) -> None:
    session = commands.add_parser(
        "session", help="re-plan a session not yet started (day, time, place), or cancel it"
    )
    actions = session.add_subparsers(dest="session_command", metavar="ACTION", required=True)
    plan = actions.add_parser("plan", help="set a planned session's day, start, end or place")
    plan.add_argument("ref", metavar="REF", help="a session id, or PROGRAMME/N")
    plan.add_argument("--date", metavar="DATE", type=_date, help="the day it meets")
    plan.add_argument("--start", metavar="HH:MM", type=_clock, help="when it starts")
    plan.add_argument(
        "--end",
        metavar="HH:MM",
        type=_clock,
        help="when it ends (default: the start plus the agenda's length, to the quarter hour)",
    )
    plan.add_argument("--place", metavar="TEXT", help="where: a room and address, or 'Teams'")
    cancel = actions.add_parser(
        "cancel", help="call off a session not yet started; it stays in the record"
    )
    cancel.add_argument("ref", metavar="REF", help="a session id, or PROGRAMME/N")
    invite = commands.add_parser(
        "invite", help="write a calendar invitation (.ics) to a session, or a programme's"
    )
    invite.add_argument(
        "ref",
        metavar="REF",
        help="a session id or PROGRAMME/N; or a programme, for all its sessions still to meet",
    )
    invite.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write ('-' for standard output); "
        "default: PROGRAMME-SLUG-session-N.ics in the current folder",
    )
    organiser = invite.add_mutually_exclusive_group()
    organiser.add_argument(
        "--organiser",
        metavar="EMAIL",
        help="your own e-mail address: the file becomes a meeting request to the programme's "
        "current members who have one, replies coming to you (remembered for next time; "
        "without one, an entry to copy into a calendar, naming no one)",
    )
    organiser.add_argument(
        "--no-organiser",
        action="store_true",
        help="forget the organiser remembered: this file, and the next, an entry to copy into "
        "a calendar, naming no one, until --organiser is given again",
    )
    _identifier_options(invite)


def _calendar(args) -> int:
    from facilitator import calendar_commands
    from sessions.db_types import utcnow

    store = _open_store(args.db)
    try:
        if args.command == "invite":
            from sessions.services.governance import invite_findings

            path = calendar_commands.invite(
                store,
                args.ref,
                args.output,
                utcnow(),
                sys.stdout,
                organiser=calendar_commands.organiser_address(
                    args.organiser, forget=args.no_organiser
                ),
                redact=lambda invitation: _identifier_choice(
                    args, store, lambda: invite_findings(store, invitation)
                ),
                notes=sys.stderr if args.output == "-" else None,
            )
            if path is not None:
                _written(path)
            return 0
        if args.session_command == "cancel":
            return calendar_commands.session_cancel(store, args.ref, utcnow(), sys.stdout)
        return calendar_commands.session_plan(
            store, args.ref, args.date, args.start, args.end, args.place, sys.stdout
        )
    finally:
        store.close()


def _open_store(db: str | None):
    """The database for a command; what it found as it opened (a repair, say) on stderr."""
    from sessions.paths import default_database_url
    from sessions.store import Store

    store = Store.open(db or default_database_url())
    for notice in store.notices:
        print(f"facilitator: {notice}", file=sys.stderr)
    return store


def _export(args) -> int:
    from sessions.services.exchange import export_file, export_programme
    from sessions.services.governance import export_findings

    store = _open_store(args.db)
    try:
        redact = _identifier_choice(args, store, lambda: export_findings(store, args.programme))
        if args.output == "-":
            sys.stdout.write(export_programme(store, args.programme, redact=redact)[1])
            return 0
        output = Path(args.output) if args.output else None
        _written(export_file(store, args.programme, output, redact=redact))
        return 0
    finally:
        store.close()


def _import(args) -> int:
    from sessions.paths import default_database_url
    from sessions.services.exchange import import_programme, read_export

    database = args.db or default_database_url()
    # Checked for the database it goes into before that is opened: a damaged file leaves
    # no trace there, not even a new, empty database.
    record = read_export(Path(args.file), database)
    store = _open_store(database)
    try:
        imported = import_programme(store, record, args.new_name)
    finally:
        store.close()
    sessions = "1 session" if imported.session_count == 1 else f"{imported.session_count} sessions"
    notes = "1 note" if imported.note_count == 1 else f"{imported.note_count} notes"
    print(f"Imported {imported.name!r} (slug {imported.slug}): {sessions}, {notes}.")
    return 0


def _backup(args) -> int:
    from sessions.paths import default_database_url
    from sessions.services.backups import back_up

    if args.list:
        return _list_copies(args)
    _written(back_up(args.db or default_database_url(), Path(args.output) if args.output else None))
    return 0


def _restore(args) -> int:
    from sessions.paths import default_database_url
    from sessions.services.backups import restore

    if args.list:
        return _list_copies(args)
    restored = restore(args.db or default_database_url(), Path(args.copy))
    print(f"Restored {restored.database} from {args.copy}.")
    if restored.kept is not None:
        print(f"The database as it was is kept in {restored.kept}: restore that to undo this.")
    if restored.older:
        print(
            f"The copy holds an older schema ({restored.schema}): it is brought up to date "
            "when facilitator next opens it."
        )
    return 0


def _list_copies(args) -> int:
    from sessions.paths import default_database_url
    from sessions.services.backups import database_file, list_copies

    url = args.db or default_database_url()
    copies = list_copies(url)
    if not copies:
        print(f"No copies of {database_file(url)} yet.")
    for copy in copies:
        print(f"{copy.taken_at.astimezone():%Y-%m-%d %H:%M:%S}  {copy.reason:<30}  {copy.path}")
    return 0


def _minutes(args) -> int:
    from sessions.services.governance import minutes_findings
    from sessions.services.minutes import render_minutes, write_minutes
    from sessions.services.running import resolve_session_ref

    template = Path(args.template) if args.template else None
    store = _open_store(args.db)
    try:
        session_id = resolve_session_ref(store, args.ref)
        version = "public" if args.public else "full"
        redact = _identifier_choice(
            args, store, lambda: minutes_findings(store, session_id, version)
        )
        if args.output == "-":
            _to_stdout(
                render_minutes(
                    store, session_id, args.format, template, redact=redact, version=version
                )
            )
            return 0
        output = Path(args.output) if args.output else None
        _written(
            write_minutes(
                store,
                session_id,
                output,
                fmt=args.format,
                template=template,
                redact=redact,
                version=version,
            )
        )
        return 0
    finally:
        store.close()


def _report(args) -> int:
    from sessions.services.governance import report_findings
    from sessions.services.report import render_report, write_report

    store = _open_store(args.db)
    try:
        version = "public" if args.public else "full"
        redact = _identifier_choice(
            args, store, lambda: report_findings(store, args.programme, version)
        )
        if args.output == "-":
            _to_stdout(
                render_report(store, args.programme, args.format, redact=redact, version=version)
            )
            return 0
        output = Path(args.output) if args.output else None
        _written(
            write_report(
                store, args.programme, output, fmt=args.format, redact=redact, version=version
            )
        )
        return 0
    finally:
        store.close()


def _digest(args) -> int:
    from facilitator.digest_command import run_digest

    store = _open_store(args.db)
    try:
        return run_digest(args, store, _identifier_choice, sys.stdout, sys.stderr)
    finally:
        store.close()


def _pack(args) -> int:
    from sessions.errors import InputError
    from sessions.services.governance import pack_findings
    from sessions.services.pack import FORMATS, render_pack, session_pack, write_pack
    from sessions.services.running import resolve_session_ref

    formats = FORMATS if args.format == "all" else (args.format,)
    if args.output == "-" and len(formats) > 1:
        raise InputError("--format all writes three files: give -o a folder, or leave it out.")
    store = _open_store(args.db)
    try:
        session_id = resolve_session_ref(store, args.ref)
        version = "public" if args.public else "full"
        redact = _identifier_choice(
            args, store, lambda: pack_findings(store, session_pack(store, session_id, version))
        )
        if args.output == "-":
            _to_stdout(render_pack(store, session_id, args.format, redact=redact, version=version))
            return 0
        output = Path(args.output) if args.output else None
        paths = write_pack(
            store, session_id, output, formats=formats, redact=redact, version=version
        )
        # One folder, so one warning if others can see into it.
        _written(paths[0])
        for path in paths[1:]:
            print(path)
        return 0
    finally:
        store.close()


def _identifier_choice(args, store, findings) -> bool:
    """Whether to redact every finding; with --keep-identifiers, they are recorded as kept
    first, so the document is written as it is."""
    if args.keep_identifiers:
        from sessions.services.governance import keep_findings

        keep_findings(store, findings())
    return bool(args.redact)


def _written(path: Path) -> None:
    """Say where the file went, and warn once if others can read that folder."""
    from sessions.private_files import open_folder_warning

    print(path)
    if warning := open_folder_warning(path):
        print(f"facilitator: warning: {warning}", file=sys.stderr)


def _to_stdout(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _serve(args) -> int:
    from facilitator import serve
    from sessions.errors import InputError
    from sessions.paths import default_database_url
    from sessions.store import Store, database_url

    if not 0 < args.port < 65536:
        raise InputError(f"--port {args.port} is not a port number (1 to 65535).")
    url = database_url(args.db or default_database_url())
    # Opened once here, so a database that cannot be used is one line now, not an error
    # in every browser tab; a new one is created, as the app would create it.
    store = Store.open(url, read_only=args.present is not None)
    try:
        if args.present:
            from sessions.services.running import resolve_session_ref

            resolve_session_ref(store, args.present)  # a session that is not there: say so now
    finally:
        store.close()
    # Each tab's copy of the app finds the database here: see serve.app_command.
    os.environ["FACILITATOR_DB"] = url.render_as_string(hide_password=False)
    try:
        serve.serve(args.host, args.port, args.present, args.public_url)
    except OSError as exc:
        raise InputError(
            f"Cannot serve on {args.host} port {args.port}: {exc.strerror or exc}."
        ) from None
    return 0


def _room(args) -> int:
    from facilitator.room.place import Place, local_address, tls_context
    from facilitator.room.serve import run_room
    from sessions.errors import InputError
    from sessions.services.following import latest_session_id
    from sessions.services.running import resolve_session_ref
    from sessions.utc import utcnow

    if not 0 < args.port < 65536:
        raise InputError(f"--port {args.port} is not a port number (1 to 65535).")
    if (args.cert is None) != (args.key is None):
        raise InputError("TLS needs both --cert and --key.")
    tls = tls_context(args.cert, args.key) if args.cert is not None else None
    place = Place(args.host or local_address(), args.port, tls)
    store = _open_store(args.db)
    try:
        session_id = (
            resolve_session_ref(store, args.ref) if args.ref else latest_session_id(store, utcnow())
        )
        if session_id is None:
            raise InputError("There is no session yet to open the room for.")
        run_room(store, session_id, place, sys.stdout, anonymous_allowed=not args.by_name)
    finally:
        store.close()
    return 0


def _run_app(args) -> int:
    from facilitator.factory import make_app, make_mirror

    if args.command == "present":
        app = make_mirror(args.db, args.ref)
    else:
        # The home screen's frame first, the database straight after: see make_app.
        app = make_app(args.db, open_later=True)
    try:
        app.run()
    finally:
        app.close_store()
    if app.open_error is not None:
        raise app.open_error  # reported like any database the command line cannot use
    return app.return_code or 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-01-15") from None


def _clock(text: str) -> time:
    try:
        if len(text) == 5 and text[2] == ":":
            return time.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a time like 14:30")


def _plan(args) -> int:
    from facilitator import plan_commands

    if args.plan_command == "list":
        return plan_commands.plan_list(sys.stdout)
    if args.plan_command == "check":
        return plan_commands.plan_check(args.files, sys.stdout, sys.stderr)
    if args.plan_command == "copy":
        return plan_commands.plan_copy(args.plan, args.new_name, sys.stdout, sys.stderr)
    return plan_commands.plan_show(args.plan, args.start or date.today(), sys.stdout, sys.stderr)


def _programme(args) -> int:
    from facilitator.programme_commands import programme_confirm, programme_new

    store = _open_store(args.db)
    try:
        if args.programme_command == "confirm":
            return programme_confirm(store, args.ref, args.on, sys.stdout, sys.stderr)
        return programme_new(
            store,
            args.name,
            args.plan,
            args.start or date.today(),
            args.pcn,
            sys.stdout,
            sys.stderr,
        )
    finally:
        store.close()


def _dispatch(args) -> int:
    if args.command == "agenda":
        from facilitator import agenda_commands

        if args.agenda_command == "list":
            return agenda_commands.agenda_list(sys.stdout, long=args.long)
        if args.agenda_command == "check":
            return agenda_commands.agenda_check(args.files, sys.stdout, sys.stderr)
        if args.agenda_command == "copy":
            return agenda_commands.agenda_copy(args.agenda, args.new_name, sys.stdout, sys.stderr)
        return agenda_commands.agenda_show(args.agenda, sys.stdout, sys.stderr)
    if args.command == "plan":
        return _plan(args)
    if args.command == "programme":
        return _programme(args)
    if args.command in ("session", "invite"):
        return _calendar(args)
    if args.command == "minutes":
        return _minutes(args)
    if args.command == "report":
        return _report(args)
    if args.command == "digest":
        return _digest(args)

    if args.command == "pack":
        return _pack(args)
    if args.command == "export":
        return _export(args)
    if args.command == "import":
        return _import(args)
    if args.command == "serve":
        return _serve(args)
    if args.command == "room":
        return _room(args)
    if args.command == "backup":
        return _backup(args)
    if args.command == "restore":
        return _restore(args)
    return _run_app(args)


def _plain_launch(argv: list[str]) -> argparse.Namespace | None:
    """`facilitator` or `facilitator --db DB`, the app itself, read without building the
    parsers of all 28 subcommands, which the home screen's first frame waited for;
    anything else, None, for the full parser."""
    if not argv:
        db = None
    elif len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        db = argv[1]
    elif len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        db = argv[0].removeprefix("--db=")
    else:
        return None
    return argparse.Namespace(db=db, command=None)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    args = _plain_launch(arguments) or build_parser().parse_args(arguments)
    from sessions.errors import FacilitatorError

    try:
        return _dispatch(args)
    except FacilitatorError as exc:
        # Imported only when it is needed: the findings' patterns are nothing the app's
        # launch should wait for.
        from sessions.governance.findings import IdentifiersFound

        if isinstance(exc, IdentifiersFound):
            print(
                f"facilitator: {exc} To write it anyway, give --redact to take them out of "
                "this document, or --keep-identifiers to keep them, recorded as kept on purpose.",
                file=sys.stderr,
            )
        else:
            print(f"facilitator: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`); nothing is wrong here
        # Kept open to the end: the interpreter flushes stdout as it exits.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except Exception as exc:  # the last guard: one line, never a traceback, unless asked
        if os.environ.get("FACILITATOR_DEBUG"):
            raise
        print(
            f"facilitator: unexpected error: {type(exc).__name__}: {exc} "
            "(set FACILITATOR_DEBUG=1 to see the details)",
            file=sys.stderr,
        )
        return 1
