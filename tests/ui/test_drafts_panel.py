"""The drafts list updates the one draft that changed, keeping the selection and the other items."""

from __future__ import annotations

import time

from app.store.drafts_table import DRAFT, UNKNOWN, WAITING, DraftRecord
from ui.panels.drafts import ID_ROLE, DraftsPanel


def record(draft_id: str, title: str, updated: float, state: str = DRAFT) -> DraftRecord:
    return DraftRecord(draft_id, {"title": title}, created_at=updated, updated_at=updated, state=state)


def ids(panel: DraftsPanel) -> list[str]:
    return [panel.list.item(i).data(ID_ROLE) for i in range(panel.list.count())]


def test_an_autosave_updates_its_item_and_moves_it_to_the_top(qtbot) -> None:
    panel = DraftsPanel()
    qtbot.addWidget(panel)
    now = time.time()
    panel.set_drafts(
        [record("c", "Third", now - 10), record("b", "Second", now - 20), record("a", "First", now - 30)],
        current_id="a",
    )
    items = {i: panel.list.item(n) for n, i in enumerate(ids(panel))}
    assert "First (open in the form)" in items["a"].text()
    panel.list.setCurrentItem(items["b"])
    assert panel.buttons["open"].isEnabled()

    panel.update_draft(record("a", "First, edited", now), current_id="a")
    assert ids(panel) == ["a", "c", "b"]
    assert panel.list.item(0).text().startswith("First, edited (open in the form)")
    assert panel.selected_id() == "b"  # the selection stayed where the person put it
    assert [panel.list.item(n) for n in range(3)] == [items["a"], items["c"], items["b"]]  # no item rebuilt

    panel.update_draft(record("b", "Second", now - 20, state=WAITING), current_id="a")  # a state change
    assert ids(panel) == ["a", "c", "b"] and "Waiting to send" in items["b"].text()
    assert panel.buttons["takeBack"].isVisibleTo(panel)  # the selected draft's buttons follow its state

    panel.update_draft(record("d", "Brand new", now + 1), current_id="d")  # a new draft opened in the form
    assert ids(panel) == ["d", "a", "c", "b"]
    assert "(open in the form)" in panel.list.item(0).text() and "(open in the form)" not in items["a"].text()

    panel.remove_draft("c")
    assert ids(panel) == ["d", "a", "b"] and panel.count() == 3 and panel.selected_id() == "b"


def test_the_full_list_reuses_items_when_the_order_is_unchanged(qtbot) -> None:
    panel = DraftsPanel()
    qtbot.addWidget(panel)
    now = time.time()
    records = [record("b", "Two", now), record("a", "One", now - 5)]
    panel.set_drafts(records)
    before = [panel.list.item(n) for n in range(2)]
    panel.list.setCurrentRow(1)
    panel.set_drafts([record("b", "Two", now), record("a", "One", now - 5, state=UNKNOWN)])
    assert [panel.list.item(n) for n in range(2)] == before and panel.selected_id() == "a"
    assert "Not sure it was sent" in before[1].text() and panel.buttons["sendAgain"].isVisibleTo(panel)
    panel.set_drafts([])
    assert panel.list.count() == 0 and panel.empty.isVisibleTo(panel)


def test_each_draft_is_told_apart_from_the_next(qtbot) -> None:
    from PySide6.QtGui import QPalette

    panel = DraftsPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 300)
    now = time.time()
    panel.set_drafts([record("b", "Second", now - 20), record("a", "First", now - 30)])
    panel.show()
    qtbot.waitExposed(panel)
    first, second = (panel.list.visualItemRect(panel.list.item(n)) for n in range(2))
    assert first.height() > 2 * panel.list.fontMetrics().lineSpacing()  # room around its two lines
    image = panel.list.viewport().grab().toImage()
    divider = panel.list.palette().color(QPalette.ColorRole.Mid)
    line = [image.pixelColor(x, first.bottom()) for x in range(10, first.width() - 10, 7)]
    assert line and all(c.rgb() == divider.rgb() for c in line)  # a line between the two drafts
    background = (
        image.pixelColor(first.width() - 3, first.top() + 2),
        image.pixelColor(second.width() - 3, second.top() + 2),
    )
    assert background[0] != background[1]  # and alternating backgrounds
