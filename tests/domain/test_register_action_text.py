"""The text a plan action keeps of a chosen register contact (`action_contact_text`)."""

from __future__ import annotations

from typing import Any

import pytest

from domain.plan import Action
from domain.register import ACTION_CONTACT_MAX, ContactFields, action_contact_text


def contact(**changes: Any) -> ContactFields:
    data: dict[str, Any] = {
        "external_id": "uwv-mmp", "organisation": "UWV", "team": "Team Maatwerk Multiproblematiek",
        "role": "maatwerkadviseur", "phone": "088 898 2001", "email": "maatwerk@uwv.example", "landelijk": True,
    }
    return ContactFields.model_validate({**data, **changes})


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, "UWV – Team Maatwerk Multiproblematiek, 088 898 2001, maatwerk@uwv.example"),
    ({"person": "Shirley Ramdin"}, "UWV – Team Maatwerk Multiproblematiek – Shirley Ramdin, 088 898 2001, "
                                   "maatwerk@uwv.example"),
    ({"team": ""}, "UWV – maatwerkadviseur, 088 898 2001, maatwerk@uwv.example"),
    ({"phone": "", "urgent_phone": "06 12345999"}, "UWV – Team Maatwerk Multiproblematiek, spoed 06 12345999, "
                                                   "maatwerk@uwv.example"),
    ({"phone": ""}, "UWV – Team Maatwerk Multiproblematiek, maatwerk@uwv.example"),
    ({"email": ""}, "UWV – Team Maatwerk Multiproblematiek, 088 898 2001"),
])
def test_who_then_how_to_reach_them(changes: dict[str, Any], expected: str) -> None:
    assert action_contact_text(contact(**changes)) == expected


def test_long_names_are_shortened_but_phone_and_email_stay_whole() -> None:
    long = contact(organisation="Gemeente " + "Zeer Lange Naam " * 6, team="Team " + "Schuldhulp " * 10,
                   person="Anna " + "van der " * 10 + "Berg", email=("a" * 60) + "@" + ("b" * 60) + ".example")
    text = action_contact_text(long)
    assert len(text) == ACTION_CONTACT_MAX
    assert text.endswith(", 088 898 2001, " + long.email)
    assert "…" in text and text.startswith("Gemeente Zeer Lange Naam")
    # Always valid as the action's contact text.
    action = Action(what="Bel over de terugvordering", contact=text, contact_id=7)
    assert action.contact == text


def test_the_limit_matches_the_action_field() -> None:
    field = Action.model_fields["contact"]
    assert any(getattr(m, "max_length", None) == ACTION_CONTACT_MAX for m in field.metadata)
