"""Blocks as Markdown. User text is escaped, so it always shows literally (no links, HTML or tables)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.render.blocks import Block, Bullets, Heading, Paragraph, Progress, Table

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+#=]|\d+[.)])", re.MULTILINE)


def md_escape(text: str, *, line_start: bool = True) -> str:
    """Escape Markdown (and inline HTML) so user text shows literally.

    Brackets, emphasis, code, tables and HTML are escaped everywhere; list, heading and rule markers
    only where a line starts (`line_start=False` for text that follows a prefix such as `## `).
    """
    text = _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    if not line_start:
        return text
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)


def _md_cell(text: str) -> str:
    return md_escape(" ".join(text.split()))


def _paragraph(block: Paragraph) -> str:
    body = "  \n".join(md_escape(line) for line in block.text.splitlines()) if block.text else ""
    if block.label and block.text:
        return f"**{md_escape(block.label)}:** {body}"
    return (f"**{md_escape(block.label)}**" if block.label else "") + body


def _table(block: Table) -> list[str]:
    out = ["| " + " | ".join(md_escape(h) for h in block.headers) + " |"]
    out.append("|" + "|".join("---:" if i in block.right else "---" for i in range(len(block.headers))) + "|")
    for row_index, row in enumerate(block.rows):
        cells = [_md_cell(c) for c in row]
        if block.bold_last and row_index == len(block.rows) - 1:
            cells = [f"**{c}**" if c else c for c in cells]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * (block.level + 1)} {md_escape(block.text, line_start=False)}", ""]
    if isinstance(block, Paragraph):
        return [_paragraph(block), ""]
    if isinstance(block, Bullets):
        return [f"- {_md_cell(item)}" for item in block.items] + [""]
    if isinstance(block, Table):
        return _table(block)
    out: list[str] = []
    for role, name in block.parties:
        out += [
            f"**{md_escape(role)}:** {md_escape(name)}",
            "",
            "Handtekening: ______________________________  Datum: ______________",
            "",
        ]
    return out


def blocks_markdown(title: str, subtitle: str, blocks: Sequence[Block], progress: Progress | None = None) -> str:
    """A document: the title as `#`, the subtitle, then each block (level-1 headings become `##`)."""
    out = [f"# {md_escape(title, line_start=False)}", "", md_escape(subtitle), ""]
    for index, block in enumerate(blocks, start=1):
        out += _block(block)
        if progress is not None:
            progress(index, len(blocks))
    return "\n".join(out).rstrip() + "\n"
