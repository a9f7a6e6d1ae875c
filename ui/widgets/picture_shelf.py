"""The pictures one view has been given: a preview-size copy of each, or why it could not be shown.

A view keeps only these small copies; the larger picture is asked for when it is opened (the
controller keeps the decoded pictures, under a cap, for every window at once)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap

THUMB = QSize(96, 78)
PREVIEW = QSize(300, 244)


def fitted(pixmap: QPixmap, size: QSize) -> QPixmap:
    return pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class PictureShelf(QObject):
    """url → preview (at most :data:`PREVIEW`) or a short reason; ``changed(url)`` on each news."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previews: dict[str, QPixmap] = {}
        self._errors: dict[str, str] = {}

    def put(self, url: str, pixmap: QPixmap) -> None:
        self._previews[url] = fitted(pixmap, PREVIEW)
        self._errors.pop(url, None)
        self.changed.emit(url)

    def fail(self, url: str, reason: str) -> None:
        self._previews.pop(url, None)
        self._errors[url] = reason
        self.changed.emit(url)

    def forget_failures(self) -> list[str]:
        """Failed pictures become "loading…" again (Refresh tries them once more); returns their urls."""
        urls = list(self._errors)
        self._errors.clear()
        for url in urls:
            self.changed.emit(url)
        return urls

    def preview(self, url: str) -> QPixmap | None:
        return self._previews.get(url)

    def error(self, url: str) -> str | None:
        return self._errors.get(url)

    def known(self, url: str) -> bool:
        """Shown or failed: nothing more to wait for."""
        return url in self._previews or url in self._errors

    def thumbnail(self, url: str) -> QIcon | None:
        """The picture, small, drawn as it is on a selected line too (Qt would tint it with the
        selection's colour, changing the very colours the person is judging)."""
        preview = self._previews.get(url)
        if preview is None:
            return None
        small = fitted(preview, THUMB)
        icon = QIcon(small)
        icon.addPixmap(small, QIcon.Mode.Selected)
        return icon
