"""Score the ZRM of one adult member on one date (docs/people.md): a score 1–5 per leefgebied, blanks skipped.

Ctrl+S saves through `services.people.record_zrm` (audited; a score for the same day replaces it), Esc
cancels. The newest earlier score stands beside each leefgebied, so a re-score is one look away.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from domain import reference
from domain.errors import InvalidInput, Problem
from domain.services.people import Person, RecordZrm
from storage.bootstrap import Services
from tui.render.format import format_date
from tui.screens.form_base import FormDialog
from tui.widgets.form_values import FormValues, format_date_input, parse_date_input
from tui.widgets.item_editors import choice, text_input


class ZrmDialog(FormDialog[bool]):
    """Dismisses with True when the scores were saved."""

    CSS_PATH = "casework.tcss"
    labels = {"scores": "ZRM-scores", "member": "Gezinslid"}

    def __init__(self, services: Services, case_number: str, person: Person, day: date) -> None:
        super().__init__(services)
        self.case_number = case_number
        self.person = person
        self.day = day

    def compose(self) -> ComposeResult:
        scores = [(f"{score} – {label}", score) for score, label in reference.zrm_scores().items()]
        with Vertical(classes="dialog casework-dialog", id="zrm-dialog") as dialog:
            dialog.border_title = f"ZRM scoren · {self.person.member.name}"
            yield Label("De ZRM per volwassen persoon; laat een leefgebied leeg om het niet te scoren.",
                        markup=False, classes="dialog-text")
            yield Static("", classes="form-error", markup=False)
            yield self.field("Datum", text_input(format_date_input(self.day), placeholder="dd-mm-jjjj", max_length=10),
                             path="scored_on", required=True)
            with VerticalScroll(id="zrm-scores", can_focus=False):
                for code, name in reference.leefgebieden().items():
                    earlier = self.person.latest.get(code)
                    label = f"{name} (was {earlier.score})" if earlier else name
                    yield self.field(label, choice(scores, None, prompt="–", allow_blank=True),
                                     path=f"scores.{code}")
            yield Label("Ctrl+S slaat op · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fields["scored_on"].control.focus()

    def draft(self) -> FormValues:
        values: FormValues = {"scored_on": self.value("scored_on")}
        for code in reference.leefgebieden():
            score = self.value(f"scores.{code}")
            if score is not None:
                values[f"scores.{code}"] = score
        return values

    def submit(self, draft: FormValues) -> bool:
        on = parse_date_input(str(draft.get("scored_on") or ""))
        try:
            scored_on = date.fromisoformat(on or "")
        except ValueError:
            raise InvalidInput([Problem("scored_on", "Geef een datum als dd-mm-jjjj.")]) from None
        scores = {key.split(".", 1)[1]: int(value) for key, value in draft.items() if key.startswith("scores.")}
        assert self.person.member.id is not None
        self.services.people.record_zrm(
            RecordZrm(self.case_number, self.person.member.id, scored_on, scores,
                      purpose=self.case_reason(self.case_number)),
            today=self.day,
        )
        self.app.call_from_thread(
            self.notify, f"ZRM van {self.person.member.name} op {format_date(scored_on)} opgeslagen "
                         f"({len(scores)} leefgebieden).", title="Opgeslagen", markup=False)
        return True
