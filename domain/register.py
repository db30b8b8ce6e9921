"""The Landelijk Maatwerkregister: who to call at which organisation for which municipality and theme.

A contact is a team or function at an organisation (a central mailbox is preferred over a person), with a
validated Dutch phone number (stored E.164, shown in Dutch format), a validated e-mail address, the region
it serves (municipalities by CBS code, or landelijk), themes and legal frameworks, availability, an urgent
line, the mandate it has, and when it was last verified (older than 12 months: flagged unverified).

Search is defined here independent of the database: text is folded (case and diacritics removed, ø → o,
...) and split into words the same way for the stored search columns and for the query, so SQLite FTS5 and
PostgreSQL full-text search see identical tokens. A typo is corrected against the vocabulary of indexed
words (`Vocabulary`), so both back ends share one correction rule.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources
from typing import Annotated, Any

import phonenumbers
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from rapidfuzz import process
from rapidfuzz.distance import OSA

from domain import reference
from domain.errors import InvalidInput, Problem
from domain.household import ORGANISATION_TYPE_LABELS, LegalFramework, OrganisationType
from domain.jsondata import JsonObject
from domain.messages import dutch_problems

VERIFY_MONTHS = 12
"""A contact whose last verification is older than this many months is flagged as unverified."""

NAME_MAX = 120
NOTES_MAX = 4000
EXTERNAL_ID_MAX = 60
MAX_MUNICIPALITIES = 400
MAX_THEMES = 20
MAX_LEGAL_FRAMEWORKS = 12

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Cell starts that spreadsheets read as a formula (CSV injection); names may not start with them."""

MIN_TERM_LENGTH = 2
"""Shorter words are left out of a search (a one-letter prefix matches half the register)."""
MAX_TERMS = 8


# -- text folding for search ------------------------------------------------------------------------------
# Letters that NFKD does not decompose into a base letter plus accents.
_SPECIAL_LETTERS = str.maketrans({
    "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t",
    "ĳ": "ij",
})


def fold(text: str) -> str:
    """Lower case without diacritics: `Özdemir` → `ozdemir`, `Súdwest-Fryslân` → `sudwest-fryslan`."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def search_words(text: str) -> list[str]:
    """The folded words of `text`; everything that is not a letter or digit separates words."""
    return list(_words(text)) if len(text) <= 200 else _WORD.findall(fold(text))


def search_text(*parts: str) -> str:
    """Folded words joined by single spaces: what the search columns store and the indexes tokenise."""
    return " ".join(word for part in parts for word in (_words(part) if len(part) <= 200 else search_words(part)))


# -- validators -----------------------------------------------------------------------------------------
_PHONE_CHARS = frozenset("0123456789+-(). /")


@lru_cache(maxsize=65536)
def normalise_phone(value: str) -> str:
    """A Dutch phone number as E.164 (`+31612345678`), '' for empty, or ValueError with a Dutch message.

    Letters are refused (phonenumbers would read `06-12345xxx` as a vanity number); only numbers of the
    Netherlands (+31) are accepted.
    """
    value = value.strip()
    if not value:
        return ""
    if any(ch not in _PHONE_CHARS for ch in value) or sum(ch.isdigit() for ch in value) < 3:
        raise ValueError(f"{value!r} is geen telefoonnummer; gebruik alleen cijfers, bijv. 06 12345678.")
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        raise ValueError(f"{value!r} is geen geldig telefoonnummer.") from None
    if number.country_code != 31:
        raise ValueError(f"{value!r} is geen Nederlands telefoonnummer; alleen nummers met +31 zijn toegestaan.")
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"{value!r} is geen geldig Nederlands telefoonnummer (bijv. 06 12345678 of 088 123 4567).")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=4096)
def format_phone(e164: str) -> str:
    """Dutch notation for display and export: `+31612345678` → `06 12345678`, `+31881234567` → `088 123 4567`."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "NL")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


_EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_EMAIL_LABEL = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def normalise_email(value: str) -> str:
    """A plain e-mail address (`naam@domein.nl`), domain in lower case; '' for empty; else ValueError."""
    value = value.strip()
    if not value:
        return ""
    message = f"{value[:80]!r} is geen geldig e-mailadres (bijv. maatwerk@organisatie.nl)."
    if len(value) > 254 or value.count("@") != 1:
        raise ValueError(message)
    local, domain = value.split("@")
    if not local or len(local) > 64 or not _EMAIL_LOCAL.match(local):
        raise ValueError(message)
    labels = domain.split(".")
    if len(labels) < 2 or not all(_EMAIL_LABEL.match(label) for label in labels):
        raise ValueError(message)
    tld = labels[-1]
    if not (tld.isalpha() and len(tld) >= 2) and not tld.lower().startswith("xn--"):
        raise ValueError(message)
    return f"{local}@{domain.lower()}"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\n\t]")


def clean_text(value: str, *, field: str) -> str:
    """Strip surrounding white space and refuse control characters (the rule of domain.validation.clean_text,
    with a regular expression: an import validates millions of characters)."""
    value = value.strip()
    if _CONTROL.search(value):
        raise ValueError(f"{field} bevat onzichtbare stuurtekens.")
    return value


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_PREFIXES)


def check_name(value: str) -> str:
    """A single-line name: no control characters, no line breaks, nothing a spreadsheet reads as a formula."""
    value = clean_text(value, field="Deze naam")
    if _LINE_BREAK.search(value):
        raise ValueError("Een naam past op één regel (geen regeleinde of tab).")
    if looks_like_formula(value):
        raise ValueError(
            f"{value[:40]!r} begint met {value[0]!r}; dat lijkt op een spreadsheetformule en wordt geweigerd."
        )
    return value


def _required_name(value: str) -> str:
    value = check_name(value)
    if not value:
        raise ValueError("Dit veld is verplicht.")
    return value


_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")


def check_external_id(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("Dit veld is verplicht (de sleutel waarmee een volgende import dit contact bijwerkt).")
    if not _EXTERNAL_ID.match(value):
        raise ValueError("Gebruik alleen letters, cijfers en . _ : / - (en begin met een letter of cijfer).")
    return value


def _notes(value: str) -> str:
    return clean_text(value, field="De toelichting")


def _phone(value: str) -> str:
    return normalise_phone(value)


def _email(value: str) -> str:
    return normalise_email(value)


Name = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(check_name)]
RequiredName = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(_required_name)]
ExternalId = Annotated[str, Field(max_length=EXTERNAL_ID_MAX), AfterValidator(check_external_id)]
Phone = Annotated[str, Field(max_length=40), AfterValidator(_phone)]
Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
Notes = Annotated[str, Field(max_length=NOTES_MAX), AfterValidator(_notes)]


# -- reference values -----------------------------------------------------------------------------------
@cache
def themes() -> dict[str, str]:
    """Theme code → Dutch label: the ZRM leefgebieden followed by the register's extra themes."""
    text = resources.files("domain.reference").joinpath("register_themes.json").read_text(encoding="utf-8")
    extra = {row["code"]: row["naam"] for row in json.loads(text)["extra_themes"]}
    return {**reference.leefgebieden(), **extra}


@cache
def _theme_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for code, label in themes().items():
        lookup[search_text(code)] = code
        lookup[search_text(label)] = code
    return lookup


def parse_theme(value: str) -> str:
    """A theme code from a code or a label, ignoring case and accents (`Financien` → `financien`)."""
    code = _theme_lookup().get(search_text(value))
    if code is None:
        raise ValueError(f"Onbekend thema {value.strip()[:40]!r}; kies uit: {', '.join(themes())}.")
    return code


class MandateLevel(StrEnum):
    """What the contact can decide (design choice: five steps from informing to escalating)."""

    INFORMATIE = "informatie"
    ADVIES = "advies"
    BESLUIT = "besluit"
    MAATWERK = "maatwerk"
    ESCALATIE = "escalatie"

    @property
    def label(self) -> str:
        return MANDATE_LABELS[self]


MANDATE_LABELS: dict[MandateLevel, str] = {
    MandateLevel.INFORMATIE: "Informeren en doorverwijzen",
    MandateLevel.ADVIES: "Adviseren binnen de eigen organisatie",
    MandateLevel.BESLUIT: "Besluiten binnen beleid",
    MandateLevel.MAATWERK: "Afwijken van beleid (maatwerk)",
    MandateLevel.ESCALATIE: "Escaleren naar directie of bestuur",
}


@cache
def _enum_lookup(enum: type[StrEnum]) -> dict[str, StrEnum]:
    labels: Mapping[Any, str] = MANDATE_LABELS if enum is MandateLevel else ORGANISATION_TYPE_LABELS
    lookup: dict[str, StrEnum] = {}
    for member in enum:
        lookup[search_text(member.value)] = member
        lookup[search_text(labels[member])] = member
    return lookup


def _enum_from_text(enum: type[StrEnum], value: Any, what: str) -> Any:
    if isinstance(value, enum) or not isinstance(value, str):
        return value
    try:
        return enum(value)
    except ValueError:
        pass
    key = search_text(value)
    if not key:
        return value
    member = _enum_lookup(enum).get(key)
    if member is None:
        choices = ", ".join(m.value for m in enum)
        raise ValueError(f"Onbekend {what} {value.strip()[:40]!r}; kies uit: {choices}.")
    return member


def _organisation_type(value: Any) -> Any:
    return _enum_from_text(OrganisationType, value, "organisatietype")


def _mandate(value: Any) -> Any:
    return _enum_from_text(MandateLevel, value, "mandaat")


_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def _date(value: Any) -> Any:
    """Accept ISO dates and the Dutch `31-12-2025` notation; '' means unknown."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        match = _DUTCH_DATE.match(value)
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise ValueError(f"{value!r} is geen bestaande datum.") from None
    return value


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (31 March − 1 month → 28/29 February)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def verified_since(today: date) -> date:
    """The oldest verification date that still counts as verified today."""
    return months_before(today, VERIFY_MONTHS)


# -- the contact ----------------------------------------------------------------------------------------
class ContactFields(BaseModel):
    """Everything a user or an import file may set for a register contact."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    external_id: ExternalId
    """Stable key from the source of the register; an import with the same key updates the contact."""
    organisation: RequiredName
    organisation_type: Annotated[OrganisationType, BeforeValidator(_organisation_type)] = OrganisationType.OVERIG
    team: Name = ""
    role: Name = ""
    """Function, e.g. maatwerkfunctionaris, klantmanager schulden."""
    person: Name = ""
    """Optional: a central mailbox or team line is preferred over a named person."""
    phone: Phone = ""
    urgent_phone: Phone = ""
    """The line for urgent cases (e.g. an imminent eviction), if different from `phone`."""
    email: Email = Field(default="", validate_default=True)
    availability: Name = ""
    """When the contact can be reached, e.g. `ma-vr 9-17 uur`."""
    landelijk: bool = False
    """Serves the whole country; otherwise `municipality_codes` lists the municipalities served."""
    municipality_codes: list[str] = Field(
        default_factory=list, max_length=MAX_MUNICIPALITIES, validate_default=True
    )
    themes: list[str] = Field(default_factory=list, max_length=MAX_THEMES)
    legal_frameworks: list[Name] = Field(default_factory=list, max_length=MAX_LEGAL_FRAMEWORKS)
    mandate: Annotated[MandateLevel, BeforeValidator(_mandate)] = MandateLevel.INFORMATIE
    last_verified: Annotated[date | None, BeforeValidator(_date)] = None
    notes: Notes = ""

    # Cross-field rules live in field validators (not a model validator) so each problem keeps its field
    # path, which an import report turns into the CSV column name.
    @field_validator("email")
    @classmethod
    def _reachable(cls, value: str, info: ValidationInfo) -> str:
        phones = [info.data.get(key) for key in ("phone", "urgent_phone")]
        if not value and "phone" in info.data and not any(phones):
            raise ValueError("Vul een telefoonnummer of een e-mailadres in.")
        return value

    @field_validator("municipality_codes", mode="before")
    @classmethod
    def _codes_list(cls, value: Any) -> Any:
        return list(value) if isinstance(value, tuple | set | frozenset) else value

    @field_validator("municipality_codes")
    @classmethod
    def _region(cls, value: list[str], info: ValidationInfo) -> list[str]:
        codes = sorted({code.strip().upper() for code in value if code.strip()})
        unknown = [code for code in codes if code not in reference.municipalities()]
        if unknown:
            raise ValueError(
                f"Onbekende gemeentecode {', '.join(unknown[:5])}; gebruik CBS-codes zoals GM0363 of 'landelijk'."
            )
        landelijk = info.data.get("landelijk", False)
        if landelijk and codes:
            raise ValueError("Kies landelijk óf gemeenten, niet allebei.")
        if not landelijk and not codes:
            raise ValueError("Geef de gemeenten die dit contact bedient (CBS-codes), of 'landelijk'.")
        return codes

    @field_validator("themes", mode="before")
    @classmethod
    def _themes(cls, value: Any) -> Any:
        if isinstance(value, list | tuple | set | frozenset):
            codes: list[str] = []
            for theme in value:
                code = parse_theme(theme) if isinstance(theme, str) else theme
                if code not in codes:
                    codes.append(code)
            return codes
        return value

    @field_validator("legal_frameworks")
    @classmethod
    def _frameworks(cls, value: list[str]) -> list[str]:
        frameworks: list[str] = []
        for framework in value:
            canonical = _legal_framework(framework)
            if canonical and canonical not in frameworks:
                frameworks.append(canonical)
        return frameworks

    @field_validator("last_verified")
    @classmethod
    def _not_future(cls, value: date | None) -> date | None:
        if value is not None and value > date.today():
            raise ValueError("De datum van laatste verificatie ligt in de toekomst.")
        return value

    # -- behaviour -------------------------------------------------------------------------------------
    def is_unverified(self, today: date) -> bool:
        """True when never verified or verified more than 12 months before `today`."""
        return self.last_verified is None or self.last_verified < verified_since(today)

    def serves(self, municipality_code: str) -> bool:
        return self.landelijk or municipality_code in self.municipality_codes

    @property
    def display_phone(self) -> str:
        return format_phone(self.phone)

    @property
    def display_urgent_phone(self) -> str:
        return format_phone(self.urgent_phone)

    @property
    def region_label(self) -> str:
        if self.landelijk:
            return "Landelijk"
        names = reference.municipalities()
        return ", ".join(names.get(code, code) for code in self.municipality_codes)

    @property
    def theme_labels(self) -> list[str]:
        labels = themes()
        return [labels.get(code, code) for code in self.themes]

    @property
    def label(self) -> str:
        """One line for lists: organisation – team – role/person."""
        who = self.person or self.role
        return " – ".join(part for part in (self.organisation, self.team, who) if part)

    def fields(self) -> ContactFields:
        return ContactFields.model_construct(**{name: getattr(self, name) for name in ContactFields.model_fields})


@cache
def _framework_lookup() -> dict[str, str]:
    return {search_text(framework.value): framework.value for framework in LegalFramework}


def _legal_framework(value: str) -> str:
    return _framework_lookup().get(search_text(value), value)


class RegisterContact(ContactFields):
    """A stored register contact. `version` guards against lost updates."""

    id: int | None = None
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None


ACTION_CONTACT_MAX = 200
"""The length of a plan action's `contact` text (domain.plan.Action.contact)."""


def _shorten(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)].rstrip() + "…"


def action_contact_text(contact: ContactFields, *, max_length: int = ACTION_CONTACT_MAX) -> str:
    """The text a plan action keeps of a chosen register contact (beside its `contact_id`):
    `UWV – Team Maatwerk WW – Shirley Ramdin, 06 12345000, teammaatwerkww@uwv.example`.

    Who (organisation, team or else role, person), then how to reach them (phone in Dutch notation, or the
    urgent line when there is no regular one, and e-mail). It always fits `max_length`: the name is
    shortened first (with an ellipsis), because the number and the address are what a colleague needs."""
    who = " – ".join(part for part in (contact.organisation, contact.team or contact.role, contact.person) if part)
    if contact.phone:
        reach = [format_phone(contact.phone)]
    elif contact.urgent_phone:
        reach = [f"spoed {format_phone(contact.urgent_phone)}"]
    else:
        reach = []
    if contact.email:
        reach.append(contact.email)
    tail = "".join(f", {part}" for part in reach)
    if len(who) + len(tail) <= max_length:
        return who + tail
    room = max_length - len(tail)
    if room >= 20:
        return _shorten(who, room) + tail
    return _shorten(who + tail, max_length)


def parse_contact_fields(data: Mapping[str, Any] | ContactFields, *, prefix: str = "") -> ContactFields:
    """Validate user input into ContactFields, or raise InvalidInput with Dutch problems."""
    raw = data.model_dump(include=set(ContactFields.model_fields)) if isinstance(data, ContactFields) else dict(data)
    try:
        return ContactFields.model_validate(raw)
    except ValidationError as exc:
        raise InvalidInput(dutch_problems(exc, prefix)) from None


# -- search document -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SearchDocument:
    """The folded text of a contact in four weighted parts (organisation weighs most)."""

    organisation: str
    place: str
    other: str
    theme: str

    def words(self) -> set[str]:
        """The words people can type (for the typo vocabulary): filter tokens left out."""
        return {
            w for part in (self.organisation, self.place, self.other, self.theme) for w in part.split()
            if not is_filter_token(w)
        }


def organisation_key(name: str) -> str:
    """The folded organisation name used for exact organisation filters and ranking."""
    return search_text(name)


TOKEN_PREFIX = "qx"
"""Filter tokens start with letters that no Dutch word starts with, so a name can never contain one
(both back ends then match them in any column without a per-column check)."""
LANDELIJK_TOKEN = TOKEN_PREFIX + "landelijk"
"""In the place column of every landelijk contact (beside the word `landelijk`, which people type)."""


def municipality_token(code: str) -> str:
    """The token in the place column of every contact serving this municipality: `GM0363` → `qxgm0363`."""
    return TOKEN_PREFIX + code.lower()


def theme_token(code: str) -> str:
    """The token in the theme column of every contact with this theme: `re_integratie` → `qxreintegratie`."""
    return TOKEN_PREFIX + code.replace("_", "")


def is_filter_token(word: str) -> bool:
    return word.startswith(TOKEN_PREFIX)


def search_document(contact: ContactFields) -> SearchDocument:
    """The search text of a contact. Besides the words people type, the place and theme columns carry
    exact tokens for filters (`gm0363` / `landelijk`, `themaschulden`), so a filter is one more word for the
    full-text index instead of a join: that keeps a filtered broad search fast on both back ends.
    A typed `qx...` word is dropped from queries (see RegisterQuery.terms)."""
    names = reference.municipalities()
    if contact.landelijk:
        place = f"landelijk {LANDELIJK_TOKEN}"
    else:
        place = " ".join([
            search_text(*(names.get(c, c) for c in contact.municipality_codes)),
            *(municipality_token(c) for c in contact.municipality_codes),
        ])
    theme_labels = themes()
    return SearchDocument(
        organisation=search_text(contact.organisation),
        place=place,
        other=search_text(
            contact.team, contact.role, contact.person, ORGANISATION_TYPE_LABELS[contact.organisation_type]
        ),
        theme=" ".join(dict.fromkeys(search_words(" ".join([
            *(theme_labels.get(code, code) for code in contact.themes),
            *(code.replace("_", " ") for code in contact.themes),
            *contact.legal_frameworks,
            *(theme_token(code) for code in contact.themes),
        ])))),
    )


# -- queries --------------------------------------------------------------------------------------------
def _optional_code(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    reference.municipality_name(code)
    return code


def _optional_theme(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return parse_theme(value)


class RegisterQuery(BaseModel):
    """A search in the register: free text plus filters, and the household's municipality for ranking."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(default="", max_length=200)
    organisation: str | None = Field(default=None, max_length=NAME_MAX)
    """Only contacts of this organisation (ignoring case/accents; `Belastingdienst` also finds
    `Belastingdienst/Dienst Toeslagen`)."""
    municipality_code: Annotated[str | None, AfterValidator(_optional_code)] = None
    """Only contacts serving this municipality (and landelijk ones unless include_landelijk is off)."""
    include_landelijk: bool = True
    theme: Annotated[str | None, AfterValidator(_optional_theme)] = None
    context_municipality: Annotated[str | None, AfterValidator(_optional_code)] = None
    """The household's municipality: its own contacts rank first, landelijk next (no filtering)."""
    offset: int = Field(default=0, ge=0, le=100_000)
    limit: int = Field(default=20, ge=1, le=500)

    @property
    def terms(self) -> list[str]:
        """Folded search words of at least two characters, at most eight, in typed order, without repeats."""
        seen: list[str] = []
        for word in search_words(self.text):
            if len(word) >= MIN_TERM_LENGTH and word not in seen and not is_filter_token(word):
                seen.append(word)
        return seen[:MAX_TERMS]

    @property
    def organisation_key(self) -> str | None:
        if self.organisation is None:
            return None
        key = organisation_key(self.organisation)
        return key or None

    @property
    def ranking_municipality(self) -> str | None:
        return self.context_municipality or self.municipality_code


def parse_query(data: RegisterQuery | Mapping[str, Any]) -> RegisterQuery:
    if isinstance(data, RegisterQuery):
        return data
    try:
        return RegisterQuery.model_validate(dict(data))
    except ValidationError as exc:
        raise InvalidInput(dutch_problems(exc)) from None


@dataclass(frozen=True)
class SearchPlan:
    """What the repository executes. Every group in `terms` must match (AND); within a group any of the
    alternatives (OR), each as a word prefix."""

    terms: tuple[tuple[str, ...], ...]
    exact_text: str
    """The query as folded words: an organisation equal to (or starting with) it ranks first."""
    organisation_key: str | None
    municipality_code: str | None
    include_landelijk: bool
    theme: str | None
    context_municipality: str | None
    verified_since: date
    offset: int
    limit: int
    broad_limit: int = 100
    """A text matching more contacts than this is 'broad': it is ranked over a bounded candidate set (see
    storage/register.py) so that typing the first letters stays fast with 100,000 contacts."""


@dataclass(frozen=True)
class SearchHits:
    contacts: list[RegisterContact]
    broad: bool


@dataclass(frozen=True)
class RegisterPage:
    contacts: list[RegisterContact]
    offset: int
    limit: int
    has_more: bool
    corrected_text: str | None = None
    """Set when the typed text found nothing and a corrected spelling was searched instead."""
    terms: tuple[str, ...] = ()
    broad: bool = False
    """The text matched very many contacts and was ranked over a bounded selection: type on to narrow."""


@dataclass(frozen=True)
class OrganisationSummary:
    organisation: str
    organisation_type: OrganisationType
    contacts: int


# -- typo tolerance ---------------------------------------------------------------------------------------
def max_edits(term: str) -> int:
    """Edits tolerated in a word: none below 3 letters, one up to 7, two from 8 (transpositions count once)."""
    if len(term) < 3:
        return 0
    return 1 if len(term) < 8 else 2


class Vocabulary:
    """The sorted set of indexed words, with prefix lookup and typo corrections."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words: tuple[str, ...] = tuple(sorted(set(words)))
        self._by_length: dict[int, list[str]] = {}
        for word in self.words:
            self._by_length.setdefault(len(word), []).append(word)
        self._prefixes: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return len(self.words)

    def has_prefix(self, term: str) -> bool:
        """Is `term` a word or the start of one?"""
        index = bisect.bisect_left(self.words, term)
        return index < len(self.words) and self.words[index].startswith(term)

    def _prefixes_of_length(self, length: int) -> list[str]:
        found = self._prefixes.get(length)
        if found is None:
            found = sorted({word[:length] for word in self.words if len(word) > length})
            self._prefixes[length] = found
        return found

    def corrections(self, term: str, limit: int = 5) -> list[str]:
        """Known words (or word starts, for a word still being typed) within `max_edits` of `term`,
        nearest first. Empty when `term` is already known or nothing is close enough."""
        edits = max_edits(term)
        if edits == 0 or self.has_prefix(term):
            return []
        scored: dict[str, tuple[int, int]] = {}
        whole: list[str] = []
        for length in range(len(term) - edits, len(term) + edits + 1):
            whole.extend(self._by_length.get(length, ()))
        for word, distance, _ in process.extract(term, whole, scorer=OSA.distance, score_cutoff=edits, limit=None):
            scored[word] = (int(distance), 0)
        if len(term) >= 4:
            # A misspelt word that is still being typed: compare with the starts of longer words.
            for start, distance, _ in process.extract(
                term, self._prefixes_of_length(len(term)), scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                if start not in scored:
                    scored[start] = (int(distance), 1)
        ranked = sorted(scored, key=lambda word: (scored[word], word))
        # A shorter alternative that is a prefix of another already covers it.
        chosen: list[str] = []
        for word in ranked:
            if not any(word.startswith(other) for other in chosen):
                chosen.append(word)
            if len(chosen) == limit:
                break
        return chosen


# -- CSV contract ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CsvColumn:
    name: str
    field: str
    required: bool
    description: str
    example: str


LIST_SEPARATOR = "|"

CSV_COLUMNS: tuple[CsvColumn, ...] = (
    CsvColumn("externe_id", "external_id", True,
              "Vaste sleutel uit de bron; een volgende import met dezelfde sleutel werkt het contact bij. "
              "Letters, cijfers en . _ : / -, hoogstens 60 tekens.", "uwv-maatwerk-noord"),
    CsvColumn("organisatie", "organisation", True, "Naam van de organisatie.", "UWV"),
    CsvColumn("organisatietype", "organisation_type", False,
              "Code of omschrijving: " + ", ".join(t.value for t in OrganisationType) + ". Leeg: overig.",
              "landelijke_uitvoeringsorganisatie"),
    CsvColumn("team", "team", False, "Team of afdeling.", "Team Maatwerk"),
    CsvColumn("functie", "role", False, "Functie of rol.", "maatwerkfunctionaris"),
    CsvColumn("persoon", "person", False, "Naam van een persoon (liever leeg: een centrale mailbox).", ""),
    CsvColumn("telefoon", "phone", False,
              "Nederlands telefoonnummer, bijv. 06 12345678, 088-1234567 of +31 6 12345678.", "06 12345001"),
    CsvColumn("spoedlijn", "urgent_phone", False, "Nummer voor spoed, als dat anders is.", ""),
    CsvColumn("email", "email", False, "E-mailadres (telefoon of e-mail is verplicht).", "maatwerk@uwv.example"),
    CsvColumn("bereikbaarheid", "availability", False, "Wanneer bereikbaar.", "ma-vr 9-17 uur"),
    CsvColumn("regio", "municipality_codes", True,
              "'landelijk', of CBS-gemeentecodes gescheiden door |.", "GM0363|GM0362"),
    CsvColumn("themas", "themes", False,
              "Thema's (code of naam) gescheiden door |, zie de lijst hieronder.", "schulden|uitkering"),
    CsvColumn("wetten", "legal_frameworks", False, "Wettelijke kaders gescheiden door |.", "WW|WIA/Wajong"),
    CsvColumn("mandaat", "mandate", False,
              "Code of omschrijving: " + ", ".join(m.value for m in MandateLevel) + ". Leeg: informatie.",
              "maatwerk"),
    CsvColumn("laatst_geverifieerd", "last_verified", False,
              "Datum van de laatste controle, JJJJ-MM-DD of DD-MM-JJJJ. Ouder dan 12 maanden: ongeverifieerd.",
              "2026-09-01"),
    CsvColumn("toelichting", "notes", False, "Vrije toelichting, hoogstens 4000 tekens.", ""),
)

CSV_COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in CSV_COLUMNS)
REQUIRED_CSV_COLUMNS: tuple[str, ...] = tuple(column.name for column in CSV_COLUMNS if column.required)
_COLUMN_BY_FIELD = {column.field: column.name for column in CSV_COLUMNS}
_COLUMN_BY_FIELD["landelijk"] = "regio"


@cache
def csv_cell_limits() -> dict[str, int]:
    """Per CSV column the most characters a cell may hold: a single text field's own maximum (a team name
    120, a phone 40), else `NOTES_MAX`, so an import reports an oversized cell with the limit that counts."""
    limits: dict[str, int] = {}
    for column in CSV_COLUMNS:
        info = ContactFields.model_fields[column.field]
        lengths = [m.max_length for m in info.metadata if isinstance(getattr(m, "max_length", None), int)]
        limits[column.name] = min([NOTES_MAX, *lengths]) if info.annotation is str else NOTES_MAX
    return limits


def column_for_path(path: str) -> str:
    """The CSV column a validation problem belongs to (`municipality_codes.2` → `regio`)."""
    head = path.split(".", 1)[0]
    return _COLUMN_BY_FIELD.get(head, head)


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def fields_from_csv(values: Mapping[str, str]) -> ContactFields:
    """Validate one CSV row (column name → text) into ContactFields; problems name the CSV column."""
    data: JsonObject = {}
    for column in CSV_COLUMNS:
        raw = values.get(column.name, "")
        if column.field == "municipality_codes":
            parts = _split_list(raw)
            lowered = [p.casefold() for p in parts]
            data["landelijk"] = "landelijk" in lowered
            data["municipality_codes"] = [p for p, low in zip(parts, lowered, strict=True) if low != "landelijk"]
        elif column.field in ("themes", "legal_frameworks"):
            data[column.field] = _split_list(raw)
        elif column.field in ("organisation_type", "mandate"):
            if raw.strip():
                data[column.field] = raw
        else:
            data[column.field] = raw
    try:
        return ContactFields.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(column_for_path(problem.path) if problem.path else "", problem.reason)
            for problem in dutch_problems(exc)
        ]
        raise InvalidInput(problems) from None


def csv_from_contact(contact: ContactFields) -> dict[str, str]:
    """One CSV row for a contact, in the import format (phones in Dutch notation)."""
    return {
        "externe_id": contact.external_id,
        "organisatie": contact.organisation,
        "organisatietype": contact.organisation_type.value,
        "team": contact.team,
        "functie": contact.role,
        "persoon": contact.person,
        "telefoon": format_phone(contact.phone),
        "spoedlijn": format_phone(contact.urgent_phone),
        "email": contact.email,
        "bereikbaarheid": contact.availability,
        "regio": "landelijk" if contact.landelijk else LIST_SEPARATOR.join(contact.municipality_codes),
        "themas": LIST_SEPARATOR.join(contact.themes),
        "wetten": LIST_SEPARATOR.join(contact.legal_frameworks),
        "mandaat": contact.mandate.value,
        "laatst_geverifieerd": contact.last_verified.isoformat() if contact.last_verified else "",
        "toelichting": contact.notes,
    }


# -- import ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportRecord:
    """One data row of an import file: its first line number, its cells by column, and problems the file
    reader already found (a field over the size limit, a wrong number of fields)."""

    line: int
    values: Mapping[str, str]
    problems: Sequence[Problem] = ()


@dataclass(frozen=True)
class RejectedRow:
    line: int
    external_id: str
    problems: list[Problem]

    def __str__(self) -> str:
        # Each problem as a sentence: "regel 10: telefoon: … 06 12345678. email: … (bijv. …)."
        sentences = [text if text.endswith((".", "?", "!")) else text + "." for text in map(str, self.problems)]
        return f"regel {self.line}: " + " ".join(sentences)


@dataclass
class ImportReport:
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    """True only when the changes were committed."""

    @property
    def accepted(self) -> int:
        return self.inserted + self.updated

    def summary(self) -> str:
        """One Dutch line with the counts; says plainly whether anything was saved."""
        rejected = f"{len(self.rejected)} geweigerd"
        read = f"{self.rows} {'regel' if self.rows == 1 else 'regels'} gelezen"
        if self.written:
            return f"{read}: {self.inserted} nieuw, {self.updated} bijgewerkt, {rejected}."
        counts = f"{self.inserted} zouden nieuw zijn, {self.updated} zouden worden bijgewerkt, {rejected}"
        why = "proefimport" if self.dry_run else "er zijn regels geweigerd"
        return f"Er is niets opgeslagen ({why}). {read}: {counts}."
