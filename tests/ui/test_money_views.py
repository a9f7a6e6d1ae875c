"""Money views in the window: the Spending window's numbers for 200 tasks over 14 months equal sums
worked out here from the task list, and each opens its tasks in the table; the monthly limit is
asked about, naming the numbers; Export tasks… writes what the table holds (or shows); a task's ID
and link are copied from its context menu."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QDoubleSpinBox, QFileDialog, QLabel, QLineEdit, QWidget

from app.api.schema import Task
from app.store.repository import Store
from tests.conftest import wait_until
from tests.ui.helpers import confirmation, find, open_window, parts, press, trigger
from ui.windows.settings import SettingsDialog
from ui.windows.spending import SpendingWindow

KINDS = ("committed", "paid", "refunded", "open")
STATUSES = ["open", "prototyping", "review", "delivering", "completed", "expired", "cancelled"]


def months_back(today: date, n: int) -> tuple[int, int]:
    year, month = today.year, today.month - n
    while month < 1:
        year, month = year - 1, month + 12
    return year, month


def seeded_tasks(count: int, months: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    today = date.today()
    tasks = []
    for i in range(count):
        year, month = months_back(today, i % months if i < months else rng.randrange(months))
        posted = datetime(year, month, rng.randint(1, 28), rng.randint(8, 20), rng.randint(0, 59)).astimezone()
        if posted > datetime.now().astimezone():
            posted = datetime.now().astimezone() - timedelta(minutes=5)
        budget = round(rng.uniform(3, 300), 2)
        status = rng.choice(STATUSES)
        task: dict[str, Any] = {
            "id": f"00000000-0000-4000-8000-{i:012d}",
            "status": status,
            "title": f"Task {i}",
            "budget_usd": budget,
            "category": "data",
            "task_type": "data-analysis",
            "created_at": posted.astimezone(UTC).isoformat(),
            "expires_at": (posted + timedelta(days=1)).astimezone(UTC).isoformat(),
        }
        if status == "completed" and rng.random() < 0.5:
            task["paid_usd"] = round(rng.uniform(3, budget), 2)
            task["refunded_usd"] = round(budget - task["paid_usd"], 2)
        tasks.append(task)
    return tasks


def expected_sums(tasks: list[dict[str, Any]]) -> tuple[dict[str, dict[str, Decimal]], dict[str, dict[str, set[str]]]]:
    """Per local month ("2026-03"), worked out from the task list without the app's code."""
    sums: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    ids: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for task in tasks:
        month = datetime.fromisoformat(task["created_at"]).astimezone().strftime("%Y-%m")
        budget = Decimal(str(task["budget_usd"]))
        sums[month]["committed"] += budget
        ids[month]["committed"].add(task["id"])
        if task["status"] == "completed":
            sums[month]["paid"] += Decimal(str(task.get("paid_usd", task["budget_usd"])))
            sums[month]["refunded"] += Decimal(str(task.get("refunded_usd", 0)))
            ids[month]["paid"].add(task["id"])
            if task.get("refunded_usd"):
                ids[month]["refunded"].add(task["id"])
        elif task["status"] in ("expired", "cancelled"):
            sums[month]["refunded"] += budget
            ids[month]["refunded"].add(task["id"])
        else:
            sums[month]["open"] += budget
            ids[month]["open"].add(task["id"])
    return sums, ids


def dollars(value: Decimal) -> str:
    return f"${value:,.2f}"


def seed(tmp_path: Path, tasks: list[dict[str, Any]]) -> None:
    store = Store.in_dir(tmp_path / "data")
    store.upsert_tasks([Task.model_validate(t) for t in tasks])
    store.close()


def save_as(dialog: QFileDialog, target: Path) -> None:
    """Type the file's path into the dialog's name box and accept, as a person would."""
    find(dialog, QLineEdit, "fileNameEdit").setText(str(target))
    dialog.accept()


def spending_window() -> SpendingWindow:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, SpendingWindow) and w.isVisible()]
    return window


def shown_ids(window) -> set[str]:
    proxy = parts(window).proxy
    return {proxy.row(i).id for i in range(proxy.rowCount())}


async def test_spending_of_200_tasks_over_14_months_and_the_tasks_behind_each_number(qtbot, tmp_path: Path) -> None:
    tasks = seeded_tasks(200, 14, seed=24)
    sums, ids = expected_sums(tasks)
    assert len(sums) == 14
    seed(tmp_path, tasks)
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        action = find(window, QAction, "spendingAction")
        assert action.shortcut() == QKeySequence("Ctrl+Shift+S") and action.text() == "&Spending"
        trigger(window, "spendingAction")
        await wait_until(
            lambda: any(isinstance(w, SpendingWindow) and w.isVisible() for w in QApplication.topLevelWidgets()),
            what="the Spending window",
        )
        view = spending_window()
        table = view.table
        assert table.rowCount() == 15  # 14 months and all of them
        newest_first = sorted(sums, reverse=True)
        for row, month in enumerate(newest_first):
            for column, kind in enumerate(KINDS, start=1):
                assert table.item(row, column).text() == dollars(sums[month][kind]), (month, kind)
        for column, kind in enumerate(KINDS, start=1):
            assert table.item(14, column).text() == dollars(sum((s[kind] for s in sums.values()), Decimal()))
        chart = view.chart.bars()
        assert [round(Decimal(str(bar.paid)), 2) for bar in chart] == [sums[m]["paid"] for m in sorted(sums)[-12:]]

        # "Paid" of the third month: the table shows those tasks, and says so; then all again.
        month = newest_first[2]
        table.setCurrentCell(2, 2)
        qtbot.keyClick(table, Qt.Key.Key_Return)
        await wait_until(lambda: parts(window).tasks.only_bar.isVisible(), what="the tasks behind the number")
        assert shown_ids(window) == ids[month]["paid"]
        words = find(parts(window).tasks, QWidget, "onlyTheseTasks").findChild(QLabel).text()
        assert words.endswith(f"that were paid ({len(ids[month]['paid'])}).")
        assert parts(window).tabs.currentWidget() is parts(window).tasks
        qtbot.mouseClick(parts(window).tasks.show_all_button, Qt.MouseButton.LeftButton)
        assert len(shown_ids(window)) == 200 and not parts(window).tasks.only_bar.isVisible()
        view.close()


async def test_the_monthly_limit_is_off_by_default_and_asks_with_the_numbers(qtbot, tmp_path: Path) -> None:
    now = datetime.now(UTC) - timedelta(minutes=1)
    seed(
        tmp_path,
        [
            {"id": "p", "status": "completed", "budget_usd": 40, "created_at": now.isoformat()},
            {"id": "h", "status": "review", "budget_usd": 30, "created_at": now.isoformat()},
            {"id": "c", "status": "cancelled", "budget_usd": 200, "created_at": now.isoformat()},
        ],
    )
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        form = parts(window).form

        async def ask_to_post(title: str, budget: str) -> str:
            form.title.clear()
            qtbot.keyClicks(form.title, title)
            form.category.setCurrentIndex(form.category.findData("data"))
            form.task_type.setCurrentIndex(0)
            form.budget.spin.selectAll()
            qtbot.keyClicks(form.budget.spin, budget)
            qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
            await wait_until(lambda: confirmation() is not None, what="the confirmation")
            return confirmation().text()

        assert "limit" not in await ask_to_post("Big one", "250")  # off by default
        press(confirmation(), "Cancel")
        await wait_until(lambda: confirmation() is None, what="the question to close")

        trigger(window, "settingsAction")
        await wait_until(
            lambda: any(isinstance(w, SettingsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
            what="Settings",
        )
        [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog)]
        limit_on, limit = find(dialog, QCheckBox, "monthlyLimitOn"), find(dialog, QDoubleSpinBox, "monthlyLimit")
        assert not limit_on.isChecked() and not limit.isEnabled()
        limit_on.click()
        limit.setValue(100)
        dialog.accept()
        await wait_until(lambda: window.account.monthly_limit() == 100.0, what="the limit to be kept")

        question = await ask_to_post("Over the line", "45")
        assert (
            "This month's tasks have taken $70.00 so far. This one takes the month to $115.00, over your monthly limit of $100.00."
            in question
        )
        assert [b.text() for b in confirmation().buttons() if b.text() != "Cancel"] == ["Post anyway"]
        press(confirmation(), "Cancel")
        await wait_until(lambda: confirmation() is None, what="the question to close")
        assert "limit" not in await ask_to_post("Within it", "30")  # exactly to the limit
        press(confirmation(), "Cancel")
        assert window.store.list_tasks() and len(window.store.list_tasks()) == 3  # posted tasks untouched


async def test_export_all_or_the_shown_tasks_and_copy_id_and_link(qtbot, tmp_path: Path) -> None:
    tasks = seeded_tasks(30, 3, seed=5)
    tasks[0]["title"] = '=HYPERLINK("x"), "quoted"\nand 🎉'
    seed(tmp_path, tasks)
    target = tmp_path / "out" / "tasks.csv"
    target.parent.mkdir()
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        ui = parts(window)
        await wait_until(lambda: ui.model.rowCount() == 30, what="the tasks")
        qtbot.keyClicks(ui.tasks.search, "Task 1")  # Task 1, Task 10 … Task 19
        await wait_until(lambda: ui.proxy.rowCount() == 11, what="the search")
        trigger(window, "exportAction")
        await wait_until(lambda: confirmation() is not None, what="all or shown")
        assert "All tasks (30)" in [b.text() for b in confirmation().buttons()]
        press(confirmation(), "Only those shown (11)")
        await wait_until(
            lambda: any(isinstance(w, QFileDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
            what="where to save",
        )
        [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        assert dialog.selectedFiles()[0].endswith(f"aitasker-tasks-{date.today().isoformat()}.csv")
        save_as(dialog, target)
        await wait_until(lambda: ui.banner.text.text().startswith("Exported 11 tasks"), what="the export")
        with open(target, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0][:3] == ["Task ID", "Title", "Description"] and len(rows) == 12
        assert {r[1] for r in rows[1:]} == {f"Task {i}" for i in [1, *range(10, 20)]}

        ui.tasks.search.clear()
        await wait_until(lambda: ui.proxy.rowCount() == 30, what="all rows")
        trigger(window, "exportAction")  # nothing filtered: no question, all tasks
        await wait_until(
            lambda: any(isinstance(w, QFileDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
            what="where to save",
        )
        [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        save_as(dialog, target.with_name("all.csv"))
        await wait_until(lambda: ui.banner.text.text().startswith("Exported 30 tasks"), what="the export")
        with open(target.with_name("all.csv"), encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert "'" + tasks[0]["title"] in {r[1] for r in rows}  # read back whole, made inert

        ui.tasks.select(tasks[3]["id"])
        index = ui.table.currentIndex()
        ui.table.customContextMenuRequested.emit(ui.table.visualRect(index).center())
        menu = ui.tasks.context_menu
        assert menu is not None
        copy_id = next(a for a in menu.actions() if a.objectName() == "copyTaskId")
        assert copy_id.text() == "Copy task &ID"
        copy_id.trigger()
        assert QApplication.clipboard().text() == tasks[3]["id"]
        next(a for a in menu.actions() if a.objectName() == "copyTaskLink").trigger()
        assert QApplication.clipboard().text() == f"http://127.0.0.1:9/api/v1/tasks/{tasks[3]['id']}"
        menu.close()
        assert QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat).value("money/monthly_limit") is None
