"""The pseudonymised escalation dossier: what leaves the municipality for the region, the LMM or the LET.

Pseudonymised **by construction**: `EscalationDossier` has no field that can hold a name, BSN, address,
postcode or date of birth. Members appear as initials, role and **age band** (never an exact age, see
`AGE_BANDS`); the household as its composition and municipality. The only way in is `build_dossier`, which
copies fields one by one.

Free text typed by the professional (the blockage, what was tried, the requested solution, notes, consent
scope and recipients, organisation names) can still contain identifiers. Decision (design choice):
such text is **refused, not redacted**. `find_identifiers` scans every free-text field for

- names of this household (household name and each member's name parts, case and accent insensitive,
  whole words; tussenvoegsels such as "van" and "de" and the word "huishouden" are ignored),
- the household's street name,
- any BSN-like number: 9 digits (optionally separated by spaces, dots or hyphens) that pass the 11-test,
  and this household's own BSNs anywhere in a run of digits,
- postcodes: 4 digits and 2 capitals (`1234 AB`), 4 digits directly followed by 2 letters (`1234ab`),
  and this household's own postcode in any spelling,
- dates with a day: `3-5-2009`, `2009-05-03`, `03.05.09`, `3 mei 2009`, `3 mei` (ages and month-year
  such as "maart 2024" are fine; the dates of the routes tried and of the consent have their own fields).

Each finding is a `Problem` naming the field in Dutch; export and submission stop until the professional
rewrites the text. Redacting would silently change the meaning of a text the LET must act on, and a
half-redacted sentence ("[naam] heeft schulden bij [naam]") still tells more than intended. Found BSNs,
postcodes and dates are never echoed; a found name is (the professional typed it and sees it anyway).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from domain import reference
from domain.errors import InvalidInput, Problem
from domain.escalation import Escalation, EscalationLevel
from domain.household import MEMBER_ROLE_LABELS, Household, MemberRole
from domain.identifier_text import canonical, compact, numeric, undisguised, word_variants
from domain.validation import age_on

FORMAT = "doorbraak-escalatiedossier"
FORMAT_VERSION = 2
"""2: members carry `age_band` ("4-11") instead of the exact `age` of version 1."""

AGE_BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 3), (4, 11), (12, 17), (18, 22), (23, 26), (27, 44), (45, 66), (67, None),
)
"""Age bands of the dossier (design choice). Initials + role + exact age + municipality narrow a household
down to a few people; a band keeps what the LET needs to know which rules and transitions apply:
- 0-3: before school (kinderopvang); 4-11: basisschool (admitted at 4, leerplicht from the month after the
  5th birthday, Leerplichtwet 1969); 12-17: secondary school, kwalificatieplicht, a minor (Jeugdwet);
- 18-22: adult since 18 (kinderbijslag ends, own Zvw policy, jeugdbescherming ends) and verlengde
  jeugdhulp possible up to 23 (shared/DOMAIN.md, "People and transitions");
- 23-26: still a jongere under the Participatiewet up to 27 (zoektermijn, art. 41 lid 4 Pw);
- 27-44 and 45-66: adults, split in two bands of about 20 years (no legal meaning; a single 27-66 band
  would hide whether a parent is young or near retirement, which the LET weighs for work and income);
- 67+: around the AOW age (67 in 2024 to 2027, 67 and 3 months from 2028: the Algemene Ouderdomswet's
  yearly determination, Kamerbrief November 2021) — AOW instead of bijstand.
Bands are wider where exact ages are rare in a municipality's caseload and narrow only where a legal
boundary falls; each band's bounds are in the band's name, nothing finer."""

# Dutch (and a few common foreign) name particles and words that are not a name by themselves.
NAME_PARTICLES = frozenset(
    {
        "van", "de", "der", "den", "het", "t", "ter", "ten", "te", "in", "op", "von", "la", "le", "du", "da",
        "dos", "das", "di", "del", "vd", "v", "d", "en", "huishouden", "familie", "gezin", "fam",
    }
)

MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
DATE_PATTERNS = (
    re.compile(r"(?<!\d)\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}(?!\d)"),
    re.compile(r"(?<!\d)\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)"),
    re.compile(rf"(?<!\d)\d{{1,2}}(?:e|ste|de)?\s+(?:{MONTHS})\b\.?", re.IGNORECASE),
)
DIGIT_RUN = re.compile(r"\d(?:[ .\-]?\d)*")
POSTCODE = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{3})(\s?)([A-Za-z]{2})(?![0-9A-Za-z])")
BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)

FIELD_LABELS: dict[str, str] = {
    "urgency_note": "Toelichting urgentie",
    "complexity_note": "Toelichting complexiteit",
    "blockage": "Blokkade (knelpunt)",
    "requested_solution": "Gevraagde oplossing",
    "organisations": "Betrokken organisaties",
    "routes_tried": "Geprobeerde routes",
    "consent": "Toestemming",
    "knelpunten": "Gekoppelde knelpunten",
    "title": "Titel",
    "law": "Wet",
    "article": "Artikel",
    "organisation": "Organisatie",
    "ministry": "Ministerie",
    "unintended_effect": "Onbedoeld effect",
    "proposed_fix": "Voorgestelde oplossing",
}


def normalise(text: str) -> str:
    """Case and accent free, compatibility forms folded (full-width digits become 0-9)."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def passes_eleven_test(digits: str) -> bool:
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit() or int(digits) == 0:
        return False
    return sum(w * int(d) for w, d in zip(BSN_WEIGHTS, digits, strict=True)) % 11 == 0


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", normalise(text)) if w]


@dataclass(frozen=True)
class HouseholdIdentifiers:
    """What identifies one household, normalised for scanning."""

    name_words: frozenset[str]
    bsns: frozenset[str]
    postcodes: frozenset[str]
    streets: frozenset[str]

    @classmethod
    def of(cls, household: Household) -> HouseholdIdentifiers:
        names = [household.name, *(m.name for m in household.members)]
        words = {w for name in names for w in _words(name) if len(w) >= 2 and w not in NAME_PARTICLES}
        postcode = household.address.postcode.replace(" ", "").upper()
        street = " ".join(_words(household.address.street))
        return cls(
            name_words=frozenset(words),
            bsns=frozenset(m.bsn for m in household.members if m.bsn),
            postcodes=frozenset({postcode} if postcode else set()),
            streets=frozenset({street} if len(street) >= 3 else set()),
        )


EMPTY_IDENTIFIERS = HouseholdIdentifiers(frozenset(), frozenset(), frozenset(), frozenset())


NUMBER_WORDS = (
    r"een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
    r"zeventien|achttien|negentien|twintig|\w+entwintig|dertig|eenendertig|eerste|tweede|derde|\w+de|"
    r"one|two|three|first|second|third|\w+th"
)
ENGLISH_MONTHS = "january|february|march|may|june|july|august|october"
ALL_MONTHS = f"{MONTHS}|{ENGLISH_MONTHS}"
DISGUISED_DATES = (
    re.compile(r"(?<!\d)\d{1,2}[ _]+\d{1,2}[ _]+(?:19|20)\d{2}(?!\d)"),
    re.compile(r"(?<!\d)(?:19|20)\d{2}[\s_,./-]+\d{1,2}[\s_,./-]+\d{1,2}(?!\d)"),
    re.compile(rf"\b(?:{ALL_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th|e|ste|de)?\b"),
    re.compile(rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th|e|ste|de)?\s+(?:of\s+)?(?:{ALL_MONTHS})\b"),
    re.compile(rf"\b(?:{NUMBER_WORDS})\s+(?:{ALL_MONTHS})\b"),
)
EIGHT_DIGITS = re.compile(r"(?<!\d)\d{8}(?!\d)")
SEPARATED_DIGITS = re.compile(r"\d(?:[\s./_,\-]{0,2}\d)*")
SEPARATED_POSTCODE = re.compile(r"(?<![0-9A-Za-z])([1-9](?:[ .\-_]?\d){3})([ .\-_]*)([A-Za-z]{2})(?![0-9A-Za-z])")
INITIALS = re.compile(r"(?<![A-Za-z])[A-Z]\.(?:\s?[A-Z]\.)*(?![A-Za-z])")
EXACT_AGE = re.compile(r"(?<!\d)\d{1,3}\s*(?:-\s*)?(?:jaar|jr)\b", re.IGNORECASE)


def _is_date(digits: str) -> bool:
    """Eight digits that read as a date of birth: DDMMYYYY or YYYYMMDD, years 1900-2039."""
    for day, month, year in ((digits[:2], digits[2:4], digits[4:]), (digits[6:], digits[4:6], digits[:4])):
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            continue
        if 1900 <= int(year) < 2040:
            return True
    return False


def find_identifiers(text: str, ids: HouseholdIdentifiers = EMPTY_IDENTIFIERS, *, dates: bool = True) -> list[str]:
    """Dutch descriptions of the identifiers found in `text` (empty: clean).

    The text is read undisguised first (domain/identifier_text.py): format characters removed, look-alike
    letters and every kind of digit folded, digits inside words read as letters, separators inside numbers,
    streets and postcodes ignored.
    """
    if not text:
        return []
    found: list[str] = []
    cased = undisguised(text)
    plain = canonical(text)
    numbers = numeric(text)
    tokens = [t for t in re.split(r"[^0-9a-z]+", plain) if t]
    written = [t for t in re.split(r"[\W_]+", cased) if t]  # shown as typed (without invisible characters)

    def is_name(word: str) -> bool:
        return any(variant in ids.name_words for part in re.split(r"[^0-9a-z]+", canonical(word)) if part
                   for variant in word_variants(part))

    names = {token for token in written if is_name(token)} | {
        f"{a}{b}" for a, b in zip(written, written[1:], strict=False) if canonical(a + b) in ids.name_words
    }
    if names:
        found.append(f"een naam uit het huishouden ({', '.join(sorted(names))})")
    joined = " " + " ".join(tokens) + " "
    squeezed = compact(text)
    if any(f" {street} " in joined or (len(street) >= 6 and street.replace(" ", "") in squeezed)
           for street in ids.streets):
        found.append("het adres van het huishouden")
    bsn = False
    for match in SEPARATED_DIGITS.finditer(numbers):
        digits = re.sub(r"\D", "", match.group())
        if passes_eleven_test(digits) or any(own in digits for own in ids.bsns):
            bsn = True
    if bsn:
        found.append("een BSN (of een nummer dat de elfproef doorstaat)")
    postcode = any(
        m.group(3).isupper() or not m.group(2) or f"{re.sub(r'[^0-9]', '', m.group(1))}{m.group(3).upper()}"
        in ids.postcodes
        for m in SEPARATED_POSTCODE.finditer(cased)
    )
    if postcode:
        found.append("een postcode")
    if dates and (
        any(p.search(cased) for p in DATE_PATTERNS)
        or any(p.search(plain) for p in DISGUISED_DATES)
        or any(_is_date(m.group()) and not passes_eleven_test(m.group()) for m in EIGHT_DIGITS.finditer(numbers))
    ):
        found.append("een datum (gebruik een leeftijd, of de datumvelden van route en toestemming)")
    if INITIALS.search(cased) and EXACT_AGE.search(cased):
        found.append("initialen met een exacte leeftijd (noem een leeftijdsgroep, bijvoorbeeld 30 tot 40 jaar)")
    return found


DOSSIER_WHY = "Dit dossier gaat buiten de gemeente: haal persoonsgegevens uit de tekst."


def identifier_problems(
    fields: Iterable[tuple[str, str]], ids: HouseholdIdentifiers, *, dates: bool = True, why: str = DOSSIER_WHY
) -> list[Problem]:
    """One Problem per field (dotted path) whose text contains identifiers."""
    problems: list[Problem] = []
    for path, text in fields:
        hits = find_identifiers(text, ids, dates=dates)
        if hits:
            label = FIELD_LABELS.get(path.split(".", 1)[0], path)
            problems.append(
                Problem(
                    path,
                    f"Het veld '{label}' bevat {' en '.join(hits)}. {why}",
                )
            )
    return problems


def escalation_text_fields(escalation: Escalation, knelpunt_titles: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Every free-text field of an escalation that goes into the dossier, with its dotted path."""
    fields: list[tuple[str, str]] = [
        ("urgency_note", escalation.urgency_note),
        ("complexity_note", escalation.complexity_note),
        ("blockage", escalation.blockage),
        ("requested_solution", escalation.requested_solution),
        ("consent.scope", escalation.consent.scope),
    ]
    fields += [(f"organisations.{i}", name) for i, name in enumerate(escalation.organisations)]
    fields += [(f"consent.recipients.{i}", name) for i, name in enumerate(escalation.consent.recipients)]
    for i, route in enumerate(escalation.routes_tried):
        fields += [(f"routes_tried.{i}.description", route.description), (f"routes_tried.{i}.outcome", route.outcome)]
    fields += [(f"knelpunten.{i}", title) for i, title in enumerate(knelpunt_titles)]
    return fields


def check_escalation_text(
    escalation: Escalation, household: Household, knelpunt_titles: Iterable[str] = ()
) -> list[Problem]:
    return identifier_problems(escalation_text_fields(escalation, knelpunt_titles), HouseholdIdentifiers.of(household))


def initials(name: str) -> str:
    """`Ayşe Özdemir` → `A.Ö.`; particles (van, de, ...) are left out."""
    parts = [p for p in re.split(r"[\s\-]+", name.strip()) if p]
    letters = [p[0].upper() for p in parts if normalise(p).strip(".'") not in NAME_PARTICLES and p[0].isalpha()]
    return "".join(f"{letter}." for letter in letters) or "?"


# -- the dossier model: nothing in here can hold a name, BSN, address, postcode or date of birth -------------
def age_band(age: int) -> str:
    """`4-11`, `67+`: the band of `AGE_BANDS` holding `age` (negative ages count as 0)."""
    age = max(0, age)
    for low, high in AGE_BANDS:
        if high is None or age <= high:
            return f"{low}+" if high is None else f"{low}-{high}"
    raise AssertionError("the last band is open")  # pragma: no cover


def band_floor(band: str) -> int:
    return int(band.rstrip("+").split("-")[0])


class DossierMember(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    initials: str
    role: str
    age_band: str
    """E.g. `4-11` or `67+` (years); never the exact age."""


class DossierDomain(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    leefgebied: str
    score: int | None


class DossierOrganisation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    organisation: str
    legal_framework: str


class DossierRoute(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    level: str
    tried_on: date
    description: str
    outcome: str


class DossierConsent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    given_on: date
    scope: str
    recipients: list[str]
    expires_on: date


class DossierCriteria(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    urgent: bool
    urgency_note: str
    complex: bool
    complexity_note: str
    several_domains_or_organisations: bool
    local_route_tried: bool
    regional_route_tried: bool
    blockage_kind: str


class EscalationDossier(BaseModel):
    """The pseudonymised dossier. Field names are part of the exported JSON format (version 1)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["doorbraak-escalatiedossier"] = "doorbraak-escalatiedossier"
    format_version: Literal[2] = 2
    reference: str
    municipality: str
    level: str
    status: str
    prepared_on: date
    created_on: date
    submitted_on: date | None
    composition: str
    members: list[DossierMember]
    domains: list[DossierDomain]
    organisations: list[DossierOrganisation]
    criteria: DossierCriteria
    knelpunt: str
    routes_tried: list[DossierRoute]
    requested_solution: str
    consent: DossierConsent
    knelpunten: list[str]


def _listed(bands: list[str]) -> str:
    return bands[0] if len(bands) == 1 else ", ".join(bands[:-1]) + " en " + bands[-1]


def composition(members: list[DossierMember]) -> str:
    """`2 volwassenen (27-44 jaar), 3 kinderen (0-3, 4-11 en 12-17 jaar)`: age bands, youngest first."""
    adults = sorted((m.age_band for m in members if band_floor(m.age_band) >= 18), key=band_floor)
    children = sorted((m.age_band for m in members if band_floor(m.age_band) < 18), key=band_floor)
    parts: list[str] = []
    if adults:
        parts.append(f"{len(adults)} {'volwassene' if len(adults) == 1 else 'volwassenen'} ({_listed(adults)} jaar)")
    if children:
        parts.append(f"{len(children)} {'kind' if len(children) == 1 else 'kinderen'} ({_listed(children)} jaar)")
    return ", ".join(parts) or "geen leden vastgelegd"


def reference_for(municipality_code: str, escalation_id: int | None) -> str:
    """A reference the municipality can trace back, without the case number: `GM0363-ESC-000012`."""
    return f"{municipality_code}-ESC-{escalation_id or 0:06d}"


def dossier_reference(escalation: Escalation, household: Household) -> str:
    return reference_for(household.municipality_code, escalation.id)


def build_dossier(
    escalation: Escalation, household: Household, today: date, knelpunt_titles: Iterable[str] = ()
) -> EscalationDossier:
    """Build the dossier, or raise InvalidInput naming every field that blocks it (consent, identifiers)."""
    titles = list(knelpunt_titles)
    problems = escalation.consent.problems_for(today, escalation.level)
    problems += check_escalation_text(escalation, household, titles)
    if problems:
        raise InvalidInput(problems)
    consent = escalation.consent
    assert consent.given_on is not None and consent.expires_on is not None
    members = [
        DossierMember(
            initials=initials(m.name),
            role=MEMBER_ROLE_LABELS[MemberRole(m.role)],
            age_band=age_band(age_on(m.date_of_birth, today)),
        )
        for m in household.members
    ]
    scores = {p.leefgebied: p for p in household.problems}
    labels = reference.leefgebieden()
    frameworks = {o.name.casefold(): str(o.legal_framework) for o in household.organisations}
    tried = {route.level for route in escalation.routes_tried}
    return EscalationDossier(
        reference=dossier_reference(escalation, household),
        municipality=household.municipality_name,
        level=escalation.level.label,
        status=escalation.status.label,
        prepared_on=today,
        created_on=escalation.created_on,
        submitted_on=escalation.submitted_on,
        composition=composition(members),
        members=members,
        domains=[
            DossierDomain(leefgebied=labels[code], score=scores[code].score if code in scores else None)
            for code in escalation.domains
        ],
        organisations=[
            DossierOrganisation(organisation=name, legal_framework=frameworks.get(name.casefold(), ""))
            for name in escalation.organisations
        ],
        criteria=DossierCriteria(
            urgent=escalation.urgent,
            urgency_note=escalation.urgency_note,
            complex=escalation.complex,
            complexity_note=escalation.complexity_note,
            several_domains_or_organisations=len(escalation.domains) >= 2 or len(escalation.organisations) >= 2,
            local_route_tried=EscalationLevel.LOKAAL in tried,
            regional_route_tried=EscalationLevel.REGIONAAL in tried,
            blockage_kind=escalation.blockage_kind.label,
        ),
        knelpunt=escalation.blockage,
        routes_tried=[
            DossierRoute(
                level=route.level.label, tried_on=route.tried_on, description=route.description, outcome=route.outcome
            )
            for route in escalation.routes_tried
        ],
        requested_solution=escalation.requested_solution,
        consent=DossierConsent(
            given_on=consent.given_on,
            scope=consent.scope,
            recipients=list(consent.recipients),
            expires_on=consent.expires_on,
        ),
        knelpunten=titles,
    )
