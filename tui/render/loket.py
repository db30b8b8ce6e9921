"""The interdepartementaal loket as text: one question, and the report per ministry (CLI and screens alike)."""

from __future__ import annotations

from domain.loket import LoketReport, LoketVraag, ministries
from tui.render.format import format_date


def days(n: int) -> str:
    return f"{n} dag" if n == 1 else f"{n} dagen"


def questions(n: int) -> str:
    return f"{n} vraag" if n == 1 else f"{n} vragen"


def vraag_lines(vraag: LoketVraag) -> list[str]:
    """A question with its ministry, status, answer and every step."""
    lines = [
        f"{vraag.reference}  over KP-{vraag.knelpunt_id}  aan {vraag.ministry} ({vraag.ministry_name})",
        f"Status: {vraag.status.label} · gesteld op {format_date(vraag.asked_on)}",
        f"Vraag: {vraag.question}",
    ]
    if vraag.answer:
        answered = f" (beantwoord op {format_date(vraag.answered_on)})" if vraag.answered_on else ""
        lines.append(f"Antwoord{answered}: {vraag.answer}")
    lines.append("Stappen:")
    lines += [
        f"  {format_date(s.on)}  {s.status.replace('_', ' '):<15} {s.by}" + (f" – {s.note}" if s.note else "")
        for s in vraag.steps
    ]
    return lines


def vraag_row(vraag: LoketVraag, today_days: int | None = None) -> str:
    """One line in a list of questions."""
    age = f"  {days(today_days)} open" if today_days is not None and vraag.is_open else ""
    return (f"{vraag.reference:<7} KP-{vraag.knelpunt_id:<5} {vraag.ministry:<7} {vraag.status.label:<15} "
            f"{format_date(vraag.asked_on)}  {vraag.question[:60]}{age}")


def report_lines(report: LoketReport) -> list[str]:
    """Per ministry: the number of questions per status, then the open ones, oldest first, with their age."""
    lines = [
        f"Interdepartementaal loket op {format_date(report.today)}: {questions(report.total)}, "
        f"waarvan {report.open} open (gesteld of in behandeling)"
    ]
    if not report.ministries:
        return [*lines, "  Nog geen vragen aan een ministerie."]
    for row in report.ministries:
        counts = ", ".join(f"{n} {status.label.lower()}" for status, n in row.by_status.items())
        oldest = f"; oudste open vraag {days(row.oldest_days)}" if row.oldest_days is not None else ""
        lines.append("")
        lines.append(f"{row.code} – {row.name}: {questions(row.total)} ({counts}){oldest}")
        for q in row.open_questions:
            lines.append(
                f"  {q.reference:<7} {days(q.age_days):>10}  {q.status.label:<15} {q.knelpunt_reference} "
                f"{q.knelpunt_title[:40]}: {q.question[:60]}"
            )
    return lines


def catalogue_lines() -> list[str]:
    return [f"{m.code:<7} {m.name}  ({m.topics})" for m in ministries().values()]
