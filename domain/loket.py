"""The interdepartementaal loket: a knelpunt handed to a ministry with a question, followed up to an answer.

The LET is supported by an interdepartementaal loket for questions that cross the domains of ministries
(issue 17, seed 003). A loketvraag belongs to one knelpunt (and so, like the knelpunt, holds no personal data:
the text is checked for it), names one ministry or department from the catalogue shipped as data
(domain/reference/ministeries.json, official names), and follows the shared status workflow
(domain/workflow.py): gesteld → in behandeling → beantwoord → opgelost, with niet oplosbaar as the other end.
Every step keeps who took it, when and a note; the answer and its date are kept on the question.

Design choices: a question may be answered straight away (gesteld → beantwoord); an answer that does not solve
it sends it back to in behandeling; "open" means waiting for the ministry (gesteld or in behandeling), and its
age is counted in days from the day it was asked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from domain import reference
from domain.errors import InvalidInput, Problem
from domain.household import LongText
from domain.overbrugging import RequiredText
from domain.workflow import StatusStep, Workflow, WorkflowState

OBJECT_TYPE = "loketvraag"


@dataclass(frozen=True)
class Ministry:
    code: str
    """Short code as ministries use it themselves (SZW, JenV, FIN-TS)."""
    name: str
    """The official name (Ministerie van Sociale Zaken en Werkgelegenheid)."""
    topics: str


@cache
def ministries() -> dict[str, Ministry]:
    """The catalogue: code → ministry, in the catalogue's order."""
    data = reference._load("ministeries.json")
    return {row["code"]: Ministry(row["code"], row["naam"], row.get("onderwerpen", "")) for row in data["ministeries"]}


def ministry_source() -> str:
    return str(reference._load("ministeries.json")["source"])


def find_ministry(text: str) -> Ministry:
    """A ministry by its code, case-insensitive (szw, jenv); InvalidInput names the valid codes."""
    wanted = text.strip().casefold()
    for ministry in ministries().values():
        if ministry.code.casefold() == wanted:
            return ministry
    codes = ", ".join(ministries())
    raise InvalidInput([Problem("ministerie", f"Onbekend ministerie {text.strip()!r}; kies uit {codes}.")])


def _ministry_code(value: str) -> str:
    try:
        return find_ministry(value).code
    except InvalidInput as exc:
        raise ValueError(exc.problems[0].reason) from None


MinistryCode = Annotated[str, AfterValidator(_ministry_code)]


class LoketStatus(WorkflowState):
    GESTELD = "gesteld"
    IN_BEHANDELING = "in_behandeling"
    BEANTWOORD = "beantwoord"
    OPGELOST = "opgelost"
    NIET_OPLOSBAAR = "niet_oplosbaar"


LOKET_WORKFLOW: Workflow[LoketStatus] = Workflow(
    noun="loketvraag",
    order=tuple(LoketStatus),
    transitions={
        LoketStatus.GESTELD: frozenset(
            {LoketStatus.IN_BEHANDELING, LoketStatus.BEANTWOORD, LoketStatus.NIET_OPLOSBAAR}
        ),
        LoketStatus.IN_BEHANDELING: frozenset({LoketStatus.BEANTWOORD, LoketStatus.NIET_OPLOSBAAR}),
        LoketStatus.BEANTWOORD: frozenset(
            {LoketStatus.OPGELOST, LoketStatus.NIET_OPLOSBAAR, LoketStatus.IN_BEHANDELING}
        ),
        LoketStatus.OPGELOST: frozenset(),
        LoketStatus.NIET_OPLOSBAAR: frozenset(),
    },
    labels={
        LoketStatus.GESTELD: "Gesteld",
        LoketStatus.IN_BEHANDELING: "In behandeling",
        LoketStatus.BEANTWOORD: "Beantwoord",
        LoketStatus.OPGELOST: "Opgelost",
        LoketStatus.NIET_OPLOSBAAR: "Niet oplosbaar",
    },
)

OPEN_STATES = frozenset({LoketStatus.GESTELD, LoketStatus.IN_BEHANDELING})
"""Waiting for the ministry: these count as open questions, with their age."""


class LoketVraag(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    id: int | None = None
    knelpunt_id: int
    ministry: MinistryCode
    question: RequiredText
    status: LoketStatus = LoketStatus.GESTELD
    asked_on: date
    answer: LongText = ""
    answered_on: date | None = None
    steps: list[StatusStep] = Field(default_factory=list)
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @model_validator(mode="after")
    def _dates(self) -> LoketVraag:
        if self.answered_on is not None and self.answered_on < self.asked_on:
            raise ValueError("Beantwoord vóór de vraag gesteld is.")
        return self

    @property
    def reference(self) -> str:
        return f"LV-{self.id}" if self.id is not None else "LV-nieuw"

    @property
    def ministry_name(self) -> str:
        return ministries()[self.ministry].name

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    def age_days(self, today: date) -> int:
        return max(0, (today - self.asked_on).days)

    def change_status(self, new: LoketStatus, *, on: date, by: str, username: str = "", note: str = "",
                      answer: str = "") -> None:
        """One step of the workflow; `beantwoord` needs the answer (a later step may add to it)."""
        LOKET_WORKFLOW.check(self.status, new)
        LOKET_WORKFLOW.check_step_date(self.steps, on, since=self.asked_on)
        answer = answer.strip()
        if new is LoketStatus.BEANTWOORD:
            if not answer:
                raise InvalidInput([Problem("antwoord", "Een beantwoorde vraag heeft een antwoord.")])
            self.answer = answer
            self.answered_on = on
        elif answer:
            self.answer = answer
        self.steps = LOKET_WORKFLOW.append(self.steps, new, on=on, by=by, username=username, note=note)
        self.status = new


# -- the loket in the knelpunten report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenQuestion:
    reference: str
    knelpunt_reference: str
    knelpunt_title: str
    question: str
    status: LoketStatus
    asked_on: date
    age_days: int


@dataclass(frozen=True)
class MinistryRow:
    code: str
    name: str
    total: int
    by_status: dict[LoketStatus, int]
    open_questions: list[OpenQuestion] = field(default_factory=list)
    """Oldest first."""

    @property
    def open(self) -> int:
        return len(self.open_questions)

    @property
    def oldest_days(self) -> int | None:
        return self.open_questions[0].age_days if self.open_questions else None


@dataclass(frozen=True)
class LoketFact:
    """One question with its knelpunt's reference and title: the unit the report groups."""

    vraag: LoketVraag
    knelpunt_title: str


@dataclass(frozen=True)
class LoketReport:
    today: date
    ministries: list[MinistryRow]
    """Most open questions first, then the oldest open question, then the catalogue order."""

    @property
    def total(self) -> int:
        return sum(m.total for m in self.ministries)

    @property
    def open(self) -> int:
        return sum(m.open for m in self.ministries)

    def as_dict(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            "questions": self.total,
            "open": self.open,
            "ministries": [
                {
                    "code": m.code,
                    "name": m.name,
                    "questions": m.total,
                    "open": m.open,
                    "oldest_open_days": m.oldest_days,
                    "by_status": {s.value: n for s, n in m.by_status.items()},
                    "open_questions": [
                        {
                            "reference": q.reference,
                            "knelpunt": q.knelpunt_reference,
                            "knelpunt_title": q.knelpunt_title,
                            "question": q.question,
                            "status": q.status.value,
                            "asked_on": q.asked_on.isoformat(),
                            "age_days": q.age_days,
                        }
                        for q in m.open_questions
                    ],
                }
                for m in self.ministries
            ],
        }


def build_loket_report(facts: list[LoketFact], today: date) -> LoketReport:
    """Group the questions by ministry: counts per status, the open questions oldest first with their age."""
    catalogue = list(ministries())
    grouped: dict[str, list[LoketFact]] = {}
    for fact in facts:
        grouped.setdefault(fact.vraag.ministry, []).append(fact)
    rows = []
    for code, items in grouped.items():
        counts = Counter(f.vraag.status for f in items)
        open_questions = sorted(
            (
                OpenQuestion(
                    reference=f.vraag.reference,
                    knelpunt_reference=f"KP-{f.vraag.knelpunt_id}",
                    knelpunt_title=f.knelpunt_title,
                    question=f.vraag.question,
                    status=f.vraag.status,
                    asked_on=f.vraag.asked_on,
                    age_days=f.vraag.age_days(today),
                )
                for f in items
                if f.vraag.is_open
            ),
            key=lambda q: (q.asked_on, q.reference),
        )
        rows.append(
            MinistryRow(
                code=code,
                name=ministries()[code].name,
                total=len(items),
                by_status={s: counts[s] for s in LoketStatus if counts[s]},
                open_questions=open_questions,
            )
        )
    rows.sort(key=lambda r: (-r.open, -(r.oldest_days or 0), catalogue.index(r.code)))
    return LoketReport(today=today, ministries=rows)
