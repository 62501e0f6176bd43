"""The HTML minutes, report, papers and reminders as a browser shows and prints them meet WCAG 2.2 AA, as far as
axe-core can tell: opened in headless Chromium, checked on screen and again as printed."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest

from sessions.agenda.library import find_agenda
from sessions.services import checklist, planning, scorecard
from sessions.services.digest import programme_digests, write_digests
from sessions.services.minutes import render_minutes
from sessions.services.pack import render_pack
from sessions.services.programmes import create_programme
from sessions.services.report import render_report
from sessions.services.running import resolve_session_ref
from tests.browser import CHROMIUM
from tests.rich_session import AGENDA, _position, rich_programme

pytestmark = pytest.mark.usefixtures("utc_local_time")

# WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practice besides (headings in order,
# one main landmark, every table header named).
RULES = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
# As the other browser tests launch it; as root there is no sandbox to use.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("needs Chromium (Debian: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(FLAGS))
        yield browser
        browser.close()


def violations(browser, html: bytes, tmp_path, media: str) -> list[str]:
    """What axe-core finds wrong with the page shown on `media`, one line a problem: the
    rule, what it asks, and where."""
    from axe_playwright_python.sync_playwright import Axe

    page_file = tmp_path / "page.html"
    page_file.write_bytes(html)
    page = browser.new_page()
    try:
        page.emulate_media(media=media)
        page.goto(page_file.as_uri())
        options = {"runOnly": {"type": "tag", "values": list(RULES)}, "resultTypes": ["violations"]}
        found = Axe().run(page, options=options).response["violations"]
    finally:
        page.close()
    return [
        f"{v['id']} ({v['help']}): {', '.join(t for n in v['nodes'] for t in n['target'])}"
        for v in found
    ]


def reminders(store, slug: str, tmp_path) -> bytes:
    """The HTML reminder of the owner with the most open actions."""
    written = write_digests(store, programme_digests(store, slug), tmp_path / "reminders").written
    assert written, "the rich programme has open actions"
    _, _, paths = max(written, key=lambda each: each[1].open_count)
    return next(path for path in paths if path.suffix == ".html").read_bytes()


@pytest.fixture
def documents(store, clock, tmp_path) -> dict[str, bytes]:
    """Each HTML document of a rich programme, by name."""
    rich = rich_programme(store, clock)
    asked = render_report(store, asked_again(store), "html")
    assert b">Statements asked again</title>" in asked and b">Checklist trends</title>" in asked
    return {
        "action reminders": reminders(store, rich.slug, tmp_path),
        "minutes of a session with every kind of item": render_minutes(store, rich.session, "html"),
        "approved minutes with an amendment": render_minutes(store, rich.first, "html"),
        "programme report": render_report(store, rich.slug, "html"),
        "papers": render_pack(store, resolve_session_ref(store, f"{rich.slug}/3"), "html"),
        "report charting statements and options asked again": asked,
    }


def asked_again(store) -> str:
    """A programme whose two sessions rate the same statements and vote on the same options:
    the report charts them. Its slug."""
    agenda = find_agenda(AGENDA)
    programme = create_programme(store, "Bay programme", "Bay PCN")
    for scores, votes in (((2, 3, 4), (4, 1)), ((4, 4, 5), (2, 3))):
        session = planning.start_session(store, programme.id, agenda)
        card = _position(store, session, "scorecard")
        for index, score in enumerate(scores):
            scorecard.rate(store, session, card, index, score)
        ticks = _position(store, session, "checklist")
        for index, count in enumerate(votes):
            checklist.vote(store, session, ticks, index, count)
    return programme.slug


@pytest.mark.parametrize("media", ["screen", "print"])
def test_html_documents_pass_axe_on_screen_and_in_print(
    browser, documents, tmp_path, media
) -> None:
    found = {
        name: problems
        for name, html in documents.items()
        if (problems := violations(browser, html, tmp_path, media))
    }
    assert not found, "\n".join(
        f"{name}:\n  " + "\n  ".join(problems) for name, problems in found.items()
    )


class _Tables(HTMLParser):
    """Each header cell's scope, each table's name, and the ids the page's headings carry."""

    def __init__(self) -> None:
        super().__init__()
        self.scopes: list[str | None] = []
        self.names: list[str | None] = []
        self.heading_ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "th":
            self.scopes.append(attrs.get("scope"))
        elif tag == "table":
            self.names.append(attrs.get("aria-labelledby"))
        elif tag in ("h2", "h3", "h4") and "id" in attrs:
            self.heading_ids.add(attrs["id"])


def test_every_table_is_named_by_its_heading_and_every_header_has_a_scope(documents) -> None:
    scopes: set[str | None] = set()
    for name, html in documents.items():
        tables = _Tables()
        tables.feed(html.decode("utf-8"))
        assert tables.names, name
        assert set(tables.names) <= tables.heading_ids, name
        scopes.update(tables.scopes)
    # The deal and relationship tables name their rows down the first column.
    assert scopes == {"col", "row"}
