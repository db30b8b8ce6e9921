"""Writing an exported document (the maatwerkplan as PDF or Markdown) to a file, safely.

The document itself is rendered by the presentation layer (`tui.render.plan`); storage only writes the
bytes atomically (temporary file + fsync + rename), so a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from domain.errors import DomainError


class ExportError(DomainError):
    title = "Export mislukt"


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to the target, fsync, then rename: a reader never sees half a file."""
    path = path.expanduser()
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"De map {directory} bestaat niet.")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def write_document(path: Path, data: bytes) -> Path:
    """Write rendered bytes atomically; an OS error becomes a Dutch message. Returns the path written."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ExportError(f"Het bestand {path} kon niet worden geschreven: {exc.strerror or exc}.") from None
    return path
