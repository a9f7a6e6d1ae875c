"""What Qt's accessibility layer reports (the same interfaces a screen reader reads through AT-SPI;
tests/ui/test_screen_reader.py reads them over the real bus where Xvfb and at-spi are installed):
windows are windows, expanders are expanders, dividers are dividers, no unnamed stop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QSizeGrip, QSplitterHandle, QTabWidget, QToolButton

from app.api.schema import Task
from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.ui.accessibility import accessible_name, focusable_widgets
from tests.ui.helpers import find, open_window, parts
from ui.windows.review.window import ReviewWindow


def interface(widget):
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None
    return found


def test_the_review_window_is_announced_as_a_window_by_its_title(qtbot) -> None:
    now = datetime.now(UTC)
    window = ReviewWindow(Task(id="t", title="Logo", status="review", created_at=now, expires_at=now + timedelta(1)))
    qtbot.addWidget(window)
    window.show()
    review = interface(window)
    assert review.role() == QAccessible.Role.Window  # not a "filler" (Client)
    assert review.text(QAccessible.Text.Name) == "Review: Logo"
    unnamed = [type(w).__name__ for w in focusable_widgets(window) if not accessible_name(w)]
    assert not unnamed, unnamed  # (the version's scrolling pane included)


async def test_expanders_dividers_and_the_tab_area_of_the_main_window(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        for toggle in (ui.form.more_toggle, ui.tasks.more_toggle, ui.banner.toggle):
            said = interface(toggle)
            assert said.role() == QAccessible.Role.Button, toggle.text()  # not a check box
            state = said.state()
            assert state.expandable and state.collapsed and not state.expanded and not state.checkable
        ui.form.more_toggle.click()
        state = interface(ui.form.more_toggle).state()
        assert state.expanded and not state.collapsed
        handles = window.findChildren(QSplitterHandle)
        assert handles and all(interface(h).role() == QAccessible.Role.Separator for h in handles)
        assert all(interface(h).text(QAccessible.Text.Name) for h in handles)
        assert not window.statusBar().findChildren(QSizeGrip)  # heard as "unknown"
        assert accessible_name(find(window, QTabWidget, "rightTabs"))
        assert not [w for w in window.statusBar().findChildren(type(ui.outbox_label)) if w.isVisible() and not w.text()]
        assert "Optional" not in ui.form.title.accessibleDescription()  # the screen does not say so


def test_a_versions_more_details_is_an_expander_when_a_screen_reader_is_already_listening(qtbot) -> None:
    """With a screen reader running, Qt makes (and keeps) a button's accessible interface the moment
    its text is set; the version card's "More details", made while the review is open, was then
    announced as a check box (seen through AT-SPI on a real desktop)."""
    from app.review.gallery import Bid
    from ui.widgets.accessibility import install
    from ui.widgets.picture_shelf import PictureShelf
    from ui.widgets.version_card import VersionCard

    install()  # (as the app does before its first window)
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)  # as when the accessibility bus is up
    try:
        card = VersionCard(PictureShelf())
        qtbot.addWidget(card)
        card.show_version(Bid(id="b1", agent_name="Nova Studio", bid_price_usd=9.5), [])
        [toggle] = [b for b in card.findChildren(QToolButton) if b.objectName() == "versionMoreDetails"]
        said = interface(toggle)
        assert said.role() == QAccessible.Role.Button, "announced as a check box"
        state = said.state()
        assert state.expandable and state.collapsed and not state.checkable
    finally:
        QAccessible.setActive(was_active)
