"""Comparing two versions of a plan section by section (`diff_plans`), for the version history."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from domain.jsondata import JsonObject
from domain.plan.model import Maatwerkplan, PlanStep, short_text

# -- comparing versions ---------------------------------------------------------------------------


class ChangeKind(StrEnum):
    GEWIJZIGD = "gewijzigd"
    TOEGEVOEGD = "toegevoegd"
    VERWIJDERD = "verwijderd"


@dataclass(frozen=True)
class FieldChange:
    path: str
    """Where, e.g. `actions[a2].deadline` or `perspectief`."""
    kind: ChangeKind
    old: str
    new: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "kind": self.kind.value, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class SectionDiff:
    step: PlanStep
    changes: tuple[FieldChange, ...] = ()

    @property
    def label(self) -> str:
        return self.step.label

    @property
    def changed(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class PlanDiff:
    old_version: int
    new_version: int
    sections: tuple[SectionDiff, ...] = field(default_factory=tuple)
    """Every section in step order, changed or not (a UI can grey out the unchanged ones)."""

    @property
    def changed_sections(self) -> tuple[SectionDiff, ...]:
        return tuple(s for s in self.sections if s.changed)

    @property
    def is_empty(self) -> bool:
        return not self.changed_sections

    def to_dict(self) -> JsonObject:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "sections": [
                {
                    "section": s.step.value,
                    "label": s.label,
                    "changed": s.changed,
                    "changes": [c.to_dict() for c in s.changes],
                }
                for s in self.sections
            ],
        }


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(_display(v) for v in value)
    return str(value)


def _flatten(prefix: str, value: Any, out: dict[str, str]) -> None:
    if isinstance(value, Mapping):
        if not value and prefix:
            out[prefix] = ""
        for key, item in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), item, out)
    elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        for index, item in enumerate(value):
            key = item.get("id") or item.get("basis_id") or item.get("moment") or index
            _flatten(f"{prefix}[{key}]", item, out)
    else:
        out[prefix] = _display(value)


def _summary(item: Mapping[str, Any]) -> str:
    for key in ("what", "text", "description", "given_by", "decided_by", "toelichting"):
        if item.get(key):
            return short_text(str(item[key]), 80)
    if "moment" in item:
        return f"{item['moment']} maanden"
    return ""


def _diff_values(path: str, old: Any, new: Any) -> list[FieldChange]:
    if old is None and isinstance(new, Mapping):
        return [FieldChange(path, ChangeKind.TOEGEVOEGD, "", _summary(new))]
    if new is None and isinstance(old, Mapping):
        return [FieldChange(path, ChangeKind.VERWIJDERD, _summary(old), "")]
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    _flatten(path, old, before)
    _flatten(path, new, after)
    changes = []
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k not in before, k)):
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        kind = (
            ChangeKind.GEWIJZIGD
            if a is not None and b is not None
            else (ChangeKind.TOEGEVOEGD if a is None else ChangeKind.VERWIJDERD)
        )
        changes.append(FieldChange(key, kind, a or "", b or ""))
    return changes


def _diff_items(
    path: str, old: list[JsonObject], new: list[JsonObject], key: Callable[[JsonObject], Any]
) -> list[FieldChange]:
    old_by = {key(item): item for item in old}
    new_by = {key(item): item for item in new}
    changes: list[FieldChange] = []
    for item_key, item in old_by.items():
        if item_key not in new_by:
            changes.append(FieldChange(f"{path}[{item_key}]", ChangeKind.VERWIJDERD, _summary(item), ""))
    for item_key, item in new_by.items():
        if item_key not in old_by:
            changes.append(FieldChange(f"{path}[{item_key}]", ChangeKind.TOEGEVOEGD, "", _summary(item)))
        else:
            changes.extend(_diff_values(f"{path}[{item_key}]", old_by[item_key], item))
    return changes


def diff_plans(old: Maatwerkplan, new: Maatwerkplan) -> PlanDiff:
    """Compare two versions section by section (items matched by their id, evaluations by moment)."""
    a = old.model_dump(mode="json")
    b = new.model_dump(mode="json")
    sections = []
    for step in PlanStep:
        name = step.field_name
        if step in (PlanStep.DOELEN, PlanStep.ACTIES):
            changes = _diff_items(name, a[name], b[name], lambda item: item["id"])
        elif step is PlanStep.REKENSOM:
            changes = _diff_values(
                name,
                {k: v for k, v in a[name].items() if k != "lines"},
                {k: v for k, v in b[name].items() if k != "lines"},
            )
            changes += _diff_items(f"{name}.lines", a[name]["lines"], b[name]["lines"], lambda item: item["id"])
        elif step is PlanStep.EVALUATIE:
            changes = _diff_items(name, a[name], b[name], lambda item: item["moment"])
        elif step is PlanStep.BESLUIT:
            changes = _diff_values("status", a["status"], b["status"]) + _diff_values(name, a[name], b[name])
        else:
            changes = _diff_values(name, a[name], b[name])
        sections.append(SectionDiff(step, tuple(changes)))
    return PlanDiff(old_version=old.plan_version, new_version=new.plan_version, sections=tuple(sections))
