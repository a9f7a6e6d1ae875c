"""What the form holds, as plain text a person can paste anywhere (a mail, a text file) and read:
each field under the name the app gives it, the description and the requirements last as they are
long. Used when the latest typing could not be saved and the person asks to copy it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from app.form_rules import NAMES
from app.taxonomy import names
from ui.i18n import dial, fill, money, translate, words


def _line(field: str, value: str) -> str:
    return fill(translate("presenters", "%1: %2"), words(NAMES[field]), value)


def draft_as_text(values: Mapping[str, Any]) -> str:
    """The form's raw values (``TaskForm.raw_values``) in words; empty fields are left out."""
    lines: list[str] = []
    if values.get("title"):
        lines.append(_line("title", str(values["title"])))
    if values.get("category"):
        lines.append(_line("category", names().category(values["category"])))
    if values.get("task_type"):
        lines.append(_line("task_type", names().task_type(values["task_type"])))
    if isinstance(values.get("budget_usd"), (int, float)):
        lines.append(_line("budget_usd", money(values["budget_usd"])))
    if isinstance(values.get("experimentation"), (int, float)):
        lines.append(_line("experimentation", dial(values["experimentation"])))
    if values.get("brand_kit_id"):
        lines.append(_line("brand_kit_id", str(values["brand_kit_id"])))
    blocks = ["\n".join(lines)] if lines else []
    if values.get("description"):
        blocks.append(words(NAMES["description"]) + ":\n" + str(values["description"]))
    requirements = values.get("requirements")
    if requirements:
        # A dict as JSON (the requirements editor takes it back as it is); text that had a problem as typed.
        shown = (
            requirements if isinstance(requirements, str) else json.dumps(requirements, indent=2, ensure_ascii=False)
        )
        blocks.append(words(NAMES["requirements"]) + ":\n" + shown)
    return "\n\n".join(blocks) + "\n" if blocks else ""
