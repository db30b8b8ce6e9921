"""The Unicode font every PDF embeds (DejaVu Sans, shipped in tui/render/fonts), so é, ë, ij, € and – print."""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"
SYSTEM_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
REGULAR = "DejaVuSans.ttf"
BOLD = "DejaVuSans-Bold.ttf"
FAMILY = "DejaVu"
FONT_REGULAR = FONT_DIR / REGULAR
FONT_BOLD = FONT_DIR / BOLD


def font_path(name: str) -> Path | None:
    """The font shipped with doorbraak, else the system's DejaVu; None when neither exists."""
    for directory in (FONT_DIR, *SYSTEM_FONT_DIRS):
        candidate = directory / name
        if candidate.is_file():
            return candidate
    return None
