"""Knelpunten: recurring rules or processes that block help, recorded WITHOUT personal data for system learning.

A knelpunt names a category, the law and article, the organisation and ministry, the unintended effect and
a proposed fix. Each time it is met again (in an escalation or elsewhere) an occurrence is added: the
register counts recurrence, and links to escalations only as a count — nothing in a knelpunt leads back
to a household. Status: gesignaleerd → geagendeerd → opgelost. (DOMAIN.md, design choice for the details)

The system-learning report (`build_report`) counts occurrences (meldingen) and distinct knelpunten by
category, law, organisation and month, with the most recurring knelpunten first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from domain.errors import IllegalTransition, InvalidInput, Problem
from domain.household import LongText, RequiredName, ShortText
from domain.overbrugging import RequiredText

NO_LAW = "(geen wet genoemd)"
NO_ORGANISATION = "(geen organisatie genoemd)"


class KnelpuntCategory(StrEnum):
    WET = "wet"
    BELEIDSREGEL = "beleidsregel"
    UITVOERING = "uitvoering"
    SAMENWERKING = "samenwerking"
    ICT = "ict"
    FINANCIERING = "financiering_schotten"
    PRIVACY = "privacy"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS: dict[KnelpuntCategory, str] = {
    KnelpuntCategory.WET: "Wet",
    KnelpuntCategory.BELEIDSREGEL: "Beleidsregel",
    KnelpuntCategory.UITVOERING: "Uitvoering",
    KnelpuntCategory.SAMENWERKING: "Samenwerking",
    KnelpuntCategory.ICT: "ICT",
    KnelpuntCategory.FINANCIERING: "Financiering/schotten",
    KnelpuntCategory.PRIVACY: "Privacy",
}


class KnelpuntStatus(StrEnum):
    GESIGNALEERD = "gesignaleerd"
    GEAGENDEERD = "geagendeerd"
    OPGELOST = "opgelost"

    @property
    def label(self) -> str:
        return {"gesignaleerd": "Gesignaleerd", "geagendeerd": "Geagendeerd", "opgelost": "Opgelost"}[self.value]


KNELPUNT_TRANSITIONS: dict[KnelpuntStatus, frozenset[KnelpuntStatus]] = {
    KnelpuntStatus.GESIGNALEERD: frozenset({KnelpuntStatus.GEAGENDEERD}),
    KnelpuntStatus.GEAGENDEERD: frozenset({KnelpuntStatus.OPGELOST}),
    KnelpuntStatus.OPGELOST: frozenset(),
}


def check_knelpunt_transition(current: KnelpuntStatus, new: KnelpuntStatus) -> None:
    if new not in KNELPUNT_TRANSITIONS[current]:
        allowed = KNELPUNT_TRANSITIONS[current]
        hint = ("Wel mogelijk: " + ", ".join(s.label for s in allowed) + ".") if allowed else "Het is opgelost."
        raise IllegalTransition(f"Een knelpunt met status '{current.label}' kan niet naar '{new.label}'. {hint}")


class Occurrence(BaseModel):
    """One time the knelpunt was met; `via_escalation` counts links to escalations without naming them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    on: date
    via_escalation: bool = False


class Knelpunt(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    id: int | None = None
    title: RequiredName
    category: KnelpuntCategory
    law: ShortText = ""
    article: ShortText = ""
    organisation: ShortText = ""
    ministry: ShortText = ""
    unintended_effect: RequiredText
    proposed_fix: LongText = ""
    status: KnelpuntStatus = KnelpuntStatus.GESIGNALEERD
    signalled_on: date
    agendered_on: date | None = None
    resolved_on: date | None = None
    occurrences: list[Occurrence] = Field(default_factory=list)
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @model_validator(mode="after")
    def _dates(self) -> Knelpunt:
        if self.agendered_on and self.agendered_on < self.signalled_on:
            raise ValueError("Geagendeerd vóór het gesignaleerd is.")
        if self.resolved_on and self.resolved_on < (self.agendered_on or self.signalled_on):
            raise ValueError("Opgelost vóór het geagendeerd is.")
        return self

    @property
    def reference(self) -> str:
        return f"KP-{self.id}" if self.id is not None else "KP-nieuw"

    @property
    def recurrence(self) -> int:
        return len(self.occurrences)

    @property
    def linked_escalations(self) -> int:
        return sum(1 for o in self.occurrences if o.via_escalation)

    def change_status(self, new: KnelpuntStatus, on: date) -> None:
        check_knelpunt_transition(self.status, new)
        last = self.agendered_on or self.signalled_on
        if on < last:
            raise InvalidInput([Problem("datum", "De datum ligt vóór de vorige stap van dit knelpunt.")])
        if new is KnelpuntStatus.GEAGENDEERD:
            self.agendered_on = on
        else:
            self.resolved_on = on
        self.status = new

    def occur(self, on: date, *, via_escalation: bool = False) -> None:
        if on < self.signalled_on:
            raise InvalidInput([Problem("datum", "Een melding kan niet vóór de eerste signalering liggen.")])
        self.occurrences = [*self.occurrences, Occurrence(on=on, via_escalation=via_escalation)]


# -- the system-learning report ------------------------------------------------------------------------------
@dataclass(frozen=True)
class OccurrenceFact:
    """One occurrence with the knelpunt's classifying fields: the unit the report counts."""

    knelpunt_id: int
    title: str
    category: KnelpuntCategory
    law: str
    organisation: str
    status: KnelpuntStatus
    on: date
    via_escalation: bool


@dataclass(frozen=True)
class CountRow:
    key: str
    label: str
    meldingen: int
    knelpunten: int


@dataclass(frozen=True)
class MonthRow:
    month: str
    """`2026-03`."""
    meldingen: int
    nieuw: int
    """Knelpunten whose first occurrence falls in this month."""


@dataclass(frozen=True)
class RecurringRow:
    knelpunt_id: int
    reference: str
    title: str
    category: KnelpuntCategory
    law: str
    organisation: str
    status: KnelpuntStatus
    meldingen: int
    escalaties: int
    first_on: date
    last_on: date


@dataclass(frozen=True)
class KnelpuntenReport:
    period_from: date | None
    period_to: date | None
    meldingen: int
    knelpunten: int
    by_category: list[CountRow] = field(default_factory=list)
    by_law: list[CountRow] = field(default_factory=list)
    by_organisation: list[CountRow] = field(default_factory=list)
    by_status: list[CountRow] = field(default_factory=list)
    by_month: list[MonthRow] = field(default_factory=list)
    recurring: list[RecurringRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        def rows(items: list[CountRow]) -> list[dict[str, object]]:
            return [
                {"key": r.key, "label": r.label, "meldingen": r.meldingen, "knelpunten": r.knelpunten} for r in items
            ]

        return {
            "period": {
                "from": self.period_from.isoformat() if self.period_from else None,
                "to": self.period_to.isoformat() if self.period_to else None,
            },
            "meldingen": self.meldingen,
            "knelpunten": self.knelpunten,
            "by_category": rows(self.by_category),
            "by_law": rows(self.by_law),
            "by_organisation": rows(self.by_organisation),
            "by_status": rows(self.by_status),
            "by_month": [{"month": m.month, "meldingen": m.meldingen, "nieuw": m.nieuw} for m in self.by_month],
            "recurring": [
                {
                    "reference": r.reference,
                    "title": r.title,
                    "category": r.category.value,
                    "law": r.law,
                    "organisation": r.organisation,
                    "status": r.status.value,
                    "meldingen": r.meldingen,
                    "escalaties": r.escalaties,
                    "first_on": r.first_on.isoformat(),
                    "last_on": r.last_on.isoformat(),
                }
                for r in self.recurring
            ],
        }


def _months(first: date, last: date) -> list[str]:
    months: list[str] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _count(facts: list[OccurrenceFact], key: str, labels: dict[str, str] | None = None) -> list[CountRow]:
    meldingen: Counter[str] = Counter()
    distinct: dict[str, set[int]] = {}
    for fact in facts:
        value = str(getattr(fact, key))
        meldingen[value] += 1
        distinct.setdefault(value, set()).add(fact.knelpunt_id)
    return [
        CountRow(key=value, label=(labels or {}).get(value, value), meldingen=count, knelpunten=len(distinct[value]))
        for value, count in sorted(meldingen.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def build_report(
    facts: Iterable[OccurrenceFact],
    period_from: date | None = None,
    period_to: date | None = None,
    *,
    first_seen: dict[int, date] | None = None,
) -> KnelpuntenReport:
    """Count the occurrences inside [period_from, period_to] (either end open).

    `first_seen` gives each knelpunt's very first occurrence (also before the period) so "nieuw" per month
    means new to the register, not just new in the period; without it the first in the period counts.
    """
    selected = [
        replace(f, law=f.law or NO_LAW, organisation=f.organisation or NO_ORGANISATION)
        for f in facts
        if (period_from is None or f.on >= period_from) and (period_to is None or f.on <= period_to)
    ]
    selected.sort(key=lambda f: (f.on, f.knelpunt_id))
    if not selected:
        return KnelpuntenReport(period_from=period_from, period_to=period_to, meldingen=0, knelpunten=0)

    in_period = {f.knelpunt_id for f in selected}
    first = {kid: on for kid, on in (first_seen or {}).items() if kid in in_period}
    for fact in selected:
        first.setdefault(fact.knelpunt_id, fact.on)

    month_span = _months(period_from or selected[0].on, period_to or selected[-1].on)
    per_month: Counter[str] = Counter(f.on.strftime("%Y-%m") for f in selected)
    new_per_month: Counter[str] = Counter(on.strftime("%Y-%m") for on in first.values())
    by_month = [MonthRow(month=m, meldingen=per_month[m], nieuw=new_per_month[m]) for m in month_span]

    grouped: dict[int, list[OccurrenceFact]] = {}
    for fact in selected:
        grouped.setdefault(fact.knelpunt_id, []).append(fact)
    recurring = [
        RecurringRow(
            knelpunt_id=kid,
            reference=f"KP-{kid}",
            title=items[0].title,
            category=items[0].category,
            law=items[0].law,
            organisation=items[0].organisation,
            status=items[0].status,
            meldingen=len(items),
            escalaties=sum(1 for f in items if f.via_escalation),
            first_on=items[0].on,
            last_on=items[-1].on,
        )
        for kid, items in grouped.items()
    ]
    recurring.sort(key=lambda r: (-r.meldingen, -r.escalaties, r.title.casefold(), r.knelpunt_id))

    return KnelpuntenReport(
        period_from=period_from,
        period_to=period_to,
        meldingen=len(selected),
        knelpunten=len(grouped),
        by_category=_count(selected, "category", {c.value: c.label for c in KnelpuntCategory}),
        by_law=_count(selected, "law"),
        by_organisation=_count(selected, "organisation"),
        by_status=_count(selected, "status", {s.value: s.label for s in KnelpuntStatus}),
        by_month=by_month,
        recurring=recurring,
    )


# -- list query ----------------------------------------------------------------------------------------------
class KnelpuntQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str = Field(default="", max_length=200)
    category: KnelpuntCategory | None = None
    status: KnelpuntStatus | None = None
    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=100, ge=1, le=1000)


class KnelpuntListRow(BaseModel):
    """One line of the register, most recurring first."""

    model_config = ConfigDict(frozen=True)

    id: int
    title: str
    category: KnelpuntCategory
    law: str
    article: str
    organisation: str
    status: KnelpuntStatus
    signalled_on: date
    recurrence: int
    linked_escalations: int

    @property
    def reference(self) -> str:
        return f"KP-{self.id}"


class KnelpuntPage(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: list[KnelpuntListRow]
    total: int
    offset: int
    limit: int
