"""People in a household: the ZRM per adult person, and the turn of 18 (youth care, the big-5 checklist).

DOMAIN.md, "People and transitions": the ZRM scores one adult person, so a household has a ZRM per adult,
with its history per person and date. A member who turns 18 leaves the Jeugdwet unless verlengde jeugdhulp
(to 23) applies, and needs an own Zvw policy, perhaps zorgtoeslag, studiefinanciering or the jongerennorm;
kinderbijslag and a jeugdbeschermingsmaatregel end. This module holds those rules as pure functions; the
worklist signals built on them live in `domain/signals.py`.

Sources (looked up for this module):
- Jeugdwet (BWBR0034925) art. 1.1, definition of *jeugdige*: under 18, or (onder 2°) from 18 up to 23 when
  jeugdhulp started before 18 and the college finds continuation needed, or it is resumed within half a year
  after ending (schulinck.nl, "Dat jeugdhulp meestal stopt bij 18 jaar volgt uit de Jeugdwet"; Stimulansz,
  "Verlengde jeugdhulp").
- BW Boek 1 art. 233: minors are those who have not reached eighteen years. An ondertoezichtstelling and
  voogdij end by law at 18 (NJi, "Van jeugd naar volwassenheid — Wet- en regelgeving").
- 29 February: no statute we found says when someone born on 29 February reaches an age in a non-leap year;
  the common reading, which we follow, is 1 March ("Juridisch gezien ben je als schrikkelkind pas op 1 maart
  een jaar ouder", de Volkskrant, 29 Feb 2020). `domain.validation.age_on` and `eighteenth_birthday` agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from domain import reference
from domain.errors import InvalidInput, Problem
from domain.household import Member, MemberRole, OrganisationType
from domain.local_time import dutch_date
from domain.overbrugging import add_months
from domain.validation import age_on

ADULT_AGE = 18
VERLENGDE_JEUGDHULP_AGE = 23
"""Jeugdwet art. 1.1, *jeugdige* onder 2°: verlengde jeugdhulp up to (not including) 23."""
CHECKLIST_MONTHS_BEFORE = 6
"""The big-5 checklist opens this many months before the 18th birthday (issue 17)."""
CHECKLIST_MONTHS_AFTER = 6
"""...and stays on the werklijst until this many months after it, or until every item is ticked (design choice:
zorgtoeslag and a Zvw policy are arranged in the months after the birthday)."""


def birthday_in(birth: date, year: int) -> date:
    """The birthday in `year`; 29 February becomes 1 March in a non-leap year (see the module docstring)."""
    try:
        return birth.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def eighteenth_birthday(birth: date) -> date:
    return birthday_in(birth, birth.year + ADULT_AGE)


def is_adult(birth: date, day: date) -> bool:
    return age_on(birth, day) >= ADULT_AGE


# -- ZRM per person -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZrmScore:
    """One ZRM score of one adult person on one leefgebied on one date (the history is the list of these)."""

    member_id: int
    leefgebied: str
    score: int
    scored_on: date
    moment: int | None = None
    """The plan's evaluation moment (0, 3, 6, 12 months) the score was given at, if any."""
    by_name: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"member_id": self.member_id, "leefgebied": self.leefgebied, "score": self.score,
                "scored_on": self.scored_on.isoformat(), "moment": self.moment, "by_name": self.by_name}


def check_scores(scores: dict[str, int]) -> dict[str, int]:
    """Known leefgebieden, scores 1..5, in the ZRM's order; Dutch problems otherwise."""
    known = reference.leefgebieden()
    problems: list[Problem] = []
    for code, score in scores.items():
        if code not in known:
            problems.append(Problem(f"scores.{code}", "Onbekend leefgebied."))
        elif not isinstance(score, int) or not 1 <= score <= 5:
            problems.append(Problem(f"scores.{code}", f"De score voor {known[code]} moet tussen 1 en 5 liggen."))
    if not scores:
        problems.append(Problem("scores", "Geef ten minste één ZRM-score."))
    if problems:
        raise InvalidInput(problems)
    return {code: scores[code] for code in known if code in scores}


def check_scored_person(member: Member, scored_on: date, today: date) -> None:
    """The ZRM scores adults only, and not in the future."""
    if scored_on > today:
        raise InvalidInput([Problem("scored_on", "De datum van de ZRM-score ligt in de toekomst.")])
    if not is_adult(member.date_of_birth, scored_on):
        raise InvalidInput([Problem(
            "member", f"{member.name} was op {dutch_date(scored_on)} nog geen 18: de ZRM scoort alleen volwassenen."
        )])


def score_owner(members: Sequence[Member], day: date) -> Member | None:
    """Whose ZRM a household-level score was (the rule of migration 0013, docs/people.md):
    the first member with role hoofdbewoner; without one, the oldest adult on `day`; without adults, nobody."""
    for member in members:
        if member.role is MemberRole.HOOFDBEWONER:
            return member
    adults = [m for m in members if is_adult(m.date_of_birth, day)]
    return min(adults, key=lambda m: m.date_of_birth) if adults else None


def latest_scores(history: Iterable[ZrmScore]) -> dict[int, dict[str, ZrmScore]]:
    """Per person, per leefgebied: the newest score (by date, then moment)."""
    latest: dict[int, dict[str, ZrmScore]] = {}
    for s in sorted(history, key=lambda s: (s.scored_on, s.moment if s.moment is not None else -1)):
        latest.setdefault(s.member_id, {})[s.leefgebied] = s
    return latest


# -- youth care at 18 ---------------------------------------------------------------------------------------


YOUTH_CARE_WORDS = re.compile(
    r"jeugdhulp|jeugdzorg|jeugdbescherming|jeugdreclassering|ondertoezichtstelling|\bots\b|gezinsvoogd|voogdij|"
    r"pleegzorg|jeugd-?ggz|jeugdwet|gecertificeerde instelling",
    re.IGNORECASE,
)
"""Words that mark a problem or a provision as youth care (design choice; matched case-insensitively)."""


@dataclass(frozen=True)
class OrganisationFact:
    name: str
    type: str
    legal_framework: str
    product: str = ""


@dataclass(frozen=True)
class ProblemFact:
    leefgebied: str
    description: str
    member_id: int | None = None


def youth_care_reasons(
    member_id: int | None, organisations: Iterable[OrganisationFact], problems: Iterable[ProblemFact]
) -> list[str]:
    """Why this minor gets youth care (Dutch phrases; empty: no sign of it). An organisation under the Jeugdwet
    or of type jeugdhulpaanbieder counts for every child of the household; a provision or a problem that names
    youth care (YOUTH_CARE_WORDS) too, unless it belongs to another member; a problem of the member's own
    counts whatever its words."""
    reasons: list[str] = []
    for o in organisations:
        if o.legal_framework == "Jeugdwet":
            reasons.append(f"Jeugdwet-organisatie {o.name}")
        elif o.type == OrganisationType.JEUGDHULP.value:
            reasons.append(f"jeugdhulpaanbieder {o.name}")
        elif YOUTH_CARE_WORDS.search(f"{o.name} {o.product}"):
            reasons.append(f"voorziening {o.name}")
    names = reference.leefgebieden()
    for p in problems:
        label = names.get(p.leefgebied, p.leefgebied).lower()
        if member_id is not None and p.member_id == member_id:
            reasons.append(f"eigen probleem op {label}")
        elif p.member_id in (None, member_id) and YOUTH_CARE_WORDS.search(p.description):
            reasons.append(f"jeugdhulp genoemd bij {label}")
    return list(dict.fromkeys(reasons))


def turning_18_text(name: str, birthday: date, reasons: Sequence[str]) -> str:
    grounds = "; ".join(reasons)
    return (
        f"{name} wordt 18 op {dutch_date(birthday)}. Jeugdhulp kan doorlopen als verlengde jeugdhulp tot "
        f"{VERLENGDE_JEUGDHULP_AGE} jaar (Jeugdwet art. 1.1, 'jeugdige'): bespreek of dat nodig is; regel anders "
        f"de zorg na 18 (Wmo 2015, Zvw, Wlz) of vraag een overbrugging aan. Aanleiding: {grounds}."
    )


# -- the big-5 checklist ---------------------------------------------------------------------------------------


class Big5(StrEnum):
    """Seed 003's five domains for young people leaving youth care."""

    WONEN = "wonen"
    ZORG = "zorg"
    INKOMEN = "inkomen_schulden"
    SCHOOL_WERK = "school_werk"
    SUPPORT = "support"

    @property
    def label(self) -> str:
        return {"wonen": "Wonen", "zorg": "Zorg", "inkomen_schulden": "Inkomen en schulden",
                "school_werk": "School en werk", "support": "Support"}[self.value]


class ChecklistItem(StrEnum):
    ZVW_POLIS = "zvw_polis"
    ZORGTOESLAG = "zorgtoeslag"
    KINDERBIJSLAG = "kinderbijslag"
    STUDIEFINANCIERING = "studiefinanciering"
    JEUGDBESCHERMING = "jeugdbescherming"
    ZORG_NA_18 = "zorg_na_18"
    WONEN = "wonen"
    SUPPORT = "support"

    @property
    def label(self) -> str:
        return CHECKLIST[self][0]

    @property
    def big5(self) -> Big5:
        return CHECKLIST[self][1]

    @property
    def hint(self) -> str:
        return CHECKLIST[self][2]


CHECKLIST: dict[ChecklistItem, tuple[str, Big5, str]] = {
    ChecklistItem.ZVW_POLIS: (
        "Eigen zorgverzekering en premie", Big5.ZORG,
        "Vanaf 18 een eigen Zvw-polis en zelf premie betalen (Zvw, BWBR0018450); regel de betaling.",
    ),
    ChecklistItem.ZORGTOESLAG: (
        "Zorgtoeslag aangevraagd", Big5.INKOMEN,
        "Vanaf 18 kan zorgtoeslag (Wet op de zorgtoeslag, BWBR0018451); aanvragen bij Dienst Toeslagen.",
    ),
    ChecklistItem.KINDERBIJSLAG: (
        "Einde kinderbijslag besproken", Big5.INKOMEN,
        "De kinderbijslag stopt bij 18 (AKW, BWBR0002368): het inkomen van het huishouden daalt.",
    ),
    ChecklistItem.STUDIEFINANCIERING: (
        "Studiefinanciering of jongerennorm", Big5.SCHOOL_WERK,
        "Studiefinanciering (DUO) bij een opleiding, anders bijstand met de jongerennorm van de Participatiewet.",
    ),
    ChecklistItem.JEUGDBESCHERMING: (
        "Einde jeugdbeschermingsmaatregel", Big5.SUPPORT,
        "Een ondertoezichtstelling of voogdij eindigt van rechtswege op 18 (BW 1:233): regel wat daarna komt.",
    ),
    ChecklistItem.ZORG_NA_18: (
        "Zorg na 18 of verlengde jeugdhulp", Big5.ZORG,
        "Verlengde jeugdhulp tot 23 (Jeugdwet art. 1.1) of zorg uit Wmo 2015, Zvw of Wlz.",
    ),
    ChecklistItem.WONEN: ("Wonen na 18", Big5.WONEN, "Waar woont de jongere na 18, en wie betaalt de huur?"),
    ChecklistItem.SUPPORT: (
        "Steunfiguur en vangnet", Big5.SUPPORT, "Wie is er na 18 voor de jongere: een vaste steunfiguur, een netwerk.",
    ),
}


class ChecklistOutcome(StrEnum):
    GEDAAN = "gedaan"
    NVT = "nvt"

    @property
    def label(self) -> str:
        return "Geregeld" if self is ChecklistOutcome.GEDAAN else "Niet van toepassing"


@dataclass(frozen=True)
class ChecklistTick:
    member_id: int
    item: ChecklistItem
    outcome: ChecklistOutcome
    done_on: date
    by_name: str = ""
    note: str = ""


@dataclass(frozen=True)
class ChecklistWindow:
    opens: date
    birthday: date
    closes: date

    def contains(self, day: date) -> bool:
        return self.opens <= day <= self.closes


def checklist_window(birth: date) -> ChecklistWindow:
    birthday = eighteenth_birthday(birth)
    return ChecklistWindow(
        opens=add_months(birthday, -CHECKLIST_MONTHS_BEFORE),
        birthday=birthday,
        closes=add_months(birthday, CHECKLIST_MONTHS_AFTER),
    )


def open_items(ticks: Iterable[ChecklistTick | ChecklistItem | str]) -> list[ChecklistItem]:
    done = {ChecklistItem(t.item if isinstance(t, ChecklistTick) else t) for t in ticks}
    return [item for item in ChecklistItem if item not in done]


def checklist_birth_window(today: date) -> tuple[date, date]:
    """Dates of birth whose checklist window can contain `today` (a day of slack each side)."""
    first_day = add_months(today, -CHECKLIST_MONTHS_AFTER)
    first = birthday_in(first_day, first_day.year - ADULT_AGE)
    last_day = add_months(today, CHECKLIST_MONTHS_BEFORE)
    last = birthday_in(last_day, last_day.year - ADULT_AGE)
    return first - timedelta(days=2), last + timedelta(days=2)
