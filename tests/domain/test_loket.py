"""The loket's rules without a database: the workflow, the catalogue and the report's grouping and ages."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import IllegalTransition, InvalidInput
from domain.loket import LOKET_WORKFLOW, LoketFact, LoketStatus, LoketVraag, build_loket_report, find_ministry


def vraag(vraag_id: int, ministry: str, asked: date, status: LoketStatus = LoketStatus.GESTELD) -> LoketVraag:
    return LoketVraag(id=vraag_id, knelpunt_id=7, ministry=ministry, question="Mag dit?", asked_on=asked,
                      status=status)


def test_the_workflow_and_its_final_states() -> None:
    assert LOKET_WORKFLOW.next_states(LoketStatus.GESTELD) == [
        LoketStatus.IN_BEHANDELING, LoketStatus.BEANTWOORD, LoketStatus.NIET_OPLOSBAAR]
    assert LOKET_WORKFLOW.next_states(LoketStatus.BEANTWOORD) == [
        LoketStatus.IN_BEHANDELING, LoketStatus.OPGELOST, LoketStatus.NIET_OPLOSBAAR]
    assert LoketStatus.OPGELOST.is_final and LoketStatus.NIET_OPLOSBAAR.is_final
    assert not LoketStatus.BEANTWOORD.is_final and LoketStatus.IN_BEHANDELING.label == "In behandeling"
    v = vraag(1, "VWS", date(2026, 3, 1))
    v.change_status(LoketStatus.BEANTWOORD, on=date(2026, 3, 5), by="Fatima", answer=" Ja. ")
    assert (v.answer, v.answered_on, [s.status for s in v.steps]) == ("Ja.", date(2026, 3, 5), ["beantwoord"])
    with pytest.raises(IllegalTransition, match="Wel mogelijk: In behandeling, Opgelost, Niet oplosbaar"):
        v.change_status(LoketStatus.GESTELD, on=date(2026, 3, 6), by="Fatima")
    v.change_status(LoketStatus.OPGELOST, on=date(2026, 3, 6), by="Fatima")
    with pytest.raises(IllegalTransition, match="Deze loketvraag is afgerond"):
        v.change_status(LoketStatus.IN_BEHANDELING, on=date(2026, 3, 7), by="Fatima")


def test_the_catalogue_holds_official_names_and_refuses_unknown_codes() -> None:
    assert find_ministry("jenv").name == "Ministerie van Justitie en Veiligheid"
    assert find_ministry(" BZK ").name == "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert find_ministry("FIN-TS").name == "Ministerie van Financiën – Dienst Toeslagen"
    with pytest.raises(InvalidInput, match="Onbekend ministerie 'AZ'"):
        find_ministry("AZ")
    with pytest.raises(ValueError, match="Onbekend ministerie"):
        vraag(1, "Defensie", date(2026, 1, 1))


def test_the_report_puts_the_most_open_ministry_first_and_ages_in_days() -> None:
    today = date(2026, 3, 1)
    facts = [
        LoketFact(vraag(1, "SZW", date(2026, 2, 1)), "Toeslag"),
        LoketFact(vraag(2, "VWS", date(2026, 1, 1)), "Wlz"),
        LoketFact(vraag(3, "VWS", date(2026, 2, 28), LoketStatus.IN_BEHANDELING), "Wlz"),
        LoketFact(vraag(4, "OCW", date(2025, 1, 1), LoketStatus.OPGELOST), "Leerplicht"),
        LoketFact(vraag(5, "SZW", date(2026, 3, 2)), "Toeslag"),  # asked after 'today' (another clock): age 0
    ]
    report = build_loket_report(facts, today)
    assert [(m.code, m.total, m.open, m.oldest_days) for m in report.ministries] == [
        ("VWS", 2, 2, 59), ("SZW", 2, 2, 28), ("OCW", 1, 0, None)]
    assert [q.age_days for q in report.ministries[1].open_questions] == [28, 0]
    assert (report.total, report.open) == (5, 4)
