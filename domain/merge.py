"""Three-way merge of a household edit that lost a race: base (what the user opened), mine (what they
typed), theirs (what someone else saved meanwhile). Non-overlapping edits combine; the rest is a conflict
the user decides — nothing is silently overwritten.

Lists of items with an `id` (members, problems, organisations) merge per item; new items from both sides
are kept; an item removed on one side and edited on the other is a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.jsondata import JsonObject


@dataclass(frozen=True)
class MergeConflict:
    path: str
    base: Any
    mine: Any
    theirs: Any


def _is_item_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) and "id" in item for item in value)


def _merge_value(path: str, base: Any, mine: Any, theirs: Any, conflicts: list[MergeConflict]) -> Any:
    if mine == theirs:
        return mine
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    if isinstance(base, dict) and isinstance(mine, dict) and isinstance(theirs, dict):
        keys = list(dict.fromkeys([*base, *mine, *theirs]))
        return {k: _merge_value(f"{path}.{k}" if path else k, base.get(k), mine.get(k), theirs.get(k), conflicts)
                for k in keys}
    if _is_item_list(base) and _is_item_list(mine) and _is_item_list(theirs):
        return _merge_items(path, base, mine, theirs, conflicts)
    conflicts.append(MergeConflict(path, base, mine, theirs))
    return theirs  # until the user decides, the saved value stands


def _merge_items(path: str, base: list[JsonObject], mine: list[JsonObject], theirs: list[JsonObject],
                 conflicts: list[MergeConflict]) -> list[JsonObject]:
    by_id = {"base": {i["id"]: i for i in base if i["id"] is not None},
             "mine": {i["id"]: i for i in mine if i["id"] is not None},
             "theirs": {i["id"]: i for i in theirs if i["id"] is not None}}
    merged: list[JsonObject] = []
    for item in theirs:  # keep the saved order, then append what only I added
        item_id = item["id"]
        b, m = by_id["base"].get(item_id), by_id["mine"].get(item_id)
        here = f"{path}.{item_id}"
        if b is None:
            merged.append(item)  # they added it
        elif m is None:  # I removed it
            if item != b:
                conflicts.append(MergeConflict(here, b, None, item))
                merged.append(item)
        else:
            merged.append(_merge_value(here, b, m, item, conflicts))
    for item_id, b in by_id["base"].items():
        if item_id not in by_id["theirs"] and item_id in by_id["mine"] and by_id["mine"][item_id] != b:
            conflicts.append(MergeConflict(f"{path}.{item_id}", b, by_id["mine"][item_id], None))
    merged.extend(item for item in mine if item["id"] is None)  # my new items
    return merged


def three_way_merge(
    base: JsonObject, mine: JsonObject, theirs: JsonObject
) -> tuple[JsonObject, list[MergeConflict]]:
    conflicts: list[MergeConflict] = []
    merged = _merge_value("", base, mine, theirs, conflicts)
    return merged, conflicts
