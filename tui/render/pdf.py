"""Blocks as an A4 PDF (fpdf2, embedded DejaVu Sans). Text is written, never interpreted as markup.

Two layout rules of a document to sign:
- **Headings stay with their text.** A heading (and a bold label that introduces a list or a table) starts a
  new page when it would not fit together with the first lines of what follows it — the next paragraph's
  first two lines, the first bullet, a table's header and first row, the first signature. Chains of headings
  are measured as one.
- **Long words in table cells break at sensible points.** A word wider than its column (an e-mail address, a
  web address, a file path) is broken after `@` or `/`, or before a `.`, never in the middle of a part;
  only a part that is itself wider than the column is left to fpdf's letter-by-letter wrapping.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos
from fpdf.fonts import FontFace

from tui.render.blocks import Block, Bullets, Heading, Paragraph, Progress, Signatures, Table
from tui.render.fonts import FAMILY, FONT_BOLD, FONT_REGULAR

_HEADING_STYLE = FontFace(family=FAMILY, emphasis="BOLD", size_pt=8, fill_color=(230, 236, 242))
_TEXT_SIZE = 9.5
_LINE = 5.0
_TABLE_SIZE = 8.0
_TABLE_LINE = 4.2
_TABLE_PADDING = 1.0
_LEAD_LINES = 2
"""How many lines of a paragraph (or of the first bullet) must follow a heading on the same page."""
_SIGNATURE_HEIGHT = 22.0
_BREAK_POINTS = re.compile(r"(?<=[@/])|(?=\.)")
"""Where a too-wide word may break: after @ or /, before a dot."""


class BlocksPdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=7)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.footer_text} · pagina {self.page_no()} van {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


# -- keeping headings with their text --------------------------------------------------------------------------


def _count_lines(pdf: FPDF, width: float, line_height: float, text: str) -> int:
    lines = pdf.multi_cell(width, line_height, text, dry_run=True, output=MethodReturnValue.LINES)
    assert isinstance(lines, list)
    return max(1, len(lines))


def _lines(pdf: FPDF, width: float, text: str, style: str, size: float, *, at_most: int = 0) -> int:
    """How many lines `text` takes; with `at_most`, only its beginning is measured (a long paragraph)."""
    pdf.set_font(FAMILY, style, size)
    if at_most:
        text = text[: 200 * at_most]
    lines = _count_lines(pdf, width, _LINE, text)
    return min(lines, at_most) if at_most else lines


def _heading_height(pdf: FPDF, block: Heading) -> float:
    size = 12 if block.level == 1 else 10
    return (2 if block.level > 1 else 4) + 6 * _lines(pdf, pdf.epw, block.text, "B", size) + 1


def _is_lead_in(block: Block) -> bool:
    """A heading, or a bold label on its own line that introduces what follows."""
    return isinstance(block, Heading) or (isinstance(block, Paragraph) and bool(block.label) and not block.text)


def _lead_in_height(pdf: FPDF, block: Block) -> float:
    if isinstance(block, Heading):
        return _heading_height(pdf, block)
    assert isinstance(block, Paragraph)
    return _LINE * _lines(pdf, pdf.epw, block.label, "B", _TEXT_SIZE) + 1.5


def _column_widths(pdf: FPDF, block: Table) -> list[float]:
    """The room for text in each column (mm): fpdf2 spreads `widths` over the page width."""
    total = sum(block.widths)
    return [pdf.epw * w / total - 2 * _TABLE_PADDING - 0.5 for w in block.widths]


def _row_height(pdf: FPDF, cells: Sequence[str], widths: Sequence[float], style: str) -> float:
    pdf.set_font(FAMILY, style, _TABLE_SIZE)
    tallest = max(_count_lines(pdf, w, _TABLE_LINE, text or " ") for text, w in zip(cells, widths, strict=False))
    return tallest * _TABLE_LINE + 2 * _TABLE_PADDING


def _first_part_height(pdf: FPDF, block: Block) -> float:
    """The height of what must stay with a heading: the first lines of the block that follows it."""
    if isinstance(block, Paragraph):
        width = pdf.epw
        text = f"{block.label}: {block.text}" if block.label else block.text
        return _LINE * _lines(pdf, width, text, "", _TEXT_SIZE, at_most=_LEAD_LINES) + 1.5
    if isinstance(block, Bullets):
        if not block.items:
            return 0
        return _LINE * _lines(pdf, pdf.epw - 5, block.items[0], "", _TEXT_SIZE, at_most=_LEAD_LINES)
    if isinstance(block, Table):
        widths = _column_widths(pdf, block)
        height = _row_height(pdf, block.headers, widths, "B")
        if block.rows:
            height += _row_height(pdf, [_wrap_cell(pdf, c, w) for c, w in zip(block.rows[0], widths, strict=False)],
                                  widths, "")
        return height
    if isinstance(block, Signatures):
        return _SIGNATURE_HEIGHT + 4 if block.parties else 0
    return 0


def _keep_height(pdf: FPDF, blocks: Sequence[Block], index: int) -> float:
    """The height from blocks[index] (a lead-in) down to the first lines of the first block that is not one."""
    height = 0.0
    while index < len(blocks) and _is_lead_in(blocks[index]):
        height += _lead_in_height(pdf, blocks[index])
        index += 1
    if index < len(blocks):
        height += _first_part_height(pdf, blocks[index])
    return height


def _keep_with_next(pdf: FPDF, blocks: Sequence[Block], index: int) -> None:
    """Start a new page when a lead-in would otherwise end up alone at the bottom of this one."""
    at_top = pdf.get_y() <= pdf.t_margin + 1
    if not at_top and pdf.will_page_break(_keep_height(pdf, blocks, index)):
        pdf.add_page()


# -- long words in table cells ------------------------------------------------------------------------------------


def _split_word(pdf: FPDF, word: str, width: float) -> list[str]:
    """A too-wide word as lines that each fit, broken only at its break points (greedy)."""
    parts = [p for p in _BREAK_POINTS.split(word) if p]
    lines: list[str] = []
    current = ""
    for part in parts:
        if current and pdf.get_string_width(current + part) > width:
            lines.append(current)
            current = part
        else:
            current += part
    if current:
        lines.append(current)
    return lines


def _wrap_cell(pdf: FPDF, text: str, width: float) -> str:
    """The cell text with a line break at a sensible point inside every word wider than the column."""
    pdf.set_font(FAMILY, "", _TABLE_SIZE)
    if all(pdf.get_string_width(word) <= width for word in text.split()):
        return text
    lines = []
    for line in text.split("\n"):
        words = [
            "\n".join(_split_word(pdf, word, width)) if pdf.get_string_width(word) > width else word
            for word in line.split(" ")
        ]
        lines.append(" ".join(words))
    return "\n".join(lines)


# -- the blocks -------------------------------------------------------------------------------------------------


def _heading(pdf: FPDF, block: Heading) -> None:
    pdf.ln(2 if block.level > 1 else 4)
    pdf.set_font(FAMILY, "B", 12 if block.level == 1 else 10)
    pdf.multi_cell(pdf.epw, 6, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _paragraph(pdf: FPDF, block: Paragraph) -> None:
    if block.label and block.text:
        # "Label: text" flowing on one line; write() never interprets markup in the text.
        pdf.set_font(FAMILY, "B", 9.5)
        pdf.write(5, f"{block.label}: ")
        pdf.set_font(FAMILY, "", 9.5)
        pdf.write(5, block.text)
        pdf.ln(5)
    elif block.label:
        pdf.set_font(FAMILY, "B", 9.5)
        pdf.multi_cell(pdf.epw, 5, block.label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    else:
        pdf.set_font(FAMILY, "", 9.5)
        pdf.multi_cell(pdf.epw, 5, block.text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def _bullets(pdf: FPDF, block: Bullets) -> None:
    pdf.set_font(FAMILY, "", 9.5)
    for item in block.items:
        pdf.cell(5, 5, "•")
        pdf.multi_cell(pdf.epw - 5, 5, item, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def _table(pdf: FPDF, block: Table) -> None:
    widths = _column_widths(pdf, block)
    rows = [tuple(_wrap_cell(pdf, text, w) for text, w in zip(cells, widths, strict=False)) for cells in block.rows]
    pdf.set_font(FAMILY, "", _TABLE_SIZE)
    aligns = tuple("RIGHT" if i in block.right else "LEFT" for i in range(len(block.headers)))
    with pdf.table(
        col_widths=block.widths,
        text_align=aligns,
        headings_style=_HEADING_STYLE,
        line_height=_TABLE_LINE,
        padding=_TABLE_PADDING,
        first_row_as_headings=True,
    ) as table:
        table.row(block.headers)
        for row_index, cells in enumerate(rows):
            bold = block.bold_last and row_index == len(rows) - 1
            row = table.row()
            for text in cells:
                row.cell(text, style=FontFace(emphasis="BOLD") if bold else None)
    pdf.ln(3)


def _signatures(pdf: FPDF, block: Signatures) -> None:
    width = pdf.epw
    pdf.set_font(FAMILY, "", 9.5)
    for role, name in block.parties:
        if pdf.will_page_break(_SIGNATURE_HEIGHT):
            pdf.add_page()
        pdf.ln(4)
        pdf.set_font(FAMILY, "B", 9.5)
        pdf.cell(width, 5, f"{role}: {name}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FAMILY, "", 9.5)
        pdf.ln(8)
        pdf.cell(width * 0.6, 5, "Handtekening: ________________________________")
        pdf.cell(width * 0.4, 5, "Datum: ______________", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _block(pdf: FPDF, block: Block) -> None:
    if isinstance(block, Heading):
        _heading(pdf, block)
    elif isinstance(block, Paragraph):
        _paragraph(pdf, block)
    elif isinstance(block, Bullets):
        _bullets(pdf, block)
    elif isinstance(block, Table):
        _table(pdf, block)
    else:
        _signatures(pdf, block)


def blocks_pdf(
    title: str,
    subtitle: str,
    blocks: Sequence[Block],
    *,
    document_title: str,
    footer: str,
    progress: Progress | None = None,
) -> bytes:
    """An A4 document: a large title, a small subtitle, then the blocks; `footer` with page numbers."""
    pdf = BlocksPdf(format="A4")
    pdf.footer_text = footer
    pdf.set_title(document_title)
    pdf.set_creator("doorbraak")
    pdf.set_lang("nl")
    pdf.add_font(FAMILY, "", str(FONT_REGULAR))
    pdf.add_font(FAMILY, "B", str(FONT_BOLD))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 17)
    pdf.multi_cell(pdf.epw, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 9)
    pdf.multi_cell(pdf.epw, 5, subtitle, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    blocks = list(blocks)
    for index, block in enumerate(blocks):
        if _is_lead_in(block):
            _keep_with_next(pdf, blocks, index)
        _block(pdf, block)
        if progress is not None:
            progress(index + 1, len(blocks))
    return bytes(pdf.output())
