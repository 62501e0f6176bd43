"""Every file the app writes is readable by the facilitator alone, whatever the umask.

Minutes, reports, exports and settings are written 0600 and the folders the app makes
are 0700; a folder the facilitator chose is left as it is, and named once when others
can read it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.agenda.library import find_agenda
from sessions.errors import StoreError
from sessions.services import notes, planning
from sessions.services.exchange import export_file
from sessions.services.minutes import write_minutes
from sessions.services.programmes import create_programme
from sessions.services.report import write_report
from sessions.settings import save_setting, settings_path
from sessions.store import Store

FORMATS = ("md", "html", "docx")


@pytest.fixture(autouse=True, params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


@pytest.fixture
def recorded(store: Store) -> int:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    notes.add_note(store, sid, 0, "We want one front door", "deal")
    return sid


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def open_folder(path: Path) -> Path:
    """A folder the facilitator made, as their umask left it: others may look in."""
    path.mkdir(parents=True)
    path.chmod(0o755)
    return path


def run(capsys, *argv: str) -> tuple[int, str, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.strip(), err.splitlines()


# The app's own folders: made 0700, each file in them 0600


@pytest.mark.parametrize("fmt", FORMATS)
def test_minutes_in_the_minutes_folder_are_private(store, recorded, isolated_home, fmt) -> None:
    path = write_minutes(store, recorded, fmt=fmt)
    assert path.parent == isolated_home / "minutes"
    assert mode(path) == 0o600
    # Every folder the app made on the way, not only the last.
    assert mode(isolated_home / "minutes") == 0o700
    assert mode(isolated_home) == 0o700
    assert not list(path.parent.glob(".*.tmp"))


def test_the_report_in_the_minutes_folder_is_private(store, recorded, isolated_home) -> None:
    for fmt in FORMATS:
        path = write_report(store, "harbour-programme", fmt=fmt)
        assert path.parent == isolated_home / "minutes"
        assert mode(path) == 0o600
    assert mode(isolated_home / "minutes") == 0o700


def test_an_export_and_the_folders_made_for_it_are_private(store, recorded, tmp_path) -> None:
    path = export_file(store, "harbour-programme", tmp_path / "new" / "deeper" / "backup.json")
    assert mode(path) == 0o600
    assert mode(tmp_path / "new") == mode(tmp_path / "new" / "deeper") == 0o700


def test_settings_and_the_config_folder_are_private(isolated_home) -> None:
    save_setting("bell", False)
    assert mode(settings_path()) == 0o600
    assert mode(settings_path().parent) == 0o700


def test_the_database_and_every_folder_made_for_it_are_private(tmp_path) -> None:
    path = tmp_path / "new" / "data" / "facilitator.db"
    Store.open(path).close()
    assert mode(path) == 0o600
    assert mode(tmp_path / "new") == mode(tmp_path / "new" / "data") == 0o700


def test_minutes_written_again_over_a_readable_file_become_private(
    store, recorded, isolated_home
) -> None:
    path = write_minutes(store, recorded)
    path.chmod(0o644)
    # A temporary file left by an interrupted write, readable by all, is not reused.
    leftover = path.with_name(f".{path.name}.tmp")
    leftover.write_text("half", encoding="utf-8")
    leftover.chmod(0o666)
    assert write_minutes(store, recorded) == path
    assert mode(path) == 0o600
    assert not leftover.exists()


# The command line


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_minutes_to_a_new_folder_are_private_and_say_nothing_more(
    db_path, recorded, tmp_path, capsys, fmt
) -> None:
    output = tmp_path / "out" / f"minutes.{fmt}"
    argv = ["--db", str(db_path), "minutes", "harbour-programme/1", "--format", fmt]
    code, out, err = run(capsys, *argv, "--output", str(output))
    assert (code, out, err) == (0, str(output), [])
    assert mode(output) == 0o600
    assert mode(output.parent) == 0o700


def test_cli_minutes_by_default_are_private(db_path, recorded, isolated_home, capsys) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "minutes", "harbour-programme/1")
    assert (code, err) == (0, [])
    assert mode(Path(out)) == 0o600
    assert mode(isolated_home / "minutes") == 0o700


def test_cli_report_and_export_are_private(db_path, recorded, tmp_path, capsys) -> None:
    report = tmp_path / "made" / "report.docx"
    export = tmp_path / "made" / "backup.json"
    db = ["--db", str(db_path)]
    docx = ["--format", "docx", "--output", str(report)]
    assert run(capsys, *db, "report", "harbour-programme", *docx)[2] == []
    assert run(capsys, *db, "export", "harbour-programme", "--output", str(export))[2] == []
    assert mode(report) == mode(export) == 0o600
    assert mode(tmp_path / "made") == 0o700


def test_standard_output_writes_no_file_and_warns_of_nothing(
    db_path, recorded, isolated_home, capsys
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "minutes", "1", "--output", "-")
    assert code == 0 and out.startswith("# Harbour programme: session 1") and err == []
    assert not (isolated_home / "minutes").exists()


# A folder the facilitator chose


@pytest.mark.parametrize(
    "command",
    [
        ["minutes", "harbour-programme/1", "--format", "html", "--output"],
        ["report", "harbour-programme", "--output"],
        ["export", "harbour-programme", "--output"],
    ],
    ids=["minutes", "report", "export"],
)
def test_a_chosen_folder_others_can_read_is_warned_of_once_and_left_alone(
    db_path, recorded, tmp_path, capsys, command
) -> None:
    folder = open_folder(tmp_path / "shared")
    output = folder / "written.out"
    code, out, err = run(capsys, "--db", str(db_path), *command, str(output))
    assert (code, out) == (0, str(output))
    assert len(err) == 1
    assert err[0].startswith("facilitator: warning: Other people on this computer can see ")
    assert str(folder) in err[0] and "written.out itself is readable by you alone" in err[0]
    assert mode(output) == 0o600
    assert mode(folder) == 0o755


def test_a_minutes_folder_already_there_and_open_is_warned_of(
    db_path, recorded, tmp_path, monkeypatch, capsys
) -> None:
    folder = open_folder(tmp_path / "Facilitator minutes")
    monkeypatch.setenv("FACILITATOR_MINUTES_DIR", str(folder))
    code, out, err = run(capsys, "--db", str(db_path), "minutes", "harbour-programme/1")
    assert code == 0 and Path(out).parent == folder
    assert len(err) == 1 and "can see" in err[0]
    assert mode(Path(out)) == 0o600
    assert mode(folder) == 0o755


def test_a_chosen_folder_only_its_owner_reads_is_not_warned_of(
    db_path, recorded, tmp_path, capsys
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    folder.chmod(0o711)  # others may pass through to a name they know, but not list it
    code, _out, err = run(
        capsys, "--db", str(db_path), "export", "harbour-programme", "--output", str(folder / "x")
    )
    assert (code, err) == (0, [])


@pytest.mark.skipif(os.geteuid() == 0, reason="the superuser writes into any folder")
def test_a_read_only_folder_still_says_it_could_not_write(store, recorded, tmp_path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(StoreError, match=r"Could not write .*: Permission denied"):
            write_minutes(store, recorded, folder / "minutes.md")
    finally:
        folder.chmod(0o755)
    assert list(folder.iterdir()) == []


def test_a_folder_that_cannot_be_made_still_says_it_could_not_write(
    db_path, recorded, tmp_path, capsys
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the way", encoding="utf-8")
    output = blocker / "minutes.md"
    code, out, err = run(capsys, "--db", str(db_path), "minutes", "1", "--output", str(output))
    assert (code, out) == (2, "")
    assert len(err) == 1 and err[0].startswith(f"facilitator: Could not write {output}: ")
    assert blocker.read_text(encoding="utf-8") == "in the way"


# The app


@pytest.mark.usefixtures("utc_local_time")
async def test_the_app_warns_once_of_an_open_minutes_folder(
    clock, tmp_path, monkeypatch, make_facilitator_app
) -> None:
    from facilitator.screens.finish import FinishScreen
    from tests.pilot import add_note, create_and_start, settled

    folder = open_folder(tmp_path / "Facilitator minutes")
    monkeypatch.setenv("FACILITATOR_MINUTES_DIR", str(folder))
    app = make_facilitator_app(now=clock)
    # Every warning as it is given: on a loaded machine a notification may expire before
    # the next document is written, so the notifications on screen cannot say it twice.
    said: list[tuple[str, str]] = []
    say = app.say

    def heard(message: str, **kwargs) -> None:
        said.append((message, kwargs.get("severity", "information")))
        say(message, **kwargs)

    monkeypatch.setattr(app, "say", heard)
    async with app.run_test(size=(80, 24)) as pilot:
        await create_and_start(pilot)
        await add_note(pilot, "Kept between us")
        await pilot.press("ctrl+f")
        await pilot.press("y")
        await settled(pilot, lambda: any("can see" in message for message, _ in said))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FinishScreen)
        warned = [(message, severity) for message, severity in said if "can see" in message]
        assert len(warned) == 1 and warned[0][1] == "warning"
        assert mode(screen.written["md"]) == 0o600
        await pilot.press("w")
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert [message.split(";")[1] for message, _ in said if "can see" in message] == [
            " harbour-programme-session-1.md itself is readable by you alone.",
            " harbour-programme-session-1.docx itself is readable by you alone.",
        ]
        assert mode(screen.written["docx"]) == 0o600
    assert mode(folder) == 0o755
