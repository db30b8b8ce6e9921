"""What the casework forms share: fields by path, inline Dutch errors, keeping every keystroke on a refusal.

Two shapes:
- `FormScreen`: a full screen (Ctrl+S saves, Esc asks before throwing edits away);
- `FormDialog`: a small modal (Enter/Ctrl+S saves, Esc cancels) that runs its service call itself and only
  closes after the service confirmed it (after COMMIT). A refusal is shown in the dialog, at the field.

Subclasses build their fields with `field(...)`, read them with `draft()`, and do the service call in
`submit(draft)` (it runs in a worker thread; return the result to dismiss with). The domain validates;
here only the Dutch notation of dates and amounts is translated (see tui.widgets.form_values).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from textual import on, work
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea
from textual.worker import Worker, WorkerState

from domain.access import ReasonRequired
from domain.errors import DomainError, InvalidInput, Problem
from domain.messages import field_label
from storage.bootstrap import Services
from tui.screens.base import CaseReasons, DoorbraakScreen
from tui.widgets.form_field import FormField
from tui.widgets.form_values import FormValues
from tui.widgets.item_editors import ItemEditor, ItemList

if TYPE_CHECKING:
    from tui.app import DoorbraakApp

T = TypeVar("T")


class ProblemsMixin:
    """Maps `Problem.path`s (`cap`, `shares.0.percentage`, `consent.scope`) to fields and lists."""

    _fields: dict[str, FormField]
    labels: ClassVar[dict[str, str]] = {}
    """Dutch names for paths that have no field of their own (for the summary block)."""
    aliases: ClassVar[dict[str, str]] = {}
    """Problem paths the domain uses for a field under another name (`datum` → `booked_on`)."""

    def field(self, label: str, control: Widget, *, path: str, required: bool = False) -> FormField:
        form_field = FormField(label, control, name=path.rsplit(".", 1)[-1], required=required)
        if isinstance(control, TextArea):
            form_field.add_class("-text-area")  # a grid row does not grow to a text area's height by itself
        self._fields[path] = form_field
        return form_field

    def value(self, path: str) -> Any:
        return self._fields[path].value

    def item_lists(self) -> dict[str, ItemList]:
        return {w.path: w for w in cast(Widget, self).query(ItemList)}

    def error_block(self) -> Static:
        return cast(Widget, self).query_one(".form-error", Static)

    def set_form_error(self, text: str) -> None:
        block = self.error_block()
        block.update(text)
        block.set_class(bool(text), "-visible")

    def clear_errors(self) -> None:
        for form_field in self._fields.values():
            form_field.set_error(None)
        for item_list in self.item_lists().values():
            item_list.clear_errors()
        self.set_form_error("")

    def _field_for(self, path: str) -> FormField | None:
        parts = self.aliases.get(path, path).split(".")
        while parts:
            candidate = ".".join(parts)
            if candidate in self._fields:
                return self._fields[candidate]
            parts.pop()
        return None

    def show_problems(self, problems: list[Problem], *, notify: bool = True) -> None:
        """Mark every problem at its field (or list item); the rest goes into the block at the top."""
        self.clear_errors()
        lists = self.item_lists()
        general: list[str] = []
        for problem in problems:
            head, _, rest = problem.path.partition(".")
            form_field = self._field_for(problem.path)
            if head in lists:
                lists[head].apply_problem(rest, problem.reason)
            elif form_field is not None:
                # A second problem on the same field joins the first.
                joined = f"{form_field.error} {problem.reason}" if form_field.error else problem.reason
                form_field.set_error(joined)
            elif problem.path and not problem.reason[:1].isupper():
                label = self.labels.get(problem.path) or self.labels.get(head) or field_label(problem.path)
                general.append(f"{label}: {problem.reason}")
            else:
                general.append(problem.reason)
        count = len(problems)
        noun = "fout" if count == 1 else "fouten"
        summary = f"Niet opgeslagen: {count} {noun} (gemarkeerd met ✗). Uw invoer is bewaard."
        self.set_form_error("\n".join([summary, *general]))
        widget = cast(Widget, self)
        first = next((w for w in widget.query(".-invalid") if isinstance(w, FormField)), None)
        if first is not None:
            first.control.focus()
            first.scroll_visible()
        elif not any(isinstance(w, ItemEditor | ItemList) for w in widget.query(".-invalid")):
            self.error_block().scroll_visible()
        if notify:
            widget.notify(summary, title="Ongeldige invoer", severity="error", markup=False)

    def reason_then_save(self, required: ReasonRequired, draft: FormValues) -> None:
        """The case is outside the caseload: ask why, then save the same draft again (nothing typed is lost).
        Declined: the form stays open with everything in it."""
        widget = cast(Any, self)

        def retry() -> None:
            widget.saving = True
            widget._save(draft)

        def declined() -> None:
            self.set_form_error(f"Niet opgeslagen: zonder reden kan casus {required.case_number} niet worden "
                                "gewijzigd. Uw invoer is bewaard.")

        cast(CaseReasons, self).ask_case_reason(required, retry=retry, cancelled=declined)

    def show_refusal(self, error: DomainError) -> None:
        """A refusal that is not about one field (a state change not allowed, a stale version)."""
        self.clear_errors()
        self.set_form_error(f"Niet opgeslagen: {error.message} Uw invoer is bewaard.")
        self.error_block().scroll_visible()
        cast(Widget, self).notify(error.message, title=error.title, severity="error", markup=False)


class FormScreen(ProblemsMixin, DoorbraakScreen[T], Generic[T]):
    """A full-screen form: Ctrl+S saves through `submit`, Esc goes back (asking first when there are edits)."""

    AUTO_FOCUS = None
    BINDINGS = [
        Binding("ctrl+s", "save", "Opslaan", id="form.save", priority=True, tooltip="Opslaan in de database"),
        Binding("escape", "cancel", "Terug", id="form.cancel", tooltip="Terug; vraagt eerst bij wijzigingen"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self._fields = {}
        self._initial: FormValues | None = None
        self.saving = False

    def on_mount(self) -> None:
        self.call_after_refresh(self._remember_initial)

    def _remember_initial(self) -> None:
        self._initial = self.draft()

    def draft(self) -> FormValues:
        raise NotImplementedError

    def submit(self, draft: FormValues) -> T:
        """The service call (in a worker thread). Raise DomainError to refuse."""
        raise NotImplementedError

    def saved_message(self, result: T) -> str:
        return "Opgeslagen."

    @property
    def is_dirty(self) -> bool:
        return self._initial is not None and self.draft() != self._initial

    def action_save(self) -> None:
        if self.saving:
            return
        self.saving = True
        self._save(self.draft())

    @work(thread=True, exclusive=True, group="form-save", exit_on_error=False)
    def _save(self, draft: FormValues) -> None:
        try:
            result = self.submit(draft)
        except ReasonRequired as required:
            self.app.call_from_thread(self.reason_then_save, required, draft)
        except InvalidInput as exc:
            self.app.call_from_thread(self.show_problems, exc.problems)
        except DomainError as exc:
            self.app.call_from_thread(self.show_refusal, exc)
        else:
            self.app.call_from_thread(self._saved, result)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "form-save" and event.state in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED
        ):
            self.saving = False

    def _saved(self, result: T) -> None:
        self.notify(self.saved_message(result), title="Opgeslagen", markup=False)
        self._initial = None
        if self.is_attached and self in self.app.screen_stack:  # not when it was closed while saving (soak)
            self.dismiss(result)

    def action_cancel(self) -> None:
        if not self.is_dirty:
            self.dismiss(None)
            return
        from tui.screens.confirm_dialog import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self._initial = None
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Wijzigingen weggooien?",
                          "U heeft wijzigingen die nog niet zijn opgeslagen. Weggooien en teruggaan?",
                          yes="Weggooien", no="Verder bewerken"),
            answered,
        )

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()


class FormDialog(CaseReasons, ProblemsMixin, ModalScreen[T], Generic[T]):
    """A small form in a dialog that saves through `submit` and closes only after the save is confirmed."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Opslaan", id="dialog.save", priority=True, tooltip="Opslaan en sluiten"),
        Binding("escape", "cancel", "Annuleren", id="dialog.cancel", tooltip="Sluiten zonder op te slaan"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self._fields = {}
        self.saving = False

    def draft(self) -> FormValues:
        raise NotImplementedError

    def submit(self, draft: FormValues) -> T:
        raise NotImplementedError

    def action_save(self) -> None:
        if self.saving:
            return
        self.saving = True
        self._save(self.draft())

    @work(thread=True, exclusive=True, group="dialog-save", exit_on_error=False)
    def _save(self, draft: FormValues) -> None:
        try:
            result = self.submit(draft)
        except ReasonRequired as required:
            self.app.call_from_thread(self.reason_then_save, required, draft)
        except InvalidInput as exc:
            self.app.call_from_thread(self.show_problems, exc.problems)
        except DomainError as exc:
            self.app.call_from_thread(self.show_refusal, exc)
        else:
            self.app.call_from_thread(self.dismiss, result)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "dialog-save" and event.state in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED
        ):
            self.saving = False
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            cast("DoorbraakApp", self.app).report_error(event.worker.error)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        # Enter in the last field saves; elsewhere it moves on (as in every form of the app).
        inputs = [w for w in self.query(Input) if w.display]
        if inputs and self.focused is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    def action_cancel(self) -> None:
        self.dismiss(None)
