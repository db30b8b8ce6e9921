"""A labelled form control with room for an inline Dutch error message under it."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea


class FormField(Grid):
    """Label on the left, the control on the right, the error (if any) on a line under the control.

    `name` is the field's key in the draft dict (e.g. `postcode`); the owner maps problem paths to fields.
    The error line is only mounted when there is an error: a form has many fields, and every widget
    costs time when a screen opens.
    """

    def __init__(self, label: str, control: Widget, *, name: str, required: bool = False, span: bool = False) -> None:
        super().__init__(classes="form-field -span" if span else "form-field")
        self.field_name = name
        self.label = label
        self.control = control
        self.required = required
        self._error = ""
        self._error_line: Static | None = None

    def compose(self) -> ComposeResult:
        yield Label(f"{self.label}{' *' if self.required else ''}", classes="field-label", markup=False)
        yield self.control

    @property
    def value(self) -> Any:
        control = self.control
        if isinstance(control, Input):
            return control.value
        if isinstance(control, Select):
            return None if control.value is Select.NULL else control.value
        if isinstance(control, TextArea):
            return control.text
        if isinstance(control, Checkbox):
            return control.value
        raise TypeError(type(control).__name__)

    @property
    def error(self) -> str:
        """The domain's reason ('' when there is none)."""
        return self._error

    @property
    def message(self) -> str:
        """The error as shown under the field ('' when there is none)."""
        return self.error_text(self._error) if self._error else ""

    def set_error(self, reason: str | None) -> None:
        """Show the domain's Dutch reason under the control (None clears it)."""
        if not reason and not self._error:
            return
        self._error = reason or ""
        self.set_class(bool(reason), "-invalid")
        self.control.set_class(bool(reason), "-invalid")
        if reason:
            text = f"✗ {self.error_text(reason)}"
            if self._error_line is None:
                self._error_line = Static(text, classes="field-error", markup=False)
                self.mount(self._error_line)
            else:
                self._error_line.update(text)
        elif self._error_line is not None:
            self._error_line.remove()
            self._error_line = None

    def error_text(self, reason: str) -> str:
        # Our inputs take dates as dd-mm-jjjj too, so say that instead of the domain's ISO hint.
        reason = reason.replace("(gebruik JJJJ-MM-DD)", "(gebruik dd-mm-jjjj)")
        # Short reasons ("is verplicht") read as a sentence with the field's name in front.
        if reason[:1].islower():
            return f"{self.label} {reason}{'' if reason.endswith('.') else '.'}"
        return reason

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    def _clear_error_on_edit(self) -> None:
        # The user is fixing it: the old message no longer applies.
        if self._error:
            self.set_error(None)
