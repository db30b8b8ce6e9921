"""Fixtures of the storage tests."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from domain.actors import Role
from domain.services import households as service
from domain.services.households import parse_draft
from domain.users import User
from storage.bootstrap import SAMPLE_DB, Database, open_database
from storage.rls import GROUPS, Names, create_login, secure
from storage.settings import Settings
from tests.builders import TEST_ACTOR, household_draft, submitted
from tests.storage.rls_support import PASSWORD, Secured


@pytest.fixture
def secured(postgres_schema_url: str) -> Iterator[Secured]:
    owner = open_database(Settings(database_url=postgres_schema_url))
    owner.logged_in = TEST_ACTOR
    amsterdam = service.create_household(parse_draft(household_draft(name="Huishouden Amsterdam")), owner.uow(),
                                         owner.actor)
    rotterdam = service.create_household(
        parse_draft(household_draft(name="Huishouden Rotterdam", municipality_code="GM0599",
                        members=[{"name": "Rik Rotterdam", "date_of_birth": "1970-01-01"}])),
        owner.uow(), owner.actor)
    assert amsterdam.case_number and rotterdam.case_number
    submitted(owner, rotterdam.case_number)  # nationally escalated: the LET may read it
    h = service.get_household(rotterdam.case_number, owner.uow(), owner.actor)
    service.update_household(rotterdam.case_number, parse_draft({**h.model_dump(include=service.EDITABLE_FIELDS),
                                                      "name": "Huishouden Rotterdam-Zuid"}), h.version,
                             owner.uow(), owner.actor)
    prefix = f"t{uuid.uuid4().hex[:8]}"
    secure(owner.engine, prefix)
    accounts = [("anna", Role.PROFESSIONAL, frozenset({"GM0363"})), ("carla", Role.COORDINATOR, frozenset({"GM0363"})),
                ("lotte", Role.LET, None), ("bea", Role.BEHEER, None)]
    for who, role, codes in accounts:
        create_login(owner.engine, User(username=f"{prefix}_{who}", display_name=who.title(), role=role,
                                        municipality_codes=codes), PASSWORD, prefix)
    yield Secured(postgres_schema_url, prefix, amsterdam.case_number, rotterdam.case_number)
    roles = [f"{prefix}_{who}" for who, *_ in accounts] + [Names(prefix).group(r) for r in GROUPS]
    with owner.engine.begin() as connection:
        for role in roles:
            connection.execute(text(f'DROP OWNED BY "{role}"'))
            connection.execute(text(f'DROP ROLE "{role}"'))
    owner.close()


@pytest.fixture
def sample(tmp_path: Path) -> Database:
    """A copy of sample.db, opened (the dashboard's tests count on its households)."""
    copy = tmp_path / "sample.db"
    shutil.copyfile(SAMPLE_DB, copy)
    return open_database(Settings(database_url=f"sqlite:///{copy}"))
