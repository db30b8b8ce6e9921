"""The baseline terminal app: a bare Textual app showing the case list's first page (same columns, same sort,
same 100 rows) from the raw driver in a DataTable. `python -m benchmarks.bare_tui DATABASE_FILE`."""

from __future__ import annotations

import sqlite3
import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

COLUMNS = ("Casusnummer", "Huishouden", "Gemeente", "Status", "Professional", "Laatste wijziging")
QUERY = ("SELECT case_number, name, municipality_name, status, professional, updated_at FROM household "
         "ORDER BY updated_at DESC, id DESC LIMIT 100")


class BareCaseList(App[None]):
    def __init__(self, database: str) -> None:
        super().__init__()
        self.database = database

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        with sqlite3.connect(self.database) as connection:
            count = connection.execute("SELECT count(*) FROM household").fetchone()[0]
            rows = connection.execute(QUERY).fetchall()
        self.title = f"{count} huishoudens"
        for row in rows:
            table.add_row(*(Text(str(cell)) for cell in row))


if __name__ == "__main__":
    BareCaseList(sys.argv[1]).run()
