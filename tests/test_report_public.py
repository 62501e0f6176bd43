"""The programme report follows the minutes' rule: a public version without the decisions
and actions taken in private, in every format, from the command line too."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from facilitator.cli import main
from sessions.services import notes, planning
from sessions.services.programmes import create_programme
from sessions.services.report import render_report, write_report
from sessions.store import Store
from tests.confidential_board import FORMATS, SECRET, confidential_board, every_word

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def board(store: Store, clock) -> SimpleNamespace:
    return confidential_board(store, clock)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_public_report_leaves_out_what_was_private(store, board, fmt) -> None:
    text = every_word(render_report(store, "Harbour programme", fmt, version="public"), fmt)
    assert SECRET not in text
    assert "Public report: items taken in private are left out." in text
    assert "keep the reserves" in text and "publish the budget" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_full_report_keeps_everything_and_says_so(store, board, fmt) -> None:
    text = every_word(render_report(store, "Harbour programme", fmt), fmt)
    assert "Full report, for members: it includes items taken in private." in text
    for said in ("accept the offer", "cut the budget", "call the landlord", "ring the bank"):
        assert f"{SECRET} {said}" in text
    assert "keep the reserves" in text and "publish the budget" in text


def test_the_report_names_its_version_where_something_was_private(store, board) -> None:
    assert write_report(store, "Harbour programme").name == "harbour-programme-report-full.md"
    public = write_report(store, "Harbour programme", version="public")
    assert public.name == "harbour-programme-report-public.md"


def test_a_report_with_nothing_private_is_as_it_was(store, small_agenda) -> None:
    programme = create_programme(store, "Quiet programme")
    sid = planning.start_session(store, programme.id, small_agenda)
    notes.add_note(store, sid, 0, "d: meet monthly", "deal")
    for fmt in FORMATS:
        written = render_report(store, "Quiet programme", fmt)
        assert render_report(store, "Quiet programme", fmt, version="public") == written
    assert "Full report" not in render_report(store, "Quiet programme", "md").decode("utf-8")
    assert write_report(store, "Quiet programme").name == "quiet-programme-report.md"


def test_the_command_line_writes_the_public_report(db_path, board, capsys) -> None:
    assert main(["--db", str(db_path), "report", "harbour-programme", "--public"]) == 0
    written = capsys.readouterr().out.strip()
    assert written.endswith("harbour-programme-report-public.md")
    args = ["--db", str(db_path), "report", "harbour-programme", "--public", "--output", "-"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert SECRET not in out and "keep the reserves" in out
