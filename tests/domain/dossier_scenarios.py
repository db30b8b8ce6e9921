"""Generated households and escalations for the dossier pseudonymisation properties, and the leak scanner."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from hypothesis import assume
from hypothesis import strategies as st

from domain.dossier import HouseholdIdentifiers
from domain.escalation import Escalation
from domain.household import Household

TODAY = date(2026, 11, 1)
MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

# Unusual letters so a generated name never equals a word of the dossier's own template text.
CONSONANTS = "qxzjkwv"
VOWELS = "aeiouyöéë"

NEUTRAL = [
    "De schuldeiser wil geen betalingsregeling treffen zonder beslagvrije voet.",
    "Twee organisaties wijzen naar elkaar voor de kosten van begeleiding.",
    "Het gezin heeft vier schuldeisers en een huurachterstand van drie maanden.",
    "Lokaal doorbraakteam gesproken; geen mandaat voor afwijking van de beleidsregel.",
    "Regionaal overleg met zorgkantoor en gemeente leverde geen besluit op.",
    "Vraag: tijdelijke opschorting van de invordering gedurende zes maanden.",
    "Moeder is 42 jaar, de zoon wordt binnenkort meerderjarig.",
    "Sinds maart 2024 loopt de aanvraag; in 2025 volgde een afwijzing.",
    "",
]


def syllable_word(draw: st.DrawFn, min_syll: int = 2, max_syll: int = 4) -> str:
    n = draw(st.integers(min_syll, max_syll))
    word = "".join(draw(st.sampled_from(CONSONANTS)) + draw(st.sampled_from(VOWELS)) for _ in range(n))
    return word.capitalize()


def bsn_from(prefix: str) -> str | None:
    """Complete 8 digits with the check digit of the 11-test (None when it would be 10)."""
    total = sum(w * int(d) for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2), prefix, strict=True))
    check = total % 11
    return None if check == 10 else prefix + str(check)


@dataclass
class Generated:
    household: Household
    texts: dict[str, str]
    injected: list[str]


@st.composite
def households(draw: st.DrawFn) -> Household:
    surname = syllable_word(draw)
    members = []
    for i in range(draw(st.integers(1, 5))):
        first = syllable_word(draw)
        birth = draw(st.dates(date(1940, 1, 1), date(2015, 12, 31)))
        bsn = bsn_from("9999" + "".join(str(draw(st.integers(0, 9))) for _ in range(4)))
        members.append(
            {
                "name": f"{first} {surname}" if draw(st.booleans()) else f"{first} van der {surname}",
                "date_of_birth": birth.isoformat(),
                "role": "hoofdbewoner" if i == 0 else draw(st.sampled_from(["partner", "kind", "ouder", "overig"])),
                "bsn": bsn,
            }
        )
    postcode = f"{draw(st.integers(1000, 9999))} {draw(st.sampled_from(['AB', 'KL', 'XZ', 'BS', 'GH', 'PR']))}"
    return Household.model_validate(
        {
            "name": f"Huishouden {surname}",
            "municipality_code": draw(st.sampled_from(["GM0363", "GM0599", "GM0344", "GM0014"])),
            "address": {
                "street": f"{syllable_word(draw)}straat",
                "house_number": str(draw(st.integers(1, 300))),
                "postcode": postcode,
                "city": "Plaats",
            },
            "members": members,
            "problems": [{"leefgebied": "financien", "score": 1}, {"leefgebied": "huisvesting", "score": 2}],
            "organisations": [
                {"name": "CJIB", "legal_framework": "Strafrecht"},
                {"name": "Jeugdhulp Regio", "legal_framework": "Jeugdwet"},
            ],
        }
    )


def identifier_variants(draw: st.DrawFn, h: Household) -> str:
    """One identifier of this household, in one of the ways a professional might type it."""
    member = draw(st.sampled_from(h.members))
    birth = member.date_of_birth
    kind = draw(st.sampled_from(["name", "first", "last", "bsn", "postcode", "street", "birth"]))
    if kind == "name":
        return draw(st.sampled_from([member.name, member.name.upper(), strip_accents(member.name)]))
    if kind == "first":
        return member.name.split()[0].lower()
    if kind == "last":
        return strip_accents(member.name.split()[-1])
    if kind == "bsn" and member.bsn:
        b = member.bsn
        return draw(st.sampled_from([b, f"{b[:4]}.{b[4:6]}.{b[6:]}", f"{b[:3]} {b[3:6]} {b[6:]}"]))
    if kind == "postcode":
        pc = h.address.postcode
        return draw(st.sampled_from([pc, pc.replace(" ", ""), pc.replace(" ", "").lower(), pc.lower()]))
    if kind == "street":
        return h.address.street.lower()
    return draw(
        st.sampled_from(
            [
                birth.isoformat(),
                f"{birth.day}-{birth.month}-{birth.year}",
                birth.strftime("%d-%m-%Y"),
                birth.strftime("%d/%m/%Y"),
                f"{birth.day} {MONTHS_NL[birth.month - 1]} {birth.year}",
                f"{birth.day} {MONTHS_NL[birth.month - 1]}",
            ]
        )
    )


TEXT_FIELDS = ["urgency_note", "complexity_note", "blockage", "requested_solution", "route", "scope"]


@st.composite
def scenarios(draw: st.DrawFn) -> Generated:
    h = draw(households())
    texts: dict[str, str] = {}
    injected: list[str] = []
    for field in TEXT_FIELDS:
        text = draw(st.sampled_from(NEUTRAL))
        if draw(st.integers(0, 9)) == 0:
            identifier = identifier_variants(draw, h)
            injected.append(identifier)
            text = f"{text} Zie {identifier} voor meer.".strip()
        texts[field] = text
    return Generated(h, texts, injected)


def neutral_escalation(g: Generated) -> Escalation:
    """The scenario's escalation; the example is skipped when the neutral texts happen to share a word with
    the household's names (then a "leak" would be the generator's doing, not the code's)."""
    neutral_words = {w for text in NEUTRAL for w in re.split(r"[^0-9a-z]+", norm(text)) if w}
    assume(not (HouseholdIdentifiers.of(g.household).name_words & neutral_words))
    return escalation_for(g)


def escalation_for(g: Generated) -> Escalation:
    t = g.texts
    return Escalation.model_validate(
        {
            "case_number": "DB-2026-000042",
            "id": 42,
            "level": "lmm_let",
            "status": "ingediend",
            "urgent": True,
            "urgency_note": t["urgency_note"],
            "complex": True,
            "complexity_note": t["complexity_note"],
            "domains": ["financien", "huisvesting"],
            "organisations": ["CJIB", "Jeugdhulp Regio"],
            "routes_tried": [
                {"level": "lokaal", "tried_on": "2026-07-01", "description": t["route"] or "Doorbraakteam"},
                {"level": "regionaal", "tried_on": "2026-08-01", "description": "Regionaal overleg"},
            ],
            "blockage": t["blockage"],
            "requested_solution": t["requested_solution"],
            "consent": {
                "given": True,
                "given_on": "2026-08-15",
                "scope": t["scope"] or "Delen met LMM",
                "recipients": ["LMM", "LET"],
                "expires_on": "2027-08-15",
            },
            "created_on": "2026-09-01",
            "submitted_on": "2026-09-02",
        }
    )


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def norm(text: str) -> str:
    return strip_accents(text).casefold()


def leaks(text: str, h: Household) -> list[str]:
    """Every identifier of `h` that occurs in `text` (names as whole words, numbers without white space)."""
    words = set(re.split(r"[^0-9a-z]+", norm(text)))
    compact = re.sub(r"\s+", "", text)
    compact_upper = compact.upper()
    found: list[str] = []
    for m in h.members:
        for token in re.split(r"\s+", m.name):
            t = norm(token)
            if len(t) >= 4 and t in words:
                found.append(f"name:{token}")
        if m.bsn and m.bsn in re.sub(r"\D", "", compact):
            found.append("bsn")
        b = m.date_of_birth
        for form in (
            b.isoformat(),
            b.strftime("%d-%m-%Y"),
            f"{b.day}-{b.month}-{b.year}",
            b.strftime("%d.%m.%Y"),
            b.strftime("%d/%m/%Y"),
            f"{b.day}{MONTHS_NL[b.month - 1]}{b.year}",
        ):
            if form in compact:
                found.append(f"birth:{form}")
    if h.address.postcode and h.address.postcode.replace(" ", "") in compact_upper:
        found.append("postcode")
    street = norm(h.address.street)
    if street and street in words:
        found.append("street")
    return found
