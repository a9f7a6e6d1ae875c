"""The card of one version: who made it, price, score, summary, the agent's message and what they
made (text as typed, pictures that open larger, links that open in the browser only when clicked).
Texts keep the ``ReviewWindow`` translation context."""

from __future__ import annotations

from functools import partial

import shiboken6
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from app.review.artifacts import Artifact
from app.review.gallery import Bid
from app.review.version_words import tier_words
from app.server_text import isolate, isolate_lines
from ui.i18n import fill, plain_tooltip, translate
from ui.widgets.accessibility import mark_expander
from ui.widgets.picture_shelf import PREVIEW, PictureShelf
from ui.widgets.plain_label import plain_label, section_label
from ui.widgets.version_text import agent, breakdown_text, more_details, price_text, score_text


def picture_title(bid: Bid) -> str:
    return fill(translate("ReviewWindow", "Picture by %1"), agent(bid))


class VersionCard(QWidget):
    """``pictureOpened(url, title)`` when a picture is clicked (to be shown larger)."""

    pictureOpened = Signal(str, object)  # url, title (ui.i18n.Words)

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
        tier = f" — {isolate(tier_words(bid.agent_tier))}" if bid.agent_tier else ""
        heading = plain_label(agent(bid) + tier, "cardAgent")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        add(heading)
        if bid.is_selected:
            add(plain_label(translate("ReviewWindow", "✓ You chose this version."), "cardChosen", selectable=False))
        add(plain_label(fill(translate("ReviewWindow", "Price: %1"), price_text(bid.bid_price_usd)), "cardPrice"))
        score = score_text(bid.eval_score)
        breakdown = breakdown_text(bid.eval_breakdown)
        add(plain_label(score + (f" — {breakdown}" if breakdown else ""), "cardScore"))
        if bid.prototype_summary:
            add(section_label(translate("ReviewWindow", "Summary")))
            add(plain_label(isolate_lines(bid.prototype_summary), "cardSummary"))
        if bid.agent_message:
            add(section_label(fill(translate("ReviewWindow", "Message from %1"), agent(bid))))
            add(plain_label(f"“{isolate_lines(bid.agent_message)}”", "cardMessage"))
        if artifacts:
            add(section_label(translate("ReviewWindow", "What they made")))
        for artifact in artifacts:
            add(self._artifact_widget(bid, artifact))
        self._add_more_details(bid)
        self._layout.addStretch(1)

    def _add_more_details(self, bid: Bid) -> None:
        """The version's values as sent, folded away (a "—" above is explained here)."""
        toggle = QToolButton()
        toggle.setObjectName("versionMoreDetails")
        toggle.setCheckable(True)
        mark_expander(toggle)  # before its text: setting that makes (and keeps) its interface if a reader listens
        toggle.setText(translate("ReviewWindow", "More details"))
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setArrowType(Qt.ArrowType.RightArrow)
        text = QPlainTextEdit(more_details(bid))
        text.setObjectName("versionMoreDetailsText")
        text.setReadOnly(True)
        text.setTabChangesFocus(True)
        text.setAccessibleName(translate("ReviewWindow", "More details of this version"))
        text.setMaximumHeight(160)
        text.hide()

        def unfold(shown: bool) -> None:
            text.setVisible(shown)
            toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

        toggle.toggled.connect(unfold)
        self._layout.addWidget(toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addWidget(text)

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
            label = plain_label(isolate_lines(artifact.text), "artifactText")
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
            title = partial(picture_title, bid)  # (said again in a new language)
            button.setAccessibleName(title() + (f": {isolate(artifact.name)}" if artifact.name else ""))
            button.setProperty("artifactName", isolate(artifact.name) if artifact.name else "Picture")
            button.clicked.connect(lambda: self.pictureOpened.emit(artifact.url, title))
            self._picture_buttons.setdefault(artifact.url, []).append(button)
            self._dress(button, artifact.url)
            return button
        name = isolate(artifact.name) if artifact.name else translate("ReviewWindow", "file")
        link = QPushButton(fill(translate("ReviewWindow", "Open %1 on %2"), name, isolate(artifact.host)))
        link.setObjectName("artifactLink")
        link.setToolTip(plain_tooltip(artifact.url))
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
