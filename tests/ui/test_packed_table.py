"""The packed table (ui/models/packed_rows.py) and the proxy's handles: what the search finds and
where pages of rows land, against the slow, obvious way."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from ui.models.packed_rows import PackedRows
from ui.models.task_rows import COLUMNS
from ui.models.tasks_model import TasksTableModel
from ui.models.tasks_proxy import FILTERS, TasksFilterProxy


def fields(n: int, title: str, description: str = "", status: str = "open", created: float = 0.0) -> tuple[object, ...]:
    return (f"id{n}", status, title, description, "data", "data-analysis", None, created, None)


def test_the_search_mask_finds_what_a_casefolded_substring_test_finds() -> None:
    texts = [
        ("Straße", ""), ("STRASSE", "x"), ("a\0b", "c\1d"), ("", ""), ("Ωmega", "ΣΑΣ"), ("tab\there", "line\nbreak"),
        ("zero", "ab ab ab"), ("😀 emoji", ""),
    ]  # fmt: skip
    packed = PackedRows()
    packed.extend([fields(n, t, d) for n, (t, d) in enumerate(texts[:5])])
    packed.extend([fields(n + 5, t, d) for n, (t, d) in enumerate(texts[5:])])
    for needle in ["strasse", "ß", "a b", "b\nc", "σας", "ab", "ab ab", "\n", "😀", "e", "zz"]:
        wanted = [
            int(needle.casefold() in f"{t}\n{d}".replace("\0", " ").replace("\1", " ").casefold()) for t, d in texts
        ]
        assert list(packed.text_mask(needle)) == wanted, needle
    packed.replace(1, fields(1, "changed", "now"))
    assert list(packed.text_mask("strasse")) == [1, 0, 0, 0, 0, 0, 0, 0]
    assert packed.fields(2)[2:4] == ("a\0b", "c\1d")  # shown as it came; only the search copy differs


def test_pages_landing_among_rows_keep_the_order_and_the_filter(qapp: QApplication) -> None:
    rng = random.Random(5)
    for trial in range(40):
        model = TasksTableModel()
        proxy = TasksFilterProxy()
        proxy.setSourceModel(model)
        view = QTableView()
        view.setModel(proxy)
        column = rng.choice([0, 2, 4])
        order = rng.choice([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
        proxy.sort(column, order)
        needle = rng.choice(["", "1", "task"])
        group = rng.choice(list(FILTERS))
        proxy.set_text(needle)
        proxy.set_group(group)
        made = 0
        for step in range(10):
            size = rng.choice([3, 20, 60])
            page = [
                (
                    f"id{made + i}", rng.choice(["open", "review", "completed"]), f"Task {rng.randrange(50)}", "",
                    "data", "data-analysis", float(rng.randrange(5)), float(rng.randrange(30)), None,
                )
                for i in range(size)
            ]  # fmt: skip
            made += size
            model.append_fields(page)
            rows = [proxy.row(r) for r in range(proxy.rowCount())]
            keys = [COLUMNS[column].sort_key(r) for r in rows]
            assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder), (trial, step)
            every = [model.row(r) for r in range(model.rowCount())]
            expected = sorted(r.id for r in every if FILTERS[group][1](r.status) and needle in r.search)
            assert sorted(r.id for r in rows) == expected, (trial, step)
            assert view.verticalHeader().count() == proxy.rowCount()
