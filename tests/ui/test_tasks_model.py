"""The table model: Qt's model tester, sorting by real values, filters, expiry words."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTableView

from app.api.schema import Task
from ui.i18n import clock_when
from ui.models.status_icons import status_icon
from ui.models.task_details import task_details
from ui.models.task_rows import COLUMNS, NEXT_STEP_COLUMN, STATUS_COLUMN, TASK_ID_ROLE, TaskRow, search_text
from ui.models.tasks_model import TasksTableModel
from ui.models.tasks_proxy import FILTERS, TasksFilterProxy

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def make(
    title: str,
    status: str = "open",
    budget: float = 10,
    created_h: float = 0,
    expires_h: float = 2,
    description: str = "",
) -> Task:
    return Task(
        id=str(uuid.uuid4()),
        title=title,
        status=status,
        budget_usd=budget,
        description=description,
        category="graphics-design",
        task_type="logo-design",
        created_at=NOW - timedelta(hours=created_h),
        expires_at=NOW + timedelta(hours=expires_h),
    )


@pytest.fixture
def clock() -> list[datetime]:
    return [NOW]


@pytest.fixture
def model(clock: list[datetime]) -> TasksTableModel:
    model = TasksTableModel(clock=lambda: clock[0])
    model.set_tasks(
        [
            make("Banner", "review", budget=100, created_h=1, expires_h=0.5),
            make("apple logo", "open", budget=9.5, created_h=3, expires_h=5, description="green and red"),
            make("Copy", "completed", budget=10, created_h=2, expires_h=-30),
            make("Odd", "on_hold", budget=300, created_h=0.5, expires_h=1.5),
        ]
    )
    return model


def column(header: str) -> int:
    return [c.header for c in COLUMNS].index(header)


def shown(proxy: TasksFilterProxy, header: str = "Title") -> list[str]:
    return [proxy.index(r, column(header)).data() for r in range(proxy.rowCount())]


def test_qt_model_tester_finds_no_fault(qtmodeltester, model: TasksTableModel) -> None:
    qtmodeltester.check(model, force_py=True)
    model.upsert(make("New"))
    model.replace_pending([Task(id="outbox:x", status="outbox:waiting", title="Queued")])
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize(
    ("header", "ascending"),
    [
        ("Title", ["apple logo", "Banner", "Copy", "Odd"]),
        ("Budget", ["apple logo", "Copy", "Banner", "Odd"]),  # 9.50 < 10 < 100 < 300: numbers, not text
        ("Created", ["apple logo", "Copy", "Banner", "Odd"]),
        ("Next step", ["Copy", "Banner", "Odd", "apple logo"]),
        ("Status", ["Copy", "Odd", "apple logo", "Banner"]),  # by label: Completed, On hold, Posted, Ready…
    ],
)
def test_sorting_uses_real_values(model: TasksTableModel, header: str, ascending: list[str]) -> None:
    proxy = TasksFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(column(header), Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == ascending
    proxy.sort(column(header), Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == list(reversed(ascending))


def test_filters_by_group_and_text(model: TasksTableModel) -> None:
    proxy = TasksFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(column("Title"), Qt.SortOrder.AscendingOrder)
    proxy.set_group("review")
    assert shown(proxy) == ["Banner"]
    proxy.set_group("finished")
    assert shown(proxy) == ["Copy"]
    proxy.set_group("active")
    assert shown(proxy) == ["apple logo", "Odd"]  # an unknown status counts as still going
    proxy.set_group("all")
    proxy.set_text("RED")  # in the description
    assert shown(proxy) == ["apple logo"]
    proxy.set_text("")
    assert len(shown(proxy)) == 4


def test_cells_show_words_money_and_expiry(model: TasksTableModel, qapp) -> None:
    row = model.row_of(model.tasks()[0].id)
    assert row is not None
    data = {c.header: model.index(row, i).data() for i, c in enumerate(COLUMNS)}
    assert data["Budget"] == "$100.00"
    assert data["Status"] == "Ready for your review"  # the mark is an icon now, not a glyph (deliberately changed)
    status_index = model.index(row, STATUS_COLUMN)
    assert status_index.data(Qt.ItemDataRole.DecorationRole).cacheKey() == status_icon("review").cacheKey()
    assert data["Category / Type"] == "Graphics & Design › Logo design"  # the taxonomy's names, as in the form
    assert data["Next step"] == "review closes in 30 min"  # the step, not "expires": nothing is lost then
    assert model.index(row, NEXT_STEP_COLUMN).data(Qt.ItemDataRole.FontRole).bold()  # under an hour
    expiry_tip = model.index(row, NEXT_STEP_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    exact = (NOW + timedelta(hours=0.5)).astimezone().strftime("%d %b %Y, %H:%M")
    assert expiry_tip.splitlines() == [
        f"Review closes {exact}",
        "If no version is chosen by then, the task expires and no money is taken.",
    ]
    later = model.row_of(model.tasks()[1].id)  # an open task: its first versions are due in 5 h
    assert later is not None
    assert model.index(later, NEXT_STEP_COLUMN).data() == "first versions due " + clock_when(NOW + timedelta(hours=5))
    finished = model.row_of(model.tasks()[2].id)
    assert finished is not None
    assert model.index(finished, NEXT_STEP_COLUMN).data() == ""  # no countdown when final
    odd = model.row_of(model.tasks()[3].id)
    assert odd is not None
    assert model.index(odd, column("Status")).data() == "On hold"  # a status added later, in its own words
    assert model.index(odd, NEXT_STEP_COLUMN).data() == "next step by " + clock_when(NOW + timedelta(hours=1.5))
    assert model.index(odd, NEXT_STEP_COLUMN).data(Qt.ItemDataRole.FontRole) is None  # 1.5 h: no warning


def test_clock_tick_updates_only_the_expires_column_without_reset(
    model: TasksTableModel, clock: list[datetime], qtbot
) -> None:
    changes: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda a, b, roles=(): changes.append((a.column(), b.column())))
    model.modelReset.connect(lambda: resets.append(True))
    clock[0] = NOW + timedelta(hours=1)
    model.refresh_expiry_words()
    assert changes == [(NEXT_STEP_COLUMN, NEXT_STEP_COLUMN)] and not resets
    row = model.row_of(model.tasks()[0].id)
    assert row is not None
    past = clock_when(NOW + timedelta(hours=0.5))
    assert model.index(row, NEXT_STEP_COLUMN).data() == f"review closed {past}"


def test_server_text_is_shown_literally() -> None:
    evil = make('<img src=x onerror="alert(1)"><a href="http://x">click</a>', description="<b>bold?</b>")
    model = TasksTableModel(clock=lambda: NOW)
    model.set_tasks([evil])
    assert model.index(0, 0).data() == evil.title
    tooltip = QTextDocument()
    tooltip.setHtml(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert tooltip.toPlainText() == evil.title  # shown as typed, not as a picture or a link
    details = task_details(
        evil.model_copy(
            update={
                "requirements": {"tone": "<i>x</i>"},
                "attachments": ["a.png"],
                "compute_budget": 2.0,
                "prototype_tier": 2,
            }
        )
    )
    assert evil.title in details and "<b>bold?</b>" in details and "tone: <i>x</i>" in details
    assert "Compute budget: $2.00" in details and "Prototype tier: 2" in details and "a.png" in details


def _key_of(header: str):
    return COLUMNS[column(header)].sort_key


def _expected(model: TasksTableModel, proxy: TasksFilterProxy, group: str, needle: str) -> list[str]:
    """What the proxy should show, worked out the slow, obvious way."""
    rows = [model.row(r) for r in range(model.rowCount())]
    test = FILTERS[group][1]
    return sorted(r.id for r in rows if test(r.status) and needle.casefold() in search_text(r).casefold())


def test_proxy_follows_every_kind_of_change_like_a_fresh_filter_and_sort(qtmodeltester, qtbot) -> None:
    """Random inserts, updates, outbox changes, pages, sorts and filters: after each, the proxy shows
    exactly the rows a brute-force filter and sort would, and Qt's model tester sees no fault."""
    rng = random.Random(13)
    statuses = ["open", "review", "completed", "expired", "matching", "disputed"]
    model = TasksTableModel(clock=lambda: NOW)
    model.set_tasks(
        [
            make(f"Task {i}", rng.choice(statuses), budget=rng.randint(3, 50), created_h=rng.random() * 50)
            for i in range(40)
        ]
    )
    proxy = TasksFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    view = QTableView()
    view.setModel(proxy)
    group, needle, sort = "all", "", (column("Created"), Qt.SortOrder.DescendingOrder)
    proxy.sort(*sort)
    for step in range(300):
        action = rng.randrange(8)
        if action == 0:
            model.upsert(
                make(f"New {step}", rng.choice(statuses), budget=rng.randint(3, 50), created_h=rng.random() * 50)
            )
        elif action == 1 and model.task_count():
            old = model.tasks()[rng.randrange(model.task_count())].to_task()
            model.upsert(old.model_copy(update={"status": rng.choice(statuses), "budget_usd": rng.randint(3, 50)}))
        elif action == 2:
            model.replace_pending(
                [
                    Task(
                        id=f"outbox:{step}-{i}",
                        status="outbox:waiting",
                        title=f"Queued {i}",
                        budget_usd=rng.randint(3, 50),
                    )
                    for i in range(rng.randrange(3))
                ]
            )
        elif action == 3:
            page = [
                make(
                    f"Page {step} {i}",
                    rng.choice(statuses),
                    budget=rng.randint(3, 50),
                    created_h=50 + step + rng.random(),
                )
                for i in range(rng.randrange(1, 30))
            ]
            model.append_rows([TaskRow.from_task(task) for task in page])
        elif action == 4:
            sort = (
                rng.randrange(len(COLUMNS)),
                rng.choice([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]),
            )
            proxy.sort(*sort)
        elif action == 5:
            group = rng.choice(list(FILTERS))
            proxy.set_group(group)
        elif action == 6:
            needle = rng.choice(["", "task", "task 1", "task 12", "new", "page 1", "q", "T"])
            proxy.set_text(needle)
        else:
            model.refresh_expiry_words()
        shown_rows = [proxy.row(r) for r in range(proxy.rowCount())]
        assert sorted(r.id for r in shown_rows) == _expected(model, proxy, group, needle), step
        keys = [COLUMNS[sort[0]].sort_key(r) for r in shown_rows]
        assert keys == sorted(keys, reverse=sort[1] == Qt.SortOrder.DescendingOrder), step
        assert view.verticalHeader().count() == proxy.rowCount()
        for r in (0, proxy.rowCount() - 1) if proxy.rowCount() else ():
            source = proxy.mapToSource(proxy.index(r, 2))
            assert source.data(TASK_ID_ROLE) == proxy.index(r, 2).data(TASK_ID_ROLE)
            assert proxy.mapFromSource(source).row() == r


def test_selection_stays_on_its_task_through_search_sort_and_updates(model: TasksTableModel, qtbot) -> None:
    proxy = TasksFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(column("Status"), Qt.SortOrder.AscendingOrder)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    apple = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "apple logo")
    view.selectRow(apple)

    def selected() -> str:
        return view.currentIndex().data(TASK_ID_ROLE) and view.model().index(view.currentIndex().row(), 0).data()

    proxy.set_text("l")  # apple logo and Banner... Banner has no "l": the selection follows apple
    assert selected() == "apple logo"
    proxy.sort(column("Budget"), Qt.SortOrder.DescendingOrder)
    assert selected() == "apple logo"
    row = model.row_of(model.tasks()[1].id)
    assert row is not None
    model.upsert(model.task(row).model_copy(update={"status": "review", "budget_usd": 500}))  # moves to the top
    assert selected() == "apple logo" and view.currentIndex().row() == 0
    proxy.set_text("zzz")
    assert proxy.rowCount() == 0 and not view.currentIndex().isValid()


async def test_background_load_appends_the_stores_pages_in_order_and_gives_the_loop_turns(tmp_path) -> None:
    import asyncio

    from app.store.repository import Store
    from ui.models.background_load import load_in_background

    store = Store.in_dir(tmp_path)
    made = [make(f"T{i}", created_h=i) for i in range(30)]  # T0 newest
    store.upsert_tasks(made)
    pages = store.task_row_pages(first=5, size=4)
    model = TasksTableModel(clock=lambda: NOW, details=store.get_task)
    model.set_tasks([TaskRow(*fields) for fields in next(pages)])
    proxy = TasksFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(column("Created"), Qt.SortOrder.DescendingOrder)
    model.upsert(made[12])  # arrived meanwhile (e.g. refreshed): not added twice
    turns = []

    async def other_work() -> None:
        while True:
            turns.append(proxy.rowCount())
            await asyncio.sleep(0)

    beside = asyncio.ensure_future(other_work())
    loaded = await load_in_background(model, pages, slice_seconds=0)
    beside.cancel()
    assert loaded == 25 and model.task_count() == 30
    assert shown(proxy) == [f"T{i}" for i in range(30)]
    assert len(set(turns)) > 3  # the loop ran between pages, seeing the table grow
    row = model.row_of(made[3].id)
    assert row is not None
    full = model.task(row)
    assert full == made[3]  # the details come from the store in full
    store.close()


def test_a_cell_shows_only_its_own_icon_colour_and_font_as_the_view_paints_them(qtbot) -> None:
    """The view asks every role of a cell at once and reuses what it asked with from cell to cell: a
    title cell after a status cell (an icon) or a "closes soon" cell (bold, a warning colour) must not
    show their icon, colour or font."""
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    table = TasksTableModel(clock=lambda: NOW)
    table.set_tasks([make("Banner", "review", expires_h=0.05), make("Copy", "completed")])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(table)
    delegate = QStyledItemDelegate(view)
    plain = QStyleOptionViewItem()
    delegate.initStyleOption(plain, table.index(1, column("Title")))
    text = plain.palette.ColorRole.Text
    for before in (table.index(0, STATUS_COLUMN), table.index(0, NEXT_STEP_COLUMN)):
        for index in (table.index(1, column("Title")), table.index(1, column("Category / Type"))):
            option = QStyleOptionViewItem()  # a fresh option per cell, as paint() makes; the delegate's
            delegate.initStyleOption(option, before)  # own buffer of roles is what goes from cell to cell
            assert not option.icon.isNull() or option.font.bold()  # what could spill over
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            assert option.icon.isNull(), f"column {index.column()} shows another cell's icon"
            assert not option.font.bold(), f"column {index.column()} shows another cell's bold"
            assert option.palette.color(text) == plain.palette.color(text), f"column {index.column()}'s colour"


def test_details_follow_the_current_task_and_not_other_rows(qtbot) -> None:
    """The details below the table show the current task: its own update shows there; another
    task's update leaves them as they are (they are not drawn again for every row that changes)."""
    from ui.panels.tasks import TasksPanel

    apple, banner = make("apple logo", created_h=1), make("Banner", created_h=2)
    panel = TasksPanel()
    qtbot.addWidget(panel)
    panel.set_tasks([apple, banner])
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data() == "apple logo")
    panel.table.selectRow(row)
    assert "apple logo" in panel.details.toPlainText()
    panel.details.setPlainText("marker")  # what a redraw would replace
    panel.model.upsert(banner.model_copy(update={"status": "review"}))
    assert panel.details.toPlainText() == "marker"
    panel.model.upsert(apple.model_copy(update={"title": "apple logo, greener"}))
    assert "apple logo, greener" in panel.details.toPlainText()


def test_words_kept_for_a_row_follow_the_language(model: TasksTableModel, qapp) -> None:
    """Money, dates and status words are made once for a row and kept (a paint asks for them again
    and again); another locale, or a new language (the model told to say its words again), makes
    them again."""
    from PySide6.QtCore import QLocale

    from ui.i18n import install_translations, remove_translations

    row = model.row_of(model.tasks()[0].id)
    assert row is not None
    budget, status, created = (model.index(row, column(h)) for h in ("Budget", "Status", "Created"))
    english = [budget.data(), status.data(), created.data()]
    assert english[:2] == ["$100.00", "Ready for your review"]
    assert [budget.data(), status.data(), created.data()] == english  # (kept)
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert budget.data() == "100,00\xa0$"
        assert created.data() != english[2]
        QLocale.setDefault(before)
        assert [budget.data(), status.data(), created.data()] == english
        install_translations(qapp, {"LANG": "en_US.UTF-8"}, choice="de")
        QLocale.setDefault(before)  # only the app's words change: kept ones are made again when told
        model.retranslate()
        assert status.data() not in ("", english[1])
    finally:
        remove_translations(qapp)
        QLocale.setDefault(before)
        model.retranslate()
    assert [budget.data(), status.data(), created.data()] == english
