"""Writing an export file that holds personal data (escalation dossier, inzage), safely.

The documents are rendered by the presentation layer (`tui.render.dossier`, `tui.render.inzage`); storage
only writes the bytes through the one safe writer (storage/files.py): private, atomic, no silent overwrite.
"""

from __future__ import annotations

from pathlib import Path

from domain.errors import DomainError
from storage.files import write_file


class ExportError(DomainError):
    title = "Exporteren mislukt"


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """The one safe writer (storage/files.py): private temp file, fsync, rename; no silent overwrite."""
    write_file(path, data, overwrite=overwrite)
