"""One household: summary, members with their own ZRM (per adult person) and the checklist at 18, problems per
leefgebied (of the household or of one member), involved organisations. z scores a person's ZRM, c opens the
big-5 checklist of a member around 18 (docs/people.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, Static
from textual.worker import Worker, WorkerState

from domain import reference
from domain.access import Permission, has
from domain.household import MEMBER_ROLE_LABELS, ORGANISATION_TYPE_LABELS, Household, HouseholdStatus
from domain.people import ChecklistItem
from domain.services.households import ChangeHouseholdStatus
from domain.services.people import People
from domain.validation import age_on, mask_bsn
from storage.bootstrap import Services
from tui.render.format import format_date, format_datetime, format_money
from tui.screens.base import DoorbraakScreen, today
from tui.widgets.quiet_footer import QuietFooter


def _t(value: str) -> Text:
    """User text as Text, so a `[` is shown as typed and never read as markup."""
    return Text(value)


def _table(*columns: str, right: tuple[str, ...] = ()) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column, justify="right" if column in right else "left")
    return table


LABEL_WIDTH = 12


def summary_table(household: Household) -> RenderableType:
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True, min_width=LABEL_WIDTH)
    grid.add_column(ratio=1)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    updated = format_datetime(household.updated_at) if household.updated_at else "—"
    grid.add_row("Casusnummer", _t(household.case_number or ""), "Status", _t(household.status.label))
    grid.add_row("Huishouden", _t(household.name), "Professional", _t(household.professional or "—"))
    grid.add_row(
        "Gemeente", _t(f"{household.municipality_name} ({household.municipality_code})"), "Gewijzigd", _t(updated)
    )
    # The address gets the full width, so it does not wrap in 80 columns.
    address = household.address
    street = " ".join(p for p in (address.street, address.house_number) if p)
    place = " ".join(p for p in (address.postcode, address.city) if p)
    line = Table.grid(expand=True, padding=(0, 1))
    line.add_column(style="bold", no_wrap=True, min_width=LABEL_WIDTH)
    line.add_column(ratio=1)
    line.add_row("Adres", _t(", ".join(p for p in (street, place) if p) or "—"))
    return Group(grid, line)


def members_table(household: Household, day: date) -> RenderableType:
    if not household.members:
        return Text("Geen leden vastgelegd. Druk op e om ze toe te voegen.", style="italic")
    table = _table("Naam", "Rol", "Geboren", "Leeftijd", "BSN", right=("Leeftijd",))
    for member in household.members:
        table.add_row(
            _t(member.name),
            _t(MEMBER_ROLE_LABELS[member.role]),
            _t(format_date(member.date_of_birth)),
            _t(str(age_on(member.date_of_birth, day))),
            _t(mask_bsn(member.bsn) or "—"),
        )
    return table


def people_table(household: Household, people: People | None) -> RenderableType:
    """Per member: their newest ZRM score per leefgebied (adults) or the checklist at 18 (around the birthday)."""
    if people is None or not household.members:
        return Text("")
    names = reference.leefgebieden()
    parts: list[RenderableType] = []
    for person in people.persons:
        if not person.adult and person.checklist is None:
            continue  # the ZRM scores adults; a child shows up here only around the 18th birthday
        head = Text(f"{person.member.name} ({person.age})", style="bold")
        if person.adult and person.latest:
            newest = max(s.scored_on for s in person.latest.values())
            head.append(f" · ZRM, laatst {format_date(newest)}")
        parts.append(head)
        if person.adult:
            if person.latest:
                line = " · ".join(f"{names.get(code, code)} {s.score}" for code, s in person.latest.items())
                parts.append(Padding(_t(line), (0, 0, 0, 2)))
            else:
                parts.append(Padding(Text("Nog geen ZRM-score; z scoort.", style="italic"), (0, 0, 0, 2)))
        if person.checklist is not None:
            open_count = len(person.checklist_open)
            parts.append(Padding(Text(
                f"Checklist 18 jaar (18 op {format_date(person.checklist.birthday)}): {open_count} van "
                f"{len(ChecklistItem)} punten open; c opent de checklist.",
                style="bold" if open_count else ""), (0, 0, 0, 2)))
    return Group(*parts)


def zrm_bar(score: int) -> str:
    return "■" * score + "□" * (5 - score)


def _item_rows(*columns: tuple[int | None, str]) -> Table:
    """A borderless grid whose first column takes the remaining width; (width, justify) per column."""
    grid = Table.grid(expand=True, padding=(0, 1))
    for index, (width, justify) in enumerate(columns):
        grid.add_column(
            ratio=1 if index == 0 else None,
            width=width,
            no_wrap=index != 0,
            justify="right" if justify == "right" else "left",
        )
    return grid


def problems_table(household: Household) -> RenderableType:
    """One line per leefgebied (name, ZRM score with label, since), its description indented under it."""
    if not household.problems:
        return Text("Nog geen problemen per leefgebied vastgelegd.", style="italic")
    scores = reference.zrm_scores()
    order = list(reference.leefgebieden())
    score_width = 6 + max(len(f"{score} {label}") for score, label in scores.items())
    parts: list[RenderableType] = []
    for problem in sorted(household.problems, key=lambda p: order.index(p.leefgebied)):
        score = Text(zrm_bar(problem.score) + " ", style="bold")
        score.append(f"{problem.score} {scores[problem.score]}", style="bold" if problem.score <= 2 else "")
        since = f"sinds {format_date(problem.since)}" if problem.since else ""
        line = _item_rows((None, "left"), (score_width, "left"), (16, "right"))
        title = Text(problem.leefgebied_label, style="bold")
        owner = next((m.name for m in household.members if m.id == problem.member_id), None)
        if owner is not None:
            title.append(f" · {owner}", style="")
        line.add_row(title, score, _t(since))
        parts.append(line)
        if problem.description:
            parts.append(Padding(_t(problem.description), (0, 0, 0, 2)))
    return Group(*parts)


def organisations_table(household: Household) -> RenderableType:
    """One line per organisation (name, legal framework, yearly cost), its type and product under it."""
    if not household.organisations:
        return Text("Nog geen betrokken organisaties vastgelegd.", style="italic")
    total = sum((o.yearly_cost for o in household.organisations), Decimal("0"))
    money_width = max(len(format_money(total)), 12)
    law_width = max(len(o.legal_framework.value) for o in household.organisations)
    parts: list[RenderableType] = []
    columns = ((None, "left"), (law_width, "left"), (money_width, "right"))
    for organisation in household.organisations:
        line = _item_rows(*columns)
        line.add_row(
            Text(organisation.name, style="bold"),
            _t(organisation.legal_framework.value),
            _t(format_money(organisation.yearly_cost)),
        )
        kind = ORGANISATION_TYPE_LABELS[organisation.type]
        parts.append(line)
        parts.append(Padding(_t(f"{kind} · {organisation.product}" if organisation.product else kind), (0, 0, 0, 2)))
    total_line = _item_rows(*columns)
    total_line.add_row(Text("Totaal per jaar", style="bold"), "", Text(format_money(total), style="bold"))
    parts.append(total_line)
    return Group(*parts)


class HouseholdDetailScreen(DoorbraakScreen[None]):
    """Everything known about one household, read-only; e edits, s changes the status."""

    BINDINGS = [
        Binding("e", "edit", "Bewerken", id="detail.edit", tooltip="Gegevens, leden, problemen en organisaties"),
        Binding("s", "change_status", "Status wijzigen", id="detail.status", tooltip="Naar een volgende status"),
        Binding("p", "plan", "Maatwerkplan", id="detail.plan",
                tooltip="Het maatwerkplan: overzicht, bewerken, vaststellen, exporteren"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="detail.refresh", show=False,
                tooltip="Haal de casus opnieuw op"),
        Binding("o", "overbruggingen", "Overbruggingen", id="detail.overbruggingen", show=False,
                tooltip="Overbruggingen van dit huishouden bekijken of aanvragen"),
        Binding("x", "escalation", "Escaleren", id="detail.escalation", show=False,
                tooltip="De open escalatie van dit huishouden, of een nieuwe starten"),
        Binding("escape,backspace", "back", "Terug", id="detail.back", tooltip="Terug naar de casuslijst"),
        Binding("a", "audit", "Auditlog", id="detail.audit", show=False,
                tooltip="Wie zag of wijzigde deze casus, wanneer en waarom"),
        Binding("z", "score_zrm", "ZRM scoren", id="detail.zrm",
                tooltip="De ZRM van één volwassen gezinslid scoren (per persoon, met datum)"),
        Binding("c", "checklist", "Checklist 18", id="detail.checklist", show=False,
                tooltip="De big-5-checklist van een gezinslid rond de 18e verjaardag"),
    ]

    def __init__(self, services: Services, case_number: str) -> None:
        super().__init__(services)
        self.case_number = case_number
        self.household: Household | None = None
        self.people: People | None = None
        self.sub_title = f"Casus {case_number}"

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with VerticalScroll(id="detail-body"):
            yield Static(id="summary")
            yield Label("Leden", classes="section-label", id="members-title")
            yield Static(id="members")
            yield Label("Problemen per leefgebied (ZRM)", classes="section-label", id="problems-title")
            yield Static(id="problems")
            yield Label("Betrokken organisaties", classes="section-label", id="organisations-title")
            yield Static(id="organisations")
            yield Label("ZRM per persoon en checklist 18 jaar", classes="section-label", id="people-title")
            yield Static(id="people")
        yield QuietFooter()

    def on_mount(self) -> None:
        body = self.query_one("#detail-body", VerticalScroll)
        body.loading = True
        body.focus()
        self.load()

    # -- loading and showing ---------------------------------------------------------------------
    def load(self) -> None:
        """Outside the caseload the service asks why (the answer is logged); declining goes back."""
        self.run_for_case(
            lambda purpose: (self.services.households.get(self.case_number, purpose=purpose),
                             self.services.people.of(self.case_number, today=today(self.services), purpose=purpose)),
            self._show_loaded, group="household", case_number=self.case_number, cancelled=self.close_unopened,
        )

    def _show_loaded(self, loaded: tuple[Household, People]) -> None:
        self.people = loaded[1]
        self.show_household(loaded[0])

    def load_people(self) -> None:
        self.run_for_case(
            lambda purpose: self.services.people.of(self.case_number, today=today(self.services), purpose=purpose),
            self._show_people, group="household-people", case_number=self.case_number,
        )

    def _show_people(self, people: People) -> None:
        self.people = people
        if self.household is not None:
            self.show_household(self.household)

    def show_household(self, household: Household) -> None:
        if self.people is not None and {p.member.id for p in self.people.persons} != {
                m.id for m in household.members}:
            self.load_people()  # members changed: their ZRM and checklists follow
        self.household = household
        self.query_one("#detail-body", VerticalScroll).loading = False
        self.sub_title = f"Casus {household.case_number} · {household.name}"
        self.query_one("#summary", Static).update(summary_table(household))
        self.query_one("#members-title", Label).update(f"Leden ({len(household.members)})")
        self.query_one("#members", Static).update(members_table(household, today(self.services)))
        self.query_one("#people", Static).update(people_table(household, self.people))
        self.query_one("#problems-title", Label).update(f"Problemen per leefgebied (ZRM) ({len(household.problems)})")
        self.query_one("#problems", Static).update(problems_table(household))
        self.query_one("#organisations-title", Label).update(
            f"Betrokken organisaties ({len(household.organisations)})"
        )
        self.query_one("#organisations", Static).update(organisations_table(household))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The app reports the error (see DoorbraakScreen); here only this screen's own state is repaired.
        if event.worker.group == "household-status" and event.state is WorkerState.ERROR:
            self.load()  # someone else changed the case: show what is true now
        if event.worker.group == "household" and event.state is WorkerState.ERROR:
            self.query_one("#detail-body", VerticalScroll).loading = False
            if self.household is None:
                self.query_one("#summary", Static).update(
                    Text("Deze casus kon niet worden geladen. F5 probeert het opnieuw, Esc gaat terug.")
                )

    # -- actions ---------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss(None)

    def action_refresh(self) -> None:
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "audit":
            return has(self.services.actor, Permission.VIEW_AUDIT)  # hidden for roles the service refuses
        return True

    def _adults(self) -> list[tuple[str, str]]:
        return [(p.member.name, str(p.member.id)) for p in (self.people.persons if self.people else []) if p.adult]

    def _turning_18(self) -> list[tuple[str, str]]:
        return [(p.member.name, str(p.member.id)) for p in (self.people.persons if self.people else [])
                if p.checklist is not None]

    def _pick(self, title: str, choices: list[tuple[str, str]], none: str, then: Callable[[int], None]) -> None:
        if not choices:
            self.notify(none, markup=False)
            return
        if len(choices) == 1:
            then(int(choices[0][1]))
            return
        from tui.screens.choice_dialog import ChoiceDialog

        def chosen(value: str | None) -> None:
            if value:
                then(int(value))

        self.app.push_screen(ChoiceDialog(title, "Kies een gezinslid", choices), chosen)

    def action_score_zrm(self) -> None:
        def open_dialog(member_id: int) -> None:
            from tui.screens.zrm_dialog import ZrmDialog

            assert self.people is not None
            person = self.people.person(member_id)

            def saved(done: bool | None) -> None:
                if done:
                    self.load_people()

            self.app.push_screen(ZrmDialog(self.services, self.case_number, person, today(self.services)), saved)

        self._pick("ZRM scoren voor", self._adults(), "Dit huishouden heeft geen volwassen gezinslid om te scoren.",
                   open_dialog)

    def action_checklist(self) -> None:
        def open_dialog(member_id: int) -> None:
            from tui.screens.checklist_dialog import ChecklistDialog

            def closed(changed: bool | None) -> None:
                if changed:
                    self.load_people()

            self.app.push_screen(ChecklistDialog(self.services, self.case_number, member_id), closed)

        self._pick("Checklist 18 jaar van", self._turning_18(),
                   "Geen gezinslid rond de 18e verjaardag (de checklist loopt van 6 maanden ervoor tot 6 erna).",
                   open_dialog)

    def action_audit(self) -> None:
        from tui.screens.case_audit import CaseAuditScreen

        self.app.push_screen(CaseAuditScreen(self.services, self.case_number))

    def action_edit(self) -> None:
        if self.household is None:
            return
        from tui.screens.household_form import HouseholdFormScreen

        def edited(saved: Household | None) -> None:
            if saved is not None:
                self.show_household(saved)

        self.app.push_screen(HouseholdFormScreen(self.services, self.household), edited)

    def action_plan(self) -> None:
        from tui.screens.plan_overview import PlanOverviewScreen

        self.app.push_screen(PlanOverviewScreen(self.services, self.case_number))

    def action_change_status(self) -> None:
        household = self.household
        if household is None:
            return
        from tui.screens.status_dialog import StatusDialog

        def chosen(new_status: HouseholdStatus | None) -> None:
            if new_status is not None and new_status is not household.status:
                self.save_status(household.version, new_status)

        self.app.push_screen(StatusDialog(household.status), chosen)

    def action_overbruggingen(self) -> None:
        from tui.screens.overbrugging_list import OverbruggingListScreen

        self.app.push_screen(OverbruggingListScreen(self.services, self.case_number))

    def action_escalation(self) -> None:
        from tui.screens.household_escalation import open_or_start_escalation

        open_or_start_escalation(self, self.case_number)

    def save_status(self, expected_version: int, new_status: HouseholdStatus) -> None:
        self.run_for_case(
            lambda purpose: self.services.households.change_status(
                ChangeHouseholdStatus(self.case_number, new_status, expected_version, purpose=purpose)
            ),
            self._status_saved, group="household-status", case_number=self.case_number,
        )

    def _status_saved(self, household: Household) -> None:
        self.show_household(household)
        self.notify(f"Status van {household.case_number} is nu '{household.status.label}'.", title="Opgeslagen",
                    markup=False)
