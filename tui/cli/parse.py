"""Parsing of CLI arguments shared by the overbrugging, escalation and report commands (Dutch errors)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from domain.errors import InvalidInput, Problem

ID_RE = re.compile(r"^(?:(?:OB|ESC|KP|LV)-)?(\d{1,9})$", re.IGNORECASE)


def parse_id(value: str, what: str = "nummer") -> int:
    """`12`, `OB-12`, `ESC-12`, `KP-12` or `LV-12` → 12."""
    match = ID_RE.match(value.strip())
    if not match:
        raise InvalidInput([Problem(what, f"'{value}' is geen geldig nummer (bijv. 12 of OB-12).")])
    return int(match.group(1))


def parse_date(value: str | None, option: str) -> date | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", text):
            day, month, year = (int(p) for p in text.split("-"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput([Problem(option, f"'{value}' is geen geldige datum (gebruik JJJJ-MM-DD).")]) from None


def parse_money(value: str | None, option: str) -> Decimal | None:
    """`1234.56`, `1234,56`, `1.234,56` or `€ 1.234,56` → Decimal('1234.56')."""
    if value is None or not value.strip():
        return None
    text = value.strip().replace("€", "").replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise InvalidInput([Problem(option, f"'{value}' is geen bedrag (bijv. 1234,56).")]) from None
    if not amount.is_finite():
        raise InvalidInput([Problem(option, f"'{value}' is geen bedrag (bijv. 1234,56).")])
    return amount
