"""A document as a list of blocks: the view model that the Markdown and PDF renderers both draw.

One list of blocks feeds both formats, so a Markdown file and a PDF always hold the same sections.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Progress = Callable[[int, int], None]
"""Called with (done, total) while a document is built: a TUI shows it as a progress bar."""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    right: frozenset[int] = frozenset()
    """Column indexes aligned right (amounts)."""
    bold_last: bool = False
    """The last row is a total."""


@dataclass(frozen=True)
class Signatures:
    parties: tuple[tuple[str, str], ...]
    """(role, name) per signature line."""


Block = Heading | Paragraph | Bullets | Table | Signatures


@dataclass
class BlockBuilder:
    """Appends blocks; empty fields and lists are left out so a document holds no empty labels."""

    blocks: list[Block] = field(default_factory=list)

    def heading(self, text: str, level: int = 1) -> None:
        self.blocks.append(Heading(text, level))

    def para(self, text: str, label: str = "") -> None:
        if text or label:
            self.blocks.append(Paragraph(text, label))

    def field(self, label: str, text: str) -> None:
        if text:
            self.blocks.append(Paragraph(text, label))

    def bullets(self, items: Sequence[str]) -> None:
        if items:
            self.blocks.append(Bullets(tuple(items)))

    def table(self, table: Table) -> None:
        self.blocks.append(table)

    def signatures(self, parties: tuple[tuple[str, str], ...]) -> None:
        self.blocks.append(Signatures(parties))
