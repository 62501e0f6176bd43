"""Writing a programme's report, in Markdown, HTML or Word."""

from __future__ import annotations

from pathlib import Path

from sessions.domain.programmes import programme_named
from sessions.minutes.formats import SUFFIXES, document_bytes, write_atomically
from sessions.minutes.render import render_template
from sessions.paths import minutes_dir
from sessions.report.model import ProgrammeReport, build_report
from sessions.services.governance import Redact, cleared_report
from sessions.store import Store

TEMPLATE = "report.md.j2"


def markdown_of(report: ProgrammeReport) -> str:
    return render_template(TEMPLATE, r=report)


def programme_report(store: Store, programme_ref: str) -> ProgrammeReport:
    """The report of the programme named by name or slug, as `facilitator export` finds it."""
    with store.reading() as db:
        return build_report(db, programme_named(db, programme_ref))


def report_markdown(store: Store, programme_ref: str) -> str:
    return markdown_of(programme_report(store, programme_ref))


def report_bytes(report: ProgrammeReport, fmt: str = "md") -> bytes:
    def word() -> bytes:
        from sessions.report.report_word import report_docx

        return report_docx(report)

    return document_bytes(fmt, title=report.title, markdown=lambda: markdown_of(report), word=word)


def render_report(store: Store, programme_ref: str, fmt: str, *, redact: Redact = ()) -> bytes:
    """The report as it leaves the app: refused (IdentifiersFound) while it holds a finding
    neither kept nor chosen in `redact`, which are redacted."""
    report = cleared_report(store, programme_report(store, programme_ref), redact)
    return report_bytes(report, fmt)


def report_filename(report: ProgrammeReport, fmt: str = "md") -> str:
    return f"{report.slug}-report{SUFFIXES[fmt]}"


def write_report(
    store: Store,
    programme_ref: str,
    output: Path | None = None,
    *,
    fmt: str = "md",
    redact: Redact = (),
) -> Path:
    """Render the report and write it; by default beside the minutes, named by the slug.
    Nothing is written while it holds a finding neither kept nor chosen in `redact`."""
    report = cleared_report(store, programme_report(store, programme_ref), redact)
    data = report_bytes(report, fmt)
    path = output if output is not None else minutes_dir() / report_filename(report, fmt)
    write_atomically(path, data)
    return path
