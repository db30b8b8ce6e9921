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
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from domain import reference
from domain.caselist import search_normalise
from domain.jsondata import JsonObject
from domain.prices import cpi_series, index_amount, wahv_increases
from domain.rekensom import CostKind, CostLine, CostSource, Frequency, Payer, Scenario
from domain.validation import clean_text


def _load(name: str) -> JsonObject:
    text = resources.files(reference).joinpath(name).read_text(encoding="utf-8")
    data: JsonObject = json.loads(text)
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
    soort: CostKind = CostKind.KOSTEN
    """kosten (a real cost of `betaler`) or overdracht (money from `betaler` to `ontvanger`)."""
    ontvanger: Payer | None = None
    aflostermijn: int | None = Field(default=None, ge=1, le=600)
    """A loan: repaid in this many monthly instalments."""
    wettelijk: str | None = None
    """The amount comes from the dated table of statutory amounts (`wahv_verhogingen`), not from `bedrag`."""
    basisbedrag: Decimal | None = None
    """For `wahv_verhogingen`: the default sanction the increases are computed on."""
    overridden: bool = False
    """True when this is a municipality's own figure."""
    standard_bedrag: Decimal | None = None
    standard_bron: str = ""
    standard_jaar: int | None = None

    @model_validator(mode="after")
    def _kind(self) -> Kengetal:
        if (self.soort is CostKind.OVERDRACHT) != (self.ontvanger is not None):
            raise ValueError(f"{self.id}: een overdracht heeft een ontvanger, kosten niet")
        if self.ontvanger is self.betaler:
            raise ValueError(f"{self.id}: betaler en ontvanger zijn dezelfde partij")
        if self.aflostermijn is not None and self.soort is not CostKind.OVERDRACHT:
            raise ValueError(f"{self.id}: een lening is een overdracht")
        if self.wettelijk is not None and self.wettelijk not in STATUTORY_KENGETALLEN:
            raise ValueError(f"{self.id}: onbekend wettelijk bedrag {self.wettelijk!r}")
        return self

    @property
    def source_label(self) -> str:
        return f"{self.bron} ({self.jaar if self.jaar is not None else 'z.j.'})"

    @property
    def kind_label(self) -> str:
        if self.soort is CostKind.KOSTEN:
            return f"kosten · {self.betaler.label}"
        assert self.ontvanger is not None
        what = "lening" if self.aflostermijn is not None else "overdracht"
        return f"{what} · {self.betaler.label} → {self.ontvanger.label}"


STATUTORY_KENGETALLEN = frozenset({"wahv_verhogingen"})


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
    receiver: Payer | None = None,
    amount: Decimal | None = None,
    quantity: Decimal = Decimal(1),
    probability: Decimal = Decimal(1),
    start_month: int = 0,
    duration_months: int | None = None,
    price_year: int | None = None,
    on: date | None = None,
    default_probability: Decimal | None = None,
) -> CostLine:
    """A cost line pre-filled from a kengetal (amount, kind, payer, receiver and source), ready to adjust.

    With `price_year` the kengetal's amount (of its source year; a municipality's own figure of its own year)
    is indexed with the CBS CPI to that price level, rounded to cents once; the source keeps the original
    amount and year. A statutory kengetal (`wettelijk`) takes its amount from the dated table on `on` (its
    `amount` is then the sanction). A kengetal without an amount (a rule, such as the rent per month) needs
    `amount`.
    """
    source_amount: Decimal | None = None
    source_text, source_year = item.bron, item.jaar
    if item.wettelijk == "wahv_verhogingen":
        sanction = amount if amount is not None else item.basisbedrag
        if sanction is None or on is None:
            raise ValueError(f"Kengetal '{item.naam}' heeft een sanctie en een datum nodig.")
        increases = wahv_increases(sanction, on)
        value = increases.eerste_verhoging + increases.tweede_verhoging
        source_text = (
            f"{item.bron}; sanctie {_euro(sanction)}: +{_euro(increases.eerste_verhoging)} en "
            f"+{_euro(increases.tweede_verhoging)}"
        )[:300]
        source_year = on.year
        default_description = f"Wettelijke verhogingen op een WAHV-boete van {_euro(sanction)}"
    else:
        default_description = item.naam
        if amount is not None:
            value = amount
        elif item.bedrag is None:
            raise ValueError(f"Kengetal '{item.naam}' is een regel zonder bedrag; vul zelf een bedrag in.")
        elif price_year is not None and item.jaar is not None and _indexable(item.jaar, price_year):
            value = index_amount(item.bedrag, item.jaar, price_year)
            source_amount = item.bedrag
        else:
            value = item.bedrag
    is_transfer = item.soort is CostKind.OVERDRACHT
    return CostLine(
        description=description or default_description,
        scenario=scenario,
        payer=payer or item.betaler,
        receiver=(receiver or item.ontvanger) if is_transfer else None,
        kind=item.soort,
        amount=value,
        quantity=quantity,
        probability=probability,
        frequency=item.frequentie,
        start_month=start_month,
        duration_months=None if item.frequentie is Frequency.EENMALIG else duration_months,
        loan_months=item.aflostermijn,
        default_probability=default_probability if item.aflostermijn is not None else None,
        source=CostSource(kengetal_id=item.id, text=source_text, year=source_year, amount=source_amount),
    )


def _indexable(source_year: int, price_year: int) -> bool:
    """Index a figure only to a later price level that the CPI table covers; a figure of the price year itself,
    or newer (a municipality's own figure of this year), is used as given."""
    series = cpi_series()
    return source_year < price_year and series.first_year <= source_year and price_year <= series.last_year


def _euro(value: Decimal) -> str:
    whole, _, cents = f"{value:.2f}".partition(".")
    return f"€ {int(whole):,}".replace(",", ".") + f",{cents}"


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
