"""The text steps of the plan: in kaart brengen, perspectief, grootste sta-in-de-weg, doorbraak, toestemming."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, Select, Static

from domain.errors import Problem
from domain.household import MEMBER_ROLE_LABELS
from domain.plan import ConsentMethod, PlanStep
from tui.plan_session import Content
from tui.screens.household_detail import organisations_table, problems_table
from tui.widgets.form_field import FormField
from tui.widgets.item_editors import choice
from tui.widgets.plan_fields import (
    date_text,
    date_value,
    line_input,
    long_text,
    problems_under,
    show_at_fields,
    side,
    stacked,
)
from tui.widgets.plan_step import StepView, general_problems, hint


class _FieldsStep(StepView):
    """A step that is a handful of fields; `section` is its key in the content."""

    section: str = ""

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.fields: dict[str, FormField] = {}

    def _f(self, form_field: FormField) -> FormField:
        self.fields[form_field.field_name] = form_field
        return form_field

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for form_field in self.fields.values():
            form_field.set_error(None)
        mine = problems_under(problems, self.section)
        rest = show_at_fields(self.fields, mine)
        general_problems(self.query_one(".step-errors", Static), rest)

    def errors_line(self) -> Static:
        return Static("", classes="step-errors", markup=False)


class InKaartStep(_FieldsStep):
    step = PlanStep.IN_KAART
    section = "in_kaart"
    hint = "Wat de verkenning liet zien. Leden, problemen en organisaties legt u vast bij het huishouden (e daar)."

    def compose(self) -> ComposeResult:
        household = self.ctx.household
        data = self.ctx.content.get("in_kaart") or {}
        ro = self.ctx.read_only
        yield hint(self.hint)
        yield self.errors_line()
        yield self._f(stacked("Samenvatting van de verkenning",
                              long_text(str(data.get("samenvatting") or ""), read_only=ro,
                                        placeholder="bijv. twaalf hulpverleners; de huurschuld blokkeert alles"),
                              name="samenvatting"))
        yield self._f(side("Datum", line_input(date_text(data.get("datum")), placeholder="dd-mm-jjjj",
                                                max_length=10, disabled=ro), name="datum"))
        members = ", ".join(f"{m.name} ({MEMBER_ROLE_LABELS[m.role].lower()})" for m in household.members)
        yield Label(f"Huishouden ({len(household.members)} leden)", classes="section-label")
        yield Static(Text(members or "Geen leden vastgelegd."), classes="step-info")
        yield Label(f"Problemen per leefgebied ({len(household.problems)})", classes="section-label")
        yield Static(Group(problems_table(household)), classes="step-info")
        yield Label(f"Betrokken organisaties ({len(household.organisations)})", classes="section-label")
        yield Static(Group(organisations_table(household)), classes="step-info")

    def write_into(self, content: Content) -> None:
        content["in_kaart"] = {
            "samenvatting": self.fields["samenvatting"].value,
            "datum": date_value(self.fields["datum"].value),
        }


class _OneTextStep(StepView):
    """A step that is one text in the content (perspectief, doorbraak)."""

    label = ""
    placeholder = ""

    def compose(self) -> ComposeResult:
        yield hint(self.hint)
        yield Static("", classes="step-errors", markup=False)
        self.text_field = stacked(
            self.label,
            long_text(str(self.ctx.content.get(self.step.field_name) or ""), placeholder=self.placeholder,
                      read_only=self.ctx.read_only),
            name=self.step.field_name,
            required=True,
        )
        self.text_field.add_class("-tall")
        yield self.text_field

    def write_into(self, content: Content) -> None:
        content[self.step.field_name] = self.text_field.value

    def show_problems(self, problems: Sequence[Problem]) -> None:
        mine = [p for p in problems if p.path == self.step.field_name]
        self.text_field.set_error(mine[0].reason if mine else None)


class PerspectiefStep(_OneTextStep):
    step = PlanStep.PERSPECTIEF
    hint = "Waar wil het huishouden over 12 maanden staan? Schrijf het op in de eigen woorden van de bewoner."
    label = "Perspectief (in eigen woorden)"
    placeholder = "bijv. Over een jaar wonen we hier nog en durf ik de post weer open te maken."


class DoorbraakStep(_OneTextStep):
    step = PlanStep.DOORBRAAK
    hint = ("De interventie die de grootste sta-in-de-weg wegneemt: een betaling, een opschorting, "
            "een uitzondering of een andere voorziening.")
    label = "Doorbraak"
    placeholder = "bijv. De gemeente lost de huurschuld in één keer af; de corporatie ziet af van ontruiming."


class StaInDeWegStep(_FieldsStep):
    step = PlanStep.STA_IN_DE_WEG
    section = "sta_in_de_weg"
    hint = "Het ene probleem dat, eenmaal opgelost, de rest oplosbaar maakt. Kies het uit de problemen."

    def compose(self) -> ComposeResult:
        data = self.ctx.content.get("sta_in_de_weg") or {}
        problems = self.ctx.household.problems
        options = []
        for problem in problems:
            label = f"{problem.leefgebied_label} (score {problem.score})"
            if problem.description:
                label += f": {problem.description}"
            options.append((label, problem.id))
        chosen = data.get("problem_id")
        known = any(p.id == chosen for p in problems)
        self.orphan_id = chosen if chosen is not None and not known else None
        self.stored_leefgebied = data.get("leefgebied")
        yield hint(self.hint)
        yield self.errors_line()
        select = choice(options, chosen if known else None, prompt="Kies een probleem van het huishouden",
                        allow_blank=True)
        select.disabled = self.ctx.read_only
        yield self._f(stacked("Probleem", select, name="problem_id", required=True))
        if not problems:
            yield Static("Dit huishouden heeft nog geen problemen per leefgebied. Leg die eerst vast bij het "
                         "huishouden (stap In kaart brengen).", classes="step-warning", markup=False)
        elif self.orphan_id is not None:
            yield Static("Het eerder gekozen probleem bestaat niet meer bij dit huishouden; kies opnieuw.",
                         classes="step-warning", markup=False)
        yield self._f(stacked("Toelichting",
                              long_text(str(data.get("toelichting") or ""), read_only=self.ctx.read_only,
                                        placeholder="waarom juist dit probleem alles blokkeert"),
                              name="toelichting"))

    def write_into(self, content: Content) -> None:
        problem_id = self.fields["problem_id"].value
        leefgebied = next((p.leefgebied for p in self.ctx.household.problems if p.id == problem_id), None)
        if problem_id is None and self.orphan_id is not None:
            problem_id, leefgebied = self.orphan_id, self.stored_leefgebied
        content["sta_in_de_weg"] = {
            "problem_id": problem_id,
            "leefgebied": leefgebied,
            "toelichting": self.fields["toelichting"].value,
        }

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.value is not Select.NULL:
            self.orphan_id = None
        self.changed()


class ToestemmingStep(_FieldsStep):
    step = PlanStep.TOESTEMMING
    section = "consent"
    hint = "De toestemming van de bewoner: wie, wanneer, hoe, en voor welk delen van gegevens."

    def compose(self) -> ComposeResult:
        data = self.ctx.content.get("consent") or {}
        ro = self.ctx.read_only
        names = [m.name for m in self.ctx.household.members]
        methods = [(method.label, method.value) for method in ConsentMethod]
        yield hint(self.hint)
        yield self.errors_line()
        yield self._f(side("Gegeven door", line_input(str(data.get("given_by") or ""), suggestions=names,
                                                       placeholder="naam van de bewoner (→ vult aan)",
                                                       disabled=ro),
                           name="given_by", required=True))
        yield self._f(side("Datum", line_input(date_text(data.get("given_on")), placeholder="dd-mm-jjjj",
                                                max_length=10, disabled=ro), name="given_on", required=True))
        method = choice(methods, data.get("method") or ConsentMethod.MONDELING.value)
        method.disabled = ro
        yield self._f(side("Hoe", method, name="method"))
        yield self._f(stacked("Reikwijdte (welke gegevens, met wie, hoe lang)",
                              long_text(str(data.get("scope") or ""), read_only=ro,
                                        placeholder="bijv. gegevens over schulden en huur delen met gemeente, "
                                                    "corporatie en CJIB, tot de evaluatie na 12 maanden"),
                              name="scope", required=True))

    def write_into(self, content: Content) -> None:
        values = {
            "given_by": self.fields["given_by"].value,
            "given_on": date_value(self.fields["given_on"].value),
            "scope": self.fields["scope"].value,
        }
        if not any(values.values()):
            content["consent"] = None  # nothing typed: no consent yet
            return
        content["consent"] = {**values, "method": self.fields["method"].value or ConsentMethod.MONDELING.value}
