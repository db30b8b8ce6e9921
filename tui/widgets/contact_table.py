"""The register's results list: one row per contact, columns sized to the terminal, pages appended at the end.

Like the case table it never holds more than the pages the screen fetched; it tells the screen (`NearEnd`)
when the cursor comes close to the last loaded row, and (`ContactHighlighted`) which contact the detail pane
should show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from domain.register import RegisterContact
from tui.render.format import format_date

PREFETCH_ROWS = 10
WIDE = 110
"""From this width the verification column shows the date and the words 'niet geverifieerd'."""

NOT_VERIFIED = "niet geverifieerd"


def _cell(value: str, style: Style | str = "") -> Text:
    # Text, not a markup string: a team called "Schulden [oud]" shows as typed.
    return Text(" " + value, style=style, no_wrap=True, overflow="ellipsis")


def region_short(contact: RegisterContact) -> str:
    """The region for one cell: `Landelijk`, `Amsterdam`, or `Utrecht +2` when several are served."""
    if contact.landelijk:
        return "Landelijk"
    names = contact.region_label.split(", ")
    if len(names) == 1:
        return names[0]
    return f"{names[0]} +{len(names) - 1}"


class ContactTable(DataTable[Text]):
    """A row-cursor table of `RegisterContact`s keyed by contact id."""

    @dataclass
    class NearEnd(Message):
        table: ContactTable

    @dataclass
    class ContactHighlighted(Message):
        """The cursor is on this contact (None: the list is empty)."""

        table: ContactTable
        contact: RegisterContact | None

    BINDINGS = [
        Binding("enter", "select_cursor", "Details", id="register.details",
                tooltip="Toon alle gegevens van het contact op het hele scherm (Esc: terug)"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, id=id)
        self._contacts: list[RegisterContact] = []
        self.today = date.today()
        self._layout_width = 0
        self._rebuilding = False
        self.warning_style: Style | str = "bold"

    def on_mount(self) -> None:
        # The theme's warning colour (a Rich cell cannot refer to $text-warning itself).
        colour = self.app.get_css_variables().get("text-warning")
        self.warning_style = Style(color=colour, bold=True) if colour else "bold"

    # -- content -----------------------------------------------------------------------------------
    @property
    def contacts(self) -> list[RegisterContact]:
        return self._contacts

    @property
    def current(self) -> RegisterContact | None:
        if not self._contacts or self.cursor_row >= len(self._contacts):
            return None
        return self._contacts[self.cursor_row]

    def replace_contacts(self, contacts: list[RegisterContact], today: date, *, keep_id: int | None = None) -> None:
        self.today = today
        self._contacts = list(contacts)
        self._rebuild(keep_id=keep_id)
        self._announce()

    def append_contacts(self, contacts: list[RegisterContact]) -> None:
        known = {c.id for c in self._contacts}
        fresh = [c for c in contacts if c.id not in known]
        self._contacts.extend(fresh)
        for contact in fresh:
            self.add_row(*self._cells(contact), key=str(contact.id))

    def update_contact(self, contact: RegisterContact) -> None:
        """Show a changed contact in its row (after 'geverifieerd')."""
        for index, shown in enumerate(self._contacts):
            if shown.id == contact.id:
                self._contacts[index] = contact
                for column, cell in zip(self.columns, self._cells(contact), strict=True):
                    self.update_cell(str(contact.id), column, cell)
                if index == self.cursor_row:
                    self._announce()
                return

    # -- rendering ---------------------------------------------------------------------------------
    @property
    def wide(self) -> bool:
        return self.size.width - 1 >= WIDE

    def _widths(self) -> list[int]:
        available = max(self.size.width - 1, 60)  # one column for the scrollbar
        verified = 18 if self.wide else 9
        rest = available - verified - 5  # one leading space per column
        shares = (0.27, 0.33, 0.2, 0.2)
        widths = [max(8, int(rest * share)) for share in shares]
        widths[1] += max(0, rest - sum(widths))
        return [w + 1 for w in (*widths, verified)]

    def _titles(self) -> list[str]:
        return ["Organisatie", "Team / functie", "Persoon", "Regio", "Geverifieerd" if self.wide else "Geverif."]

    def _cells(self, contact: RegisterContact) -> list[Text]:
        # In 80 columns the team alone (the role is in the detail pane); wide: team and role.
        team = " · ".join(part for part in (contact.team, contact.role) if part) if self.wide else (
            contact.team or contact.role
        )
        if contact.is_unverified(self.today):
            flag = _cell(NOT_VERIFIED if self.wide else "nee", self.warning_style)
        else:
            flag = _cell(format_date(contact.last_verified) if self.wide else "ja")
        return [
            _cell(contact.organisation),
            _cell(team or "—"),
            _cell(contact.person or "—"),
            _cell(region_short(contact)),
            flag,
        ]

    def _rebuild(self, *, keep_id: int | None = None) -> None:
        self._layout_width = self.size.width
        self._rebuilding = True
        try:
            self.clear(columns=True)
            for index, (title, width) in enumerate(zip(self._titles(), self._widths(), strict=True)):
                self.add_column(Text(" " + title, no_wrap=True, overflow="ellipsis"), width=width, key=str(index))
            for contact in self._contacts:
                self.add_row(*self._cells(contact), key=str(contact.id))
            if keep_id is not None:
                for index, contact in enumerate(self._contacts):
                    if contact.id == keep_id:
                        self.move_cursor(row=index, animate=False)
                        break
        finally:
            self._rebuilding = False

    def on_resize(self) -> None:
        if self.size.width != self._layout_width and self.columns:
            current = self.current
            self._rebuild(keep_id=current.id if current else None)

    # -- signals -----------------------------------------------------------------------------------
    def _announce(self) -> None:
        self.post_message(self.ContactHighlighted(self, self.current))

    def _settled(self) -> bool:
        return not self._rebuilding and self.row_count > 0 and self.row_count == len(self._contacts)

    def watch_cursor_coordinate(self, old: object, new: object) -> None:
        super().watch_cursor_coordinate(old, new)  # type: ignore[arg-type]
        if self._rebuilding:
            return
        self._announce()
        if self._settled() and self.cursor_row >= self.row_count - PREFETCH_ROWS:
            self.post_message(self.NearEnd(self))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._settled() and new_value > old_value and new_value >= self.max_scroll_y - 2:
            self.post_message(self.NearEnd(self))
