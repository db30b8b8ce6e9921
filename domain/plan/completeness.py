"""What still blocks a decision on a plan (`what_is_missing`, in Dutch, in the order of the steps) and what
only weakens it (`plan_warnings`); deciding with anything missing is refused with that list."""

from __future__ import annotations

from domain.catalogues import legal_basis
from domain.household import Household
from domain.plan.model import (
    CONTENT_STEPS,
    MissingItem,
    PlanContent,
    PlanStep,
    short_text,
)
from domain.rekensom import (
    Frequency,
    Scenario,
)

# -- what is missing ------------------------------------------------------------------------------


def what_is_missing(plan: PlanContent, household: Household | None = None) -> list[MissingItem]:
    """Everything that blocks a decision, in Dutch, in the order of the steps. Empty: ready to decide.

    With the household, the obstacle's link to one of its problems is checked too.
    """
    missing: list[MissingItem] = []

    def add(step: PlanStep, message: str) -> None:
        missing.append(MissingItem(step, message))

    if household is not None and not household.problems:
        add(PlanStep.IN_KAART, "Er zijn nog geen problemen per leefgebied in kaart gebracht.")
    if not plan.perspectief:
        add(PlanStep.PERSPECTIEF, "Het perspectief van het huishouden (waar wil het over 12 maanden staan?) ontbreekt.")
    if plan.sta_in_de_weg.problem_id is None:
        add(PlanStep.STA_IN_DE_WEG, "De grootste sta-in-de-weg is niet gekozen (koppel hem aan een probleem).")
    elif household is not None and all(p.id != plan.sta_in_de_weg.problem_id for p in household.problems):
        add(
            PlanStep.STA_IN_DE_WEG,
            "De grootste sta-in-de-weg verwijst naar een probleem dat niet bij dit huishouden hoort.",
        )
    if not plan.doorbraak:
        add(PlanStep.DOORBRAAK, "De doorbraak is niet beschreven.")
    if not plan.goals:
        add(PlanStep.DOELEN, "Er is nog geen doel.")
    if not plan.actions:
        add(PlanStep.ACTIES, "Er is nog geen actie.")
    deviating = [a for a in plan.actions if a.deviating]
    for action in plan.actions:
        if not action.owner_organisation:
            add(PlanStep.ACTIES, f"Actie '{action.short}' heeft geen eigenaar (organisatie).")
        if action.deadline is None:
            add(PlanStep.ACTIES, f"Actie '{action.short}' heeft geen deadline.")
        if action.deviating and not action.legal_basis_ids:
            add(PlanStep.ACTIES, f"Actie '{action.short}' wijkt af van de standaard maar heeft geen rechtsgrond.")
        if action.deviating and not (action.reasoning.onevenredigheid or plan.juridisch.onevenredigheid):
            add(
                PlanStep.ACTIES,
                f"Actie '{action.short}' wijkt af: leg uit waarom de standaarduitkomst onevenredig zou zijn.",
            )
    scenarios = {line.scenario for line in plan.rekensom.lines}
    if not plan.rekensom.lines:
        add(PlanStep.REKENSOM, "De rekensom is leeg.")
    else:
        if Scenario.HUIDIG_PAD not in scenarios:
            add(PlanStep.REKENSOM, "De rekensom heeft geen kosten voor het huidig pad (doormodderen).")
        if Scenario.DOORBRAAK not in scenarios:
            add(PlanStep.REKENSOM, "De rekensom heeft geen kosten voor de doorbraak.")
    for line in plan.rekensom.lines:
        if line.source is None:
            add(
                PlanStep.REKENSOM,
                f"Kostenregel '{short_text(line.description)}' heeft geen bron (kengetal of eigen bron met jaartal).",
            )
    juridisch = plan.juridisch
    if not juridisch.bevoegd_gezag:
        add(PlanStep.JURIDISCH, "Het bevoegd gezag ontbreekt.")
    if deviating:
        if not juridisch.feiten:
            add(PlanStep.JURIDISCH, "De feiten ontbreken (het plan wijkt af van de standaard).")
        if not juridisch.grondslagen and not any(a.legal_basis_ids for a in deviating):
            add(PlanStep.JURIDISCH, "Er is geen rechtsgrond gekozen voor de afwijking.")
    if not juridisch.privacy_grondslagen:
        add(PlanStep.JURIDISCH, "De privacygrondslag voor het delen van gegevens ontbreekt.")
    if plan.consent is None:
        add(PlanStep.TOESTEMMING, "De toestemming van de bewoner ontbreekt.")
    return missing


def plan_warnings(plan: PlanContent, household: Household | None = None) -> list[MissingItem]:
    """Advice that does not block a decision (weak spots a maatwerkfunctionaris may ask about)."""
    warnings: list[MissingItem] = []
    action_goals = {a.goal_id for a in plan.actions}
    for goal in plan.goals:
        if goal.id not in action_goals:
            warnings.append(MissingItem(PlanStep.DOELEN, f"Doel '{short_text(goal.text)}' heeft nog geen actie."))
    for action in plan.actions:
        if action.deviating and not action.reasoning.gelijkheid and not plan.juridisch.gelijkheid:
            warnings.append(
                MissingItem(PlanStep.ACTIES, f"Actie '{action.short}' wijkt af: de gelijkheidsoverweging ontbreekt.")
            )
    if any(a.deviating for a in plan.actions) and not plan.juridisch.risicos:
        warnings.append(MissingItem(PlanStep.JURIDISCH, "De risico's van de afwijking zijn niet beschreven."))
    horizon = plan.rekensom.horizon_months
    for line in plan.rekensom.lines:
        if line.start_month >= horizon:
            warnings.append(
                MissingItem(
                    PlanStep.REKENSOM,
                    f"Kostenregel '{short_text(line.description)}' begint na de horizon van {horizon} maanden "
                    "en telt niet mee.",
                )
            )
        elif line.frequency is not Frequency.EENMALIG and line.duration_months == 0:
            warnings.append(
                MissingItem(PlanStep.REKENSOM, f"Kostenregel '{short_text(line.description)}' heeft looptijd 0.")
            )
        if line.probability == 0:
            warnings.append(
                MissingItem(PlanStep.REKENSOM, f"Kostenregel '{short_text(line.description)}' heeft kans 0.")
            )
        if line.source is not None and line.source.year is None:
            warnings.append(
                MissingItem(PlanStep.REKENSOM, f"De bron van '{short_text(line.description)}' heeft geen jaartal.")
            )
    privacy_ids = [g.basis_id for g in plan.juridisch.privacy_grondslagen]
    if any(not legal_basis(b).is_privacy for b in privacy_ids):
        warnings.append(
            MissingItem(
                PlanStep.JURIDISCH, "Als privacygrondslag is een rechtsgrond gekozen die geen AVG-grondslag is."
            )
        )
    if household is not None and plan.sta_in_de_weg.problem_id is not None:
        for action in plan.actions:
            if (
                action.owner_organisation
                and household.organisations
                and all(o.name.casefold() != action.owner_organisation.casefold() for o in household.organisations)
            ):
                warnings.append(
                    MissingItem(
                        PlanStep.ACTIES,
                        f"Eigenaar '{action.owner_organisation}' van actie '{action.short}' staat niet bij de "
                        "betrokken organisaties van het huishouden.",
                    )
                )
    return warnings


# -- small helpers for UIs ------------------------------------------------------------------------


def steps_status(plan: PlanContent, household: Household | None = None) -> dict[PlanStep, bool]:
    """Per content step: True when nothing blocking is missing there (a wizard's check marks)."""
    blocked = {item.step for item in what_is_missing(plan, household)}
    return {step: step not in blocked for step in CONTENT_STEPS}
