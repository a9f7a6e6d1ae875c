"""Words of the Qt-free core in the user's language, without importing Qt.

- ``QT_TRANSLATE_NOOP("messages", "Posted")`` marks a fixed text where it is defined; it returns the
  English unchanged, and the widgets show it translated (``ui.i18n.words``).
- ``translate("messages", "The highest %1 is %2.")`` translates a sentence the core composes at run
  time; ``fill`` then puts the values in. Until the window installs Qt's translator
  (:func:`set_translator`, done by ``ui.i18n.install_translations``) it returns the English.
- ``messages.tr("%n days", "", days, one="1 day")`` says a count: through Qt's plural forms (the
  translation's ``numerusform`` for that count) once the window installs them, and in English ``one``
  for a count of 1, the text itself for any other; ``%n`` is the count, ``%Ln`` the count written
  the user's way (5,000 / 5.000).
- :func:`money` writes dollars: through the window's one formatter (``ui.i18n.money``) once the window
  installs it, US style ($1,234.50) before (the sandbox, tests without a window).

``make translations`` (pyside6-lupdate) finds ``QT_TRANSLATE_NOOP(...)``, ``translate(...)`` and
``messages.tr(...)`` calls by their names (the last as a text with plural forms, in the ``messages``
context) and puts the texts in ``resources/translations/*.ts``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PLACEHOLDER = re.compile(r"%([1-9])")


def _english(context: str, text: str) -> str:
    return text


def _us_dollars(value: float, decimals: int) -> str:
    return f"${value:,.{decimals}f}"


def _english_integer(value: int) -> str:
    return f"{value:,}"


def _english_decimal(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _english_count(context: str, text: str, disambiguation: str, count: int, one: str) -> str:
    said = one if count == 1 else text
    return said.replace("%Ln", integer(count)).replace("%n", str(count))


_translator: Callable[[str, str], str] = _english
_counted: Callable[[str, str, str, int, str], str] = _english_count
_money: Callable[[float, int], str] = _us_dollars
_integer: Callable[[int], str] = _english_integer
_decimal: Callable[[float, int], str] = _english_decimal


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    return text


def translate(context: str, text: str) -> str:
    """``text`` in the user's language when a translation is installed and has it, else as given."""
    return _translator(context, text)


class _Messages:
    """The core's sentences with a count, in the ``messages`` context (see the module's notes)."""

    @staticmethod
    def tr(text: str, disambiguation: str, count: int, *, one: str) -> str:
        """``text`` (with ``%n``) for ``count`` in the user's language; ``one``: the English for 1."""
        return _counted("messages", text, disambiguation, count, one)


messages = _Messages()  # named for pyside6-lupdate: ``messages.tr(...)`` is a text of the "messages" context


def fill(text: str, *args: object) -> str:
    """Qt's ``%1`` … ``%9`` placeholders filled in one pass, so an argument holding "%2" stays as it is.

    Translations may reorder the placeholders; ``str.format`` is not used for translated text
    because a translator's stray brace would then raise.
    """

    def one(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(args[index]) if index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(one, text)


def money(value: float, decimals: int = 2) -> str:
    """Dollars as the user's language writes them ($1,234.50 in English, 1.234,50 $ in German)."""
    return _money(value, decimals)


def integer(value: int) -> str:
    """A whole number as the user's language writes it (5,000 in English, 5.000 in German)."""
    return _integer(value)


def decimal(value: float, decimals: int) -> str:
    """A number with ``decimals`` decimals as the user's language writes it (0.30 in English, 0,30 in German)."""
    return _decimal(value, decimals)


def set_translator(
    translator: Callable[[str, str], str] | None,
    money_format: Callable[[float, int], str] | None = None,
    integer_format: Callable[[int], str] | None = None,
    decimal_format: Callable[[float, int], str] | None = None,
    counted: Callable[[str, str, str, int], str] | None = None,
) -> None:
    """Install (or, with None, remove) the window's translator and number formats; ``counted``
    translates a text with plural forms: (context, text, disambiguation, count)."""
    global _translator, _money, _integer, _decimal, _counted
    _translator = translator or _english
    _counted = (lambda c, t, d, n, one: counted(c, t, d, n)) if counted is not None else _english_count
    _money = money_format or _us_dollars
    _integer = integer_format or _english_integer
    _decimal = decimal_format or _english_decimal
