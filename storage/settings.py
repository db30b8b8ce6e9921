"""One validated settings object: defaults < TOML file in the user's config dir < DOORBRAAK_* env < CLI flags."""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from domain.retention import RetentionSettings
from domain.signal_config import SignalConfig
from storage.app_name import APP_NAME as APP_NAME
from storage.settings_sources import ENV_PREFIX as ENV_PREFIX
from storage.settings_sources import _toml_values as _toml_values
from storage.settings_sources import config_file as config_file
from storage.settings_sources import default_database_url as default_database_url
from storage.settings_sources import own_data_folder as own_data_folder


def _env_values(fields: dict[str, Any]) -> dict[str, Any]:
    """DOORBRAAK_<FIELD> from the environment (the name in any case); a table (keymap, retention, worklist) as
    JSON, e.g. DOORBRAAK_WORKLIST='{"months_before_18": 2}'."""
    found: dict[str, Any] = {}
    environment = {key.upper(): value for key, value in os.environ.items()}
    for name, info in fields.items():
        value = environment.get(f"{ENV_PREFIX}{name.upper()}")
        if value is None:
            continue
        annotation = info.annotation
        table = isinstance(annotation, type) and (issubclass(annotation, BaseModel) or annotation is dict) or (
            getattr(annotation, "__origin__", None) is dict)
        if table:
            try:
                found[name] = json.loads(value)
            except ValueError as exc:
                raise ValueError(f"{ENV_PREFIX}{name.upper()} is geen geldige JSON") from exc
        else:
            found[name] = value
    return found


class Settings(BaseModel):
    """Where the values come from, first wins: arguments, DOORBRAAK_* environment variables, config.toml, the
    defaults below. A plain pydantic model: pydantic-settings' import (its dotenv, cloud and CLI sources) was
    start-up time of every command for what these few lines do."""

    model_config = ConfigDict(extra="ignore")

    database_url: str = Field(default_factory=default_database_url)
    """SQLAlchemy URL: sqlite:///path.db (default, per user) or postgresql+psycopg://user@host/db."""

    audit_key_file: Path = Field(default_factory=lambda: config_file().with_name("audit.key"))
    """HMAC key of the audit chain, outside the database (share it between a municipality's workstations)."""

    audit_public_key_file: Path | None = None
    """The beheerder's public Ed25519 key (PEM) that `audit verify --checkpoint` checks signed checkpoints with
    (`doorbraak audit sleutelpaar`); only the public half, the private key never sits on a workstation."""

    research_key_dir: Path = Field(default_factory=lambda: config_file().with_name("onderzoekssleutels"))
    """One HMAC key per municipality (GM0344.key) for the pseudonyms of the research export; outside the
    database and never in an export. Keep it to link later exports; share it only with whoever makes them."""

    database_key_file: Path | None = None
    """SQLCipher only: a file with the database key (64 hex digits), or use DOORBRAAK_DATABASE_KEY.
    Never put the key itself in config.toml; a key file next to the database is reported."""

    auth: Literal["app", "postgres"] = "app"
    """Shared databases: 'app' = doorbraak accounts (argon2id, one database login for the app);
    'postgres' = every user logs in with a personal PostgreSQL role (see `doorbraak db beveilig`)."""

    local_drafts: bool = True
    """Keep what is being typed in a form on this workstation until it is saved (see storage/drafts.py)."""

    idle_lock_minutes: float = Field(default=15, ge=0)
    """The idle lock: after this many minutes without a key or a click the app hides every personal detail
    and asks for the password again (0 = never; BIO asks for a lock after a period of inactivity)."""

    session_end_minutes: float = Field(default=0, ge=0)
    """Browser mode (`doorbraak serve`): a session's process ends after this many minutes without input
    (0 = never; serve sets it, see docs/deployment.md)."""

    user: str = "lokaal"
    """Who is working (single-user mode: the local owner)."""

    display_name: str = "Lokale gebruiker"

    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    """Bewaartermijnen: [retention.default] and per municipality [retention.municipalities.GM0363]."""

    worklist: SignalConfig = Field(default_factory=SignalConfig)
    """Werklijst thresholds: [worklist] months_before_18 = 6, escalation_wait_weeks = 8."""
    theme: str = "doorbraak"
    """Colour theme: doorbraak (dark), doorbraak-licht, doorbraak-contrast (or a Textual theme name)."""

    keymap: dict[str, str] = Field(default_factory=dict)
    """Rebind keys: binding id → key(s), e.g. {"case_list.filter" = "ctrl+f"}."""

    @model_validator(mode="before")
    @classmethod
    def _sources(cls, given: Any) -> Any:
        if not isinstance(given, dict):
            return given
        return {**_toml_values(config_file()), **_env_values(cls.model_fields), **given}


def save_setting(key: str, value: str, path: Path | None = None) -> None:
    """Set one top-level string setting in config.toml, keeping every other line (and comments) as it was.

    The file is checked to still be valid TOML before it atomically replaces the old one.
    """
    if not re.fullmatch(r"[a-z_]+", key):
        raise ValueError(f"not a settings key: {key!r}")
    path = path or config_file()
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    entry = f"{key} = {json.dumps(value, ensure_ascii=False)}"  # a JSON string is a TOML basic string
    first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    pattern = re.compile(rf"\s*{key}\s*=")
    for index in range(first_table):
        if pattern.match(lines[index]):
            lines[index] = entry
            break
    else:
        lines.insert(first_table, entry)
    text = "\n".join(lines) + "\n"
    tomllib.loads(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".toml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
