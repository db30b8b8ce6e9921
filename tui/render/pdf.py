"""Blocks as an A4 PDF (fpdf2, embedded DejaVu Sans). Text is written, never interpreted as markup."""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from tui.render.blocks import Block, Bullets, Heading, Paragraph, Progress, Signatures, Table
from tui.render.fonts import FAMILY, FONT_BOLD, FONT_REGULAR

_HEADING_STYLE = FontFace(family=FAMILY, emphasis="BOLD", size_pt=8, fill_color=(230, 236, 242))


class BlocksPdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=7)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.footer_text} · pagina {self.page_no()} van {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def _heading(pdf: FPDF, block: Heading) -> None:
    if pdf.will_page_break(45 if block.level == 1 else 30):
        pdf.add_page()  # never leave a heading alone at the bottom of a page
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
    pdf.set_font(FAMILY, "", 8)
    aligns = tuple("RIGHT" if i in block.right else "LEFT" for i in range(len(block.headers)))
    with pdf.table(
        col_widths=block.widths,
        text_align=aligns,
        headings_style=_HEADING_STYLE,
        line_height=4.2,
        padding=1,
        first_row_as_headings=True,
    ) as table:
        table.row(block.headers)
        for row_index, cells in enumerate(block.rows):
            bold = block.bold_last and row_index == len(block.rows) - 1
            row = table.row()
            for text in cells:
                row.cell(text, style=FontFace(emphasis="BOLD") if bold else None)
    pdf.ln(3)


def _signatures(pdf: FPDF, block: Signatures) -> None:
    width = pdf.epw
    pdf.set_font(FAMILY, "", 9.5)
    for role, name in block.parties:
        if pdf.will_page_break(22):
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
    for index, block in enumerate(blocks, start=1):
        _block(pdf, block)
        if progress is not None:
            progress(index, len(blocks))
    return bytes(pdf.output())
