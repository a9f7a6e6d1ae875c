"""The right side's tabs (ui/widgets/steady_tabs.py): a tab's title changing ("Drafts (199)" after
"Drafts (200)") paints the tab bar, not the page under it; a title of another width lays the tabs
out again; a page that needs more room still makes the tab widget ask for it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from tests.ui.helpers import Paints
from ui.widgets.steady_tabs import SteadyTabWidget


def settle() -> None:
    for _ in range(5):  # posted layout requests and the paint they ask for
        QApplication.processEvents()


def shown_tabs(qtbot) -> tuple[SteadyTabWidget, QWidget, Paints, Paints]:
    tabs = SteadyTabWidget()
    page = QWidget()
    QVBoxLayout(page).addWidget(QLabel("the tasks"))
    tabs.addTab(page, "Your tasks")
    tabs.addTab(QLabel("drafts"), "Drafts (200)")
    qtbot.addWidget(tabs)
    tabs.resize(500, 300)
    tabs.show()
    qtbot.waitExposed(tabs)
    settle()
    return tabs, page, Paints(page), Paints(tabs.tabBar())


def test_a_title_of_the_same_width_paints_the_tab_bar_alone(qtbot) -> None:
    tabs, page, page_paints, bar_paints = shown_tabs(qtbot)
    before = page.geometry()
    tabs.setTabText(1, "Drafts (199)")
    qtbot.waitUntil(lambda: bar_paints.count > 0)
    settle()
    assert tabs.tabText(1) == "Drafts (199)" and tabs.tabBar().tabText(1) == "Drafts (199)"
    assert page_paints.count == 0
    assert page.geometry() == before


def test_a_title_of_another_width_lays_the_tabs_out_again(qtbot) -> None:
    tabs, page, _, bar_paints = shown_tabs(qtbot)
    bar = tabs.tabBar()
    width = bar.tabRect(1).width()
    tabs.setTabText(1, "Drafts (200,000 and a long word)")
    qtbot.waitUntil(lambda: bar.tabRect(1).width() > width)
    qtbot.waitUntil(lambda: bar.geometry().width() >= bar.tabRect(0).width() + bar.tabRect(1).width())
    tabs.setTabText(1, "Drafts")
    qtbot.waitUntil(lambda: bar.tabRect(1).width() < width)
    assert page.isVisible()


def test_a_page_that_needs_more_room_still_asks_for_it(qtbot) -> None:
    tabs, page, _, _ = shown_tabs(qtbot)
    before = tabs.minimumSizeHint().height()
    page.layout().addWidget(grown := QLabel("taller"))
    grown.setMinimumHeight(before + 200)
    qtbot.waitUntil(lambda: tabs.minimumSizeHint().height() > before + 200)
    qtbot.waitUntil(lambda: page.height() >= before + 200 or tabs.height() < before + 200)
