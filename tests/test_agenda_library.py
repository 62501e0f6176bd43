"""Finding agendas: the bundled library, the user's own folder, and plain paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from sessions.agenda.library import (
    DEFAULT_AGENDA,
    bundled_agendas_dir,
    find_agenda,
    list_agendas,
)
from sessions.agenda.model import AgendaError
from sessions.agenda.parser import load_agenda
from sessions.errors import NotFoundError
from sessions.paths import user_agendas_dir

BUNDLED = sorted(bundled_agendas_dir().glob("*.md"))

MINE = "# My own agenda\n\n## Step 3: Roles\n\n### Who decides? (25 min)\nTalk.\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _user_agenda(name: str, text: str) -> Path:
    folder = user_agendas_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(not BUNDLED, reason="the agendas/ package holds no .md files yet")
@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_every_bundled_agenda_parses(path: Path) -> None:
    agenda = load_agenda(path)
    assert agenda.title
    assert agenda.items
    assert agenda.planned_seconds > 0


@pytest.mark.skipif(not BUNDLED, reason="the agendas/ package holds no .md files yet")
def test_the_default_agenda_is_bundled_and_covers_all_four_steps(home: Path) -> None:
    agenda = find_agenda(DEFAULT_AGENDA)
    assert agenda.source == f"bundled:{DEFAULT_AGENDA}"
    assert agenda.steps == [1, 2, 3, 4]


def test_bundled_folder_is_the_agendas_package() -> None:
    assert bundled_agendas_dir().is_dir()
    assert (bundled_agendas_dir() / "__init__.py").is_file()


def test_list_without_a_user_folder_lists_only_bundled(home: Path) -> None:
    assert not user_agendas_dir().exists()
    summaries = list_agendas()
    assert [s.name for s in summaries] == [p.stem for p in BUNDLED]
    assert all(s.bundled and s.problems == 0 for s in summaries)


def test_list_puts_bundled_first_then_the_users_own_and_survives_a_broken_one(home: Path) -> None:
    _user_agenda("b-mine.md", MINE)
    broken = _user_agenda("a-broken.md", "# Broken\n## Step 7: Nope\n### No time\n")
    _user_agenda("notes.txt", "not an agenda")
    _user_agenda(".#b-mine.md", "an editor's lock file")
    summaries = list_agendas()
    bundled = [s for s in summaries if s.bundled]
    assert summaries[: len(bundled)] == bundled
    users = summaries[len(bundled) :]
    assert [(s.name, s.bundled) for s in users] == [("a-broken", False), ("b-mine", False)]
    assert users[0].problems == 2 and users[0].path == str(broken)
    mine = users[1]
    assert (mine.title, mine.steps, mine.planned_seconds, mine.problems) == (
        "My own agenda",
        [3],
        25 * 60,
        0,
    )


def test_find_by_name_with_or_without_md_and_by_path(home: Path) -> None:
    path = _user_agenda("mine.md", MINE)
    for given in ("mine", "mine.md", str(path)):
        agenda = find_agenda(given)
        assert agenda.title == "My own agenda"
        assert agenda.source == str(path)


def test_find_a_path_anywhere(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "session-2.md"
    path.parent.mkdir()
    path.write_text(MINE, encoding="utf-8")
    assert find_agenda(str(path)).source == str(path)


@pytest.mark.skipif(not BUNDLED, reason="the agendas/ package holds no .md files yet")
def test_a_users_agenda_overrides_a_bundled_one_of_the_same_name(home: Path) -> None:
    name = BUNDLED[0].stem
    _user_agenda(f"{name}.md", MINE)
    assert find_agenda(name).title == "My own agenda"
    bundled = find_agenda(f"bundled:{name}")
    assert bundled.source == f"bundled:{name}"
    assert bundled.title == load_agenda(BUNDLED[0]).title
    # Chosen by its path, as the app's list does, a bundled file keeps its bundled source.
    assert find_agenda(str(BUNDLED[0])).source == f"bundled:{name}"


def test_unknown_name_lists_what_exists(home: Path) -> None:
    _user_agenda("mine.md", MINE)
    with pytest.raises(NotFoundError) as caught:
        find_agenda("no-such-agenda")
    message = str(caught.value)
    assert "'no-such-agenda'" in message
    assert "mine" in message
    for path in BUNDLED:
        assert path.stem in message


def test_unknown_bundled_name_and_missing_path(home: Path, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="No bundled agenda is called 'nope'"):
        find_agenda("bundled:nope")
    with pytest.raises(NotFoundError, match="There is no agenda file at"):
        find_agenda(str(tmp_path / "missing" / "x.md"))
    with pytest.raises(NotFoundError, match="Give an agenda name"):
        find_agenda("   ")


def test_a_broken_agenda_found_by_name_raises_with_its_problems(home: Path) -> None:
    path = _user_agenda("broken.md", "# Broken\n## S\n### No time\n")
    with pytest.raises(AgendaError) as caught:
        find_agenda("broken")
    [problem] = caught.value.problems
    assert (problem.path, problem.line) == (str(path), 3)


def test_a_folder_given_as_a_path_is_an_agenda_problem(home: Path, tmp_path: Path) -> None:
    with pytest.raises(AgendaError, match="folder"):
        find_agenda(str(tmp_path))
