"""The legal catalogue, second edition: every entry is checked for the fields a jurist relies on."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from urllib.parse import urlsplit

import pytest
from pydantic import ValidationError

from domain import reference
from domain.catalogues import (
    GeldigVanafSoort,
    LegalBasis,
    legal_bases,
    legal_basis,
    legal_room_kinds,
    search_legal_bases,
    unknown_legal_bases,
)
from domain.legal import ChosenBasis

# The ids of the first edition: plans in existing databases refer to them, so they may never disappear.
FIRST_EDITION_IDS = (
    "awb_3_4_lid_2",
    "awb_4_84",
    "pw_18_lid_1",
    "wmo_2_3_5",
    "wmo_2_1_3",
    "jeugdwet_1_1",
    "jeugdwet_1_2",
    "jeugd_spoedvoorziening",
    "wlz_toegang",
    "kwijtschelding_gemeentelijke_belastingen",
    "cjib_noodstop",
    "toeslagen_betalingsregeling",
    "wgs_vroegsignalering",
    "overbruggingsprocedure",
    "avg_6",
    "avg_9",
)

# The identifiers DOMAIN.md lists as reliable; any other one in the catalogue must be added here on purpose.
KNOWN_IDENTIFIERS = {
    "BWBR0005537": "Algemene wet bestuursrecht",
    "BWBR0015703": "Participatiewet",
    "BWBR0035362": "Wmo 2015",
    "BWBR0034925": "Jeugdwet",
    "BWBR0018450": "Zorgverzekeringswet",
    "BWBR0035917": "Wet langdurige zorg",
    "BWBR0005416": "Gemeentewet",
    "BWBR0004770": "Invorderingswet 1990",
    "BWBR0033715": "Wet BRP",
    "BWBR0031064": "Wet gemeentelijke schuldhulpverlening",
    "BWBR0040940": "UAVG",
    "BWBR0002368": "Algemene Kinderbijslagwet",
    "BWBR0002628": "Leerplichtwet 1969",
    "BWBR0001827": "Wetboek van Burgerlijke Rechtsvordering",
    "CELEX:32016R0679": "AVG",
}

IDENTIFIER = re.compile(r"^(BWBR\d{7}|CELEX:\d{5}[A-Z]\d{4})$")

# Laws (entries with an official identifier) whose "geldig vanaf" could not be cited yet. Schemes that are no
# law (no identifier: CJIB-noodstop, a verordening, the overbruggingsprocedure) may lack a date anyway.
LAWS_WITHOUT_A_VERIFIED_DATE = {
    "kwijtschelding_gemeentelijke_belastingen",
    "akw_kinderbijslag",
    "leerplichtwet_5_vrijstelling",
    "leerplichtwet_11_verzuim",
}


def _raw_rows() -> list[dict[str, object]]:
    text = resources.files(reference).joinpath("rechtsgronden.json").read_text(encoding="utf-8")
    rows: list[dict[str, object]] = json.loads(text)["rechtsgronden"]
    return rows


def test_ids_are_unique_and_every_first_edition_id_is_kept() -> None:
    ids = [row["id"] for row in _raw_rows()]
    assert len(ids) == len(set(ids))
    assert set(FIRST_EDITION_IDS) <= set(ids)
    # A plan written against the first edition still validates.
    assert unknown_legal_bases(list(FIRST_EDITION_IDS)) == []
    for basis_id in FIRST_EDITION_IDS:
        assert ChosenBasis(basis_id=basis_id).basis.id == basis_id


@pytest.mark.parametrize("basis", legal_bases(), ids=lambda b: b.id)
def test_every_entry_has_what_a_jurist_checks(basis: LegalBasis) -> None:
    assert basis.wet.strip() and basis.artikel.strip()
    # One Dutch line: no line breaks, a full sentence.
    assert "\n" not in basis.wat and basis.wat.endswith(".") and len(basis.wat) <= 320
    assert basis.afwijkingen and basis.ruimte in basis.afwijkingen
    assert set(basis.afwijkingen) <= set(legal_room_kinds())
    assert basis.bronnen, "every entry cites where its identifier, date or text comes from"
    if basis.officieel_id is not None:
        assert IDENTIFIER.match(basis.officieel_id)
        assert basis.officieel_id in KNOWN_IDENTIFIERS, "an identifier not in DOMAIN.md must be verified first"
    if basis.geldig_vanaf is None:
        assert basis.geldig_vanaf_soort is GeldigVanafSoort.ONBEKEND
        assert any("niet geverifieerd" in bron for bron in basis.bronnen)
    else:
        assert date(1900, 1, 1) < basis.geldig_vanaf <= date.today()
        assert basis.geldig_vanaf_soort is not GeldigVanafSoort.ONBEKEND


def test_dates_in_the_file_are_iso_dates() -> None:
    for row in _raw_rows():
        value = row.get("geldig_vanaf")
        if value is not None:
            assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
            date.fromisoformat(value)


@pytest.mark.parametrize("basis", legal_bases(), ids=lambda b: b.id)
def test_links_are_well_formed_and_point_at_the_official_text(basis: LegalBasis) -> None:
    link = basis.link
    if basis.officieel_id is None:
        assert link is None
        return
    assert link is not None
    parts = urlsplit(link)
    assert parts.scheme == "https" and " " not in link
    if basis.officieel_id.startswith("CELEX:"):
        assert parts.netloc == "eur-lex.europa.eu" and link.endswith(f"uri={basis.officieel_id}")
    elif basis.jci is None:
        assert link == f"https://wetten.overheid.nl/{basis.officieel_id}/"
    else:
        # Juriconnect: the form wetten.overheid.nl uses in its own cross references (jci1.3:c:BWBR…&artikel=…).
        assert parts.netloc == "wetten.overheid.nl"
        assert re.fullmatch(
            rf"/jci1\.3:c:{basis.officieel_id}&artikel=[0-9A-Za-z.:]+(&lid=\d+)?", parts.path
        ), link


def test_the_bases_professionals_use_daily_are_in_the_catalogue() -> None:
    expected = {
        "pw_35": ("BWBR0015703", "bijzondere_bijstand"),
        "pw_16": ("BWBR0015703", "hardheidsclausule"),
        "pw_48_lid_2": ("BWBR0015703", "lening"),
        "pw_9_lid_2": ("BWBR0015703", "ontheffing"),
        "pw_41_lid_4": ("BWBR0015703", "bestaande_beleidsruimte"),
        "zvw_18a_18g": ("BWBR0018450", "premieachterstand"),
        "wet_brp_2_39_briefadres": ("BWBR0033715", "briefadres"),
        "rv_475c_beslagvrije_voet": ("BWBR0001827", "beslagvrije_voet"),
        "awb_4_94": ("BWBR0005537", "uitstel_van_betaling"),
        "invorderingswet_25_uitstel": ("BWBR0004770", "uitstel_van_betaling"),
        "uavg_30": ("BWBR0040940", "privacy"),
        "wmo_5_1_1": ("BWBR0035362", "privacy"),
        "jeugdwet_7_4": ("BWBR0034925", "privacy"),
        "akw_kinderbijslag": ("BWBR0002368", "voorliggende_voorziening"),
        "leerplichtwet_5_vrijstelling": ("BWBR0002628", "ontheffing"),
        "leerplichtwet_11_verzuim": ("BWBR0002628", "ontheffing"),
    }
    for basis_id, (identifier, kind) in expected.items():
        basis = legal_basis(basis_id)
        assert basis.officieel_id == identifier, basis_id
        assert kind in basis.afwijkingen, basis_id


def test_awb_3_4_lid_2_is_about_decisions_with_adverse_effects() -> None:
    basis = legal_basis("awb_3_4_lid_2")
    assert "besluit" in basis.wat and "nadelige gevolgen" in basis.wat
    assert basis.link == "https://wetten.overheid.nl/jci1.3:c:BWBR0005537&artikel=3:4&lid=2"


def test_a_kind_of_deviation_finds_every_basis_that_can_justify_it() -> None:
    uitstel = {b.id for b in search_legal_bases(ruimte="uitstel_van_betaling")}
    assert {"awb_4_94", "invorderingswet_25_uitstel", "cjib_noodstop", "toeslagen_betalingsregeling"} <= uitstel
    assert [b.id for b in search_legal_bases(ruimte="briefadres")] == ["wet_brp_2_39_briefadres"]
    # The official identifier is searchable too.
    assert {b.id for b in search_legal_bases("BWBR0033715")} == {"wet_brp_2_39_briefadres"}


def test_inconsistent_entries_are_refused() -> None:
    good = {
        "id": "x_1",
        "wet": "Wet",
        "artikel": "art. 1",
        "wat": "Iets.",
        "ruimte": "privacy",
        "afwijkingen": ["privacy"],
        "bronnen": ["bron"],
    }
    assert LegalBasis.model_validate(good).link is None
    for change in (
        {"officieel_id": "BWB0005537"},  # not a BWB id
        {"officieel_id": "CELEX:32016R0679", "jci": "artikel=6"},  # jci only for BWB
        {"officieel_id": "BWBR0005537", "jci": "hoofdstuk=3"},  # not an article locator
        {"afwijkingen": ["lening"]},  # must include its own ruimte
        {"afwijkingen": []},
        {"geldig_vanaf": "2020-01-01"},  # a date needs its meaning
        {"geldig_vanaf_soort": "artikeltekst"},  # a meaning needs its date
        {"id": "Met Spatie"},
    ):
        with pytest.raises(ValidationError):
            LegalBasis.model_validate({**good, **change})


def test_a_law_without_a_date_is_named_on_purpose() -> None:
    undated_laws = {b.id for b in legal_bases() if b.officieel_id is not None and b.geldig_vanaf is None}
    assert undated_laws == LAWS_WITHOUT_A_VERIFIED_DATE, "verify the date, or name the law here on purpose"
    assert legal_basis("wlz_toegang").geldig_vanaf == date(2015, 1, 1)
    assert legal_basis("invorderingswet_25_uitstel").geldig_vanaf == date(1990, 6, 1)
