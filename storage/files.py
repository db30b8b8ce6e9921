"""Private folders and files for what doorbraak writes on a workstation (databases, exports, copies).

Other local users must not read case data: folders are made 0700 and files 0600.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_DIRECTORY = 0o700
PRIVATE_FILE = 0o600


def make_private_directory(directory: Path) -> Path:
    """Create `directory` (and parents) if missing; a folder doorbraak creates is 0700."""
    directory = Path(directory)
    if not directory.is_dir():
        directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIRECTORY)
        os.chmod(directory, PRIVATE_DIRECTORY)  # mkdir's mode is filtered by the umask
    return directory
