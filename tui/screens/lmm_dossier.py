"""One national dossier as the LMM/LET opens it (`lmm_dossier`): its handling (state, dates, steps) above
the pseudonymised dossier, laid out as the PDF (`j` shows the JSON). `s` records the LMM/LET's handling:
in behandeling nemen, or answer with opgelost, niet opgelost or teruggelegd (a reason is required).

Built on the municipality's preview (tui/screens/dossier_preview.py): the same layout of the dossier, but
fed by the LMM/LET service, which never hands over anything of the household beyond the dossier itself.
"""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from domain.access import Permission, has
from domain.errors import Problem
from domain.escalation import EscalationStatus
from domain.lmm import LmmDossierView, LmmStep
from domain.services.workflow import ChangeStatus
from storage.bootstrap import Services
from tui.render.dossier import dossier_json
from tui.render.format import format_date
from tui.screens.base import today
from tui.screens.casework_common import days, pairs, simple_table, t
from tui.screens.dossier_preview import DossierPreviewScreen, blocked_view, dossier_view, heading

NARROW = 100
WITHHELD_HINT = ("De gemeente is de enige die dit kan herstellen; neem contact op met de gemeente via het "
                 "kenmerk hierboven.")


def steps_view(steps: list[LmmStep]) -> RenderableType:
    if not steps:
        return t("Nog geen stappen.", "italic")
    table = simple_table("Datum", "Stap", "Toelichting", flex="Toelichting")
    for step in steps:
        table.add_row(t(format_date(step.on)), t(step.status.label), t(step.note or ""))
    return table


def handling_view(view: LmmDossierView, columns: int) -> RenderableType:
    r = view.row
    rows: list[tuple[str, str | Text]] = [
        ("Status", t(r.status.label, "bold")),
        ("Ingediend", format_date(r.submitted_on) or "—"),
        ("In behandeling", format_date(r.started_on) or "—"),
        ("Afgerond", format_date(r.closed_on) or "—"),
    ]
    if r.waiting_days is not None:
        rows.append(("Wacht al", days(r.waiting_days)))
    if r.resolution_days is not None:
        rows.append(("Doorlooptijd", days(r.resolution_days) + " (indienen tot besluit)"))
    rows.append(("Toestemming tot", format_date(r.consent_expires_on) or "—"))
    next_hint = (
        t("s legt vast: " + ", ".join(s.label.lower() for s in view.next_states), "italic") if view.next_states
        else t("Afgerond: er is geen volgende stap.", "italic")
    )
    return Group(Text("Afhandeling door het LMM/LET", style="bold"), pairs(rows, columns=columns),
                 heading("Stappen"), steps_view(view.steps), Text(""), next_hint)


class LmmDossierScreen(DossierPreviewScreen):
    """Dismisses with nothing; the LMM-inbox reloads when it comes back."""

    BINDINGS = [
        Binding("s", "handle", "Afhandeling", id="lmm_dossier.handle",
                tooltip="In behandeling nemen, of opgelost / niet opgelost / teruggelegd vastleggen"),
    ]

    def __init__(self, services: Services, escalation_id: int) -> None:
        super().__init__(services, escalation_id)
        self.view: LmmDossierView | None = None
        self.sub_title = f"Dossier ESC-{escalation_id} · LMM/LET"

    def load(self) -> None:
        day = today(self.services)
        self.run_for_case(
            lambda purpose: self.services.lmm.dossier(self.escalation_id, today=day, purpose=purpose),
            self.show_view, group="dossier", cancelled=self.close_unopened,
        )

    def show_view(self, view: LmmDossierView) -> None:
        self.view = view
        self.dossier = view.dossier
        self.query_one("#dossier-body").loading = False
        self.sub_title = f"Dossier {view.row.reference} · {view.row.status.label} · LMM/LET"
        columns = 2 if self.size.width >= NARROW else 1
        parts: list[RenderableType] = [handling_view(view, columns), Text("")]
        if view.dossier is None:
            parts.append(blocked_view([Problem("", reason) for reason in view.row.withheld], WITHHELD_HINT,
                                      title="De inhoud van dit dossier wordt niet getoond:"))
        elif self.as_json:
            parts.append(t(dossier_json(view.dossier)))
        else:
            parts.append(dossier_view(view.dossier))
        self.query_one("#dossier-content", Static).update(Group(*parts))
        self.refresh_bindings()

    def show(self, dossier: object) -> None:  # the municipality's path is not used here
        if self.view is not None:
            self.show_view(self.view)

    def on_resize(self) -> None:
        if self.view is not None:
            self.show_view(self.view)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "handle":
            return (self.view is not None and bool(self.view.next_states)
                    and has(self.services.actor, Permission.HANDLE_NATIONAL_ESCALATIONS))
        if action == "export":
            return False  # the LMM/LET reads the dossier; exporting it is the municipality's act
        return super().check_action(action, parameters)

    def action_toggle_json(self) -> None:
        self.as_json = not self.as_json
        if self.view is not None:
            self.show_view(self.view)

    def action_handle(self) -> None:
        view = self.view
        if view is None or not view.next_states:
            return
        from tui.screens.step_dialog import StepDialog

        escalation_id, version, day = self.escalation_id, view.version, today(self.services)

        def submit(value: str, on: date | None, note: str) -> LmmDossierView:
            command = ChangeStatus(escalation_id, EscalationStatus(value), version, on=on, note=note)
            return self.services.lmm.record_handling(command, today=day)

        def saved(result: LmmDossierView | None) -> None:
            if result is not None:
                self.show_view(result)
                self.notify(f"{result.row.reference} is nu '{result.row.status.label}'.", title="Vastgelegd",
                            markup=False)

        hint = ("verplicht bij terugleggen · geen BSN of datums" if EscalationStatus.TERUGGELEGD in view.next_states
                else "optioneel · geen BSN of datums")
        self.app.push_screen(
            StepDialog(self.services, title=f"Afhandeling · {view.row.reference}", current=view.row.status.label,
                       choices=[(s.value, s.label) for s in view.next_states], submit=submit, today=day,
                       note_hint=hint),
            saved,
        )
