"""The suggestion line: shows "Looks like …", one click or Alt+U accepts it, then it goes away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.suggest import Suggestion, suggest
from app.taxonomy import bundled_categories
from ui.widgets.suggestion_bar import SuggestionBar


def _bar(qtbot) -> tuple[QWidget, QLineEdit, SuggestionBar, list[Suggestion]]:
    window = QWidget()
    title = QLineEdit()
    bar = SuggestionBar()
    layout = QVBoxLayout(window)
    layout.addWidget(title)
    layout.addWidget(bar)
    got: list[Suggestion] = []
    bar.accepted.connect(got.append)
    title.textChanged.connect(lambda text: bar.show_suggestion(suggest(text, "", bundled_categories())))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, title, bar, got


def test_typing_a_title_offers_the_category_and_one_click_takes_it(qtbot) -> None:
    _, title, bar, got = _bar(qtbot)
    assert not bar.isVisible()
    qtbot.keyClicks(title, "Logo for my bakery")
    assert bar.isVisible()
    assert bar.text.text() == "Looks like Graphics & Design › Logo design"
    assert bar.use.accessibleName().startswith("Use it")
    qtbot.mouseClick(bar.use, Qt.MouseButton.LeftButton)
    assert [(s.category, s.task_type) for s in got] == [("graphics-design", "logo-design")]
    assert not bar.isVisible()


def test_alt_u_accepts_from_the_keyboard(qtbot) -> None:
    window, title, bar, got = _bar(qtbot)
    title.setFocus()
    qtbot.keyClicks(title, "Translate my menu")
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(got))  # a mnemonic "clicks" the button after a short animation
    assert [s.task_type for s in got] == ["translation"]


def test_nothing_to_suggest_hides_the_line(qtbot) -> None:
    _, title, bar, got = _bar(qtbot)
    qtbot.keyClicks(title, "Logo")
    assert bar.isVisible()
    title.clear()
    qtbot.keyClicks(title, "Hello")
    assert not bar.isVisible() and got == []
