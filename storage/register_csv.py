"""CSV files of the Maatwerkregister: read an import file into records, write an export safe for spreadsheets.

Reading (format in docs/register-csv.md): UTF-8 with or without BOM, `;` or `,` separated (decided from
the header line), header required. The file is streamed line by line, so a 100,000-row file needs little
memory and `bytes_read` can drive a progress bar. Problems of the file as a whole (not UTF-8, unknown or
missing columns, a field so large the CSV parser gives up) raise InvalidInput; problems of one row (wrong
number of fields, a field over the size limit) travel with that row's record so the import reports them
with its line number.

Writing: the import columns, `;` separated, every cell that a spreadsheet would read as a formula (starting
with = + - @ TAB CR) prefixed with `'`. Reading strips that one `'` again, so export → import round-trips.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from domain.errors import InvalidInput, Problem
from domain.register import (
    CSV_COLUMN_NAMES,
    FORMULA_PREFIXES,
    NOTES_MAX,
    REQUIRED_CSV_COLUMNS,
    ContactFields,
    ImportRecord,
    csv_cell_limits,
    csv_from_contact,
    search_words,
)
from storage.files import write_file

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_FIELD_CHARS = NOTES_MAX
"""No column may hold more (the longest, toelichting, allows 4000 characters); larger cells reject the row,
and so do cells longer than their own field allows (domain.register.csv_cell_limits)."""
PARSER_FIELD_LIMIT = 16 * 1024 * 1024
"""Beyond this the CSV parser itself stops; the whole file is refused."""

COLUMN_ALIASES = {
    "e_mail": "email",
    "emailadres": "email",
    "e_mailadres": "email",
    "telefoonnummer": "telefoon",
    "spoed": "spoedlijn",
    "rol": "functie",
    "thema": "themas",
    "wet": "wetten",
    "gemeenten": "regio",
    "organisatie_type": "organisatietype",
    "geverifieerd": "laatst_geverifieerd",
}


def column_key(header: str) -> str:
    """`Thema's` → `themas`, `E-mail` → `email`, `Externe ID` → `externe_id`."""
    key = "_".join(search_words(header.replace("'", "").replace("’", "")))
    return COLUMN_ALIASES.get(key, key)


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") else ","


def unescape_cell(value: str) -> str:
    """Undo the export's formula guard: `'=x` → `=x` (only before a formula character)."""
    if len(value) >= 2 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def escape_cell(value: str) -> str:
    """Make a cell inert in a spreadsheet: prefix `'` when it starts like a formula."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


class RegisterCsvReader:
    """Streams ImportRecords from a CSV file; `bytes_read` and `size` are for a progress bar."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise InvalidInput([Problem("", f"Bestand {path} bestaat niet.")])
        self.path = path
        self.size = path.stat().st_size
        if self.size > MAX_FILE_BYTES:
            raise InvalidInput([Problem("", f"Bestand is groter dan {MAX_FILE_BYTES // (1024 * 1024)} MB.")])
        self.bytes_read = 0
        self.delimiter = ";"
        self.columns: list[str] = []

    def _lines(self, handle: BinaryIO) -> Iterator[str]:
        for number, raw in enumerate(handle, start=1):
            self.bytes_read += len(raw)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InvalidInput([Problem("", (
                    f"Regel {number}: het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8' en probeer opnieuw."
                ))]) from None
            if number == 1 and line.startswith("\ufeff"):
                line = line[1:]
            yield line

    def _header(self, first_line: str) -> list[str]:
        if not first_line.strip():
            raise InvalidInput([Problem("", "De eerste regel moet de kopregel met kolomnamen zijn; die ontbreekt.")])
        self.delimiter = _delimiter(first_line)
        names = next(csv.reader([first_line], delimiter=self.delimiter))
        columns = [column_key(name) for name in names]
        problems: list[Problem] = []
        unknown = [name for name, key in zip(names, columns, strict=True) if key not in CSV_COLUMN_NAMES]
        if unknown:
            problems.append(Problem("kopregel", (
                f"onbekende kolom(men): {', '.join(repr(u[:40]) for u in unknown[:10])}. "
                f"Bekende kolommen: {', '.join(CSV_COLUMN_NAMES)}."
            )))
        doubles = sorted({key for key in columns if columns.count(key) > 1})
        if doubles:
            problems.append(Problem("kopregel", f"kolom(men) staan er twee keer in: {', '.join(doubles)}."))
        missing = [name for name in REQUIRED_CSV_COLUMNS if name not in columns]
        if missing:
            problems.append(Problem("kopregel", f"verplichte kolom(men) ontbreken: {', '.join(missing)}."))
        if problems:
            raise InvalidInput(problems)
        return columns

    def records(self) -> Iterator[ImportRecord]:
        csv.field_size_limit(max(csv.field_size_limit(), PARSER_FIELD_LIMIT))
        with self.path.open("rb") as handle:
            lines = self._lines(handle)
            first = next(lines, "")
            self.columns = self._header(first)
            width = len(self.columns)
            limits = csv_cell_limits()
            reader = csv.reader(lines, delimiter=self.delimiter)
            previous_end = 1  # the header is line 1
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise InvalidInput([Problem("", (
                        f"Regel {previous_end + 1}: het bestand is geen geldige CSV ({exc}); er is niets ingelezen."
                    ))]) from None
                line = previous_end + 1
                previous_end = reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                problems: list[Problem] = []
                if len(row) != width:
                    problems.append(Problem("", (
                        f"de regel heeft {len(row)} velden, de kopregel {width} "
                        f"(scheidingsteken {self.delimiter!r}; staat er een {self.delimiter!r} "
                        "zonder aanhalingstekens?)"
                    )))
                values: dict[str, str] = {}
                for column, cell in zip(self.columns, row, strict=False):
                    limit = limits.get(column, MAX_FIELD_CHARS)
                    if len(cell) > limit:
                        problems.append(Problem(column, (
                            f"is te groot: {len(cell):,} tekens (maximaal {limit:,})".replace(",", ".")
                        )))
                        values[column] = ""
                    else:
                        if "\r" in cell:  # a line break inside a quoted cell, as written on Windows
                            cell = cell.replace("\r\n", "\n")
                        values[column] = unescape_cell(cell)
                yield ImportRecord(line=line, values=values, problems=problems)


def write_register_csv(contacts: Iterable[ContactFields], out: TextIO, *, bom: bool = False) -> int:
    """Write the contacts in the import format, formula-safe; returns the number of rows written."""
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMN_NAMES)
    count = 0
    for contact in contacts:
        row = csv_from_contact(contact)
        writer.writerow([escape_cell(row[name]) for name in CSV_COLUMN_NAMES])
        count += 1
    return count


def export_register_file(contacts: Iterable[ContactFields], path: Path, *, overwrite: bool = False) -> int:
    """Write to `path` with the one safe writer (storage/files.py), with a BOM so Excel reads UTF-8."""
    count = 0

    def fill(handle: BinaryIO) -> None:
        nonlocal count
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        count = write_register_csv(contacts, text, bom=True)
        text.flush()
        text.detach()

    write_file(path, fill, overwrite=overwrite)
    return count
