"""Category and task type: two combo boxes that know the taxonomy (the task type list follows
the category; a task type not listed can be typed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from app.taxonomy import Category, names
from ui.i18n import fill
from ui.theme import set_tone
from ui.widgets.wheel_guard import guard_wheel


class CategoryChooser(QObject):
    taskTypesChanged = Signal()  # the task type list was rebuilt for a new category

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.task_type = QComboBox()
        self.task_type.setObjectName("task_type")
        self.task_type.setEditable(True)
        self.task_type.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        guard_wheel(self.category, self.task_type)
        # What the list of task types means for the choice ("the only type listed, filled in").
        self.note = QLabel()
        self.note.setObjectName("taskTypeNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        set_tone(self.note, "quiet")
        self._categories: list[Category] = []
        self.category.currentIndexChanged.connect(self.category_chosen)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word in the language now installed, the names of the categories and task types
        too (by their slugs); what is chosen or typed stays."""
        self.category.setAccessibleName(self.tr("Category"))
        self.task_type.setAccessibleName(self.tr("Task type"))
        self.task_type_edit().setAccessibleName(self.tr("Task type"))  # the typing part: the same label
        self.task_type.setToolTip(self.tr("Pick from the list, or type the kind of task if it is not there."))
        with QSignalBlocker(self.category), QSignalBlocker(self.task_type), QSignalBlocker(self.task_type_edit()):
            for row in range(self.category.count()):
                slug = str(self.category.itemData(row) or "")
                self.category.setItemText(row, names().category(slug) if slug else self.tr("Choose a category…"))
            typed = self.task_type.currentText() if self.task_type.currentIndex() < 0 else None
            for row in range(self.task_type.count()):
                self.task_type.setItemText(row, names().task_type(str(self.task_type.itemData(row))))
            if typed is not None:
                self.task_type.setEditText(typed)
        self._explain()

    def set_categories(self, categories: list[Category]) -> None:
        current = self.category.currentData()
        current_type = self.task_type_slug()
        self._categories = list(categories)
        with QSignalBlocker(self.category):
            self.category.clear()
            self.category.addItem(self.tr("Choose a category…"), "")
            for category in categories:
                self.category.addItem(category.shown, category.slug)
            if current and self.category.findData(current) < 0:
                self.category.addItem(names().category(current), current)  # kept: e.g. from a reopened draft
            self.category.setCurrentIndex(max(0, self.category.findData(current)) if current else 0)
        self.category_chosen()
        if current_type:
            self.set_task_type(current_type)

    def set_category(self, slug: str) -> None:
        """Choose a category, adding it when the list does not have it (a reopened draft)."""
        index = self.category.findData(slug)
        if index < 0:
            self.category.addItem(names().category(slug), slug)
            index = self.category.count() - 1
        self.category.setCurrentIndex(index)

    def category_chosen(self, *_: Any) -> None:
        slug = self.category.currentData()
        with QSignalBlocker(self.task_type):
            self.task_type.clear()
            for category in self._categories:
                if category.slug == slug:
                    for task_type in category.task_types:
                        self.task_type.addItem(task_type.shown, task_type.slug)
            self.task_type.setCurrentIndex(-1 if self.task_type.count() != 1 else 0)
            self._explain()
        self.taskTypesChanged.emit()

    def _explain(self) -> None:
        """The placeholder of the task type, and the note under it, for the category chosen."""
        slug = self.category.currentData()
        if not slug:
            placeholder = self.tr("Choose a category first, or type a task type")
        elif self.task_type.count():
            placeholder = self.tr("Choose or type a task type")
        else:
            placeholder = self.tr("Type the kind of task, e.g. press release")
        self.task_type_edit().setPlaceholderText(placeholder)
        only = self.task_type.itemText(0) if self.task_type.count() == 1 else ""
        self.note.setText(
            fill(
                self.tr("%1 is the only task type listed for %2, so it is filled in. You may type another."),
                only,
                self.category.currentText(),
            )
            if only
            else ""
        )

    def task_type_edit(self) -> QLineEdit:
        edit = self.task_type.lineEdit()
        assert edit is not None  # the task type combo box is editable
        return edit

    def task_type_slug(self) -> str:
        text = self.task_type.currentText().strip()
        index = self.task_type.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.task_type.itemData(index))
        return text

    def set_task_type(self, slug: str) -> None:
        index = self.task_type.findData(slug)
        if index >= 0:
            self.task_type.setCurrentIndex(index)
        else:
            self.task_type.setEditText(slug)
