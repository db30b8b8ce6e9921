"""The pseudonymised export for action research: one row per household of the caseload, no direct identifiers.

What leaves: a keyed pseudonym (HMAC-SHA256 of the case number with the municipality's own research key,
which lives outside the database and outside the export), the municipality, months instead of dates, age
bands instead of birth dates, counts, ZRM scores, rapportcijfers and rekensom totals. What never leaves:
names, BSN, address, postcode, birth dates, case numbers, free text. The columns are documented in
docs/onderzoek-export.md (a test keeps that table and `COLUMNS` equal).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from domain import reference
from domain.local_time import amsterdam_day
from domain.rekensom import CostLine, Payer, Scenario, calculate_lines
from domain.validation import age_on

AGE_BANDS: tuple[tuple[int, int | None, str], ...] = (
    (0, 17, "0-17"),
    (18, 22, "18-22"),
    (23, 26, "23-26"),
    (27, 44, "27-44"),
    (45, 66, "45-66"),
    (67, None, "67+"),
)
"""Bands around the legal turning points: 18 (Jeugdwet ends), 23 (verlengde jeugdhulp), 27 (Participatiewet
youth rules), 67 (AOW)."""
PSEUDONYM_HEX = 24
"""96 bits of the HMAC: no collisions in practice, and shorter to read."""


def age_band(age: int) -> str:
    for low, high, label in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return AGE_BANDS[0][2]


def month(value: date | datetime | None) -> str:
    """A date coarsened to its month (YYYY-MM); timestamps by their Dutch calendar day."""
    if value is None:
        return ""
    day = amsterdam_day(value) if isinstance(value, datetime) else value
    return f"{day.year:04d}-{day.month:02d}"


def pseudonym(key: bytes, case_number: str) -> str:
    return hmac.new(key, case_number.encode("utf-8"), hashlib.sha256).hexdigest()[:PSEUDONYM_HEX]


# -- what storage hands over (the case number only to make the pseudonym; it is never written) -----------


@dataclass
class ResearchFacts:
    case_number: str
    municipality_code: str
    status: str
    created_at: datetime
    closed_on: date | None
    members: list[tuple[str, date]] = field(default_factory=list)
    """(role, date of birth) per member."""
    plan_version: int | None = None
    plan_status: str = ""
    decided_on: date | None = None
    obstacle_leefgebied: str = ""
    horizon_months: int = 12
    discount_rate: Decimal = Decimal(0)
    cost_lines: list[CostLine] = field(default_factory=list)
    evaluations: list[tuple[int, int | None, Mapping[str, int], Decimal | None]] = field(default_factory=list)
    """(moment, rapportcijfer, ZRM scores, realised costs) per evaluation moment, any order."""
    actions: int = 0
    actions_done: int = 0
    actions_overdue: int = 0
    escalations: int = 0
    overbruggingen: int = 0


# -- the columns ------------------------------------------------------------------------------------


def _zrm_columns() -> list[tuple[str, str]]:
    columns = []
    for code, name in reference.leefgebieden().items():
        columns.append((f"zrm_{code}_voor", f"ZRM-score {name} bij de eerste evaluatie met een score (1–5)"))
        columns.append((f"zrm_{code}_na", f"ZRM-score {name} bij de laatste evaluatie met een score (1–5)"))
    return columns


NET = "; kosten en overdrachten die de partij betaalt min overdrachten die zij ontvangt"


def _payer_columns() -> list[tuple[str, str]]:
    columns = []
    for payer in Payer:
        columns.append((f"huidig_pad_{payer.value}", f"Rekensom huidig pad, netto voor {payer.label} (euro){NET}"))
        columns.append((f"doorbraak_{payer.value}", f"Rekensom doorbraak, netto voor {payer.label} (euro){NET}"))
    return columns


COLUMNS: tuple[tuple[str, str], ...] = (
    ("pseudoniem", "HMAC-SHA256 van het casusnummer met de onderzoekssleutel van de gemeente (24 hex-tekens)"),
    ("gemeente", "CBS-code van de gemeente"),
    ("status", "Status van het huishouden nu (aangemeld … afgesloten)"),
    ("aangemeld_maand", "Maand van aanmelding (JJJJ-MM)"),
    ("afgesloten_maand", "Maand van afsluiten (JJJJ-MM), leeg als het huishouden nog loopt"),
    ("aantal_leden", "Aantal leden van het huishouden"),
    ("leeftijd_hoofdbewoner", "Leeftijdsklasse van de hoofdbewoner op de einddatum van de export"),
    *((f"leden_{label.replace('-', '_').replace('+', '_plus')}", f"Aantal leden in leeftijdsklasse {label}")
      for _, _, label in AGE_BANDS),
    ("plan_versie", "Versienummer van het plan dat geldt (leeg: geen besloten plan)"),
    ("plan_status", "Status van dat plan (vastgesteld, in_uitvoering, geevalueerd)"),
    ("besloten_maand", "Maand van het besluit over dat plan (JJJJ-MM)"),
    ("sta_in_de_weg", "Leefgebied van de grootste sta-in-de-weg (ZRM-code)"),
    ("acties", "Aantal acties in het plan"),
    ("acties_gedaan", "Aantal acties met status gedaan"),
    ("acties_over_deadline", "Aantal onafgeronde acties met een deadline vóór de einddatum van de export"),
    ("escalaties", "Aantal escalaties van het huishouden"),
    ("overbruggingen", "Aantal overbruggingen van het huishouden"),
    ("evaluatie_eerste_moment", "Eerste evaluatiemoment (0, 3, 6 of 12 maanden)"),
    ("evaluatie_laatste_moment", "Laatste evaluatiemoment (0, 3, 6 of 12 maanden)"),
    ("rapportcijfer_voor", "Rapportcijfer van de bewoner bij de eerste evaluatie met een cijfer (1–10)"),
    ("rapportcijfer_na", "Rapportcijfer bij de laatste evaluatie met een cijfer (1–10)"),
    *_zrm_columns(),
    ("gerealiseerde_kosten", "Gerealiseerde kosten bij de laatste evaluatie die ze vastlegt (euro, alle betalers)"),
    ("rekensom_horizon", "Horizon van de rekensom in maanden"),
    ("huidig_pad_totaal", "Rekensom huidig pad, saldo voor de samenleving (euro; alleen echte kosten)"),
    ("doorbraak_totaal", "Rekensom doorbraak, saldo voor de samenleving (euro; alleen echte kosten)"),
    ("verschil_totaal", "Huidig pad min doorbraak, saldo voor de samenleving (euro; positief is besparing)"),
    ("overdrachten_huidig_pad", "Rekensom huidig pad, som van de overdrachten (verschuivingen tussen partijen; euro)"),
    ("overdrachten_doorbraak", "Rekensom doorbraak, som van de overdrachten (verschuivingen tussen partijen; euro)"),
    *_payer_columns(),
)
COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in COLUMNS)


def _first_last(points: list[tuple[int, int]]) -> tuple[str, str]:
    if not points:
        return "", ""
    ordered = sorted(points)
    return str(ordered[0][1]), str(ordered[-1][1])


def research_row(facts: ResearchFacts, key: bytes, end: date) -> dict[str, str]:
    """One export row (every value a string; empty when unknown)."""
    bands = {label: 0 for _, _, label in AGE_BANDS}
    head = ""
    for role, born in facts.members:
        band = age_band(age_on(born, end))
        bands[band] += 1
        if role == "hoofdbewoner" and not head:
            head = band
    row: dict[str, str] = dict.fromkeys(COLUMN_NAMES, "")
    row.update({
        "pseudoniem": pseudonym(key, facts.case_number),
        "gemeente": facts.municipality_code,
        "status": facts.status,
        "aangemeld_maand": month(facts.created_at),
        "afgesloten_maand": month(facts.closed_on),
        "aantal_leden": str(len(facts.members)),
        "leeftijd_hoofdbewoner": head,
        "escalaties": str(facts.escalations),
        "overbruggingen": str(facts.overbruggingen),
    })
    for label, count in bands.items():
        row[f"leden_{label.replace('-', '_').replace('+', '_plus')}"] = str(count)
    if facts.plan_version is None:
        return row
    row.update({
        "plan_versie": str(facts.plan_version),
        "plan_status": facts.plan_status,
        "besloten_maand": month(facts.decided_on),
        "sta_in_de_weg": facts.obstacle_leefgebied,
        "acties": str(facts.actions),
        "acties_gedaan": str(facts.actions_done),
        "acties_over_deadline": str(facts.actions_overdue),
    })
    evaluations = sorted(facts.evaluations, key=lambda e: e[0])
    if evaluations:
        row["evaluatie_eerste_moment"] = str(evaluations[0][0])
        row["evaluatie_laatste_moment"] = str(evaluations[-1][0])
    grades = [(moment, grade) for moment, grade, _, _ in evaluations if grade is not None]
    row["rapportcijfer_voor"], row["rapportcijfer_na"] = _first_last(grades)
    for code in reference.leefgebieden():
        points = [(moment, scores[code]) for moment, _, scores, _ in evaluations if code in scores]
        row[f"zrm_{code}_voor"], row[f"zrm_{code}_na"] = _first_last(points)
    realised = [costs for _, _, _, costs in evaluations if costs is not None]
    if realised:
        row["gerealiseerde_kosten"] = str(realised[-1])
    result = calculate_lines(facts.cost_lines, facts.horizon_months, facts.discount_rate)
    row["rekensom_horizon"] = str(facts.horizon_months)
    for payer_row in result.per_payer:
        row[f"huidig_pad_{payer_row.payer.value}"] = str(payer_row.huidig_pad)
        row[f"doorbraak_{payer_row.payer.value}"] = str(payer_row.doorbraak)
    totals = result.totals
    row["huidig_pad_totaal"] = str(totals[Scenario.HUIDIG_PAD])
    row["doorbraak_totaal"] = str(totals[Scenario.DOORBRAAK])
    row["verschil_totaal"] = str(result.verschil)
    row["overdrachten_huidig_pad"] = str(result.transfer_total(Scenario.HUIDIG_PAD))
    row["overdrachten_doorbraak"] = str(result.transfer_total(Scenario.DOORBRAAK))
    return row
