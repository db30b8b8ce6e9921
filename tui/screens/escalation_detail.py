"""One escalation: level, state with dates, the criteria checklist, routes tried, consent, knelpunten, steps.

What still blocks submission or export (`check_escalation`) is shown above everything else. Keys offer only
what the state allows: b (edit, concept only), s (next state), h (one level higher after niet opgelost),
d (the pseudonymised dossier as it leaves the municipality), x (export PDF/JSON), k/n (link or raise a
knelpunt).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, Static
from textual.worker import Worker, WorkerState

from domain import reference
from domain.escalation import Escalation, EscalationLevel, EscalationStatus
from domain.knelpunt import Knelpunt
from domain.services.escalation import EscalationCheck, LinkKnelpunt
from domain.services.workflow import ChangeStatus
from storage.bootstrap import Services
from tui.render.format import format_date
from tui.render.workflow import EscalationView as WorkflowEscalationView
from tui.render.workflow import escalation_view
from tui.screens.base import DoorbraakScreen, today
from tui.screens.casework_common import check_mark, days, pairs, simple_table, steps_table, t
from tui.widgets.quiet_footer import QuietFooter

NARROW = 100


@dataclass(frozen=True)
class EscalationView:
    escalation: Escalation
    check: EscalationCheck
    knelpunten: list[tuple[int, str]]


def next_states(e: Escalation) -> list[EscalationStatus]:
    return e.next_states()


def header_view(v: WorkflowEscalationView, columns: int) -> RenderableType:
    rows: list[tuple[str, str | Text]] = [
        ("Nummer", v.reference),
        ("Casus", v.case_number),
        ("Niveau", t(v.level, "bold")),
        ("Status", t(v.status, "bold")),
        ("Aangemaakt", v.created_on),
        ("Ingediend", v.submitted_on or "—"),
        ("In behandeling", v.started_on or "—"),
        ("Afgerond", v.closed_on or "—"),
    ]
    if v.waiting_days is not None:
        rows.append(("Wacht al", days(v.waiting_days)))
    if v.resolution_days is not None:
        rows.append(("Doorlooptijd", days(v.resolution_days) + " (indienen tot besluit)"))
    if v.previous:
        rows.append(("Vervolg op", v.previous))
    return pairs(rows, columns=columns)


def criterion(ok: bool, title: str, detail: str = "") -> tuple[Text, Text]:
    line = Text(title, style="bold")
    if detail:
        line.append(f" — {detail}", style="")
    return check_mark(ok), line


def checklist_view(e: Escalation) -> RenderableType:
    labels = reference.leefgebieden()
    tried = {level: [r for r in e.routes_tried if r.level is level] for level in EscalationLevel}
    several = len(e.domains) >= 2 or len(e.organisations) >= 2
    domains = ", ".join(labels.get(code, code) for code in e.domains) or "geen leefgebieden"
    organisations = ", ".join(e.organisations) or "geen organisaties"

    def when(level: EscalationLevel) -> str:
        return "; ".join(f"{format_date(r.tried_on)}: {r.description}" for r in tried[level]) or "nog niet"

    grid = Table.grid(expand=True)
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(ratio=1)
    for row in (
        criterion(e.urgent, "Urgent", e.urgency_note),
        criterion(e.complex, "Complex", e.complexity_note),
        criterion(several, "Meerdere leefgebieden of organisaties", f"{domains} · {organisations}"),
        criterion(bool(tried[EscalationLevel.LOKAAL]), "Lokale route geprobeerd", when(EscalationLevel.LOKAAL)),
        criterion(bool(tried[EscalationLevel.REGIONAAL]), "Regionale route geprobeerd",
                  when(EscalationLevel.REGIONAAL)),
        criterion(bool(e.blockage), e.blockage_kind.label, e.blockage or "nog niet beschreven"),
        criterion(bool(e.requested_solution), "Gevraagde oplossing", e.requested_solution or "nog niet beschreven"),
    ):
        grid.add_row(*row)
    return grid


def check_view(e: Escalation, check: EscalationCheck) -> tuple[RenderableType, bool]:
    """What blocks submission/export (and whether anything does)."""
    lines: list[str] = []
    if e.status is EscalationStatus.CONCEPT:
        lines += [f"• {p.reason}" for p in check.missing_criteria]
    lines += [f"• {p.reason}" for p in check.personal_data]
    consent = [f"• {p.reason}" for p in check.consent]
    if lines or consent:
        head = []
        if e.status is EscalationStatus.CONCEPT and (check.missing_criteria or check.personal_data):
            head.append(f"Nog niet klaar om in te dienen op niveau {e.level.label}:")
        text = "\n".join([*head, *lines])
        if consent:
            text += ("\n" if text else "") + "Het dossier kan nog niet worden gedeeld:\n" + "\n".join(consent)
        return t(text), True
    if e.status is EscalationStatus.CONCEPT:
        return t(f"✓ Klaar om in te dienen op niveau {e.level.label} (s) en het dossier te delen (x)."), False
    return t("✓ Het gepseudonimiseerde dossier kan worden gedeeld (d bekijkt, x exporteert)."), False


def consent_view(v: WorkflowEscalationView) -> RenderableType:
    c = v.consent
    return pairs(
        [
            ("Gegeven", ("ja, op " + c.given_on) if c.given and c.given_on else "nee"),
            ("Geldig tot", (c.expires_on + (" (VERLOPEN)" if c.expired else "")) if c.expires_on else "—"),
            ("Ontvangers", t(", ".join(c.recipients) or "—")),
            ("Waarvoor", t(c.scope or "—")),
        ],
        columns=1,
    )


def routes_view(v: WorkflowEscalationView) -> RenderableType:
    if not v.routes:
        return t("Nog geen routes vastgelegd.", "italic")
    table = simple_table("Datum", "Niveau", "Wat is gedaan", "Uitkomst")
    for route in v.routes:
        table.add_row(t(route.on), t(route.level), t(route.description), t(route.outcome))
    return table


def knelpunten_view(items: list[tuple[int, str]]) -> RenderableType:
    if not items:
        return t("Geen knelpunten gekoppeld. k koppelt een bestaand knelpunt, n meldt een nieuw.", "italic")
    return Group(*[t(f"KP-{kid}  {title}") for kid, title in items])


class EscalationDetailScreen(DoorbraakScreen[None]):
    CSS_PATH = "casework.tcss"

    BINDINGS = [
        Binding("b", "edit", "Bewerken", id="escalation.edit", tooltip="De checklist wijzigen (alleen een concept)"),
        Binding("s", "change_status", "Status", id="escalation.status",
                tooltip="Indienen, in behandeling, afronden of terugleggen (alleen wat nu mag)"),
        Binding("h", "escalate_further", "Hoger escaleren", id="escalation.further",
                tooltip="Niet opgelost: een niveau hoger als nieuw concept"),
        Binding("d", "dossier", "Dossier", id="escalation.dossier",
                tooltip="Het gepseudonimiseerde dossier zoals het de gemeente verlaat"),
        Binding("x", "export", "Exporteren", id="escalation.export", tooltip="Dossier als PDF of JSON opslaan"),
        Binding("k", "link_knelpunt", "Knelpunt koppelen", id="escalation.link", show=False,
                tooltip="Koppel een knelpunt uit het register"),
        Binding("n", "raise_knelpunt", "Knelpunt melden", id="escalation.raise", show=False,
                tooltip="Meld een nieuw knelpunt vanuit deze escalatie"),
        Binding("c", "open_case", "Casus", id="escalation.case", show=False, tooltip="Open het huishouden"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="escalation.refresh", show=False,
                tooltip="Haal de escalatie opnieuw op"),
        Binding("escape,backspace", "back", "Terug", id="escalation.back", tooltip="Terug"),
    ]

    def __init__(self, services: Services, escalation_id: int) -> None:
        super().__init__(services)
        self.escalation_id = escalation_id
        self.view: EscalationView | None = None
        self.sub_title = f"Escalatie ESC-{escalation_id}"

    @property
    def escalation(self) -> Escalation | None:
        return self.view.escalation if self.view else None

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with VerticalScroll(id="escalation-body", classes="casework-body"):
            yield Static("", id="escalation-check", classes="blocking", markup=False)
            yield Static(id="escalation-header", classes="first")
            yield Label("Criteria (voor LMM/LET moeten ze alle ✓ zijn)", classes="section-label")
            yield Static(id="escalation-criteria")
            yield Label("Geprobeerde routes", classes="section-label")
            yield Static(id="escalation-routes")
            yield Label("Toestemming van de bewoner", classes="section-label")
            yield Static(id="escalation-consent")
            yield Label("Knelpunten", classes="section-label")
            yield Static(id="escalation-knelpunten")
            yield Label("Stappen", classes="section-label")
            yield Static(id="escalation-steps")
        yield QuietFooter()

    def on_mount(self) -> None:
        body = self.query_one("#escalation-body")
        body.loading = True
        body.focus()
        self.load()

    def load(self) -> None:
        """Outside the caseload the service asks why (the answer is logged); declining goes back."""
        day = today(self.services)
        escalation_id = self.escalation_id

        def fetch(purpose: str) -> EscalationView:
            services = self.services
            escalation = services.escalations.get(escalation_id, purpose=purpose)
            check = services.escalations.check(escalation_id, today=day, purpose=purpose)
            knelpunten = [(kid, services.knelpunten.get(kid).title) for kid in escalation.knelpunt_ids]
            return EscalationView(escalation, check, knelpunten)

        self.run_for_case(fetch, self.show, group="escalation", cancelled=self.close_unopened,
                          case_number=self.escalation.case_number if self.escalation else None)

    def show(self, view: EscalationView) -> None:
        self.view = view
        e = view.escalation
        day = today(self.services)
        self.query_one("#escalation-body").loading = False
        # The reference names the kind (ESC-); the case number comes second so that 80 columns keep it whole.
        self.sub_title = f"{e.reference} · {e.case_number} · {e.level.label} · {e.status.label}"
        check, blocking = check_view(e, view.check)
        box = self.query_one("#escalation-check", Static)
        box.update(check)
        box.set_class(blocking, "blocking")
        box.set_class(not blocking, "ready")
        columns = 2 if self.size.width >= NARROW else 1
        v = escalation_view(e, day)
        self.query_one("#escalation-header", Static).update(header_view(v, columns))
        self.query_one("#escalation-criteria", Static).update(checklist_view(e))
        self.query_one("#escalation-routes", Static).update(routes_view(v))
        self.query_one("#escalation-consent", Static).update(consent_view(v))
        self.query_one("#escalation-knelpunten", Static).update(knelpunten_view(view.knelpunten))
        self.query_one("#escalation-steps", Static).update(steps_table(v.steps))
        self.refresh_bindings()

    def on_resize(self) -> None:
        if self.view is not None:
            self.show(self.view)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "escalation" and event.state is WorkerState.ERROR:
            self.query_one("#escalation-body").loading = False
            if self.view is None:
                self.query_one("#escalation-header", Static).update(
                    Text("Deze escalatie kon niet worden geladen. F5 probeert het opnieuw, Esc gaat terug.")
                )
        if event.worker.group == "escalation-change" and event.state is WorkerState.ERROR:
            self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        e = self.escalation
        if e is None:
            return action in ("back", "refresh")
        if action == "edit":
            return e.status is EscalationStatus.CONCEPT
        if action == "change_status":
            return bool(next_states(e))
        if action == "escalate_further":
            return e.status is EscalationStatus.NIET_OPGELOST and e.level.next is not None
        return True

    # -- actions ------------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss(None)

    def action_refresh(self) -> None:
        self.load()

    def _saved(self, escalation: Escalation | None, message: str | None = None) -> None:
        if escalation is None:
            return
        if message:
            self.notify(message.format(e=escalation), title="Opgeslagen", markup=False)
        self.escalation_id = escalation.id or self.escalation_id
        self.load()

    def action_open_case(self) -> None:
        if self.escalation is None:
            return
        from tui.screens.household_detail import HouseholdDetailScreen

        self.app.push_screen(HouseholdDetailScreen(self.services, self.escalation.case_number))

    def action_edit(self) -> None:
        if self.escalation is None:
            return
        from tui.screens.escalation_form import EscalationFormScreen

        self.app.push_screen(EscalationFormScreen(self.services, self.escalation.case_number, existing=self.escalation),
                             self._saved)

    def action_change_status(self) -> None:
        e = self.escalation
        if e is None or e.id is None:
            return
        from tui.screens.step_dialog import StepDialog

        e_id, version, day, case = e.id, e.version, today(self.services), e.case_number

        def submit(value: str, on: date | None, note: str) -> Escalation:
            command = ChangeStatus(e_id, EscalationStatus(value), version, on=on, note=note,
                                   purpose=self.case_reason(case))
            return self.services.escalations.change_status(command, today=day)

        hint = "verplicht bij terugleggen" if EscalationStatus.TERUGGELEGD in next_states(e) else "optioneel"
        self.app.push_screen(
            StepDialog(self.services, title=f"Volgende stap · {e.reference}", current=e.status.label,
                       choices=[(s.value, s.label) for s in next_states(e)], submit=submit, today=day,
                       note_hint=hint),
            lambda saved: self._saved(saved, "{e.reference} is nu '{e.status.label}'."),
        )

    def action_escalate_further(self) -> None:
        e = self.escalation
        if e is None or e.level.next is None:
            return
        from tui.screens.confirm_dialog import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._escalate_further()

        self.app.push_screen(
            ConfirmDialog("Hoger escaleren?",
                          f"{e.reference} is niet opgelost. Een nieuwe concept-escalatie op niveau "
                          f"{e.level.next.label} maken, met deze route als geprobeerd?", yes="Escaleren", no="Terug"),
            answered,
        )

    def _escalate_further(self) -> None:
        escalation_id, day = self.escalation_id, today(self.services)
        self.run_for_case(
            lambda purpose: self.services.escalations.escalate_further(escalation_id, today=day, purpose=purpose),
            lambda new: self._saved(new, "Nieuwe concept-escalatie {e.reference} op niveau {e.level.label}; vul aan "
                                         "en dien in."),
            group="escalation-change", case_number=self._case_number(),
        )

    def _case_number(self) -> str | None:
        return self.escalation.case_number if self.escalation else None

    def action_dossier(self) -> None:
        from tui.screens.dossier_preview import DossierPreviewScreen

        self.app.push_screen(DossierPreviewScreen(self.services, self.escalation_id, case_number=self._case_number()))

    def action_export(self) -> None:
        from tui.screens.export_dialog import export_dossier_with_dialog

        export_dossier_with_dialog(self, self.escalation_id, self._case_number())

    def action_link_knelpunt(self) -> None:
        if self.escalation is None:
            return
        from tui.screens.knelpunt_picker import KnelpuntPicker

        def chosen(knelpunt_id: int | None) -> None:
            if knelpunt_id is not None and self.escalation is not None:
                self._link(knelpunt_id, self.escalation.version)

        self.app.push_screen(KnelpuntPicker(self.services, exclude=set(self.escalation.knelpunt_ids)), chosen)

    def _link(self, knelpunt_id: int, version: int) -> None:
        escalation_id, day = self.escalation_id, today(self.services)

        def linked(result: tuple[Escalation, Knelpunt]) -> None:
            escalation, knelpunt = result
            self._saved(escalation, f"{knelpunt.reference} gekoppeld; het is nu {knelpunt.recurrence} keer gemeld.")

        self.run_for_case(
            lambda purpose: self.services.escalations.link_knelpunt(
                LinkKnelpunt(escalation_id, knelpunt_id, version, today=day, purpose=purpose)
            ),
            linked, group="escalation-change", case_number=self._case_number(),
        )

    def action_raise_knelpunt(self) -> None:
        if self.escalation is None:
            return
        from tui.screens.knelpunt_form import KnelpuntFormScreen

        def raised(result: object) -> None:
            self.load()

        self.app.push_screen(KnelpuntFormScreen(self.services, escalation=self.escalation), raised)
