"""The worklist's thresholds (a setting), apart from the worklist's rules in `domain.signals`: the settings
object names it without importing the people and overbrugging models (issue 18, start-up)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SignalConfig(BaseModel):
    """Thresholds of the worklist (design choice; a municipality may change them)."""

    model_config = ConfigDict(frozen=True)

    months_before_18: int = Field(default=6, ge=1, le=24)
    escalation_wait_weeks: int = Field(default=8, ge=1, le=104)
    """8 weeks is the LMM's average handling time (DOMAIN.md)."""
