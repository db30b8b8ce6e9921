"""Price level (CBS CPI) and the dated table of statutory amounts, checked against hand computations."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib import resources

import pytest

from domain import reference
from domain.prices import (
    UnknownPriceYear,
    UnknownStatutoryAmount,
    cpi,
    cpi_series,
    default_price_year,
    index_amount,
    last_complete_year,
    statutory_amount,
    statutory_amounts,
    statutory_amounts_left_out,
    wahv_increases,
)

D = Decimal


def test_the_series_is_the_cbs_table_from_domain_md() -> None:
    series = cpi_series()
    assert "71905ned" in series.source and series.basis == "1900 = 100"
    assert (series.first_year, series.last_year) == (2000, 2025)
    assert cpi(2000) == D("2082.9") and cpi(2011) == D("2614.6") and cpi(2019) == D("2962.7")
    assert series.chained == frozenset(range(2020, 2026))
    text = resources.files(reference).joinpath("cpi.json").read_text(encoding="utf-8")
    assert "geketend" in text or "ketent" in text, "the file says that 2020+ is chained"
    assert json.loads(text)["bron"].startswith("CBS StatLine")


def test_chained_years_by_hand() -> None:
    # 2019 × 1.013 = 3001.2151; × 1.027 = 3082.2479077; × 1.10 = 3390.47269847.
    assert cpi(2020) == D("3001.2151")
    assert cpi(2021) == D("3082.2479077")
    assert cpi(2022) == D("3390.47269847")
    # × 1.038 × 1.033 × 1.033, no rounding in between.
    assert cpi(2025) == D("3390.47269847") * D("1.038") * D("1.033") * D("1.033")


def test_a_2011_amount_in_2025_prices_by_hand() -> None:
    # CPI 2025 = 3755.41769394848467554 (chained above); CPI 2011 = 2614.6.
    # € 1,000.00 × 3755.41769394848467554 / 2614.6 = 1436.3258983968… → € 1,436.33
    assert index_amount(D("1000.00"), 2011, 2025) == D("1436.33")
    # € 149 × … = 214.0125588… → € 214.01; € 8,200 → 11777.8723668… → € 11,777.87
    assert index_amount(D("149"), 2011, 2025) == D("214.01")
    assert index_amount(D("8200"), 2011, 2025) == D("11777.87")


def test_rounding_happens_once_half_up() -> None:
    # 2000 → 2001: × 2178.5 / 2082.9. 0.47 × that = 0.49157… → 0.49; 2.10 × that = 2.19638… → 2.20
    assert index_amount(D("0.47"), 2000, 2001) == D("0.49")
    assert index_amount(D("2.10"), 2000, 2001) == D("2.20")
    # The same year only rounds to cents (half up, not banker's rounding).
    assert index_amount(D("10.005"), 2011, 2011) == D("10.01")
    # Back in time lowers the amount.
    assert index_amount(D("1436.33"), 2025, 2011) == D("1000.00")


def test_an_unknown_year_is_a_dutch_error() -> None:
    with pytest.raises(UnknownPriceYear, match="Voor 1999 is geen consumentenprijsindex bekend"):
        index_amount(D("100"), 1999, 2025)
    with pytest.raises(UnknownPriceYear):
        cpi(2026)


def test_last_complete_year() -> None:
    assert last_complete_year(date(2026, 12, 6)) == 2025
    assert last_complete_year(date(2026, 1, 1)) == 2025
    assert last_complete_year(date(2025, 12, 31)) == 2024
    # Early 2027 the table does not have 2026 yet: fall back to the last year it has.
    assert default_price_year(date(2027, 3, 1)) == 2025
    assert default_price_year(date(2020, 6, 1)) == 2019


def test_wahv_fine_with_two_statutory_increases_by_hand() -> None:
    # Art. 23 lid 3: +50 % of the sanction; art. 25 lid 1: +100 % of sanction plus the first increase.
    fine = wahv_increases(D("149.00"), date(2026, 6, 1))
    assert fine.eerste_verhoging == D("74.50")
    assert fine.tweede_verhoging == D("223.50")  # 100 % × (149.00 + 74.50)
    assert fine.totaal == D("447.00")
    odd = wahv_increases(D("0.99"), date(2026, 6, 1))
    assert (odd.eerste_verhoging, odd.tweede_verhoging) == (D("0.50"), D("1.49"))  # 0.495 → 0.50; 1.49


def test_statutory_rows_cite_their_article() -> None:
    first = statutory_amount("wahv_eerste_verhoging", date(2026, 1, 1))
    second = statutory_amount("wahv_tweede_verhoging", date(2030, 1, 1))
    assert (first.waarde, first.artikel, first.officieel_id) == (D("50"), "art. 23 lid 3", "BWBR0004581")
    assert (second.waarde, second.artikel) == (D("100"), "art. 25 lid 1")
    assert second.grondslag == "sanctie_plus_eerste_verhoging"
    for row in statutory_amounts():
        assert row.bronnen and row.van <= date.today()


def test_lookups_outside_the_table_say_why() -> None:
    with pytest.raises(UnknownStatutoryAmount, match="geen wettelijk bedrag bekend"):
        statutory_amount("wahv_eerste_verhoging", date(2025, 12, 31))
    # No year of the wanbetalers percentage could be cited, so the table says so instead of guessing.
    assert not [row for row in statutory_amounts() if row.soort.startswith("wanbetalers")]
    assert "wanbetalers_bestuursrechtelijke_premie" in statutory_amounts_left_out()
    with pytest.raises(UnknownStatutoryAmount, match="staat \\(nog\\) niet in de tabel"):
        statutory_amount("wanbetalers_bestuursrechtelijke_premie", date(2025, 6, 1))
    with pytest.raises(UnknownStatutoryAmount, match="Onbekende soort"):
        statutory_amount("bestaat_niet", date(2025, 6, 1))
