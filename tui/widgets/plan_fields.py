"""Small building blocks shared by the plan editor's steps: controls, notation, ids, problem paths.

The steps keep what is typed in the shape of the plan's JSON (`PlanContent.model_dump(mode="json")`), so a
draft can be stored as it is and the services validate it. Only the notation is translated here
(dd-mm-jjjj ↔ ISO date, 1234,56 ↔ 1234.56); whether a value is valid is for the domain to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, TextArea

from domain.errors import Problem
from tui.render.format import format_date
from tui.widgets.form_field import FormField
from tui.widgets.form_values import format_money_input, parse_date_input, parse_money_input

TEXT_MAX = 4000
SHORT_MAX = 200


def line_input(
    value: str = "",
    *,
    placeholder: str = "",
    max_length: int = SHORT_MAX,
    suggestions: Iterable[str] = (),
    disabled: bool = False,
) -> Input:
    """A one-line compact input; `suggestions` complete as you type (→ accepts)."""
    items = [s for s in dict.fromkeys(suggestions) if s]
    return Input(
        value,
        placeholder=placeholder,
        max_length=max_length,
        compact=True,
        select_on_focus=False,
        suggester=SuggestFromList(items, case_sensitive=False) if items else None,
        disabled=disabled,
    )


def long_text(value: str = "", *, placeholder: str = "", read_only: bool = False) -> TextArea:
    """A multi-line text (Enter is a new line, Tab goes to the next field)."""
    area = TextArea(
        value,
        soft_wrap=True,
        tab_behavior="focus",
        compact=True,
        show_line_numbers=False,
        placeholder=placeholder,
        read_only=read_only,
        classes="plan-text",
    )
    return area


class YesNo(Checkbox):
    """A compact yes/no that says its state in words and marks only "yes" (Textual's compact checkbox shows the
    same X checked or not; only the colour differs). Cheaper than a Select on a card that is mounted often."""

    def __init__(self, yes: str, no: str, value: bool, *, disabled: bool = False) -> None:
        super().__init__(yes if value else no, value, compact=True, disabled=disabled)
        self.yes = yes
        self.no = no

    # Textual declares BUTTON_INNER a class attribute but only reads it through the instance: a property works.
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name for the mark
        return "X" if self.value else " "

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox is self:
            self.label = self.yes if self.value else self.no


def stacked(label: str, control: Any, *, name: str, required: bool = False) -> FormField:
    """A field whose label stands above the control (for long labels and multi-line texts)."""
    form_field = FormField(label, control, name=name, required=required)
    form_field.add_class("-stacked")
    return form_field


def side(label: str, control: Any, *, name: str, required: bool = False, span: bool = False) -> FormField:
    return FormField(label, control, name=name, required=required, span=span)


# -- notation ---------------------------------------------------------------------------------------


def date_text(value: Any) -> str:
    """ISO date (or a date) → dd-mm-jjjj; anything else (a half-typed value from a draft) as it was."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return format_date(value)
    try:
        return format_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def date_value(text: str) -> str | None:
    return parse_date_input(text)


def money_text(value: Any) -> str:
    if value is None or value == "":
        return ""
    try:
        return format_money_input(Decimal(str(value)))
    except InvalidOperation:
        return str(value)


def money_value(text: str) -> str | None:
    return parse_money_input(text)


def number_text(value: Any) -> str:
    """1, 2.5, 0.25 as a Dutch user reads them (2,5); no trailing zeros."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return format(number.normalize(), "f").replace(".", ",")


def number_value(text: str) -> str | None:
    """`2,5` → `2.5`; empty → None; other text unchanged (the domain names the problem)."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if re.fullmatch(r"-?\d+(,\d+)?", text):
        return text.replace(",", ".")
    return text


def percent_text(fraction: Any) -> str:
    """A fraction (0.03) shown as a percentage (3)."""
    if fraction is None or fraction == "":
        return ""
    try:
        return number_text(Decimal(str(fraction)) * 100)
    except InvalidOperation:
        return str(fraction)


def percent_value(text: str) -> str | None:
    """`3` or `3,5 %` (per cent) → `0.03` / `0.035`; text that is not a number is passed on unchanged."""
    cleaned = number_value(text.replace("%", ""))
    if cleaned is None:
        return None
    try:
        return format((Decimal(cleaned) / 100).normalize(), "f")
    except InvalidOperation:
        return text.strip()


def probability_value(text: str) -> str | None:
    """A probability as 0–1 (`0,25`) or as a percentage (`25%`)."""
    if "%" in text:
        return percent_value(text)
    return number_value(text)


def int_value(text: str) -> int | str | None:
    text = text.strip()
    if not text:
        return None
    return int(text) if re.fullmatch(r"\d{1,6}", text) else text


# -- problems -----------------------------------------------------------------------------------------


def problems_under(problems: Iterable[Problem], prefix: str) -> list[Problem]:
    """The problems whose path starts with `prefix` (e.g. `juridisch`), with that prefix removed."""
    result = []
    for problem in problems:
        if problem.path == prefix:
            result.append(Problem("", problem.reason))
        elif problem.path.startswith(prefix + "."):
            result.append(Problem(problem.path[len(prefix) + 1 :], problem.reason))
    return result


def show_at_fields(fields: dict[str, FormField], problems: Iterable[Problem]) -> list[Problem]:
    """Put each problem at its field (by the first part of its path); return those without a field."""
    rest = []
    for problem in problems:
        head = problem.path.split(".", 1)[0]
        if head in fields:
            fields[head].set_error(problem.reason)
        else:
            rest.append(problem)
    return rest
