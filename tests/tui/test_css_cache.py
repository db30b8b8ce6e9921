"""Parsed CSS kept between runs (tui/css_cache.py): the second process reads what the first parsed, a changed
variable or CSS is parsed anew, a damaged file is no error, CSS with errors is never kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet, StylesheetParseError

from tui import css_cache

CSS = "Screen { background: $panel; } .kaart { padding: 1 2; color: red; }"


@pytest.fixture
def on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache as a real start uses it, but in a temp folder (the suite itself keeps it in memory only)."""
    file = tmp_path / "__pycache__" / "doorbraak-css.pickle"
    monkeypatch.setattr(css_cache, "CACHE_FILE", file)
    monkeypatch.setattr(css_cache, "_parsed", None)
    monkeypatch.setattr(css_cache, "_memo", {})
    monkeypatch.setattr(css_cache, "_changed", False)
    monkeypatch.setattr(css_cache, "_on_disk", True)
    monkeypatch.setattr(Stylesheet, "_parse_rules", css_cache._parse_rules)
    return file


def parsed(css: str, panel: str = "#224466") -> list[Any]:
    stylesheet = Stylesheet(variables={"panel": panel})
    stylesheet.add_source(css, read_from=("app.tcss", ""))
    stylesheet.parse()
    return stylesheet.rules


def new_process(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Forget what this process parsed, and count what Textual itself is asked to parse from now on."""
    monkeypatch.setattr(css_cache, "_parsed", None)
    monkeypatch.setattr(css_cache, "_memo", {})
    monkeypatch.setattr(css_cache, "_changed", False)
    asked: list[str] = []
    textual_parse = css_cache._textual_parse_rules

    def counting(self: Stylesheet, css: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(css)
        return textual_parse(self, css, *args, **kwargs)

    monkeypatch.setattr(css_cache, "_textual_parse_rules", counting)
    return asked


def test_a_second_process_reads_the_rules_the_first_one_parsed(on_disk: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first = parsed(CSS)
    css_cache._save()
    assert on_disk.is_file() and on_disk.stat().st_mode & 0o077 == 0  # as private as mkstemp makes it

    asked = new_process(monkeypatch)
    again = parsed(CSS)
    assert asked == [] and [repr(r) for r in again] == [repr(r) for r in first]

    parsed(CSS, panel="#000000")  # other variables: parsed anew
    parsed(CSS + " .nieuw { width: 10; }")  # other CSS: parsed anew
    assert len(asked) == 2


def test_a_damaged_file_is_parsed_as_textual_does(on_disk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_disk.parent.mkdir()
    on_disk.write_bytes(b"geen pickle")
    asked = new_process(monkeypatch)
    rules = parsed(CSS)
    assert asked == [CSS] and rules


def test_css_with_errors_is_never_kept(on_disk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(StylesheetParseError):
        parsed(".kaart { kleur: rood; }")
    assert css_cache._parsed == {}
    css_cache._save()
    assert not on_disk.exists()
