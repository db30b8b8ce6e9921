"""Mandates: who may decide a maatwerkplan or grant an overbrugging, for which municipality, which kinds of
deviation, up to which amount and in which period (Awb afdeling 10.1.1, art. 10:1 ff.).

The college of a municipality grants a mandate in a mandaatbesluit (Awb 10:5: a general mandate in
writing) and may revoke it at any time (Awb 10:8). A decision taken on mandate counts as the college's own
(Awb 10:2) and says on whose behalf it is taken (Awb 10:10). The register here records each mandate: the
holder (an account), the municipality, the deviation kinds (the `ruimte` codes of the legal catalogue), the
highest amount per plan, the period, and who granted it.

Four-eyes (design choice, DOMAIN.md "Mandate and decision"): the author of a plan never decides it, and
the one who requested an overbrugging never grants it, whatever mandate they hold.

What a plan asks of a mandate:
- its deviation kinds: the main kind (`ruimte`) of every non-privacy legal basis in the juridische
  paragraaf and in its deviating actions;
- its amount: what the municipality itself pays in the doorbraak scenario of the rekensom (the four
  gemeente payers together), over the rekensom's horizon.
An overbrugging asks for the kind `overbrugging` and its cap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from domain import reference
from domain.catalogues import legal_basis, legal_room_kinds
from domain.errors import DomainError
from domain.local_time import dutch_date
from domain.plan import Maatwerkplan
from domain.rekensom import Payer
from domain.validation import clean_text

MONEY_MAX = Decimal("10000000")
OVERBRUGGING_KIND = "overbrugging"
"""The deviation kind an overbrugging asks of a mandate (a code of `legal_room_kinds`)."""
PRIVACY_KIND = "privacy"
"""A basis for sharing data is no deviation: it never asks for a mandate."""

MUNICIPAL_PAYERS = ("gemeente_participatiewet", "gemeente_wmo", "gemeente_jeugdwet", "gemeente_schuldhulp")
"""The payers whose money a municipal mandate commits (values of `domain.rekensom.Payer`)."""


def _required(value: str) -> str:
    value = clean_text(value)
    if not value:
        raise ValueError("Dit veld is verplicht.")
    return value


RequiredShort = Annotated[str, Field(max_length=200), AfterValidator(_required)]
ShortText = Annotated[str, Field(max_length=200), AfterValidator(clean_text)]


def deviation_kinds() -> dict[str, str]:
    """The kinds a mandate can cover: code → Dutch label (the catalogue's kinds, without privacy)."""
    return {code: label for code, label in legal_room_kinds().items() if code != PRIVACY_KIND}


class NoMandate(DomainError):
    """The actor may not take this decision; the message names who may."""

    title = "Geen mandaat"


class MandateDraft(BaseModel):
    """What beheer types to register a mandate."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    holder_username: str = Field(max_length=40)
    holder_name: ShortText = ""
    """On a database with accounts the account's display name (filled in when registered)."""
    municipality_code: str = Field(max_length=6)
    deviation_kinds: tuple[str, ...] = Field(default=(), max_length=20)
    max_amount: Annotated[Decimal, Field(ge=0, le=MONEY_MAX, decimal_places=2)]
    valid_from: date
    valid_until: date
    granted_by: RequiredShort
    """The mandaatgever and the mandaatbesluit, e.g. 'College van B en W van Utrecht, mandaatbesluit 2026'."""
    function: ShortText = "maatwerkfunctionaris"

    @field_validator("holder_username")
    @classmethod
    def _username(cls, value: str) -> str:
        value = value.strip().lower()
        if not value:
            raise ValueError("Geef de gebruikersnaam van de mandaathouder.")
        if any(ch.isspace() for ch in value) or not value.isprintable():
            raise ValueError("Een gebruikersnaam bevat geen spaties of stuurtekens.")
        return value

    @field_validator("municipality_code")
    @classmethod
    def _municipality(cls, value: str) -> str:
        value = value.strip().upper()
        reference.municipality_name(value)  # ValueError with a Dutch message for an unknown code
        return value

    @field_validator("deviation_kinds")
    @classmethod
    def _kinds(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        known = deviation_kinds()
        cleaned: list[str] = []
        for code in value:
            code = code.strip()
            if code not in known:
                raise ValueError(f"Onbekende soort afwijking {code!r}; kies uit: {', '.join(known)}.")
            if code not in cleaned:
                cleaned.append(code)
        order = list(known)
        return tuple(sorted(cleaned, key=order.index))

    @model_validator(mode="after")
    def _period(self) -> MandateDraft:
        if isinstance(self, Mandate) and not self.holder_name:
            raise ValueError("Geef de naam van de mandaathouder.")
        if self.valid_until < self.valid_from:
            raise ValueError("De einddatum van het mandaat ligt vóór de begindatum.")
        return self


class Mandate(MandateDraft):
    """A registered mandate. Revoked mandates stay in the register (history); they cover nothing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int | None = None
    registered_by: str = ""
    revoked_on: date | None = None
    revoked_by: str = ""
    revoke_reason: ShortText = ""
    version: int = 0
    created_at: datetime | None = None

    @property
    def reference(self) -> str:
        return f"M-{self.id}" if self.id is not None else "M-nieuw"

    @property
    def municipality_name(self) -> str:
        return reference.municipality_name(self.municipality_code)

    @property
    def kind_labels(self) -> tuple[str, ...]:
        known = deviation_kinds()
        return tuple(known[code] for code in self.deviation_kinds)

    def valid_on(self, day: date) -> bool:
        return (self.valid_from <= day <= self.valid_until
                and (self.revoked_on is None or day < self.revoked_on))

    def state(self, today: date) -> str:
        """Dutch: geldig, ingetrokken, verlopen or nog niet geldig."""
        if self.revoked_on is not None and self.revoked_on <= today:
            return "ingetrokken"
        if today > self.valid_until:
            return "verlopen"
        if today < self.valid_from:
            return "nog niet geldig"
        return "geldig"

    def describe(self) -> str:
        """One line for the decision record and the beschikking."""
        return (f"{self.reference}, {self.function} {self.municipality_name}, verleend door {self.granted_by}")[:200]


@dataclass(frozen=True)
class Ask:
    """What a decision asks of a mandate."""

    municipality_code: str
    kinds: tuple[str, ...]
    amount: Decimal
    what: str
    """Dutch object of the refusal: 'dit plan', 'deze overbrugging'."""
    verb: str
    """Dutch verb: 'vaststellen', 'toekennen'."""
    to_verb: str
    """The same with 'te': 'vast te stellen', 'toe te kennen'."""
    own: str
    """Why an author may not: 'u heeft het plan zelf opgesteld'."""


def shortfalls(mandate: Mandate, ask: Ask, days: Iterable[date]) -> list[str]:
    """Why this mandate does not cover the ask (Dutch, empty when it does)."""
    found: list[str] = []
    if mandate.municipality_code != ask.municipality_code:
        found.append(f"het mandaat geldt voor {mandate.municipality_name}, niet voor "
                     f"{reference.municipality_name(ask.municipality_code)}")
    missing = [code for code in ask.kinds if code not in mandate.deviation_kinds]
    if missing:
        labels = deviation_kinds()
        found.append("de afwijking(en) " + ", ".join(labels.get(c, c) for c in missing) + " vallen er niet onder")
    if ask.amount > mandate.max_amount:
        found.append(f"het bedrag € {_money(ask.amount)} ligt boven het maximum van € {_money(mandate.max_amount)}")
    for day in days:
        if not mandate.valid_on(day):
            state = "ingetrokken" if mandate.revoked_on is not None and mandate.revoked_on <= day else (
                "verlopen" if day > mandate.valid_until else "nog niet geldig")
            found.append(f"het mandaat is op {dutch_date(day)} {state}")
            break
    return found


def is_same_person(username: str, display_name: str, other: str) -> bool:
    """Does `other` (an author or requester, stored as a display name or a username) name this person?"""
    other = other.strip().casefold()
    return bool(other) and other in {username.strip().casefold(), display_name.strip().casefold()}


def choose_mandate(
    *,
    username: str,
    display_name: str,
    author: str,
    author_username: str = "",
    ask: Ask,
    mandates: Sequence[Mandate],
    days: Sequence[date],
) -> Mandate:
    """The actor's mandate that covers `ask` on every day of `days`; NoMandate (Dutch, naming who may) else.

    `author` is who wrote the plan or requested the overbrugging (display name or username): that person
    never decides it (four-eyes).
    """
    holders = [m for m in mandates if not shortfalls(m, ask, days)
               and not is_same_person(m.holder_username, m.holder_name, author)
               and not (author_username and m.holder_username == author_username.strip().lower())]
    who = _who_may(holders, ask)
    if is_same_person(username, display_name, author) or (
        author_username and username.strip().lower() == author_username.strip().lower()
    ):
        raise NoMandate(f"U mag {ask.what} niet {ask.verb}: {ask.own}, en er geldt een vier-ogenprincipe. {who}")
    own = [m for m in mandates if m.holder_username == username.strip().lower()]
    for mandate in own:
        if not shortfalls(mandate, ask, days):
            return mandate
    if not own:
        raise NoMandate(f"U heeft geen mandaat om {ask.what} {ask.to_verb}. {who}")
    reasons = "; ".join(f"{m.reference}: {', '.join(shortfalls(m, ask, days))}" for m in own)
    raise NoMandate(f"Uw mandaat dekt dit niet ({reasons}). {who}")


def _who_may(holders: Sequence[Mandate], ask: Ask) -> str:
    if not holders:
        return (f"Niemand in het mandaatregister van {reference.municipality_name(ask.municipality_code)} "
                "heeft een mandaat dat dit dekt; vraag beheer een mandaat vast te leggen (g m).")
    names = sorted({f"{m.holder_name} ({m.holder_username}, {m.reference})" for m in holders})
    return "Beslissen mag: " + "; ".join(names[:5]) + ("; ..." if len(names) > 5 else "") + "."


def _money(value: Decimal) -> str:
    """1.234,56: the amount in a Dutch sentence of the domain's own (screens format with tui.render.format)."""
    whole, _, cents = f"{value.quantize(Decimal('0.01')):,.2f}".partition(".")
    return whole.replace(",", ".") + "," + cents


# -- what a plan asks ------------------------------------------------------------------------------


def plan_deviation_kinds(basis_ids: Iterable[str]) -> tuple[str, ...]:
    """The main deviation kinds of these legal bases (privacy bases ask for no mandate), in catalogue order."""
    kinds: list[str] = []
    for basis_id in basis_ids:
        kind = legal_basis(basis_id).ruimte
        if kind != PRIVACY_KIND and kind not in kinds:
            kinds.append(kind)
    order = list(legal_room_kinds())
    return tuple(sorted(kinds, key=order.index))


def plan_ask(plan: Maatwerkplan, municipality_code: str) -> Ask:
    """What deciding this plan asks of a mandate: its municipality, deviation kinds and municipal amount."""
    basis_ids = [g.basis_id for g in plan.juridisch.grondslagen]
    basis_ids += [b for action in plan.actions if action.deviating for b in action.legal_basis_ids]
    result = plan.rekensom_result()
    amount = sum((result.row(Payer(code)).doorbraak for code in MUNICIPAL_PAYERS), Decimal("0.00"))
    return Ask(municipality_code, plan_deviation_kinds(basis_ids), amount, "dit plan", "vaststellen", "vast te stellen",
               "u heeft het plan zelf opgesteld")


def overbrugging_ask(cap: Decimal, municipality_code: str) -> Ask:
    """Granting an overbrugging asks for the kind `overbrugging` up to its cap."""
    return Ask(municipality_code, (OVERBRUGGING_KIND,), cap, "deze overbrugging", "toekennen", "toe te kennen",
               "u heeft de overbrugging zelf aangevraagd")
