"""Where the settings come from, without pydantic: the config file, doorbraak's own folders, the environment.

`storage.settings.Settings` validates every field from these sources (and re-exports these names). The raw reader
of `case show --json` (storage/raw_case.py) needs five plain strings of it and reads them here with the same
precedence (arguments, DOORBRAAK_* environment, config.toml, defaults) — when any other setting is given, it leaves
the command to the ORM path, whose `Settings` validates that setting as always (`plain_settings`)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from storage.app_name import APP_NAME


def config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def own_data_folder() -> Path:
    """doorbraak's own data folder (the default database's): kept 0700 even when it existed with another mode."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def default_database_url() -> str:
    return f"sqlite:///{own_data_folder() / 'doorbraak.db'}"


ENV_PREFIX = "DOORBRAAK_"


def _toml_values(path: Path) -> dict[str, Any]:
    """The user's config.toml if it exists (keys as in Settings, e.g. database_url = "...")."""
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


SETTINGS_FIELDS = (
    "database_url", "audit_key_file", "audit_public_key_file", "research_key_dir", "database_key_file", "auth",
    "local_drafts", "idle_lock_minutes", "session_end_minutes", "user", "display_name", "retention", "worklist",
    "theme", "keymap",
)
"""Every field of `storage.settings.Settings` (tests/storage/test_raw_case.py keeps the two equal)."""

PLAIN_FIELDS = ("database_url", "audit_key_file", "auth", "user", "display_name")
"""What the raw reader needs: strings (a path), validated here as `Settings` validates them."""

AUTH_VALUES = ("app", "postgres")


@dataclass(frozen=True)
class PlainSettings:
    """The settings the raw reader of `case show` needs, with `Settings`' defaults."""

    database_url: str
    audit_key_file: Path
    auth: str = "app"
    user: str = "lokaal"
    display_name: str = "Lokale gebruiker"


def plain_settings(database_url: str | None = None) -> PlainSettings | None:
    """`Settings(database_url=...)` for the five plain fields, or None when the sources hold anything else of
    `Settings` (or a value that is not a plain string, or an unreadable config file): then the full `Settings`
    reads and validates them, with its own messages."""
    try:
        values: dict[str, Any] = {key: value for key, value in _toml_values(config_file()).items()
                                  if key in SETTINGS_FIELDS}
    except (OSError, ValueError):
        return None
    environment = {key.upper(): value for key, value in os.environ.items()}
    for name in SETTINGS_FIELDS:
        value = environment.get(f"{ENV_PREFIX}{name.upper()}")
        if value is not None:
            values[name] = value
    if database_url:
        values["database_url"] = database_url
    if set(values) - set(PLAIN_FIELDS) or not all(isinstance(value, str) for value in values.values()):
        return None
    if values.get("auth", "app") not in AUTH_VALUES:
        return None
    return PlainSettings(
        database_url=values["database_url"] if "database_url" in values else default_database_url(),
        audit_key_file=Path(values["audit_key_file"]) if "audit_key_file" in values
        else config_file().with_name("audit.key"),
        auth=values.get("auth", "app"),
        user=values.get("user", "lokaal"),
        display_name=values.get("display_name", "Lokale gebruiker"),
    )
