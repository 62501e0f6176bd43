"""`facilitator agenda list | check | show`: what lands on stdout and stderr, and the exit code."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from facilitator.agenda_commands import agenda_check, agenda_list, agenda_show
from sessions.agenda.durations import format_duration
from sessions.agenda.files import load_agenda
from sessions.agenda.library import bundled_agendas_dir
from sessions.paths import user_agendas_dir

GOOD = """\
# Session 2: trusted people

## Welcome

### Introductions (10 min)

## Step 2: Trusted people

### Barriers (15 min, checklist)
- Slow
- Unclear

### Health check (40 min, scorecard)
- Purpose
  - We share a purpose
- Value
  - Members get value
  - We learn together

## Break

### Tea (1 h, break)

## Close

### Reflection (5 min, reflection)
One thing you will change.
"""

BAD = "# Bad\n## Step 9: Later\n### Zero (0 min)\n"
WORSE = "\n## S\n### A (5 min, quiz)\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _file(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(command, *args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = command(*args, out, err)
    return status, out.getvalue(), err.getvalue()


def test_list_shows_name_title_steps_and_total_time(home: Path) -> None:
    _file(user_agendas_dir(), "session-2.md", GOOD)
    _file(user_agendas_dir(), "broken.md", BAD)
    out = io.StringIO()
    assert agenda_list(out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["NAME", "WHERE", "STEPS", "TIME", "TITLE"]
    for path in sorted(bundled_agendas_dir().glob("*.md")):
        agenda = load_agenda(path)
        [row] = [line for line in lines if line.startswith(path.stem + " ")]
        assert "bundled" in row and agenda.title in row
        assert format_duration(agenda.planned_seconds) in row
    [mine] = [line for line in lines if line.startswith("session-2 ")]
    assert mine.split()[:6] == ["session-2", "yours", "2", "2", "h", "10"]
    assert mine.endswith("Session 2: trusted people")
    [broken] = [line for line in lines if line.startswith("broken ")]
    assert "2 problems" in broken and "facilitator agenda check" in broken
    # Bundled agendas come before the user's own.
    assert lines.index(mine) > max(
        (i for i, line in enumerate(lines) if " bundled " in line), default=0
    )


def test_list_aligns_columns_even_with_wide_characters(home: Path) -> None:
    _file(user_agendas_dir(), "日本.md", GOOD.replace("# Session 2", "# はじめに"))
    _file(user_agendas_dir(), "zz-long-name.md", GOOD)
    out = io.StringIO()
    agenda_list(out)
    rows = [line for line in out.getvalue().splitlines() if "yours" in line]
    # 日本 takes four columns on screen, so it is padded with two fewer spaces.
    starts = [line.index("yours") + (2 if line.startswith("日本") else 0) for line in rows]
    assert len(set(starts)) == 1


def test_check_a_good_file_prints_ok(tmp_path: Path) -> None:
    path = _file(tmp_path, "good.md", GOOD)
    status, out, err = _run(agenda_check, [str(path)])
    assert status == 0 and err == ""
    assert out == f"{path}: ok — 5 items, steps 2, 2 h 10 min\n"


def test_check_reports_every_problem_of_every_file(tmp_path: Path) -> None:
    good = _file(tmp_path, "good.md", GOOD)
    bad = _file(tmp_path, "bad.md", BAD)
    worse = _file(tmp_path, "worse.md", WORSE)
    status, out, err = _run(agenda_check, [str(bad), str(good), str(worse)])
    assert status == 2
    assert out == f"{good}: ok — 5 items, steps 2, 2 h 10 min\n"
    lines = err.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{bad}:2",
        f"{bad}:3",
        f"{worse}:1",
        f"{worse}:3",
    ]
    assert all(" — " in line for line in lines)
    assert "Traceback" not in err


@pytest.mark.parametrize("kind", ["missing", "folder", "binary"])
def test_check_unreadable_paths_exit_2_with_one_line(tmp_path: Path, kind: str) -> None:
    if kind == "missing":
        path, words = tmp_path / "nope.md", "no such file"
    elif kind == "folder":
        path, words = tmp_path, "folder"
    else:
        path, words = tmp_path / "x.md", "binary"
        path.write_bytes(b"\x00\x01\x02")
    status, out, err = _run(agenda_check, [str(path)])
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and words in err and str(path) in err
    assert "Traceback" not in err


def test_check_with_no_files_is_a_usage_error() -> None:
    status, out, err = _run(agenda_check, [])
    assert status == 2 and out == "" and "give at least one agenda file" in err


def test_show_prints_the_timed_outline(tmp_path: Path) -> None:
    path = _file(tmp_path, "good.md", GOOD)
    status, out, err = _run(agenda_show, str(path))
    assert status == 0 and err == ""
    assert out == (
        "Session 2: trusted people\n"
        f"{path} · steps 2 · 5 items\n"
        "\n"
        "Welcome\n"
        "  0:00  10 min  discussion  Introductions\n"
        "\n"
        "Step 2: Trusted people  [step 2: Trusted people]\n"
        "  0:10  15 min  checklist   Barriers  (2 options)\n"
        "  0:25  40 min  scorecard   Health check  (2 areas, 3 statements)\n"
        "\n"
        "Break\n"
        "  1:05     1 h  break       Tea\n"
        "\n"
        "Close\n"
        "  2:05   5 min  reflection  Reflection\n"
        "\n"
        "Total: 2 h 10 min\n"
    )


def test_show_finds_agendas_by_name(home: Path) -> None:
    _file(user_agendas_dir(), "session-2.md", GOOD)
    status, out, _ = _run(agenda_show, "session-2")
    assert status == 0 and out.startswith("Session 2: trusted people\n")
    assert out.endswith("Total: 2 h 10 min\n")


def test_show_a_broken_file_lists_its_problems(tmp_path: Path) -> None:
    path = _file(tmp_path, "bad.md", BAD)
    status, out, err = _run(agenda_show, str(path))
    assert status == 2 and out == ""
    assert err.splitlines()[0].startswith(f"{path}:2: there is no step 9")
    assert len(err.splitlines()) == 2


def test_show_an_unknown_name_says_what_exists(home: Path) -> None:
    status, out, err = _run(agenda_show, "no-such-agenda")
    assert status == 2 and out == ""
    assert err.startswith("facilitator: No agenda is called 'no-such-agenda'")
    assert err.count("\n") == 1


def test_the_command_line_exits_2_for_a_bad_agenda(tmp_path: Path, capsys) -> None:
    from facilitator.cli import main

    path = _file(tmp_path, "bad.md", BAD)
    assert main(["agenda", "check", str(path)]) == 2
    captured = capsys.readouterr()
    assert f"{path}:3: item 'Zero' lasts no time" in captured.err
    assert "Traceback" not in captured.err


def test_list_long_adds_each_agendas_purpose_and_activities(home: Path) -> None:
    _file(user_agendas_dir(), "session-2.md", GOOD)
    noted = "# Noted\n\nFor the facilitator: keep it short. Then more.\n\n## S\n\n### A (5 min)\n"
    _file(user_agendas_dir(), "noted.md", noted)
    plain, long = io.StringIO(), io.StringIO()
    agenda_list(plain)
    assert agenda_list(long, long=True) == 0
    lines = long.getvalue().splitlines()
    # The table's own rows are unchanged; the details sit indented beneath each.
    assert [line for line in lines if not line.startswith("    ")] == plain.getvalue().splitlines()
    mine = lines.index(next(line for line in lines if line.startswith("session-2 ")))
    assert lines[mine + 1 : mine + 3] == [
        "    Purpose: One thing you will change.",
        "    Activities: checklist, scorecard, break, reflection",
    ]
    noted_at = lines.index(next(line for line in lines if line.startswith("noted ")))
    assert lines[noted_at + 1 : noted_at + 3] == [
        "    Purpose: Keep it short.",
        "    Activities: discussion only",
    ]
    for path in sorted(bundled_agendas_dir().glob("*.md")):
        at = lines.index(next(line for line in lines if line.startswith(path.stem + " ")))
        assert lines[at + 1].startswith("    Purpose: ") and not lines[at + 1].endswith(": ")
        assert lines[at + 2].startswith("    Activities: ")
