"""In-memory fakes of the ports in domain/ports.py, for service tests that need no database (cosmicpython style).

`FakeDatabase` stands in for `storage.bootstrap.Database` where a test only needs `uow()` and `actor`:
each `uow()` is a `FakeUnitOfWork` over one shared in-memory store. A unit of work works on a copy of the
store and writes it back only on `commit()`, so a refused or failing use case leaves nothing behind, as
the SQL unit of work's rollback does. The audit log chains its records with the domain's own hash
(`domain.audit.chain_hash`), so `verify_audit` checks a real chain.

Faked: households, audit, users. Overbruggingen and escalations are empty lists (NoCasework); the other
repositories (plans, knelpunten, register, dashboard) are not there: a use case that touches one fails
with an error naming it. Their tests run
on SQLite and PostgreSQL (tests/storage), as do the repositories faked here, so every fake has a real twin.
"""

from __future__ import annotations

import copy
import dataclasses
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType

from domain.actors import Actor
from domain.audit import (
    GENESIS,
    AuditEvent,
    AuditPage,
    AuditQuery,
    AuditRecord,
    chain_hash,
    changes_digest,
    verify_chain,
)
from domain.caselist import CaseListPage, CaseListQuery, CaseListRow, CaseSort, search_normalise
from domain.errors import NotFound, StaleVersion
from domain.escalation import EscalationPage, EscalationQuery
from domain.household import Household, HouseholdStatus
from domain.overbrugging import OverbruggingPage, OverbruggingQuery
from domain.users import User
from domain.validation import format_case_number
from tests.builders import TEST_ACTOR, TickingClock

# --- the store: what a database would hold ---------------------------------------------------------------------


@dataclass
class FakeStore:
    households: dict[str, Household] = field(default_factory=dict)
    case_sequences: dict[int, int] = field(default_factory=dict)
    next_id: int = 1
    audit: list[AuditRecord] = field(default_factory=list)
    users: dict[str, User] = field(default_factory=dict)
    password_hashes: dict[str, str] = field(default_factory=dict)

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


# --- repositories --------------------------------------------------------------------------------------------


class FakeHouseholdRepository:
    def __init__(self, store: FakeStore, clock: TickingClock) -> None:
        self.store, self.clock = store, clock

    def get(self, case_number: str) -> Household:
        if case_number not in self.store.households:
            raise NotFound(f"Casus {case_number} bestaat niet.")
        return self.store.households[case_number].model_copy(deep=True)

    def exists(self, case_number: str) -> bool:
        return case_number in self.store.households

    def _with_ids(self, household: Household) -> Household:
        stored = household.model_copy(deep=True)
        for child in [*stored.members, *stored.problems, *stored.organisations]:
            if child.id is None:
                child.id = self.store.new_id()
        return stored

    def add(self, household: Household) -> Household:
        assert household.case_number is not None
        now = self.clock()
        stored = self._with_ids(household)
        stored.id, stored.version, stored.created_at, stored.updated_at = self.store.new_id(), 1, now, now
        self.store.households[stored.case_number] = stored  # type: ignore[index]
        return stored.model_copy(deep=True)

    def save(self, household: Household) -> Household:
        assert household.case_number is not None
        current = self.get(household.case_number)
        if current.version != household.version:
            raise StaleVersion()
        stored = self._with_ids(household)
        stored.id, stored.created_at = current.id, current.created_at
        stored.version, stored.updated_at = current.version + 1, self.clock()
        self.store.households[household.case_number] = stored
        return stored.model_copy(deep=True)

    def next_case_number(self, year: int) -> str:
        self.store.case_sequences[year] = self.store.case_sequences.get(year, 0) + 1
        return format_case_number(year, self.store.case_sequences[year])

    def closed_before(self, cutoff: date) -> Iterator[Household]:
        for household in list(self.store.households.values()):
            if household.status is HouseholdStatus.AFGESLOTEN and household.closed_on and household.closed_on <= cutoff:
                yield household.model_copy(deep=True)

    def delete(self, case_number: str) -> None:
        self.store.households.pop(case_number, None)

    def find_by_member(self, name: str, date_of_birth: date | None) -> list[str]:
        wanted = search_normalise(name).strip()
        return sorted(h.case_number for h in self.store.households.values() if h.case_number and any(
            search_normalise(m.name).strip() == wanted and (date_of_birth is None or m.date_of_birth == date_of_birth)
            for m in h.members))

    def find_by_member_bsn(self, bsn: str) -> list[str]:
        return sorted(h.case_number for h in self.store.households.values()
                      if h.case_number and any(m.bsn == bsn for m in h.members))

    def list_cases(self, query: CaseListQuery, municipality_codes: frozenset[str] | None = None) -> CaseListPage:
        """The same filters as the SQL list (municipalities, status, gemeente, every search word); sorted on
        name or last change. The SQL list's search index and count cap are tested on the real databases."""
        def matches(h: Household) -> bool:
            text = search_normalise(" ".join([h.name, h.case_number or "", h.address.postcode,
                                              *(m.name for m in h.members)]))
            return ((municipality_codes is None or h.municipality_code in municipality_codes)
                    and (query.status is None or h.status is query.status)
                    and (not query.municipality_code or h.municipality_code == query.municipality_code)
                    and all(term in text for term in query.terms))

        found = [h for h in self.store.households.values() if matches(h)]
        if query.sort is CaseSort.NAME:
            found.sort(key=lambda h: (search_normalise(h.name), h.id or 0), reverse=query.descending)
        else:
            found.sort(key=lambda h: (h.updated_at, h.id or 0), reverse=query.descending)
        rows = [CaseListRow(h.case_number or "", h.name, h.municipality_name, h.status, h.professional,
                            h.updated_at)  # type: ignore[arg-type]
                for h in found[query.offset:query.offset + query.limit]]
        return CaseListPage(rows, len(found), query.offset, query.limit)


class FakeAuditLog:
    def __init__(self, store: FakeStore, key: bytes, clock: TickingClock) -> None:
        self.store, self.key, self.clock = store, key, clock

    def record(self, event: AuditEvent) -> None:
        previous = self.store.audit[-1].hash if self.store.audit else GENESIS
        sequence, at = len(self.store.audit) + 1, self.clock()
        digest = changes_digest(self.key, event.changes)
        self.store.audit.append(AuditRecord(sequence, at, event, previous,
                                            chain_hash(self.key, previous, sequence, at, event, digest), digest))

    def records(self, object_type: str | None = None, object_id: str | None = None) -> Iterator[AuditRecord]:
        for r in list(self.store.audit):
            if (object_type is None or r.event.object_type == object_type) and (
                    object_id is None or r.event.object_id == object_id):
                yield r

    def case_records(self, case_number: str, linked: Sequence[tuple[str, str]] = ()) -> Iterator[AuditRecord]:
        for r in list(self.store.audit):
            kind, ident = r.event.object_type, r.event.object_id
            if ((kind == "household" and ident == case_number)
                    or (kind == "maatwerkplan" and (ident == case_number or ident.startswith(f"{case_number}/")))
                    or (kind, ident) in linked):
                yield r

    def page(self, query: AuditQuery, municipality_codes: frozenset[str] | None = None) -> AuditPage:
        needle = query.text.strip().lower()

        def wanted(r: AuditRecord) -> bool:
            e = r.event
            case = e.object_id.split("/", 1)[0] if e.object_type in ("household", "maatwerkplan") else None
            household = self.store.households.get(case) if case else None
            return ((query.kind is None or e.kind is query.kind) and (not query.break_glass_only or e.break_glass)
                    and (not needle or any(needle in s.lower() for s in (e.object_id, e.username, e.purpose)))
                    and (municipality_codes is None
                         or (household is not None and household.municipality_code in municipality_codes)))

        found = [r for r in reversed(self.store.audit) if wanted(r)]
        newer_first = [r for r in found if query.before is None or r.sequence < query.before]
        page = [dataclasses.replace(r, event=dataclasses.replace(r.event, changes={}))
                for r in newer_first[:query.limit]]
        return AuditPage(page, len(found))

    def destroy_changes(self, object_type: str, object_id: str) -> None:
        self.store.audit = [
            dataclasses.replace(r, changes_destroyed=True, event=dataclasses.replace(r.event, changes={}))
            if (r.event.object_type, r.event.object_id) == (object_type, object_id) else r
            for r in self.store.audit
        ]

    def verify(self) -> list[str]:
        return verify_chain(self.store.audit, self.key)


class FakeUserRepository:
    def __init__(self, store: FakeStore) -> None:
        self.store = store

    def find(self, username: str) -> User | None:
        user = self.store.users.get(username)
        return user.model_copy() if user else None

    def all(self) -> list[User]:
        return [u.model_copy() for _, u in sorted(self.store.users.items())]

    def password_hash(self, username: str) -> str | None:
        return self.store.password_hashes.get(username)

    def add(self, user: User, password_hash: str) -> User:
        stored = user.model_copy(update={"version": 1})
        self.store.users[user.username] = stored
        self.store.password_hashes[user.username] = password_hash
        return stored.model_copy()

    def save(self, user: User) -> User:
        current = self.store.users.get(user.username)
        if current is None:
            raise NotFound(f"Gebruiker {user.username} bestaat niet.")
        if current.version != user.version:
            raise StaleVersion()
        stored = user.model_copy(update={"version": current.version + 1})
        self.store.users[user.username] = stored
        return stored.model_copy()

    def set_password_hash(self, username: str, password_hash: str) -> None:
        self.store.password_hashes[username] = password_hash

    def upgrade_password_hash(self, username: str, old_hash: str, new_hash: str) -> bool:
        if self.store.password_hashes.get(username) != old_hash:
            return False
        self.store.password_hashes[username] = new_hash
        return True


class NoCasework:
    """Overbruggingen or escalations in a store that holds none (they are not faked: their tests use SQL).

    Lists are empty, as they are for a household without casework, so the household and audit use cases
    that look for a case's linked objects (`linked_objects`) run on the fakes; anything else is refused.
    """

    def __init__(self, page: type[OverbruggingPage] | type[EscalationPage]) -> None:
        self._page = page

    def page(self, query: OverbruggingQuery | EscalationQuery,
             municipality_codes: frozenset[str] | None = None) -> OverbruggingPage | EscalationPage:
        return self._page(rows=[], total=0, offset=query.offset, limit=query.limit)

    def __getattr__(self, name: str) -> object:
        raise NotImplementedError(f"{self._page.__name__[:-4]}: '{name}' is not faked; test it on SQLite/PostgreSQL")


# --- unit of work and a stand-in for Database ----------------------------------------------------------------


class FakeUnitOfWork:
    """One transaction on a copy of the store: `commit()` makes it the store, leaving without it discards it."""

    households: FakeHouseholdRepository
    audit: FakeAuditLog
    users: FakeUserRepository
    overbruggingen: NoCasework
    escalations: NoCasework

    def __init__(self, store: FakeStore, key: bytes, clock: TickingClock) -> None:
        self.store, self.key, self.clock = store, key, clock
        self.committed = 0

    def __enter__(self) -> FakeUnitOfWork:
        self._working = copy.deepcopy(self.store)
        self.households = FakeHouseholdRepository(self._working, self.clock)
        self.audit = FakeAuditLog(self._working, self.key, self.clock)
        self.users = FakeUserRepository(self._working)
        self.overbruggingen = NoCasework(OverbruggingPage)
        self.escalations = NoCasework(EscalationPage)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self.store.__dict__.update(copy.deepcopy(self._working).__dict__)
        self.committed += 1

    def rollback(self) -> None:
        self._working.__dict__.update(copy.deepcopy(self.store).__dict__)


@dataclass
class FakeDatabase:
    """What service tests use of `storage.bootstrap.Database`: `uow()` and the acting user."""

    actor: Actor = TEST_ACTOR
    store: FakeStore = field(default_factory=FakeStore)
    audit_key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    clock: TickingClock = field(default_factory=TickingClock)

    def uow(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.store, self.audit_key, self.clock)
