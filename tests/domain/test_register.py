"""The register contact's rules, the folding and typo correction that search relies on, the CSV contract."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.errors import InvalidInput
from domain.household import OrganisationType
from domain.register import (
    ContactFields,
    MandateLevel,
    RegisterQuery,
    Vocabulary,
    csv_from_contact,
    fields_from_csv,
    fold,
    format_phone,
    max_edits,
    months_before,
    normalise_email,
    normalise_phone,
    parse_contact_fields,
    parse_query,
    search_document,
    search_words,
    verified_since,
)


def contact(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "external_id": "uwv-maatwerk",
        "organisation": "UWV",
        "organisation_type": "landelijke_uitvoeringsorganisatie",
        "team": "Team Maatwerk",
        "phone": "06-12345001",
        "email": "maatwerk@uwv.example",
        "landelijk": True,
    }
    data.update(extra)
    return data


def problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        parse_contact_fields(data)
    return {p.path: p.reason for p in caught.value.problems}


# -- phone ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "e164", "shown"),
    [
        ("06-12345678", "+31612345678", "06 12345678"),
        ("0612345678", "+31612345678", "06 12345678"),
        ("+31 6 12345678", "+31612345678", "06 12345678"),
        ("0031612345678", "+31612345678", "06 12345678"),
        ("088-1234567", "+31881234567", "088 123 4567"),
        ("(020) 555 1234", "+31205551234", "020 555 1234"),
    ],
)
def test_dutch_numbers_are_stored_e164_and_shown_dutch(typed: str, e164: str, shown: str) -> None:
    assert normalise_phone(typed) == e164
    assert format_phone(e164) == shown
    assert parse_contact_fields(contact(phone=typed)).display_phone == shown


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("06-12345xxx", "geen telefoonnummer"),  # phonenumbers would read letters as a vanity number
        ("0612", "geen geldig Nederlands"),
        ("112", "geen geldig Nederlands"),  # an emergency number is no contact line
        ("+32 470 12 34 56", "+31"),  # a Belgian mobile: valid, but not Dutch
        ("06 1234 5678 9", "geen geldig"),
        ("=1+2", "geen telefoonnummer"),
    ],
)
def test_bad_phone_numbers_are_refused_in_dutch(typed: str, fragment: str) -> None:
    found = problems(contact(phone=typed))
    assert fragment in found["phone"]


def test_phone_or_email_is_required() -> None:
    assert problems(contact(phone="", email="")) == {"email": "Vul een telefoonnummer of een e-mailadres in."}
    assert parse_contact_fields(contact(phone="", email="team@svb.example")).phone == ""
    assert parse_contact_fields(contact(phone="", email="", urgent_phone="06 12345999")).urgent_phone == "+31612345999"


# -- e-mail -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "bad", ["a@b", "geen-apenstaart.nl", "twee@@uwv.example", "punt.@uwv.example", "a..b@uwv.example",
            "spatie in@uwv.example", "x@-uwv.example", "x@uwv.123", "x@" + "a" * 64 + ".nl"],
)
def test_bad_email_addresses_are_refused(bad: str) -> None:
    assert "geen geldig e-mailadres" in problems(contact(email=bad))["email"]


def test_email_domain_is_lower_cased_local_part_kept() -> None:
    assert normalise_email("  Maatwerk.Team@UWV.Example ") == "Maatwerk.Team@uwv.example"


# -- region, themes, names, dates ---------------------------------------------------------------------------
def test_region_is_landelijk_or_known_cbs_codes() -> None:
    fields = parse_contact_fields(contact(landelijk=False, municipality_codes=["gm0363", "GM0344", "GM0363"]))
    assert fields.municipality_codes == ["GM0344", "GM0363"]
    assert fields.serves("GM0363") and not fields.serves("GM0599")
    assert fields.region_label == "Utrecht, Amsterdam"
    assert "GM9999" in problems(contact(landelijk=False, municipality_codes=["GM9999"]))["municipality_codes"]
    assert "landelijk óf gemeenten" in problems(contact(municipality_codes=["GM0363"]))["municipality_codes"]
    assert "of 'landelijk'" in problems(contact(landelijk=False))["municipality_codes"]
    national = parse_contact_fields(contact())
    assert national.serves("GM0599") and national.region_label == "Landelijk"


def test_themes_accept_code_or_label_and_unknown_ones_are_named() -> None:
    fields = parse_contact_fields(contact(themes=["Financien", "schulden", "Persoonsgebonden budget", "pgb"]))
    assert fields.themes == ["financien", "schulden", "pgb"]
    assert fields.theme_labels == ["Financiën", "Schulden", "Persoonsgebonden budget"]
    assert "Onbekend thema 'astrologie'" in problems(contact(themes=["astrologie"]))["themes"]


@pytest.mark.parametrize("field", ["organisation", "team", "role", "person", "availability"])
@pytest.mark.parametrize("formula", ['=HYPERLINK("http://x.example","klik")', "+1+2", "-2+3", "@SUM(A1)"])
def test_formula_looking_names_are_refused(field: str, formula: str) -> None:
    assert "spreadsheetformule" in problems(contact(**{field: formula}))[field]


def test_names_are_single_line_without_control_characters() -> None:
    assert "één regel" in problems(contact(team="Team\nMaatwerk"))["team"]
    assert "stuurtekens" in problems(contact(person="Jan\x00"))["person"]
    assert "te lang" in problems(contact(organisation="x" * 121))["organisation"]
    assert "verplicht" in problems(contact(organisation="   "))["organisation"]


def test_enum_fields_accept_codes_and_labels() -> None:
    fields = parse_contact_fields(contact(organisation_type="Zorgkantoor", mandate="Afwijken van beleid (maatwerk)"))
    assert fields.organisation_type is OrganisationType.ZORGKANTOOR
    assert fields.mandate is MandateLevel.MAATWERK
    assert "mandaat" in problems(contact(mandate="alles"))["mandate"]


def test_legal_frameworks_are_canonicalised_and_deduplicated() -> None:
    fields = parse_contact_fields(contact(legal_frameworks=["ww", "WW", "Wet op de zorgtoeslag"]))
    assert fields.legal_frameworks == ["WW", "Wet op de zorgtoeslag"]


def test_external_id_is_a_safe_key() -> None:
    assert parse_contact_fields(contact(external_id=" svb:aow/maatwerk-1 ")).external_id == "svb:aow/maatwerk-1"
    assert "alleen letters" in problems(contact(external_id="-bad"))["external_id"]
    assert "te lang" in problems(contact(external_id="x" * 61))["external_id"]


# -- verification -------------------------------------------------------------------------------------------
def test_verified_more_than_twelve_months_ago_is_flagged() -> None:
    today = date(2026, 11, 23)
    assert not parse_contact_fields(contact(last_verified="2025-11-23")).is_unverified(today)
    assert parse_contact_fields(contact(last_verified="2025-11-22")).is_unverified(today)
    assert parse_contact_fields(contact(last_verified=None)).is_unverified(today)
    assert parse_contact_fields(contact(last_verified="23-11-2025")).last_verified == date(2025, 11, 23)
    assert "toekomst" in problems(contact(last_verified="2999-01-01"))["last_verified"]
    assert "bestaande datum" in problems(contact(last_verified="31-02-2025"))["last_verified"]


def test_months_before_handles_month_ends() -> None:
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)
    assert verified_since(date(2026, 11, 23)) == date(2025, 11, 23)


# -- folding and search text -------------------------------------------------------------------------------
def test_folding_removes_case_and_diacritics() -> None:
    assert fold("Özdemir") == "ozdemir"
    assert search_words("Súdwest-Fryslân") == ["sudwest", "fryslan"]
    assert search_words("Ayşe Çelik, Øster-Ærø, Łódź, 's-Hertogenbosch") == [
        "ayse", "celik", "oster", "aero", "lodz", "s", "hertogenbosch"
    ]
    assert search_words("Zoë & Joëlle_Brüggemann") == ["zoe", "joelle", "bruggemann"]


def test_search_document_weights_organisation_place_other_theme() -> None:
    fields = parse_contact_fields(contact(
        organisation="Gemeente Súdwest-Fryslân", landelijk=False, municipality_codes=["GM1900"],
        person="Ayşe Özdemir", themes=["schulden"], legal_frameworks=["Participatiewet"], organisation_type="gemeente",
    ))
    document = search_document(fields)
    assert document.organisation == "gemeente sudwest fryslan"
    assert document.place == "sudwest fryslan qxgm1900"  # names to type, the code token for filters
    assert "ozdemir" in document.other.split() and "gemeente" in document.other.split()
    assert document.theme.split() == ["schulden", "participatiewet", "qxschulden"]
    assert "qxgm1900" not in document.words() and "fryslan" in document.words()
    assert search_document(parse_contact_fields(contact())).place == "landelijk qxlandelijk"


def test_query_terms_are_folded_deduplicated_and_short_words_dropped() -> None:
    query = RegisterQuery(text="  UWV  a Özdemir uwv qxgm0363")
    assert query.terms == ["uwv", "ozdemir"]
    assert RegisterQuery(text="a b c").terms == []
    assert RegisterQuery(organisation="Belastingdienst/Dienst Toeslagen").organisation_key == (
        "belastingdienst dienst toeslagen"
    )


def test_query_filters_are_validated_in_dutch() -> None:
    with pytest.raises(InvalidInput, match="GM0363"):
        parse_query({"municipality_code": "GM9999"})
    with pytest.raises(InvalidInput, match="Onbekend thema"):
        parse_query({"theme": "astrologie"})
    assert parse_query({"municipality_code": "gm0363", "theme": "Schulden"}).theme == "schulden"
    assert parse_query({"municipality_code": "gm0363"}).ranking_municipality == "GM0363"


# -- typo correction ---------------------------------------------------------------------------------------
VOCABULARY = Vocabulary([
    "belastingdienst", "toeslagen", "dienst", "uwv", "svb", "duo", "cjib", "amsterdam", "amstelveen",
    "ozdemir", "maatwerk", "kinderbijslag", "schulden", "schuldhulpverlening", "sudwest", "fryslan",
])


def test_known_words_and_prefixes_need_no_correction() -> None:
    assert VOCABULARY.has_prefix("belast") and VOCABULARY.has_prefix("uwv")
    assert VOCABULARY.corrections("belast") == []
    assert VOCABULARY.corrections("uwv") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("belastingdiesnt", "belastingdienst"),  # transposition
        ("belastingdinst", "belastingdienst"),  # deletion
        ("belastingdiennst", "belastingdienst"),  # insertion
        ("uvw", "uwv"),  # transposition in a three-letter word
        ("amsterdm", "amsterdam"),
        ("ozdemier", "ozdemir"),
        ("kinderbjislag", "kinderbijslag"),
        ("schuldhlup", "schuldhulp"),  # a misspelt word still being typed: corrected to a word start
    ],
)
def test_one_typo_is_corrected(typed: str, expected: str) -> None:
    assert VOCABULARY.corrections(typed)[0] == expected


def test_corrections_stay_within_the_edit_budget() -> None:
    assert max_edits("ab") == 0 and max_edits("uvw") == 1 and max_edits("amsterdm") == 2
    assert VOCABULARY.corrections("xq") == []
    assert VOCABULARY.corrections("zzzzzz") == []
    assert VOCABULARY.corrections("blastingdinst") == ["belastingdienst"]  # two edits in a long word
    assert VOCABULARY.corrections("bbbbbbbbbb") == []


# -- CSV contract ---------------------------------------------------------------------------------------------
CSV_ROW = {
    "externe_id": "cjib-maatwerk", "organisatie": "CJIB", "organisatietype": "landelijke_uitvoeringsorganisatie",
    "team": "Team Maatwerk", "functie": "maatwerkfunctionaris", "persoon": "", "telefoon": "06 12345010",
    "spoedlijn": "", "email": "maatwerk@cjib.example", "bereikbaarheid": "ma-vr 9-17", "regio": "landelijk",
    "themas": "boetes | schulden", "wetten": "Strafrecht", "mandaat": "maatwerk",
    "laatst_geverifieerd": "2026-09-01", "toelichting": "- bel eerst de centrale lijn",
}


def test_csv_row_round_trips_through_the_domain() -> None:
    fields = fields_from_csv(CSV_ROW)
    assert fields.themes == ["boetes", "schulden"] and fields.landelijk
    assert csv_from_contact(fields) == {**CSV_ROW, "themas": "boetes|schulden"}
    regional = fields_from_csv({**CSV_ROW, "regio": "GM0363 | GM0362"})
    assert regional.municipality_codes == ["GM0362", "GM0363"] and not regional.landelijk


def test_csv_problems_name_the_column() -> None:
    with pytest.raises(InvalidInput) as caught:
        fields_from_csv({**CSV_ROW, "organisatie": "", "telefoon": "bel maar", "regio": "GM9999", "email": "x"})
    found = {p.path for p in caught.value.problems}
    assert found == {"organisatie", "telefoon", "regio", "email"}


def test_contact_fields_model_is_strict() -> None:
    with pytest.raises(InvalidInput, match="onbekend veld"):
        parse_contact_fields(contact(favourite_colour="blauw"))
    assert isinstance(parse_contact_fields(ContactFields.model_validate(contact())), ContactFields)


def test_the_import_summary_says_regel_for_one_row() -> None:
    from domain.register import ImportReport

    one = ImportReport(rows=1, inserted=1, written=True)
    assert one.summary() == "1 regel gelezen: 1 nieuw, 0 bijgewerkt, 0 geweigerd."
    assert ImportReport(rows=2, dry_run=True).summary().endswith("2 regels gelezen: 0 zouden nieuw zijn, "
                                                                 "0 zouden worden bijgewerkt, 0 geweigerd.")
