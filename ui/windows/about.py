"""Help → About: the version, where to learn more, and the Qt / PySide6 licence notice (LGPL v3)."""

from __future__ import annotations

import platform
from html import escape

import PySide6
from PySide6.QtCore import QEvent, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import about
from ui.desktop.identity import application_icon
from ui.i18n import fill
from ui.widgets.screen_fit import keep_on_screen_when_shown, scroll_contents

LGPL_URL = "https://www.gnu.org/licenses/lgpl-3.0.html"


def _link(url: str, text: str) -> str:
    return f'<a href="{escape(url, quote=True)}">{escape(text)}</a>'


ABOUT_WIDTH = 460  # as wide as the licence notice reads well, where the screen has room


class AboutDialog(QDialog):
    """Shown with ``open()`` (window-modal, no nested event loop); closes with Close or Escape."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")

        icon = QLabel()
        icon.setObjectName("aboutIcon")
        icon.setPixmap(application_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        title = QLabel(about.NAME)
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)

        self.version_label = QLabel()
        self.version_label.setObjectName("aboutVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._summary = summary = QLabel()
        summary.setObjectName("aboutSummary")
        summary.setWordWrap(True)

        self.links_label = QLabel()
        self.links_label.setObjectName("aboutLinks")
        self.links_label.setTextFormat(Qt.TextFormat.RichText)
        self.links_label.setOpenExternalLinks(True)
        self.links_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        self.built_with_label = QLabel()
        self.built_with_label.setObjectName("aboutBuiltWith")
        self.built_with_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.licence_label = QLabel()
        self.licence_label.setObjectName("aboutLicence")
        self.licence_label.setTextFormat(Qt.TextFormat.RichText)
        self.licence_label.setWordWrap(True)
        self.licence_label.setOpenExternalLinks(True)
        self.licence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("aboutButtons")
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        text = QVBoxLayout()
        for widget in (title, self.version_label, summary, self.links_label, self.built_with_label, self.licence_label):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self._say_words()
        scroll_contents(self, keep_below=buttons)
        keep_on_screen_when_shown(self)
        self.resize(
            ABOUT_WIDTH, max(self.sizeHint().height(), self.heightForWidth(ABOUT_WIDTH))
        )  # smaller screens: smaller

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        """Its words in the language now installed (the standard Close button is Qt's own)."""
        self.setWindowTitle(fill(self.tr("About %1"), about.NAME))
        self.version_label.setText(fill(self.tr("Version %1"), about.VERSION))
        self._summary.setText(self.tr("Post tasks to the AITasker marketplace and follow them, without writing code."))
        self.links_label.setText(
            " · ".join((_link(about.HOMEPAGE, about.ORG_DOMAIN), _link(about.HELP_URL, self.tr("Help"))))
        )
        self.built_with_label.setText(
            fill(
                self.tr("Built with Qt %1 (PySide6 %2) and Python %3."),
                qVersion(),
                PySide6.__version__,
                platform.python_version(),
            )
        )
        self.licence_label.setText(self.licence_html())

    def licence_html(self) -> str:
        qt = escape(qVersion())
        notice = self.tr(
            "This program uses Qt and PySide6 (Qt for Python) version %1, "
            "© The Qt Company Ltd. and other contributors, under the %2. "
            "They are included unchanged as separate libraries, which you may replace with your own build. "
            "Their source code is available from %3 (Qt) and %4 (PySide6)."
        )
        return fill(
            notice,
            qt,
            _link(LGPL_URL, self.tr("GNU Lesser General Public License version 3 (LGPL v3)")),
            _link(about.QT_SOURCE_URL, "download.qt.io"),
            _link(about.PYSIDE_SOURCE_URL, "code.qt.io"),
        )


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the About box window-modally and return it; it deletes itself when closed. One at a
    time: the box ``parent`` already shows comes to the front instead."""
    shown = (
        parent.findChild(AboutDialog, options=Qt.FindChildOption.FindDirectChildrenOnly) if parent is not None else None
    )
    if shown is not None and shown.isVisible():
        shown.raise_()
        shown.activateWindow()
        return shown
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
