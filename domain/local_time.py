"""The one definition of Dutch local time: stored moments are UTC, people live in Europe/Amsterdam.

The domain needs the zone to cut periods into Dutch calendar days (dashboard, research) and writes a date
into a few Dutch sentences of its own (signals); the presentation layer (`tui.render.format`) builds on both
definitions here. Neither is written anywhere else.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def dutch_date(day: date) -> str:
    """dd-mm-jjjj, the way every date is shown (`tui.render.format.format_date` uses this too)."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def amsterdam_day(moment: datetime) -> date:
    """The Dutch calendar day of a stored (UTC) moment; a naive moment counts as UTC."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(AMSTERDAM).date()
