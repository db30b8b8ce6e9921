"""Validators for Dutch identifiers and free text, shared by all domain models.

Each raises ValueError with a Dutch message; pydantic turns those into field errors.
"""

from __future__ import annotations

import re
from datetime import date

# python-stdnum is imported on first use (its import pulls in ssl and pydoc: start-up time of every command).

ASCII_DIGITS = frozenset("0123456789")
CASE_NUMBER_RE = re.compile(r"^DB-(\d{4})-(\d{6})$")


def normalise_bsn(value: str) -> str:
    """Return the 9-digit BSN or raise ValueError (11-test, ASCII digits only, never 000000000).

    `str.isdigit()` accepts full-width and other digits, so we check the characters ourselves.
    """
    compact = value.replace(" ", "").replace(".", "").replace("-", "")
    if not compact or any(ch not in ASCII_DIGITS for ch in compact):
        raise ValueError("Een BSN bestaat uit 9 cijfers (0-9).")
    if len(compact) == 8:
        compact = "0" + compact
    if len(compact) != 9:
        raise ValueError("Een BSN bestaat uit 9 cijfers (0-9).")
    from stdnum.nl import bsn as stdnum_bsn

    if not stdnum_bsn.is_valid(compact) or int(compact) == 0:
        raise ValueError("Dit is geen geldig BSN (de elfproef klopt niet).")
    return compact


def mask_bsn(value: str | None) -> str:
    """Show only the last three digits, as screens and exports may."""
    if not value:
        return ""
    return "******" + value[-3:]


def normalise_postcode(value: str) -> str:
    """Return a postcode as `1234 AB` or raise ValueError."""
    from stdnum.nl import postcode as stdnum_postcode

    try:
        return str(stdnum_postcode.validate(value.strip()))
    except Exception as exc:  # stdnum raises several ValidationError subclasses
        raise ValueError("Ongeldige postcode; gebruik vier cijfers en twee letters, bijv. 1234 AB.") from exc


def check_case_number(value: str) -> str:
    value = value.strip().upper()
    if not CASE_NUMBER_RE.match(value):
        raise ValueError("Een casusnummer ziet eruit als DB-2026-000123.")
    return value


def format_case_number(year: int, sequence: int) -> str:
    return f"DB-{year:04d}-{sequence:06d}"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(value: str, *, field: str = "Dit veld") -> str:
    """Strip surrounding white space and refuse control characters (they break screens and files)."""
    value = value.strip()
    if _CONTROL.search(value):
        raise ValueError(f"{field} bevat onzichtbare stuurtekens.")
    return value


def check_birth_date(value: date, today: date) -> date:
    if value > today:
        raise ValueError("De geboortedatum ligt in de toekomst.")
    if value.year < today.year - 120:
        raise ValueError("De geboortedatum ligt meer dan 120 jaar terug.")
    return value


def age_on(birth: date, day: date) -> int:
    """Whole years between birth and day (a 29 February birthday counts on 1 March in other years)."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years
