"""Style sheets in one place. Text colours follow the palette where Qt has a role for them
(muted text); the error colour is the one fixed colour, chosen to read on light and dark."""

from __future__ import annotations

ERROR_COLOUR = "#b00020"
ERROR = f"color: {ERROR_COLOUR};"
ERROR_BOLD = ERROR + " font-weight: bold;"
MUTED = "color: palette(placeholder-text);"
HEADING = "font-size: 15pt; font-weight: 600;"
BANNER_COLOURS = {"error": "#fdecea", "info": "#e8f1fb", "success": "#e9f5ea", "warning": "#fff4e5"}


def banner(kind: str) -> str:
    return f"#banner {{ background: {BANNER_COLOURS.get(kind, '#eeeeee')}; border-radius: 4px; }}"
