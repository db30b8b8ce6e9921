"""The maatwerkplan repository: plan versions with their children, drafts, and kengetal overrides."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import col

from domain.catalogues import KengetalOverride
from domain.errors import NotFound, StaleVersion
from domain.legal import ChosenBasis, JuridischeParagraaf, LegalReasoning
from domain.plan import (
    Action,
    ActionStatus,
    Consent,
    ConsentMethod,
    Decision,
    Evaluation,
    Goal,
    InKaart,
    Maatwerkplan,
    PlanDraft,
    PlanStatus,
    PlanVersionInfo,
    StaInDeWeg,
)
from domain.rekensom import CostKind, CostLine, CostSource, Frequency, Payer, Rekensom, Scenario
from storage.households import Clock, as_utc, utcnow
from storage.plan_summary import REKENSOM_TABLE, refresh_superseded, rekensom_rows
from storage.plan_tables import (
    KengetalOverrideRow,
    PlanActionRow,
    PlanCostLineRow,
    PlanDraftRow,
    PlanEvaluationRow,
    PlanGoalRow,
    PlanLegalBasisRow,
    PlanRekensomRow,
    PlanRow,
)
from storage.prebuilt import Prebuilt, construct
from storage.score_summary import refresh_grade_series
from storage.tables import HouseholdRow, RowValues

_CHILDREN: tuple[type[Any], ...] = (PlanGoalRow, PlanActionRow, PlanCostLineRow, PlanLegalBasisRow, PlanEvaluationRow,
                                     PlanRekensomRow)
_REASONING_FIELDS = tuple(LegalReasoning.model_fields)
_PARAGRAPH_TEXT_FIELDS = tuple(
    name for name in JuridischeParagraaf.model_fields if name not in ("grondslagen", "privacy_grondslagen")
)


def _plain(value: Decimal) -> Decimal:
    """Drop the column's trailing zeros (1.0000 → 1, 0.5000 → 0.5) so values read back as they were typed."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


def plan_row_values(plan: Maatwerkplan) -> RowValues:
    """A plan's own columns (the children are separate rows)."""
    consent = plan.consent
    decision = plan.decision
    return {
        "status": plan.status.value,
        "in_kaart_samenvatting": plan.in_kaart.samenvatting,
        "in_kaart_datum": plan.in_kaart.datum,
        "perspectief": plan.perspectief,
        "obstacle_problem_id": plan.sta_in_de_weg.problem_id,
        "obstacle_leefgebied": plan.sta_in_de_weg.leefgebied,
        "obstacle_toelichting": plan.sta_in_de_weg.toelichting,
        "doorbraak": plan.doorbraak,
        "horizon_months": plan.rekensom.horizon_months,
        "discount_rate": plan.rekensom.discount_rate,
        "price_year": plan.rekensom.price_year,
        "juridisch": json.dumps(
            plan.juridisch.model_dump(mode="json", include=set(_PARAGRAPH_TEXT_FIELDS)), ensure_ascii=False
        ),
        "consent_given_by": consent.given_by if consent else None,
        "consent_given_on": consent.given_on if consent else None,
        "consent_method": consent.method.value if consent else None,
        "consent_scope": consent.scope if consent else None,
        "decided_by": decision.decided_by if decision else None,
        "decision_mandate": decision.mandate if decision else None,
        "decision_mandate_id": decision.mandate_id if decision else None,
        "decided_on": decision.decided_on if decision else None,
        "decision_toelichting": decision.toelichting if decision else None,
    }


def fill_plan_row(row: PlanRow, plan: Maatwerkplan) -> None:
    """Copy a plan's own fields onto its ORM row."""
    for name, value in plan_row_values(plan).items():
        setattr(row, name, value)


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def plan_child_values(plan_id: int, plan: Maatwerkplan) -> dict[Table, list[RowValues]]:
    """The goal, action, cost-line, legal-basis and evaluation rows of a plan, per table, as plain values
    (written with one executemany per table, by the repository and by the bulk seed), and its rekensom
    summary for the dashboard (storage/plan_summary.py)."""
    goals = [
        {
            "plan_id": plan_id,
            "position": position,
            "key": goal.id,
            "text": goal.text,
            "leefgebied": goal.leefgebied,
            "target_score": goal.target_score,
        }
        for position, goal in enumerate(plan.goals)
    ]
    bases: list[RowValues] = []

    def basis(kind: str, basis_id: str, toelichting: str = "", action_key: str | None = None) -> None:
        bases.append(
            {
                "plan_id": plan_id,
                "position": len(bases) + 1,
                "kind": kind,
                "action_key": action_key,
                "basis_id": basis_id,
                "toelichting": toelichting,
            }
        )

    for chosen in plan.juridisch.grondslagen:
        basis("grond", chosen.basis_id, chosen.toelichting)
    for chosen in plan.juridisch.privacy_grondslagen:
        basis("privacy", chosen.basis_id, chosen.toelichting)
    actions = []
    for position, action in enumerate(plan.actions):
        actions.append(
            {
                "plan_id": plan_id,
                "position": position,
                "key": action.id,
                "what": action.what,
                "owner_organisation": action.owner_organisation,
                "contact": action.contact,
                "contact_id": action.contact_id,
                "deadline": action.deadline,
                "status": action.status.value,
                "status_note": action.status_note,
                "done_on": action.done_on,
                "goal_key": action.goal_id,
                "cost_line_key": action.cost_line_id,
                "deviating": action.deviating,
                "reasoning": json.dumps(action.reasoning.model_dump(mode="json"), ensure_ascii=False),
            }
        )
        for basis_id in action.legal_basis_ids:
            basis("actie", basis_id, action_key=action.id)
    lines = []
    for position, line in enumerate(plan.rekensom.lines):
        source = line.source
        lines.append(
            {
                "plan_id": plan_id,
                "position": position,
                "key": line.id,
                "description": line.description,
                "scenario": line.scenario.value,
                "payer": line.payer.value,
                "amount": line.amount,
                "quantity": line.quantity,
                "probability": line.probability,
                "frequency": line.frequency.value,
                "start_month": line.start_month,
                "duration_months": line.duration_months,
                "has_source": source is not None,
                "kengetal_id": source.kengetal_id if source else None,
                "source_text": source.text if source else "",
                "source_year": source.year if source else None,
                "source_amount": source.amount if source else None,
                "kind": line.kind.value,
                "receiver": line.receiver.value if line.receiver is not None else None,
                "loan_months": line.loan_months,
                "default_probability": line.default_probability,
            }
        )
    evaluations = [
        {
            "plan_id": plan_id,
            "moment": evaluation.moment,
            "on_date": evaluation.on_date,
            "rapportcijfer": evaluation.rapportcijfer,
            "scores": json.dumps(evaluation.scores),
            "realised_costs": evaluation.realised_costs,
            "realised_by_payer": json.dumps(
                {payer.value: str(amount) for payer, amount in evaluation.realised_by_payer.items()}
            ),
            "toelichting": evaluation.toelichting,
        }
        for evaluation in plan.evaluations
    ]
    return {
        _table(PlanGoalRow): goals,
        _table(PlanActionRow): actions,
        _table(PlanCostLineRow): lines,
        _table(PlanLegalBasisRow): bases,
        _table(PlanEvaluationRow): evaluations,
        REKENSOM_TABLE: rekensom_rows(plan_id, plan),
    }


def _child_rows(model: type[Any]) -> Any:
    table = _table(model)
    order = [table.c.position, table.c.id] if "position" in table.c else [table.c.moment]
    return select(table).where(table.c.plan_id == bindparam("plan_id")).order_by(*order)


_CHILD_ROWS: dict[type[Any], Prebuilt] = {
    model: Prebuilt(_child_rows(model))
    for model in (PlanGoalRow, PlanActionRow, PlanCostLineRow, PlanLegalBasisRow, PlanEvaluationRow)
}
"""The children a plan is read from (the rekensom summary is the dashboard's, never read back here)."""
_PLANS = _table(PlanRow)
_NEWEST_PLAN = Prebuilt(
    select(_PLANS)
    .join(HouseholdRow, col(HouseholdRow.id) == _PLANS.c.household_id)
    .where(col(HouseholdRow.case_number) == bindparam("case_number"))
    .order_by(_PLANS.c.plan_version.desc())
    .limit(1)
)
"""The newest version of a case's plan, one row."""
_VERSIONS = Prebuilt(
    select(_PLANS.c.plan_version, _PLANS.c.status, _PLANS.c.decided_on, _PLANS.c.decided_by, _PLANS.c.created_by,
           _PLANS.c.updated_at, _PLANS.c.version)
    .join(HouseholdRow, col(HouseholdRow.id) == _PLANS.c.household_id)
    .where(col(HouseholdRow.case_number) == bindparam("case_number"))
    .order_by(_PLANS.c.plan_version)
)
"""Every version of a case's plan, oldest first (the version list's columns only)."""


class SqlPlanRepository:
    def __init__(self, session: Session, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock

    # -- lookups ---------------------------------------------------------------------------------
    def _household_id(self, case_number: str) -> int:
        household_id = self.session.scalar(
            select(col(HouseholdRow.id)).where(col(HouseholdRow.case_number) == case_number)
        )
        if household_id is None:
            raise NotFound(f"Casus {case_number} bestaat niet.")
        return int(household_id)

    def _row(self, household_id: int, plan_version: int) -> PlanRow | None:
        stmt = select(PlanRow).where(
            col(PlanRow.household_id) == household_id, col(PlanRow.plan_version) == plan_version
        )
        return self.session.scalars(stmt).first()

    def _latest_version(self, household_id: int) -> int | None:
        value = self.session.scalar(
            select(func.max(col(PlanRow.plan_version))).where(col(PlanRow.household_id) == household_id)
        )
        return None if value is None else int(value)

    # -- plans -----------------------------------------------------------------------------------
    def current(self, case_number: str) -> Maatwerkplan | None:
        # One query for the newest version; the household is looked up on its own only when there is none
        # (to tell "no plan yet" from "no such case"). A row of a prebuilt statement on the driver's cursor
        # (storage/prebuilt.py): reading needs no ORM object and no identity map.
        connection = self.session.connection()
        row = _NEWEST_PLAN.first(connection, {"case_number": case_number})
        if row is None:
            self._household_id(case_number)
            return None
        return self._to_domain(row, case_number, connection)

    def get(self, case_number: str, plan_version: int) -> Maatwerkplan:
        row = self._row(self._household_id(case_number), plan_version)
        if row is None:
            raise NotFound(f"Casus {case_number} heeft geen maatwerkplan versie {plan_version}.")
        return self._to_domain(row, case_number)

    def versions(self, case_number: str) -> list[PlanVersionInfo]:
        found = [
            PlanVersionInfo(
                plan_version=r[0],
                status=PlanStatus(r[1]),
                decided_on=r[2],
                decided_by=r[3] or "",
                created_by=r[4],
                updated_at=as_utc(r[5]),
                version=r[6],
            )
            for r in _VERSIONS.rows(self.session.connection(), {"case_number": case_number})
        ]
        if not found:
            self._household_id(case_number)  # NotFound for an unknown case, as before
        return found

    def add(self, plan: Maatwerkplan) -> Maatwerkplan:
        household_id = self._household_id(plan.case_number)
        now = self.clock()
        row = PlanRow(  # type: ignore[call-arg]  # status: _fill_row; version: mapper
            household_id=household_id,
            plan_version=plan.plan_version,
            created_by=plan.created_by,
            created_at=now,
            updated_at=now,
            discount_rate=Decimal(0),
        )
        fill_plan_row(row, plan)
        self.session.add(row)
        self.session.flush()
        assert row.id is not None
        self._write_children(row.id, plan)
        refresh_superseded(self.session.connection(), household_id)  # the dashboard's plan in force
        return self._to_domain(row, plan.case_number)

    def save(self, plan: Maatwerkplan) -> Maatwerkplan:
        household_id = self._household_id(plan.case_number)
        row = self._row(household_id, plan.plan_version)
        if row is None:
            raise NotFound(f"Casus {plan.case_number} heeft geen maatwerkplan versie {plan.plan_version}.")
        if row.version != plan.version:
            raise StaleVersion("Dit maatwerkplan")
        fill_plan_row(row, plan)
        # Touch the row even when only children changed, so the version always moves on.
        row.updated_at = self.clock()
        try:
            self.session.flush()
        except StaleDataError:
            raise StaleVersion("Dit maatwerkplan") from None
        assert row.id is not None
        for model in _CHILDREN:
            self.session.execute(delete(model).where(model.plan_id == row.id))
        self._write_children(row.id, plan)
        refresh_superseded(self.session.connection(), household_id)  # the dashboard's plan in force
        self.session.expire(row)
        return self._to_domain(row, plan.case_number)

    def _write_children(self, plan_id: int, plan: Maatwerkplan) -> None:
        for table, rows in plan_child_values(plan_id, plan).items():
            if rows:
                self.session.execute(insert(table), rows)
        # The dashboard's first and last rapportcijfer of this version (storage/score_summary.py).
        refresh_grade_series(self.session.connection(), plan_id)

    def _children(self, model: type[Any], plan_id: int, connection: Connection) -> Sequence[Any]:
        """Named tuples (attribute access as on the ORM objects): reading a plan needs no identity map."""
        # A prebuilt statement on the driver's cursor (storage/prebuilt.py): the ORM's execute path, and
        # building the statement per call, cost more than the query.
        return _CHILD_ROWS[model].records(connection, {"plan_id": plan_id})

    def _to_domain(self, row: PlanRow | Any, case_number: str, connection: Connection | None = None) -> Maatwerkplan:
        assert row.id is not None
        # construct (model_construct's result, storage/prebuilt.py), no validation: rows were validated on the
        # way in (and a frozen plan must load even if a catalogue entry it used were ever withdrawn).
        # The connection is looked up once for the five children: each `session.connection()` walks the
        # session's transaction state.
        connection = connection or self.session.connection()
        bases: Sequence[PlanLegalBasisRow] = self._children(PlanLegalBasisRow, row.id, connection)
        action_bases: dict[str, list[str]] = {}
        for b in bases:
            if b.kind == "actie" and b.action_key is not None:
                action_bases.setdefault(b.action_key, []).append(b.basis_id)
        paragraph = json.loads(row.juridisch or "{}")
        juridisch = construct(JuridischeParagraaf,
            **{name: paragraph.get(name, "") for name in _PARAGRAPH_TEXT_FIELDS},
            grondslagen=[
                construct(ChosenBasis, basis_id=b.basis_id, toelichting=b.toelichting)
                for b in bases
                if b.kind == "grond"
            ],
            privacy_grondslagen=[
                construct(ChosenBasis, basis_id=b.basis_id, toelichting=b.toelichting)
                for b in bases
                if b.kind == "privacy"
            ],
        )
        goals = [
            construct(Goal, id=g.key, text=g.text, leefgebied=g.leefgebied, target_score=g.target_score)
            for g in self._children(PlanGoalRow, row.id, connection)
        ]
        actions = []
        for a in self._children(PlanActionRow, row.id, connection):
            reasoning = json.loads(a.reasoning or "{}")
            actions.append(
                construct(Action,
                    id=a.key,
                    what=a.what,
                    owner_organisation=a.owner_organisation,
                    contact=a.contact,
                    contact_id=a.contact_id,
                    deadline=a.deadline,
                    status=ActionStatus(a.status),
                    status_note=a.status_note,
                    done_on=a.done_on,
                    goal_id=a.goal_key,
                    cost_line_id=a.cost_line_key,
                    deviating=bool(a.deviating),
                    legal_basis_ids=action_bases.get(a.key, []),
                    reasoning=construct(LegalReasoning,
                        **{name: reasoning.get(name, "") for name in _REASONING_FIELDS}
                    ),
                )
            )
        lines = [
            construct(CostLine,
                id=c.key,
                description=c.description,
                scenario=Scenario(c.scenario),
                payer=Payer(c.payer),
                amount=_cents(c.amount),
                quantity=_plain(c.quantity),
                probability=_plain(c.probability),
                frequency=Frequency(c.frequency),
                start_month=c.start_month,
                duration_months=c.duration_months,
                source=construct(CostSource,
                    kengetal_id=c.kengetal_id,
                    text=c.source_text,
                    year=c.source_year,
                    amount=None if c.source_amount is None else _cents(c.source_amount),
                )
                if c.has_source
                else None,
                kind=CostKind(c.kind),
                receiver=None if c.receiver is None else Payer(c.receiver),
                loan_months=c.loan_months,
                default_probability=None if c.default_probability is None else _plain(c.default_probability),
            )
            for c in self._children(PlanCostLineRow, row.id, connection)
        ]
        evaluations = [
            construct(Evaluation,
                moment=e.moment,
                on_date=e.on_date,
                rapportcijfer=e.rapportcijfer,
                scores=json.loads(e.scores or "{}"),
                realised_costs=None if e.realised_costs is None else _cents(e.realised_costs),
                realised_by_payer={
                    Payer(k): _cents(Decimal(v)) for k, v in json.loads(e.realised_by_payer or "{}").items()
                },
                toelichting=e.toelichting,
            )
            for e in self._children(PlanEvaluationRow, row.id, connection)
        ]
        consent = (
            construct(Consent,
                given_by=row.consent_given_by,
                given_on=row.consent_given_on,
                method=ConsentMethod(row.consent_method or "mondeling"),
                scope=row.consent_scope or "",
            )
            if row.consent_given_by is not None and row.consent_given_on is not None
            else None
        )
        decision = (
            construct(Decision,
                decided_by=row.decided_by,
                mandate=row.decision_mandate or "",
                mandate_id=row.decision_mandate_id,
                decided_on=row.decided_on,
                toelichting=row.decision_toelichting or "",
            )
            if row.decided_by is not None and row.decided_on is not None
            else None
        )
        return construct(Maatwerkplan,
            id=row.id,
            case_number=case_number,
            plan_version=row.plan_version,
            status=PlanStatus(row.status),
            in_kaart=construct(InKaart, samenvatting=row.in_kaart_samenvatting, datum=row.in_kaart_datum),
            perspectief=row.perspectief,
            sta_in_de_weg=construct(StaInDeWeg,
                problem_id=row.obstacle_problem_id,
                leefgebied=row.obstacle_leefgebied,
                toelichting=row.obstacle_toelichting,
            ),
            doorbraak=row.doorbraak,
            goals=goals,
            actions=actions,
            rekensom=construct(Rekensom,
                horizon_months=row.horizon_months,
                discount_rate=_plain(row.discount_rate),
                lines=lines,
                price_year=row.price_year,
            ),
            juridisch=juridisch,
            consent=consent,
            decision=decision,
            evaluations=evaluations,
            created_by=row.created_by,
            version=row.version,
            created_at=as_utc(row.created_at),
            updated_at=as_utc(row.updated_at),
        )

    # -- drafts ----------------------------------------------------------------------------------
    def get_draft(self, case_number: str, username: str) -> PlanDraft | None:
        household_id = self._household_id(case_number)
        row = self.session.scalars(
            select(PlanDraftRow).where(
                col(PlanDraftRow.household_id) == household_id, col(PlanDraftRow.username) == username
            )
        ).first()
        if row is None:
            return None
        return PlanDraft(
            case_number=case_number,
            username=row.username,
            content=json.loads(row.content),
            base_plan_version=row.base_plan_version,
            base_version=row.base_version,
            saved_at=as_utc(row.saved_at),
        )

    def put_draft(self, draft: PlanDraft) -> PlanDraft:
        household_id = self._household_id(draft.case_number)
        now = self.clock()
        content = json.dumps(draft.content, ensure_ascii=False, default=str)
        row = self.session.scalars(
            select(PlanDraftRow).where(
                col(PlanDraftRow.household_id) == household_id,
                col(PlanDraftRow.username) == draft.username,
            )
        ).first()
        if row is None:
            row = PlanDraftRow(
                household_id=household_id,
                username=draft.username,
                base_plan_version=draft.base_plan_version,
                base_version=draft.base_version,
                content=content,
                saved_at=now,
            )
            self.session.add(row)
        else:
            row.base_plan_version = draft.base_plan_version
            row.base_version = draft.base_version
            row.content = content
            row.saved_at = now
        self.session.flush()
        return PlanDraft(
            case_number=draft.case_number,
            username=draft.username,
            content=json.loads(content),
            base_plan_version=draft.base_plan_version,
            base_version=draft.base_version,
            saved_at=as_utc(now),
        )

    def delete_draft(self, case_number: str, username: str) -> None:
        household_id = self._household_id(case_number)
        self.session.execute(
            delete(PlanDraftRow).where(
                col(PlanDraftRow.household_id) == household_id,
                col(PlanDraftRow.username) == username,
            )
        )

    # -- kengetal overrides ----------------------------------------------------------------------
    def kengetal_overrides(self, municipality_code: str) -> list[KengetalOverride]:
        stmt = (
            select(KengetalOverrideRow)
            .where(col(KengetalOverrideRow.municipality_code) == municipality_code)
            .order_by(col(KengetalOverrideRow.kengetal_id))
        )
        return [
            construct(KengetalOverride,
                municipality_code=r.municipality_code,
                kengetal_id=r.kengetal_id,
                bedrag=_cents(r.bedrag),
                bron=r.bron,
                jaar=r.jaar,
                updated_by=r.updated_by,
                updated_at=as_utc(r.updated_at),
            )
            for r in self.session.scalars(stmt)
        ]

    def put_kengetal_override(self, override: KengetalOverride) -> KengetalOverride:
        row = self.session.scalars(
            select(KengetalOverrideRow).where(
                col(KengetalOverrideRow.municipality_code) == override.municipality_code,
                col(KengetalOverrideRow.kengetal_id) == override.kengetal_id,
            )
        ).first()
        now = self.clock()
        if row is None:
            row = KengetalOverrideRow(  # type: ignore[call-arg]  # version: mapper
                municipality_code=override.municipality_code,
                kengetal_id=override.kengetal_id,
                bedrag=override.bedrag,
                bron=override.bron,
                jaar=override.jaar,
                updated_by=override.updated_by,
                updated_at=now,
            )
            self.session.add(row)
        else:
            row.bedrag = override.bedrag
            row.bron = override.bron
            row.jaar = override.jaar
            row.updated_by = override.updated_by
            row.updated_at = now
        self.session.flush()
        return override.model_copy(update={"updated_at": as_utc(now)})

    def delete_kengetal_override(self, municipality_code: str, kengetal_id: str) -> bool:
        result = self.session.execute(
            delete(KengetalOverrideRow).where(
                col(KengetalOverrideRow.municipality_code) == municipality_code,
                col(KengetalOverrideRow.kengetal_id) == kengetal_id,
            )
        )
        return bool(getattr(result, "rowcount", 0))
