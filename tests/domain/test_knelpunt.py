"""Knelpunten: status machine, recurrence, and the system-learning report against hand-computed counts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import IllegalTransition, InvalidInput
from domain.knelpunt import (
    KNELPUNT_TRANSITIONS,
    Knelpunt,
    KnelpuntCategory,
    KnelpuntStatus,
    OccurrenceFact,
    build_report,
)

C = KnelpuntCategory
KS = KnelpuntStatus


def fact(kid: int, on: date, category: C, law: str, org: str, *, esc: bool = False) -> OccurrenceFact:
    return OccurrenceFact(
        knelpunt_id=kid,
        title=f"Knelpunt {kid}",
        category=category,
        law=law,
        organisation=org,
        status=KS.GESIGNALEERD,
        on=on,
        via_escalation=esc,
    )


FACTS = [
    fact(1, date(2026, 1, 5), C.WET, "Jeugdwet", "Gemeente"),
    fact(1, date(2026, 1, 20), C.WET, "Jeugdwet", "Gemeente", esc=True),
    fact(1, date(2026, 3, 2), C.WET, "Jeugdwet", "Gemeente", esc=True),
    fact(2, date(2026, 2, 10), C.FINANCIERING, "Wmo 2015", "Zorgkantoor"),
    fact(2, date(2026, 3, 15), C.FINANCIERING, "Wmo 2015", "Zorgkantoor"),
    fact(3, date(2025, 12, 20), C.ICT, "", "UWV"),
    fact(3, date(2026, 3, 1), C.ICT, "", "UWV"),
    fact(4, date(2026, 5, 1), C.PRIVACY, "AVG", ""),
]


def test_report_counts_match_the_hand_computed_fixture() -> None:
    report = build_report(
        FACTS,
        date(2026, 1, 1),
        date(2026, 3, 31),
        first_seen={1: date(2026, 1, 5), 2: date(2026, 2, 10), 3: date(2025, 12, 20)},
    )
    assert (report.meldingen, report.knelpunten) == (6, 3)
    assert [(r.key, r.meldingen, r.knelpunten) for r in report.by_category] == [
        ("wet", 3, 1),
        ("financiering_schotten", 2, 1),
        ("ict", 1, 1),
    ]
    assert report.by_category[1].label == "Financiering/schotten"
    assert [(r.key, r.meldingen) for r in report.by_law] == [
        ("Jeugdwet", 3),
        ("Wmo 2015", 2),
        ("(geen wet genoemd)", 1),
    ]
    assert [(r.key, r.meldingen) for r in report.by_organisation] == [("Gemeente", 3), ("Zorgkantoor", 2), ("UWV", 1)]
    assert [(m.month, m.meldingen, m.nieuw) for m in report.by_month] == [
        ("2026-01", 2, 1),
        ("2026-02", 1, 1),
        ("2026-03", 3, 0),
    ]
    assert [(r.reference, r.meldingen, r.escalaties) for r in report.recurring] == [
        ("KP-1", 3, 2),
        ("KP-2", 2, 0),
        ("KP-3", 1, 0),
    ]
    assert report.recurring[0].first_on == date(2026, 1, 5) and report.recurring[0].last_on == date(2026, 3, 2)


def test_without_first_seen_new_means_first_in_period_and_open_ends() -> None:
    report = build_report(FACTS, date(2026, 1, 1), date(2026, 3, 31))
    assert [m.nieuw for m in report.by_month] == [1, 1, 1]
    everything = build_report(FACTS)
    assert everything.meldingen == 8 and everything.knelpunten == 4
    assert everything.by_month[0].month == "2025-12" and everything.by_month[-1].month == "2026-05"
    assert [m.meldingen for m in everything.by_month] == [1, 2, 1, 3, 0, 1]  # April shows as zero
    assert [r.key for r in everything.by_organisation][-1] == "(geen organisatie genoemd)"


def test_empty_report_and_dict_shape() -> None:
    empty = build_report([], date(2026, 1, 1), date(2026, 1, 31))
    assert empty.meldingen == 0 and empty.by_month == [] and empty.recurring == []
    data = build_report(FACTS).as_dict()
    assert set(data) == {
        "period",
        "meldingen",
        "knelpunten",
        "by_category",
        "by_law",
        "by_organisation",
        "by_status",
        "by_month",
        "recurring",
    }


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 6), st.dates(date(2025, 1, 1), date(2026, 12, 31)), st.sampled_from(list(C))),
        max_size=40,
    )
)
def test_every_breakdown_sums_to_the_total(rows: list[tuple[int, date, C]]) -> None:
    facts = [fact(kid, on, cat, f"Wet {kid % 3}", f"Org {kid % 2}") for kid, on, cat in rows]
    report = build_report(facts, date(2025, 6, 1), date(2026, 6, 30))
    for breakdown in (report.by_category, report.by_law, report.by_organisation, report.by_status):
        assert sum(r.meldingen for r in breakdown) == report.meldingen
    assert sum(m.meldingen for m in report.by_month) == report.meldingen
    assert sum(r.meldingen for r in report.recurring) == report.meldingen
    assert [r.meldingen for r in report.recurring] == sorted((r.meldingen for r in report.recurring), reverse=True)


def knelpunt() -> Knelpunt:
    return Knelpunt.model_validate(
        {
            "title": "Geen overbrugging bij 18-/18+",
            "category": "wet",
            "law": "Jeugdwet",
            "article": "art. 1.1",
            "unintended_effect": "Hulp stopt op de 18e verjaardag",
            "signalled_on": "2026-01-05",
            "occurrences": [{"on": "2026-01-05"}],
        }
    )


def test_status_machine_and_dates() -> None:
    k = knelpunt()
    with pytest.raises(IllegalTransition):
        k.change_status(KS.OPGELOST, date(2026, 2, 1))
    with pytest.raises(InvalidInput, match="vóór"):
        k.change_status(KS.GEAGENDEERD, date(2026, 1, 1))
    k.change_status(KS.GEAGENDEERD, date(2026, 2, 1))
    k.change_status(KS.OPGELOST, date(2026, 6, 1))
    assert (k.agendered_on, k.resolved_on) == (date(2026, 2, 1), date(2026, 6, 1))
    with pytest.raises(IllegalTransition, match="opgelost"):
        k.change_status(KS.GEAGENDEERD, date(2026, 7, 1))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(list(KS)), max_size=5))
def test_only_legal_transitions(path: list[KS]) -> None:
    k = knelpunt()
    for target in path:
        before = k.status
        try:
            k.change_status(target, date(2026, 3, 1))
        except IllegalTransition:
            assert target not in KNELPUNT_TRANSITIONS[before] and k.status is before
        else:
            assert target in KNELPUNT_TRANSITIONS[before] and k.status is target


def test_recurrence_counts_and_escalation_links() -> None:
    k = knelpunt()
    k.occur(date(2026, 2, 1), via_escalation=True)
    k.occur(date(2026, 3, 1))
    assert (k.recurrence, k.linked_escalations) == (3, 1)
    with pytest.raises(InvalidInput, match="eerste signalering"):
        k.occur(date(2025, 12, 31))
