"""Dutch formatting, the one module for it: € 1.234,56, 23-11-2026, 23-11-2026 14:05 (Europe/Amsterdam).

Screens, the CLI and the document renderers all format through here, so a date or an amount looks the
same everywhere. Stored moments are UTC; they are shown in Dutch local time (`domain.local_time`).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from domain.local_time import AMSTERDAM, dutch_date

__all__ = [
    "AMSTERDAM",
    "format_date",
    "format_datetime",
    "format_money",
    "format_number",
    "format_period",
    "format_short_date",
    "format_short_datetime",
    "format_time",
    "local_date",
]


def format_money(amount: Decimal) -> str:
    """€ 1.234,56 (babel, nl_NL; the space is a no-break space)."""
    from babel.numbers import format_currency  # on first use: babel's import is start-up time of every command

    return format_currency(amount, "EUR", locale="nl_NL")


def format_number(value: Decimal) -> str:
    """1.234,5 (babel, nl_NL)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale="nl_NL")


def format_date(value: date | None) -> str:
    """dd-mm-jjjj; empty for no date."""
    return "" if value is None else dutch_date(value)


def format_period(start: date | None, end: date | None) -> str:
    """23-11-2026 t/m 31-12-2026; an open start reads "begin", an open end "nu"."""
    return f"{format_date(start) or 'begin'} t/m {format_date(end) or 'nu'}"


def format_short_date(moment: datetime) -> str:
    """dd-mm-jj of a moment in Dutch local time (narrow tables)."""
    return moment.astimezone(AMSTERDAM).strftime("%d-%m-%y")


def format_datetime(moment: datetime) -> str:
    """dd-mm-jjjj uu:mm in Dutch local time."""
    local = moment.astimezone(AMSTERDAM)
    return f"{dutch_date(local.date())} {local:%H:%M}"


def format_short_datetime(moment: datetime) -> str:
    """dd-mm-jj uu:mm in Dutch local time."""
    return moment.astimezone(AMSTERDAM).strftime("%d-%m-%y %H:%M")


def format_time(moment: datetime | None) -> str:
    """uu:mm:ss in Dutch local time; empty for no moment."""
    return "" if moment is None else moment.astimezone(AMSTERDAM).strftime("%H:%M:%S")


def local_date(moment: datetime) -> date:
    """The Dutch calendar day of an aware moment."""
    return moment.astimezone(AMSTERDAM).date()
