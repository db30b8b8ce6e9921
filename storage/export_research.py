"""Writing the research export (CSV, formula-safe) and the municipality's pseudonym key (outside the database)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TextIO

from storage.audit import load_or_create_key
from storage.register_csv import escape_cell
from storage.settings import Settings


def research_key_path(settings: Settings, municipality_code: str) -> Path:
    if not re.fullmatch(r"GM\d{4}", municipality_code):
        raise ValueError(f"not a municipality code: {municipality_code!r}")
    return settings.research_key_dir / f"{municipality_code}.key"


def research_key(settings: Settings, municipality_code: str) -> bytes:
    """The municipality's research key; made (32 random bytes, readable by the owner only) on first use."""
    return load_or_create_key(research_key_path(settings, municipality_code))


NUMBER = re.compile(r"-?\d+(\.\d+)?")
"""A plain number cannot be a formula: negative amounts stay numbers for the researchers' tools."""


def safe_cell(value: str) -> str:
    return value if NUMBER.fullmatch(value) else escape_cell(value)


class ResearchCsvWriter:
    """CSV with a header of the documented columns; every cell but a plain number escaped against formula
    injection (the register CSV's rule)."""

    def __init__(self, out: TextIO, columns: Iterable[str]) -> None:
        self.columns = list(columns)
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(self.columns)

    def __call__(self, row: Mapping[str, str]) -> None:
        self.writer.writerow([safe_cell(row.get(name, "")) for name in self.columns])
