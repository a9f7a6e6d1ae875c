"""A slider and a number box that move together (budget, experimentation)."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSlider, QDoubleSpinBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from app.api.contract import NumberLimits
from app.api.validation import number_words, refused_number_message
from ui.i18n import fill, money, money_parts
from ui.theme import set_tone
from ui.widgets.wheel_guard import guard_wheel


class RangeSlider(QSlider):
    """A horizontal slider behind the wheel guard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        guard_wheel(self)


class RangeSpin(QDoubleSpinBox):
    """A number box that says why a keystroke was refused, pages by the schema's page step and,
    like the slider, sits behind the wheel guard."""

    refused = Signal(str)  # the text that was not taken

    def __init__(self, page_steps: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page_steps = page_steps
        guard_wheel(self)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        result = super().validate(text, pos)
        if result[0] == QValidator.State.Invalid:
            # The line edit only ever holds acceptable or half-typed text, so an invalid text
            # is a keystroke or a paste being refused.
            self.refused.emit(text)
        return result

    def state(self) -> QValidator.State:
        """Whether what the box shows is a value (Acceptable) or half-typed (Intermediate)."""
        return QDoubleSpinBox.validate(self, self.text(), 0)[0]

    def set_step_limits(self, minimum: float, maximum: float) -> None:
        """Where Up/Down and Page Up/Down stop (the limits), when the box takes wider typing."""
        self._step_limits = (minimum, maximum)

    def stepBy(self, steps: int) -> None:
        limits = getattr(self, "_step_limits", None)
        if limits is None:
            super().stepBy(steps)
            return
        low, high = limits
        target = round(self.value() + steps * self.singleStep(), self.decimals())
        self.setValue(min(high, max(low, target)))
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and not event.modifiers():
            self.stepBy(self._page_steps if event.key() == Qt.Key.Key_PageUp else -self._page_steps)
            event.accept()
            return
        super().keyPressEvent(event)

    def number_text(self, text: str | None = None) -> str:
        """What is typed (or ``text``), without the prefix and the suffix ("$", " $")."""
        text = self.text() if text is None else text
        prefix, suffix = self.prefix(), self.suffix()
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
        return text.strip()


class SliderSpin(QWidget):
    """A slider and a spin box that move together. The spin box keeps full precision (cents);
    the slider moves in the schema's slider steps and never rounds away what was typed in the
    box: from an amount between two steps, a key press goes to the next step in its direction."""

    valueChanged = Signal(float)
    edited = Signal()  # the value changed, or what is typed in the box did

    def __init__(
        self,
        limits: NumberLimits,
        *,
        money: bool = False,
        noun: str = "value",
        prefix: str = "",
        low_words: str = "",
        high_words: str = "",
        typing_range: tuple[float, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.limits = limits
        self.money = money
        self.noun = noun
        self._steps = round((limits.maximum - limits.minimum) / limits.slider_step)
        self.slider = RangeSlider()
        self.slider.setRange(0, self._steps)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(max(1, round(limits.page_step / limits.slider_step)))
        self.spin = RangeSpin(max(1, round(limits.page_step / limits.step)))
        self.spin.setDecimals(limits.decimals)
        # The box may take more than the limits (``typing_range``): an amount typed over them is then
        # kept as typed and the form says what is wrong with it, instead of Qt cutting it short.
        self.spin.setRange(*(typing_range or (limits.minimum, limits.maximum)))
        if typing_range is not None:
            self.spin.set_step_limits(limits.minimum, limits.maximum)  # keys stay within the limits
        self.spin.setSingleStep(limits.step)
        self.spin.setPrefix(prefix)
        if money:  # written as the one money formatter writes it: "$12.00", "12,00 $"
            self.follow_locale()
        self.spin.setKeyboardTracking(True)
        self.spin.setAccelerated(True)
        self.spin.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        set_tone(self.note, "error")
        self.note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        layout.addLayout(row)
        self._ends = QLabel(low_words), QLabel(high_words)  # the words under the two ends
        if low_words or high_words:
            words = QHBoxLayout()
            low, high = self._ends
            low.setObjectName("lowWords")
            high.setObjectName("highWords")
            for label in (low, high):
                set_tone(label, "quiet")
            words.addWidget(low)
            words.addStretch(1)
            words.addWidget(high)
            layout.addLayout(words)
        layout.addWidget(self.note)

        self._typed_but_unused: str | None = None
        self.slider.actionTriggered.connect(self._slider_action)
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)
        # QDoubleSpinBox.textChanged: on typing and on value changes (the line edit's own signal is
        # blocked while the box rewrites it).
        self.spin.textChanged.connect(lambda _text: self.edited.emit())
        self.spin.lineEdit().textChanged.connect(lambda _text: self.edited.emit())  # half-typed too
        self.spin.lineEdit().textEdited.connect(self._typed)
        self.spin.editingFinished.connect(self._typing_finished)
        self.spin.refused.connect(self._refused)
        # No Tab stop of its own, and no focus proxy: a container in the focus chain (it sits after
        # Post task) sent Tab back into the form. Labels name ``focus_target`` as their buddy.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def focus_target(self) -> QWidget:
        """Where a label's Alt+letter, or a message about this field, puts the cursor: the box."""
        return self.spin

    # --- words ------------------------------------------------------------------------------
    def follow_locale(self) -> None:
        """The number written as the language now installed writes it (again after a change of
        language): money as the one money formatter writes it, other numbers in the default locale."""
        with QSignalBlocker(self.spin):  # the same value, written another way: not an edit
            value = self.spin.value()
            if self.money:
                locale, before, after = money_parts(self.limits.decimals)
                self.spin.setPrefix(before)
                self.spin.setSuffix(after)
            else:
                locale = QLocale()
            self.spin.setLocale(locale)
            self.spin.setValue(value)

    def set_words(self, noun: str, low_words: str = "", high_words: str = "") -> None:
        """What the value is called in messages, and the words under the two ends (a new language)."""
        self.noun = noun
        for label, text in zip(self._ends, (low_words, high_words), strict=True):
            label.setText(text)

    def words(self, value: float) -> str:
        if self.money:
            return money(value, self.limits.decimals)  # the user's language's way of writing dollars
        return number_words(value, self.limits, money=False)

    def range_words(self) -> str:
        return fill(self.tr("From %1 to %2."), self.words(self.limits.minimum), self.words(self.limits.maximum))

    def set_accessible(self, name: str, extra: str = "") -> None:
        """Names and descriptions (with the range) for screen readers; ``extra`` is appended."""
        lim = self.limits
        tail = f" {extra}" if extra else ""
        self.slider.setAccessibleName(fill(self.tr("%1 slider"), name))
        self.slider.setAccessibleDescription(
            fill(
                self.tr(
                    "%1 Moves in steps of %2; Page Up and Page Down move by %3, Home and End go to the ends. The exact amount is in the box that follows.%4"
                ),
                self.range_words(),
                self.words(lim.slider_step),
                self.words(lim.page_step),
                tail,
            )
        )
        self.spin.setAccessibleName(name)
        self.spin.setAccessibleDescription(
            fill(
                self.tr(
                    "%1 Type a number with up to %2 decimals; Up and Down change it by %3, Page Up and Page Down by %4.%5"
                ),
                self.range_words(),
                lim.decimals,
                self.words(lim.step),
                self.words(lim.page_step),
                tail,
            )
        )
        self.spin.setToolTip(self.range_words())
        self.slider.setToolTip(self.range_words())
        self._base = {self.slider: self.slider.accessibleDescription(), self.spin: self.spin.accessibleDescription()}

    def set_problems(self, messages: list[str]) -> None:
        for widget, base in getattr(self, "_base", {}).items():
            problem = " " + fill(self.tr("Problem: %1"), " ".join(messages)) if messages else ""
            widget.setAccessibleDescription(base + problem)

    # --- value ------------------------------------------------------------------------------
    def value(self) -> float:
        return round(self.spin.value(), self.limits.decimals) + 0.0  # + 0.0: never "-0.0"

    def setValue(self, value: float) -> None:
        self.spin.setValue(value)
        self._spin_changed(self.spin.value())

    def set_saved_value(self, wanted: float) -> None:
        """A value from a saved draft: taken, or brought into range with a note saying so."""
        self.setValue(wanted)
        if round(wanted - self.value(), self.limits.decimals + 2) != 0:
            self._show_note(
                fill(
                    self.tr("The saved %1, %2, is outside %3 to %4; it is now %5."),
                    self.noun,
                    self.words(wanted),
                    self.words(self.limits.minimum),
                    self.words(self.limits.maximum),
                    self.words(self.value()),
                )
            )

    def pending_problem(self) -> str:
        """Why what is typed in the box is not (yet) a value: "" when it is one. While this is
        not "", ``value()`` still gives the previous value, so the form must not be sent."""
        if self.spin.state() == QValidator.State.Acceptable:
            return ""
        typed = self.spin.number_text()
        if not typed:
            return fill(self.tr("Please enter the %1."), self.noun)
        return fill(
            self.tr("“%1” can't be used: the %2 goes from %3 to %4."),
            typed,
            self.noun,
            self.words(self.limits.minimum),
            self.words(self.limits.maximum),
        )

    def _position(self, value: float) -> float:
        return round((value - self.limits.minimum) / self.limits.slider_step, 6)

    def _slider_action(self, action: int) -> None:
        kinds = QAbstractSlider.SliderAction
        exact = self._position(self.spin.value())
        page = self.slider.pageStep()
        targets = {
            kinds.SliderSingleStepAdd.value: math.floor(exact) + 1,
            kinds.SliderSingleStepSub.value: math.ceil(exact) - 1,
            kinds.SliderPageStepAdd.value: math.floor(exact) + page,
            kinds.SliderPageStepSub.value: math.ceil(exact) - page,
        }
        code = action.value if hasattr(action, "value") else int(action)
        if code not in targets:
            return  # Home/End and wheel/drag (SliderMove): Qt's position is already right
        target = min(self._steps, max(0, targets[code]))
        self.slider.setSliderPosition(target)
        if target == self.slider.value():
            # From an amount between two steps, the slider already shows the nearest one, so Qt
            # sees no change: set the box here.
            self._slider_moved(target)

    def _slider_moved(self, position: int) -> None:
        lim = self.limits
        value = round(min(lim.maximum, max(lim.minimum, lim.minimum + position * lim.slider_step)), lim.decimals)
        if round(self.spin.value() - value, lim.decimals + 2) != 0:
            self.spin.setValue(value)

    def _spin_changed(self, value: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(round(self._position(value)))
        self._typed_but_unused = None
        self.note.hide()
        self.valueChanged.emit(value)

    # --- what was typed ---------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.note.hide()
        self._typed_but_unused = self.spin.number_text() if self.pending_problem() else None

    def _typing_finished(self) -> None:
        self.edited.emit()  # Qt may have put the previous value back, without a signal
        typed, self._typed_but_unused = self._typed_but_unused, None
        if typed is not None and not self.pending_problem():
            # Qt put the previous value back: say so, rather than change it silently.
            self._show_note(
                fill(
                    self.tr("“%1” was not used: the %2 goes from %3 to %4. It is still %5."),
                    typed,
                    self.noun,
                    self.words(self.limits.minimum),
                    self.words(self.limits.maximum),
                    self.words(self.value()),
                )
            )

    def _refused(self, text: str) -> None:
        typed = self.spin.number_text(text)
        number, ok = self.spin.locale().toDouble(typed)
        self._show_note(
            refused_number_message(
                typed,
                number if ok else None,
                self.limits,
                noun=self.noun,
                money=self.money,
                decimal_point=self.spin.locale().decimalPoint(),
            )
        )

    def _show_note(self, message: str) -> None:
        self.note.setText(f"ⓘ {message}")
        self.note.show()
