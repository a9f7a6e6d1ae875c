"""The app in the user's language: its own translation and Qt's (standard buttons), and the locale.

The language comes from the usual environment variables (``LANGUAGE``, a colon-separated list of
preferences, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``). The first preference the app has a
translation for wins; with none, the app stays in English. Qt's own ``qtbase`` translation is
loaded only for that same language, so a window is never half one language, half another.
Translations are made with ``make translations`` (``resources/translations/aitasker_<lang>.ts``,
compiled to ``.qm``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

import resources
from app import translatable
from app.api.contract import number_limits
from app.timefmt import UNSHOWABLE, as_sent, local_or_none, seconds_since_epoch
from app.translatable import fill

log = logging.getLogger(__name__)

CATALOGUE_PREFIX = "aitasker_"
SOURCE_LANGUAGE = "en"
_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators
__all__ = ["fill", "install_translations", "remove_translations", "translate", "words"]

# ``translate("Context", "text")`` outside a QObject method; pyside6-lupdate finds calls by this name.
translate = QCoreApplication.translate


def translations_dir() -> Path:
    return resources.path("translations")


def available_languages() -> list[str]:
    """Languages with a compiled app translation, e.g. ``["de"]``."""
    folder = translations_dir()
    if not folder.is_dir():
        return []
    return sorted(p.stem[len(CATALOGUE_PREFIX) :] for p in folder.glob(f"{CATALOGUE_PREFIX}*.qm"))


def preferred_languages(env: Mapping[str, str] | None = None) -> list[str]:
    """The user's languages, most wanted first, as ``de_DE`` then ``de`` (gettext's order of variables)."""
    env = os.environ if env is None else env
    wanted: list[str] = []
    locale = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    # As in gettext, LANGUAGE is ignored when the locale is plain C / POSIX (the "no locale" setting).
    if env.get("LANGUAGE") and locale.split(".")[0] not in ("C", "POSIX"):
        wanted += env["LANGUAGE"].split(":")
    wanted.append(locale)
    result: list[str] = []
    for item in wanted:
        name = item.split(".")[0].split("@")[0].replace("-", "_")
        if not name or name in ("C", "POSIX"):
            continue
        for candidate in (name, name.split("_")[0]):
            if candidate not in result:
                result.append(candidate)
    return result


def choose_language(preferences: list[str], available: list[str]) -> str | None:
    """The first preference the app speaks; None for English (the source language) or nothing known."""
    for language in preferences:
        if language.split("_")[0] == SOURCE_LANGUAGE:
            return None
        if language in available:
            return language
    return None


def install_translations(app: QCoreApplication, env: Mapping[str, str] | None = None) -> str | None:
    """Load the app's and Qt's translation for the user's language; returns the language used.

    Also makes that language's ``QLocale`` the default, so numbers, money and dates that widgets
    format through ``QLocale()`` follow it. Whatever the language, amounts the Qt-free core writes
    (``app.translatable.money``) come from :func:`money`, as the window's own do.
    """
    remove_translations(app)
    language = choose_language(preferred_languages(env), available_languages())
    if language is None:
        return None
    ours = QTranslator(app)
    if not ours.load(str(translations_dir() / f"{CATALOGUE_PREFIX}{language}.qm")):
        log.warning("could not load the %s translation", language)
        return None
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir) or qt.load(f"qtbase_{language.split('_')[0]}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    else:
        log.info("Qt's own %s translation was not found in %s; standard buttons stay in English", language, qt_dir)
    locale_name = next(
        (p for p in preferred_languages(env) if p.split("_")[0] == language.split("_")[0] and "_" in p), language
    )
    QLocale.setDefault(QLocale(locale_name))
    translatable.set_translator(QCoreApplication.translate, money, lambda n: QLocale().toString(n))
    log.info("language: %s (locale %s)", language, locale_name)
    return language


def remove_translations(app: QCoreApplication) -> None:
    """Back to English and the system locale (before loading another language); the core's amounts
    still come from :func:`money`."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())
    translatable.set_translator(None, money)


def words(text: str) -> str:
    """Text written in the Qt-free core (statuses, notices, error messages), in the user's language.

    The core marks such text with ``QT_TRANSLATE_NOOP("messages", ...)`` (``app.translatable``);
    text it composes with values (a number, a name) has no entry and shows as written.
    """
    return translate("messages", text)


# Money and dates: the one formatter, through QLocale.
# Amounts are US dollars whatever the computer's language: written the US way ($1,234.50) in English,
# and the way the user's language writes dollars when the app speaks it ("1.234,50 $" in German).
_MONEY = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
LONG_DATE = "dddd dd MMMM yyyy, HH:mm"
DATE_TIME = "dd MMM yyyy, HH:mm"
SHORT_THIS_YEAR = "dd MMM, HH:mm"
SHORT_OTHER_YEAR = "dd MMM yyyy"
CLOCK = "HH:mm"


def money(value: float, decimals: int = 2) -> str:
    locale = QLocale()
    if locale.language() in (QLocale.Language.C, QLocale.Language.English):
        locale = _MONEY
    return locale.toCurrencyString(float(value), "$", decimals)


def when(value: datetime | None, fmt: str = DATE_TIME, *, empty: str = "") -> str:
    """A moment in the computer's time zone, month names in its language; "—" for a moment this
    computer can't show in its time zone (year 9999 at +14 h, year 1)."""
    if value is None:
        return empty
    local = local_or_none(value)  # (a naive time is taken as local, as before)
    if local is None:
        return UNSHOWABLE
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(seconds_since_epoch(local))), fmt)


def short_when(value: datetime | None) -> str:
    """Day and time; the year only when it is not this year (the tooltip has it all)."""
    if value is None:
        return ""
    local = local_or_none(value)
    if local is None:
        return UNSHOWABLE
    this_year = local.year == datetime.now().year
    return when(value, SHORT_THIS_YEAR if this_year else SHORT_OTHER_YEAR)


def clock_when(value: datetime | None) -> str:
    """The time of day for a moment today ("17:56"), else day and time as :func:`short_when`."""
    if value is None:
        return ""
    local = local_or_none(value)
    if local is None:
        return UNSHOWABLE
    return when(value, CLOCK) if local.date() == datetime.now().date() else short_when(value)


def details_when(value: datetime | None) -> str:
    """For the details: the long date, or "—" with the value exactly as AITasker sent it."""
    if value is None:
        return UNSHOWABLE
    text = when(value, LONG_DATE)
    return as_sent(value) if text == UNSHOWABLE else text


def dial(value: float) -> str:
    """The experimentation dial as the form shows it: two decimals (0.30, not 0.3)."""
    return f"{value:.{number_limits('experimentation').decimals}f}"


TOOLTIP_WRAP = ("<p style='white-space:pre-wrap'>", "</p>")


def plain_tooltip(text: str) -> str:
    """Shown as typed: Qt would otherwise guess rich text from a '<' in a title (empty: none)."""
    if not text:
        return ""
    import html  # (its table of entities loads with the first tooltip, not at start)

    return TOOLTIP_WRAP[0] + html.escape(text) + TOOLTIP_WRAP[1]
