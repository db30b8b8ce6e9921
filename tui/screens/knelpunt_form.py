"""Add or edit a knelpunt in the register, or raise one from an escalation — always without personal data.

The service refuses text with a BSN-like number or a postcode (and, raised from an escalation, the names
of that household); the refusal is shown at the field, with everything typed kept.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from domain.escalation import Escalation
from domain.knelpunt import Knelpunt, KnelpuntCategory
from domain.services.casework import parse
from domain.services.escalation import RaiseKnelpunt
from domain.services.knelpunten import KnelpuntDraft, UpdateKnelpunt
from storage.bootstrap import Services
from tui.render.format import format_date
from tui.screens.base import today
from tui.screens.form_base import FormScreen
from tui.screens.overbrugging_form import text_area
from tui.widgets.form_values import FormValues, format_date_input, parse_date_input
from tui.widgets.item_editors import choice, text_input
from tui.widgets.quiet_footer import QuietFooter


class KnelpuntFormScreen(FormScreen[Knelpunt]):
    CSS_PATH = "casework.tcss"

    def __init__(self, services: Services, *, existing: Knelpunt | None = None,
                 escalation: Escalation | None = None) -> None:
        super().__init__(services)
        self.existing = existing
        self.escalation = escalation
        if existing is not None:
            self.sub_title = f"Knelpunt {existing.reference} bewerken"
        elif escalation is not None:
            self.sub_title = f"Knelpunt melden vanuit {escalation.reference}"
        else:
            self.sub_title = "Nieuw knelpunt"

    def compose(self) -> ComposeResult:
        k = self.existing
        yield self.app_header()
        with VerticalScroll(id="form-body", classes="casework-form", can_focus=False):
            yield Static("", classes="form-error", markup=False)
            if k is not None:
                steps = [f"gesignaleerd {format_date(k.signalled_on)}"]
                if k.agendered_on:
                    steps.append(f"geagendeerd {format_date(k.agendered_on)}")
                if k.resolved_on:
                    steps.append(f"opgelost {format_date(k.resolved_on)}")
                yield Static(f"Status: {k.status.label} ({', '.join(steps)}) · {k.recurrence}× gemeld, "
                             f"{k.linked_escalations}× via een escalatie", classes="first", markup=False)
            yield Static("Het register bevat geen persoonsgegevens: geen namen, BSN, adressen of postcodes.",
                         classes="form-hint", markup=False)
            yield Label("Het knelpunt", classes="section-label")
            yield self.field("Titel", text_input(k.title if k else "", placeholder="kort, bijv. Jeugdhulp stopt op 18"),
                             path="title", required=True)
            yield self.field("Categorie", choice([(c.label, c.value) for c in KnelpuntCategory],
                                                 k.category.value if k else None, prompt="Kies een categorie",
                                                 allow_blank=True), path="category", required=True)
            yield self.field("Onbedoeld effect", text_area(k.unintended_effect if k else ""),
                             path="unintended_effect", required=True)
            yield self.field("Voorgestelde oplossing", text_area(k.proposed_fix if k else ""), path="proposed_fix")
            yield Label("Waar het zit", classes="section-label")
            yield self.field("Wet", text_input(k.law if k else "", placeholder="bijv. Jeugdwet"), path="law")
            yield self.field("Artikel", text_input(k.article if k else "", placeholder="bijv. art. 1.1"),
                             path="article")
            yield self.field("Organisatie", text_input(k.organisation if k else ""), path="organisation")
            yield self.field("Ministerie", text_input(k.ministry if k else ""), path="ministry")
            signalled_on = k.signalled_on if k else today(self.services)
            yield self.field("Gesignaleerd op", text_input(format_date_input(signalled_on),
                                                           placeholder="dd-mm-jjjj", max_length=10),
                             path="signalled_on")
        yield QuietFooter()

    def on_mount(self) -> None:
        self._fields["title"].control.focus()

    def draft(self) -> FormValues:
        data: FormValues = {
            key: self.value(key)
            for key in ("title", "unintended_effect", "proposed_fix", "law", "article", "organisation", "ministry")
        }
        if self.value("category") is not None:
            data["category"] = self.value("category")
        signalled = parse_date_input(self.value("signalled_on"))
        if signalled is not None:
            data["signalled_on"] = signalled
        return data

    def submit(self, draft: FormValues) -> Knelpunt:
        if self.existing is not None:
            assert self.existing.id is not None
            return self.services.knelpunten.update(
                UpdateKnelpunt(self.existing.id, parse(KnelpuntDraft, draft), self.existing.version)
            )
        if self.escalation is not None:
            assert self.escalation.id is not None
            _, knelpunt = self.services.escalations.raise_knelpunt(RaiseKnelpunt(
                self.escalation.id, parse(KnelpuntDraft, draft), self.escalation.version, today=today(self.services),
                purpose=self.case_reason(self.escalation.case_number)))
            return knelpunt
        return self.services.knelpunten.add(parse(KnelpuntDraft, draft), today=today(self.services))

    def saved_message(self, result: Knelpunt) -> str:
        if self.escalation is not None:
            return f"Knelpunt {result.reference} is gemeld en gekoppeld aan {self.escalation.reference}."
        return f"Knelpunt {result.reference} is opgeslagen."
