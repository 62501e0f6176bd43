"""`facilitator plan list | check | show`: what lands on stdout and stderr, and the exit code."""

from __future__ import annotations

import io
import os
import stat
from datetime import date

from facilitator.cli import main
from facilitator.plan_commands import plan_check, plan_copy, plan_list, plan_show
from facilitator.screens.dashboard_plan import plan_text
from sessions.paths import user_plans_dir
from sessions.plan.library import bundled_plans_dir, find_plan
from sessions.services.dashboard import programme_dashboard
from sessions.services.planning import outlook
from sessions.services.plans import programme_from_plan
from sessions.services.programmes import create_programme, find_programme, list_programmes
from sessions.store import Store


def run(command, *args):
    out, err = io.StringIO(), io.StringIO()
    status = command(*args, out, err) if args else command(out)
    return status, out.getvalue(), err.getvalue()


def test_every_bundled_plan_passes_check_with_its_agendas_found():
    paths = [str(path) for path in sorted(bundled_plans_dir().glob("*.md"))]
    assert paths
    status, out, err = run(plan_check, paths)
    assert (status, err) == (0, "")
    assert out.count(": ok — ") == len(paths)


def test_the_bundled_development_plan_lays_out_the_bundled_agendas():
    plan = find_plan("pcn-development")
    assert plan.source == "bundled:pcn-development"
    agendas = [session.agenda for session in plan.sessions]
    assert agendas[:3] == ["pcn-kickoff-90", "pcn-partnership-4-step", "pcn-teams-120"]
    assert "pcn-network-review-120" in agendas


def test_a_plan_naming_an_unknown_agenda_fails_check_at_its_line(tmp_path):
    path = tmp_path / "mine.md"
    path.write_text("# Mine\n\n## First\n- Agenda: no-such-agenda\n", encoding="utf-8")
    status, out, err = run(plan_check, [str(path)])
    assert status == 2
    assert out == ""
    assert err.startswith(f"{path}:4: No agenda is called 'no-such-agenda'")


def test_the_users_plan_is_listed_beside_the_bundled_ones():
    user_plans_dir().mkdir(parents=True)
    (user_plans_dir() / "ours.md").write_text(
        "# Our year\n\n## Start\n- Agenda: pcn-kickoff-90\n", encoding="utf-8"
    )
    (user_plans_dir() / "broken.md").write_text("# Broken\n", encoding="utf-8")
    status, out, _ = run(plan_list)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "WHERE", "SESSIONS", "TITLE"]
    assert any(line.split()[:3] == ["pcn-development", "bundled", "6"] for line in lines)
    assert any(line.split()[:4] == ["ours", "yours", "1", "Our"] for line in lines)
    assert any(line.startswith("broken") and "1 problem:" in line for line in lines)


def test_show_gives_each_session_its_date_to_confirm():
    status, out, err = run(plan_show, "pcn-development", date(2027, 1, 11))
    assert (status, err) == (0, "")
    assert "   1  Mon 11 Jan 2027  Kick-off  (pcn-kickoff-90)" in out
    assert "   2  Mon 8 Feb 2027   Working through the four steps" in out
    assert out.rstrip().endswith("Dates counted from Mon 11 Jan 2027, each to confirm.")


def test_the_command_line_reaches_plan_commands(capsys):
    assert main(["plan", "show", "nothing-here"]) == 2
    assert "No plan is called 'nothing-here'" in capsys.readouterr().err
    assert main(["plan", "show", "pcn-development", "--start", "2027-01-11"]) == 0
    assert "Kick-off" in capsys.readouterr().out


def test_a_programme_from_the_bundled_plan_has_its_sessions_planned(db_path, capsys):
    argv = ["--db", str(db_path), "programme", "new", "North PCN", "--plan", "pcn-development"]
    assert main([*argv, "--start", "2027-01-11"]) == 0
    out = capsys.readouterr().out
    assert "with 6 sessions planned:" in out
    assert "   2  Mon 8 Feb 2027 (to confirm)  Working through the four steps" in out
    assert "   6  Wed 17 May 2028 (to confirm)  Network review (2 of 2)" in out

    store = Store.open(db_path)
    try:
        programme = find_programme(store, "North PCN")
        waiting = outlook(store, programme.id).waiting
    finally:
        store.close()
    assert [number for number, _ in waiting] == [1, 2, 3, 4, 5, 6]
    assert (waiting[0][1], waiting[2][1]) == (date(2027, 1, 11), date(2027, 3, 22))


def test_a_plan_with_problems_makes_no_programme(db_path, tmp_path, capsys):
    path = tmp_path / "mine.md"
    path.write_text("# Mine\n\n## First\n- Agenda: no-such-agenda\n", encoding="utf-8")
    assert main(["--db", str(db_path), "programme", "new", "Mine", "--plan", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"{path}:4: No agenda is called")
    store = Store.open(db_path)
    try:
        assert list_programmes(store) == []
    finally:
        store.close()


def test_the_dashboard_says_where_the_programme_is_in_its_plan(store):

    start = date(2027, 1, 11)
    laid = programme_from_plan(store, "North PCN", find_plan("pcn-development"), start)
    line = plan_text(programme_dashboard(store, laid.programme.id, start))
    assert line is not None
    assert line.plain == (
        "Plan: PCN development programme · session 1 of 6 · next: Kick-off, 11 Jan 2027 "
        "(to confirm)  s: open it"
    )


def test_a_programme_without_a_plan_has_no_plan_line(store):

    made = create_programme(store, "South PCN")
    assert plan_text(programme_dashboard(store, made.id, date(2027, 1, 11))) is None


def test_an_agenda_file_named_in_a_plan_is_found_beside_it(tmp_path, monkeypatch):
    agenda = tmp_path / "ours.md"
    agenda.write_text("# Ours\n\n## Welcome\n\n### Hello (10 min)\n", encoding="utf-8")
    plan = tmp_path / "plan.md"
    plan.write_text("# Our plan\n\n## First\n- Agenda: ours.md\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    status, _, err = run(plan_check, [str(plan)])
    assert (status, err) == (0, "")
    assert find_plan(str(plan)).sessions[0].agenda == str(agenda)


def test_a_bundled_plan_copied_is_private_found_as_yours_and_never_written_over():
    status, out, err = run(plan_copy, "bundled:pcn-development.md", "our-year")
    target = user_plans_dir() / "our-year.md"
    assert (status, out, err) == (0, f"Copied to {target}\n", "")
    assert target.read_bytes() == (bundled_plans_dir() / "pcn-development.md").read_bytes()
    if os.name != "nt":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert find_plan("our-year").source == str(target)

    target.write_text("# Mine now\n", encoding="utf-8")
    status, out, err = run(plan_copy, "pcn-development", "our-year")
    assert status == 2 and out == "" and "already exists" in err
    assert target.read_text(encoding="utf-8") == "# Mine now\n"
    assert run(plan_copy, "pcn-development", "../out")[0] == 2
    assert "No bundled plan is called 'nothing'" in run(plan_copy, "nothing", None)[2]
    assert main(["plan", "copy", "pcn-development"]) == 0
    assert (user_plans_dir() / "pcn-development.md").is_file()
