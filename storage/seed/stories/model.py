"""The shape of a written demo story: plain frozen data, no behaviour (storage/seed/stories/build.py turns it
into rows and domain objects).

A story is one fictional household told once, consistently: who lives there, what goes wrong per
leefgebied (and for whom), which organisations are involved at what yearly cost, and — past intake — its
maatwerkplan: perspective, the one sta-in-de-weg, the doorbraak, goals, actions with owners that fit the
task, a rekensom with real costs and transfers (payer and receiver), the legal bases from
domain/reference/rechtsgronden.json, and how it turned out at evaluation.

Dates are ISO strings ("2026-02-06", "2026-02-06 08:43") so the stories read as data. Amounts are strings
in euros ("1450.00"). Everything is relative to the seed's reference date, 1 November 2026.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

KINDERBIJSLAG = "kinderbijslag"
"""As an organisation's yearly cost: computed from the children's ages with the SVB amounts of 2026
(storage/seed/stories/amounts.py), so the figure always fits the household."""

HUISHOUDEN = "huishouden"
"""The household itself as a party of a cost line (it pays a fine, receives bijzondere bijstand)."""


@dataclass(frozen=True)
class Person:
    name: str
    born: str
    role: str = "kind"
    """hoofdbewoner, partner, kind, ouder or overig (domain.household.MemberRole)."""
    bsn: bool = False
    """True: gets a BSN from the test range 9999xxxxx."""

    @property
    def first_name(self) -> str:
        return self.name.split(" ", 1)[0]


@dataclass(frozen=True)
class Problem:
    leefgebied: str
    score: int
    """ZRM score 1-5 of the person it is about (or of the household for shared matters)."""
    text: str
    since: str | None = None
    who: str | None = None
    """First name of the member it belongs to; None: the household as a whole (rent, shared debts)."""


@dataclass(frozen=True)
class Organisation:
    name: str
    type: str
    """domain.household.OrganisationType value."""
    framework: str
    """domain.household.LegalFramework value."""
    product: str
    yearly_cost: str
    """Euros per year, or KINDERBIJSLAG."""


@dataclass(frozen=True)
class Goal:
    text: str
    leefgebied: str
    target: int


@dataclass(frozen=True)
class Action:
    what: str
    owner: str
    """The organisation that carries it out; it fits the task (the noodstop by schuldhulpverlening)."""
    weeks: int
    """Deadline: this many weeks after the plan's start."""
    goal: int = 1
    """1-based index into the plan's goals."""
    contact: str = ""
    status: str = "open"
    """For a plan in execution: open, bezig, vastgelopen or gedaan. An evaluated plan has all gedaan."""
    note: str = ""
    done_days: int = 0
    """For gedaan: days after the plan's start it was done."""
    deviating: bool = False
    bases: tuple[str, ...] = ()
    """Legal bases (rechtsgronden.json ids) of a deviating action."""
    cost: int | None = None
    """1-based index of the cost line this action causes."""
    onevenredigheid: str = ""
    gelijkheid: str = ""


@dataclass(frozen=True)
class Cost:
    what: str
    scenario: str
    """huidig_pad (doormodderen) or doorbraak."""
    payer: str
    """A domain.rekensom.Payer value, or HUISHOUDEN."""
    amount: str | None = None
    """Euros; None with a kengetal (the catalogue's amount is used)."""
    frequency: str = "eenmalig"
    kind: str = "kosten"
    """kosten (a real cost: time, care, places, court and bailiff effort) or overdracht (money moving from
    payer to receiver: fines and increases, premiums, benefits, rent arrears, loans)."""
    receiver: str | None = None
    """For an overdracht: who receives it (a domain.rekensom.Payer value: huishouden, woningcorporatie, rijk
    for fines via the CJIB, zorgverzekeringsfonds for the bestuursrechtelijke premie via the CAK, ...)."""
    kengetal: str | None = None
    quantity: str = "1"
    probability: str = "1"
    start: int = 0
    months: int | None = None
    source: str = ""
    year: int = 2026
    loan_months: int | None = None
    """A loan (an overdracht from lender `payer` to borrower `receiver`): repaid in this many monthly instalments."""
    default_probability: str | None = None
    """A loan's chance that what is still unpaid at the end of the horizon is never repaid."""


@dataclass(frozen=True)
class Basis:
    id: str
    why: str


@dataclass(frozen=True)
class Evaluation:
    moment: int
    """Months after the start: 0, 3, 6 or 12."""
    grade: int
    scores: Mapping[str, int]
    """Leefgebied → ZRM score at this moment."""
    note: str


@dataclass(frozen=True)
class Change:
    """A second version decided after the first: what changed and why."""

    days: int
    """Decided this many days after the first version."""
    reason: str
    extra_action: Action
    postpone_last_weeks: int = 0


@dataclass(frozen=True)
class Plan:
    start: str
    """The day the plan was decided (or, for a concept, the day it was begun)."""
    in_kaart: str
    perspective: str
    obstacle: str
    """Leefgebied of the sta-in-de-weg: one of the story's problems."""
    obstacle_text: str
    doorbraak: str = ""
    goals: tuple[Goal, ...] = ()
    actions: tuple[Action, ...] = ()
    costs: tuple[Cost, ...] = ()
    facts: str = ""
    circumstances: str = ""
    onevenredigheid: str = ""
    gelijkheid: str = ""
    risks: str = ""
    grounds: tuple[Basis, ...] = ()
    privacy: tuple[Basis, ...] = ()
    privacy_text: str = ""
    law: str = ""
    """Wettelijk kader in one line."""
    consent_method: str = "schriftelijk"
    evaluations: tuple[Evaluation, ...] = ()
    change: Change | None = None
    stage: int | None = None
    """For a concept: how far it got (1 = only the perspective ... 4 = all but consent); None: complete."""
    draft: str = ""
    """For a concept: what the local user typed after the saved perspective and did not save yet."""


@dataclass(frozen=True)
class Story:
    key: str
    """A short stable handle, e.g. 'celik'."""
    summary: str
    """One line: who, where, what is in the way, what the doorbraak is."""
    name: str
    municipality: str
    """CBS code."""
    team: str
    professional: str
    status: str
    registered: str
    """When the household was registered (UTC, 'YYYY-MM-DD HH:MM')."""
    updated: str | None
    """Last change (UTC); None: never changed since registration."""
    people: tuple[Person, ...]
    problems: tuple[Problem, ...]
    organisations: tuple[Organisation, ...]
    address: tuple[str, str, str, str] | None = None
    """(street, house number, postcode, town); None: no fixed address."""
    plan: Plan | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
