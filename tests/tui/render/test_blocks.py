"""Blocks as Markdown: user text stays literal, empty fields leave no empty labels."""

from __future__ import annotations

from tui.render.blocks import BlockBuilder, Table
from tui.render.markdown import blocks_markdown, md_escape


def test_user_text_is_escaped() -> None:
    assert md_escape("[klik](https://x.example) <b>*vet*</b>") == (
        r"\[klik\](https://x.example) \<b\>\*vet\*\</b\>"
    )
    assert md_escape("# kop\n- punt") == "\\# kop\n\\- punt"
    assert md_escape("# kop", line_start=False) == "# kop"


def test_builder_leaves_out_empty_fields_and_markdown_draws_every_block() -> None:
    b = BlockBuilder()
    b.heading("1. Huishouden")
    b.field("Casus", "DB-2026-000001")
    b.field("Leeg", "")
    b.bullets([])
    b.table(Table(headers=("Betaler", "Bedrag"), rows=(("Gemeente", "€ 1"), ("Totaal", "€ 1")), widths=(50, 50),
                  right=frozenset({1}), bold_last=True))
    b.signatures((("Bewoner", "A. Jansen"),))
    text = blocks_markdown("Maatwerkplan", "versie 1", b.blocks)
    assert "Leeg" not in text
    assert text.startswith("# Maatwerkplan\n\nversie 1\n\n## 1. Huishouden\n\n**Casus:** DB-2026-000001\n")
    assert "|---|---:|" in text and "| **Totaal** | **€ 1** |" in text
    assert "**Bewoner:** A. Jansen" in text and "Handtekening:" in text
