"""The app's colour themes: dark (the default), light, and high contrast (projectors, low vision).

These are the only literal colours of the app; stylesheets use the variables ($primary, $error, ...).
The light and high-contrast palettes keep text and the cursor readable on a washed-out projector image:
foreground on background is well above WCAG AA (light ≈ 15:1, high contrast 21:1), and the high-contrast
cursor is black on yellow.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.theme import Theme

DOORBRAAK_THEME = Theme(
    name="doorbraak",
    primary="#4A90C2",
    secondary="#6BA6A0",
    accent="#E0A458",
    warning="#E9C46A",
    error="#E5676B",
    success="#6FBF73",
    foreground="#E6EDF3",
    background="#141B22",
    surface="#1B242D",
    panel="#24313D",
    dark=True,
    variables={
        "footer-key-foreground": "#E0A458",
        "input-selection-background": "#4A90C2 40%",
        "block-cursor-text-style": "bold",
    },
)

LIGHT_THEME = Theme(
    name="doorbraak-licht",
    primary="#1F5F8B",
    secondary="#2F6F68",
    accent="#9A5B00",
    warning="#B7791F",
    error="#B3261E",
    success="#2E7D32",
    foreground="#15202B",
    background="#F7F9FB",
    surface="#FFFFFF",
    panel="#DDE5EC",
    dark=False,
    variables={
        "footer-key-foreground": "#1F5F8B",
        "input-selection-background": "#1F5F8B 30%",
        "block-cursor-text-style": "bold",
        "text-muted": "#15202B 70%",
    },
)

HIGH_CONTRAST_THEME = Theme(
    name="doorbraak-contrast",
    primary="#FFE600",
    secondary="#00E5FF",
    accent="#FFE600",
    warning="#FFB000",
    error="#FF5C5C",
    success="#3DFF6E",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#262626",
    dark=True,
    variables={
        "footer-key-foreground": "#FFE600",
        "footer-description-foreground": "#FFFFFF",
        "input-selection-background": "#FFE600 50%",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFE600",
        "block-cursor-text-style": "bold",
        "text-muted": "#FFFFFF 85%",
        "border": "#FFFFFF",
    },
)

THEMES: tuple[Theme, ...] = (DOORBRAAK_THEME, LIGHT_THEME, HIGH_CONTRAST_THEME)
DEFAULT_THEME = DOORBRAAK_THEME.name

THEME_LABELS: dict[str, str] = {
    DOORBRAAK_THEME.name: "Donker (standaard)",
    LIGHT_THEME.name: "Licht",
    HIGH_CONTRAST_THEME.name: "Hoog contrast (beamer, slechtziend)",
}
"""The Dutch names the theme picker shows; Textual's own themes (English names, untested colours) are not offered."""


class DoorbraakThemeProvider(Provider):
    """The theme picker ("Thema wijzigen"): only doorbraak's themes, under their Dutch names."""

    def _commands(self) -> list[tuple[str, Callable[[], None]]]:
        def choose(name: str) -> None:
            self.app.theme = name

        return [(THEME_LABELS[theme.name], partial(choose, theme.name)) for theme in THEMES]

    async def discover(self) -> Hits:
        for label, callback in self._commands():
            yield DiscoveryHit(label, callback)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, callback in self._commands():
            if (score := matcher.match(label)) > 0:
                yield Hit(score, matcher.highlight(label), callback)

