"""Minutes templates: the user's own override ours, and a broken one is reported, never
silently replaced by the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.errors import TemplateProblem
from sessions.services import notes, planning
from sessions.services.minutes import render_minutes
from sessions.services.programmes import create_programme
from sessions.store import Store

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def session_id(store, small_agenda) -> int:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, small_agenda, facilitator="Morgan Lee")
    notes.add_note(store, sid, 0, "We want <b>one</b> front door", "deal")
    return sid


@pytest.fixture
def user_templates(isolated_home) -> Path:
    folder = isolated_home / "config" / "templates"
    folder.mkdir(parents=True)
    return folder


OWN = """# Our minutes: {{ m.title | md }}

Run by {{ m.facilitator | md }}.
{% for section in m.sections %}{% for item in section.items %}{% for label, group in item.note_groups %}{% for note in group %}
- {{ note.text | md }}
{% endfor %}{% endfor %}{% endfor %}{% endfor %}
"""


def test_an_override_shapes_markdown_and_html(store, session_id, user_templates) -> None:
    (user_templates / "minutes.md.j2").write_text(OWN, encoding="utf-8")
    md = render_minutes(store, session_id, "md").decode("utf-8")
    assert md.startswith("# Our minutes: Harbour programme: session 1\n\nRun by Morgan Lee.")
    assert "- We want \\<b\\>one\\</b\\> front door" in md
    html = render_minutes(store, session_id, "html").decode("utf-8")
    assert "<h1>Our minutes: Harbour programme: session 1</h1>" in html
    assert "<li>We want &lt;b&gt;one&lt;/b&gt; front door</li>" in html


def test_an_override_of_the_page_changes_the_html_around_the_minutes(
    store, session_id, user_templates
) -> None:
    (user_templates / "page.html.j2").write_text(
        '<html><title>{{ title }}</title><body class="ours">{{ body }}</body></html>\n',
        encoding="utf-8",
    )
    html = render_minutes(store, session_id, "html").decode("utf-8")
    assert html.startswith('<html><title>Harbour programme: session 1</title><body class="ours">')
    assert "<h1>Harbour programme: session 1</h1>" in html
    assert "&lt;b&gt;one&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("template", "line", "says"),
    [
        ("# {{ m.title }}\n\n{% for s in m.sections %}\n{{ s.title }}\n", 4, "Unexpected end"),
        (
            "# {{ m.title }}\n\n{{ m.chair }}\n",
            3,
            "unknown name: 'Minutes' has no attribute 'chair'",
        ),
        ("# {{ m.title }}\n{{ chair }}\n", 2, "unknown name: 'chair' is undefined"),
        ("# {{ m.title }}\n{{ m.session_number + 'x' }}\n", 2, "TypeError"),
    ],
)
def test_a_broken_override_is_reported_with_its_file_and_line(
    store, session_id, user_templates, template, line, says
) -> None:
    path = user_templates / "minutes.md.j2"
    path.write_text(template, encoding="utf-8")
    for fmt in ("md", "html"):
        with pytest.raises(TemplateProblem) as problem:
            render_minutes(store, session_id, fmt)
        message = str(problem.value)
        assert message.startswith(f"{path}:{line}: ")
        assert says in message
        assert message.endswith("correct the template, or remove it to use the bundled one.")


def test_a_template_that_is_not_utf8_is_reported(store, session_id, user_templates) -> None:
    (user_templates / "minutes.md.j2").write_bytes(b"# caf\xe9 {{ m.title }}\n")
    with pytest.raises(TemplateProblem, match="not UTF-8"):
        render_minutes(store, session_id, "md")


def test_the_word_minutes_ignore_markdown_templates(store, session_id, user_templates) -> None:
    # Word is written from the minutes model: a broken Markdown override cannot stop it.
    (user_templates / "minutes.md.j2").write_text("{{ nope }}", encoding="utf-8")
    assert render_minutes(store, session_id, "docx")[:2] == b"PK"


@pytest.fixture
def recorded(db_path: Path, small_agenda) -> Path:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, small_agenda, facilitator="Morgan Lee")
    notes.add_note(store, sid, 0, "We want one front door", "deal")
    store.close()
    return db_path


def test_command_line_template_file(recorded, tmp_path, capsys) -> None:
    template = tmp_path / "board.md"
    template.write_text("Board copy of {{ m.title | md }}\n", encoding="utf-8")
    assert (
        main(
            [
                "--db",
                str(recorded),
                "minutes",
                "harbour-programme/1",
                "--template",
                str(template),
                "--output",
                "-",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == "Board copy of Harbour programme: session 1\n"


def test_command_line_broken_template_is_one_line_and_writes_nothing(
    recorded, tmp_path, capsys
) -> None:
    template = tmp_path / "board.md"
    template.write_text("line one\n{% if m.title %}\n", encoding="utf-8")
    output = tmp_path / "minutes.html"
    code = main(
        [
            "--db",
            str(recorded),
            "minutes",
            "harbour-programme/1",
            "--template",
            str(template),
            "--format",
            "html",
            "--output",
            str(output),
        ]
    )
    error = capsys.readouterr().err
    assert code == 2
    assert error.startswith(f"facilitator: {template.resolve()}:2: ")
    assert error.rstrip().endswith("or leave out --template to use the bundled one.")
    assert error.count("\n") == 1
    assert not output.exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--template", "nowhere.md.j2"], "nowhere.md.j2: there is no such template file."),
        (["--template", "x.md.j2", "--format", "docx"], "Word minutes are written"),
    ],
)
def test_command_line_template_refusals(recorded, tmp_path, capsys, args, says) -> None:
    (tmp_path / "x.md.j2").write_text("{{ m.title }}", encoding="utf-8")
    args = [str(tmp_path / a) if a.endswith(".j2") else a for a in args]
    assert main(["--db", str(recorded), "minutes", "harbour-programme/1", *args]) == 2
    assert says in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_command_line_writes_each_format(recorded, tmp_path, capsys, fmt) -> None:
    output = tmp_path / f"minutes.{fmt}"
    assert (
        main(
            [
                "--db",
                str(recorded),
                "minutes",
                "harbour-programme/1",
                "--format",
                fmt,
                "--output",
                str(output),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == str(output)
    data = output.read_bytes()
    if fmt == "html":
        assert data.startswith(b"<!DOCTYPE html>") and b"We want one front door" in data
    else:
        from docx import Document

        text = [p.text for p in Document(str(output)).paragraphs]
        assert "We want one front door" in text


def test_an_override_added_while_the_app_runs_is_used(store, session_id, user_templates) -> None:
    assert render_minutes(store, session_id, "md").startswith(b"# Harbour programme: session 1")
    (user_templates / "minutes.md.j2").write_text("Ours: {{ m.title }}\n", encoding="utf-8")
    assert render_minutes(store, session_id, "md") == b"Ours: Harbour programme: session 1\n"
    (user_templates / "minutes.md.j2").unlink()
    assert render_minutes(store, session_id, "md").startswith(b"# Harbour programme: session 1")
