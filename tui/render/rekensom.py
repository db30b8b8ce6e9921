"""The rekensom per payer as text cells: one view model for the plan document, the plan editor and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from domain.rekensom import RekensomResult, Scenario
from tui.render.format import format_money


@dataclass(frozen=True)
class PayerRow:
    label: str
    huidig_pad: str
    doorbraak: str
    verschil: str


@dataclass(frozen=True)
class PocketShare:
    """A payer who pays for the doorbraak or gains by it, with the amount (always shown positive)."""

    label: str
    amount: str

    def __str__(self) -> str:
        return f"{self.label} ({self.amount})"


@dataclass(frozen=True)
class RekensomView:
    rows: tuple[PayerRow, ...]
    total: PayerRow
    """The totals are sums of the rounded payer sums (label "Totaal")."""
    pays: tuple[PocketShare, ...]
    gains: tuple[PocketShare, ...]


def rekensom_view(result: RekensomResult) -> RekensomView:
    totals = result.totals
    return RekensomView(
        rows=tuple(
            PayerRow(r.payer.label, format_money(r.huidig_pad), format_money(r.doorbraak), format_money(r.verschil))
            for r in result.per_payer
        ),
        total=PayerRow(
            "Totaal",
            format_money(totals[Scenario.HUIDIG_PAD]),
            format_money(totals[Scenario.DOORBRAAK]),
            format_money(result.verschil),
        ),
        pays=tuple(PocketShare(r.payer.label, format_money(-r.verschil)) for r in result.payers_who_pay),
        gains=tuple(PocketShare(r.payer.label, format_money(r.verschil)) for r in result.payers_who_gain),
    )
