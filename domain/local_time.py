"""The one definition of Dutch local time: stored moments are UTC, people live in Europe/Amsterdam.

The domain needs the zone to cut periods into Dutch calendar days (dashboard, research); the presentation
layer (`tui.render.format`) imports it from here to show moments. Defined nowhere else.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def amsterdam_day(moment: datetime) -> date:
    """The Dutch calendar day of a stored (UTC) moment; a naive moment counts as UTC."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(AMSTERDAM).date()
