"""The e2e snapshot tests use the same small deterministic database as the Pilot tests."""

from __future__ import annotations

from tests.tui.conftest import app, tui_data

__all__ = ["app", "tui_data"]
