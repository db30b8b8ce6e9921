from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from domain.errors import IllegalTransition
from domain.household import ALLOWED_TRANSITIONS, Household, HouseholdStatus, check_transition
from domain.messages import dutch_problems


def household(**overrides: object) -> Household:
    data: dict[str, object] = {"name": "Huishouden Jansen", "municipality_code": "GM0363"}
    data.update(overrides)
    return Household.model_validate(data)


def problems_of(exc: ValidationError) -> dict[str, str]:
    return {p.path: p.reason for p in dutch_problems(exc)}


def test_minimal_household_is_valid() -> None:
    h = household()
    assert h.status is HouseholdStatus.AANGEMELD
    assert h.municipality_name == "Amsterdam"


def test_every_problem_is_reported_in_dutch_with_its_path() -> None:
    with pytest.raises(ValidationError) as info:
        household(
            name="x" * 10_000_000,
            municipality_code="GM9999",
            address={"postcode": "12"},
            members=[
                {"name": "Piet", "date_of_birth": (date.today() + timedelta(days=1)).isoformat(), "bsn": "123456789"}
            ],
            problems=[{"leefgebied": "financien", "score": 9}],
            organisations=[{"name": "CJIB", "yearly_cost": "-1"}],
        )
    found = problems_of(info.value)
    assert found["name"] == "is te lang (maximaal 120 tekens)"
    assert "Onbekende gemeentecode" in found["municipality_code"]
    assert "postcode" in found["address.postcode"]
    assert found["members.0.date_of_birth"] == "De geboortedatum ligt in de toekomst."
    assert "elfproef" in found["members.0.bsn"]
    assert found["problems.0.score"] == "mag hoogstens 5 zijn"
    assert found["organisations.0.yearly_cost"] == "moet minimaal 0 zijn"


def test_blank_name_and_control_characters_refused() -> None:
    with pytest.raises(ValidationError) as info:
        household(name="   ")
    assert problems_of(info.value)["name"] == "Dit veld is verplicht."
    with pytest.raises(ValidationError) as info:
        household(name="Jansen\x1b[31m")
    assert "stuurtekens" in problems_of(info.value)["name"]


def test_one_problem_per_leefgebied() -> None:
    with pytest.raises(ValidationError, match="twee keer"):
        household(problems=[{"leefgebied": "financien", "score": 1}, {"leefgebied": "financien", "score": 2}])


def test_unknown_leefgebied_refused() -> None:
    with pytest.raises(ValidationError, match="Onbekend leefgebied"):
        household(problems=[{"leefgebied": "geluk", "score": 3}])


def test_money_is_decimal_with_cents() -> None:
    h = household(organisations=[{"name": "UWV", "yearly_cost": "14000.50"}])
    assert h.organisations[0].yearly_cost == Decimal("14000.50")
    with pytest.raises(ValidationError):
        household(organisations=[{"name": "UWV", "yearly_cost": "1.005"}])


def test_validate_assignment_keeps_household_valid() -> None:
    h = household()
    with pytest.raises(ValidationError):
        h.municipality_code = "GM0000"
    assert h.municipality_code == "GM0363"


statuses = st.sampled_from(list(HouseholdStatus))


@given(statuses, statuses)
def test_status_machine_allows_exactly_the_listed_transitions(current: HouseholdStatus, new: HouseholdStatus) -> None:
    h = household(status=current)
    if new == current or new in ALLOWED_TRANSITIONS[current]:
        h.change_status(new)
        assert h.status == new
    else:
        with pytest.raises(IllegalTransition) as info:
            h.change_status(new)
        assert "kan niet naar" in info.value.message
        assert h.status == current


@given(st.lists(statuses, max_size=20))
def test_any_walk_of_legal_steps_reaches_only_known_states(steps: list[HouseholdStatus]) -> None:
    h = household()
    for step in steps:
        try:
            check_transition(h.status, step)
        except IllegalTransition:
            continue
        h.change_status(step)
    assert h.status in HouseholdStatus


def test_every_status_can_reach_afgesloten_or_is_it() -> None:
    for status in HouseholdStatus:
        assert status == HouseholdStatus.AFGESLOTEN or HouseholdStatus.AFGESLOTEN in ALLOWED_TRANSITIONS[status]
