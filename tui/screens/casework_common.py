"""Small pieces the overbrugging, escalation and knelpunten screens share: text cells, grids, dates typed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from domain.errors import InvalidInput, Problem
from tui.render.workflow import StepView
from tui.widgets.form_values import parse_date_input


def t(value: str, style: str = "") -> Text:
    """User text as Text, so a `[` is shown as typed and never read as markup."""
    return Text(value, style=style)


def pairs(rows: Sequence[tuple[str, str | Text]], *, columns: int = 2, label_width: int = 14) -> Table:
    """Label/value pairs, `columns` pairs per line (1 in narrow terminals)."""
    grid = Table.grid(expand=True, padding=(0, 1))
    for _ in range(columns):
        grid.add_column(style="bold", no_wrap=True, min_width=label_width)
        grid.add_column(ratio=1)
    for start in range(0, len(rows), columns):
        chunk = list(rows[start:start + columns])
        chunk += [("", "")] * (columns - len(chunk))
        cells: list[str | Text] = []
        for label, value in chunk:
            shown = value if isinstance(value, Text) else t(value or ("—" if label else ""))
            cells += [label, shown]
        grid.add_row(*cells)
    return grid


def simple_table(*columns: str, right: Iterable[str] = (), flex: str | None = None) -> Table:
    """A table with a header line; with `flex` that column takes the spare width and the others do not wrap."""
    right = set(right)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column, justify="right" if column in right else "left",
                         ratio=1 if column == flex else None, no_wrap=flex is not None and column != flex)
    return table


def steps_table(steps: Sequence[StepView]) -> RenderableType:
    """Who did what when: one line per step of a state machine (the view model the CLI prints too)."""
    if not steps:
        return t("Nog geen stappen.", "italic")
    table = simple_table("Datum", "Stap", "Door", "Toelichting")
    for step in steps:
        table.add_row(t(step.on), t(step.status), t(step.by_with_username), t(step.note or ""))
    return table


def check_mark(ok: bool) -> Text:
    return Text("✓ ", style="bold") if ok else Text("✗ ", style="bold reverse")


def days(n: int | None) -> str:
    if n is None:
        return "—"
    return f"{n} {'dag' if n == 1 else 'dagen'}"


def to_date(text: str, path: str, label: str) -> date | None:
    """A typed date (dd-mm-jjjj or jjjj-mm-dd) or None when empty; InvalidInput at `path` otherwise."""
    iso = parse_date_input(text)
    if iso is None:
        return None
    try:
        return date.fromisoformat(iso)
    except ValueError:
        raise InvalidInput([Problem(path, f"{label} is geen geldige datum (gebruik dd-mm-jjjj).")]) from None


def lines_of(text: str) -> list[str]:
    """One item per non-empty line (organisations, recipients typed in a text area)."""
    return [line.strip() for line in text.splitlines() if line.strip()]
