"""Catalogues for the maatwerkplan: kengetallen (unit costs) and legal bases, read from versioned JSON.

The JSON files live in `domain/reference/` beside the other reference data. A municipality can override
a kengetal with its own figure and source; those overrides are stored in the database and merged here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from domain import reference
from domain.caselist import search_normalise
from domain.rekensom import CostLine, CostSource, Frequency, Payer, Scenario
from domain.validation import clean_text


def _load(name: str) -> dict[str, Any]:
    text = resources.files(reference).joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


# -- kengetallen ----------------------------------------------------------------------------------


class Kengetal(BaseModel):
    """A unit cost with its source and year. `bedrag` None: a rule or ratio, not an amount (user fills it in)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    naam: str
    bedrag: Decimal | None
    factor: Decimal | None = None
    frequentie: Frequency
    betaler: Payer
    eenheid: str
    bron: str
    jaar: int | None
    toelichting: str = ""
    overridden: bool = False
    """True when this is a municipality's own figure."""
    standard_bedrag: Decimal | None = None
    standard_bron: str = ""
    standard_jaar: int | None = None

    @property
    def source_label(self) -> str:
        return f"{self.bron} ({self.jaar if self.jaar is not None else 'z.j.'})"


@cache
def _kengetallen() -> tuple[Kengetal, ...]:
    data = _load("kengetallen.json")
    return tuple(Kengetal.model_validate(row) for row in data["kengetallen"])


def kengetallen_version() -> str:
    return str(_load("kengetallen.json")["version"])


def kengetallen() -> tuple[Kengetal, ...]:
    """The national seed catalogue, in file order."""
    return _kengetallen()


def kengetal(kengetal_id: str) -> Kengetal:
    for item in _kengetallen():
        if item.id == kengetal_id:
            return item
    raise KeyError(kengetal_id)


def is_kengetal(kengetal_id: str) -> bool:
    return any(item.id == kengetal_id for item in _kengetallen())


SourceText = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(clean_text)]


class KengetalOverride(BaseModel):
    """A municipality's own figure for a kengetal, with its own source and year."""

    model_config = ConfigDict(extra="forbid")

    municipality_code: str = Field(max_length=6)
    kengetal_id: str = Field(max_length=60)
    bedrag: Decimal = Field(ge=0, le=Decimal("10000000"), decimal_places=2)
    bron: SourceText
    jaar: int = Field(ge=1950, le=2100)
    updated_by: str = ""
    updated_at: datetime | None = None


def apply_overrides(overrides: Iterable[KengetalOverride]) -> tuple[Kengetal, ...]:
    """The catalogue as a municipality sees it: its own figures replace the national ones."""
    by_id = {o.kengetal_id: o for o in overrides}
    result = []
    for item in _kengetallen():
        own = by_id.get(item.id)
        if own is None:
            result.append(item)
            continue
        result.append(
            item.model_copy(
                update={
                    "bedrag": own.bedrag,
                    "bron": own.bron,
                    "jaar": own.jaar,
                    "overridden": True,
                    "standard_bedrag": item.bedrag,
                    "standard_bron": item.bron,
                    "standard_jaar": item.jaar,
                }
            )
        )
    return tuple(result)


def cost_line_from_kengetal(
    item: Kengetal,
    scenario: Scenario,
    *,
    description: str | None = None,
    payer: Payer | None = None,
    amount: Decimal | None = None,
    quantity: Decimal = Decimal(1),
    probability: Decimal = Decimal(1),
    start_month: int = 0,
    duration_months: int | None = None,
) -> CostLine:
    """A cost line pre-filled from a kengetal (amount, frequency, payer and source), ready to adjust.

    A kengetal without an amount (a rule such as the 125 % premium) needs `amount`.
    """
    value = amount if amount is not None else item.bedrag
    if value is None:
        raise ValueError(f"Kengetal '{item.naam}' is een regel zonder bedrag; vul zelf een bedrag in.")
    return CostLine(
        description=description or item.naam,
        scenario=scenario,
        payer=payer or item.betaler,
        amount=value,
        quantity=quantity,
        probability=probability,
        frequency=item.frequentie,
        start_month=start_month,
        duration_months=None if item.frequentie is Frequency.EENMALIG else duration_months,
        source=CostSource(kengetal_id=item.id, text=item.bron, year=item.jaar),
    )


# -- legal bases ----------------------------------------------------------------------------------

OFFICIAL_ID = re.compile(r"^(BWBR\d{7}|CELEX:\d{5}[A-Z]\d{4})$")
"""A BWB identifier (wetten.overheid.nl) or an EU CELEX number (EUR-Lex)."""
JCI_LOCATOR = re.compile(r"^artikel=[0-9A-Za-z.:]+(&lid=\d+[a-z]?)?(&onderdeel=[a-z]+)?$")
"""The article part of a Juriconnect reference (jci1.3), e.g. `artikel=3:4&lid=2`."""
WETTEN_BASE = "https://wetten.overheid.nl/"
EURLEX_BASE = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri="


class GeldigVanafSoort(StrEnum):
    """What a basis' "geldig vanaf" date means, so nobody reads more into it than was checked."""

    ARTIKELTEKST = "artikeltekst"
    """The cited article text applies from this date (checked against a source)."""
    INWERKINGTREDING_WET = "inwerkingtreding_wet"
    """The date the law (or the scheme) took effect; the article text may be younger."""
    GERAADPLEEGDE_VERSIE = "geraadpleegde_versie"
    """The start of the consolidated version in which the text was read; it may apply from earlier."""
    ONBEKEND = "onbekend"
    """No date could be verified; the entry's bronnen say so."""


class LegalBasis(BaseModel):
    """A legal basis from the catalogue: law, article, what it allows and the kinds of deviation it justifies.

    `ruimte` is the main kind of legal room (kept for plans and screens that show one label); `afwijkingen`
    lists every deviation kind the basis can justify and always includes `ruimte`.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$", max_length=60)
    wet: str
    artikel: str
    wat: str
    ruimte: str
    afwijkingen: tuple[str, ...] = Field(min_length=1)
    officieel_id: str | None = None
    """BWB id (`BWBR0005537`) or `CELEX:32016R0679`; None for a scheme that is not a law (e.g. a Kamerbrief)."""
    jci: str | None = None
    """Juriconnect article locator, e.g. `artikel=3:4&lid=2`; None links to the whole law."""
    geldig_vanaf: date | None = None
    geldig_vanaf_soort: GeldigVanafSoort = GeldigVanafSoort.ONBEKEND
    bronnen: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> LegalBasis:
        if self.officieel_id is not None and not OFFICIAL_ID.match(self.officieel_id):
            raise ValueError(f"{self.id}: officieel_id {self.officieel_id!r} is geen BWB- of CELEX-nummer")
        if self.jci is not None:
            if self.officieel_id is None or not self.officieel_id.startswith("BWBR"):
                raise ValueError(f"{self.id}: een jci-verwijzing hoort bij een BWB-regeling")
            if not JCI_LOCATOR.match(self.jci):
                raise ValueError(f"{self.id}: jci {self.jci!r} is geen artikelverwijzing")
        if (self.geldig_vanaf is None) != (self.geldig_vanaf_soort is GeldigVanafSoort.ONBEKEND):
            raise ValueError(f"{self.id}: geldig_vanaf en geldig_vanaf_soort spreken elkaar tegen")
        if self.ruimte not in self.afwijkingen:
            raise ValueError(f"{self.id}: afwijkingen moet de ruimte {self.ruimte!r} bevatten")
        if len(set(self.afwijkingen)) != len(self.afwijkingen):
            raise ValueError(f"{self.id}: dubbele afwijkingssoort")
        return self

    @property
    def title(self) -> str:
        return f"{self.wet}, {self.artikel}"

    @property
    def ruimte_label(self) -> str:
        return legal_room_kinds()[self.ruimte]

    @property
    def afwijking_labels(self) -> tuple[str, ...]:
        kinds = legal_room_kinds()
        return tuple(kinds[code] for code in self.afwijkingen)

    @property
    def is_privacy(self) -> bool:
        return self.ruimte == "privacy"

    @property
    def link(self) -> str | None:
        """Where the text can be read: the article on wetten.overheid.nl (Juriconnect), or EUR-Lex for EU law."""
        if self.officieel_id is None:
            return None
        if self.officieel_id.startswith("CELEX:"):
            return EURLEX_BASE + self.officieel_id
        if self.jci is None:
            return f"{WETTEN_BASE}{self.officieel_id}/"
        return f"{WETTEN_BASE}jci1.3:c:{self.officieel_id}&{self.jci}"


@cache
def legal_room_kinds() -> dict[str, str]:
    """Kind of legal room (deviation kind): code → Dutch label."""
    return {row["code"]: row["naam"] for row in _load("rechtsgronden.json")["ruimtes"]}


@cache
def _legal_bases() -> tuple[LegalBasis, ...]:
    rows = tuple(LegalBasis.model_validate(row) for row in _load("rechtsgronden.json")["rechtsgronden"])
    kinds = legal_room_kinds()
    for row in rows:
        unknown = [code for code in row.afwijkingen if code not in kinds]
        if unknown:  # pragma: no cover - guards the data file
            raise ValueError(f"rechtsgronden.json: unknown ruimte {unknown} for {row.id}")
    return rows


def legal_bases() -> tuple[LegalBasis, ...]:
    return _legal_bases()


@cache
def _legal_index() -> dict[str, LegalBasis]:
    return {row.id: row for row in _legal_bases()}


def legal_basis(basis_id: str) -> LegalBasis:
    try:
        return _legal_index()[basis_id]
    except KeyError:
        raise KeyError(basis_id) from None


def is_legal_basis(basis_id: str) -> bool:
    return basis_id in _legal_index()


@cache
def _search_texts() -> tuple[tuple[LegalBasis, str], ...]:
    return tuple(
        (
            row,
            search_normalise(
                " ".join(
                    [row.id.replace("_", " "), row.wet, row.artikel, row.wat, row.ruimte_label,
                     row.officieel_id or "", *row.bronnen]
                )
            ),
        )
        for row in _legal_bases()
    )


def search_legal_bases(query: str = "", *, ruimte: str | None = None, privacy: bool | None = None) -> list[LegalBasis]:
    """Every basis whose text contains all words of `query`, ignoring case and diacritics.

    "4:84", "awb evenredig", "jeugdwet 1.2" and "clïent" all work. An empty query lists the catalogue.
    `ruimte` limits to bases that can justify that kind of deviation; `privacy` True/False keeps only
    (non-)privacy bases.
    """
    terms = search_normalise(query).split()
    result = []
    for row, text in _search_texts():
        if ruimte is not None and ruimte not in row.afwijkingen:
            continue
        if privacy is not None and row.is_privacy != privacy:
            continue
        if all(term in text for term in terms):
            result.append(row)
    # Title hits first (someone typing "awb" wants the Awb articles on top), then catalogue order.
    if terms:
        result.sort(key=lambda row: not all(term in search_normalise(row.title) for term in terms))
    return result


def unknown_legal_bases(ids: Sequence[str]) -> list[str]:
    return [basis_id for basis_id in ids if basis_id not in _legal_index()]
