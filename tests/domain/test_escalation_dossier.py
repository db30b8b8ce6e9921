"""Pseudonymisation of the escalation dossier, proven over generated households.

Property: for any household and any free text typed by the professional, either the dossier is refused
(when, and only when, the text holds one of the household's identifiers), or neither its JSON nor the text
extracted from its PDF contains a name, BSN, street, postcode or date of birth of the household.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from domain.dossier import (
    EscalationDossier,
    HouseholdIdentifiers,
    build_dossier,
    composition,
    find_identifiers,
    initials,
)
from domain.errors import InvalidInput
from domain.escalation import Escalation
from domain.household import Household
from tui.render.dossier import dossier_json, dossier_pdf

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


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_dossier_never_carries_identifiers(g: Generated) -> None:
    neutral_words = {w for text in NEUTRAL for w in re.split(r"[^0-9a-z]+", norm(text)) if w}
    assume(not (HouseholdIdentifiers.of(g.household).name_words & neutral_words))
    escalation = escalation_for(g)
    try:
        dossier = build_dossier(escalation, g.household, TODAY)
    except InvalidInput as refused:
        # Refused only when something was actually typed in, and never echoing a BSN or date of birth.
        assert g.injected, f"false positive: {refused.message}"
        for m in g.household.members:
            assert not m.bsn or m.bsn not in refused.message
            assert m.date_of_birth.isoformat() not in refused.message
        return
    assert not g.injected, f"not caught: {g.injected}"
    as_json = dossier_json(dossier)
    assert leaks(as_json, g.household) == []
    text = pdf_text(dossier_pdf(dossier))
    assert "Escalatiedossier" in text and dossier.reference in text  # the extraction itself works
    assert leaks(text, g.household) == []
    for member in dossier.members:
        assert member.initials in text


def test_dossier_model_has_no_field_for_identifiers() -> None:
    forbidden = {"name", "bsn", "address", "street", "postcode", "house_number", "date_of_birth", "case_number", "city"}

    def names(model: Any, seen: set[Any]) -> set[str]:
        if model in seen:
            return set()
        seen.add(model)
        found = set(model.model_fields)
        for info in model.model_fields.values():
            for arg in getattr(info.annotation, "__args__", ()) or (info.annotation,):
                if isinstance(arg, type) and hasattr(arg, "model_fields"):
                    found |= names(arg, seen)
        return found

    assert not names(EscalationDossier, set()) & forbidden


def test_known_household_dossier_content() -> None:
    h = Household.model_validate(
        {
            "name": "Huishouden Özdemir",
            "municipality_code": "GM0363",
            "address": {"street": "Dapperstraat", "house_number": "12", "postcode": "1093 BS", "city": "Amsterdam"},
            "members": [
                {"name": "Ayşe Özdemir", "date_of_birth": "1984-02-29", "role": "hoofdbewoner", "bsn": "999993653"},
                {"name": "Emre van der Özdemir", "date_of_birth": "2009-03-01", "role": "kind"},
                {"name": "Lina Özdemir", "date_of_birth": "2016-07-15", "role": "kind"},
            ],
            "problems": [{"leefgebied": "financien", "score": 1}],
            "organisations": [{"name": "CJIB", "legal_framework": "Strafrecht"}],
        }
    )
    g = Generated(h, dict.fromkeys(TEXT_FIELDS, "Geen mandaat voor maatwerk."), [])
    dossier = build_dossier(escalation_for(g), h, TODAY)
    assert [(m.initials, m.role, m.age) for m in dossier.members] == [
        ("A.Ö.", "Hoofdbewoner", 42),
        ("E.Ö.", "Kind", 17),
        ("L.Ö.", "Kind", 10),
    ]
    assert dossier.composition == "1 volwassene, 2 kinderen (10 en 17 jaar)"
    assert dossier.municipality == "Amsterdam" and dossier.reference == "GM0363-ESC-000042"
    assert dossier.organisations[0].legal_framework == "Strafrecht"
    assert dossier.domains[0].leefgebied == "Financiën" and dossier.domains[0].score == 1
    assert dossier.domains[1].score is None  # huisvesting has no problem recorded


def test_consent_is_required_to_build() -> None:
    h = Household.model_validate({"name": "Huishouden Test", "municipality_code": "GM0363"})
    g = Generated(h, dict.fromkeys(TEXT_FIELDS, "Geen mandaat."), [])
    escalation = escalation_for(g)
    with pytest.raises(InvalidInput, match="verlopen"):
        build_dossier(escalation, h, date(2027, 8, 16))
    escalation.consent = escalation.consent.model_copy(update={"given": False})
    with pytest.raises(InvalidInput, match="geen toestemming"):
        build_dossier(escalation, h, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BSN 999993653 bekend", "BSN"),
        ("nummer 9999.93.653", "BSN"),
        ("nummer ９９９９９３６５３", "BSN"),  # full-width digits
        ("ordernummer 123456789", None),  # fails the 11-test
        ("postcode 1093 BS", "postcode"),
        ("postcode 2511cv", "postcode"),
        ("in 2024 de huur niet betaald", None),
        ("op 3-5-2009 geboren", "datum"),
        ("op 2009-05-03", "datum"),
        ("op 3 mei 2009", "datum"),
        ("sinds 12 jan.", "datum"),
        ("sinds maart 2024, score 1-5", None),
        ("Mevrouw OZDEMIR belde", "naam"),
        ("de Dapperstraat is te duur", "adres"),
        ("contact via het huishouden", None),
    ],
)
def test_scanner_examples(text: str, expected: str | None) -> None:
    h = Household.model_validate(
        {
            "name": "Huishouden Özdemir",
            "municipality_code": "GM0363",
            "address": {"street": "Dapperstraat", "postcode": "1093 BS"},
            "members": [{"name": "Ayşe Özdemir", "date_of_birth": "1984-02-29", "bsn": "999993653"}],
        }
    )
    found = " ".join(find_identifiers(text, HouseholdIdentifiers.of(h)))
    if expected is None:
        assert found == ""
    else:
        assert expected in found


def test_initials_and_composition() -> None:
    assert initials("Jan van der Berg") == "J.B."
    assert initials("Ayşe Özdemir-Yılmaz") == "A.Ö.Y."
    assert initials("  ") == "?"
    assert composition([]) == "geen leden vastgelegd"


def test_ages_not_dates_of_birth_on_a_leap_day() -> None:
    h = Household.model_validate(
        {
            "name": "Huishouden Test",
            "municipality_code": "GM0363",
            "members": [{"name": "Kim Test", "date_of_birth": "2012-02-29"}],
        }
    )
    g = Generated(h, dict.fromkeys(TEXT_FIELDS, "Geen mandaat."), [])
    assert build_dossier(escalation_for(g), h, date(2027, 2, 28)).members[0].age == 14
    assert build_dossier(escalation_for(g), h, date(2027, 3, 1)).members[0].age == 15
