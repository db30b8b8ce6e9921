"""`python -m tui ...` is `doorbraak ...` (textual-serve starts the demo this way, with this interpreter)."""

from tui.cli.main import main

main()
