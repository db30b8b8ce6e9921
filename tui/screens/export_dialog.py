"""Export the pseudonymised escalation dossier as PDF or JSON, in a worker with progress; the path is notified.

Uses the existing export (`export_dossier` service → `tui.render.dossier.render` → `services.exports.write_file`):
the service refuses without valid consent or with an identifier in the text, and records the export in the
audit trail. The file name holds only the dossier reference (`default_filename`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import platformdirs
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static

from domain.access import ReasonRequired
from domain.errors import InvalidInput, Problem
from storage.bootstrap import Services
from tui.render.dossier import DossierFormat, default_filename, render
from tui.screens.base import today
from tui.screens.form_base import FormDialog
from tui.widgets.form_values import FormValues
from tui.widgets.item_editors import choice, text_input

STEPS = ("Dossier samenstellen en controleren…", "Opmaken…", "Wegschrijven…", "Klaar.")


def default_directory() -> Path:
    """The user's documents folder when there is one, else the home folder."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


class ExportDialog(FormDialog[Path]):
    """Dismisses with the path of the written file."""

    aliases = {"map": "directory"}

    def __init__(self, services: Services, escalation_id: int, *, directory: Path | None = None,
                 case_number: str | None = None) -> None:
        super().__init__(services)
        self.escalation_id = escalation_id
        self.case_number = case_number
        """Known when opened from the escalation: its reason (outside the caseload) is passed on."""
        self.directory = directory or default_directory()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog casework-dialog", id="export-dialog") as dialog:
            dialog.border_title = f"Dossier exporteren · ESC-{self.escalation_id}"
            yield Label("Alleen het gepseudonimiseerde dossier; de bestandsnaam bevat alleen het kenmerk.",
                        markup=False, classes="dialog-text")
            yield Static("", classes="form-error", markup=False)
            yield self.field("Formaat", choice([("PDF", DossierFormat.PDF.value), ("JSON", DossierFormat.JSON.value)],
                                               DossierFormat.PDF.value), path="format")
            yield self.field("Map", text_input(str(self.directory), max_length=1000), path="directory",
                             required=True)
            yield ProgressBar(total=len(STEPS) - 1, show_eta=False, id="export-progress")
            yield Static("", id="export-step", classes="progress-text", markup=False)
            yield Label("Ctrl+S of Enter in het laatste veld exporteert · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fields["format"].control.focus()

    def draft(self) -> FormValues:
        return {"format": self.value("format"), "directory": self.value("directory")}

    def _progress(self, step: int) -> None:
        self.query_one("#export-progress", ProgressBar).update(progress=step)
        self.query_one("#export-step", Static).update(STEPS[step])

    def reason_then_save(self, required: ReasonRequired, draft: FormValues) -> None:
        self.case_number = self.case_number or required.case_number  # learnt from the service
        super().reason_then_save(required, draft)

    def submit(self, draft: FormValues) -> Path:
        """Runs in the dialog's worker; each step reports its progress to the screen."""
        fmt = DossierFormat(draft["format"])
        directory = Path(str(draft["directory"]).strip() or ".").expanduser()
        if not directory.is_dir():
            raise InvalidInput([Problem("directory", f"De map {directory} bestaat niet.")])
        self.app.call_from_thread(self._progress, 0)
        purpose = self.case_reason(self.case_number) if self.case_number else ""
        dossier = self.services.escalations.export_dossier(self.escalation_id, today=today(self.services),
                                                           purpose=purpose)
        self.app.call_from_thread(self._progress, 1)
        data = render(dossier, fmt)
        self.app.call_from_thread(self._progress, 2)
        path = directory / default_filename(dossier, fmt)
        # The generated name of this dossier: a newer export replaces it.
        self.services.exports.write_file(path, data, overwrite=True)
        self.app.call_from_thread(self._progress, 3)
        return path


def export_dossier_with_dialog(screen: Screen[Any], escalation_id: int, case_number: str | None = None) -> None:
    """Open the export dialog from `screen` and tell the user where the file went."""
    services: Services = screen.services  # type: ignore[attr-defined]

    def written(path: Path | None) -> None:
        if path is not None:
            screen.notify(f"Dossier opgeslagen in {path}", title="Geëxporteerd", timeout=15, markup=False)

    screen.app.push_screen(ExportDialog(services, escalation_id, case_number=case_number), written)
