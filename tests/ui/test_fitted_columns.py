"""The tasks table's columns are fitted to what they show before the table is first drawn: the
first picture has its final columns (no jump a moment later), and no second picture of the whole
table follows it (at start that second picture came while the window's imports held Python)."""

from __future__ import annotations

from tests.ui.helpers import Paints
from tests.ui.test_tasks_model import make
from ui.panels.tasks import TasksPanel
from ui.widgets.viewport import viewport_of


def test_the_columns_are_fitted_before_the_first_picture(qtbot) -> None:
    panel = TasksPanel()
    qtbot.addWidget(panel)
    panel.set_tasks([make(f"A rather long title for task number {n}", created_h=n) for n in range(40)])
    panel.resize(1000, 500)
    header = panel.table.horizontalHeader()
    paints = Paints(viewport_of(panel.table))
    panel.show()
    qtbot.waitUntil(lambda: paints.count > 0)
    first = [header.sectionSize(column) for column in range(header.count())]
    painted = paints.count
    qtbot.wait(300)  # longer than the fitter's pause: a fit still due would have come by now
    assert [header.sectionSize(column) for column in range(header.count())] == first
    assert paints.count == painted, "the whole table was drawn again after its first picture"
    assert first != [header.defaultSectionSize()] * header.count()  # (fitted, not Qt's defaults)
