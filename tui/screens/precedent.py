"""Precedenten: "hoe is dit elders opgelost?" — decided plans of other households, pseudonymised.

Opened from a plan action (Ctrl+E in the plan editor's step Acties) it is filtered on that action's kind
(domain/action_kinds.py), or, when its text names no kind, on its first legal basis. The list shows one line
per precedent; the panel beside it what was decided, on which basis, the rekensom per party and how it turned
out (tui/render/precedent.py, the same lines as `doorbraak precedent search`). Every search is logged.

Keys: `/` to the search words, `s` soort actie, `r` rechtsgrond, Enter in a field searches, ↑/↓ through the
list, Esc back. Printable keys in a field belong to the field.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from domain.action_kinds import action_kinds
from domain.catalogues import legal_bases
from domain.errors import InvalidInput
from domain.precedent import Precedent, PrecedentPage, PrecedentQuery
from storage.bootstrap import Services
from tui.render.precedent import header_line, precedent_lines
from tui.screens.base import DoorbraakScreen, today
from tui.widgets.quiet_footer import QuietFooter

ALL = "__alle__"


class PrecedentScreen(DoorbraakScreen[None]):
    CSS_PATH = "plan.tcss"
    AUTO_FOCUS = "#precedent-results"

    BINDINGS = [
        Binding("slash", "focus_words", "Zoeken", id="precedent.search", tooltip="Naar de zoekwoorden"),
        Binding("s", "focus_kind", "Soort actie", id="precedent.kind", tooltip="Filter op de soort actie"),
        Binding("r", "focus_basis", "Rechtsgrond", id="precedent.basis", tooltip="Filter op de rechtsgrond"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="precedent.refresh", show=False,
                tooltip="Zoek opnieuw"),
        Binding("escape", "back", "Terug", id="precedent.back", tooltip="Terug naar het plan"),
    ]

    def __init__(self, services: Services, *, kind: str | None = None, basis: str | None = None,
                 exclude_case: str | None = None, context: str = "") -> None:
        super().__init__(services)
        self.initial_kind = kind
        self.initial_basis = basis
        self.exclude_case = exclude_case
        self.context = context
        """What it was opened from (e.g. 'actie a1: Huurachterstand betalen'), shown above the list."""
        self.page: PrecedentPage | None = None
        self.sub_title = "Precedenten · hoe is dit elders opgelost?"

    def compose(self) -> ComposeResult:
        yield self.app_header()
        kinds = [(kind.naam, kind.code) for kind in action_kinds()]
        bases = [(f"{basis.title}", basis.id) for basis in legal_bases()]
        with Vertical(id="precedent-body"):
            yield Static(self._context_text(), id="precedent-context", markup=False)
            with Horizontal(id="precedent-filters"):
                yield Select([("Alle soorten acties", ALL), *kinds], value=self.initial_kind or ALL,
                             allow_blank=False, compact=True, id="precedent-kind")
                yield Select([("Alle rechtsgronden", ALL), *bases], value=self.initial_basis or ALL,
                             allow_blank=False, compact=True, id="precedent-basis")
                yield Input(placeholder="zoekwoorden (Enter zoekt)", id="precedent-words", compact=True,
                            select_on_focus=False, max_length=200)
            yield Static("", id="precedent-summary", markup=False)
            with Horizontal(id="precedent-main"):
                yield OptionList(id="precedent-results")
                with VerticalScroll(id="precedent-detail-scroll"):
                    yield Static("", id="precedent-detail", markup=False)
        yield QuietFooter()

    def _context_text(self) -> str:
        where = f"Vanuit {self.context.rstrip('.')}. " if self.context else ""
        return (where + "Besloten plannen uit de hele database; buiten uw gemeente zonder casusnummer, namen of "
                "adres (leeftijden in klassen). Uw zoekopdracht wordt vastgelegd in het logboek.")

    def on_mount(self) -> None:
        self.search()

    # -- searching ----------------------------------------------------------------------------------------
    def query_from_fields(self) -> PrecedentQuery:
        kind = self.query_one("#precedent-kind", Select).value
        basis = self.query_one("#precedent-basis", Select).value
        return PrecedentQuery(
            actiesoort=None if kind in (ALL, Select.NULL) else str(kind),
            rechtsgrond=None if basis in (ALL, Select.NULL) else str(basis),
            zoek=self.query_one("#precedent-words", Input).value,
            exclude_case=self.exclude_case,
        )

    def search(self) -> None:
        self.query_one("#precedent-main").loading = True
        self._search(self.query_from_fields())

    @work(thread=True, exclusive=True, group="precedent", exit_on_error=False)
    def _search(self, query: PrecedentQuery) -> None:
        try:
            page = self.services.precedents.search(query, today=today(self.services))
        except InvalidInput as exc:
            self.app.call_from_thread(self._refused, exc.problems[0].reason)
            return
        self.app.call_from_thread(self.show, page)

    def show(self, page: PrecedentPage) -> None:
        self.page = page
        self.query_one("#precedent-main").loading = False
        found = len(page.precedenten)
        criteria = "; ".join(page.criteria) or "alle besloten plannen"
        self.query_one("#precedent-summary", Static).update(
            f"{found} precedent{'en' if found != 1 else ''} · {criteria}"
            + ("" if found else " · probeer minder filters (s of r: 'Alle …')")
        )
        results = self.query_one("#precedent-results", OptionList)
        results.clear_options()
        results.add_options([Option(self._option(p), id=str(i)) for i, p in enumerate(page.precedenten)])
        if found:
            results.highlighted = 0
        self._show_detail()

    @staticmethod
    def _option(precedent: Precedent) -> Text:
        text = Text(header_line(precedent), style="bold")
        text.append(f"\n  {precedent.sta_in_de_weg_leefgebied}: {precedent.uitkomst.samenvatting}", style="")
        return text

    def _refused(self, reason: str) -> None:
        self.query_one("#precedent-main").loading = False
        self.query_one("#precedent-summary", Static).update(reason)

    def _show_detail(self) -> None:
        detail = self.query_one("#precedent-detail", Static)
        results = self.query_one("#precedent-results", OptionList)
        if self.page is None or not self.page.precedenten or results.highlighted is None:
            detail.update("Geen precedent gevonden met deze filters." if self.page is not None else "")
            return
        precedent = self.page.precedenten[min(results.highlighted, len(self.page.precedenten) - 1)]
        detail.update("\n".join(precedent_lines(precedent)))

    @property
    def shown(self) -> list[Precedent]:
        return list(self.page.precedenten) if self.page is not None else []

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "precedent" and event.state is WorkerState.ERROR:
            self.query_one("#precedent-main").loading = False

    # -- events and actions -------------------------------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#precedent-results")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        if self.is_mounted:
            self.search()

    @on(Input.Submitted, "#precedent-words")
    def _submitted(self) -> None:
        self.query_one("#precedent-results", OptionList).focus()
        self.search()

    def action_focus_words(self) -> None:
        self.query_one("#precedent-words", Input).focus()

    def action_focus_kind(self) -> None:
        self.query_one("#precedent-kind", Select).focus()

    def action_focus_basis(self) -> None:
        self.query_one("#precedent-basis", Select).focus()

    def action_refresh(self) -> None:
        self.search()

    def action_back(self) -> None:
        if isinstance(self.focused, Input | Select):
            self.query_one("#precedent-results", OptionList).focus()
            return
        self.leave()
