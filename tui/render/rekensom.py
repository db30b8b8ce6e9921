"""The rekensom per party as text cells: one view model for the plan document, the plan editor and the CLI.

Rows are the net effect per party (the household included: kosten it pays + overdrachten it pays −
overdrachten it receives); the total is the saldo voor de samenleving (real costs only); overdrachten are
listed separately as verschuivingen (DOMAIN.md "Costs versus transfers").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.rekensom import ZERO, CostLine, CostSource, RekensomResult, Scenario, loan_summary
from tui.render.format import format_money, format_number

SOCIETY_LABEL = "Saldo voor de samenleving"


@dataclass(frozen=True)
class PayerRow:
    label: str
    huidig_pad: str
    doorbraak: str
    verschil: str


@dataclass(frozen=True)
class PocketShare:
    """A party that pays for the doorbraak or gains by it, with the amount (always shown positive)."""

    label: str
    amount: str

    def __str__(self) -> str:
        return f"{self.label} ({self.amount})"


@dataclass(frozen=True)
class TransferRow:
    """A verschuiving: scenario, "payer → receiver", amount."""

    scenario: str
    route: str
    amount: str


@dataclass(frozen=True)
class RekensomView:
    rows: tuple[PayerRow, ...]
    total: PayerRow
    """The saldo voor de samenleving: sums of the rounded kosten per party (overdrachten cancel)."""
    pays: tuple[PocketShare, ...]
    gains: tuple[PocketShare, ...]
    transfers: tuple[TransferRow, ...] = ()
    wrong_pocket: bool = False

    @property
    def wrong_pocket_line(self) -> str:
        """The wrong-pocket line of the document: always present, so a reader knows it was checked."""
        if self.wrong_pocket:
            return "Ja: wie betaalt voor de doorbraak is niet wie er wint."
        return "Nee: wie betaalt voor de doorbraak wint er ook bij (of niemand gaat erop achteruit)."


def rekensom_view(result: RekensomResult) -> RekensomView:
    totals = result.totals
    return RekensomView(
        rows=tuple(
            PayerRow(r.payer.label, format_money(r.huidig_pad), format_money(r.doorbraak), format_money(r.verschil))
            for r in result.per_payer
        ),
        total=PayerRow(
            SOCIETY_LABEL,
            format_money(totals[Scenario.HUIDIG_PAD]),
            format_money(totals[Scenario.DOORBRAAK]),
            format_money(result.verschil),
        ),
        pays=tuple(PocketShare(r.payer.label, format_money(-r.verschil)) for r in result.payers_who_pay),
        gains=tuple(PocketShare(r.payer.label, format_money(r.verschil)) for r in result.payers_who_gain),
        transfers=tuple(
            TransferRow(
                "huidig pad" if v.scenario is Scenario.HUIDIG_PAD else "doorbraak",
                f"{v.payer.label} → {v.receiver.label}",
                format_money(v.amount),
            )
            for v in result.verschuivingen
        ),
        wrong_pocket=result.wrong_pocket,
    )


def source_text(source: CostSource | None, price_year: int | None) -> str:
    """ "Cebeon (2011)", or for an indexed kengetal "prijspeil 2025, bron: Cebeon, 2011: € 23.236,00"."""
    if source is None:
        return "geen bron"
    if source.amount is not None and source.year is not None and price_year is not None:
        return f"prijspeil {price_year}, bron: {source.text}, {source.year}: {format_money(source.amount)}"
    return source.describe()


def amount_text(line: CostLine, price_year: int | None) -> str:
    """ "€ 33.374,47 (prijspeil 2025, bron: Cebeon, 2011: € 23.236,00)"; without indexation the amount alone."""
    money = format_money(line.amount)
    if line.source is not None and line.source.amount is not None and price_year is not None:
        return f"{money} ({source_text(line.source, price_year)})"
    return money


def kind_text(line: CostLine) -> str:
    """ "kosten: Gemeente – Wmo" or "overdracht: Huishouden → Rijk (Staat)" or "lening: …"."""
    if line.receiver is None:
        return f"kosten: {line.payer.label}"
    what = "lening" if line.loan_months is not None else "overdracht"
    return f"{what}: {line.payer.label} → {line.receiver.label}"


def loan_text(line: CostLine, horizon: int, discount_rate: Decimal = ZERO) -> str:
    """What a loan does inside the horizon, in one line."""
    s = loan_summary(line, horizon, discount_rate)
    text = (
        f"uitbetaald {format_money(s.outlay)}, afgelost binnen de horizon {format_money(s.repaid)} "
        f"({line.loan_months} termijnen), restschuld {format_money(s.restschuld)}"
    )
    if line.default_probability:
        text += (
            f", kans op niet terugbetalen {format_number(line.default_probability)}: "
            f"verwacht verlies {format_money(s.expected_default)}"
        )
    return text
