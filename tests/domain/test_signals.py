"""The worklist signals, above all the 18-year signal around birthdays and 29 February."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.overbrugging import add_months
from domain.signals import (
    ActionCandidate,
    EscalationCandidate,
    MemberCandidate,
    OverbruggingCandidate,
    Severity,
    SignalConfig,
    SignalKind,
    birth_window,
    compute_signals,
    eighteenth_birthday,
)
from domain.validation import age_on

CONFIG = SignalConfig()
JEUGDWET = ("Jeugdwet-organisatie Jeugdteam Oost",)


def turning(dob: date, today: date, **kw: bool) -> list[str]:
    signals = compute_signals(today, members=[MemberCandidate("DB-2026-000001", "Emre", dob, reasons=JEUGDWET, **kw)])
    return [s.due.isoformat() for s in signals if s.kind is SignalKind.WORDT_18]


@pytest.mark.parametrize(
    ("dob", "today", "expected"),
    [
        (date(2008, 11, 1), date(2026, 11, 1), ["2026-11-01"]),  # birthday today: still in time
        (date(2008, 10, 31), date(2026, 11, 1), []),  # turned 18 yesterday
        (date(2009, 5, 1), date(2026, 11, 1), ["2027-05-01"]),  # exactly 6 months ahead
        (date(2009, 5, 2), date(2026, 11, 1), []),  # one day too far
        (date(2008, 2, 29), date(2026, 3, 1), ["2026-03-01"]),  # leap-day child turns 18 on 1 March
        (date(2008, 2, 29), date(2026, 2, 28), ["2026-03-01"]),
        (date(2008, 2, 29), date(2026, 3, 2), []),
        (date(2008, 2, 29), date(2025, 9, 1), ["2026-03-01"]),  # horizon 1 March
        (date(2008, 2, 29), date(2025, 8, 31), []),  # horizon 28 Feb 2026 (31 Aug + 6 months)
        (date(2010, 2, 28), date(2027, 8, 31), ["2028-02-28"]),  # 2028 is a leap year; plain 28 Feb
        (date(2010, 3, 1), date(2027, 8, 31), []),  # horizon is 29 Feb 2028
    ],
)
def test_eighteen_signal_around_birthdays(dob: date, today: date, expected: list[str]) -> None:
    assert turning(dob, today) == expected


def test_leap_day_births_always_turn_18_on_1_march() -> None:
    for year in (2000, 2004, 2008, 2012):
        assert eighteenth_birthday(date(year, 2, 29)) == date(year + 18, 3, 1)
        assert age_on(date(year, 2, 29), date(year + 18, 2, 28)) == 17
        assert age_on(date(year, 2, 29), date(year + 18, 3, 1)) == 18


@settings(max_examples=300, deadline=None)
@given(st.dates(date(1995, 1, 1), date(2015, 12, 31)), st.dates(date(2015, 1, 1), date(2033, 12, 31)))
def test_signal_agrees_with_age_on_and_window(dob: date, today: date) -> None:
    """Signalled exactly when the member is under 18 yesterday and 18 at the horizon; the SQL window covers it."""
    horizon = add_months(today, CONFIG.months_before_18)
    expected = age_on(dob, today - timedelta(days=1)) < 18 <= age_on(dob, horizon)
    assert bool(turning(dob, today)) == expected
    if expected:
        first, last = birth_window(today)
        assert first <= dob <= last


def test_existing_transition_overbrugging_suppresses_the_suggestion() -> None:
    assert turning(date(2009, 1, 1), date(2026, 11, 1), has_transition_overbrugging=True) == []


def test_severity_of_18_signal_is_high_when_close() -> None:
    signals = compute_signals(
        date(2026, 11, 1),
        members=[
            MemberCandidate("DB-2026-000001", "Emre", date(2008, 12, 1), reasons=JEUGDWET),
            MemberCandidate("DB-2026-000002", "Lina", date(2009, 4, 1), reasons=JEUGDWET),
        ],
    )
    assert [(s.case_number, s.severity) for s in signals] == [
        ("DB-2026-000001", Severity.HOOG),
        ("DB-2026-000002", Severity.MIDDEL),
    ]
    assert "Emre wordt 18 op 01-12-2026" in signals[0].text


def ob(
    id_: int, deadline: date, *, awaiting: bool = True, closed: bool = False, cap: str = "1000", costs: str = "0"
) -> OverbruggingCandidate:
    return OverbruggingCandidate(
        id=id_,
        case_number=f"DB-2026-00000{id_}",
        status="ingezet",
        settlement_deadline=deadline,
        cap=Decimal(cap),
        total_costs=Decimal(costs),
        awaiting_settlement=awaiting,
        closed=closed,
    )


def test_overbrugging_signals() -> None:
    today = date(2026, 11, 1)
    signals = compute_signals(
        today,
        overbruggingen=[
            ob(1, date(2026, 10, 31)),  # a day late
            ob(2, date(2026, 11, 1)),  # due today: not yet late
            ob(3, date(2026, 9, 1), awaiting=False),  # settled already
            ob(4, date(2027, 1, 1), costs="1000.01"),  # over the cap
            ob(5, date(2027, 1, 1), costs="1000.00"),  # exactly at the cap
            ob(6, date(2026, 1, 1), awaiting=False, closed=True, costs="5000"),  # closed: nothing
        ],
    )
    assert [(s.kind, s.object_id) for s in signals] == [
        (SignalKind.VERREKENING_VERLOPEN, "1"),
        (SignalKind.PLAFOND_OVERSCHREDEN, "4"),
    ]
    assert "1 dag te laat" in signals[0].text


def test_escalation_wait_is_configurable() -> None:
    today = date(2026, 11, 1)
    candidates = [
        EscalationCandidate(1, "DB-2026-000001", "LMM/LET", today - timedelta(weeks=8), True),
        EscalationCandidate(2, "DB-2026-000002", "Regionaal", today - timedelta(weeks=8, days=1), True),
        EscalationCandidate(3, "DB-2026-000003", "Lokaal", today - timedelta(weeks=20), True),
    ]
    signals = compute_signals(today, escalations=candidates)
    assert [(s.object_id, s.severity) for s in signals] == [("3", Severity.HOOG), ("2", Severity.MIDDEL)]
    assert [
        s.object_id
        for s in compute_signals(today, escalations=candidates, config=SignalConfig(escalation_wait_weeks=10))
    ] == ["3"]


def test_actions_past_deadline_and_ordering() -> None:
    today = date(2026, 11, 1)
    signals = compute_signals(
        today,
        actions=[
            ActionCandidate("DB-2026-000009", "a1", "Schuldhulp aanmelden", date(2026, 10, 1)),
            ActionCandidate("DB-2026-000009", "a2", "Klaar", date(2026, 10, 1), done=True),
            ActionCandidate("DB-2026-000009", "a3", "Nog niet", date(2026, 11, 1)),
        ],
        overbruggingen=[ob(1, date(2026, 10, 15))],
    )
    assert [s.kind for s in signals] == [SignalKind.VERREKENING_VERLOPEN, SignalKind.ACTIE_VERLOPEN]
    assert signals[1].as_dict()["due"] == "2026-10-01"
