"""A picture, larger, in a window of its own."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets.screen_fit import keep_on_screen_when_shown

MAX_SHOWN = (900, 700)
AROUND = (60, 120)  # the window's frame, margins and Close button around the picture


class ImageViewer(QDialog):
    """A picture, larger, in a window of its own (non-modal; Esc closes)."""

    def __init__(self, pixmap: QPixmap, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        label = QLabel()
        label.setObjectName("imageViewerPicture")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleName(title)
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
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        keep_on_screen_when_shown(self)
