"""What the LMM/LET sees, proven over generated households: never a name, BSN, street, postcode or date of
birth of the household — not in the dossier, not in a list row, not in a step note, not in a refusal.

Unlike the municipality's dossier (refused when the text holds an identifier, naming what was found), the
LET's view withholds the content and names only the field: telling the LET a found name would reveal it.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings

from domain.escalation import (
    NATIONAL_CONSENT_PROBLEM,
    Consent,
    EscalationLevel,
    covers_national_desk,
    names_national_desk,
)
from domain.household import Household
from domain.lmm import WITHHELD_NOTE, handling_note_problems, lmm_row, lmm_steps, pseudonymise
from domain.workflow import StatusStep
from tests.domain.dossier_scenarios import TODAY, Generated, escalation_for, leaks, neutral_escalation, scenarios

DOSSIER_FIELDS = ["urgency_note", "complexity_note", "blockage", "requested_solution", "route", "scope"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_the_let_view_never_carries_identifiers(g: Generated) -> None:
    escalation = neutral_escalation(g)
    # The municipality's and the LET's notes: free text nobody scanned at submission.
    escalation.steps = [
        StatusStep(status="concept", on=date(2026, 9, 1), by="Anna", note=g.texts["blockage"]),
        StatusStep(status="ingediend", on=date(2026, 9, 2), by="Anna", note=g.texts["route"]),
        StatusStep(status="in_behandeling", on=date(2026, 9, 9), by="LET-lid", note=g.texts["scope"]),
    ]
    escalation.status = escalation.status.IN_BEHANDELING
    pseudo = pseudonymise(escalation, g.household, TODAY, [])
    row = lmm_row(escalation, g.household.municipality_code, pseudo, TODAY)
    steps = lmm_steps(escalation, g.household)
    shown = "\n".join([row.model_dump_json(), *(s.model_dump_json() for s in steps),
                       pseudo.dossier.model_dump_json() if pseudo.dossier else ""])
    assert leaks(shown, g.household) == []
    assert "DB-2026-000042" not in shown  # the case number stays in the municipality
    if g.injected:
        assert pseudo.dossier is None and row.withheld and row.knelpunt == ""
    else:
        assert pseudo.dossier is not None and not row.withheld
        assert [s.note for s in steps] == [g.texts["route"], g.texts["scope"]]
    assert [s.status.value for s in steps] == ["ingediend", "in_behandeling"]  # no concept step


def test_a_withheld_field_is_named_but_what_was_found_is_not() -> None:
    g = Generated(household=_household(), texts=dict.fromkeys(DOSSIER_FIELDS, "Geen mandaat."), injected=[])
    g.texts["blockage"] = "Mevrouw Özdemir krijgt geen uitkering (BSN 999993653)."
    escalation = escalation_for(g)
    escalation.steps = [StatusStep(status="ingediend", on=date(2026, 9, 2), by="Anna",
                                   note="Gebeld met Ayşe op de Dapperstraat")]
    pseudo = pseudonymise(escalation, g.household, TODAY, [])
    assert pseudo.dossier is None
    assert any("'Blokkade (knelpunt)'" in reason for reason in pseudo.withheld)
    text = " ".join(pseudo.withheld)
    assert "Özdemir" not in text and "999993653" not in text
    assert lmm_steps(escalation, g.household)[0].note == WITHHELD_NOTE


def test_national_recipients() -> None:
    for name in ("LMM", "LET", "het let", "Landelijk Maatwerkloket Multiproblematiek", "Landelijk Escalatie Team",
                 "landelijk escalatieteam (PMM)", "LMM/LET"):
        assert names_national_desk(name), name
    for name in ("Regionaal escalatieteam", "Doorbraakteam", "Toiletgroep", "Lettergreep BV", "Wmo-loket"):
        assert not names_national_desk(name), name
    assert covers_national_desk(["Regionaal escalatieteam", "LMM"])
    consent = Consent(given=True, given_on=date(2026, 8, 1), scope="Delen", recipients=["Regionaal escalatieteam"],
                      expires_on=date(2027, 8, 1))
    assert consent.problems_for(TODAY, EscalationLevel.REGIONAAL) == []
    problems = consent.problems_for(TODAY, EscalationLevel.LANDELIJK)
    assert [(p.path, p.reason) for p in problems] == [("consent.recipients", NATIONAL_CONSENT_PROBLEM)]
    assert "'LMM'" in NATIONAL_CONSENT_PROBLEM and "'LET'" in NATIONAL_CONSENT_PROBLEM


def test_a_handling_note_is_checked_without_the_households_names() -> None:
    assert handling_note_problems("Contact gelegd met CJIB; noodstop loopt vier maanden.") == []
    assert handling_note_problems("BSN 999993653 bekend bij SVB")
    assert handling_note_problems("Afspraak op 3-5-2027")
    assert handling_note_problems("Postcode 1093 BS")


def _household() -> Household:
    return Household.model_validate({
        "name": "Huishouden Özdemir", "municipality_code": "GM0363",
        "address": {"street": "Dapperstraat", "house_number": "12", "postcode": "1093 BS", "city": "Amsterdam"},
        "members": [{"name": "Ayşe Özdemir", "date_of_birth": "1984-02-29", "role": "hoofdbewoner",
                     "bsn": "999993653"}],
    })
