"""`facilitator agenda copy`: a bundled agenda into the user's own folder, never over a file."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from facilitator.agenda_commands import agenda_copy
from sessions.agenda.library import bundled_agendas_dir, find_agenda, list_agendas
from sessions.paths import user_agendas_dir


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _copy(name: str, new: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = agenda_copy(name, new, out, err)
    return status, out.getvalue(), err.getvalue()


def test_a_copy_is_the_bundled_file_made_private_and_found_as_yours() -> None:
    status, out, err = _copy("pcn-teams-120", "our-teams")
    target = user_agendas_dir() / "our-teams.md"
    assert (status, out, err) == (0, f"Copied to {target}\n", "")
    assert target.read_bytes() == (bundled_agendas_dir() / "pcn-teams-120.md").read_bytes()
    if os.name != "nt":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert stat.S_IMODE(user_agendas_dir().stat().st_mode) == 0o700
    assert find_agenda("our-teams").source == str(target)
    [mine] = [summary for summary in list_agendas() if not summary.bundled]
    assert mine.name == "our-teams" and mine.problems == 0


def test_the_bundled_name_is_kept_without_as_and_a_second_copy_is_refused() -> None:
    assert _copy("bundled:pcn-kickoff-90.md")[0] == 0
    target = user_agendas_dir() / "pcn-kickoff-90.md"
    target.write_text("# Mine now\n", encoding="utf-8")
    status, out, err = _copy("pcn-kickoff-90")
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and "already exists" in err and str(target) in err
    assert target.read_text(encoding="utf-8") == "# Mine now\n"


@pytest.mark.parametrize(
    ("name", "new", "said"),
    [
        ("no-such-agenda", None, "No bundled agenda is called 'no-such-agenda'"),
        ("../agendas/pcn-kickoff-90", None, "No bundled agenda"),
        ("pcn-kickoff-90", "../elsewhere", "is not an agenda name"),
        ("pcn-kickoff-90", ".hidden", "is not an agenda name"),
    ],
)
def test_unknown_agendas_and_names_with_folders_are_refused_in_one_line(
    name: str, new: str | None, said: str
) -> None:
    status, out, err = _copy(name, new)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and said in err and "Traceback" not in err
    assert not user_agendas_dir().exists() or not any(user_agendas_dir().iterdir())
