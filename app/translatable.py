"""Marks words in Qt-free code for translation, without importing Qt.

``QT_TRANSLATE_NOOP("status", "Posted")`` returns the English text unchanged; ``make translations``
(pyside6-lupdate) finds the call by its name and puts the text in the catalogue under that context.
The widgets show it translated with ``translate("status", text)`` (``ui.i18n.translate``).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    return text
