from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.validation import age_on, mask_bsn, normalise_bsn, normalise_postcode

VALID = ["111222333", "123456782", "999993653", "999992077", "999990408"]
INVALID = ["123456789", "111222334", "999993654", "000000000", "12345678", "1234567890", ""]


@pytest.mark.parametrize("bsn", VALID)
def test_valid_bsns_pass_the_eleven_test(bsn: str) -> None:
    assert normalise_bsn(bsn) == bsn


@pytest.mark.parametrize("bsn", INVALID)
def test_invalid_bsns_are_refused_in_dutch(bsn: str) -> None:
    with pytest.raises(ValueError, match="BSN"):
        normalise_bsn(bsn)


def test_bsn_accepts_separators_and_pads_eight_digits() -> None:
    assert normalise_bsn("9999.93.653") == "999993653"
    assert normalise_bsn("12345672") == "012345672"  # 8 digits: a leading zero was dropped


@pytest.mark.parametrize("bsn", ["９９９９９３６５３", "٩٩٩٩٩٣٦٥٣", "99999365³"])
def test_non_ascii_digits_are_refused(bsn: str) -> None:
    with pytest.raises(ValueError, match="0-9"):
        normalise_bsn(bsn)


def _weighted_sum(digits: str) -> int:
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_eleven_test_matches_the_definition(digits: str) -> None:
    expected = _weighted_sum(digits) % 11 == 0 and _weighted_sum(digits) != 0
    try:
        normalise_bsn(digits)
        accepted = True
    except ValueError:
        accepted = False
    assert accepted == expected


@given(st.text(max_size=20))
def test_bsn_validator_never_crashes_on_any_text(text: str) -> None:
    try:
        result = normalise_bsn(text)
    except ValueError:
        return
    assert len(result) == 9 and result.isascii() and result.isdigit()


def test_mask_bsn_shows_only_last_three() -> None:
    assert mask_bsn("999993653") == "******653"
    assert mask_bsn(None) == ""


@pytest.mark.parametrize(("raw", "expected"), [("1011ab", "1011 AB"), (" 9711 LM ", "9711 LM")])
def test_postcode_normalised(raw: str, expected: str) -> None:
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize("raw", ["12", "0123 AB", "1234 SA", "ABCD 12", "1234567"])
def test_bad_postcode_refused_in_dutch(raw: str) -> None:
    with pytest.raises(ValueError, match="postcode"):
        normalise_postcode(raw)


def test_age_on_birthday_and_leap_day() -> None:
    assert age_on(date(2008, 11, 23), date(2026, 11, 23)) == 18
    assert age_on(date(2008, 11, 24), date(2026, 11, 23)) == 17
    # Born on 29 February: 18 on 1 March in a non-leap year.
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18
