"""The step Juridische paragraaf: why the plan is lawful.

Per plan: the competent authority and legal framework, the chosen legal bases (searched in the catalogue),
the reasoning (facts, special circumstances, why the standard outcome is disproportionate, equality,
risks, decision and mandate) and the privacy basis. Per deviating action: its own bases and reasoning;
a deviating action without a legal basis is flagged here and in the step Acties.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Collapsible, Input, Label, Static

from domain.errors import Problem
from domain.legal import REASONING_LABELS
from domain.plan import PlanStep
from tui.plan_session import Content
from tui.widgets.form_field import FormField
from tui.widgets.form_values import FormValues
from tui.widgets.plan_fields import (
    TEXT_MAX,
    line_input,
    long_text,
    problems_under,
    show_at_fields,
    side,
    stacked,
)
from tui.widgets.plan_goals_actions import short, short_title
from tui.widgets.plan_step import StepView, general_problems, hint

REASONING_FIELDS = ("feiten", "bijzondere_omstandigheden", "onevenredigheid", "gelijkheid", "risicos", "besluit")
PLACEHOLDERS = {
    "feiten": "de relevante feiten",
    "bijzondere_omstandigheden": "wat dit geval bijzonder maakt",
    "onevenredigheid": "waarom de standaarduitkomst onevenredig zou zijn",
    "gelijkheid": "waarom dit geval anders is dan andere (gelijkheid)",
    "risicos": "risico's, bijv. precedentwerking, en hoe die beperkt worden",
    "besluit": "wat er besloten wordt en door wie",
}


class BasisRow(Horizontal):
    """One chosen basis: its title, (for the plan) how it applies here, and a remove button."""

    def __init__(self, basis_id: str, note: str | None, *, read_only: bool) -> None:
        super().__init__(classes="basis-row")
        self.basis_id = basis_id
        self.note = note
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        yield Label(Text(short_title(self.basis_id), style="bold"), classes="basis-title")
        if self.note is not None:
            yield Input(self.note, placeholder="hoe deze grond hier van toepassing is", compact=True,
                        select_on_focus=False, max_length=TEXT_MAX, disabled=self.read_only, classes="basis-note")
        if not self.read_only:
            yield Button("✕", classes="basis-remove", compact=True, tooltip="Deze rechtsgrond verwijderen")

    def value(self) -> FormValues | str:
        if self.note is None:
            return self.basis_id
        return {"basis_id": self.basis_id, "toelichting": self.query_one(".basis-note", Input).value}


class BasisList(Vertical):
    """The chosen legal bases of the plan, of its privacy paragraph, or of one deviating action."""

    def __init__(self, key: str, title: str, items: Sequence[Any], *, with_notes: bool, privacy: bool | None,
                 read_only: bool, required_text: str = "") -> None:
        super().__init__(classes="basis-list", id=f"bases-{key}")
        self.key = key
        self.title = title
        self.items = list(items)
        self.with_notes = with_notes
        self.privacy = privacy
        self.read_only = read_only
        self.required_text = required_text

    def compose(self) -> ComposeResult:
        yield Label(self.title, classes="basis-list-title", markup=False)
        for item in self.items:
            if isinstance(item, dict):
                yield BasisRow(str(item.get("basis_id")), str(item.get("toelichting") or "") if self.with_notes
                               else None, read_only=self.read_only)
            else:
                yield BasisRow(str(item), "" if self.with_notes else None, read_only=self.read_only)
        yield Static("", classes="basis-flag", markup=False)
        if not self.read_only:
            yield Button("+ Rechtsgrond kiezen (Ctrl+N)", classes="basis-add", compact=True)

    def on_mount(self) -> None:
        self.update_flag()

    def rows(self) -> list[BasisRow]:
        return list(self.query_children(BasisRow))

    def values(self) -> list[Any]:
        return [row.value() for row in self.rows()]

    def ids(self) -> list[str]:
        return [row.basis_id for row in self.rows()]

    def update_flag(self, problem: str | None = None) -> None:
        """Flag a missing (required) basis or a problem the domain found; otherwise say nothing is chosen."""
        if problem:
            text, missing = f"✗ {problem}", True
        elif not self.rows() and self.required_text:
            text, missing = f"✗ {self.required_text}", True
        elif not self.rows():
            text, missing = "Nog geen rechtsgrond gekozen.", False
        else:
            text, missing = "", False
        flag = self.query_one(".basis-flag", Static)
        flag.update(text)
        flag.set_class(missing, "-missing")
        flag.display = bool(text)

    async def add(self, basis_id: str) -> None:
        if basis_id in self.ids():
            self.notify("Deze rechtsgrond is hier al gekozen.", markup=False)
            return
        row = BasisRow(basis_id, "" if self.with_notes else None, read_only=self.read_only)
        await self.mount(row, before=self.query_one(".basis-flag", Static))
        self.update_flag()
        notes = row.query(".basis-note")
        (notes.first() if notes else self.query_one(".basis-add", Button)).focus()

    async def remove_row(self, row: BasisRow) -> None:
        await row.remove()
        self.update_flag()
        self.query_one(".basis-add", Button).focus()

    def choose(self, step: StepView) -> None:
        from tui.screens.legal_basis_picker import LegalBasisPicker

        async def chosen(basis_id: str | None) -> None:
            if basis_id is not None:
                await self.add(basis_id)
                step.changed()

        step.app.push_screen(LegalBasisPicker(title=f"Rechtsgrond kiezen · {self.title}", privacy=self.privacy,
                                              chosen=self.ids()), chosen)


class JuridischStep(StepView):
    step = PlanStep.JURIDISCH
    can_add = True
    hint = ("Waarom het plan rechtmatig is: welke ruimte in de wet wordt gebruikt en waarom de standaarduitkomst "
            "onevenredig zou zijn. Ctrl+N kiest een rechtsgrond (zoeken terwijl u typt).")

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.fields: dict[str, FormField] = {}
        self.action_fields: dict[str, dict[str, FormField]] = {}

    def _reasoning(self, target: dict[str, FormField], data: FormValues, prefix: str) -> list[FormField]:
        ro = self.ctx.read_only
        out = []
        for name in REASONING_FIELDS:
            form_field = stacked(REASONING_LABELS[name], long_text(str(data.get(name) or ""), read_only=ro,
                                                                   placeholder=PLACEHOLDERS[name]), name=name)
            target[name] = form_field
            out.append(form_field)
        mandate = side("Mandaat", line_input(str(data.get("mandaat") or ""), disabled=ro,
                                             placeholder="bijv. maatwerkfunctionaris, mandaatbesluit 2026"),
                       name="mandaat")
        target["mandaat"] = mandate
        out.append(mandate)
        return out

    def compose(self) -> ComposeResult:
        content = self.ctx.content
        data = content.get("juridisch") or {}
        ro = self.ctx.read_only
        yield hint(self.hint if not ro else "Dit plan is vastgesteld; de juridische paragraaf ligt vast.")
        yield Static("", classes="step-errors", markup=False)
        deviating = [a for a in content.get("actions") or [] if a.get("deviating")]
        with Vertical(classes="basis-section", id="legal-plan"):
            with Grid(classes="legal-grid"):
                self.fields["bevoegd_gezag"] = side("Bevoegd gezag", line_input(
                    str(data.get("bevoegd_gezag") or ""), disabled=ro,
                    placeholder="bijv. college van B en W van Utrecht"), name="bevoegd_gezag", required=True)
                self.fields["wettelijk_kader"] = side("Wettelijk kader", line_input(
                    str(data.get("wettelijk_kader") or ""), disabled=ro,
                    placeholder="bijv. Participatiewet, Wmo 2015"), name="wettelijk_kader")
                yield self.fields["bevoegd_gezag"]
                yield self.fields["wettelijk_kader"]
            yield BasisList("plan", "Rechtsgronden van het plan", data.get("grondslagen") or [], with_notes=True,
                            privacy=False, read_only=ro,
                            required_text="Het plan wijkt af maar heeft nog geen rechtsgrond." if deviating and not any(
                                a.get("legal_basis_ids") for a in deviating) else "")
            yield Label("Onderbouwing", classes="section-label")
            yield from self._reasoning(self.fields, data, "")
        with Vertical(classes="basis-section", id="legal-privacy"):
            yield Label("Privacy", classes="section-label")
            yield BasisList("privacy", "Privacygrondslag voor het delen van gegevens",
                            data.get("privacy_grondslagen") or [], with_notes=True, privacy=True, read_only=ro,
                            required_text="De privacygrondslag ontbreekt.")
            self.fields["privacy_toelichting"] = stacked(
                "Toelichting gegevensdeling", long_text(str(data.get("privacy_toelichting") or ""), read_only=ro,
                                                        placeholder="welke gegevens, met wie, waarom"),
                name="privacy_toelichting")
            yield self.fields["privacy_toelichting"]
        yield Label(f"Afwijkende acties ({len(deviating)})", classes="section-label")
        if not deviating:
            yield Static("Geen actie wijkt af van de standaard. Zet bij een actie 'Afwijkend' op ja als dat wel zo is.",
                         classes="step-info", markup=False)
        for action in deviating:
            action_id = str(action.get("id"))
            with Vertical(classes="deviating-action basis-section", id=f"deviating-{action_id}") as box:
                box.border_title = f"Actie {action_id}: {short(action.get('what', ''), 50)}"
                yield BasisList(f"action-{action_id}", "Rechtsgronden van deze actie",
                                action.get("legal_basis_ids") or [], with_notes=False, privacy=False, read_only=ro,
                                required_text="Deze afwijkende actie heeft nog geen rechtsgrond.")
                reasoning = action.get("reasoning") or {}
                fields: dict[str, FormField] = {}
                self.action_fields[action_id] = fields
                with Collapsible(title="Onderbouwing van deze actie (Enter klapt open)",
                                 collapsed=not any(reasoning.values())):
                    yield from self._reasoning(fields, reasoning, action_id)

    # -- reading -------------------------------------------------------------------------------------
    def basis_list(self, key: str) -> BasisList:
        return self.query_one(f"#bases-{key}", BasisList)

    def write_into(self, content: Content) -> None:
        f = self.fields
        values = {name: form_field.value for name, form_field in f.items()}
        content["juridisch"] = {
            **values,
            "grondslagen": self.basis_list("plan").values(),
            "privacy_grondslagen": self.basis_list("privacy").values(),
        }
        for action in content.get("actions") or []:
            action_id = str(action.get("id"))
            if action_id not in self.action_fields:
                continue
            action["legal_basis_ids"] = self.basis_list(f"action-{action_id}").ids()
            action["reasoning"] = {name: ff.value for name, ff in self.action_fields[action_id].items()}

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for form_field in [*self.fields.values(), *(f for fs in self.action_fields.values() for f in fs.values())]:
            form_field.set_error(None)
        rest: list[Problem] = []
        for problem in show_at_fields(self.fields, problems_under(problems, "juridisch")):
            head = problem.path.split(".", 1)[0]
            if head == "grondslagen":
                self.basis_list("plan").update_flag(problem.reason)
            elif head == "privacy_grondslagen":
                self.basis_list("privacy").update_flag(problem.reason)
            else:
                rest.append(problem)
        actions = self.ctx.content.get("actions") or []
        for problem in problems_under(problems, "actions"):
            index, _, path = problem.path.partition(".")
            if not index.isdigit() or int(index) >= len(actions):
                continue
            action_id = str(actions[int(index)].get("id"))
            if action_id not in self.action_fields:
                continue
            if path.startswith("legal_basis_ids"):
                self.basis_list(f"action-{action_id}").update_flag(problem.reason)
            elif path.startswith("reasoning."):
                show_at_fields(self.action_fields[action_id], [Problem(path[len("reasoning."):], problem.reason)])
        general_problems(self.query_one(".step-errors", Static), rest)

    # -- adding and removing bases -------------------------------------------------------------------
    async def add_item(self) -> bool:
        """Ctrl+N: choose a basis for the part of the paragraph where the cursor is (plan, privacy, action)."""
        if self.ctx.read_only:
            return False
        focused = self.screen.focused
        section = next((n for n in (focused.ancestors if focused else []) if n.has_class("basis-section")), None)
        target = section.query_one(BasisList) if section is not None else self.basis_list("plan")
        target.choose(self)
        return True

    def can_remove(self) -> bool:
        focused = self.screen.focused
        return not self.ctx.read_only and focused is not None and any(
            isinstance(n, BasisRow) for n in focused.ancestors)

    async def remove_item(self) -> bool:
        focused = self.screen.focused
        row = next((n for n in (focused.ancestors if focused else []) if isinstance(n, BasisRow)), None)
        if row is None or self.ctx.read_only:
            return False
        owner = next(n for n in row.ancestors if isinstance(n, BasisList))
        await owner.remove_row(row)
        self.changed()
        return True

    @on(Button.Pressed, ".basis-add")
    def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        owner = next(n for n in event.button.ancestors if isinstance(n, BasisList))
        owner.choose(self)

    @on(Button.Pressed, ".basis-remove")
    async def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        row = next(n for n in event.button.ancestors if isinstance(n, BasisRow))
        owner = next(n for n in row.ancestors if isinstance(n, BasisList))
        await owner.remove_row(row)
        self.changed()
