"""People: the ZRM per adult person (history per person and date), problems of a person, the checklist at 18.

- `zrm_score`: one row per member, leefgebied and date (a re-score that day replaces it).
- `transition_check`: the ticked items of a member's big-5 checklist at 18 (docs/people.md).
- `problem.member_id`: the optional member a problem belongs to (NULL: the household's).

Existing scores were per household: the ZRM scores of plan evaluations (`plan_evaluation.scores`). They move
to one person by the rule of `domain.people.score_owner` (written out here, so this migration stays as it is
when the domain changes): the first member by position with role `hoofdbewoner`; without one, the oldest
member who was 18 on the score's date; without such a member the score is not moved (it stays in the
evaluation, which is part of the plan version and keeps all its scores). The score's date is the evaluation's
`on_date`, or the plan version's creation day when the evaluation has none; the moment is kept. Evaluations
are read oldest plan version first; the same person, leefgebied and date twice (an evaluation carried into a
newer version) keeps the newest version's score. Problem scores stay on their problem (the problem's own
severity); they were never anyone's ZRM history and are not copied.

Revision ID: 0013_people
Revises: 0012_audit_head_definer
Create Date: 2026-12-06
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0013_people"
down_revision = "0012_audit_head_definer"
branch_labels = None
depends_on = None

MIGRATED_BY = "migratie 0013 (score van het huishouden)"


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value)
    return date.fromisoformat(text[:10])


def _age_on(birth: date, day: date) -> int:
    years = day.year - birth.year
    return years - 1 if (day.month, day.day) < (birth.month, birth.day) else years


def _owner(members: list[tuple[int, str, date]], day: date) -> int | None:
    """members: (id, role, date of birth) in position order."""
    for member_id, role, _ in members:
        if role == "hoofdbewoner":
            return member_id
    adults = [(born, member_id) for member_id, _, born in members if _age_on(born, day) >= 18]
    return min(adults)[1] if adults else None


def upgrade() -> None:
    with op.batch_alter_table("problem") as batch:
        batch.add_column(sa.Column("member_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_problem_member", "member", ["member_id"], ["id"], ondelete="SET NULL")
    op.create_table(
        "zrm_score",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("household_id", sa.Integer(), sa.ForeignKey("household.id", ondelete="CASCADE"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False),
        sa.Column("leefgebied", sa.String(40), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("scored_on", sa.Date(), nullable=False),
        sa.Column("moment", sa.Integer(), nullable=True),
        sa.Column("by_name", sa.String(120), nullable=False, server_default=""),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("member_id", "leefgebied", "scored_on", name="uq_zrm_score_member_day"),
    )
    op.create_index("ix_zrm_score_household_id", "zrm_score", ["household_id"])
    op.create_index("ix_zrm_score_member_id", "zrm_score", ["member_id"])
    op.create_index("ix_zrm_score_scored_on", "zrm_score", ["scored_on"])
    op.create_table(
        "transition_check",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("household_id", sa.Integer(), sa.ForeignKey("household.id", ondelete="CASCADE"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item", sa.String(40), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("by_name", sa.String(120), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.UniqueConstraint("member_id", "item", name="uq_transition_check_member_item"),
    )
    op.create_index("ix_transition_check_household_id", "transition_check", ["household_id"])
    op.create_index("ix_transition_check_member_id", "transition_check", ["member_id"])
    _move_household_scores()


def _move_household_scores() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT p.household_id, p.created_at, e.moment, e.on_date, e.scores FROM plan_evaluation e "
        "JOIN maatwerkplan p ON p.id = e.plan_id WHERE e.scores IS NOT NULL AND e.scores <> '{}' "
        "ORDER BY p.household_id, p.plan_version, e.moment"
    )).all()
    members: dict[int, list[tuple[int, str, date]]] = {}
    chosen: dict[tuple[int, str, date], dict[str, object]] = {}
    now = datetime.now(UTC)
    for household_id, created_at, moment, on_date, scores in rows:
        if household_id not in members:
            members[household_id] = [
                (int(r[0]), str(r[1]), _day(r[2])) for r in bind.execute(sa.text(
                    "SELECT id, role, date_of_birth FROM member WHERE household_id = :h ORDER BY position, id"
                ), {"h": household_id})
            ]
        day = _day(on_date) if on_date is not None else _day(created_at)
        owner = _owner(members[household_id], day)
        if owner is None:
            continue
        for code, score in json.loads(scores).items():
            chosen[(owner, code, day)] = {
                "household_id": household_id, "member_id": owner, "leefgebied": code, "score": int(score),
                "scored_on": day, "moment": moment, "by_name": MIGRATED_BY, "recorded_at": now,
            }
    if chosen:
        table = sa.table(
            "zrm_score", sa.column("household_id"), sa.column("member_id"), sa.column("leefgebied"),
            sa.column("score"), sa.column("scored_on", sa.Date()), sa.column("moment"), sa.column("by_name"),
            sa.column("recorded_at", sa.DateTime(timezone=True)),
        )
        op.bulk_insert(table, list(chosen.values()))


def downgrade() -> None:
    op.drop_table("transition_check")
    op.drop_table("zrm_score")
    with op.batch_alter_table("problem") as batch:
        batch.drop_constraint("fk_problem_member", type_="foreignkey")
        batch.drop_column("member_id")
