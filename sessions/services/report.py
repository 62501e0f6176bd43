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


def programme_report(store: Store, programme_ref: str, version: str = "full") -> ProgrammeReport:
    """The report of the programme named by name or slug, as `facilitator export` finds it;
    in `version` 'public', without what was taken in private."""
    with store.reading() as db:
        return build_report(db, programme_named(db, programme_ref), _public(version))


def report_markdown(store: Store, programme_ref: str, version: str = "full") -> str:
    return markdown_of(programme_report(store, programme_ref, version))


def report_bytes(report: ProgrammeReport, fmt: str = "md") -> bytes:
    def word() -> bytes:
        from sessions.report.report_word import report_docx

        return report_docx(report)

    def figures() -> dict[str, str]:
        from sessions.report.report_charts import report_figures_html

        return report_figures_html(report)

    return document_bytes(
        fmt,
        title=report.title,
        markdown=lambda: markdown_of(report),
        word=word,
        figures=figures,
    )


def render_report(
    store: Store, programme_ref: str, fmt: str, *, redact: Redact = (), version: str = "full"
) -> bytes:
    """The report as it leaves the app, in `version` ('full' or 'public'): refused
    (IdentifiersFound) while it holds a finding neither kept nor chosen in `redact`, which
    are redacted."""
    report = cleared_report(store, programme_report(store, programme_ref, version), redact)
    return report_bytes(report, fmt)


def report_filename(report: ProgrammeReport, fmt: str = "md") -> str:
    """`SLUG-report.md`; where something was taken in private, `SLUG-report-full.md` or
    `SLUG-report-public.md`, as the minutes are named."""
    which = f"-{report.version}" if report.has_confidential else ""
    return f"{report.slug}-report{which}{SUFFIXES[fmt]}"


def write_report(
    store: Store,
    programme_ref: str,
    output: Path | None = None,
    *,
    fmt: str = "md",
    redact: Redact = (),
    version: str = "full",
) -> Path:
    """Render the report in `version` ('full' or 'public') and write it; by default beside
    the minutes, named by the slug. Nothing is written while it holds a finding neither
    kept nor chosen in `redact`."""
    report = cleared_report(store, programme_report(store, programme_ref, version), redact)
    data = report_bytes(report, fmt)
    path = output if output is not None else minutes_dir() / report_filename(report, fmt)
    write_atomically(path, data)
    return path


def _public(version: str) -> bool:
    if version not in ("full", "public"):
        raise ValueError(f"a report comes full or public, not {version!r}")
    return version == "public"
