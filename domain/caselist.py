"""The case list: a paged, filtered, sorted view of households (never the whole table)."""

from __future__ import annotations

import unicodedata

from pydantic import BaseModel, ConfigDict, Field

from domain.caselist_rows import COUNT_CAP as COUNT_CAP
from domain.caselist_rows import CaseListPage as CaseListPage
from domain.caselist_rows import CaseListRow as CaseListRow
from domain.household_kinds import CaseSort as CaseSort
from domain.household_kinds import HouseholdStatus


class CaseListQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str = Field(default="", max_length=200)
    status: HouseholdStatus | None = None
    municipality_code: str | None = None
    sort: CaseSort = CaseSort.UPDATED_AT
    descending: bool = True
    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=100, ge=1, le=1000)

    @property
    def terms(self) -> list[str]:
        """Normalised search words; every word must occur (AND)."""
        return [t for t in search_normalise(self.text).split() if t][:8]


# Letters that do not decompose into a base letter plus accent (NFKD leaves them alone).
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "æ": "ae", "œ": "oe", "ß": "ss"})


def search_normalise(text: str) -> str:
    """Lower case without diacritics, so `ozdemir` finds `Özdemir`, `yilmaz` finds `Yılmaz`, `fryslan` `Fryslân`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
