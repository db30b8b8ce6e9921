"""What the LMM/LET sees of national escalations: only the pseudonymised dossier, its state and dates.

The LET role (which stands for the LMM desk and the LET it deploys) never sees a household. A national
escalation reaches it when it has been submitted (`ingediend` and later) AND the resident's consent covers
sharing with the LMM/LET on that day (given, not expired, a scope, a recipient naming the LMM or the LET).

Everything the LET gets is built here from `domain.dossier.build_dossier` (pseudonymised by construction),
plus the state, the dates and the notes of the steps from submission on. Two holes are closed on purpose:

- a refusal never echoes what was found: the dossier scanner names a household name it finds (useful for
  the professional who typed it), but told to the LET that would *reveal* the name. Here a text field with
  an identifier is reported by its label only, and the dossier's content is withheld;
- step notes are free text the identifier scan of submission never saw; each is scanned against the
  household before it is shown, and withheld when it holds a name, BSN, postcode, street or date.

Who records the LMM/LET's handling (design choice, from DOMAIN.md: "LMM, which deploys the LET"): the
national desk answers a national escalation, so the LET role may take it in behandeling and close it
(opgelost, niet opgelost, teruggelegd with a reason). The municipality can still record an answer that came
by letter or phone; both write through the same state machine with a version check, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from domain import reference
from domain.dossier import (
    EMPTY_IDENTIFIERS,
    FIELD_LABELS,
    EscalationDossier,
    HouseholdIdentifiers,
    build_dossier,
    check_escalation_text,
    find_identifiers,
    reference_for,
)
from domain.errors import Problem
from domain.escalation import (
    ESCALATION_WORKFLOW,
    INBOX_STATUSES,
    Consent,
    Escalation,
    EscalationLevel,
    EscalationStatus,
)
from domain.household import Household
from domain.signals import CaseOwner

SUBMITTED_STATES = frozenset(EscalationStatus) - {EscalationStatus.CONCEPT}
"""The states in which a national escalation reaches the LMM/LET."""
HANDLING_STATES = frozenset(SUBMITTED_STATES - {EscalationStatus.INGEDIEND})
"""The states the LMM/LET may record (submitting is the municipality's step)."""

NOT_NATIONAL = "Het LMM/LET ziet alleen ingediende landelijke escalaties (niveau LMM/LET)."
NO_CONSENT = (
    "De toestemming van de bewoner dekt het delen met het LMM/LET (nu) niet: verlopen, ingetrokken of met "
    "andere ontvangers. Alleen de gemeente kan de escalatie nog inzien."
)
WITHHELD_NOTE = "(toelichting niet getoond: bevat mogelijk persoonsgegevens)"


class NationalCandidate(BaseModel):
    """A submitted national escalation as the repository finds it; never shown (it carries the owner)."""

    model_config = ConfigDict(frozen=True)

    id: int
    municipality_code: str
    status: EscalationStatus
    submitted_on: date | None
    closed_on: date | None
    consent: Consent
    owner: CaseOwner


def consent_covers_national(consent: Consent, day: date) -> bool:
    return not consent.problems_for(day, EscalationLevel.LANDELIJK)


def national_refusal(escalation: Escalation, day: date) -> str | None:
    """Why this escalation is not for the LMM/LET on `day` (None: it is)."""
    if escalation.level is not EscalationLevel.LANDELIJK or escalation.status not in SUBMITTED_STATES:
        return NOT_NATIONAL
    if not consent_covers_national(escalation.consent, day):
        return NO_CONSENT
    return None


class LmmQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    statuses: frozenset[EscalationStatus] | None = None
    """None: every submitted state."""
    municipality_code: str | None = None
    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=50, ge=1, le=200)


class LmmStep(BaseModel):
    """A step from submission on: state, date and note (no names of who did it)."""

    model_config = ConfigDict(frozen=True)

    status: EscalationStatus
    on: date
    note: str


class LmmDossierRow(BaseModel):
    """One line of the LMM-inbox: pseudonymised (the fields of the dossier, plus state and dates)."""

    model_config = ConfigDict(frozen=True)

    escalation_id: int
    reference: str
    """The dossier's reference (GM0363-ESC-000012): the municipality can trace it, nobody else."""
    municipality_code: str
    municipality: str
    status: EscalationStatus
    submitted_on: date | None
    started_on: date | None
    closed_on: date | None
    waiting_days: int | None
    resolution_days: int | None
    consent_expires_on: date | None
    composition: str
    knelpunt: str
    requested_solution: str
    withheld: list[str] = Field(default_factory=list)
    """Non-empty: the content could not be shown (which field, never what was found in it)."""


class MunicipalityCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    count: int


class LmmPage(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: list[LmmDossierRow]
    total: int
    offset: int
    limit: int
    municipalities: list[MunicipalityCount]
    """Every municipality with dossiers the actor may see (before the municipality filter), for the filter."""
    status_counts: dict[EscalationStatus, int]


class LmmDossierView(BaseModel):
    """One dossier as the LMM/LET opens it: the dossier, its steps and what the LMM/LET may record next."""

    model_config = ConfigDict(frozen=True)

    row: LmmDossierRow
    version: int
    steps: list[LmmStep]
    next_states: list[EscalationStatus]
    dossier: EscalationDossier | None


@dataclass(frozen=True)
class Pseudonymised:
    dossier: EscalationDossier | None
    withheld: list[str]


def withheld_reason(problem: Problem) -> str:
    """An identifier problem told without what was found: only the field's label."""
    label = FIELD_LABELS.get(problem.path.split(".", 1)[0], "Tekst")
    return (f"Het veld '{label}' bevat mogelijk gegevens die naar personen leiden. De gemeente moet dit "
            "aanpassen voordat het LMM/LET de inhoud kan lezen.")


def pseudonymise(
    escalation: Escalation, household: Household, day: date, titles: list[str]
) -> Pseudonymised:
    """The dossier, or why its content is withheld (consent problems as they are, identifiers by field only)."""
    consent = [p.reason for p in escalation.consent.problems_for(day, escalation.level)]
    found = check_escalation_text(escalation, household, titles)
    withheld = consent + list(dict.fromkeys(withheld_reason(p) for p in found))
    if withheld:
        return Pseudonymised(None, withheld)
    return Pseudonymised(build_dossier(escalation, household, day, titles), [])


def lmm_steps(escalation: Escalation, household: Household) -> list[LmmStep]:
    """The steps from submission on; a note that holds an identifier of the household is withheld."""
    ids = HouseholdIdentifiers.of(household)
    steps: list[LmmStep] = []
    for step in escalation.steps:
        status = EscalationStatus(step.status)
        if status is EscalationStatus.CONCEPT:
            continue
        note = WITHHELD_NOTE if find_identifiers(step.note, ids) else step.note
        steps.append(LmmStep(status=status, on=step.on, note=note))
    return steps


def lmm_next_states(escalation: Escalation) -> list[EscalationStatus]:
    return ESCALATION_WORKFLOW.next_states(escalation.status, within=HANDLING_STATES)


def handling_note_problems(note: str) -> list[Problem]:
    """A note the LMM/LET types goes back to the municipality and stays in this view: no BSN-like number,
    postcode or date with a day in it (the step has its own date). Checked without the household's names,
    so a refusal can never tell the LET that a word is a name in the household."""
    if find_identifiers(note, EMPTY_IDENTIFIERS):
        return [Problem("toelichting", "Laat nummers die op een BSN lijken, postcodes en datums weg uit de "
                                       "toelichting (de stap heeft een eigen datum).")]
    return []


def lmm_row(escalation: Escalation, municipality_code: str, pseudo: Pseudonymised, day: date) -> LmmDossierRow:
    assert escalation.id is not None
    d = pseudo.dossier
    return LmmDossierRow(
        escalation_id=escalation.id,
        reference=reference_for(municipality_code, escalation.id),
        municipality_code=municipality_code,
        municipality=reference.municipalities().get(municipality_code, municipality_code),
        status=escalation.status,
        submitted_on=escalation.submitted_on,
        started_on=escalation.started_on,
        closed_on=escalation.closed_on,
        waiting_days=escalation.waiting_days(day),
        resolution_days=escalation.time_to_resolution_days,
        consent_expires_on=escalation.consent.expires_on,
        composition=d.composition if d else "",
        knelpunt=d.knelpunt if d else "",
        requested_solution=d.requested_solution if d else "",
        withheld=pseudo.withheld,
    )


def sort_key(candidate: NationalCandidate) -> tuple[int, int, int]:
    """Waiting ones first (oldest submission first), then closed ones (most recently closed first)."""
    if candidate.status in INBOX_STATUSES:
        return (0, candidate.submitted_on.toordinal() if candidate.submitted_on else 0, -candidate.id)
    return (1, -(candidate.closed_on.toordinal() if candidate.closed_on else 0), -candidate.id)
