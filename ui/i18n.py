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
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTranslator

import resources
from app import translatable
from app.api.contract import number_limits
from app.timefmt import UNSHOWABLE, as_sent, local_or_none, seconds_since_epoch
from app.translatable import fill

log = logging.getLogger(__name__)

CATALOGUE_PREFIX = "aitasker_"
SOURCE_LANGUAGE = "en"
_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators
__all__ = ["Words", "fill", "install_translations", "remove_translations", "say", "translate", "words"]

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


# The languages a person can choose in Settings besides the system's, each named in itself.
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}
SYSTEM_LANGUAGE = "system"
LANGUAGE_KEY = "ui/language"  # where ui-state.ini keeps the choice


def chosen_environment(choice: str, env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment as if the system's language were ``choice`` ("en", "de"; "system": as it
    is). The system's locale is kept when it has one, so dates keep their country's ways."""
    env = dict(os.environ if env is None else env)
    if choice not in LANGUAGE_NAMES:
        return env
    locale = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    if locale.split(".")[0] in ("", "C", "POSIX"):  # (LANGUAGE counts only with a locale)
        locale = "en_US.UTF-8" if choice == "en" else f"{choice}_{choice.upper()}.UTF-8"
    return {"LANGUAGE": choice, "LANG": locale}


def install_translations(
    app: QCoreApplication, env: Mapping[str, str] | None = None, *, choice: str = SYSTEM_LANGUAGE
) -> str | None:
    """Load the app's and Qt's translation for the user's language (the system's, or ``choice``
    from Settings); returns the language used.

    Also makes that language's ``QLocale`` the default, so numbers, money and dates that widgets
    format through ``QLocale()`` follow it. Whatever the language, amounts and numbers the Qt-free
    core writes (``app.translatable.money``, ``decimal``) come from :func:`money` and :func:`number`,
    as the window's own do.
    """
    remove_translations(app)
    env = chosen_environment(choice, env)
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
    translatable.set_translator(
        QCoreApplication.translate, money, lambda n: QLocale().toString(n), number, counted=QCoreApplication.translate
    )
    log.info("language: %s (locale %s)", language, locale_name)
    return language


def remove_translations(app: QCoreApplication) -> None:
    """Back to English and the system locale (before loading another language); the core's amounts
    and numbers still come from :func:`money` and :func:`number`."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())
    translatable.set_translator(None, money, None, number)


# Words a part shows for another (a banner's message, "Showing only…"): the text, or what makes it,
# so that the part can say it again in a new language (:func:`say`).
Words = str | Callable[[], str]


def say(text: Words) -> str:
    """The words now: ``text`` itself, or what it makes in the language now installed."""
    return text() if callable(text) else text


def words(text: str) -> str:
    """Text written in the Qt-free core (statuses, notices, error messages), in the user's language.

    The core marks such text with ``QT_TRANSLATE_NOOP("messages", ...)`` (``app.translatable``);
    text it composes with values (a number, a name) has no entry and shows as written.
    """
    return translate("messages", text)


# Money, numbers and dates: the one formatter, through QLocale.
# Amounts are US dollars whatever the computer's language: written the US way ($1,234.50) in English,
# and the way the user's language writes dollars when the app speaks it ("1.234,50 $" in German).
_MONEY = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
# Kinds of moment; each is written with the locale's own patterns (:func:`moment_pattern`).
LONG_DATE = "long"  # Sunday, December 6, 2026, 2:05 PM / Sonntag, 6. Dezember 2026, 14:05
DATE_TIME = "date and time"  # Dec 6, 2026, 2:05 PM / 6. Dez. 2026, 14:05
SHORT_THIS_YEAR = "day and time"  # Dec 6, 2:05 PM / 6. Dez., 14:05
SHORT_OTHER_YEAR = "day"  # Dec 6, 2026 / 6. Dez. 2026
TIME = "time"  # 2:05 PM / 14:05
_WEEKDAY = re.compile(r"[\s,]*d{4}[\s,]*")
_YEAR = re.compile(r"y+年|[\s,/.-]*y+")


def _money_locale() -> QLocale:
    locale = QLocale()
    return _MONEY if locale.language() in (QLocale.Language.C, QLocale.Language.English) else locale


def money(value: float, decimals: int = 2) -> str:
    return _money_locale().toCurrencyString(float(value), "$", decimals)


def money_parts(decimals: int = 2) -> tuple[QLocale, str, str]:
    """How :func:`money` writes an amount, for a box that edits one: the locale of its digits and
    what comes before and after them ("$" and "" in English, "" and " $" in German)."""
    locale = _money_locale()
    digits = locale.toString(1.0, "f", decimals)
    before, _, after = locale.toCurrencyString(1.0, "$", decimals).partition(digits)
    return locale, before, after


def number(value: float, decimals: int) -> str:
    """A number with ``decimals`` decimals, as the user's language writes it (0.30, 0,30)."""
    return QLocale().toString(float(value), "f", decimals)


def moment_pattern(kind: str, locale: QLocale | None = None) -> str:
    """The locale's way of writing a kind of moment: its long date and short time; the shorter
    dates are its long date without the weekday, with short month names (and without the year)."""
    locale = locale or QLocale()
    time = locale.timeFormat(QLocale.FormatType.ShortFormat)
    long_date = locale.dateFormat(QLocale.FormatType.LongFormat)
    if kind == TIME:
        return time
    if kind == LONG_DATE:
        return f"{long_date}, {time}"
    day = _WEEKDAY.sub(" ", long_date).strip(" ,").replace("MMMM", "MMM")
    if kind == SHORT_OTHER_YEAR:
        return day
    if kind == SHORT_THIS_YEAR:
        return f"{_YEAR.sub('', day).strip(' ,')}, {time}"
    return f"{day}, {time}"


def when(value: datetime | None, kind: str = DATE_TIME, *, empty: str = "") -> str:
    """A moment in the computer's time zone, written the way its locale writes dates (``kind``:
    :data:`LONG_DATE`, :data:`DATE_TIME`, :data:`TIME`…); "—" for a moment this computer can't show
    in its time zone (year 9999 at +14 h, year 1)."""
    if value is None:
        return empty
    local = local_or_none(value)  # (a naive time is taken as local, as before)
    if local is None:
        return UNSHOWABLE
    moment = QDateTime.fromSecsSinceEpoch(int(seconds_since_epoch(local)))
    return QLocale().toString(moment, moment_pattern(kind))


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
    return when(value, TIME) if local.date() == datetime.now().date() else short_when(value)


def clock_or_nothing(value: datetime | None) -> str:
    """:func:`clock_when`, or "" where there is no time this computer can show (the sentence then
    leaves it out)."""
    said = clock_when(value)
    return "" if said == UNSHOWABLE else said


def details_when(value: datetime | None) -> str:
    """For the details: the long date, or "—" with the value exactly as AITasker sent it."""
    if value is None:
        return UNSHOWABLE
    text = when(value, LONG_DATE)
    return as_sent(value) if text == UNSHOWABLE else text


def month_name(year: int, month: int, fmt: str = "MMMM yyyy") -> str:
    """A month in the user's language: "March 2026" ("März 2026"); ``"MMM"`` for "Mar"."""
    return QLocale().toString(QDate(year, month, 1), fmt)


def dial(value: float) -> str:
    """The experimentation dial as the form shows it: two decimals (0.30, not 0.3; 0,30 in German)."""
    return number(value, number_limits("experimentation").decimals)


def data_size(size: int) -> str:
    """A file's size as the user's language writes it ("412 kB", "1,2 MB"; SI units, as file managers show)."""
    precision = 0 if size < 1_000_000 else 1
    return QLocale().formattedDataSize(size, precision, QLocale.DataSizeFormat.DataSizeSIFormat)


TOOLTIP_WRAP = ("<p style='white-space:pre-wrap'>", "</p>")


def plain_tooltip(text: str) -> str:
    """Shown as typed: Qt would otherwise guess rich text from a '<' in a title (empty: none)."""
    if not text:
        return ""
    import html  # (its table of entities loads with the first tooltip, not at start)

    return TOOLTIP_WRAP[0] + html.escape(text) + TOOLTIP_WRAP[1]
