"""Export the plan as a document to sign (PDF or Markdown), in a worker with a progress bar.

The document is the one `doorbraak plan export` writes (tui/render/plan.py); the export is loaded
through the `export_plan` service, so it is audited as an export. The default file name carries no personal
data (case number and version only) and goes into the user's documents folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from platformdirs import user_documents_dir
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState

from domain.services import plans as service
from storage.bootstrap import Services
from tui.render.beschikking import export_beschikking_file
from tui.render.plan import Edition, ExportFormat, default_file_name, export_plan_file
from tui.screens.base import CaseReasons, today
from tui.widgets.form_field import FormField

FORMAT_LABELS = {ExportFormat.PDF: "PDF (om te ondertekenen)", ExportFormat.MD: "Markdown (tekst)"}
PLAN, BESCHIKKING = "plan", "beschikking"
DOCUMENT_LABELS = {PLAN: "Maatwerkplan", BESCHIKKING: "Beschikking (besluit met bezwaarclausule)"}
EDITION_LABELS = {
    Edition.PROFESSIONAL: "Professional (volledig plan)",
    Edition.BEWONER: "Bewoner (eenvoudige taal, B1)",
}


def default_directory() -> Path:
    """The user's documents folder if it exists, else the folder the app was started in."""
    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.cwd()


class PlanExportDialog(CaseReasons, ModalScreen[Path | None]):
    """Dismisses with the written path, or None."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("ctrl+s", "export", "Exporteren", id="plan_export.ok", priority=True, tooltip="Schrijf het bestand"),
        Binding("escape", "cancel", "Annuleren", id="plan_export.cancel"),
    ]

    def __init__(self, services: Services, case_number: str, overview: service.PlanOverview,
                 directory: Path | None = None, edition: Edition = Edition.PROFESSIONAL) -> None:
        super().__init__()
        self.initial_edition = edition
        self.services = services
        self.case_number = case_number
        self.overview = overview
        self.directory = directory or default_directory()
        self.running = False
        self.confirm_overwrite: Path | None = None

    def _default_path(self, fmt: ExportFormat, edition: Edition | None = None, document: str = PLAN) -> str:
        if document == BESCHIKKING:
            return str(self.directory / beschikking_file_name(self.overview, fmt))
        return str(self.directory / default_file_name(self.overview, fmt, edition or self.edition))

    @property
    def document(self) -> str:
        """The plan itself, or (for a decided version) its beschikking."""
        found = self.query("#export-document")
        return str(found.first(Select).value) if found else PLAN

    def compose(self) -> ComposeResult:
        plan = self.overview.plan
        with Vertical(classes="dialog export-dialog", id="export-dialog") as dialog:
            dialog.border_title = f"Versie {plan.plan_version} exporteren ({plan.status.label.lower()})"
            if plan.decision is not None:
                yield FormField("Document", Select([(label, key) for key, label in DOCUMENT_LABELS.items()],
                                                   value=PLAN, allow_blank=False, compact=True,
                                                   id="export-document"), name="document")
            yield FormField("Voor wie", Select([(label, e.value) for e, label in EDITION_LABELS.items()],
                                               value=self.initial_edition.value, allow_blank=False, compact=True,
                                               id="export-edition"), name="edition")
            yield FormField("Formaat", Select([(label, fmt.value) for fmt, label in FORMAT_LABELS.items()],
                                              value=ExportFormat.PDF.value, allow_blank=False, compact=True,
                                              id="export-format"), name="format")
            yield FormField("Bestand", Input(self._default_path(ExportFormat.PDF, self.initial_edition), compact=True,
                                             select_on_focus=False, id="export-path"), name="path")
            yield Static("", id="export-message", markup=False)
            yield ProgressBar(total=100, show_eta=False, id="export-progress")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Annuleren (Esc)", id="export-cancel", compact=True)
                yield Button("Exporteren (Ctrl+S)", id="export-ok", variant="primary", compact=True)
            yield Label("Het document bevat geen BSN. Bewaar het alleen waar het mag.", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#export-progress", ProgressBar).display = False
        self.query_one("#export-path", Input).focus()

    @property
    def fmt(self) -> ExportFormat:
        return ExportFormat(str(self.query_one("#export-format", Select).value))

    @property
    def edition(self) -> Edition:
        return Edition(str(self.query_one("#export-edition", Select).value))

    @property
    def path(self) -> Path:
        return Path(self.query_one("#export-path", Input).value.strip()).expanduser()

    @on(Select.Changed)
    def _format_changed(self) -> None:
        path_input = self.query_one("#export-path", Input)
        # Follow the format and edition in the file name, unless the user typed a name of their own.
        defaults = {self._default_path(fmt, edition, document) for fmt in ExportFormat for edition in Edition
                    for document in DOCUMENT_LABELS}
        if path_input.value in defaults:
            path_input.value = self._default_path(self.fmt, self.edition, self.document)
        self.confirm_overwrite = None

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self.confirm_overwrite = None
        self.query_one("#export-message", Static).update("")

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        if self.running:
            return
        message = self.query_one("#export-message", Static)
        path = self.path
        if not str(path) or path.name in ("", "."):
            message.update("✗ Geef een bestandsnaam.")
            return
        if path.is_dir():
            path = path / Path(self._default_path(self.fmt, self.edition, self.document)).name
            self.query_one("#export-path", Input).value = str(path)
        if path.exists() and self.confirm_overwrite != path:
            self.confirm_overwrite = path
            message.update(f"Het bestand {path.name} bestaat al. Ctrl+S nog eens overschrijft het.")
            return
        self.running = True
        message.update("Bezig met exporteren…")
        progress = self.query_one("#export-progress", ProgressBar)
        progress.display = True
        progress.update(progress=0, total=100)
        self._export(path, self.fmt, self.edition, self.document)

    @work(thread=True, exclusive=True, group="plan-export", exit_on_error=False)
    def _export(self, path: Path, fmt: ExportFormat, edition: Edition, document: str = PLAN) -> None:
        if document == BESCHIKKING:
            data = self.services.plans.beschikking(self.case_number, plan_version=self.overview.plan.plan_version,
                                                   purpose=self.case_reason(self.case_number))
            try:
                written = export_beschikking_file(data, path, fmt, generated_on=today(self.services),
                                                  overwrite=self.confirm_overwrite == path)
            finally:
                self.app.call_from_thread(setattr, self, "running", False)
            self.app.call_from_thread(self._done, written)
            return
        overview = self.services.plans.export_plan(self.case_number, plan_version=self.overview.plan.plan_version,
                                                   purpose=self.case_reason(self.case_number))
        progress = self.query_one("#export-progress", ProgressBar)

        def step(done: int, total: int) -> None:
            self.app.call_from_thread(progress.update, progress=done, total=max(total, 1))

        try:
            written = export_plan_file(overview, path, fmt, generated_on=today(self.services), progress=step,
                                       overwrite=self.confirm_overwrite == path, edition=edition)
        finally:
            self.app.call_from_thread(setattr, self, "running", False)
        self.app.call_from_thread(self._done, written)

    def _done(self, path: Path) -> None:
        self.app.notify(f"Geschreven: {path}", title="Plan geëxporteerd", markup=False, timeout=12)
        self.dismiss(path)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Worker messages do not bubble: hand a failure to the app's one error handler.
        if event.state is WorkerState.ERROR:
            self.running = False
            self.query_one("#export-message", Static).update("✗ Niet geëxporteerd (zie de melding).")
            self.query_one("#export-progress", ProgressBar).display = False
            if event.worker.error is not None:
                from tui.app import DoorbraakApp

                cast(DoorbraakApp, self.app).report_error(event.worker.error)

    @on(Button.Pressed, "#export-ok")
    def _ok(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        if not self.running:
            self.dismiss(None)


def beschikking_file_name(overview: service.PlanOverview, fmt: ExportFormat) -> str:
    """Like the beschikking's own default name (case number and version only)."""
    return f"beschikking-{overview.household.case_number}-v{overview.plan.plan_version}.{fmt.value}"
