"""Writing an exported document (the maatwerkplan as PDF, Markdown or plan file) to a file, safely.

The document itself is rendered by the presentation layer (`tui.render.plan`); storage only writes the
bytes through the one safe writer (storage/files.py), so a reader never sees half a file.
"""

from __future__ import annotations

from pathlib import Path

from domain.errors import DomainError
from storage.files import write_file


class ExportError(DomainError):
    title = "Export mislukt"


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """The one safe writer (storage/files.py): private temp file, fsync, rename; no silent overwrite."""
    write_file(path, data, overwrite=overwrite)


def write_document(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write rendered bytes; an OS error becomes a Dutch message. Returns the path written."""
    try:
        write_atomic(path, data, overwrite=overwrite)
    except OSError as exc:
        raise ExportError(f"Het bestand {path} kon niet worden geschreven: {exc.strerror or exc}.") from None
    return path
