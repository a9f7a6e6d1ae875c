"""Style sheets in one place: only sizes and weights. Colours come from ui/theme.py (per look,
contrast-checked): ``set_tone(label, "error")``, ``banner_style(kind)``."""

from __future__ import annotations

HEADING = "font-size: 15pt; font-weight: 600;"
