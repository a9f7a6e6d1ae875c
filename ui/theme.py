"""Light, dark or the system's look: one Fusion style, a palette per look, and the few colours the
app adds (status words, messages, banners), each chosen per look so text stays readable (WCAG
contrast of at least 4.5 against the background it is drawn on; tests/ui/test_theme.py checks).

``apply_theme`` is called at start (ui/main.py) and when the look is changed in Settings. Widgets
never hard-code a colour: they ask ``colour("error")`` / ``status_colour(status)`` when they paint,
or are given a tone (``set_tone(label, "error")``), or register a restyle (``follow_theme``), so a
change of look reaches every widget at once.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QApplication, QTabBar, QWidget

from app.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFocusFrame

THEMES = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "Same as the system"),
    "light": QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
}

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# The dark look: Fusion's layout with these colours (light is Fusion's own standard palette).
_DARK = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#e8e8e8",
    Role.Base: "#1f1f1f",
    Role.AlternateBase: "#282828",
    Role.ToolTipBase: "#353535",
    Role.ToolTipText: "#f0f0f0",
    Role.PlaceholderText: "#a0a0a0",
    Role.Text: "#e8e8e8",
    Role.Button: "#383838",
    Role.ButtonText: "#e8e8e8",
    Role.BrightText: "#ff8a80",
    Role.Light: "#4a4a4a",
    Role.Midlight: "#404040",
    Role.Mid: "#303030",
    Role.Dark: "#1a1a1a",
    Role.Shadow: "#000000",
    Role.Highlight: "#3d6fc4",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#79b8ff",
    Role.LinkVisited: "#c5a3ff",
}
_DARK_DISABLED = {
    Role.WindowText: "#7c7c7c",
    Role.Text: "#7c7c7c",
    Role.ButtonText: "#7c7c7c",
    Role.Highlight: "#4a4a4a",
    Role.HighlightedText: "#a0a0a0",
}

_LIGHT = {
    Role.Highlight: "#2a64c5",
    Role.HighlightedText: "#ffffff",
    Role.PlaceholderText: "#666666",
    Role.Link: "#1a55b0",
}

# Colours the app adds, per look: (light, dark).
TONES: dict[str, tuple[str, str]] = {
    "error": ("#b00020", "#ff8a80"),
    "warning": ("#8a5300", "#ffc46b"),
    "success": ("#2e6b30", "#8fd694"),
    "quiet": ("#5f5f5f", "#a8a8a8"),
}
# Message banner backgrounds (text on them is the palette's WindowText).
BANNERS: dict[str, tuple[str, str]] = {
    "error": ("#fdecea", "#4a2323"),
    "info": ("#e8f1fb", "#1f3550"),
    "success": ("#e9f5ea", "#213d24"),
    "warning": ("#fff4e5", "#4a3718"),
    "": ("#eeeeee", "#3a3a3a"),
}
# Status words in the table (never colour alone: the word and an icon say it too).
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "open": ("#1f5fa8", "#79b8ff"),
    "matching": ("#1f5fa8", "#79b8ff"),
    "prototyping": ("#7a4fb0", "#c5a3ff"),
    "review": ("#9c5500", "#ffb454"),
    "delivering": ("#7a4fb0", "#c5a3ff"),
    "input_required": ("#9c5500", "#ffb454"),  # waits for the person, like review
    "delivered": ("#9c5500", "#ffb454"),
    "disputed": ("#b00020", "#ff8a80"),
    "completed": ("#2e7d32", "#7ed387"),
    "expired": ("#616161", "#ababab"),
    "cancelled": ("#616161", "#ababab"),
    "outbox:waiting": ("#8a5300", "#ffc46b"),
    "outbox:sending": ("#1f5fa8", "#79b8ff"),
    "outbox:unknown": ("#b00020", "#ff8a80"),
    "outbox:credit": ("#8a5300", "#ffc46b"),
    "": ("#444444", "#d0d0d0"),  # a status AITasker may add later
}


# Fusion's standard light palette (``QStyleFactory.create("Fusion").standardPalette()``), spelled
# out: asking a style for it makes Python build QStyle's type and its many enums, about 10 ms of
# the start. tests/ui/test_theme.py checks it against Fusion's own.
_FUSION_ACTIVE: dict[str, str] = {
    "WindowText": "#ff000000",
    "Button": "#ffefefef",
    "Light": "#ffffffff",
    "Midlight": "#ffcacaca",
    "Dark": "#ff9f9f9f",
    "Mid": "#ffb8b8b8",
    "Text": "#ff000000",
    "BrightText": "#ffffffff",
    "ButtonText": "#ff000000",
    "Base": "#ffffffff",
    "Window": "#ffefefef",
    "Shadow": "#ff767676",
    "Highlight": "#ff308cc6",
    "HighlightedText": "#ffffffff",
    "Link": "#ff0000ff",
    "LinkVisited": "#ffff00ff",
    "AlternateBase": "#fff7f7f7",
    "NoRole": "#ff000000",
    "ToolTipBase": "#ffffffdc",
    "ToolTipText": "#ff000000",
    "PlaceholderText": "#80000000",
    "Accent": "#ff308cc6",
}
_FUSION_LIGHT: dict[str, dict[str, str]] = {
    "Active": _FUSION_ACTIVE,
    "Inactive": _FUSION_ACTIVE,  # the same colours when the window is not the active one
    # Disabled: the same but for these.
    "Disabled": _FUSION_ACTIVE
    | {
        "WindowText": "#ffbebebe",
        "Dark": "#ffbebebe",
        "Text": "#ffbebebe",
        "ButtonText": "#ffbebebe",
        "Base": "#ffefefef",
        "Shadow": "#ffb1b1b1",
        "Highlight": "#ff919191",
        "Accent": "#ff919191",
    },
}


def light_palette() -> QPalette:
    """Fusion's standard light palette, with a selection and placeholder dark enough to read."""
    palette = QPalette()
    for group, colours in _FUSION_LIGHT.items():
        for name, value in colours.items():
            palette.setColor(QPalette.ColorGroup[group], QPalette.ColorRole[name], QColor(value))
    for role, value in _LIGHT.items():
        palette.setColor(Group.Active, role, QColor(value))
        palette.setColor(Group.Inactive, role, QColor(value))
    return palette


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, value in _DARK.items():
        palette.setColor(role, QColor(value))
    for role, value in _DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(value))
    return palette


def effective_theme(theme: str) -> str:
    """'light' or 'dark': the choice, or for 'system' what the system says (light when it can't say)."""
    if theme in ("light", "dark"):
        return theme
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette (by default the application's) is a dark one."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(Role.Base).lightness() < 128


def _pick(pair: tuple[str, str], dark: bool | None) -> str:
    return pair[1] if (is_dark() if dark is None else dark) else pair[0]


def colour(tone: str, dark: bool | None = None) -> QColor:
    """A message colour ('error', 'warning', 'success', 'quiet') for the current look."""
    return QColor(_pick(TONES[tone], dark))


def status_colour(status: str, dark: bool | None = None) -> QColor:
    return QColor(_pick(STATUS_COLOURS.get(status, STATUS_COLOURS[""]), dark))


def banner_colour(kind: str, dark: bool | None = None) -> QColor:
    return QColor(_pick(BANNERS.get(kind, BANNERS[""]), dark))


class FocusRing(QObject):
    """A ring one can see around the focused button, check box, slider or tab (Fusion's own is a
    faint tint, invisible on the default button): one QFocusFrame, in the highlight colour, moved
    to whichever of those has the focus. (Drawn by Qt: a Python QProxyStyle that draws it itself
    trips a reference-count bug in PySide6 6.12.)"""

    KINDS = (QAbstractButton, QAbstractSlider, QTabBar)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._frame: QFocusFrame | None = None
        app.focusChanged.connect(self._moved)

    def frame(self) -> QFocusFrame:
        from PySide6.QtWidgets import QFocusFrame  # (made when a button first has the focus, not at start)

        if self._frame is None or not shiboken6.isValid(self._frame):
            self._frame = QFocusFrame()  # it goes wherever the widget it rings is
            self._frame.setObjectName("focusRing")
        return self._frame

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = new if isinstance(new, self.KINDS) else None
        if target is None and (self._frame is None or not shiboken6.isValid(self._frame)):
            return  # no ring yet, none needed
        frame = self.frame()
        if target is None:
            frame.setWidget(None)  # type: ignore[arg-type]  # Qt takes nullptr (no widget ringed); the stub omits None
            frame.hide()
            return
        palette = frame.palette()
        palette.setColor(Role.WindowText, QGuiApplication.palette().color(Role.Highlight))
        frame.setPalette(palette)
        frame.setWidget(target)
        frame.show()


_state: dict[str, object] = {"theme": "system", "watching": False, "style": None}


def apply_theme(theme: str) -> str:
    """Apply 'light', 'dark' or 'system' to the whole application; return the look applied."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return "light"
    theme = theme if theme in THEMES else "system"
    _state["theme"] = theme
    hints = app.styleHints()
    if not _state["watching"]:
        # 'system' follows the system when it switches between light and dark while the app runs.
        hints.colorSchemeChanged.connect(lambda *_: _state["theme"] == "system" and _apply(app, "system"))
        _state["watching"] = True
    return _apply(app, theme)


# One style everywhere: the palettes and contrast checks are made for Fusion.
# Sizes and weights only; colours come from the palettes above.
def heading(label: QWidget) -> None:
    """A heading's larger, bolder font (15 pt, semi-bold). Set as a font, never as a style sheet:
    a widget with a style sheet keeps the text colour of the look it started in."""
    font = label.font()
    font.setPointSizeF(15)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)


STYLE = "Fusion"


def application_arguments(argv0: str) -> list[str]:
    """The app's own QApplication arguments: Fusion chosen as it is made (``-style``), so that no
    QStyle object reaches Python at start (the first one builds QStyle's enums, about 10 ms)."""
    return [argv0, "-style", STYLE]


def _apply(app: QApplication, theme: str) -> str:
    look = effective_theme(theme)
    if _state.get("style") is not app:
        if app.property("style_from_arguments") != STYLE:  # not made by ui/main.py: set it now
            from PySide6.QtWidgets import QStyleFactory

            app.setStyle(QStyleFactory.create(STYLE))
        _state["style"] = app
        _state["ring"] = FocusRing(app)
    app.setPalette(dark_palette() if look == "dark" else light_palette())
    _restyle_all()
    return look


class ThemeFollower(Protocol):
    """A QObject that restyles itself when the look changes (see :func:`follow_theme`)."""

    def theme_changed(self) -> None: ...


# Widgets coloured by tone, and callbacks that restyle something when the look changes: held
# weakly, so a closed dialog's labels are forgotten with it.
_toned: weakref.WeakKeyDictionary[QWidget, str] = weakref.WeakKeyDictionary()
_followers: weakref.WeakSet[ThemeFollower] = weakref.WeakSet()


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Colour a widget's text by tone ('error', 'warning', 'success', 'quiet'), now and whenever
    the look changes. (Through the widget's palette: re-polishing for a style-sheet property
    from Python trips a reference-count bug in PySide6 6.12.)"""
    if tone is None:
        _toned.pop(widget, None)
        widget.setPalette(QPalette())
        return
    _toned[widget] = tone
    _paint_tone(widget, tone)


def _paint_tone(widget: QWidget, tone: str) -> None:
    palette = widget.palette()
    palette.setColor(Role.WindowText, colour(tone))
    palette.setColor(Role.Text, colour(tone))
    widget.setPalette(palette)


def follow_theme(owner: ThemeFollower) -> None:
    """Call ``owner.theme_changed()`` whenever the look changes, for as long as ``owner`` lives."""
    _followers.add(owner)


def banner_style(kind: str) -> str:
    """The message banner's background for this kind of message, in the current look."""
    return f"#banner {{ background: {banner_colour(kind).name()}; border-radius: 4px; }}"


def _restyle_all() -> None:
    for widget, tone in list(_toned.items()):
        if shiboken6.isValid(widget):
            _paint_tone(widget, tone)
        else:
            _toned.pop(widget, None)  # its window was closed
    for owner in list(_followers):
        if shiboken6.isValid(owner):
            owner.theme_changed()
        else:
            _followers.discard(owner)
