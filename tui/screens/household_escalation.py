"""From a household (x): show its open escalation, or start one prefilled by `suggest_escalation`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.escalation import FINAL_STATES, Escalation, EscalationQuery, EscalationStatus
from domain.services.escalation import EscalationDraft
from tui.screens.base import DoorbraakScreen

OPEN_STATES = frozenset(EscalationStatus) - FINAL_STATES


def open_or_start_escalation(screen: DoorbraakScreen[Any], case_number: str) -> None:
    services = screen.services
    # The lookup runs in a worker and may take a while on a busy machine: what is typed meanwhile is kept and
    # lands in the screen it opens (the new escalation's first field), not in the household (tui/key_order.py).
    hold = getattr(screen.app, "hold_keys", None)
    release: Callable[[], None] = hold() if hold is not None else (lambda: None)

    def find(purpose: str) -> int | EscalationDraft:
        page = services.escalations.list(EscalationQuery(case_number=case_number, statuses=OPEN_STATES, limit=1))
        if page.rows:
            return page.rows[0].id
        return services.escalations.suggest(case_number, purpose=purpose)

    def found(result: int | EscalationDraft) -> None:
        try:
            if isinstance(result, int):
                show(result)
            else:
                start(result)
        finally:
            release()

    def show(escalation_id: int) -> None:
        from tui.screens.escalation_detail import EscalationDetailScreen

        screen.app.push_screen(EscalationDetailScreen(services, escalation_id))

    def start(draft: EscalationDraft) -> None:
        from tui.screens.escalation_form import EscalationFormScreen

        def saved(escalation: Escalation | None) -> None:
            if escalation is not None and escalation.id is not None:
                show(escalation.id)

        screen.notify("Nog geen open escalatie: een nieuwe, met de acute leefgebieden en organisaties ingevuld.",
                      markup=False)
        screen.app.push_screen(EscalationFormScreen(services, case_number, draft=draft), saved)

    screen.run_for_case(find, found, group="household-escalation", case_number=case_number, cancelled=release)
