"""Pseudonymisation of the escalation dossier, proven over generated households.

Property: for any household and any free text typed by the professional, either the dossier is refused
(when, and only when, the text holds one of the household's identifiers), or neither its JSON nor the text
extracted from its PDF contains a name, BSN, street, postcode or date of birth of the household.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.dossier import (
    AGE_BANDS,
    EscalationDossier,
    HouseholdIdentifiers,
    age_band,
    band_floor,
    build_dossier,
    composition,
    find_identifiers,
    initials,
)
from domain.errors import InvalidInput
from domain.household import Household
from domain.validation import age_on
from tests.domain.dossier_scenarios import (
    TEXT_FIELDS,
    TODAY,
    Generated,
    escalation_for,
    leaks,
    neutral_escalation,
    scenarios,
)
from tui.render.dossier import dossier_json, dossier_pdf


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_dossier_never_carries_identifiers(g: Generated) -> None:
    escalation = neutral_escalation(g)
    try:
        dossier = build_dossier(escalation, g.household, TODAY)
    except InvalidInput as refused:
        # Refused only when something was actually typed in, and never echoing a BSN or date of birth.
        assert g.injected, f"false positive: {refused.message}"
        for m in g.household.members:
            assert not m.bsn or m.bsn not in refused.message
            assert m.date_of_birth.isoformat() not in refused.message
        return
    assert not g.injected, f"not caught: {g.injected}"
    as_json = dossier_json(dossier)
    assert leaks(as_json, g.household) == []
    text = pdf_text(dossier_pdf(dossier))
    assert "Escalatiedossier" in text and dossier.reference in text  # the extraction itself works
    assert leaks(text, g.household) == []
    for member in dossier.members:
        assert member.initials in text


def test_dossier_model_has_no_field_for_identifiers() -> None:
    forbidden = {"name", "bsn", "address", "street", "postcode", "house_number", "date_of_birth", "case_number", "city"}

    def names(model: Any, seen: set[Any]) -> set[str]:
        if model in seen:
            return set()
        seen.add(model)
        found = set(model.model_fields)
        for info in model.model_fields.values():
            for arg in getattr(info.annotation, "__args__", ()) or (info.annotation,):
                if isinstance(arg, type) and hasattr(arg, "model_fields"):
                    found |= names(arg, seen)
        return found

    assert not names(EscalationDossier, set()) & forbidden


def test_known_household_dossier_content() -> None:
    h = Household.model_validate(
        {
            "name": "Huishouden Özdemir",
            "municipality_code": "GM0363",
            "address": {"street": "Dapperstraat", "house_number": "12", "postcode": "1093 BS", "city": "Amsterdam"},
            "members": [
                {"name": "Ayşe Özdemir", "date_of_birth": "1984-02-29", "role": "hoofdbewoner", "bsn": "999993653"},
                {"name": "Emre van der Özdemir", "date_of_birth": "2009-03-01", "role": "kind"},
                {"name": "Lina Özdemir", "date_of_birth": "2016-07-15", "role": "kind"},
            ],
            "problems": [{"leefgebied": "financien", "score": 1}],
            "organisations": [{"name": "CJIB", "legal_framework": "Strafrecht"}],
        }
    )
    g = Generated(h, dict.fromkeys(TEXT_FIELDS, "Geen mandaat voor maatwerk."), [])
    dossier = build_dossier(escalation_for(g), h, TODAY)
    assert [(m.initials, m.role, m.age_band) for m in dossier.members] == [
        ("A.Ö.", "Hoofdbewoner", "27-44"),  # 42 exactly
        ("E.Ö.", "Kind", "12-17"),  # 17
        ("L.Ö.", "Kind", "4-11"),  # 10
    ]
    assert dossier.composition == "1 volwassene (27-44 jaar), 2 kinderen (4-11 en 12-17 jaar)"
    assert '"age"' not in dossier.model_dump_json() and dossier.format_version == 2
    assert dossier.municipality == "Amsterdam" and dossier.reference == "GM0363-ESC-000042"
    assert dossier.organisations[0].legal_framework == "Strafrecht"
    assert dossier.domains[0].leefgebied == "Financiën" and dossier.domains[0].score == 1
    assert dossier.domains[1].score is None  # huisvesting has no problem recorded


def test_consent_is_required_to_build() -> None:
    h = Household.model_validate({"name": "Huishouden Test", "municipality_code": "GM0363"})
    g = Generated(h, dict.fromkeys(TEXT_FIELDS, "Geen mandaat."), [])
    escalation = escalation_for(g)
    with pytest.raises(InvalidInput, match="verlopen"):
        build_dossier(escalation, h, date(2027, 8, 16))
    escalation.consent = escalation.consent.model_copy(update={"given": False})
    with pytest.raises(InvalidInput, match="geen toestemming"):
        build_dossier(escalation, h, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BSN 999993653 bekend", "BSN"),
        ("nummer 9999.93.653", "BSN"),
        ("nummer ９９９９９３６５３", "BSN"),  # full-width digits
        ("ordernummer 123456789", None),  # fails the 11-test
        ("postcode 1093 BS", "postcode"),
        ("postcode 2511cv", "postcode"),
        ("in 2024 de huur niet betaald", None),
        ("op 3-5-2009 geboren", "datum"),
        ("op 2009-05-03", "datum"),
        ("op 3 mei 2009", "datum"),
        ("sinds 12 jan.", "datum"),
        ("sinds maart 2024, score 1-5", None),
        ("Mevrouw OZDEMIR belde", "naam"),
        ("de Dapperstraat is te duur", "adres"),
        ("contact via het huishouden", None),
    ],
)
def test_scanner_examples(text: str, expected: str | None) -> None:
    h = Household.model_validate(
        {
            "name": "Huishouden Özdemir",
            "municipality_code": "GM0363",
            "address": {"street": "Dapperstraat", "postcode": "1093 BS"},
            "members": [{"name": "Ayşe Özdemir", "date_of_birth": "1984-02-29", "bsn": "999993653"}],
        }
    )
    found = " ".join(find_identifiers(text, HouseholdIdentifiers.of(h)))
    if expected is None:
        assert found == ""
    else:
        assert expected in found


def test_initials_and_composition() -> None:
    assert initials("Jan van der Berg") == "J.B."
    assert initials("Ayşe Özdemir-Yılmaz") == "A.Ö.Y."
    assert initials("  ") == "?"
    assert composition([]) == "geen leden vastgelegd"


def test_age_bands_not_dates_of_birth_on_a_leap_day() -> None:
    h = Household.model_validate(
        {
            "name": "Huishouden Test",
            "municipality_code": "GM0363",
            "members": [{"name": "Kim Test", "date_of_birth": "2004-02-29"}],
        }
    )
    g = Generated(h, dict.fromkeys(TEXT_FIELDS, "Geen mandaat."), [])
    assert build_dossier(escalation_for(g), h, date(2027, 2, 28)).members[0].age_band == "18-22"  # 22
    assert build_dossier(escalation_for(g), h, date(2027, 3, 1)).members[0].age_band == "23-26"  # 23 today


@given(st.integers(min_value=-3, max_value=130))
def test_every_age_falls_in_exactly_one_band_whose_bounds_hold_it(age: int) -> None:
    band = age_band(age)
    holding = [(low, high) for low, high in AGE_BANDS if low <= max(0, age) and (high is None or max(0, age) <= high)]
    assert len(holding) == 1
    low, high = holding[0]
    assert band == (f"{low}+" if high is None else f"{low}-{high}")
    assert band_floor(band) == low


@given(st.integers(min_value=0, max_value=129))
def test_bands_never_go_down_with_age(age: int) -> None:
    assert band_floor(age_band(age)) <= band_floor(age_band(age + 1))


def test_bands_are_wide_except_at_a_legal_boundary() -> None:
    """No band narrower than 4 years: a band never becomes an exact age in disguise."""
    assert all(high is None or high - low >= 3 for low, high in AGE_BANDS)
    assert [low for low, _ in AGE_BANDS] == [0, 4, 12, 18, 23, 27, 45, 67]  # 18 adult, 23 end verlengde jeugdhulp,
    # 27 end of the Participatiewet's jongerenregels, 67 the AOW age (see domain/dossier.py AGE_BANDS)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dates(min_value=date(1925, 1, 1), max_value=date(2026, 11, 30)), min_size=1, max_size=7))
def test_the_dossier_never_shows_an_exact_age(births: list[date]) -> None:
    """Whatever the dates of birth: the dossier's JSON holds bands only, and the composition line names no age
    that is not a band's bound (a 42-year-old never shows up as "42")."""
    today = date(2026, 12, 1)
    h = Household.model_validate({
        "name": "Huishouden Test",
        "municipality_code": "GM0363",
        "members": [{"name": f"Lid {chr(65 + i)} Test", "date_of_birth": born.isoformat()}
                    for i, born in enumerate(births)],
    })
    g = Generated(h, dict.fromkeys(TEXT_FIELDS, "Geen mandaat."), [])
    dossier = build_dossier(escalation_for(g), h, today)
    bounds = {str(b) for low, high in AGE_BANDS for b in (low, high) if b is not None}
    numbers = set(re.findall(r"\d+", dossier.composition))
    assert numbers - {str(len(births)), *(str(n) for n in range(1, 8))} <= bounds
    assert sorted(m.age_band for m in dossier.members) == sorted(age_band(age_on(b, today)) for b in births)
    assert '"age":' not in dossier.model_dump_json()
