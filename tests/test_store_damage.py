"""A damaged SQLite file met as it opens: what can be rebuilt is, the record is never guessed at."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.errors import StoreError
from sessions.services import notes, participants, planning, running
from sessions.services.leases import Holder
from sessions.services.programmes import create_programme
from sessions.services.search import search_notes
from sessions.store import Store

pytestmark = pytest.mark.sqlite_only

TEXTS = ["Café opening hours agreed", "Rota for the winter clinics", "Budget for the café review"]


@pytest.fixture
def filled(tmp_path: Path, small_agenda, clock) -> tuple[Path, int, int]:
    """A database with a programme, a running session and three notes, all in the file."""
    path = tmp_path / "db" / "facilitator.db"
    store = Store.open(path)
    programme = create_programme(store, "Harbour", "Harbour PCN")
    session_id = planning.start_session(store, programme.id, small_agenda)
    running.open_session(store, session_id, Holder.this_process(), clock())
    for text in TEXTS:
        notes.add_note(store, session_id, 0, text, "deal", now=clock())
    store.close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, programme.id, session_id


def root_page(path: Path, name: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        (page,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()
    return int(page)


def damage(path: Path, *names: str) -> None:
    """Overwrite the first page of each table or index with bytes no page can hold."""
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = [root_page(path, name) for name in names]
    with path.open("r+b") as file:
        for page in pages:
            file.seek((page - 1) * page_size)
            file.write(b"\xff" * page_size)


def sound(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as connection:
        try:
            return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        except sqlite3.DatabaseError:  # a damaged page stops the check itself
            return False


def kept_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_sound_file_opens_without_a_word(filled) -> None:
    path, _, _ = filled
    store = Store.open(path)
    try:
        assert store.notices == []
        assert not store.read_only
    finally:
        store.close()
    assert kept_copies(path) == []


def test_a_damaged_search_index_is_rebuilt_from_the_notes(filled, clock) -> None:
    path, programme_id, session_id = filled
    damage(path, "note_fts_data", "note_fts_idx")
    store = Store.open(path)
    try:
        assert len(store.notices) == 1
        assert "search index" in store.notices[0]
        (copy,) = kept_copies(path)
        assert str(copy) in store.notices[0]
        assert copy.stat().st_mode & 0o777 == 0o600
        # The index holds the notes as the trigger folds them: "cafe" finds "Café".
        found = {hit.text for hit in search_notes(store, programme_id, "cafe")}
        assert found == {TEXTS[0], TEXTS[2]}
        notes.add_note(store, session_id, 0, "Saved after the repair", "deal", now=clock())
        assert [hit.text for hit in search_notes(store, programme_id, "repair")] == [
            "Saved after the repair"
        ]
    finally:
        store.close()
    assert sound(path)


def test_a_file_of_another_page_size_is_repaired_all_the_same(tmp_path: Path) -> None:
    path = tmp_path / "db" / "facilitator.db"
    path.parent.mkdir()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA page_size = 1024")  # as an older SQLite made its files
        connection.execute("VACUUM")
    store = Store.open(path)
    create_programme(store, "Harbour", "Harbour PCN")
    store.close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path, "note_fts_data")
    store = Store.open(path)
    try:
        assert "search index" in store.notices[0]
    finally:
        store.close()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA page_size").fetchone()[0] == 1024
    assert sound(path)


def test_the_copy_kept_is_the_damaged_file_as_it_was(filled) -> None:
    path, _, _ = filled
    damage(path, "note_fts_data")
    before = path.read_bytes()
    Store.open(path).close()
    (copy,) = kept_copies(path)
    # Page for page; only the file header's bookkeeping (its journal mode, its change
    # counter) is the copy's own.
    assert len(copy.read_bytes()) == len(before)
    assert copy.read_bytes()[100:] == before[100:]
    assert not sound(copy)


def test_a_damaged_lease_table_is_emptied_and_the_session_can_be_run(filled, clock) -> None:
    path, _, session_id = filled
    damage(path, "session_lease", "room_watch")
    store = Store.open(path)
    try:
        assert "which copy runs each session" in store.notices[0]
        assert "which screens show a session" in store.notices[0]
        running.open_session(store, session_id, Holder.this_process(), clock())
        assert [n.text for n in notes.list_notes(store, session_id, 0)] == TEXTS
    finally:
        store.close()
    assert sound(path)


def test_a_damaged_room_leaves_the_phones_to_join_again(filled, clock) -> None:
    path, _, session_id = filled
    store = Store.open(path)
    try:
        opened = participants.open_room(store, session_id, "facilitator")
        token = participants.join_room(store, opened.code, None)[0]
    finally:
        store.close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path, "room_device")
    store = Store.open(path)
    try:
        assert "phones in a room" in store.notices[0]
        assert participants.device_for_token(store, token) is None
        assert participants.room_for_session(store, session_id) is None
        assert [n.text for n in notes.list_notes(store, session_id, 0)] == TEXTS
    finally:
        store.close()
    assert sound(path)


@pytest.mark.parametrize("index", ["ix_note_session_kind", "sqlite_autoindex_programme_1"])
def test_a_damaged_index_is_built_again_from_its_table(filled, index) -> None:
    path, programme_id, session_id = filled
    damage(path, index)
    store = Store.open(path)
    try:
        assert "indexes" in store.notices[0]
        assert [n.text for n in notes.list_notes(store, session_id, 0)] == TEXTS
        assert len(search_notes(store, programme_id, "winter")) == 1
    finally:
        store.close()
    assert sound(path)


def test_damage_in_the_record_is_refused_and_the_file_left_as_it_was(filled) -> None:
    path, _, _ = filled
    damage(path, "note", "note_fts_data")
    before = digest(path)
    with pytest.raises(StoreError) as refused:
        Store.open(path)
    message = str(refused.value)
    assert str(path) in message
    assert "note table" in message
    assert "facilitator restore" in message
    assert "Nothing was changed" in message
    assert digest(path) == before
    assert kept_copies(path) == []


def test_the_command_line_says_so_in_one_line_and_exits_2(filled, tmp_path, capsys) -> None:
    path, _, _ = filled
    damage(path, "note")
    out = tmp_path / "out.json"
    assert main(["--db", str(path), "export", "harbour", "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is damaged in what it records" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_the_command_line_tells_of_a_repair_and_goes_on(filled, tmp_path, capsys) -> None:
    path, _, _ = filled
    damage(path, "note_fts_data")
    out = tmp_path / "out.json"
    assert main(["--db", str(path), "export", "harbour", "--output", str(out)]) == 0
    assert "search index" in capsys.readouterr().err
    assert out.exists()


def test_a_copy_is_brought_back_over_a_file_damaged_in_its_record(filled, capsys) -> None:
    path, _, session_id = filled
    assert main(["--db", str(path), "backup"]) == 0
    copy = Path(capsys.readouterr().out.strip().splitlines()[-1].split()[-1].rstrip("."))
    assert copy.is_file()
    damage(path, "note")
    damaged = path.read_bytes()
    assert main(["--db", str(path), "restore", str(copy)]) == 0
    capsys.readouterr()
    store = Store.open(path)
    try:
        assert store.notices == []
        assert [n.text for n in notes.list_notes(store, session_id, 0)] == TEXTS
    finally:
        store.close()
    # The damaged file is kept, page for page, as the copy taken before the restore.
    (before,) = [p for p in copy.parent.iterdir() if p.name.endswith("-before-restore.db")]
    assert before.read_bytes()[100:] == damaged[100:]
