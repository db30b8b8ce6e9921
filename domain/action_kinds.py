"""Kinds of plan action (actiesoorten) and the legal bases that fit them.

The catalogue is data (`domain/reference/actiesoorten.json`): per kind a Dutch name, the words that
recognise it in an action's text, and the legal bases that fit it, most fitting first. The plan editor's
legal-basis picker shows those bases first for the action being edited; the precedent search filters on
the kind.

An action has no stored kind (design choice: no schema change, and plans written before this catalogue are
classified the same way): `kinds_of(what, basis_ids)` recognises it from the words of the action's text —
lower case, accents ignored, a keyword may be part of a word ("krediet" finds "saneringskrediet") — and,
when no word matches, from the legal bases the action already cites (a kind whose first basis is among them).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, field_validator

from domain import reference
from domain.caselist import search_normalise
from domain.catalogues import LegalBasis, is_legal_basis, legal_basis, search_legal_bases


class ActionKind(BaseModel):
    """A kind of action with the legal bases that fit it (ids, most fitting first)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[a-z_]+$", max_length=40)
    naam: str = Field(min_length=3, max_length=120)
    trefwoorden: tuple[str, ...] = Field(min_length=1)
    rechtsgronden: tuple[str, ...] = Field(min_length=1)
    zonder_afwijking: bool = False
    """Such an action is usually not a deviation: the bases listed are privacy bases, not a ground to deviate."""

    @field_validator("trefwoorden")
    @classmethod
    def _normalised(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        for word in words:
            if not word.strip() or word != search_normalise(word):
                raise ValueError(f"trefwoord {word!r} moet kleine letters zonder accenten zijn")
        return words

    @field_validator("rechtsgronden")
    @classmethod
    def _known(cls, ids: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [basis_id for basis_id in ids if not is_legal_basis(basis_id)]
        if unknown:
            raise ValueError(f"onbekende rechtsgronden {unknown}")
        if len(set(ids)) != len(ids):
            raise ValueError("dubbele rechtsgrond")
        return ids

    @property
    def bases(self) -> tuple[LegalBasis, ...]:
        return tuple(legal_basis(basis_id) for basis_id in self.rechtsgronden)


@cache
def action_kinds() -> tuple[ActionKind, ...]:
    """Every kind, in file order (the order in which text is matched)."""
    text = resources.files(reference).joinpath("actiesoorten.json").read_text(encoding="utf-8")
    kinds = tuple(ActionKind.model_validate(row) for row in json.loads(text)["actiesoorten"])
    codes = [kind.code for kind in kinds]
    if len(set(codes)) != len(codes):  # pragma: no cover - guards the data file
        raise ValueError("actiesoorten.json: dubbele code")
    return kinds


def action_kind(code: str) -> ActionKind:
    for kind in action_kinds():
        if kind.code == code:
            return kind
    raise KeyError(code)


def is_action_kind(code: str) -> bool:
    return any(kind.code == code for kind in action_kinds())


def kinds_of(what: str, basis_ids: Sequence[str] = ()) -> tuple[ActionKind, ...]:
    """The kinds an action belongs to, the best first: by the words of its text, else by its legal bases."""
    text = search_normalise(what)
    by_words = tuple(kind for kind in action_kinds() if any(word in text for word in kind.trefwoorden))
    if by_words:
        return by_words
    cited = set(basis_ids)
    return tuple(kind for kind in action_kinds() if kind.rechtsgronden[0] in cited)


def suggested_bases(what: str, basis_ids: Sequence[str] = ()) -> tuple[ActionKind | None, tuple[LegalBasis, ...]]:
    """The best kind of an action and the bases that fit it (of all its kinds, the best kind's first)."""
    kinds = kinds_of(what, basis_ids)
    seen: dict[str, LegalBasis] = {}
    for kind in kinds:
        for basis in kind.bases:
            seen.setdefault(basis.id, basis)
    return (kinds[0] if kinds else None), tuple(seen.values())


def bases_with_suggestions(
    query: str, suggested: Sequence[LegalBasis], *, ruimte: str | None = None, privacy: bool | None = None
) -> tuple[list[LegalBasis], int]:
    """The picker's list: the suggested bases that match the search first, then the rest of the search.

    Returns the list and how many at its top are suggestions.
    """
    found = search_legal_bases(query, ruimte=ruimte, privacy=privacy)
    found_ids = {basis.id for basis in found}
    top = [basis for basis in suggested if basis.id in found_ids]
    top_ids = {basis.id for basis in top}
    return top + [basis for basis in found if basis.id not in top_ids], len(top)
