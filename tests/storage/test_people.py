"""People on SQLite and PostgreSQL: the 18-signal with and without an organisation, the big-5 checklist in the
werklijst (ticked and audited), ZRM per adult person, problems of a person."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.audit import AuditKind
from domain.errors import InvalidInput
from domain.people import ChecklistItem, ChecklistOutcome
from domain.services import households
from domain.services.households import parse_draft
from domain.services.people import RecordZrm, TickChecklist, people_of, record_zrm, tick_checklist
from domain.services.signals import worklist
from domain.signals import SignalKind
from storage.bootstrap import Database
from tests.builders import TODAY, make_household

NO_ORGANISATIONS: list[dict[str, Any]] = []


def family(child_born: str) -> list[dict[str, Any]]:
    return [
        {"name": "Ouder Test", "date_of_birth": "1980-01-01", "role": "hoofdbewoner"},
        {"name": "Sem Test", "date_of_birth": child_born, "role": "kind"},
    ]


def member_id(db: Database, case: str, name: str) -> int:
    household = households.get_household(case, db.uow(), db.actor)
    found = next(m.id for m in household.members if m.name == name)
    assert found is not None
    return found


def give_problem_to(db: Database, case: str, leefgebied: str, name: str | None) -> None:
    household = households.get_household(case, db.uow(), db.actor)
    target = None if name is None else member_id(db, case, name)
    for problem in household.problems:
        if problem.leefgebied == leefgebied:
            problem.member_id = target
    draft = parse_draft(household.model_dump(include={"name", "municipality_code", "address", "professional",
                                                      "team", "members", "problems", "organisations"}))
    households.update_household(case, draft, household.version, db.uow(), db.actor)


def signals_of(db: Database, case: str, kind: SignalKind, today: date = TODAY) -> list[Any]:
    return [s for s in worklist(db.uow(), db.actor, today=today) if s.case_number == case and s.kind is kind]


def test_eighteen_signal_without_an_organisation_from_a_problem_of_the_child(db: Database) -> None:
    plain = [{"leefgebied": "geestelijke_gezondheid", "score": 2, "description": "Somber, slaapt slecht"}]
    case = make_household(db, name="Huishouden Zonder", members=family("2009-03-10"), problems=plain,
                          organisations=NO_ORGANISATIONS)
    assert signals_of(db, case, SignalKind.WORDT_18) == []  # no sign of youth care: no 18-signal
    give_problem_to(db, case, "geestelijke_gezondheid", "Sem Test")
    [signal] = signals_of(db, case, SignalKind.WORDT_18)
    assert "Sem Test wordt 18 op 10-03-2027" in signal.text
    assert "Aanleiding: eigen probleem op geestelijke gezondheid" in signal.text
    assert "verlengde jeugdhulp tot 23 jaar (Jeugdwet art. 1.1" in signal.text and "Jeugdwet stopt" not in signal.text
    give_problem_to(db, case, "geestelijke_gezondheid", "Ouder Test")  # the parent's problem: not the child's
    assert signals_of(db, case, SignalKind.WORDT_18) == []


def test_eighteen_signal_from_youth_care_named_in_a_problem_or_an_organisation(db: Database) -> None:
    named = [{"leefgebied": "huiselijke_relaties", "score": 2, "description": "Gezinsvoogd betrokken (OTS)"}]
    by_text = make_household(db, name="Huishouden Tekst", members=family("2009-01-20"), problems=named,
                             organisations=NO_ORGANISATIONS)
    with_org = make_household(db, name="Huishouden Org", members=family("2009-01-21"), problems=[],
                              organisations=[{"name": "Jeugdteam", "legal_framework": "Jeugdwet"}])
    [a] = signals_of(db, by_text, SignalKind.WORDT_18)
    assert "jeugdhulp genoemd bij huiselijke relaties" in a.text
    [b] = signals_of(db, with_org, SignalKind.WORDT_18)
    assert "Jeugdwet-organisatie Jeugdteam" in b.text


def test_big5_checklist_in_the_werklijst_ticked_and_audited(db: Database) -> None:
    case = make_household(db, name="Huishouden Lijst", members=family("2009-04-01"), organisations=NO_ORGANISATIONS,
                          problems=[])
    sem = member_id(db, case, "Sem Test")
    # Opens 6 months before the 18th birthday (1 April 2027): not on 30 September 2026, yes on 1 October.
    assert signals_of(db, case, SignalKind.CHECKLIST_18, date(2026, 9, 30)) == []
    [signal] = signals_of(db, case, SignalKind.CHECKLIST_18, date(2026, 10, 1))
    assert signal.object_type == "member" and signal.object_id == str(sem)
    assert "8 van 8 punten open" in signal.text and "eigen zorgverzekering en premie" in signal.text
    for item in ChecklistItem:
        outcome = ChecklistOutcome.NVT if item is ChecklistItem.JEUGDBESCHERMING else ChecklistOutcome.GEDAAN
        if item is not ChecklistItem.ZORGTOESLAG:
            tick_checklist(TickChecklist(case, sem, item, outcome), db.uow(), db.actor, today=TODAY)
    [signal] = signals_of(db, case, SignalKind.CHECKLIST_18)
    assert "1 van 8 punten open: zorgtoeslag aangevraagd." in signal.text
    people = tick_checklist(TickChecklist(case, sem, ChecklistItem.ZORGTOESLAG, ChecklistOutcome.GEDAAN, "aangevraagd"),
                            db.uow(), db.actor, today=TODAY)
    assert signals_of(db, case, SignalKind.CHECKLIST_18) == []
    assert people.person(sem).checklist_open == []
    # Opened again: back on the list. Every tick is in the audit trail.
    tick_checklist(TickChecklist(case, sem, ChecklistItem.WONEN, None), db.uow(), db.actor, today=TODAY)
    [signal] = signals_of(db, case, SignalKind.CHECKLIST_18)
    assert "1 van 8 punten open: wonen na 18." in signal.text
    with db.uow() as uow:
        records = list(uow.audit.records("checklist_18", f"{case}/{sem}"))
    assert len(records) == 9 and all(r.event.kind is AuditKind.UPDATE for r in records)
    # Six months after the birthday the checklist leaves the werklijst.
    assert len(signals_of(db, case, SignalKind.CHECKLIST_18, date(2027, 10, 1))) == 1
    assert signals_of(db, case, SignalKind.CHECKLIST_18, date(2027, 10, 2)) == []


def test_leap_day_child_checklist_and_signal_on_1_march(db: Database) -> None:
    case = make_household(db, name="Huishouden Schrikkel", members=family("2008-02-29"), organisations=NO_ORGANISATIONS,
                          problems=[{"leefgebied": "justitie", "score": 2, "description": "Jeugdreclassering"}])
    [signal] = signals_of(db, case, SignalKind.WORDT_18, date(2026, 2, 28))
    assert signal.due == date(2026, 3, 1)
    assert signals_of(db, case, SignalKind.WORDT_18, date(2026, 3, 2)) == []
    # The checklist opens on 1 September 2025 (1 March 2026 − 6 months) and closes on 1 September 2026.
    assert signals_of(db, case, SignalKind.CHECKLIST_18, date(2025, 8, 31)) == []
    assert len(signals_of(db, case, SignalKind.CHECKLIST_18, date(2025, 9, 1))) == 1
    assert len(signals_of(db, case, SignalKind.CHECKLIST_18, date(2026, 9, 1))) == 1
    assert signals_of(db, case, SignalKind.CHECKLIST_18, date(2026, 9, 2)) == []


def test_zrm_per_adult_person_with_history(db: Database) -> None:
    case = make_household(db, name="Huishouden Zrm", members=family("2009-04-01"), organisations=NO_ORGANISATIONS)
    parent, child = member_id(db, case, "Ouder Test"), member_id(db, case, "Sem Test")
    record_zrm(RecordZrm(case, parent, date(2026, 9, 1), {"financien": 1, "huisvesting": 2}), db.uow(), db.actor,
               today=TODAY)
    record_zrm(RecordZrm(case, parent, date(2026, 10, 1), {"financien": 3}), db.uow(), db.actor, today=TODAY)
    record_zrm(RecordZrm(case, parent, date(2026, 10, 1), {"financien": 4}), db.uow(), db.actor, today=TODAY)
    with pytest.raises(InvalidInput, match="nog geen 18"):
        record_zrm(RecordZrm(case, child, date(2026, 10, 1), {"financien": 3}), db.uow(), db.actor, today=TODAY)
    with pytest.raises(InvalidInput, match="tussen 1 en 5"):
        record_zrm(RecordZrm(case, parent, date(2026, 10, 1), {"financien": 6}), db.uow(), db.actor, today=TODAY)
    people = people_of(case, db.uow(), db.actor, today=TODAY)
    ouder = people.person(parent)
    assert {k: s.score for k, s in ouder.latest.items()} == {"financien": 4, "huisvesting": 2}
    assert [(s.scored_on.isoformat(), s.leefgebied, s.score) for s in ouder.history] == [
        ("2026-09-01", "financien", 1), ("2026-09-01", "huisvesting", 2), ("2026-10-01", "financien", 4)]
    assert people.person(child).latest == {} and not people.person(child).adult
    with db.uow() as uow:
        changes = [r for r in uow.audit.records("zrm", f"{case}/{parent}") if r.event.kind is AuditKind.UPDATE]
    assert len(changes) == 3


def test_a_problem_cannot_belong_to_someone_outside_the_household(db: Database) -> None:
    case = make_household(db, name="Huishouden Vreemd")
    other = make_household(db, name="Huishouden Ander")
    stranger = member_id(db, other, "Emre Özdemir")
    household = households.get_household(case, db.uow(), db.actor)
    data = household.model_dump(include={"name", "municipality_code", "address", "professional", "team", "members",
                                         "problems", "organisations"})
    data["problems"][0]["member_id"] = stranger
    with pytest.raises(InvalidInput, match="geen lid"):
        households.update_household(case, parse_draft(data), household.version, db.uow(), db.actor)
