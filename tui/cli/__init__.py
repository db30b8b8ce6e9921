"""The `doorbraak` command line (Typer): one module per command group; `main` is the root."""
