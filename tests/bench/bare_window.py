"""The start-up baseline: a bare PySide6 window with a form like ours and an empty table.

Prints ``painted`` once the window has drawn itself the first time (as ``tests/bench/hooks.py`` does for
the app) and exits. No app code is imported: this is what any PySide6 program of this shape costs.

With ``BARE_CONNECT_URL`` set, it goes on after that first picture as the least a window on this
stack (httpx on a qasync event loop) must do before it can say "connected": import asyncio,
qasync and httpx (not even pydantic), ask the server at that address one ``GET /health`` (a plain
synchronous httpx client, no TLS: cheaper than any real client), then print ``painted``. ``ready_floor_ratio`` (tests/bench/test_startup.py)
times that against the plain first picture: a lower bound for ``ready_ratio`` that no app code
could go under."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QTableView,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.done)
        return False

    def done(self) -> None:
        url = os.environ.get("BARE_CONNECT_URL")
        if url:
            import asyncio  # noqa: F401  (what connecting on this stack needs, no more)

            import httpx
            import qasync  # noqa: F401

            with httpx.Client(verify=False) as client:
                client.get(url + "/health")
        sys.stdout.write("painted\n")
        sys.stdout.flush()
        os._exit(0)


def slider_and_box(low: float, high: float) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(int(low * 100), int(high * 100))
    box = QDoubleSpinBox()
    box.setRange(low, high)
    slider.valueChanged.connect(lambda v: box.setValue(v / 100))
    layout.addWidget(slider, 1)
    layout.addWidget(box)
    return row


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare PySide6")
    form = QWidget()
    fields = QFormLayout(form)
    fields.addRow("&What do you need?", QLineEdit())
    fields.addRow("&Describe it", QPlainTextEdit())
    for label in ("&Category", "Task &type"):
        box = QComboBox()
        box.addItems([f"Choice {i}" for i in range(12)])
        fields.addRow(label, box)
    fields.addRow("&Budget", slider_and_box(3, 300))
    fields.addRow("E&xperimentation", slider_and_box(0, 1))
    requirements = QTableWidget(0, 2)
    requirements.setHorizontalHeaderLabels(["Name", "Value"])
    fields.addRow("&Requirements", requirements)
    fields.addRow("Brand &kit ID", QLineEdit())
    fields.addRow(QPushButton("&Send task"))
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(form)

    page = QWidget()
    page_layout = QVBoxLayout(page)
    bar = QHBoxLayout()
    show = QComboBox()
    show.addItems(["All tasks", "In progress", "Needs my review", "Finished"])
    bar.addWidget(QLabel("Show:"))
    bar.addWidget(show)
    bar.addWidget(QLineEdit(), 1)
    bar.addWidget(QPushButton("Refresh"))
    page_layout.addLayout(bar)
    model = QStandardItemModel(0, 6)
    model.setHorizontalHeaderLabels(["Title", "Category / Type", "Budget", "Status", "Created", "Next step"])
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    split = QSplitter(Qt.Orientation.Vertical)
    split.addWidget(table)
    split.addWidget(QPlainTextEdit())
    page_layout.addWidget(split, 1)
    tabs = QTabWidget()
    tabs.addTab(page, "Your tasks")
    tabs.addTab(QWidget(), "Drafts")
    main_split = QSplitter()
    main_split.addWidget(scroll)
    main_split.addWidget(tabs)
    window.setCentralWidget(main_split)
    window.statusBar().addWidget(QLabel("Connecting…"), 1)
    window.menuBar().addMenu("&File").addAction("&Quit", window.close)
    window.menuBar().addMenu("&View")
    window.resize(1180, 720)
    painted = FirstPaint(window)
    window.installEventFilter(painted)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
