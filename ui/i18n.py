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
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from app import translatable
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
    format through ``QLocale()`` follow it.
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
    translatable.set_translator(QCoreApplication.translate, _money_in_locale, lambda n: QLocale().toString(n))
    log.info("language: %s (locale %s)", language, locale_name)
    return language


def remove_translations(app: QCoreApplication) -> None:
    """Back to English and the system locale (used by tests and before loading another language)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())
    translatable.set_translator(None)


def _money_in_locale(value: float, decimals: int) -> str:
    from ui.presenters import money  # presenters imports this module

    return money(value, decimals)


def words(text: str) -> str:
    """Text written in the Qt-free core (statuses, notices, error messages), in the user's language.

    The core marks such text with ``QT_TRANSLATE_NOOP("messages", ...)`` (``app.translatable``);
    text it composes with values (a number, a name) has no entry and shows as written.
    """
    return translate("messages", text)
