"""The bundled agendas are written in our own words, not lifted from the source documents.

The documents the product was founded on give it facts, names and structures; its sentences are
its own. Any run of ten words that also appears in a source document fails, once both are
normalised: lowercase, apostrophes dropped, every other mark of punctuation a word break. The
documents sit beside the repository (`../shared/seeds/`), or wherever FACILITATOR_SOURCE_DOCUMENTS
points; where neither holds them the test is skipped, as a clone on its own has none.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from sessions.agenda.library import bundled_agendas_dir
from sessions.plan.library import bundled_plans_dir

RUN = 10
"""Ten words in a row: long enough that sharing them is no accident of plain English."""

SOURCES_VARIABLE = "FACILITATOR_SOURCE_DOCUMENTS"

_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans("", "", "'’‘")


def _sources_dir() -> Path:
    given = os.environ.get(SOURCES_VARIABLE, "").strip()
    if given:
        return Path(given).expanduser()
    return Path(__file__).resolve().parents[2] / "shared" / "seeds"


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().translate(_APOSTROPHES))


def runs(text: str) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


@pytest.fixture(scope="module")
def source_runs() -> set[tuple[str, ...]]:
    folder = _sources_dir()
    documents = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not documents:
        pytest.skip(f"no source documents at {folder} (set {SOURCES_VARIABLE} to their folder)")
    return set().union(*(runs(path.read_text(encoding="utf-8")) for path in documents))


def test_words_are_normalised_before_comparing() -> None:
    assert words("Don’t  STOP—the 'deal', multi-disciplinary_teams!") == [
        "dont",
        "stop",
        "the",
        "deal",
        "multi",
        "disciplinary",
        "teams",
    ]
    assert runs("one two three four five six seven eight nine ten eleven") == {
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
    }


BUNDLED = sorted(bundled_agendas_dir().glob("*.md")) + sorted(bundled_plans_dir().glob("*.md"))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_no_bundled_agenda_copies_ten_words_from_the_sources(
    path: Path, source_runs: set[tuple[str, ...]]
) -> None:
    copied = sorted(" ".join(run) for run in runs(path.read_text(encoding="utf-8")) & source_runs)
    assert copied == [], f"{path.name} repeats the source documents word for word"
