"""A picture, larger, in a window of its own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import Words, say
from ui.widgets.screen_fit import keep_on_screen_when_shown

MAX_SHOWN = (900, 700)
AROUND = (60, 120)  # the window's frame, margins and Close button around the picture


class ImageViewer(QDialog):
    """A picture, larger, in a window of its own (non-modal; Esc closes). Its ``title`` given as what
    makes it is said again in a new language, as its own words are."""

    def __init__(self, pixmap: QPixmap, title: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self._title = title
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._label = label = QLabel()
        label.setObjectName("imageViewerPicture")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # At most MAX_SHOWN, and within the screen with room for the frame and Close.
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() - QSize(*AROUND) if screen is not None else QSize(*MAX_SHOWN)
        width, height = min(MAX_SHOWN[0], room.width()), min(MAX_SHOWN[1], room.height())
        shown = (
            pixmap
            if pixmap.width() <= width and pixmap.height() <= height
            else pixmap.scaled(
                width, height, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        if shown.width() < 400:
            shown = pixmap.scaled(
                min(600, width),
                min(480, height),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        label.setPixmap(shown)
        self._close = close = QPushButton()
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self._say_words()
        keep_on_screen_when_shown(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        title = say(self._title)
        self.setWindowTitle(title)
        self._label.setAccessibleName(title)
        self._close.setText(self.tr("Close"))
