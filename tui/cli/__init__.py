"""The `doorbraak` command line (Typer): one module per command group; `main` is the root.

Click and Typer print their own texts (usage, "Show this message and exit.", "[default: …]", error titles)
through gettext's default domain; this package ships them in Dutch and binds that domain before Typer is
imported, because Typer reads some of its texts once, at import.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"

gettext.bindtextdomain("messages", str(LOCALE_DIR))
# The app speaks Dutch only; LANGUAGE is read by gettext alone (not by the C locale), so this changes nothing else.
os.environ["LANGUAGE"] = "nl"

# Typer's own copy of Click prints English literals that gettext never sees; tui/cli/dutch.py translates them,
# right after Typer is imported (not here: `doorbraak` without a command starts the app without Typer).
from tui.cli.dutch import after_import as _after_import  # noqa: E402 (after the gettext binding above)
from tui.cli.dutch import install as _install_dutch  # noqa: E402

_after_import("typer", lambda _typer: _install_dutch())
