"""Precedents as text: `doorbraak precedent search` and the precedent screen draw from the same lines."""

from __future__ import annotations

import json
from typing import Any

from domain.action_kinds import action_kind, is_action_kind
from domain.precedent import Precedent, PrecedentPage
from tui.render.format import format_money


def kind_labels(codes: list[str]) -> str:
    return ", ".join(action_kind(code).naam.lower() for code in codes if is_action_kind(code))


def signed_money(value: Any) -> str:
    text = format_money(abs(value))
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


def header_line(precedent: Precedent) -> str:
    """`DB-2025-000012 · Rotterdam · besloten 2026-04 · Geëvalueerd` (the reference never names anybody)."""
    return (f"{precedent.referentie} · {precedent.gemeente} · besloten {precedent.besloten_in or 'onbekend'} · "
            f"{precedent.planstatus}")


def cost_lines(precedent: Precedent) -> list[str]:
    shift = precedent.kosten
    if not shift.partijen:
        return ["  Rekensom: geen kostenregels."]
    lines = [f"  Rekensom ({shift.horizon_maanden} maanden), kosten voor de samenleving: huidig pad "
             f"{format_money(shift.totaal_huidig_pad)}, doorbraak {format_money(shift.totaal_doorbraak)}, verschil "
             f"{signed_money(shift.verschil)}" + (" · verkeerde zak" if shift.verkeerde_zak else ""),
             "    per partij (netto, + = beter af met de doorbraak):"]
    for party in shift.partijen:
        effect = "wint" if party.verschil > 0 else ("betaalt" if party.verschil < 0 else "gelijk")
        lines.append(f"    {party.partij_naam:<36} {signed_money(party.verschil):>14}  ({effect})")
    if shift.verschuivingen:
        lines.append("    verschuivingen (overdrachten, geen kosten voor de samenleving):")
        for transfer in shift.verschuivingen:
            scenario = "huidig pad" if transfer.scenario == "huidig_pad" else "doorbraak"
            lines.append(f"    {scenario}: {transfer.van_naam} → {transfer.naar_naam} {format_money(transfer.bedrag)}")
    return lines


def precedent_lines(precedent: Precedent) -> list[str]:
    lines = [header_line(precedent), f"  Huishouden: {precedent.samenstelling}",
             f"  Sta-in-de-weg ({precedent.sta_in_de_weg_leefgebied}): {precedent.sta_in_de_weg or '–'}",
             f"  Doorbraak: {precedent.doorbraak or '–'}"]
    if precedent.knelpunten:
        lines.append(f"  Knelpunten: {'; '.join(precedent.knelpunten)}")
    lines.append("  Acties:")
    for action in precedent.acties:
        kinds = kind_labels(action.soorten)
        bases = f" [{', '.join(action.rechtsgronden)}]" if action.rechtsgronden else ""
        lines.append(f"    - {action.wat} ({action.status}{'; afwijkend' if action.afwijkend else ''})"
                     f"{bases}" + (f" · soort: {kinds}" if kinds else ""))
    if precedent.rechtsgronden:
        lines.append("  Rechtsgronden:")
        for basis in precedent.rechtsgronden:
            official = f" ({basis.officieel_id})" if basis.officieel_id else ""
            lines.append(f"    - {basis.titel}{official}")
    lines += cost_lines(precedent)
    lines.append(f"  Uitkomst: {precedent.uitkomst.samenvatting}")
    if precedent.weggelaten:
        lines.append(f"  {precedent.weggelaten} tekstveld(en) niet getoond: mogelijk persoonsgegevens.")
    if precedent.overeenkomst:
        lines.append(f"  Gevonden op: {', '.join(precedent.overeenkomst)}")
    return lines


def page_text(page: PrecedentPage) -> str:
    title = "Precedenten" + (f" ({'; '.join(page.criteria)})" if page.criteria else " (alle besloten plannen)")
    if not page.precedenten:
        return f"{title}: niets gevonden."
    lines = [f"{title}: {len(page.precedenten)} gevonden", ""]
    for precedent in page.precedenten:
        lines += [*precedent_lines(precedent), ""]
    return "\n".join(lines).rstrip()


def page_json(page: PrecedentPage) -> str:
    return json.dumps(page.model_dump(mode="json"), ensure_ascii=False, indent=2)
