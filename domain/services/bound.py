"""The use cases bound to a unit of work and the actor: what the TUI, the CLI and tests call.

Each area's service class lives next to its use cases (e.g. `households.HouseholdService`) and derives from
`Bound`: it holds a factory for a fresh unit of work and a provider of the current actor (the actor changes
at login), so a call site says `services.households.get(case_number, purpose=...)` and never wires a unit
of work. Storage's bootstrap builds a `UseCases` on the real database; tests can bind one to a fake.
Areas are built on first use: importing every service module costs start-up time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from domain.actors import Actor
from domain.ports import UnitOfWork

if TYPE_CHECKING:
    from domain.services.audit import AuditService
    from domain.services.dashboard import DashboardService
    from domain.services.escalation import EscalationService
    from domain.services.households import HouseholdService
    from domain.services.knelpunten import KnelpuntService
    from domain.services.lmm import LmmService
    from domain.services.loket import LoketService
    from domain.services.mandates import MandateService
    from domain.services.overbrugging import OverbruggingService
    from domain.services.people import PeopleService
    from domain.services.plans import PlanService
    from domain.services.precedents import PrecedentService
    from domain.services.privacy import PrivacyService
    from domain.services.register import RegisterService
    from domain.services.research import ResearchService
    from domain.services.signals import SignalService
    from domain.services.users import PasswordHasher, UserService

UnitOfWorkFactory = Callable[[], UnitOfWork]
ActorProvider = Callable[[], Actor]


class Bound:
    """Base of the bound service classes: a fresh unit of work per use case, the actor of the moment."""

    def __init__(self, uow: UnitOfWorkFactory, actor: ActorProvider) -> None:
        self._new_uow = uow
        self._current_actor = actor

    @property
    def uow(self) -> UnitOfWork:
        """A fresh unit of work (each use case runs in its own transaction)."""
        return self._new_uow()

    @property
    def actor(self) -> Actor:
        return self._current_actor()


class UseCases:
    """Every area's bound services, one attribute per area, and the actor of the moment (no unit of work:
    whoever holds this object calls use cases, never a repository)."""

    def __init__(self, uow: UnitOfWorkFactory, actor: ActorProvider, *, hasher: PasswordHasher | None = None) -> None:
        self._new_uow = uow
        self._current_actor = actor
        self._hasher = hasher

    @property
    def actor(self) -> Actor:
        return self._current_actor()

    @cached_property
    def households(self) -> HouseholdService:
        from domain.services.households import HouseholdService

        return HouseholdService(self._new_uow, self._current_actor)

    @cached_property
    def plans(self) -> PlanService:
        from domain.services.plans import PlanService

        return PlanService(self._new_uow, self._current_actor)

    @cached_property
    def mandates(self) -> MandateService:
        from domain.services.mandates import MandateService

        return MandateService(self._new_uow, self._current_actor)

    @cached_property
    def register(self) -> RegisterService:
        from domain.services.register import RegisterService

        return RegisterService(self._new_uow, self._current_actor)

    @cached_property
    def knelpunten(self) -> KnelpuntService:
        from domain.services.knelpunten import KnelpuntService

        return KnelpuntService(self._new_uow, self._current_actor)

    @cached_property
    def loket(self) -> LoketService:
        from domain.services.loket import LoketService

        return LoketService(self._new_uow, self._current_actor)

    @cached_property
    def users(self) -> UserService:
        from domain.services.users import UserService

        if self._hasher is None:
            raise RuntimeError("UseCases was built without a password hasher")
        return UserService(self._new_uow, self._current_actor, self._hasher)

    @cached_property
    def privacy(self) -> PrivacyService:
        from domain.services.privacy import PrivacyService

        return PrivacyService(self._new_uow, self._current_actor)

    @cached_property
    def audit(self) -> AuditService:
        from domain.services.audit import AuditService

        return AuditService(self._new_uow, self._current_actor)

    @cached_property
    def dashboard(self) -> DashboardService:
        from domain.services.dashboard import DashboardService

        return DashboardService(self._new_uow, self._current_actor)

    @cached_property
    def research(self) -> ResearchService:
        from domain.services.research import ResearchService

        return ResearchService(self._new_uow, self._current_actor)

    @cached_property
    def signals(self) -> SignalService:
        from domain.services.signals import SignalService

        return SignalService(self._new_uow, self._current_actor)

    @cached_property
    def escalations(self) -> EscalationService:
        from domain.services.escalation import EscalationService

        return EscalationService(self._new_uow, self._current_actor)

    @cached_property
    def people(self) -> PeopleService:
        from domain.services.people import PeopleService

        return PeopleService(self._new_uow, self._current_actor)

    @cached_property
    def overbruggingen(self) -> OverbruggingService:
        from domain.services.overbrugging import OverbruggingService

        return OverbruggingService(self._new_uow, self._current_actor)

    @cached_property
    def lmm(self) -> LmmService:
        from domain.services.lmm import LmmService

        return LmmService(self._new_uow, self._current_actor)

    @cached_property
    def precedents(self) -> PrecedentService:
        from domain.services.precedents import PrecedentService

        return PrecedentService(self._new_uow, self._current_actor)
