"""Checking the task form as one types, and what its messages and counters say"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from app import form_rules
from app.form_rules import FIELD_ORDER
from app.textlimits import char_count, clean, counted, fit, room_note, utf16_units
from ui.i18n import fill, translate, words
from ui.panels.form_words import MORE_OPTIONS, SEND_TIP
from ui.theme import set_tone
from ui.widgets.slider_spin import SliderSpin

if TYPE_CHECKING:
    from app.api.schema import TaskDraft


class FormChecks:
    """Checking the task form as one types, and what its messages and counters say (a part of :class:`ui.panels.form.TaskForm`)."""

    def mark_send_attempted(self) -> None:
        """Show the problems of untouched required fields too (as after pressing Send)."""
        self._send_attempted = True
        self._revalidate(emit_changed=False)

    def focus_first_problem(self) -> None:
        first = form_rules.first_problem(self._problems, self._external)
        if first is not None:
            if first in MORE_OPTIONS:
                self.open_more_options()
            self._focus_target(first).setFocus(Qt.FocusReason.OtherFocusReason)

    def problems(self) -> dict[str, list[str]]:
        """The problems found at the last check (all of them, shown or not)."""
        return dict(self._problems)

    def show_errors(self, problems: dict[str, list[str]]) -> None:
        """Show messages from elsewhere (e.g. the server's 422) under their fields; each stays
        until its field is edited. An empty dict removes them."""
        self._external = {field: list(messages) for field, messages in problems.items() if messages}
        self._render()

    # --- checking as one types -----------------------------------------------------------------
    def _touch(self, field: str) -> None:
        if field not in self._touched:
            self._touched.add(field)
            self._revalidate(emit_changed=False)

    def _field_edited(self, field: str) -> None:
        if field == "task_type" and not self._loading:
            self._start_budget()
        elif field == "budget_usd":
            self._budget_edited()
        for name in form_rules.clear_on_edit(field):
            self._external.pop(name, None)
        if not self._loading:
            self._revalidate(emit_changed=True)

    def _fit_title(self, text: str) -> None:
        """What was typed or pasted past the title's limit is left out, in whole characters (a
        flag, an accented letter or a family emoji is never cut in half); the rest of the title
        stays: a maxLength that counts characters as AITasker does."""
        limit = self._title_max
        if limit is None:
            return
        # Qt may say "edited" before or after "changed": the text before the edit is whichever of
        # the last two it showed is not this one.
        previous, shown = self._title_texts
        before, now = (previous if shown == text else shown), clean(text)
        cursor = None
        if char_count(now) > limit:
            # The edit replaced before[start:len(before) - end] with now[start:len(now) - end].
            start = 0
            while start < min(len(before), len(now)) and before[start] == now[start]:
                start += 1
            end = 0
            while end < min(len(before), len(now)) - start and before[-1 - end] == now[-1 - end]:
                end += 1
            head, typed, tail = now[:start], now[start : len(now) - end], now[len(now) - end :]
            typed = fit(typed, max(0, limit - len(head) - len(tail)))
            now = fit(head + typed + tail, limit)  # (already over before this edit: cut at the end)
            cursor = min(utf16_units(head + typed), utf16_units(now))
        if now != text:
            self.title.setText(now)
            if cursor is not None:
                self.title.setCursorPosition(cursor)

    def _quiet(self, field: str) -> bool:
        """True when a problem of this field is not worth a message yet (:mod:`app.form_rules`)."""
        editor = self._editors.get(field)
        pending = isinstance(editor, SliderSpin) and (
            bool(editor.pending_problem())
            or editor.value() < editor.limits.minimum  # "2" on the way to "25": more digits may come
        )
        focused = editor.spin.hasFocus() if isinstance(editor, SliderSpin) else bool(editor and editor.hasFocus())
        state = form_rules.FieldState(
            send_attempted=self._send_attempted,
            touched=field in self._touched,
            focused=focused,
            pending=pending,
            text=self.brand_kit_id.text() if field == "brand_kit_id" else "",
        )
        return form_rules.is_quiet(field, state)

    def release_checks(self) -> None:
        """Check the form from now on (see ``checks_held``), and once now if anything changed."""
        self._checks_held = False
        if self._check_pending:
            self._check_pending = False
            self._revalidate(emit_changed=False)

    def _revalidate(self, *, emit_changed: bool) -> TaskDraft | None:
        self._update_counters()
        self._update_budget_guidance()
        if self._checks_held:
            self._check_pending = True
            if emit_changed:
                self.changed.emit()
            return None
        draft, self._problems = self.validate()
        self._render()
        reason = self._reason()
        ready = not self._problems
        self.send_button.setEnabled(ready and not self._busy)
        self.send_button.setToolTip(
            fill(translate("TaskForm", "Not ready to post (Ctrl+Enter once it is). %1"), reason)
            if reason
            else translate("TaskForm", SEND_TIP)
        )
        self.send_button.setAccessibleDescription(reason)
        self.send_hint.setText(fill(translate("TaskForm", "To send: %1"), reason) if reason and not self._busy else "")
        self.send_hint.setVisible(bool(reason) and not self._busy)
        self.validityChanged.emit(ready, reason)
        if emit_changed:
            self.changed.emit()
        return draft

    def _reason(self) -> str:
        return form_rules.send_reason(self._problems)

    def _render(self) -> None:
        shown = form_rules.shown_messages(self._problems, self._external, self._quiet)
        if self.more_options.isHidden() and any(shown.get(name) for name in MORE_OPTIONS):
            self.open_more_options()  # a message is never hidden in a closed section
        for name in FIELD_ORDER:
            messages = shown.get(name, [])
            label = self._errors[name]
            under = form_rules.under_field(name, messages)  # too long: the counter says it
            label.setText("\n".join("⚠ " + words(m) for m in under))
            label.setVisible(bool(under))
            for widget, base in self._described.get(name, []):
                extra = self._suggestion_words() if widget is self.category else ""
                widget.setAccessibleDescription(base + extra + (" Problem: " + " ".join(messages) if messages else ""))
            editor = self._editors[name]
            if isinstance(editor, SliderSpin):
                editor.set_problems(messages)
        general = form_rules.general_messages(shown)
        self.general_error.setText("\n".join("⚠ " + words(m) for m in general))
        self.general_error.setVisible(bool(general))

    def _update_counters(self) -> None:
        for counter, typed, limit in (
            (self.title_counter, self.title.text(), self._title_max),
            (self.description_counter, self.description.toPlainText(), self._description_max),
        ):
            text, over = form_rules.counter_words(*counted(typed, limit))  # characters as a person sees them
            counter.setText(text)
            counter.setToolTip(room_note(typed, limit))
            if limit is not None:
                set_tone(counter, "error" if over else "quiet")
                font = counter.font()
                font.setBold(over)
                counter.setFont(font)
