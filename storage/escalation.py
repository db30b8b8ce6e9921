"""The escalation repository: rows ↔ domain, the coordinator's inbox (paged), waiting and resolution queries."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlmodel import col

from domain.escalation import (
    ESCALATION_WORKFLOW,
    FINAL_STATES,
    INBOX_STATUSES,
    Consent,
    Escalation,
    EscalationLevel,
    EscalationListRow,
    EscalationPage,
    EscalationQuery,
    EscalationStatus,
    ResolutionFact,
)
from domain.lmm import NationalCandidate
from domain.signals import CaseOwner, EscalationCandidate
from storage.case_tables import EscalationKnelpuntRow, EscalationRouteRow, EscalationRow, EscalationStepRow
from storage.tables import HouseholdRow
from storage.workflow import CaseWorkflowRepository, municipality_filter, not_null, owner_of

BLOCKAGE_EXCERPT = 200


class SqlEscalationRepository(
    CaseWorkflowRepository[Escalation], item=Escalation, page=EscalationPage, workflow=ESCALATION_WORKFLOW,
    reference="Escalatie ESC-", row=EscalationRow, steps=EscalationStepRow,
    children=(EscalationRouteRow, EscalationKnelpuntRow),
):
    # -- reading ---------------------------------------------------------------------------------
    def _content(self, row: EscalationRow, item_id: int) -> dict[str, Any]:
        routes = self._children_of(EscalationRouteRow, item_id)
        return {
            "level": row.level,
            "urgent": row.urgent,
            "urgency_note": row.urgency_note,
            "complex": row.complex,
            "complexity_note": row.complexity_note,
            "domains": json.loads(row.domains),
            "organisations": json.loads(row.organisations),
            "routes_tried": [
                {"level": r.level, "tried_on": r.tried_on, "description": r.description, "outcome": r.outcome}
                for r in routes
            ],
            "blockage_kind": row.blockage_kind,
            "blockage": row.blockage,
            "requested_solution": row.requested_solution,
            "consent": {
                "given": row.consent_given,
                "given_on": row.consent_given_on,
                "scope": row.consent_scope,
                "recipients": json.loads(row.consent_recipients),
                "expires_on": row.consent_expires_on,
            },
            "knelpunt_ids": [k.knelpunt_id for k in self._children_of(EscalationKnelpuntRow, item_id)],
            "previous_id": row.previous_id,
            "created_on": row.created_on,
            "submitted_on": row.submitted_on,
            "started_on": row.started_on,
            "closed_on": row.closed_on,
        }

    def _filters(self, query: EscalationQuery) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if query.levels is not None:
            found.append(col(EscalationRow.level).in_(sorted(level.value for level in query.levels)))
        if query.submitted_before is not None:
            found.append(col(EscalationRow.submitted_on) < query.submitted_before)
        return found

    def _list_columns(self) -> tuple[Any, ...]:
        return (
            col(EscalationRow.level),
            func.substr(col(EscalationRow.blockage), 1, BLOCKAGE_EXCERPT),
            col(EscalationRow.created_on),
            col(EscalationRow.submitted_on),
            col(EscalationRow.closed_on),
        )

    def _list_order(self) -> tuple[Any, ...]:
        """Inbox order: waiting ones first (oldest submission first), then concepts, then closed (newest first)."""
        bucket = case(
            (col(EscalationRow.status).in_([s.value for s in INBOX_STATUSES]), 0),
            (col(EscalationRow.status) == EscalationStatus.CONCEPT.value, 1),
            else_=2,
        )
        return (
            bucket,
            case((bucket == 0, col(EscalationRow.submitted_on)), else_=None),
            col(EscalationRow.closed_on).desc(),
            col(EscalationRow.id).desc(),
        )

    def _list_row(self, common: dict[str, Any], columns: Sequence[Any]) -> EscalationListRow:
        level, blockage, created_on, submitted_on, closed_on = columns
        return EscalationListRow(**common, level=level, blockage=blockage or "", created_on=created_on,
                                 submitted_on=submitted_on, closed_on=closed_on)

    def national_candidates(self, day: date) -> list[NationalCandidate]:
        stmt = (
            select(
                col(EscalationRow.id),
                col(HouseholdRow.municipality_code),
                col(EscalationRow.status),
                col(EscalationRow.submitted_on),
                col(EscalationRow.closed_on),
                col(EscalationRow.consent_given),
                col(EscalationRow.consent_given_on),
                col(EscalationRow.consent_scope),
                col(EscalationRow.consent_recipients),
                col(EscalationRow.consent_expires_on),
                col(HouseholdRow.professional),
                col(HouseholdRow.team),
            )
            .join(HouseholdRow, col(HouseholdRow.id) == col(EscalationRow.household_id))
            .where(
                col(EscalationRow.level) == EscalationLevel.LANDELIJK.value,
                col(EscalationRow.status) != EscalationStatus.CONCEPT.value,
                col(EscalationRow.consent_given).is_(True),
                col(EscalationRow.consent_given_on) <= day,
                col(EscalationRow.consent_expires_on) >= day,
            )
        )
        return [
            NationalCandidate(
                id=r[0],
                municipality_code=r[1],
                status=EscalationStatus(r[2]),
                submitted_on=r[3],
                closed_on=r[4],
                consent=Consent(given=r[5], given_on=r[6], scope=r[7], recipients=json.loads(r[8]),
                                expires_on=r[9]),
                owner=owner_of(r[1], r[10], r[11]),
            )
            for r in self.session.execute(stmt)
        ]

    def waiting_since_before(
        self, cutoff: date, municipality_codes: frozenset[str] | None = None
    ) -> list[tuple[EscalationCandidate, CaseOwner]]:
        stmt = (
            select(
                col(EscalationRow.id),
                col(HouseholdRow.case_number),
                col(EscalationRow.level),
                col(EscalationRow.submitted_on),
                col(HouseholdRow.municipality_code),
                col(HouseholdRow.professional),
                col(HouseholdRow.team),
            )
            .join(HouseholdRow, col(HouseholdRow.id) == col(EscalationRow.household_id))
            .where(
                col(EscalationRow.status).in_([s.value for s in INBOX_STATUSES]),
                col(EscalationRow.submitted_on) < cutoff,
                *municipality_filter(municipality_codes),
            )
            .order_by(col(EscalationRow.submitted_on), col(EscalationRow.id))
        )
        return [
            (
                EscalationCandidate(
                    id=not_null(r[0]),
                    case_number=r[1],
                    level_label=EscalationLevel(r[2]).label,
                    submitted_on=not_null(r[3]),
                    waiting=True,
                ),
                owner_of(r[4], r[5], r[6]),
            )
            for r in self.session.execute(stmt)
        ]

    def resolution_facts(
        self, start: date | None, end: date | None, municipality_codes: frozenset[str] | None = None
    ) -> list[ResolutionFact]:
        conditions = [
            col(EscalationRow.status).in_([s.value for s in FINAL_STATES]),
            col(EscalationRow.submitted_on).is_not(None),
            col(EscalationRow.closed_on).is_not(None),
            *municipality_filter(municipality_codes),
        ]
        if start is not None:
            conditions.append(col(EscalationRow.closed_on) >= start)
        if end is not None:
            conditions.append(col(EscalationRow.closed_on) <= end)
        stmt = (
            select(
                col(EscalationRow.level),
                col(EscalationRow.status),
                col(EscalationRow.submitted_on),
                col(EscalationRow.closed_on),
            )
            .join(HouseholdRow, col(HouseholdRow.id) == col(EscalationRow.household_id))
            .where(*conditions)
        )
        return [
            ResolutionFact(
                level=EscalationLevel(r[0]), status=EscalationStatus(r[1]), submitted_on=r[2], closed_on=r[3]
            )
            for r in self.session.execute(stmt)
        ]

    # -- writing ---------------------------------------------------------------------------------
    def _fill(self, row: EscalationRow, e: Escalation) -> None:
        row.level = e.level.value
        row.status = e.status.value
        row.urgent = e.urgent
        row.urgency_note = e.urgency_note
        row.complex = e.complex
        row.complexity_note = e.complexity_note
        row.domains = json.dumps(e.domains)
        row.organisations = json.dumps(e.organisations, ensure_ascii=False)
        row.blockage_kind = e.blockage_kind.value
        row.blockage = e.blockage
        row.requested_solution = e.requested_solution
        row.consent_given = e.consent.given
        row.consent_given_on = e.consent.given_on
        row.consent_scope = e.consent.scope
        row.consent_recipients = json.dumps(e.consent.recipients, ensure_ascii=False)
        row.consent_expires_on = e.consent.expires_on
        row.previous_id = e.previous_id
        row.created_on = e.created_on
        row.submitted_on = e.submitted_on
        row.started_on = e.started_on
        row.closed_on = e.closed_on

    def _add_children(self, escalation_id: int, e: Escalation) -> None:
        self.session.add_all(
            EscalationRouteRow(
                escalation_id=escalation_id,
                position=i,
                level=r.level.value,
                tried_on=r.tried_on,
                description=r.description,
                outcome=r.outcome,
            )
            for i, r in enumerate(e.routes_tried)
        )
        self.session.add_all(
            EscalationKnelpuntRow(escalation_id=escalation_id, knelpunt_id=k, position=i)
            for i, k in enumerate(e.knelpunt_ids)
        )

    def append_step(self, escalation: Escalation) -> Escalation:
        """A handling step of the LMM/LET: the state, its dates and the newest step; the content stays."""

        def dates(row: EscalationRow) -> None:
            row.started_on = escalation.started_on
            row.closed_on = escalation.closed_on

        return self._append_step(escalation, columns=dates)
