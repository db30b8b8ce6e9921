"""Parse each piece of Textual CSS once per test process instead of once per app.

Every `app.run_test()` builds a new App, and Textual parses all CSS (the app's and every widget's DEFAULT_CSS)
again for it, twice: once on start and once more when the theme's variables are applied. Its parse cache
lives on the Stylesheet object, so nothing carries over from one test to the next: ~5 % of a Pilot test's
CPU went to tokenizing the same CSS. This shares the parsed rules between the apps of one process, keyed
by everything the parse depends on (the CSS, where it came from, its rank, its scope and the variables).
The parsed rules are not changed after parsing (Textual itself hands the same cached list to each parse of
a stylesheet), so sharing them between apps shows every test the rules it would have parsed itself.
"""

from __future__ import annotations

from typing import Any

from textual.css.stylesheet import Stylesheet

_parsed: dict[tuple[Any, ...], Any] = {}
_own_parse_rules = Stylesheet._parse_rules


def _variables_key(stylesheet: Stylesheet) -> tuple[tuple[str, str], ...]:
    variables = stylesheet._variables
    cached = stylesheet.__dict__.get("_shared_css_variables")
    if cached is None or cached[0] is not variables:
        cached = (variables, tuple(sorted(variables.items())))
        stylesheet.__dict__["_shared_css_variables"] = cached
    return cached[1]


def _parse_rules_once(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> Any:
    key = (css, read_from, is_default_rules, tie_breaker, scope, _variables_key(self))
    rules = _parsed.get(key)
    if rules is None:
        rules = _own_parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        _parsed[key] = rules
    return rules


def share_parsed_css() -> None:
    Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]
