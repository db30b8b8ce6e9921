"""Turn pydantic validation errors into Dutch `Problem`s with a readable field path."""

from __future__ import annotations

from pydantic import ValidationError

from domain.errors import InvalidInput, Problem

# Dutch text for pydantic's built-in error types; our own validators already speak Dutch.
_DUTCH: dict[str, str] = {
    "missing": "is verplicht",
    "string_too_long": "is te lang (maximaal {max_length} tekens)",
    "string_too_short": "mag niet leeg zijn",
    "too_long": "heeft te veel onderdelen (maximaal {max_length})",
    "string_type": "moet tekst zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "greater_than_equal": "moet minimaal {ge} zijn",
    "less_than_equal": "mag hoogstens {le} zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "less_than": "moet kleiner zijn dan {lt}",
    "date_parsing": "is geen geldige datum (gebruik JJJJ-MM-DD)",
    "date_from_datetime_parsing": "is geen geldige datum (gebruik JJJJ-MM-DD)",
    "date_type": "is geen geldige datum (gebruik JJJJ-MM-DD)",
    "datetime_parsing": "is geen geldig tijdstip",
    "decimal_parsing": "moet een bedrag zijn, bijv. 1234.56",
    "decimal_type": "moet een bedrag zijn, bijv. 1234.56",
    "decimal_max_places": "mag hoogstens {decimal_places} cijfers achter de komma hebben",
    "enum": "moet een van deze waarden zijn: {expected}",
    "extra_forbidden": "is een onbekend veld",
    "literal_error": "moet een van deze waarden zijn: {expected}",
    "list_type": "moet een lijst zijn",
    "model_type": "moet een object zijn",
    "dict_type": "moet een object zijn",
    "bool_parsing": "moet ja of nee (true/false) zijn",
}

_FIELD_NAMES: dict[str, str] = {
    "name": "naam",
    "municipality_code": "gemeentecode",
    "date_of_birth": "geboortedatum",
    "bsn": "BSN",
    "postcode": "postcode",
    "members": "leden",
    "problems": "problemen",
    "organisations": "organisaties",
    "score": "score",
    "leefgebied": "leefgebied",
    "yearly_cost": "kosten per jaar",
}


def dutch_problems(error: ValidationError, prefix: str = "") -> list[Problem]:
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        path = ".".join(str(part) for part in item["loc"])
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        kind = item["type"]
        ctx = item.get("ctx") or {}
        if kind == "value_error":
            reason = str(ctx.get("error", item["msg"]))
        elif kind in _DUTCH:
            try:
                reason = _DUTCH[kind].format(**ctx)
            except (KeyError, IndexError):
                reason = _DUTCH[kind]
        else:
            reason = "ongeldige waarde"
        problems.append(Problem(path=path, reason=reason))
    return problems


def field_label(path: str) -> str:
    last = path.rsplit(".", 1)[-1]
    return _FIELD_NAMES.get(last, last)


def invalid_input(error: ValidationError, prefix: str = "") -> InvalidInput:
    return InvalidInput(dutch_problems(error, prefix))
