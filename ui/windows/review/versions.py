"""The versions of one task, as a part that any window can hold: the list of versions on the left,
the current version's card on the right. It shows what it is given (the versions, their pictures)
and says what the person did: moved to another version, opened a picture."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QSplitter, QWidget

from app.review.artifacts import Artifact
from app.review.gallery import Bid
from ui.widgets.image_viewer import ImageViewer
from ui.widgets.picture_shelf import PictureShelf
from ui.widgets.version_card import VersionCard
from ui.widgets.version_list import VersionList


class VersionsPanel(QWidget):
    """``currentChanged()`` when another version is current; ``pictureOpened(url, title)`` when a
    picture is clicked (the owner answers with :meth:`show_large`)."""

    currentChanged = Signal()
    pictureOpened = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsPanel")
        self._bids: dict[str, Bid] = {}
        self._artifacts: dict[str, list[Artifact]] = {}
        self._pictures = PictureShelf(self)
        self._list = VersionList(self._pictures)
        self._list.currentVersionChanged.connect(lambda _key: self._show_current())
        self._card = VersionCard(self._pictures)
        self._card.pictureOpened.connect(self.pictureOpened)
        self._scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._card)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter()
        splitter.addWidget(self._list)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([340, 560])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._say_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        self._scroll.setAccessibleName(self.tr("The version shown"))  # a stop for Tab (it scrolls): named

    def show_versions(self, bids: list[Bid], artifacts: dict[str, list[Artifact]], chosen: str | None) -> None:
        """Keep the version the person was looking at; else the chosen one; else the first."""
        previous = self.current_bid()
        self._bids = {bid.id: bid for bid in bids}
        self._artifacts = {bid.id: artifacts.get(bid.id, []) for bid in bids}
        thumbnails = {
            key: pictures[0].url
            for key, items in self._artifacts.items()
            if (pictures := [a for a in items if a.kind == "image"])
        }
        self._list.show_versions(bids, thumbnails, previous.id if previous else chosen)
        if bids and previous is None and self.isActiveWindow():
            self._list.setFocus()  # Up and Down move between versions at once
        self._show_current()

    def current_bid(self) -> Bid | None:
        key = self._list.current_key()
        return self._bids.get(key) if key is not None else None

    def pictures_wanted(self) -> list[str]:
        """Every picture of the versions shown that has not arrived or failed yet."""
        urls = [a.url for items in self._artifacts.values() for a in items if a.kind == "image"]
        return [url for url in dict.fromkeys(urls) if not self._pictures.known(url)]

    def show_picture(self, url: str, pixmap: QPixmap) -> None:
        self._pictures.put(url, pixmap)

    def picture_failed(self, url: str, reason: str) -> None:
        self._pictures.fail(url, reason)

    def forget_failed_pictures(self) -> list[str]:
        return self._pictures.forget_failures()

    def show_large(self, pixmap: QPixmap, title: str) -> ImageViewer:
        viewer = ImageViewer(pixmap, title, self)
        viewer.show()
        return viewer

    def _show_current(self) -> None:
        bid = self.current_bid()
        self._card.show_version(bid, self._artifacts.get(bid.id, []) if bid else [])
        self.currentChanged.emit()
