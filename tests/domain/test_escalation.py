"""Escalation: the state machine (property-based), the criteria checklist per level, time to resolution."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import IllegalTransition, InvalidInput
from domain.escalation import (
    ESCALATION_TRANSITIONS,
    Escalation,
    EscalationLevel,
    EscalationStatus,
    ResolutionFact,
    resolution_report,
)

E = EscalationStatus
L = EscalationLevel
CREATED = date(2026, 9, 1)


def complete(**overrides: Any) -> Escalation:
    """An escalation that meets every criterion for LMM/LET."""
    data: dict[str, Any] = {
        "case_number": "DB-2026-000007",
        "level": "lmm_let",
        "urgent": True,
        "urgency_note": "Huisuitzetting gepland",
        "complex": True,
        "complexity_note": "Vijf organisaties, drie wetten",
        "domains": ["financien", "huisvesting"],
        "organisations": ["CJIB", "Woonstad"],
        "routes_tried": [
            {"level": "lokaal", "tried_on": "2026-07-01", "description": "Doorbraakteam", "outcome": "Geen mandaat"},
            {"level": "regionaal", "tried_on": "2026-08-01", "description": "Regionaal overleg"},
        ],
        "blockage": "Beslagvrije voet wordt niet toegepast",
        "requested_solution": "Noodstop en betalingsregeling",
        "consent": {
            "given": True,
            "given_on": "2026-08-15",
            "scope": "Delen met LMM en LET",
            "recipients": ["LMM", "LET"],
            "expires_on": "2027-08-15",
        },
        "created_on": CREATED,
    }
    data.update(overrides)
    return Escalation.model_validate(data)


def fields(problems: list[Any]) -> list[str]:
    return [p.path for p in problems]


def test_complete_escalation_meets_every_level() -> None:
    e = complete()
    for level in L:
        assert e.missing_criteria(date(2026, 9, 2), level) == []


def test_local_needs_only_blockage_and_solution() -> None:
    e = complete(level="lokaal", urgent=False, complex=False, domains=[], organisations=[], routes_tried=[], consent={})
    assert e.missing_criteria(date(2026, 9, 2)) == []
    assert fields(complete(level="lokaal", blockage="", requested_solution="").missing_criteria(CREATED)) == [
        "blockage",
        "requested_solution",
    ]


def test_regional_needs_a_local_route_and_consent() -> None:
    e = complete(level="regionaal", routes_tried=[], consent={})
    assert set(fields(e.missing_criteria(date(2026, 9, 2)))) == {
        "routes_tried",
        "consent.given",
        "consent.scope",
        "consent.recipients",
        "consent.expires_on",
    }


def test_national_checklist_names_every_gap() -> None:
    e = complete(
        urgent=False,
        complex=False,
        domains=["financien"],
        organisations=["CJIB"],
        routes_tried=[{"level": "lokaal", "tried_on": "2026-07-01", "description": "Team"}],
    )
    reasons = [p.reason for p in e.missing_criteria(date(2026, 9, 2))]
    assert "Landelijk escaleren kan alleen bij een urgente casus." in reasons
    assert "Landelijk escaleren kan alleen bij een complexe casus." in reasons
    assert "Landelijk escaleren vraagt meerdere leefgebieden of meerdere organisaties." in reasons
    assert "Leg vast welke regionale route is geprobeerd en wanneer." in reasons


def test_expired_or_future_consent_blocks() -> None:
    e = complete()
    assert fields(e.consent.problems_on(date(2027, 8, 16))) == ["consent.expires_on"]
    assert fields(e.consent.problems_on(date(2026, 8, 14))) == ["consent.given_on"]
    assert e.consent.problems_on(date(2027, 8, 15)) == []  # the expiry day itself still counts
    with pytest.raises(ValueError, match="verloopt vóór"):
        complete(consent={"given": True, "given_on": "2026-08-15", "expires_on": "2026-08-14"})


def test_routes_in_the_future_block_submission() -> None:
    e = complete()
    assert "routes_tried" in fields(e.missing_criteria(date(2026, 7, 15)))


def test_submission_refused_with_problems_and_nothing_changes() -> None:
    e = complete(blockage="")
    with pytest.raises(InvalidInput) as info:
        e.change_status(E.INGEDIEND, on=date(2026, 9, 2), by="x")
    assert "blockage" in fields(info.value.problems)
    assert e.status is E.CONCEPT and e.submitted_on is None and len(e.steps) == 0


def test_dates_and_time_to_resolution() -> None:
    e = complete()
    e.change_status(E.INGEDIEND, on=date(2026, 9, 2), by="Coördinator")
    assert e.waiting_days(date(2026, 9, 30)) == 28
    e.change_status(E.IN_BEHANDELING, on=date(2026, 9, 10), by="LMM")
    assert e.time_to_resolution_days is None
    e.change_status(E.OPGELOST, on=date(2026, 10, 28), by="LMM", note="Noodstop toegepast")
    assert (e.submitted_on, e.started_on, e.closed_on) == (date(2026, 9, 2), date(2026, 9, 10), date(2026, 10, 28))
    assert e.time_to_resolution_days == 56
    assert e.waiting_days(date(2026, 11, 1)) is None
    assert [s.status for s in e.steps] == ["ingediend", "in_behandeling", "opgelost"]


def test_returning_needs_a_reason_and_content_is_frozen_after_submission() -> None:
    e = complete()
    e.check_editable()
    e.change_status(E.INGEDIEND, on=date(2026, 9, 2), by="x")
    with pytest.raises(IllegalTransition, match="concept"):
        e.check_editable()
    with pytest.raises(InvalidInput, match="teruggelegd"):
        e.change_status(E.TERUGGELEGD, on=date(2026, 9, 3), by="x")


def test_next_level() -> None:
    assert L.LOKAAL.next is L.REGIONAAL and L.REGIONAAL.next is L.LANDELIJK and L.LANDELIJK.next is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list(E)), max_size=8))
def test_only_legal_transitions_are_accepted(path: list[E]) -> None:
    e = complete()
    day = date(2026, 9, 2)
    for target in path:
        before = e.status
        allowed = target in ESCALATION_TRANSITIONS[before]
        try:
            e.change_status(target, on=day, by="x", note="reden")
        except IllegalTransition:
            assert not allowed and e.status is before
        else:
            assert allowed and e.status is target
            if target.is_final:
                assert e.closed_on == day
        day += timedelta(days=3)


def test_resolution_report_per_level() -> None:
    facts = [
        ResolutionFact(level=L.LOKAAL, status=E.OPGELOST, submitted_on=date(2026, 1, 1), closed_on=date(2026, 1, 11)),
        ResolutionFact(
            level=L.LOKAAL, status=E.NIET_OPGELOST, submitted_on=date(2026, 1, 1), closed_on=date(2026, 1, 21)
        ),
        ResolutionFact(
            level=L.LANDELIJK, status=E.OPGELOST, submitted_on=date(2026, 1, 1), closed_on=date(2026, 2, 26)
        ),
        ResolutionFact(
            level=L.LANDELIJK, status=E.TERUGGELEGD, submitted_on=date(2026, 1, 1), closed_on=date(2026, 1, 8)
        ),
        ResolutionFact(level=L.LANDELIJK, status=E.OPGELOST, submitted_on=date(2026, 1, 1), closed_on=date(2026, 3, 2)),
    ]
    rows = {r.level: r for r in resolution_report(facts)}
    assert (rows["lokaal"].closed, rows["lokaal"].mean_days, rows["lokaal"].median_days) == (2, 15.0, 15.0)
    assert rows["regionaal"].closed == 0 and rows["regionaal"].mean_days is None
    national = rows["lmm_let"]
    assert (national.opgelost, national.teruggelegd, national.max_days) == (2, 1, 60)
    assert national.median_days == 56.0 and national.mean_days == round((56 + 7 + 60) / 3, 1)
    assert rows["alle"].closed == 5
