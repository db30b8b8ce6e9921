"""The Textual app and the Typer CLI `doorbraak`."""
