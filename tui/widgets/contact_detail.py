"""Everything of one register contact: how to reach them, what they can decide, for whom, and how fresh it is.

A fixed set of label/value widgets is updated in place (moving the cursor through the list must not mount
and unmount widgets). In a wide pane the short fields stand two by two; in 80 columns one below the other.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from domain.household import ORGANISATION_TYPE_LABELS
from domain.register import RegisterContact
from tui.render.format import format_date

WIDE = 100
"""From this width the pane shows the short fields in two columns."""

SHORT_FIELDS: tuple[tuple[str, str], ...] = (
    # Two by two in a wide pane, one below the other in 80 columns.
    ("phone", "Telefoon"),
    ("urgent", "Spoedlijn"),
    ("email", "E-mail"),
    ("availability", "Bereikbaar"),
    ("mandate", "Mandaat"),
    ("kind", "Soort"),
)
LONG_FIELDS: tuple[tuple[str, str], ...] = (
    ("verified", "Geverifieerd"),
    ("themes", "Thema's"),
    ("laws", "Wetten"),
    ("region", "Regio"),
    ("notes", "Toelichting"),
    ("external_id", "Externe id"),
)


def verification_text(contact: RegisterContact, today: date) -> tuple[str, bool]:
    """('niet geverifieerd (laatst 01-03-2024)', True) or ('12-06-2026', False)."""
    if contact.last_verified is None:
        return "niet geverifieerd (nooit gecontroleerd)", True
    if contact.is_unverified(today):
        return f"niet geverifieerd (laatst {format_date(contact.last_verified)})", True
    return format_date(contact.last_verified), False


def field_values(contact: RegisterContact, today: date) -> dict[str, str]:
    """The text of every field of the pane (also used by tests and the picker)."""
    kind = ORGANISATION_TYPE_LABELS[contact.organisation_type]
    return {
        "phone": contact.display_phone or "—",
        "urgent": contact.display_urgent_phone or "—",
        "email": contact.email or "—",
        "availability": contact.availability or "—",
        "mandate": contact.mandate.label,
        "verified": verification_text(contact, today)[0],
        "themes": ", ".join(contact.theme_labels) or "—",
        "laws": ", ".join(contact.legal_frameworks) or "—",
        "region": contact.region_label,
        "kind": kind,
        "notes": contact.notes,
        "external_id": contact.external_id,
    }


class ContactDetail(VerticalScroll):
    """The detail pane; `show(contact, today)` fills it, `show(None, ...)` says there is nothing selected."""

    can_focus = True

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.contact: RegisterContact | None = None
        self.today = date.today()
        self.can_verify = False
        self.empty = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="detail-title", markup=False)
        yield Static("", id="detail-subtitle", markup=False)
        # Two grids: a cell spanning columns of an auto-height grid is measured as one column wide.
        for grid, fields in (("detail-grid", SHORT_FIELDS), ("detail-long", LONG_FIELDS)):
            with Grid(id=grid, classes="detail-grid"):
                for key, label in fields:
                    yield Static(label, classes="detail-label", id=f"label-{key}", markup=False)
                    yield Static("", classes="detail-value", id=f"value-{key}", markup=False)
        yield Static("", id="detail-empty", markup=False)

    @property
    def wide(self) -> bool:
        return self.size.width >= WIDE

    def on_resize(self) -> None:
        if self.wide != self.has_class("-wide"):
            self.set_class(self.wide, "-wide")
            self.show(self.contact, self.today, empty=self.empty, can_verify=self.can_verify)

    def show(self, contact: RegisterContact | None, today: date, *, empty: str = "", can_verify: bool = False) -> None:
        """Fill the pane. `can_verify`: the user may mark the contact verified (a hint names the key)."""
        self.contact = contact
        self.today = today
        self.can_verify = can_verify
        self.empty = empty
        self.set_class(contact is None, "-empty")
        self.query_one("#detail-empty", Static).update(empty)
        if contact is None:
            return
        self.query_one("#detail-title", Static).update(" – ".join(p for p in (contact.organisation, contact.team) if p))
        self.query_one("#detail-subtitle", Static).update(
            " · ".join(p for p in (contact.role, contact.person) if p) or "Centraal aanspreekpunt (geen persoon)"
        )
        values = field_values(contact, today)
        unverified = verification_text(contact, today)[1]
        if can_verify and unverified:
            values["verified"] += " · v: vandaag geverifieerd"
        wide = self.wide
        if not wide and contact.urgent_phone:
            # In 80 columns the urgent line shares the phone's row: one line less to scroll.
            values["phone"] = f"{values['phone']} · spoed {values['urgent']}"
        for key, value in values.items():
            self.query_one(f"#value-{key}", Static).update(value)
        self.query_one("#value-verified", Static).set_class(unverified, "-warning")
        for part in ("label", "value"):
            self.query_one(f"#{part}-notes", Static).display = bool(contact.notes)
            self.query_one(f"#{part}-urgent", Static).display = wide
        self.scroll_home(animate=False)
