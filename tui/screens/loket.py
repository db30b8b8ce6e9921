"""The interdepartementaal loket in the app: hand a knelpunt to a ministry, and follow the questions up.

From the knelpunten register `l` opens `LoketVraagDialog` for the knelpunt under the cursor (the dialog opens
at once, with the cursor in "Vraag", so text typed right after `l` lands there), `o` opens `LoketScreen`: every
question, newest first, with the one under the cursor in full below the list; `s` there takes the next step
(`LoketStepDialog`: only the legal next states; "beantwoord" needs the answer).
"""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from domain.loket import LOKET_WORKFLOW, LoketStatus, LoketVraag, ministries
from domain.services.loket import AskLoket, ChangeLoketStatus
from storage.bootstrap import Services
from tui.render.loket import days, vraag_lines
from tui.screens.base import DoorbraakScreen, today
from tui.screens.casework_common import t, to_date
from tui.screens.form_base import FormDialog
from tui.widgets.form_values import FormValues, format_date_input
from tui.widgets.item_editors import choice, text_input
from tui.widgets.quiet_footer import QuietFooter
from tui.widgets.row_table import Column, Row, RowTable

QUESTION_MAX = 2000


class LoketVraagDialog(FormDialog[LoketVraag]):
    """A new question about one knelpunt to a ministry from the catalogue."""

    CSS_PATH = "casework.tcss"
    aliases = {"ministerie": "ministry", "vraag": "question"}

    def __init__(self, services: Services, *, knelpunt_id: int, knelpunt_title: str) -> None:
        super().__init__(services)
        self.knelpunt_id = knelpunt_id
        self.knelpunt_title = knelpunt_title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog casework-dialog", id="loket-dialog") as dialog:
            dialog.border_title = f"Loketvraag over KP-{self.knelpunt_id}"
            yield Label(f"Knelpunt: {self.knelpunt_title}", markup=False)
            yield Static("", classes="form-error", markup=False)
            yield self.field("Vraag", text_input(placeholder="wat moet het ministerie beantwoorden?",
                                                 max_length=QUESTION_MAX), path="question", required=True)
            yield self.field("Ministerie", choice([(f"{m.code} – {m.name}", m.code) for m in ministries().values()],
                                                  None, prompt="Kies een ministerie of dienst", allow_blank=True),
                             path="ministry", required=True)
            yield self.field("Gesteld op", text_input(format_date_input(today(self.services)),
                                                      placeholder="dd-mm-jjjj", max_length=10), path="datum")
            yield Label("Geen persoonsgegevens · Ctrl+S slaat op · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fields["question"].control.focus()

    def draft(self) -> FormValues:
        return {"question": self.value("question"), "ministry": self.value("ministry"), "datum": self.value("datum")}

    def submit(self, draft: FormValues) -> LoketVraag:
        on = to_date(draft["datum"], "datum", "De datum")
        ministry = draft["ministry"] if isinstance(draft["ministry"], str) else ""
        return self.services.loket.ask(AskLoket(self.knelpunt_id, ministry, draft["question"], on),
                                       today=today(self.services))


class LoketStepDialog(FormDialog[LoketVraag]):
    """The next step of a question: in behandeling, beantwoord (with the answer), opgelost, niet oplosbaar."""

    CSS_PATH = "casework.tcss"
    aliases = {"antwoord": "answer"}

    def __init__(self, services: Services, vraag: LoketVraag) -> None:
        super().__init__(services)
        self.vraag = vraag
        self.choices = LOKET_WORKFLOW.next_states(vraag.status)

    def compose(self) -> ComposeResult:
        v = self.vraag
        with Vertical(classes="dialog casework-dialog", id="loket-step-dialog") as dialog:
            dialog.border_title = f"Status · {v.reference} ({v.ministry})"
            yield Label(f"Nu: {v.status.label}. Vraag: {v.question}", markup=False)
            yield Static("", classes="form-error", markup=False)
            yield self.field("Nieuwe stap", choice([(s.label, s.value) for s in self.choices], self.choices[0].value),
                             path="status")
            yield self.field("Antwoord", text_input(v.answer, placeholder="nodig bij 'beantwoord'",
                                                    max_length=QUESTION_MAX), path="answer")
            yield self.field("Datum", text_input(format_date_input(today(self.services)), placeholder="dd-mm-jjjj",
                                                 max_length=10), path="datum")
            yield self.field("Toelichting", text_input(placeholder="optioneel", max_length=QUESTION_MAX),
                             path="note")
            yield Label("Ctrl+S slaat op · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fields["status"].control.focus()

    def draft(self) -> FormValues:
        return {key: self.value(key) for key in ("status", "answer", "datum", "note")}

    def submit(self, draft: FormValues) -> LoketVraag:
        assert self.vraag.id is not None
        on = to_date(draft["datum"], "datum", "De datum") or today(self.services)
        answer = draft["answer"].strip()
        status = LoketStatus(str(draft["status"]))
        if answer == self.vraag.answer and status is not LoketStatus.BEANTWOORD:
            answer = ""  # unchanged: not a new answer
        return self.services.loket.change_status(
            ChangeLoketStatus(self.vraag.id, status, self.vraag.version, on, answer=answer, note=draft["note"].strip())
        )


COLUMNS = [
    Column("id", "Nr.", width=7),
    Column("knelpunt", "Knelpunt", width=8),
    Column("ministry", "Ministerie", width=10),
    Column("status", "Status", width=15),
    Column("asked", "Gesteld", width=11),
    Column("age", "Open", width=10, justify="right"),
    Column("question", "Vraag", ratio=4),
]


class LoketScreen(DoorbraakScreen[None]):
    """Every question of the loket, newest first; the one under the cursor in full below the list."""

    CSS_PATH = "casework.tcss"
    AUTO_FOCUS = "#loket-table"

    BINDINGS = [
        Binding("s", "change_status", "Status", id="loket.status",
                tooltip="Gesteld → in behandeling → beantwoord → opgelost (of niet oplosbaar)"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="loket.refresh", show=False,
                tooltip="Haal de vragen opnieuw op"),
        Binding("escape", "back", "Terug", id="loket.back", tooltip="Terug naar de knelpunten"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Interdepartementaal loket"
        self.questions: dict[str, LoketVraag] = {}

    def compose(self) -> ComposeResult:
        yield self.app_header()
        yield RowTable(COLUMNS, id="loket-table")
        yield Static("", id="loket-detail", markup=False)
        yield QuietFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="loket-load", exit_on_error=False)
    def load(self, keep: str | None = None) -> None:
        questions = self.services.loket.questions()
        self.app.call_from_thread(self.show, questions, today(self.services), keep)

    def show(self, questions: list[LoketVraag], day: date, keep: str | None = None) -> None:
        self.questions = {str(q.id): q for q in questions}
        rows = [
            Row(str(q.id), [q.reference, f"KP-{q.knelpunt_id}", q.ministry, q.status.label,
                            format_date_input(q.asked_on), days(q.age_days(day)) if q.is_open else "",
                            t(q.question)])
            for q in questions
        ]
        self.query_one(RowTable).set_rows(rows, keep_key=keep)
        self._detail()

    def _current(self) -> LoketVraag | None:
        key = self.query_one(RowTable).current_key
        return self.questions.get(key) if key is not None else None

    @on(DataTable.RowHighlighted, "#loket-table")
    def _detail(self) -> None:
        vraag = self._current()
        detail = self.query_one("#loket-detail", Static)
        if vraag is None:
            detail.update("Nog geen loketvragen. In de knelpunten legt l een knelpunt voor aan een ministerie.")
        else:
            detail.update("\n".join(vraag_lines(vraag)))

    @on(DataTable.RowSelected, "#loket-table")
    def _selected(self) -> None:
        self.action_change_status()

    def action_change_status(self) -> None:
        vraag = self._current()
        if vraag is None:
            return
        if vraag.status.is_final:
            self.notify(f"{vraag.reference} is {vraag.status.label.lower()}; er is geen volgende stap.", markup=False)
            return

        def done(saved: LoketVraag | None) -> None:
            if saved is not None:
                self.notify(f"{saved.reference} is nu '{saved.status.label}'.", title="Opgeslagen", markup=False)
                self.load(str(saved.id))

        self.app.push_screen(LoketStepDialog(self.services, vraag), done)

    def action_refresh(self) -> None:
        self.load(self.query_one(RowTable).current_key)

    def action_back(self) -> None:
        self.leave()
