"""The doorbraakmethode as plain Python: models, rules and use cases. No I/O, no UI."""
