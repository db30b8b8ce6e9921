"""The juridische paragraaf: why a plan (and each deviating action) is lawful.

Per plan, and per action that deviates from the standard outcome, it records the chosen legal bases
(ids from the catalogue in `domain/reference/rechtsgronden.json`) with the facts, the special
circumstances, why the standard outcome is disproportionate, why this case differs (equality), the risks,
who decides with what mandate, and the privacy basis for sharing data.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from domain.catalogues import LegalBasis, is_legal_basis, legal_basis
from domain.validation import clean_text

TEXT_MAX = 4000


def _clean(value: str) -> str:
    return clean_text(value)


Text = Annotated[str, Field(max_length=TEXT_MAX), AfterValidator(_clean)]
ShortText = Annotated[str, Field(max_length=200), AfterValidator(_clean)]


class ChosenBasis(BaseModel):
    """A legal basis from the catalogue and how it applies here."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    basis_id: str = Field(max_length=60)
    toelichting: Text = ""

    @field_validator("basis_id")
    @classmethod
    def _known(cls, value: str) -> str:
        value = value.strip()
        if not is_legal_basis(value):
            raise ValueError(f"Onbekende rechtsgrond {value!r}; kies er een uit de catalogus.")
        return value

    @property
    def basis(self) -> LegalBasis:
        return legal_basis(self.basis_id)


class LegalReasoning(BaseModel):
    """The reasoning for a deviation: the same fields per plan and per deviating action.

    The chosen bases are kept beside it: `JuridischeParagraaf.grondslagen` for the plan,
    `Action.legal_basis_ids` for an action.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    feiten: Text = ""
    """The relevant facts."""
    bijzondere_omstandigheden: Text = ""
    onevenredigheid: Text = ""
    """Why the standard outcome would be disproportionate."""
    gelijkheid: Text = ""
    """Why this case differs from others (the equality argument)."""
    risicos: Text = ""
    besluit: Text = ""
    """What is decided (and by whom)."""
    mandaat: ShortText = ""

    @property
    def is_empty(self) -> bool:
        return not (
            self.feiten
            or self.bijzondere_omstandigheden
            or self.onevenredigheid
            or self.gelijkheid
            or self.risicos
            or self.besluit
            or self.mandaat
        )


class JuridischeParagraaf(LegalReasoning):
    """The plan's legal paragraph: authority and framework, the reasoning, and the privacy basis."""

    bevoegd_gezag: ShortText = ""
    """The competent authority, e.g. 'college van B en W van Utrecht'."""
    wettelijk_kader: ShortText = ""
    """The legal framework(s), e.g. 'Participatiewet en Wmo 2015'."""
    grondslagen: list[ChosenBasis] = Field(default_factory=list, max_length=20)
    privacy_grondslagen: list[ChosenBasis] = Field(default_factory=list, max_length=10)
    privacy_toelichting: Text = ""
    """The privacy basis for sharing data between the organisations involved."""

    @property
    def basis_ids(self) -> list[str]:
        return [g.basis_id for g in self.grondslagen]

    @property
    def is_empty(self) -> bool:
        return (
            super().is_empty
            and not self.grondslagen
            and not self.bevoegd_gezag
            and not self.wettelijk_kader
            and not self.privacy_grondslagen
            and not self.privacy_toelichting
        )


# Field labels for overviews, diffs and exports.
REASONING_LABELS: dict[str, str] = {
    "bevoegd_gezag": "Bevoegd gezag",
    "wettelijk_kader": "Wettelijk kader",
    "grondslagen": "Rechtsgronden",
    "feiten": "Feiten",
    "bijzondere_omstandigheden": "Bijzondere omstandigheden",
    "onevenredigheid": "Waarom de standaarduitkomst onevenredig is",
    "gelijkheid": "Waarom dit geval anders is (gelijkheid)",
    "risicos": "Risico's",
    "besluit": "Besluit",
    "mandaat": "Mandaat",
    "privacy_grondslagen": "Privacygrondslag",
    "privacy_toelichting": "Toelichting gegevensdeling",
}
