"""The card of one version: who made it, price, score, summary, the agent's message and what they
made (text as typed, pictures that open larger, links that open in the browser only when clicked).
Texts keep the ``ReviewWindow`` translation context."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QFrame, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from app.review.gallery import Artifact, Bid, breakdown_words, score_words
from ui.i18n import fill, translate
from ui.widgets.picture_shelf import PREVIEW, PictureShelf
from ui.widgets.plain_label import plain_label, section_label
from ui.widgets.version_text import price_text


def picture_title(bid: Bid) -> str:
    return fill(translate("ReviewWindow", "Picture by %1"), bid.agent)


class VersionCard(QWidget):
    """``pictureOpened(url, title)`` when a picture is clicked (to be shown larger)."""

    pictureOpened = Signal(str, str)

    def __init__(self, pictures: PictureShelf, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionCard")
        self._layout = QVBoxLayout(self)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._pictures = pictures
        self._picture_buttons: dict[str, list[QToolButton]] = {}
        pictures.changed.connect(self._picture_changed)

    def show_version(self, bid: Bid | None, artifacts: list[Artifact]) -> None:
        self._clear()
        if bid is None:
            return
        add = self._layout.addWidget
        heading = plain_label(bid.agent + (f" — {bid.agent_tier}" if bid.agent_tier else ""), "cardAgent")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        add(heading)
        if bid.is_selected:
            add(plain_label(translate("ReviewWindow", "✓ You chose this version."), "cardChosen", selectable=False))
        add(plain_label(fill(translate("ReviewWindow", "Price: %1"), price_text(bid.bid_price_usd)), "cardPrice"))
        score = score_words(bid.eval_score)
        breakdown = breakdown_words(bid.eval_breakdown)
        add(plain_label(score + (f" — {breakdown}" if breakdown else ""), "cardScore"))
        if bid.prototype_summary:
            add(section_label(translate("ReviewWindow", "Summary")))
            add(plain_label(bid.prototype_summary, "cardSummary"))
        if bid.agent_message:
            add(section_label(fill(translate("ReviewWindow", "Message from %1"), bid.agent)))
            add(plain_label(f"“{bid.agent_message}”", "cardMessage"))
        if artifacts:
            add(section_label(translate("ReviewWindow", "What they made")))
        for artifact in artifacts:
            add(self._artifact_widget(bid, artifact))
        self._layout.addStretch(1)

    def _clear(self) -> None:
        while self._layout.count():
            entry = self._layout.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:  # gone at once (deleted with the next turn of the event loop)
                widget.hide()
                widget.setObjectName("")
                widget.deleteLater()
        self._picture_buttons = {}

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
            title = picture_title(bid)
            button.setAccessibleName(title + (f": {artifact.name}" if artifact.name else ""))
            button.setProperty("artifactName", artifact.name or "Picture")
            button.clicked.connect(lambda: self.pictureOpened.emit(artifact.url, title))
            self._picture_buttons.setdefault(artifact.url, []).append(button)
            self._dress(button, artifact.url)
            return button
        name = artifact.name or translate("ReviewWindow", "file")
        link = QPushButton(fill(translate("ReviewWindow", "Open %1 on %2"), name, artifact.host))
        link.setObjectName("artifactLink")
        link.setToolTip(artifact.url)
        link.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(artifact.url)))
        return link

    def _picture_changed(self, url: str) -> None:
        for button in self._picture_buttons.get(url, []):
            if shiboken6.isValid(button):
                self._dress(button, url)

    def _dress(self, button: QToolButton, url: str) -> None:
        label = button.property("artifactName")
        preview = self._pictures.preview(url)
        error = self._pictures.error(url)
        if preview is not None:
            button.setIcon(QIcon(preview))
            button.setText(fill(translate("ReviewWindow", "%1 — click to see it larger"), label))
            button.setEnabled(True)
        elif error is not None:
            button.setIcon(QIcon())
            button.setText(f"{label}: {error}")
            button.setEnabled(False)
        else:
            button.setIcon(QIcon())
            button.setText(fill(translate("ReviewWindow", "%1: loading…"), label))
            button.setEnabled(False)
