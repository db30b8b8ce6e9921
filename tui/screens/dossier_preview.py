"""The pseudonymised escalation dossier exactly as it leaves the municipality (`view_dossier`).

Two views of the same `EscalationDossier`: laid out like the PDF, or the JSON byte for byte as exported
(j switches). Nothing here reads the household: what is not in the dossier cannot be shown. When the
dossier may not leave yet (no valid consent, an identifier in the text) the reasons are listed instead.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from domain.access import Permission, has
from domain.dossier import EscalationDossier
from domain.errors import InvalidInput, Problem
from storage.bootstrap import Services
from tui.render.dossier import dossier_json
from tui.render.format import format_date
from tui.screens.base import DoorbraakScreen, today
from tui.screens.casework_common import pairs, t
from tui.widgets.quiet_footer import QuietFooter


def yes(value: bool) -> str:
    return "ja" if value else "nee"


def heading(text: str) -> Text:
    return Text("\n" + text, style="bold underline")


def dossier_view(d: EscalationDossier) -> RenderableType:
    """The same sections, in the same order, as the PDF (tui.render.dossier)."""
    c = d.criteria
    parts: list[RenderableType] = [
        Text("Escalatiedossier (gepseudonimiseerd)", style="bold"),
        pairs([("Kenmerk", d.reference), ("Gemeente", d.municipality), ("Niveau", d.level), ("Status", d.status),
               ("Aangemaakt", format_date(d.created_on)), ("Ingediend", format_date(d.submitted_on) or "—"),
               ("Opgesteld op", format_date(d.prepared_on))], columns=1, label_width=26),
        heading("Huishouden"),
        pairs([("Samenstelling", d.composition)], columns=1, label_width=26),
        *[t(f"• {m.initials}  {m.role}, {m.age_band} jaar") for m in d.members],
        heading("Leefgebieden"),
        *([t(f"• {x.leefgebied} ({'ZRM-score ' + str(x.score) if x.score is not None else 'geen score'})")
           for x in d.domains] or [t("—")]),
        heading("Betrokken organisaties"),
        *([t(f"• {o.organisation}" + (f" ({o.legal_framework})" if o.legal_framework else ""))
           for o in d.organisations] or [t("—")]),
        heading("Criteria voor escalatie"),
        pairs([("Urgent", yes(c.urgent) + (f" — {c.urgency_note}" if c.urgency_note else "")),
               ("Complex", yes(c.complex) + (f" — {c.complexity_note}" if c.complexity_note else "")),
               ("Meerdere domeinen/org.", yes(c.several_domains_or_organisations)),
               ("Lokale route geprobeerd", yes(c.local_route_tried)),
               ("Regionale route geprobeerd", yes(c.regional_route_tried)),
               ("Soort blokkade", c.blockage_kind)], columns=1, label_width=26),
        heading("Het knelpunt"),
        t(d.knelpunt or "—"),
        heading("Wat is geprobeerd"),
        *([t(f"• {format_date(r.tried_on)} ({r.level}): {r.description}"
             + (f" — uitkomst: {r.outcome}" if r.outcome else "")) for r in d.routes_tried] or [t("—")]),
        heading("Gevraagde oplossing"),
        t(d.requested_solution or "—"),
    ]
    if d.knelpunten:
        parts += [heading("Gekoppelde knelpunten"), *[t(f"• {title}") for title in d.knelpunten]]
    parts += [
        heading("Toestemming van de bewoner"),
        pairs([("Gegeven op", format_date(d.consent.given_on)), ("Geldig tot", format_date(d.consent.expires_on)),
               ("Ontvangers", ", ".join(d.consent.recipients)), ("Reikwijdte", d.consent.scope)],
              columns=1, label_width=26),
        Text("\nDit dossier bevat geen namen, BSN, adres, postcode of geboortedatum. Herleiding naar personen kan "
             "alleen via de gemeente, met het kenmerk hierboven.", style="italic"),
    ]
    return Group(*parts)


MUNICIPALITY_HINT = "Pas de escalatie aan (b op het escalatiescherm) en bekijk het dossier opnieuw (F5)."


def blocked_view(problems: list[Problem], hint: str = MUNICIPALITY_HINT,
                 title: str = "Dit dossier kan (nog) niet de gemeente uit:") -> RenderableType:
    return Group(
        Text(title, style="bold"),
        *[t(f"• {p.reason}") for p in problems],
        Text("\n" + hint, style="italic"),
    )


class DossierPreviewScreen(DoorbraakScreen[None]):
    CSS_PATH = "casework.tcss"

    BINDINGS = [
        Binding("j", "toggle_json", "JSON / opgemaakt", id="dossier.json",
                tooltip="Wissel tussen de opgemaakte weergave en de JSON zoals die wordt geëxporteerd"),
        Binding("x", "export", "Exporteren", id="dossier.export", tooltip="Dossier als PDF of JSON opslaan"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="dossier.refresh", show=False,
                tooltip="Stel het dossier opnieuw samen"),
        Binding("escape,backspace", "back", "Terug", id="dossier.back", tooltip="Terug naar het vorige scherm"),
    ]

    def __init__(self, services: Services, escalation_id: int, *, case_number: str | None = None) -> None:
        super().__init__(services)
        self.escalation_id = escalation_id
        self.case_number = case_number
        """Known when opened from the escalation; the dossier itself never holds it."""
        self.dossier: EscalationDossier | None = None
        self.as_json = False
        self.sub_title = f"Dossier ESC-{escalation_id} · zoals het de gemeente verlaat"

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with VerticalScroll(id="dossier-body", classes="casework-body"):
            yield Static(id="dossier-content", classes="first")
        yield QuietFooter()

    def on_mount(self) -> None:
        body = self.query_one("#dossier-body")
        body.loading = True
        body.focus()
        self.load()

    def load(self) -> None:
        """Outside the caseload the service asks why (the answer is logged); declining goes back."""
        day = today(self.services)

        def fetch(purpose: str) -> EscalationDossier | list[Problem]:
            try:
                return self.services.escalations.view_dossier(self.escalation_id, today=day, purpose=purpose)
            except InvalidInput as exc:
                return exc.problems

        def shown(result: EscalationDossier | list[Problem]) -> None:
            if isinstance(result, EscalationDossier):
                self.show(result)
            else:
                self._blocked(result)

        self.run_for_case(fetch, shown, group="dossier", case_number=self.case_number,
                          cancelled=self.close_unopened)

    def show(self, dossier: EscalationDossier) -> None:
        self.dossier = dossier
        self.query_one("#dossier-body").loading = False
        self.sub_title = f"Dossier {dossier.reference} · zoals het de gemeente verlaat"
        content: RenderableType = (
            t(dossier_json(dossier)) if self.as_json
            else dossier_view(dossier)
        )
        self.query_one("#dossier-content", Static).update(content)
        self.refresh_bindings()

    def _blocked(self, problems: list[Problem]) -> None:
        self.dossier = None
        self.query_one("#dossier-body").loading = False
        self.query_one("#dossier-content", Static).update(blocked_view(problems))
        self.refresh_bindings()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "dossier" and event.state is WorkerState.ERROR:
            self.query_one("#dossier-body").loading = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_json":
            return self.dossier is not None
        if action == "export":  # the LET reads dossiers; exporting is the municipality's act
            return self.dossier is not None and has(self.services.actor, Permission.MANAGE_ESCALATIONS)
        return True

    def action_toggle_json(self) -> None:
        self.as_json = not self.as_json
        if self.dossier is not None:
            self.show(self.dossier)

    def action_export(self) -> None:
        from tui.screens.export_dialog import export_dossier_with_dialog

        export_dossier_with_dialog(self, self.escalation_id, self.case_number)

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss(None)
