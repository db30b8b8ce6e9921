"""Use cases. The TUI, the CLI and the tests call only these; each runs in one unit of work."""
