"""Dutch formatting for screens and CLI output (babel): € 1.234,56, 23-11-2026, Europe/Amsterdam time."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def format_money(amount: Decimal) -> str:
    return format_currency(amount, "EUR", locale="nl_NL")


def format_date(value: date | None) -> str:
    return "" if value is None else babel_format_date(value, format="dd-MM-yyyy", locale="nl_NL")


def format_datetime(value: datetime) -> str:
    local = value.astimezone(AMSTERDAM)
    return local.strftime("%d-%m-%Y %H:%M")
