"""Finding agendas: the bundled library, the user's own folder, and plain paths.

conftest's autouse fixture points FACILITATOR_HOME at a temporary folder, so the user's
agendas live in `<tmp>/home/config/agendas` and the real user folders are never touched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sessions.agenda.files import load_agenda
from sessions.agenda.library import (
    DEFAULT_AGENDA,
    bundled_agendas_dir,
    find_agenda,
    list_agendas,
)
from sessions.agenda.model import AgendaError
from sessions.errors import NotFoundError
from sessions.paths import user_agendas_dir

BUNDLED = sorted(bundled_agendas_dir().glob("*.md"))
BUNDLED_NAMES = [p.stem for p in BUNDLED]

MINE = "# My own agenda\n\n## Step 3: Roles\n\n### Who decides? (25 min)\nTalk.\n"
BROKEN = "# Broken\n## Step 7: Nope\n### No time\n"


def _user_agenda(name: str, text: str) -> Path:
    folder = user_agendas_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_user_folder_is_under_facilitator_home(isolated_home: Path) -> None:
    assert user_agendas_dir() == isolated_home / "config" / "agendas"


def test_the_bundled_library_holds_the_default_agenda() -> None:
    assert bundled_agendas_dir().is_dir()
    assert (bundled_agendas_dir() / "__init__.py").is_file()
    assert DEFAULT_AGENDA in BUNDLED_NAMES


def test_list_without_a_user_folder_lists_only_bundled(isolated_home: Path) -> None:
    assert not user_agendas_dir().exists()
    summaries = list_agendas()
    assert [s.name for s in summaries] == BUNDLED_NAMES
    assert all(s.bundled and s.problems == 0 for s in summaries)
    [default] = [s for s in summaries if s.name == DEFAULT_AGENDA]
    agenda = load_agenda(bundled_agendas_dir() / f"{DEFAULT_AGENDA}.md")
    assert (default.title, default.steps, default.planned_seconds) == (
        agenda.title,
        [1, 2, 3, 4],
        agenda.planned_seconds,
    )
    assert Path(default.path) == bundled_agendas_dir() / f"{DEFAULT_AGENDA}.md"


def test_list_puts_bundled_first_then_the_users_own(isolated_home: Path) -> None:
    # "a-" sorts before every bundled name: order must come from where it lives, not its name.
    path = _user_agenda("a-mine.md", MINE)
    summaries = list_agendas()
    assert [s.bundled for s in summaries] == [True] * len(BUNDLED) + [False]
    mine = summaries[-1]
    assert (mine.name, mine.path, mine.bundled, mine.problems) == ("a-mine", str(path), False, 0)
    assert (mine.title, mine.steps, mine.planned_seconds) == ("My own agenda", [3], 25 * 60)


def test_a_broken_user_agenda_is_listed_with_its_problems_not_a_crash(isolated_home: Path) -> None:
    _user_agenda("b-mine.md", MINE)
    broken = _user_agenda("a-broken.md", BROKEN)
    _user_agenda("binary.md", "").write_bytes(b"\x00\x01")
    users = [s for s in list_agendas() if not s.bundled]
    assert [s.name for s in users] == ["a-broken", "b-mine", "binary"]
    assert (users[0].path, users[0].title, users[0].problems) == (str(broken), "", 2)
    assert users[1].problems == 0
    assert users[2].problems == 1


def test_list_ignores_other_files_and_editor_leftovers(isolated_home: Path) -> None:
    _user_agenda("mine.md", MINE)
    _user_agenda("notes.txt", "not an agenda")
    _user_agenda(".#mine.md", "an editor's lock file")
    (user_agendas_dir() / "folder.md").mkdir()
    assert [s.name for s in list_agendas() if not s.bundled] == ["mine"]


def test_find_a_bundled_agenda_by_name_with_or_without_md(isolated_home: Path) -> None:
    for given in (DEFAULT_AGENDA, f"{DEFAULT_AGENDA}.md", f"  {DEFAULT_AGENDA}  "):
        agenda = find_agenda(given)
        assert agenda.source == f"bundled:{DEFAULT_AGENDA}"
        assert agenda.steps == [1, 2, 3, 4]
    assert find_agenda(f"bundled:{DEFAULT_AGENDA}").source == f"bundled:{DEFAULT_AGENDA}"


def test_find_a_user_agenda_by_name_or_path(isolated_home: Path) -> None:
    path = _user_agenda("mine.md", MINE)
    for given in ("mine", "mine.md", str(path)):
        agenda = find_agenda(given)
        assert agenda.title == "My own agenda"
        assert agenda.source == str(path)


def test_find_a_path_anywhere_absolute_or_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "elsewhere" / "session-2.md"
    path.parent.mkdir()
    path.write_text(MINE, encoding="utf-8")
    assert find_agenda(str(path)).source == str(path)
    monkeypatch.chdir(path.parent)
    agenda = find_agenda("session-2.md")
    assert agenda.title == "My own agenda" and agenda.source == "session-2.md"


def test_a_bundled_file_chosen_by_its_path_stays_bundled() -> None:
    path = bundled_agendas_dir() / f"{DEFAULT_AGENDA}.md"
    assert find_agenda(str(path)).source == f"bundled:{DEFAULT_AGENDA}"


def test_a_users_agenda_of_the_same_name_as_a_bundled_one_wins(isolated_home: Path) -> None:
    path = _user_agenda(f"{DEFAULT_AGENDA}.md", MINE)
    for given in (DEFAULT_AGENDA, f"{DEFAULT_AGENDA}.md"):
        agenda = find_agenda(given)
        assert (agenda.title, agenda.source) == ("My own agenda", str(path))
    # The source recorded on a session still reaches the bundled file.
    bundled = find_agenda(f"bundled:{DEFAULT_AGENDA}")
    assert bundled.source == f"bundled:{DEFAULT_AGENDA}" and bundled.title != "My own agenda"
    # Both are listed: the bundled one, and the user's after it.
    named = [(s.name, s.bundled) for s in list_agendas() if s.name == DEFAULT_AGENDA]
    assert named == [(DEFAULT_AGENDA, True), (DEFAULT_AGENDA, False)]


def test_an_unknown_name_lists_the_known_names(isolated_home: Path) -> None:
    _user_agenda("mine.md", MINE)
    with pytest.raises(NotFoundError) as caught:
        find_agenda("no-such-agenda")
    message = str(caught.value)
    assert message.startswith("No agenda is called 'no-such-agenda'; agendas: ")
    for name in ["mine", *BUNDLED_NAMES]:
        assert name in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("missing/x.md", "There is no agenda file at missing/x.md."),
        ("~/no-such-folder-xyz/x.md", "There is no agenda file at ~/no-such-folder-xyz/x.md."),
        ("missing.md", "No agenda is called 'missing.md'"),
        ("bundled:nope", "No bundled agenda is called 'nope'"),
        ("   ", "Give an agenda name or a file path"),
    ],
)
def test_a_missing_path_or_name_is_not_found(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(NotFoundError) as caught:
        find_agenda(given)
    assert str(caught.value).startswith(message)


def test_an_absolute_missing_path_is_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "gone" / "session.md"
    with pytest.raises(NotFoundError, match="There is no agenda file at"):
        find_agenda(str(missing))


def test_a_broken_agenda_found_by_name_raises_with_its_problems(isolated_home: Path) -> None:
    path = _user_agenda("broken.md", "# Broken\n## S\n### No time\n")
    with pytest.raises(AgendaError) as caught:
        find_agenda("broken")
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{path}:3: item 'No time' has no duration — ")


def test_a_folder_given_as_a_path_is_an_agenda_problem(tmp_path: Path) -> None:
    with pytest.raises(AgendaError) as caught:
        find_agenda(str(tmp_path))
    assert str(caught.value).startswith(f"{tmp_path}: this is a folder, not an agenda file — ")
