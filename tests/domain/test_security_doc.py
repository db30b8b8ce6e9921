"""docs/security.md shows the role table of domain/access.py, not an outdated copy."""

from __future__ import annotations

from pathlib import Path

from domain.access import permission_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
START, END = "<!-- roles table: generated, do not edit by hand -->", "<!-- end of roles table -->"


def test_the_role_table_in_the_docs_is_the_one_the_code_enforces() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert documented == permission_table(), "paste permission_table() between the markers:\n" + permission_table()
