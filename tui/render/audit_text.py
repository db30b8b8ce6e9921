"""Audit records and field changes as Dutch text, for the TUI screens and the CLI alike."""

from __future__ import annotations

from typing import Any

from domain.actors import Role
from domain.audit import KIND_LABELS, OBJECT_LABELS, AuditRecord
from domain.messages import field_label

ITEM_NAMES = {"members": "Lid", "problems": "Probleem", "organisations": "Organisatie", "goals": "Doel",
              "actions": "Actie", "cost_lines": "Kostenregel", "legal_bases": "Rechtsgrond",
              "evaluations": "Evaluatie"}
GROUP_NAMES = {"address": "Adres", "consent": "Toestemming", "rekensom": "Rekensom", "legal": "Juridisch"}
FIELD_NAMES = {"street": "straat", "house_number": "huisnummer", "city": "plaats", "professional": "professional",
               "team": "team", "role": "rol", "description": "omschrijving", "since": "sinds", "type": "soort",
               "legal_framework": "wettelijk kader", "product": "product", "status": "status",
               "closed_on": "afgesloten op"}
VALUE_WIDTH = 60


def _label(part: str) -> str:
    return FIELD_NAMES.get(part) or field_label(part)


def describe_path(path: str) -> str:
    """`members.0.name` → `Lid 1 · naam`; `address.city` → `Adres · plaats`; `name` → `Naam`."""
    parts = path.split(".")
    words: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        if part in ITEM_NAMES and following is not None and following.isdigit():
            words.append(f"{ITEM_NAMES[part]} {int(following) + 1}")
            index += 2
            continue
        last = index == len(parts) - 1
        words.append(_label(part) if last else GROUP_NAMES.get(part, _label(part)))
        index += 1
    text = " · ".join(words)
    return text[:1].upper() + text[1:]


def describe_value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    text = str(value).replace("\n", " ")
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


def role_label(role: str) -> str:
    try:
        return Role(role).label
    except ValueError:
        return role


def describe_object(record: AuditRecord) -> str:
    event = record.event
    kind = OBJECT_LABELS.get(event.object_type, event.object_type)
    return f"{kind} {event.object_id}"


def describe_action(record: AuditRecord) -> str:
    """`gewijzigd`, `ingelogd (geweigerd)`, ..."""
    text = KIND_LABELS[record.event.kind]
    if record.event.outcome != "ok":
        text += f" ({record.event.outcome})"
    return text
