"""Parsed Textual CSS kept between runs, as Python keeps bytecode (issue 18: start like a bare app).

Textual parses all CSS at every start — the app's style sheets and every widget's DEFAULT_CSS — and once more
when a screen brings its own CSS: ~60 ms of a ~120 ms first paint, against a bare DataTable app with almost
none. Its parse cache lives on the Stylesheet object, so nothing carries over, not even to the reparse of the
same start. This keeps the parsed rules per process, keyed by everything the parse depends on (the CSS, where
it came from, its rank, its scope and the variables), and writes them next to doorbraak's bytecode
(`tui/__pycache__/`, the same place and trust as the .pyc files Python loads from there), named by Textual's
files (`textual_stamp`) and the interpreter, so an upgrade of either never reads rules another version made.
A file that is missing, unreadable or not writable is no error: the CSS is then parsed as Textual does.

The parsed rules are not changed after parsing (Textual itself hands the same cached list to every parse of a
stylesheet), so sharing them shows every app the rules it would have parsed itself; rules with errors are never
kept, so Textual still reports them. `DOORBRAAK_CSS_CACHE=memory` keeps them in the process only (the tests),
`off` leaves Textual alone.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import textual
import textual.css.model
import textual.css.parse
from textual.css.stylesheet import Stylesheet


def textual_stamp() -> str:
    """Which Textual made the rules: the size and time of change of the files that parse CSS and define the kept
    objects (an upgrade or reinstall replaces them). `textual.__version__` would say it too, but it reads the
    installed package's metadata: importlib.metadata and the email parser, ~10 ms before the first paint."""
    parts = []
    for module in (textual, textual.css.model, textual.css.parse, sys.modules[Stylesheet.__module__]):
        stat = os.stat(str(module.__file__))
        parts.append(f"{stat.st_size}.{stat.st_mtime_ns}")
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:16]


CACHE_FILE = Path(__file__).resolve().parent / "__pycache__" / (
    f"doorbraak-css.textual-{textual_stamp()}.{sys.implementation.cache_tag}.pickle")
_textual_parse_rules = Stylesheet._parse_rules
_parsed: dict[str, Any] | None = None
_on_disk = True
_changed = False


_memo: dict[tuple[Any, ...], Any] = {}
"""The rules by the parse's own arguments and the variables' text, within this process: a start parses ~130
style sheets, and hashing each one's CSS and variables again took more time than the lookup saved."""


def _variables_text(stylesheet: Stylesheet) -> str:
    """The stylesheet's variables as text, made once per variables dict (Textual replaces the dict, never
    changes it in place: Stylesheet.set_variables)."""
    variables = stylesheet._variables
    made = stylesheet.__dict__.get("_doorbraak_variables")
    if made is None or made[0] is not variables:
        made = (variables, repr(sorted(variables.items())))
        stylesheet.__dict__["_doorbraak_variables"] = made
    text: str = made[1]
    return text


def _key(stylesheet: Stylesheet, css: str, read_from: Any, is_default_rules: bool, tie_breaker: int,
         scope: str) -> str:
    digest = hashlib.sha256()
    variables = _variables_text(stylesheet)
    for part in (css, repr(read_from), repr(is_default_rules), repr(tie_breaker), scope, variables):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _load() -> dict[str, Any]:
    global _parsed
    if _parsed is None:
        _parsed = {}
        if _on_disk:
            with contextlib.suppress(Exception):  # missing, unreadable or from elsewhere: parse as Textual does
                with CACHE_FILE.open("rb") as file:
                    data = pickle.load(file)
                if isinstance(data, dict):
                    _parsed = data
    return _parsed


def _save() -> None:
    """Write the rules parsed in this process (atomically; nothing when the folder is not writable)."""
    if not _changed or _parsed is None:
        return
    with contextlib.suppress(OSError, pickle.PicklingError):
        CACHE_FILE.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=CACHE_FILE.parent, prefix=".doorbraak-css-")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(_parsed, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, CACHE_FILE)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _parse_rules(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False, tie_breaker: int = 0,
                 scope: str = "") -> Any:
    global _changed
    memo_key = (css, read_from, is_default_rules, tie_breaker, scope, _variables_text(self))
    rules = _memo.get(memo_key)
    if rules is not None:
        return rules
    parsed = _load()
    key = _key(self, css, read_from, is_default_rules, tie_breaker, scope)
    rules = parsed.get(key)
    if rules is None:
        rules = _textual_parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):
            parsed[key] = rules
            if _on_disk and not _changed:
                atexit.register(_save)
            _changed = True
    if not any(rule.errors for rule in rules):
        _memo[memo_key] = rules
    return rules


def install() -> None:
    """Use the kept rules for every stylesheet of this process (DOORBRAAK_CSS_CACHE: memory, off)."""
    global _on_disk
    mode = os.environ.get("DOORBRAAK_CSS_CACHE", "").strip().lower()
    if mode == "off":
        return
    _on_disk = mode != "memory"
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
