"""The versions agents made for a task, one line each (agent, tier, price, score) with a thumbnail
of the version's first picture. Texts keep the ``ReviewWindow`` translation context."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.review.gallery import Bid
from app.review.version_words import tier_words
from app.server_text import isolate
from ui.i18n import translate
from ui.widgets.picture_shelf import THUMB, PictureShelf
from ui.widgets.version_text import agent, price_text, score_text

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def version_line(bid: Bid) -> str:
    tier = f" · {isolate(tier_words(bid.agent_tier))}" if bid.agent_tier else ""
    chosen = translate("ReviewWindow", "✓ Chosen — ") if bid.is_selected else ""
    return f"{chosen}{agent(bid)}{tier}\n{price_text(bid.bid_price_usd)} · {score_text(bid.eval_score, short=True)}"


class VersionList(QListWidget):
    """``currentVersionChanged(key)`` when the person moves to another version ("" for none)."""

    currentVersionChanged = Signal(str)

    def __init__(self, pictures: PictureShelf, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionList")
        self.setAccessibleName(translate("ReviewWindow", "Versions"))  # (again on a change of language)
        self.setIconSize(THUMB)
        self.setWordWrap(True)
        self.setSpacing(3)
        self._pictures = pictures
        self._thumbnail_of: dict[str, str] = {}  # version key → the url of its first picture
        pictures.changed.connect(self._picture_arrived)
        self.currentItemChanged.connect(lambda *_: self.currentVersionChanged.emit(self.current_key() or ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(translate("ReviewWindow", "Versions"))
        super().changeEvent(event)

    def show_versions(self, bids: list[Bid], thumbnails: dict[str, str], wanted: str | None) -> None:
        """One line per version; the ``wanted`` one (else the first) becomes current (no signal: the
        caller shows it)."""
        self._thumbnail_of = dict(thumbnails)
        self.blockSignals(True)
        self.clear()
        for bid in bids:
            item = QListWidgetItem(version_line(bid))
            item.setData(KEY_ROLE, bid.id)
            item.setSizeHint(QSize(0, THUMB.height() + 12))
            icon = self._pictures.thumbnail(thumbnails[bid.id]) if bid.id in thumbnails else None
            if icon is not None:
                item.setIcon(icon)
            self.addItem(item)
        if bids:
            self.setCurrentRow(next((i for i, bid in enumerate(bids) if bid.id == wanted), 0))
        self.blockSignals(False)

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def _picture_arrived(self, url: str) -> None:
        icon = self._pictures.thumbnail(url)
        if icon is None:
            return
        for row in range(self.count()):
            item = self.item(row)
            if self._thumbnail_of.get(item.data(KEY_ROLE)) == url:
                item.setIcon(icon)
