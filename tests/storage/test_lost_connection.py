"""PostgreSQL connections the server closed (a killed backend, a restarted server) never reach a use case: the
pool's checkout (storage/engine.py) replaces them without the round trip of a pre-ping."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, text

from domain.services import households as household_service
from storage.bootstrap import Database
from tests.builders import make_household

pytestmark = pytest.mark.postgres


def backend_pids(db: Database) -> list[int]:
    """The server processes of the connections idle in the pool (each checked out once to ask)."""
    pool = db.engine.pool
    connections = [db.engine.raw_connection() for _ in range(pool.checkedin())]  # type: ignore[attr-defined]
    try:
        return [c.driver_connection.info.backend_pid for c in connections]  # type: ignore[union-attr]
    finally:
        for connection in connections:
            connection.close()


def terminate(db: Database, pids: list[int]) -> None:
    """Terminate those server processes from a connection of its own (not one of the pool's)."""
    admin = create_engine(db.engine.url)
    with admin.connect() as other:
        for pid in pids:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        for _ in range(100):  # until the server has let them go
            left = other.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(:pids)"),
                                 {"pids": pids}).scalar_one()
            if not left:
                break
            time.sleep(0.02)
    admin.dispose()


def test_an_idle_connection_killed_by_the_server_is_replaced_without_an_error(postgres_db: Database) -> None:
    case = make_household(postgres_db)
    household_service.get_household(case, postgres_db.uow(), postgres_db.actor)
    pids = backend_pids(postgres_db)
    assert pids
    terminate(postgres_db, pids)
    for _ in range(3):  # every use case after it just works, on a new connection
        assert household_service.get_household(case, postgres_db.uow(), postgres_db.actor).case_number == case
    assert not set(backend_pids(postgres_db)) & set(pids)


def test_a_restarted_server_closes_every_pooled_connection_and_the_app_carries_on(postgres_db: Database) -> None:
    case = make_household(postgres_db)
    uows = [postgres_db.uow() for _ in range(3)]
    for uow in uows:  # three connections in the pool
        uow.__enter__()
        uow.session.connection()
    for uow in uows:
        uow.__exit__(None, None, None)
    pids = backend_pids(postgres_db)
    assert len(pids) >= 3
    terminate(postgres_db, pids)  # what a restart does to them
    for _ in range(5):
        assert household_service.get_household(case, postgres_db.uow(), postgres_db.actor).case_number == case
