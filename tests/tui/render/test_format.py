"""The one formatting module: Dutch money, dates and moments in Europe/Amsterdam."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from tui.render.format import (
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_period,
    format_short_date,
    format_short_datetime,
    format_time,
    local_date,
)

NBSP = "\u00a0"


def test_money_and_numbers_are_dutch() -> None:
    assert format_money(Decimal("1234.56")) == f"€{NBSP}1.234,56"
    assert format_money(Decimal("-0.5")) == f"€{NBSP}-0,50"
    assert format_number(Decimal("1234.5")) == "1.234,5"


def test_dates_are_day_month_year_and_empty_when_missing() -> None:
    assert format_date(date(2026, 1, 5)) == "05-01-2026"
    assert format_date(None) == ""
    assert format_period(date(2026, 1, 1), date(2026, 12, 31)) == "01-01-2026 t/m 31-12-2026"
    assert format_period(None, None) == "begin t/m nu"


def test_moments_are_shown_in_amsterdam_time_across_summer_time() -> None:
    winter = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)  # UTC+1: already the next day in Amsterdam
    summer = datetime(2026, 7, 1, 12, 0, 5, tzinfo=UTC)  # UTC+2
    assert format_datetime(winter) == "01-02-2026 00:30"
    assert local_date(winter) == date(2026, 2, 1)
    assert format_short_date(winter) == "01-02-26"
    assert format_short_datetime(summer) == "01-07-26 14:00"
    assert format_time(summer) == "14:00:05"
    assert format_time(None) == ""
