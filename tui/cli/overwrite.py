"""The `--overschrijf` option of every command that writes a file: an existing file is replaced only when asked."""

from __future__ import annotations

from typing import Annotated

import typer

OverwriteOpt = Annotated[
    bool, typer.Option("--overschrijf", help="Vervang een bestaand bestand (anders wordt het geweigerd).")
]
