"""Saving the final work, as the task window shows it: how far it got (a bar, and the same in
words for a screen reader), Cancel while it runs; where the files went and "Open folder" when it
is done, or what could not be saved and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.i18n import data_size, fill
from ui.widgets.plain_label import plain_label


class SaveBar(QFrame):
    """``cancelRequested()`` when Cancel is pressed while saving."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveBar")
        self.folder: Path | None = None
        self.text = plain_label("", "saveText")
        self.bar = QProgressBar()
        self.bar.setObjectName("saveProgress")
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelSave")
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openFolder")
        self.open_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addStretch(0)  # with the bar gone (saved), the buttons keep their size at the right
        row.addWidget(self.cancel_button)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.hide()
        self._say_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        """Its words in the language now installed."""
        self.bar.setAccessibleName(self.tr("Saving the final work"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel saving"))
        self.open_button.setText(self.tr("Open fol&der"))

    @property
    def saving(self) -> bool:
        return self.isVisible() and self.cancel_button.isVisible()

    def show_progress(self, done: int, total: int | None, where: Path | None = None) -> None:
        """``done`` bytes of ``total`` (None: not known yet) saved into ``where``."""
        self.folder = where or self.folder
        self.show()
        self.cancel_button.show()
        self.open_button.hide()
        self.bar.show()
        if total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, round(done * 1000 / total)))
            self.text.setText(fill(self.tr("Saving… %1 of %2"), data_size(done), data_size(total)))
        else:
            self.bar.setRange(0, 0)  # busy, size not known
            self.text.setText(fill(self.tr("Saving… %1"), data_size(done)) if done else self.tr("Saving…"))

    def show_result(self, text: str, folder: Path | None) -> None:
        """Saving ended: ``text`` says what happened; "Open folder" when something is in ``folder``."""
        self.folder = folder
        self.show()
        self.bar.hide()
        self.cancel_button.hide()
        self.open_button.setVisible(folder is not None)
        self.text.setText(text)

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
