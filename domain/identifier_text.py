"""Text as the personal-data check of the dossier reads it: every disguise of a name, BSN or date undone.

Someone who wants a name or BSN through the check can hide it with characters a reader does not see or
does not notice: a soft hyphen or zero-width space inside a name, a Cyrillic "а" for a Latin "a", a digit
for a letter ("J4nssen"), Arabic-Indic or full-width digits, a letter O for a zero, or separators inside
a number ("999/907/724"). `canonical` undoes all of these before anything is matched (TRUST.md: NFKC,
format characters and soft hyphens removed, confusables folded, all digits to ASCII).
"""

from __future__ import annotations

import re
import unicodedata

# Letters that look like Latin ones (Cyrillic, Greek, a few others), folded to the Latin letter.
CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "ɡ": "g", "ɑ": "a", "ı": "i", "ℓ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I",
    "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ω": "w",
})
# A digit used for a letter inside a word ("J4nssen", "Pi3ters"); "1" reads as l (i is tried as well).
LEET = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g"})
_SEPARATOR = re.compile(r"[\W_]")


def _neighbour(text: str, index: int, step: int) -> str:
    """The first letter or digit from `index` in direction `step`, skipping at most two separators."""
    for _ in range(3):
        index += step
        if not 0 <= index < len(text):
            return ""
        if not _SEPARATOR.match(text[index]):
            return text[index]
    return ""


def _digits_to_ascii(text: str) -> str:
    out = []
    for ch in text:
        if ch.isdigit() and not ch.isascii():
            value = unicodedata.digit(ch, None)
            out.append(str(value) if value is not None else ch)
        else:
            out.append(ch)
    return "".join(out)


def undisguised(text: str) -> str:
    """NFKC; format characters (soft hyphen, zero-width, bidi controls) removed; every Unicode digit to
    ASCII; look-alike letters to Latin. Case and separators stay."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _digits_to_ascii(text).translate(CONFUSABLES)


def canonical(text: str) -> str:
    """`undisguised`, case folded and without accents."""
    folded = unicodedata.normalize("NFKD", undisguised(text).casefold().translate(CONFUSABLES))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def numeric(text: str) -> str:
    """`canonical` with a letter o standing among digits read as a zero ("999O07724", "9999 O 7724")."""
    text = canonical(text)
    out = list(text)
    for index, ch in enumerate(text):
        if ch == "o":
            left, right = _neighbour(text, index, -1), _neighbour(text, index, 1)
            if (left.isdigit() and (right.isdigit() or right == "o")) or (right.isdigit() and left in ("o", "")):
                out[index] = "0"
    return "".join(out)


def word_variants(word: str) -> set[str]:
    """A canonical word as written and with digits read as letters (only for words that mix both)."""
    variants = {word}
    if any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word):
        as_letters = word.translate(LEET)
        variants |= {as_letters, as_letters.replace("l", "i")}
    return variants


def compact(text: str) -> str:
    """Letters and digits only: what is left of a street or postcode with hyphens, dots or spaces put in."""
    return re.sub(r"[^0-9a-z]", "", canonical(text))
