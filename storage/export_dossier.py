"""Writing an export file that holds personal data (escalation dossier, inzage), safely.

The documents are rendered by the presentation layer (`tui.render.dossier`, `tui.render.inzage`); storage
only writes the bytes atomically (temporary file, fsync, rename), readable by the owner only.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from domain.errors import DomainError


class ExportError(DomainError):
    title = "Exporteren mislukt"


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to the target and rename over it: a crash never leaves a half-written dossier."""
    path = path.expanduser()
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"De map {directory} bestaat niet.")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
