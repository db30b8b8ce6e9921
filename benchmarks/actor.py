"""Who the bench acts as (its own tiny module: the child processes import it without any driver)."""

from __future__ import annotations

from domain.actors import Actor, Role

OWNER = Actor(username="bench", display_name="Benchmark", role=Role.EIGENAAR)
"""Every permission in every municipality, as the single-user owner has (a shared database needs a login)."""
