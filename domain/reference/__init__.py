"""Versioned reference data (municipalities, leefgebieden), read from the JSON files beside this module."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from domain.jsondata import JsonObject


def _load(name: str) -> JsonObject:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    data: JsonObject = json.loads(text)
    return data


@cache
def municipalities() -> dict[str, str]:
    """CBS code (GM0363) → name (Amsterdam)."""
    return {row["code"]: row["naam"] for row in _load("gemeenten.json")["gemeenten"]}


@cache
def leefgebieden() -> dict[str, str]:
    """ZRM code (financien) → Dutch name (Financiën), in the ZRM order."""
    return {row["code"]: row["naam"] for row in _load("leefgebieden.json")["leefgebieden"]}


@cache
def zrm_scores() -> dict[int, str]:
    return {int(k): v for k, v in _load("leefgebieden.json")["scores"].items()}


def municipality_name(code: str) -> str:
    try:
        return municipalities()[code]
    except KeyError:
        raise ValueError(f"Onbekende gemeentecode {code!r}; gebruik een CBS-code zoals GM0363.") from None
