from __future__ import annotations

from domain.merge import three_way_merge

BASE = {
    "name": "Huishouden Smit",
    "address": {"street": "Kerkstraat", "postcode": "1011 AB"},
    "members": [{"id": 1, "name": "Anna"}, {"id": 2, "name": "Bram"}],
}


def test_non_overlapping_edits_combine() -> None:
    mine = {**BASE, "name": "Huishouden Smit-Jansen", "members": [*BASE["members"], {"id": None, "name": "Cor"}]}
    theirs = {**BASE, "address": {"street": "Kerkstraat", "postcode": "1012 CD"},
              "members": [{"id": 1, "name": "Anna"}, {"id": 2, "name": "Bram Smit"}]}
    merged, conflicts = three_way_merge(BASE, mine, theirs)
    assert conflicts == []
    assert merged["name"] == "Huishouden Smit-Jansen"
    assert merged["address"]["postcode"] == "1012 CD"
    assert [m["name"] for m in merged["members"]] == ["Anna", "Bram Smit", "Cor"]


def test_same_field_edited_differently_is_a_conflict_and_theirs_stands() -> None:
    mine = {**BASE, "address": {"street": "Dorpsstraat", "postcode": "1011 AB"}}
    theirs = {**BASE, "address": {"street": "Molenweg", "postcode": "1011 AB"}}
    merged, conflicts = three_way_merge(BASE, mine, theirs)
    assert [(c.path, c.mine, c.theirs) for c in conflicts] == [("address.street", "Dorpsstraat", "Molenweg")]
    assert merged["address"]["street"] == "Molenweg"


def test_removed_by_me_but_edited_by_them_is_a_conflict() -> None:
    mine = {**BASE, "members": [{"id": 1, "name": "Anna"}]}
    theirs = {**BASE, "members": [{"id": 1, "name": "Anna"}, {"id": 2, "name": "Bram (18)"}]}
    merged, conflicts = three_way_merge(BASE, mine, theirs)
    assert [c.path for c in conflicts] == ["members.2"]
    assert len(merged["members"]) == 2


def test_removed_by_me_untouched_by_them_is_removed() -> None:
    mine = {**BASE, "members": [{"id": 1, "name": "Anna"}]}
    merged, conflicts = three_way_merge(BASE, mine, BASE)
    assert conflicts == [] and merged["members"] == [{"id": 1, "name": "Anna"}]


def test_identical_edits_are_no_conflict() -> None:
    mine = {**BASE, "name": "X"}
    merged, conflicts = three_way_merge(BASE, mine, dict(mine))
    assert conflicts == [] and merged["name"] == "X"
