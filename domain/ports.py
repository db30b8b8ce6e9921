"""Ports the use cases need from storage. Storage implements them; tests may use in-memory fakes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # annotations only: importing every domain module here cost start-up time
    from domain.audit import AuditEvent, AuditPage, AuditQuery, AuditRecord
    from domain.caselist import CaseListPage, CaseListQuery
    from domain.catalogues import KengetalOverride
    from domain.dashboard import (
        DashboardScope,
        Drill,
        DrillPage,
        FigureCounts,
        LeadTimeFact,
        RealisedSums,
        RekensomSums,
        ResolvedFact,
        ScoreSums,
    )
    from domain.dashboard_items import KeptFigures
    from domain.escalation import Escalation, EscalationPage, EscalationQuery, ResolutionFact
    from domain.household import Household
    from domain.knelpunt import Knelpunt, KnelpuntPage, KnelpuntQuery, OccurrenceFact
    from domain.lmm import NationalCandidate
    from domain.loket import LoketVraag
    from domain.mandate import Mandate
    from domain.overbrugging import Overbrugging, OverbruggingPage, OverbruggingQuery
    from domain.people import ChecklistItem, ChecklistTick, ZrmScore
    from domain.plan import Maatwerkplan, PlanDraft, PlanVersionInfo
    from domain.precedent import PrecedentFilter, PrecedentSource
    from domain.register import (
        ContactFields,
        OrganisationSummary,
        RegisterContact,
        SearchHits,
        SearchPlan,
        Vocabulary,
    )
    from domain.research import ResearchFacts
    from domain.signals import (
        ActionCandidate,
        CaseOwner,
        EscalationCandidate,
        MemberCandidate,
        OverbruggingCandidate,
    )
    from domain.users import User


class HouseholdRepository(Protocol):
    def get(self, case_number: str) -> Household:
        """Return the household or raise NotFound."""
        ...

    def exists(self, case_number: str) -> bool: ...

    def add(self, household: Household) -> Household:
        """Insert a new household (case_number set) and return it with ids and version."""
        ...

    def save(self, household: Household) -> Household:
        """Update an existing household; raise StaleVersion when `household.version` is not current."""
        ...

    def next_case_number(self, year: int) -> str: ...

    def closed_before(self, cutoff: date) -> Iterator[Household]:
        """Closed households with `closed_on` on or before `cutoff` (streamed)."""
        ...

    def delete(self, case_number: str) -> None:
        """Hard delete the household and everything that hangs off it."""
        ...

    def find_by_member(self, name: str, date_of_birth: date | None) -> list[str]:
        """Case numbers with a member of this name (accent/case-insensitive) and, if given, birth date."""
        ...

    def find_by_member_bsn(self, bsn: str) -> list[str]: ...

    def list_cases(self, query: CaseListQuery, municipality_codes: frozenset[str] | None = None) -> CaseListPage:
        """A page of cases; `municipality_codes` limits the result (None: all)."""
        ...


class AuditLog(Protocol):
    def record(self, event: AuditEvent) -> None:
        """Append an event in the current transaction (it commits or rolls back with the change)."""
        ...

    def records(self, object_type: str | None = None, object_id: str | None = None) -> Iterator[AuditRecord]: ...

    def case_records(self, case_number: str, linked: Sequence[tuple[str, str]] = ()) -> Iterator[AuditRecord]:
        """The household's records, those of every version of its maatwerkplan and of the `linked`
        (object_type, object_id) objects, in order."""
        ...

    def page(self, query: AuditQuery, municipality_codes: frozenset[str] | None = None) -> AuditPage:
        """A page of the whole log, newest first, without old → new values; limited to municipalities if given."""
        ...

    def destroy_changes(self, object_type: str, object_id: str) -> None:
        """Remove the old → new values of an object's records (purge); the chain itself stays."""
        ...

    def verify(self) -> list[str]:
        """Dutch descriptions of every break in the hash chain; empty when intact."""
        ...


class UserRepository(Protocol):
    def find(self, username: str) -> User | None: ...

    def all(self) -> list[User]: ...

    def password_hash(self, username: str) -> str | None: ...

    def add(self, user: User, password_hash: str) -> User: ...

    def save(self, user: User) -> User:
        """Update; raise StaleVersion when `user.version` is not current."""
        ...

    def set_password_hash(self, username: str, password_hash: str) -> None: ...

    def upgrade_password_hash(self, username: str, old_hash: str, new_hash: str) -> bool:
        """Store a stronger hash of the same password only while `old_hash` is still stored; False when
        another login (the same user in a second tab) upgraded it first."""
        ...


class MandateRepository(Protocol):
    def list(self, municipality_codes: frozenset[str] | None = None) -> list[Mandate]:
        """Every mandate (revoked ones too) of these municipalities (None: all), by municipality, holder, id."""
        ...

    def get(self, mandate_id: int) -> Mandate:
        """Return the mandate or raise NotFound."""
        ...

    def add(self, mandate: Mandate) -> Mandate: ...

    def save(self, mandate: Mandate) -> Mandate:
        """Update; raise StaleVersion when `mandate.version` is not current."""
        ...


class OverbruggingRepository(Protocol):
    def get(self, overbrugging_id: int) -> Overbrugging:
        """Return the overbrugging or raise NotFound."""
        ...

    def add(self, overbrugging: Overbrugging) -> Overbrugging: ...

    def save(self, overbrugging: Overbrugging) -> Overbrugging:
        """Update steps, costs and settlement; raise StaleVersion when `overbrugging.version` is not current."""
        ...

    def page(self, query: OverbruggingQuery, municipality_codes: frozenset[str] | None = None) -> OverbruggingPage: ...

    def signal_candidates(
        self, today: date, municipality_codes: frozenset[str] | None = None
    ) -> list[tuple[OverbruggingCandidate, CaseOwner]]:
        """Only overbruggingen past their settlement deadline or over their cap (indexed queries)."""
        ...

    def overdue_plan_actions(
        self, today: date, municipality_codes: frozenset[str] | None = None
    ) -> list[tuple[ActionCandidate, CaseOwner]]:
        """Unfinished actions past their deadline in each open household's newest decided plan."""
        ...


class PeopleRepository(Protocol):
    def zrm_history(self, household_id: int) -> list[ZrmScore]: ...

    def put_zrm(self, household_id: int, scores: list[ZrmScore]) -> list[ZrmScore | None]:
        """Store the scores (same person, leefgebied and day: replaced); returns what each replaced."""
        ...

    def checklist(self, household_id: int) -> list[ChecklistTick]: ...

    def put_tick(self, household_id: int, tick: ChecklistTick) -> ChecklistTick | None: ...

    def remove_tick(self, member_id: int, item: ChecklistItem) -> ChecklistTick | None: ...

    def members_born_between(
        self, first: date, last: date, municipality_codes: frozenset[str] | None = None
    ) -> list[tuple[MemberCandidate, CaseOwner]]:
        """Members born in [first, last] in open households, with their youth-care facts (indexed on birth)."""
        ...


class EscalationRepository(Protocol):
    def get(self, escalation_id: int) -> Escalation: ...

    def add(self, escalation: Escalation) -> Escalation: ...

    def save(self, escalation: Escalation) -> Escalation: ...

    def append_step(self, escalation: Escalation) -> Escalation:
        """Save only a state change: status, its date and the newest step (a narrow write, so the LET's
        database role needs no rights on the rest of the escalation; version-checked like `save`)."""
        ...

    def national_candidates(self, day: date) -> list[NationalCandidate]:
        """Submitted LMM/LET escalations whose consent was given on or before `day` and has not expired
        (the recipients are checked by the domain)."""
        ...

    def page(self, query: EscalationQuery, municipality_codes: frozenset[str] | None = None) -> EscalationPage: ...

    def waiting_since_before(
        self, cutoff: date, municipality_codes: frozenset[str] | None = None
    ) -> list[tuple[EscalationCandidate, CaseOwner]]:
        """Submitted escalations without an answer, submitted before `cutoff`."""
        ...

    def resolution_facts(
        self, start: date | None, end: date | None, municipality_codes: frozenset[str] | None = None
    ) -> list[ResolutionFact]:
        """Closed escalations whose closing date lies in [start, end]."""
        ...


class KnelpuntRepository(Protocol):
    def get(self, knelpunt_id: int) -> Knelpunt: ...

    def add(self, knelpunt: Knelpunt) -> Knelpunt: ...

    def save(self, knelpunt: Knelpunt) -> Knelpunt: ...

    def page(self, query: KnelpuntQuery) -> KnelpuntPage: ...

    def titles(self, knelpunt_ids: Sequence[int]) -> list[str]: ...

    def occurrence_facts(self, start: date | None, end: date | None) -> list[OccurrenceFact]: ...

    def first_seen(self, knelpunt_ids: Sequence[int]) -> dict[int, date]: ...


class LoketRepository(Protocol):
    """Questions of the interdepartementaal loket (domain/loket.py)."""

    def get(self, vraag_id: int) -> LoketVraag: ...

    def add(self, vraag: LoketVraag) -> LoketVraag: ...

    def save(self, vraag: LoketVraag) -> LoketVraag:
        """StaleVersion when the stored version is not `vraag.version`."""
        ...

    def questions(self, knelpunt_id: int | None) -> list[LoketVraag]:
        """The questions about one knelpunt (None: all), newest first."""
        ...


class PlanRepository(Protocol):
    """Maatwerkplan versions of a household, autosaved drafts, and municipal kengetal overrides."""

    def current(self, case_number: str) -> Maatwerkplan | None:
        """The newest version, or None when the household has no plan (NotFound: no such case)."""
        ...

    def get(self, case_number: str, plan_version: int) -> Maatwerkplan: ...

    def versions(self, case_number: str) -> list[PlanVersionInfo]: ...

    def add(self, plan: Maatwerkplan) -> Maatwerkplan:
        """Insert a new plan version."""
        ...

    def save(self, plan: Maatwerkplan) -> Maatwerkplan:
        """Update a version; raise StaleVersion when `plan.version` is not current."""
        ...

    def get_draft(self, case_number: str, username: str) -> PlanDraft | None: ...

    def put_draft(self, draft: PlanDraft) -> PlanDraft: ...

    def delete_draft(self, case_number: str, username: str) -> None: ...

    def kengetal_overrides(self, municipality_code: str) -> list[KengetalOverride]: ...

    def put_kengetal_override(self, override: KengetalOverride) -> KengetalOverride: ...

    def delete_kengetal_override(self, municipality_code: str, kengetal_id: str) -> bool: ...


class RegisterRepository(Protocol):
    """The Landelijk Maatwerkregister (see storage/register.py for the search contract)."""

    def get(self, contact_id: int) -> RegisterContact:
        """Return the contact or raise NotFound."""
        ...

    def find_by_external_id(self, external_id: str) -> RegisterContact | None: ...

    def existing_external_ids(self, external_ids: Sequence[str]) -> set[str]: ...

    def add(self, fields: ContactFields) -> RegisterContact:
        """Insert; raise Conflict when the external id is taken."""
        ...

    def save(self, contact: RegisterContact) -> RegisterContact:
        """Update; raise StaleVersion when `contact.version` is not current."""
        ...

    def delete(self, contact_id: int, expected_version: int) -> None: ...

    def upsert_many(self, contacts: Sequence[ContactFields]) -> tuple[int, int]:
        """Insert or update by external id in bulk; returns (inserted, updated)."""
        ...

    def search(self, plan: SearchPlan) -> SearchHits:
        """One page (`plan.limit` rows at most) in the ranked order of the search contract."""
        ...

    def vocabulary(self) -> Vocabulary:
        """The indexed words, for typo correction."""
        ...

    def iter_contacts(self, batch_size: int = 1000) -> Iterator[RegisterContact]: ...

    def organisations(self, limit: int = 1000) -> list[OrganisationSummary]: ...

    def count(self) -> int: ...


class PrecedentRepository(Protocol):
    """Decided plans across the database, for the precedent search (domain/precedent.py)."""

    def candidates(self, wanted: PrecedentFilter) -> Iterator[PrecedentSource]:
        """Of every household the newest decided plan version that passes the SQL part of the filter, in the
        order the domain shows them (geëvalueerd first, then with an evaluation, then the newest decision), at
        most `wanted.candidates`, with the household and its knelpunt titles. Lazily: the caller may stop early."""
        ...


class DashboardRepository(Protocol):
    """Read-only aggregates of one municipality and period (definitions: domain/dashboard.py)."""

    def counts(self, scope: DashboardScope, figure: str) -> FigureCounts:
        """Rows and distinct households per bucket of a counting figure, and distinct households in all."""
        ...

    def drill(self, scope: DashboardScope, drill: Drill, limit: int = 100, offset: int = 0) -> DrillPage:
        """The households behind a figure (or one bucket of it), by case number, paged."""
        ...

    def rebuild_kept(self) -> None:
        """Make every visible household's kept items anew (storage/dashboard_items.py)."""
        ...

    def kept(self, scope: DashboardScope) -> tuple[KeptFigures, int]:
        """Every figure of the question from the kept items, and how many pending households were refreshed
        first (the caller commits when there were any). Equal to the row-by-row methods (tests)."""
        ...

    def lead_times(self, scope: DashboardScope) -> list[LeadTimeFact]: ...

    def resolved(self, scope: DashboardScope) -> list[ResolvedFact]: ...

    def score_changes(self, scope: DashboardScope) -> list[ScoreSums]:
        """Paired first/last scores per leefgebied, and under the key "rapportcijfer"."""
        ...

    def projected(self, scope: DashboardScope, *, realised_only: bool = False) -> RekensomSums: ...

    def realised(self, scope: DashboardScope) -> RealisedSums: ...

    def research_facts(self, scope: DashboardScope, batch_size: int = 500) -> Iterator[ResearchFacts]:
        """The caseload's households with their plan in force, streamed in batches (for the research export)."""
        ...

    def municipalities(self, codes: frozenset[str] | None = None) -> list[tuple[str, str, int]]:
        """(CBS code, name, households) of the municipalities that have households, by name; only `codes` if given."""
        ...


class UnitOfWork(Protocol):
    """One transaction. Leaving the block without `commit()` rolls back.

    The repositories are read-only members: use cases only read them, and a read-only protocol member is
    covariant, so an implementation may offer its own repository classes (SqlAuditLog for AuditLog) as long
    as they satisfy these protocols. A plain attribute here would demand exactly the protocol type."""

    @property
    def households(self) -> HouseholdRepository: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def users(self) -> UserRepository: ...

    @property
    def mandates(self) -> MandateRepository: ...

    @property
    def register(self) -> RegisterRepository: ...

    @property
    def overbruggingen(self) -> OverbruggingRepository: ...

    @property
    def escalations(self) -> EscalationRepository: ...

    @property
    def knelpunten(self) -> KnelpuntRepository: ...

    @property
    def loket(self) -> LoketRepository: ...

    @property
    def plans(self) -> PlanRepository: ...

    @property
    def dashboard(self) -> DashboardRepository: ...

    @property
    def people(self) -> PeopleRepository: ...

    @property
    def precedents(self) -> PrecedentRepository: ...

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
