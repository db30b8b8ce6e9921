"""Turn what a Dutch user types into values the domain understands, and back.

Only the notation is translated here (25-12-2026 → 2026-12-25, 1.234,56 → 1234.56). Whether a value is
valid is for the domain to say: text that does not look like a date or an amount is passed on unchanged,
so the domain's Dutch message names the problem.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from tui.render.format import format_date

FormValues = dict[str, Any]
"""What a form holds as typed, before validation (nested for item lists). Not a command: a form's `submit`
turns it into one with the domain's parser (e.g. `parse_draft`), whose refusal names the fields in Dutch."""

_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def parse_date_input(text: str) -> str | None:
    """`dd-mm-jjjj` or `jjjj-mm-dd` (also with / or .) → ISO text; empty → None; other text unchanged."""
    text = text.strip()
    if not text:
        return None
    if match := _DUTCH_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    return text


def format_date_input(value: date | None) -> str:
    return format_date(value)


def parse_money_input(text: str) -> str | None:
    """`€ 1.234,56`, `1234,56` or `1234.56` → `1234.56`; empty → None; other text unchanged."""
    text = text.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if not text:
        return None
    if "," in text:
        return text.replace(".", "").replace(",", ".")
    if _THOUSANDS.match(text):
        return text.replace(".", "")
    return text


def format_money_input(value: Decimal) -> str:
    """An amount as a Dutch user types it: 1234,56 (no thousands separator, easy to edit)."""
    return f"{value:.2f}".replace(".", ",")
