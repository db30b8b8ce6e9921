"""The options of the top-level command, handed to every sub-command through the Typer context."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.settings import Settings


class CliState:
    """Kept light: `doorbraak --help` creates it without loading the settings machinery (pydantic-settings)."""

    def __init__(self, database_url: str | None) -> None:
        self.database_url = database_url

    def settings(self) -> Settings:
        from storage.settings import Settings

        return Settings(database_url=self.database_url) if self.database_url else Settings()
