"""The Final work part of a task window: every item of the delivery in a list (name, kind, size),
and the current item shown: a picture to look at closely (fit, 100 %, wheel, keys), a text to read,
select and copy, or a file's name, type and size. Each item can be saved elsewhere ("Save as…").

It shows what it is told (the delivery, pictures decoded at the size shown, a sharper copy while
zoomed in) and says what the person asked for: ``saveAsRequested(item)``, ``sharperWanted(item)``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.server_text import isolate, isolate_lines
from app.tasks.delivery import Delivery, DeliveryItem
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import data_size, fill, short_when
from ui.widgets.picture_shelf import THUMB, fitted
from ui.widgets.plain_label import plain_label
from ui.widgets.zoom_view import ZoomView

KNOWN_FILES = {
    "application/pdf": QT_TRANSLATE_NOOP("FinalWorkPart", "PDF document"),
    "application/zip": QT_TRANSLATE_NOOP("FinalWorkPart", "ZIP archive"),
    "text/plain": QT_TRANSLATE_NOOP("FinalWorkPart", "Text"),
}


class FinalWorkPart(QWidget):
    saveAsRequested = Signal(object)  # the DeliveryItem
    sharperWanted = Signal(object)  # the DeliveryItem whose picture is shown larger than its copy

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finalWorkPart")
        self.delivery: Delivery | None = None
        self._items: list[DeliveryItem] = []
        self._pictures: dict[str, QPixmap] = {}  # url -> the copy decoded at the size shown
        self._failed: dict[str, str] = {}
        self._viewing: tuple[str, bool] = ("", False)  # the picture in the view, and whether it has its copy
        self.about = plain_label("")
        self.about.setObjectName("finalWorkAbout")
        self.list = QListWidget()
        self.list.setObjectName("finalWorkItems")
        self.list.setIconSize(THUMB / 2)
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show_current)

        # A picture: the view, and its zoom.
        self.view = ZoomView()
        self.view.sharperWanted.connect(self._sharper_wanted)
        self.view.zoomChanged.connect(self._show_zoom)
        self.picture_state = plain_label("", "pictureState", selectable=False)
        self.fit_button = QPushButton()
        self.fit_button.setObjectName("fitButton")
        self.fit_button.clicked.connect(self.view.fit)
        self.actual_button = QPushButton()
        self.actual_button.setObjectName("actualSizeButton")
        self.actual_button.clicked.connect(self.view.actual_size)
        self.zoom_label = plain_label("", "zoomLevel", wrap=False, selectable=False)
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(self.fit_button)
        zoom_row.addWidget(self.actual_button)
        zoom_row.addWidget(self.zoom_label, 1)
        picture_page = QWidget()
        picture_layout = QVBoxLayout(picture_page)
        picture_layout.setContentsMargins(0, 0, 0, 0)
        picture_layout.addWidget(self.picture_state)
        picture_layout.addWidget(self.view, 1)
        picture_layout.addLayout(zoom_row)

        # A text: to read, select and copy.
        self.text = QPlainTextEdit()
        self.text.setObjectName("finalWorkText")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyText")
        self.copy_button.clicked.connect(self._copy_text)
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.text, 1)
        text_layout.addWidget(self.copy_button, alignment=Qt.AlignmentFlag.AlignLeft)

        # A file: what it is.
        self.file_facts = plain_label("", "fileFacts")
        file_page = QWidget()
        file_layout = QVBoxLayout(file_page)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.file_facts)
        file_layout.addStretch(1)

        self.pages = QStackedWidget()
        for page in (picture_page, text_page, file_page):
            self.pages.addWidget(page)
        self.save_as_button = QPushButton()
        self.save_as_button.setObjectName("saveAsButton")
        self.save_as_button.clicked.connect(self._save_as)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.pages, 1)
        right_layout.addWidget(self.save_as_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.splitter = QSplitter()
        self.splitter.setObjectName("finalWorkSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([220, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.splitter, 1)
        self.splitter.hide()
        self._say_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        """Its words in the language now installed."""
        self.list.setAccessibleName(self.tr("Items of the final work"))
        self.view.setAccessibleDescription(self.tr("Plus and minus zoom, 0 fits the picture, 1 shows it at 100 %."))
        self.fit_button.setText(self.tr("Fit"))
        self.actual_button.setText(self.tr("100 %"))
        self.copy_button.setText(self.tr("Copy text"))
        self.save_as_button.setText(self.tr("Save as…"))
        self.splitter.handle(1).setAccessibleName(self.tr("Between the items and the current item"))
        self.show_delivery(self.delivery)  # the items, what they are, and the one shown

    # --- what it is told -------------------------------------------------------------------------

    def show_delivery(self, delivery: Delivery | None) -> None:
        """The delivery's items (the one looked at stays current when it is still there)."""
        current = self.current_item()
        self.delivery = delivery
        self._items = list(delivery.items) if delivery is not None else []
        kept = {item.url for item in self._items if item.kind == "picture"}
        self._pictures = {url: p for url, p in self._pictures.items() if url in kept}
        self.about.setText(self._about(delivery))
        self.list.blockSignals(True)
        self.list.clear()
        for item in self._items:
            entry = QListWidgetItem(self._entry_text(item))
            entry.setToolTip(isolate(item.name))
            self.list.addItem(entry)
            self._set_icon(item)
        self.list.blockSignals(False)
        self.splitter.setVisible(bool(self._items))
        rows = [i for i, item in enumerate(self._items) if current is not None and item.id == current.id]
        self.list.setCurrentRow(rows[0] if rows else (0 if self._items else -1))
        self._show_current(self.list.currentRow())

    def pictures_wanted(self) -> list[DeliveryItem]:
        return [
            i for i in self._items if i.kind == "picture" and i.url not in self._pictures and i.url not in self._failed
        ]

    def show_picture(self, url: str, pixmap: QPixmap) -> None:
        if not any(item.url == url for item in self._items):
            return
        self._pictures[url] = pixmap
        self._failed.pop(url, None)
        for item in self._items:
            if item.url == url:
                self._set_icon(item)
        current = self.current_item()
        if current is not None and current.url == url:
            self._show_current(self.list.currentRow())

    def picture_failed(self, url: str, reason: str) -> None:
        self._failed[url] = reason
        current = self.current_item()
        if current is not None and current.url == url:
            self._show_current(self.list.currentRow())

    def show_sharper(self, url: str, pixmap: QPixmap) -> None:
        current = self.current_item()
        if current is not None and current.url == url:
            self.view.set_sharper(pixmap)

    def current_item(self) -> DeliveryItem | None:
        row = self.list.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    # --- words -----------------------------------------------------------------------------------

    def _about(self, delivery: Delivery | None) -> str:
        if delivery is None or not delivery.items:
            return (
                self.tr("The final work is not here yet. It appears here when the agent delivers it.")
                if delivery is None
                else self.tr("This delivery has nothing this app can show or save.")
            )
        parts = []
        who = isolate(delivery.agent_name) if delivery.agent_name else ""
        when = short_when(delivery.delivered_at) if delivery.delivered_at else ""
        if who and when:
            parts.append(fill(self.tr("Delivered by %1, %2."), who, when))
        elif who or when:
            parts.append(fill(self.tr("Delivered by %1.") if who else self.tr("Delivered %1."), who or when))
        if delivery.number and delivery.number > 1:
            parts.append(fill(self.tr("This is delivery %1, after the changes you asked for."), delivery.number))
        if delivery.message:
            parts.append(fill(self.tr("The agent says: “%1”"), isolate_lines(delivery.message[:2000])))
        return "\n".join(parts)

    def kind_words(self, item: DeliveryItem) -> str:
        if item.kind == "picture":
            subtype = item.content_type.split("/")[-1].upper() if "/" in item.content_type else ""
            return fill(self.tr("Picture (%1)"), subtype) if subtype else self.tr("Picture")
        if item.kind == "text":
            return self.tr("Text")
        known = KNOWN_FILES.get(item.content_type)
        if known is not None:
            return self.tr(known)
        extension = item.name.rsplit(".", 1)[-1].upper() if "." in item.name else ""
        return fill(self.tr("File (%1)"), extension) if 0 < len(extension) <= 8 else self.tr("File")

    def _entry_text(self, item: DeliveryItem) -> str:
        facts = self.kind_words(item)
        if item.size is not None:
            facts = fill(self.tr("%1, %2"), facts, data_size(item.size))
        return fill(self.tr("%1 — %2"), isolate(item.name), facts)

    # --- the current item ------------------------------------------------------------------------

    def _set_icon(self, item: DeliveryItem) -> None:
        row = next((i for i, x in enumerate(self._items) if x is item), -1)
        pixmap = self._pictures.get(item.url) if item.kind == "picture" else None
        if row >= 0 and pixmap is not None:
            self.list.item(row).setIcon(QIcon(fitted(pixmap, THUMB / 2)))

    def _show_current(self, row: int) -> None:
        item = self._items[row] if 0 <= row < len(self._items) else None
        if item is None:
            self.view.clear()
            self._viewing = ("", False)
            return
        self.save_as_button.setEnabled(bool(item.url) or item.text is not None)
        self.save_as_button.setAccessibleDescription(fill(self.tr("Saves %1 where you choose"), item.name))
        if item.kind == "picture":
            self.pages.setCurrentIndex(0)
            self.view.setAccessibleName(fill(self.tr("Picture: %1"), item.name))
            pixmap = self._pictures.get(item.url)
            natural = QSize(item.width, item.height) if item.width and item.height else None
            if self._viewing != (item.url, pixmap is not None):
                self.view.set_picture(pixmap, natural)
                self._viewing = (item.url, pixmap is not None)
            failed = self._failed.get(item.url)
            self.picture_state.setText(
                failed if failed else ("" if pixmap is not None else self.tr("Loading the picture…"))
            )
            self.picture_state.setVisible(bool(self.picture_state.text()))
            self._show_zoom()
            return
        self.view.clear()  # a picture's copies are let go while another item is shown
        self._viewing = ("", False)
        if item.kind == "text" and item.text is not None:
            self.pages.setCurrentIndex(1)
            self.text.setAccessibleName(fill(self.tr("Text: %1"), item.name))
            self.text.setPlainText(item.text[:1_000_000])
        else:
            self.pages.setCurrentIndex(2)
            lines = [fill(self.tr("Name: %1"), isolate(item.name)), fill(self.tr("Type: %1"), self.kind_words(item))]
            if item.size is not None:
                lines.append(fill(self.tr("Size: %1"), data_size(item.size)))
            if item.content_type:
                lines.append(fill(self.tr("Sent as: %1"), item.content_type))
            self.file_facts.setText("\n".join(lines))

    def _show_zoom(self) -> None:
        percent = round(self.view.zoom * 100)
        self.zoom_label.setText(
            fill(self.tr("Fitted (%1 %)"), percent) if self.view.fitted else fill(self.tr("%1 %"), percent)
        )

    def _sharper_wanted(self) -> None:
        item = self.current_item()
        if item is not None and item.kind == "picture":
            self.sharperWanted.emit(item)

    def _copy_text(self) -> None:
        cursor = self.text.textCursor()
        QGuiApplication.clipboard().setText(cursor.selectedText().replace("\u2029", "\n") or self.text.toPlainText())

    def _save_as(self) -> None:
        item = self.current_item()
        if item is not None:
            self.saveAsRequested.emit(item)
