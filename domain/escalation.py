"""Escalation of a stuck case: lokaal → regionaal → LMM/LET, with the criteria checklist.

Route (DOMAIN.md): contact via the register → local doorbraakteam / maatwerkfunctionaris → regional →
LMM, which deploys the LET or an overbrugging. To escalate nationally a case must be urgent and complex,
involve several domains or organisations, have tried the local and regional routes (recorded: which and
when) and be stuck on a legal or organisational blockage.

States: concept → ingediend → in_behandeling → opgelost | niet_opgelost | teruggelegd, each step with its
date, so the time to resolution can be reported. A `niet_opgelost` escalation can be continued one level
up (`next_level`); the new escalation points back to the previous one.

What leaves the municipality is never this model but the pseudonymised `domain.dossier.EscalationDossier`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from domain import reference
from domain.errors import IllegalTransition, InvalidInput, Problem
from domain.household import LongText, RequiredName
from domain.overbrugging import RequiredText
from domain.workflow import CaseItem, StatusStep, Workflow, WorkflowState


class EscalationLevel(StrEnum):
    LOKAAL = "lokaal"
    REGIONAAL = "regionaal"
    LANDELIJK = "lmm_let"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]

    @property
    def next(self) -> EscalationLevel | None:
        order = list(EscalationLevel)
        index = order.index(self)
        return order[index + 1] if index + 1 < len(order) else None


LEVEL_LABELS: dict[EscalationLevel, str] = {
    EscalationLevel.LOKAAL: "Lokaal",
    EscalationLevel.REGIONAAL: "Regionaal",
    EscalationLevel.LANDELIJK: "LMM/LET",
}


class EscalationStatus(WorkflowState):
    CONCEPT = "concept"
    INGEDIEND = "ingediend"
    IN_BEHANDELING = "in_behandeling"
    OPGELOST = "opgelost"
    NIET_OPGELOST = "niet_opgelost"
    TERUGGELEGD = "teruggelegd"

    @property
    def is_waiting(self) -> bool:
        """Submitted and not yet answered: the coordinator's inbox."""
        return self in (EscalationStatus.INGEDIEND, EscalationStatus.IN_BEHANDELING)


ESCALATION_STATUS_LABELS: dict[EscalationStatus, str] = {
    EscalationStatus.CONCEPT: "Concept",
    EscalationStatus.INGEDIEND: "Ingediend",
    EscalationStatus.IN_BEHANDELING: "In behandeling",
    EscalationStatus.OPGELOST: "Opgelost",
    EscalationStatus.NIET_OPGELOST: "Niet opgelost",
    EscalationStatus.TERUGGELEGD: "Teruggelegd",
}

FINAL_STATES = frozenset({EscalationStatus.OPGELOST, EscalationStatus.NIET_OPGELOST, EscalationStatus.TERUGGELEGD})

ESCALATION_TRANSITIONS: dict[EscalationStatus, frozenset[EscalationStatus]] = {
    EscalationStatus.CONCEPT: frozenset({EscalationStatus.INGEDIEND}),
    EscalationStatus.INGEDIEND: frozenset({EscalationStatus.IN_BEHANDELING, EscalationStatus.TERUGGELEGD}),
    EscalationStatus.IN_BEHANDELING: FINAL_STATES,
    EscalationStatus.OPGELOST: frozenset(),
    EscalationStatus.NIET_OPGELOST: frozenset(),
    EscalationStatus.TERUGGELEGD: frozenset(),
}


ESCALATION_WORKFLOW: Workflow[EscalationStatus] = Workflow(
    "escalatie", tuple(EscalationStatus), ESCALATION_TRANSITIONS, ESCALATION_STATUS_LABELS
)


def check_escalation_transition(current: EscalationStatus, new: EscalationStatus) -> None:
    ESCALATION_WORKFLOW.check(current, new)


class BlockageKind(StrEnum):
    JURIDISCH = "juridisch"
    ORGANISATORISCH = "organisatorisch"

    @property
    def label(self) -> str:
        return "Juridische blokkade" if self is BlockageKind.JURIDISCH else "Organisatorische blokkade"


class RouteTried(BaseModel):
    """A route that was tried before escalating: at which level, when, what was done and what came of it."""

    model_config = ConfigDict(extra="forbid")

    level: EscalationLevel
    tried_on: date
    description: RequiredText
    outcome: LongText = ""


NATIONAL_RECIPIENT_WORDS = frozenset({"lmm", "let"})
NATIONAL_RECIPIENT_PHRASES = ("landelijk maatwerkloket", "landelijk escalatieteam", "landelijk escalatie team",
                              "landelijke escalatieteam")


def _recipient_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return [w for w in re.split(r"[^0-9a-z]+", plain) if w]


def names_national_desk(recipient: str) -> bool:
    """Whether a consent recipient is the LMM or the LET ("LMM", "LET", "Landelijk Maatwerkloket
    Multiproblematiek", "Landelijk Escalatie Team", ...; case and accent insensitive, whole words).

    Design choice: the LMM deploys the LET and both work under the one national role `let`, so a consent
    that names either of them covers the national level."""
    words = _recipient_words(recipient)
    if NATIONAL_RECIPIENT_WORDS & set(words):
        return True
    joined = " ".join(words)
    return any(" ".join(_recipient_words(phrase)) in joined for phrase in NATIONAL_RECIPIENT_PHRASES)


def covers_national_desk(recipients: list[str]) -> bool:
    return any(names_national_desk(r) for r in recipients)


NATIONAL_CONSENT_PROBLEM = (
    "Landelijk escaleren vraagt toestemming van de bewoner om het dossier met het LMM en het LET te delen: "
    "voeg 'LMM' en 'LET' toe aan de ontvangers van de toestemming."
)


class Consent(BaseModel):
    """The resident's consent to share the pseudonymised dossier: for what, with whom, until when."""

    model_config = ConfigDict(extra="forbid")

    given: bool = False
    given_on: date | None = None
    scope: LongText = ""
    recipients: list[RequiredName] = Field(default_factory=list, max_length=20)
    expires_on: date | None = None

    @model_validator(mode="after")
    def _dates(self) -> Consent:
        if self.given_on and self.expires_on and self.expires_on < self.given_on:
            raise ValueError("De toestemming verloopt vóór ze is gegeven.")
        return self

    def problems_on(self, day: date) -> list[Problem]:
        """Why the consent does not cover sharing on `day` (empty: it does)."""
        found: list[Problem] = []
        if not self.given or self.given_on is None:
            found.append(Problem("consent.given", "De bewoner heeft (nog) geen toestemming gegeven."))
        elif self.given_on > day:
            found.append(Problem("consent.given_on", "De toestemming is gedateerd in de toekomst."))
        if not self.scope:
            found.append(Problem("consent.scope", "Beschrijf waarvoor de toestemming geldt."))
        if not self.recipients:
            found.append(Problem("consent.recipients", "Noem aan wie het dossier gedeeld mag worden."))
        if self.expires_on is None:
            found.append(Problem("consent.expires_on", "Geef aan tot wanneer de toestemming geldt."))
        elif self.expires_on < day:
            found.append(Problem("consent.expires_on", "De toestemming van de bewoner is verlopen."))
        return found

    def problems_for(self, day: date, level: EscalationLevel) -> list[Problem]:
        """Why the consent does not cover sharing at `level` on `day`: at LMM/LET level the recipients must
        name the LMM or the LET (a consent for the regional team does not reach the national desk)."""
        found = self.problems_on(day)
        if level is EscalationLevel.LANDELIJK and self.recipients and not covers_national_desk(self.recipients):
            found.append(Problem("consent.recipients", NATIONAL_CONSENT_PROBLEM))
        return found


class EscalationContent(BaseModel):
    """The checklist a professional fills in (editable while the escalation is a concept)."""

    model_config = ConfigDict(extra="forbid")

    level: EscalationLevel = EscalationLevel.LOKAAL
    urgent: bool = False
    urgency_note: LongText = ""
    complex: bool = False
    complexity_note: LongText = ""
    domains: list[str] = Field(default_factory=list, max_length=13)
    """Leefgebieden (ZRM codes) the blockage touches."""
    organisations: list[RequiredName] = Field(default_factory=list, max_length=40)
    routes_tried: list[RouteTried] = Field(default_factory=list, max_length=30)
    blockage_kind: BlockageKind = BlockageKind.JURIDISCH
    blockage: LongText = ""
    """The knelpunt: what exactly blocks the solution."""
    requested_solution: LongText = ""
    consent: Consent = Field(default_factory=Consent)

    @field_validator("domains")
    @classmethod
    def _domains(cls, value: list[str]) -> list[str]:
        known = reference.leefgebieden()
        for code in value:
            if code not in known:
                raise ValueError(f"Onbekend leefgebied {code!r}.")
        return list(dict.fromkeys(value))

    @field_validator("organisations")
    @classmethod
    def _distinct_organisations(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class Escalation(EscalationContent, CaseItem):
    """An escalation of one household's case. Content is editable only while it is a concept."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    status: EscalationStatus = EscalationStatus.CONCEPT
    knelpunt_ids: list[int] = Field(default_factory=list)
    previous_id: int | None = None
    created_on: date
    submitted_on: date | None = None
    started_on: date | None = None
    closed_on: date | None = None
    steps: list[StatusStep] = Field(default_factory=list)
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None

    # -- derived -------------------------------------------------------------------------------------
    @property
    def reference(self) -> str:
        return f"ESC-{self.id}" if self.id is not None else "ESC-nieuw"

    @property
    def time_to_resolution_days(self) -> int | None:
        """Days from submission to the final answer (None while it is still open)."""
        if self.submitted_on is None or self.closed_on is None:
            return None
        return (self.closed_on - self.submitted_on).days

    def waiting_days(self, today: date) -> int | None:
        if not self.status.is_waiting or self.submitted_on is None:
            return None
        return (today - self.submitted_on).days

    def missing_criteria(self, on: date, level: EscalationLevel | None = None) -> list[Problem]:
        """What the checklist still lacks for submission at `level` (default: this escalation's level)."""
        level = level or self.level
        found: list[Problem] = []
        if not self.blockage:
            found.append(Problem("blockage", "Beschrijf de blokkade (het knelpunt)."))
        if not self.requested_solution:
            found.append(Problem("requested_solution", "Beschrijf welke oplossing u vraagt."))
        tried = {route.level for route in self.routes_tried}
        if level in (EscalationLevel.REGIONAAL, EscalationLevel.LANDELIJK):
            if EscalationLevel.LOKAAL not in tried:
                found.append(Problem("routes_tried", "Leg vast welke lokale route is geprobeerd en wanneer."))
            found.extend(self.consent.problems_for(on, level))
        if level is EscalationLevel.LANDELIJK:
            if not self.urgent:
                found.append(Problem("urgent", "Landelijk escaleren kan alleen bij een urgente casus."))
            if not self.complex:
                found.append(Problem("complex", "Landelijk escaleren kan alleen bij een complexe casus."))
            if len(self.domains) < 2 and len(self.organisations) < 2:
                found.append(
                    Problem("domains", "Landelijk escaleren vraagt meerdere leefgebieden of meerdere organisaties.")
                )
            if EscalationLevel.REGIONAAL not in tried:
                found.append(Problem("routes_tried", "Leg vast welke regionale route is geprobeerd en wanneer."))
        if any(route.tried_on > on for route in self.routes_tried):
            found.append(Problem("routes_tried", "Een geprobeerde route is gedateerd in de toekomst."))
        return found

    # -- behaviour -----------------------------------------------------------------------------------
    def check_editable(self) -> None:
        if self.status is not EscalationStatus.CONCEPT:
            raise IllegalTransition(
                f"Alleen een concept-escalatie kan worden gewijzigd (deze is {self.status.label.lower()})."
            )

    def change_status(self, new: EscalationStatus, *, on: date, by: str, username: str = "", note: str = "") -> None:
        ESCALATION_WORKFLOW.check(self.status, new)
        ESCALATION_WORKFLOW.check_step_date(self.steps, on, since=self.created_on)
        if new is EscalationStatus.INGEDIEND:
            missing = self.missing_criteria(on)
            if missing:
                raise InvalidInput(missing)
            self.submitted_on = on
        elif new is EscalationStatus.IN_BEHANDELING:
            self.started_on = on
        elif new in FINAL_STATES:
            if new is EscalationStatus.TERUGGELEGD and not note:
                raise InvalidInput([Problem("toelichting", "Geef aan waarom de escalatie is teruggelegd.")])
            self.closed_on = on
        self.steps = ESCALATION_WORKFLOW.append(self.steps, new, on=on, by=by, username=username, note=note)
        self.status = new

    def next_states(self) -> list[EscalationStatus]:
        return ESCALATION_WORKFLOW.next_states(self.status)

    def link_knelpunt(self, knelpunt_id: int) -> bool:
        """Link a knelpunt; False when it was linked already."""
        if knelpunt_id in self.knelpunt_ids:
            return False
        self.knelpunt_ids = [*self.knelpunt_ids, knelpunt_id]
        return True


# -- list queries: the coordinator's inbox -------------------------------------------------------------------
class EscalationQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    case_number: str | None = None
    statuses: frozenset[EscalationStatus] | None = None
    levels: frozenset[EscalationLevel] | None = None
    submitted_before: date | None = None
    """Only escalations submitted before this date (with `statuses` waiting: waiting longer than N weeks)."""
    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=100, ge=1, le=1000)


INBOX_STATUSES = frozenset({EscalationStatus.INGEDIEND, EscalationStatus.IN_BEHANDELING})


class EscalationListRow(BaseModel):
    """One line of the inbox; sorted oldest submission first, concepts last."""

    model_config = ConfigDict(frozen=True)

    id: int
    case_number: str
    household_name: str
    level: EscalationLevel
    status: EscalationStatus
    blockage: str
    created_on: date
    submitted_on: date | None
    closed_on: date | None

    @property
    def reference(self) -> str:
        return f"ESC-{self.id}"

    def waiting_days(self, today: date) -> int | None:
        if not self.status.is_waiting or self.submitted_on is None:
            return None
        return (today - self.submitted_on).days

    @property
    def time_to_resolution_days(self) -> int | None:
        if self.submitted_on is None or self.closed_on is None:
            return None
        return (self.closed_on - self.submitted_on).days


class EscalationPage(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: list[EscalationListRow]
    total: int
    offset: int
    limit: int


class ResolutionFact(BaseModel):
    """A closed escalation's level, outcome and dates: the unit of the time-to-resolution report."""

    model_config = ConfigDict(frozen=True)

    level: EscalationLevel
    status: EscalationStatus
    submitted_on: date
    closed_on: date


class ResolutionStats(BaseModel):
    """Time to resolution (days from submission to the final answer) for one level, or all levels."""

    model_config = ConfigDict(frozen=True)

    level: str
    label: str
    closed: int
    opgelost: int
    niet_opgelost: int
    teruggelegd: int
    mean_days: float | None
    median_days: float | None
    max_days: int | None


def resolution_report(facts: list[ResolutionFact]) -> list[ResolutionStats]:
    """One row per level (in route order) plus a last row "alle" over all levels."""

    def stats(key: str, label: str, items: list[ResolutionFact]) -> ResolutionStats:
        days = sorted((f.closed_on - f.submitted_on).days for f in items)
        median: float | None = None
        if days:
            mid = len(days) // 2
            median = float(days[mid]) if len(days) % 2 else (days[mid - 1] + days[mid]) / 2
        return ResolutionStats(
            level=key,
            label=label,
            closed=len(items),
            opgelost=sum(1 for f in items if f.status is EscalationStatus.OPGELOST),
            niet_opgelost=sum(1 for f in items if f.status is EscalationStatus.NIET_OPGELOST),
            teruggelegd=sum(1 for f in items if f.status is EscalationStatus.TERUGGELEGD),
            mean_days=round(sum(days) / len(days), 1) if days else None,
            median_days=median,
            max_days=days[-1] if days else None,
        )

    rows = [stats(level.value, level.label, [f for f in facts if f.level is level]) for level in EscalationLevel]
    rows.append(stats("alle", "Alle niveaus", list(facts)))
    return rows
