"""Start or edit (while it is a concept) an escalation: level, the criteria checklist, routes tried, consent.

A new escalation starts from `suggest_escalation` (the household's acute leefgebieden and organisations).
Saving keeps it a concept; submitting is a step on the detail screen, where the checklist for the chosen
level and the personal-data scan say what is still missing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from domain import reference
from domain.escalation import BlockageKind, Escalation, EscalationLevel, RouteTried
from domain.services.casework import parse
from domain.services.escalation import EscalationDraft, StartEscalation, UpdateEscalation
from storage.bootstrap import Services
from tui.screens.base import today
from tui.screens.casework_common import lines_of
from tui.screens.item_list_form import ItemListFormScreen
from tui.screens.overbrugging_form import text_area
from tui.widgets.check_list import CheckList, TickBox
from tui.widgets.form_field import FormField
from tui.widgets.form_values import FormValues, format_date_input, parse_date_input
from tui.widgets.item_editors import ItemEditor, ItemList, choice, text_input
from tui.widgets.quiet_footer import QuietFooter


def checkbox(label: str, value: bool) -> TickBox:
    return TickBox(label, value, compact=True)


class RouteEditor(ItemEditor):
    title = "Route"

    def __init__(self, route: RouteTried | None = None, *, level: EscalationLevel = EscalationLevel.LOKAAL) -> None:
        super().__init__(None)
        self.route = route
        self.level = route.level if route else level

    def fields(self) -> list[FormField]:
        r = self.route
        return [
            FormField("Niveau", choice([(lv.label, lv.value) for lv in EscalationLevel], self.level.value),
                      name="level"),
            FormField("Datum", text_input(format_date_input(r.tried_on) if r else "", placeholder="dd-mm-jjjj",
                                          max_length=10), name="tried_on", required=True),
            FormField("Gedaan", text_input(r.description if r else "", placeholder="welk overleg, met wie",
                                                  max_length=2000), name="description", required=True, span=True),
            FormField("Uitkomst", text_input(r.outcome if r else "", max_length=2000), name="outcome", span=True),
        ]

    def values(self) -> FormValues:
        data: FormValues = {"level": self.value_of("level"), "description": self.value_of("description"),
                                "outcome": self.value_of("outcome")}
        tried = parse_date_input(self.value_of("tried_on"))
        if tried is not None:
            data["tried_on"] = tried
        return data


class EscalationFormScreen(ItemListFormScreen[Escalation]):
    CSS_PATH = "casework.tcss"
    labels = {"routes_tried": "Geprobeerde routes", "consent": "Toestemming"}

    BINDINGS = [
        Binding("ctrl+n", "add_route", "Route toevoegen", id="escalation_form.add_route",
                tooltip="Een geprobeerde route toevoegen"),
        Binding("ctrl+r", "remove_route", "Route verwijderen", id="escalation_form.remove_route", show=False,
                tooltip="Verwijder de route waar de cursor staat"),
    ]

    def __init__(
        self, services: Services, case_number: str, *, existing: Escalation | None = None,
        draft: EscalationDraft | None = None,
    ) -> None:
        super().__init__(services)
        self.case_number = case_number
        self.existing = existing
        source = existing.model_dump(include=set(EscalationDraft.model_fields)) if existing else (
            (draft or EscalationDraft()).model_dump())
        self.start = EscalationDraft.model_validate(source)
        self.sub_title = (f"Escalatie {existing.reference} bewerken · {case_number}" if existing
                          else f"Nieuwe escalatie · {case_number}")

    def compose(self) -> ComposeResult:
        d = self.start
        c = d.consent
        leefgebieden = reference.leefgebieden()
        yield self.app_header()
        with VerticalScroll(id="form-body", classes="casework-form", can_focus=False):
            yield Static("", classes="form-error", markup=False)
            yield Label("Niveau en criteria", classes="section-label")
            yield self.field("Niveau", choice([(lv.label, lv.value) for lv in EscalationLevel], d.level.value),
                             path="level", required=True)
            yield self.field("Urgent", checkbox("De casus is urgent", d.urgent), path="urgent")
            yield self.field("Waarom urgent", text_input(d.urgency_note, max_length=2000), path="urgency_note")
            yield self.field("Complex", checkbox("De casus is complex", d.complex), path="complex")
            yield self.field("Waarom complex", text_input(d.complexity_note, max_length=2000),
                             path="complexity_note")
            yield self.field(
                "Leefgebieden",
                CheckList(*[(label, code, code in d.domains) for code, label in leefgebieden.items()], compact=True),
                path="domains",
            )
            yield self.field("Organisaties", text_area("\n".join(d.organisations)), path="organisations")
            yield Static("Eén organisatie per regel.", classes="field-hint")
            yield ItemList(path="routes_tried", title="Geprobeerde routes (lokaal, regionaal)",
                           add_label="+ Route toevoegen (Ctrl+N)",
                           editors=[RouteEditor(route) for route in d.routes_tried])
            yield Label("Het knelpunt", classes="section-label")
            yield self.field("Soort blokkade", choice([(k.label, k.value) for k in BlockageKind],
                                                      d.blockage_kind.value), path="blockage_kind")
            yield self.field("Blokkade", text_area(d.blockage), path="blockage", required=True)
            yield self.field("Gevraagde oplossing", text_area(d.requested_solution), path="requested_solution",
                             required=True)
            yield Static("Geen namen, BSN, adres, postcode of geboortedatum: dit gaat de gemeente uit.",
                         classes="field-hint")
            yield Label("Toestemming van de bewoner", classes="section-label")
            yield self.field("Toestemming", checkbox("De bewoner geeft toestemming", c.given), path="consent.given")
            yield self.field("Gegeven op", text_input(format_date_input(c.given_on), placeholder="dd-mm-jjjj",
                                                      max_length=10), path="consent.given_on")
            yield self.field("Waarvoor", text_input(c.scope, placeholder="bijv. delen met LMM en LET voor deze casus",
                                                    max_length=2000), path="consent.scope")
            yield self.field("Ontvangers", text_area("\n".join(c.recipients)), path="consent.recipients")
            yield Static("Eén ontvanger per regel.", classes="field-hint")
            yield self.field("Geldig tot", text_input(format_date_input(c.expires_on), placeholder="dd-mm-jjjj",
                                                      max_length=10), path="consent.expires_on")
        yield QuietFooter()

    def on_mount(self) -> None:
        self._fields["level"].control.focus()

    def draft(self) -> FormValues:
        order = list(reference.leefgebieden())
        consent: FormValues = {
            "given": self.value("consent.given"),
            "scope": self.value("consent.scope"),
            "recipients": lines_of(self.value("consent.recipients")),
        }
        for key in ("given_on", "expires_on"):
            consent[key] = parse_date_input(self.value(f"consent.{key}"))
        return {
            "level": self.value("level"),
            "urgent": self.value("urgent"),
            "urgency_note": self.value("urgency_note"),
            "complex": self.value("complex"),
            "complexity_note": self.value("complexity_note"),
            "domains": [code for code in order if code in self.value("domains")],
            "organisations": lines_of(self.value("organisations")),
            "routes_tried": self.query_one(ItemList).values(),
            "blockage_kind": self.value("blockage_kind"),
            "blockage": self.value("blockage"),
            "requested_solution": self.value("requested_solution"),
            "consent": consent,
        }

    def submit(self, draft: FormValues) -> Escalation:
        if self.existing is not None:
            assert self.existing.id is not None
            return self.services.escalations.update(UpdateEscalation(
                self.existing.id, parse(EscalationDraft, draft), self.existing.version,
                purpose=self.case_reason(self.case_number)))
        return self.services.escalations.start(StartEscalation(
            self.case_number, parse(EscalationDraft, draft), today=today(self.services),
            purpose=self.case_reason(self.case_number)))

    def saved_message(self, result: Escalation) -> str:
        return f"Escalatie {result.reference} is opgeslagen als concept."

    async def action_add_route(self) -> None:
        routes = self.query_one(ItemList)
        # The next route is usually one level higher than the last one tried.
        levels = [e.value_of("level") for e in routes.editors]
        level = EscalationLevel.REGIONAAL if EscalationLevel.LOKAAL.value in levels else EscalationLevel.LOKAAL
        await routes.add(RouteEditor(level=level))

    async def add_item(self) -> None:
        await self.action_add_route()

    async def action_remove_route(self) -> None:
        await self.remove_focused_item()
