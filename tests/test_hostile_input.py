"""Hostile text in bulk: whatever is typed comes back exactly, and never becomes markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.services import notes, planning
from sessions.services.minutes import render_minutes
from sessions.services.programmes import create_programme
from sessions.store import Store

FRAGMENTS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**bold**",
    "`code`",
    "[link](javascript:alert(1))",
    "| cell |",
    "\x00",
    "\x1b[31m",
    "&amp;",
    "<!--",
    "]]>",
    "# heading",
    "- item",
    "1. item",
    "> quote",
    "\\",
    "\u202e",
    "\ufeff",
    "🩺",
    "Zoë",
    "港",
    "\r\n",
    "\t",
    "<b>",
    "</td></tr>",
    "{{ m.title }}",
    "{% raw %}",
    "[i]rich[/i]",
)
hostile = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), min_size=1, max_size=12
).map("".join)

# The only elements the minutes page is built from: anything else came from a note.
PAGE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
    "hr",
    "code",
}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        self.seen.add(tag)
        self.attributes.update(name for name, _ in attrs)


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("hostile") / "facilitator.db")
    programme = create_programme(store, "Hostile programme")
    agenda = Agenda(
        "Hostile",
        sections=(Section("Step 1: Set-up", 1, (AgendaItem("Anything goes", 600),)),),
        source="test",
    )
    yield store, planning.start_session(store, programme.id, agenda)
    store.close()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile)
def test_a_hostile_note_round_trips_and_stays_text_in_html(session, text) -> None:
    store, sid = session
    saved = notes.add_note(store, sid, 0, f"deal: {text}", "deal")
    if saved is None:  # nothing but spaces after the prefix: nothing to keep
        assert not text.strip()
        return
    assert saved.text == text.strip()
    assert notes.list_notes(store, sid, 0)[-1].text == text.strip()
    page = Tags()
    # Random text may happen to look like patient details: redacted, it is still markup-free.
    page.feed(render_minutes(store, sid, "html", redact=True).decode("utf-8"))
    assert page.seen <= PAGE_TAGS
    assert not any(name.startswith("on") for name in page.attributes)
    assert "href" not in page.attributes and "src" not in page.attributes
