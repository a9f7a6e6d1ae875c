"""The pieces of the review window that show one version: its line in the list (text and
thumbnail), its card (price, score, message, what the agent made) and the larger picture viewer.

:class:`ReviewCard` is mixed into :class:`ui.windows.review.window.ReviewWindow`, which owns the state it
reads (the gallery, the list, the card layout, the pictures loaded so far); its texts keep the
``ReviewWindow`` translation context."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.review.artifacts import Artifact
from app.review.gallery import Bid, Gallery, breakdown_words, score_words
from ui.i18n import fill, money, translate

THUMB = QSize(96, 78)
PREVIEW = QSize(300, 244)
BID_ROLE = Qt.ItemDataRole.UserRole + 1


def plain_label(text: str = "", name: str = "", *, wrap: bool = True, selectable: bool = True) -> QLabel:
    """A label that shows text exactly as typed (never as HTML)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label


def _price(value: float | None) -> str:
    return "—" if value is None else money(value)


def _pixmap(data: bytes) -> QPixmap | None:
    pixmap = QPixmap()
    return pixmap if pixmap.loadFromData(data) and not pixmap.isNull() else None


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
        shown = (
            pixmap
            if pixmap.width() <= 900 and pixmap.height() <= 700
            else pixmap.scaled(900, 700, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
        if shown.width() < 400:
            shown = pixmap.scaled(
                600, 480, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        label.setPixmap(shown)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)


class ReviewCard:
    """The version list's lines and the card of the chosen version (mixed into ReviewWindow)."""

    versions: QListWidget
    card_layout: QVBoxLayout
    gallery: Gallery | None
    _artifacts: dict[str, list[Artifact]]
    _pixmaps: dict[str, QPixmap]
    _image_errors: dict[str, str]
    _card_images: dict[str, list[QToolButton]]

    _update_buttons: Callable[[], None]  # ReviewChoices'

    def _item_text(self, bid: Bid) -> str:
        tier = f" · {bid.agent_tier}" if bid.agent_tier else ""
        chosen = translate("ReviewWindow", "✓ Chosen — ") if bid.is_selected else ""
        return f"{chosen}{bid.agent}{tier}\n{_price(bid.bid_price_usd)} · {score_words(bid.eval_score, short=True)}"

    def _apply_image(self, url: str) -> None:
        pixmap = self._pixmaps.get(url)
        for row in range(self.versions.count()):
            item = self.versions.item(row)
            images = [a for a in self._artifacts.get(item.data(BID_ROLE), []) if a.kind == "image"]
            if pixmap is not None and images and images[0].url == url:
                item.setIcon(
                    QIcon(
                        pixmap.scaled(
                            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                        )
                    )
                )
        for button in self._card_images.get(url, []):
            if shiboken6.isValid(button):
                self._dress_image_button(button, url)

    # --- the card --------------------------------------------------------------------------------

    def current_bid(self) -> Bid | None:
        item = self.versions.currentItem()
        if item is None or self.gallery is None:
            return None
        bid_id = item.data(BID_ROLE)
        return next((b for b in self.gallery.bids if b.id == bid_id), None)

    def _clear_card(self) -> None:
        while self.card_layout.count():
            entry = self.card_layout.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.deleteLater()
        self._card_images = {}

    def _show_current(self) -> None:
        self._clear_card()
        bid = self.current_bid()
        self._update_buttons()
        if bid is None:
            return
        add = self.card_layout.addWidget
        heading = plain_label(bid.agent + (f" — {bid.agent_tier}" if bid.agent_tier else ""), "cardAgent")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        add(heading)
        if bid.is_selected:
            add(plain_label(translate("ReviewWindow", "✓ You chose this version."), "cardChosen", selectable=False))
        add(plain_label(fill(translate("ReviewWindow", "Price: %1"), _price(bid.bid_price_usd)), "cardPrice"))
        score = score_words(bid.eval_score)
        breakdown = breakdown_words(bid.eval_breakdown)
        add(plain_label(score + (f" — {breakdown}" if breakdown else ""), "cardScore"))
        if bid.prototype_summary:
            add(self._section(translate("ReviewWindow", "Summary")))
            add(plain_label(bid.prototype_summary, "cardSummary"))
        if bid.agent_message:
            add(self._section(fill(translate("ReviewWindow", "Message from %1"), bid.agent)))
            add(plain_label(f"“{bid.agent_message}”", "cardMessage"))
        artifacts = self._artifacts.get(bid.id, [])
        if artifacts:
            add(self._section(translate("ReviewWindow", "What they made")))
        for artifact in artifacts:
            add(self._artifact_widget(bid, artifact))
        self.card_layout.addStretch(1)

    @staticmethod
    def _section(text: str) -> QLabel:
        label = plain_label(text, selectable=False)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    def _artifact_widget(self, bid: Bid, artifact: Artifact) -> QWidget:
        if artifact.kind == "text":
            label = plain_label(artifact.text, "artifactText")
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setContentsMargins(6, 6, 6, 6)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            return label
        if artifact.kind == "image":
            button = QToolButton()
            button.setObjectName("artifactImage")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(PREVIEW)
            button.setAccessibleName(
                fill(translate("ReviewWindow", "Picture by %1"), bid.agent)
                + (f": {artifact.name}" if artifact.name else "")
            )
            button.clicked.connect(lambda: self.open_image(artifact.url, bid))
            self._card_images.setdefault(artifact.url, []).append(button)
            self._dress_image_button(button, artifact.url, artifact.name)
            return button
        name = artifact.name or translate("ReviewWindow", "file")
        link = QPushButton(fill(translate("ReviewWindow", "Open %1 on %2"), name, artifact.host))
        link.setObjectName("artifactLink")
        link.setToolTip(artifact.url)
        link.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(artifact.url)))
        return link

    def _dress_image_button(self, button: QToolButton, url: str, name: str = "") -> None:
        pixmap = self._pixmaps.get(url)
        label = name or button.property("artifactName") or "Picture"
        button.setProperty("artifactName", label)
        if pixmap is not None:
            button.setIcon(
                QIcon(
                    pixmap.scaled(
                        PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                    )
                )
            )
            button.setText(fill(translate("ReviewWindow", "%1 — click to see it larger"), label))
            button.setEnabled(True)
        elif url in self._image_errors:
            button.setText(f"{label}: {self._image_errors[url]}")
            button.setEnabled(False)
        else:
            button.setText(fill(translate("ReviewWindow", "%1: loading…"), label))
            button.setEnabled(False)

    def open_image(self, url: str, bid: Bid) -> ImageViewer | None:
        pixmap = self._pixmaps.get(url)
        if pixmap is None:
            return None
        viewer = ImageViewer(pixmap, fill(translate("ReviewWindow", "Picture by %1"), bid.agent), self)
        viewer.show()
        return viewer
