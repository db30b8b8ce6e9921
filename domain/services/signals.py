"""The worklist use case: query only candidates (indexed), let `domain.signals` decide exactly.

A coordinator sees the signals of every case in their municipalities; a professional only those of their
own and their team's cases (no break-glass from a worklist).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TypeVar

from domain.access import Permission, require
from domain.actors import Actor
from domain.people import checklist_birth_window
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import may_see, today_or
from domain.signals import (
    CaseOwner,
    Signal,
    SignalConfig,
    SignalKind,
    birth_window,
    compute_signals,
)

T = TypeVar("T")


def _visible(actor: Actor, rows: Iterable[tuple[T, CaseOwner]]) -> list[T]:
    return [candidate for candidate, owner in rows if may_see(actor, owner)]


def worklist(
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    config: SignalConfig | None = None,
    kinds: frozenset[SignalKind] | None = None,
) -> list[Signal]:
    """Everything that needs attention today, most severe first, then by due date."""
    require(actor, Permission.LIST_CASES)
    day = today_or(today)
    config = config or SignalConfig()
    codes = actor.municipality_codes
    with uow:
        first, last = birth_window(day, config)
        checklist_first, checklist_last = checklist_birth_window(day)
        members = _visible(actor, uow.people.members_born_between(
            min(first, checklist_first), max(last, checklist_last), codes))
        overbruggingen = _visible(actor, uow.overbruggingen.signal_candidates(day, codes))
        cutoff = day - timedelta(weeks=config.escalation_wait_weeks)
        escalations = _visible(actor, uow.escalations.waiting_since_before(cutoff, codes))
        actions = _visible(actor, uow.overbruggingen.overdue_plan_actions(day, codes))
    signals = compute_signals(
        day, members=members, overbruggingen=overbruggingen, actions=actions, escalations=escalations, config=config
    )
    if kinds is not None:
        signals = [s for s in signals if s.kind in kinds]
    return signals


__all__ = ["worklist"]


class SignalService(Bound):
    """The worklist, bound to a unit of work and the actor."""

    def worklist(self, *, today: date | None = None, config: SignalConfig | None = None,
                 kinds: frozenset[SignalKind] | None = None) -> list[Signal]:
        return worklist(self.uow, self.actor, today=today, config=config, kinds=kinds)
