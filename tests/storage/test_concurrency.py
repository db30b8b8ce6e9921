"""Two people editing the same household on the real PostgreSQL server: the second save is refused,
told what changed, and can merge; nothing is silently overwritten."""

from __future__ import annotations

import threading

import pytest

from domain.errors import StaleVersion
from domain.services import households as service
from domain.services.households import parse_draft
from storage.bootstrap import open_database
from storage.settings import Settings
from tests.builders import TEST_ACTOR

pytestmark = pytest.mark.postgres


def test_second_save_is_refused_then_merged(postgres_migrated_url: str) -> None:
    alice = open_database(Settings(database_url=postgres_migrated_url))
    bob = open_database(Settings(database_url=postgres_migrated_url))
    alice.logged_in = TEST_ACTOR.model_copy(update={"username": "alice"})
    bob.logged_in = TEST_ACTOR.model_copy(update={"username": "bob"})
    created = service.create_household(
        parse_draft({"name": "Huishouden Smit", "municipality_code": "GM0599", "address": {"street": "Kerkstraat"},
         "members": [{"name": "Anna Smit", "date_of_birth": "1980-01-01"}]}),
        alice.uow(), alice.actor,
    )
    number = created.case_number
    assert number
    opened_by_alice = service.get_household(number, alice.uow(), alice.actor)
    opened_by_bob = service.get_household(number, bob.uow(), bob.actor)

    alice_edit = opened_by_alice.model_dump(include=service.EDITABLE_FIELDS)
    alice_edit["address"]["street"] = "Molenweg"
    service.update_household(number, parse_draft(alice_edit), opened_by_alice.version, alice.uow(), alice.actor)

    bob_edit = opened_by_bob.model_dump(include=service.EDITABLE_FIELDS)
    bob_edit["name"] = "Huishouden Smit-Jansen"
    with pytest.raises(StaleVersion):
        service.update_household(number, parse_draft(bob_edit), opened_by_bob.version, bob.uow(), bob.actor)
    saved = service.get_household(number, bob.uow(), bob.actor)
    assert saved.name == "Huishouden Smit" and saved.address.street == "Molenweg"  # Bob's edit did not land

    merged, conflicts, current = service.merge_after_conflict(number, opened_by_bob,
        parse_draft(bob_edit), bob.uow(), bob.actor)
    assert conflicts == []
    final = service.update_household(number, parse_draft(merged), current.version, bob.uow(), bob.actor)
    assert final.name == "Huishouden Smit-Jansen" and final.address.street == "Molenweg"
    alice.close()
    bob.close()


def test_simultaneous_saves_from_threads_lose_no_update(postgres_migrated_url: str) -> None:
    """Many writers race on one household; every save either lands or is refused, never lost."""
    db = open_database(Settings(database_url=postgres_migrated_url))
    db.logged_in = TEST_ACTOR
    created = service.create_household(parse_draft({"name": "Race", "municipality_code": "GM0599"}), db.uow(), db.actor)
    number = created.case_number
    assert number
    landed: list[str] = []
    refused: list[str] = []
    barrier = threading.Barrier(8)

    def writer(i: int) -> None:
        base = service.get_household(number, db.uow(), db.actor)
        barrier.wait()
        try:
            service.update_household(number, parse_draft({"name": f"Race {i}", "municipality_code": "GM0599"}),
                                     base.version, db.uow(), db.actor)
            landed.append(f"Race {i}")
        except StaleVersion:
            refused.append(f"Race {i}")

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = service.get_household(number, db.uow(), db.actor)
    assert len(landed) == 1 and len(refused) == 7
    assert final.name == landed[0] and final.version == created.version + 1
    db.close()
