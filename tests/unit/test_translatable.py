"""Every user-facing string in the widgets goes through Qt's translation (tr / translate).

Scans ui/ for a text literal (or f-string) handed straight to a call that shows text to a
person: a label, button, action, title, tooltip, placeholder, status message, tab, menu, column
header, message box. Such text would stay English in every language.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Calls whose text arguments a person reads.
SHOWN = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setPlaceholderText",
    "setStatusTip",
    "setWhatsThis",
    "setTitle",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "showMessage",
    "addTab",
    "insertTab",
    "setTabText",
    "addMenu",
    "addAction",
    "addButton",
    "addItem",
    "addItems",
    "insertItem",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setSpecialValueText",
    "setPrefix",
    "setSuffix",
    "setAccessibleName",
    "setAccessibleDescription",
    "addRow",
    "setOkButtonText",
    "setCancelButtonText",
    "QLabel",
    "QPushButton",
    "QAction",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QToolButton",
    "QMenu",
    "QCommandLinkButton",
    "show_message",
    "ask",
}
# Literals that are not words: symbols, separators, format fragments.
NOT_WORDS = {"", " ", "·", "—", "–", "…", "×", "$", "%", "/", ":", "|", "→"}


def call_name(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def shown_texts(node: ast.Call) -> list[tuple[ast.expr, str]]:
    """The literal words a call hands to something a person reads (a ``SHOWN`` call's arguments,
    its ``text=``/``title=``, the items of a list among them): each literal and its text. Also
    what packaging/wrap_tr.py wraps."""
    if call_name(node) not in SHOWN:
        return []
    args = [*node.args, *(k.value for k in node.keywords if k.arg in ("text", "title"))]
    args += [e for a in args if isinstance(a, (ast.List, ast.Tuple)) for e in a.elts]  # setHeaderLabels([...])
    found: list[tuple[ast.expr, str]] = []
    for arg in args:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            text = arg.value
        elif isinstance(arg, ast.JoinedStr):
            text = "".join(v.value for v in arg.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        else:
            continue
        if text.strip() not in NOT_WORDS and any(c.isalpha() for c in text):
            found.append((arg, text))
    return found


def _shown_literals(tree: ast.AST) -> list[tuple[int, str]]:
    return [
        (node.lineno, f"{call_name(node)}({text[:40]!r})")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for _, text in shown_texts(node)
    ]


def untranslated(path: Path) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for line, what in _shown_literals(ast.parse(path.read_text(encoding="utf-8")))
    ]


def test_the_checker_finds_a_bare_label() -> None:
    tree = ast.parse(
        "QLabel('Budget')\nself.button.setText(f'Send {n}')\nQLabel(self.tr('Budget'))\nQLabel('$')\n"
        "table.setHorizontalHeaderLabels(['Name', self.tr('Value')])\n"
    )
    assert [what for _, what in _shown_literals(tree)] == [
        "QLabel('Budget')",
        "setText('Send ')",
        "setHorizontalHeaderLabels('Name')",
    ]


def widget_files() -> list[Path]:
    return sorted((ROOT / "ui").rglob("*.py"))


def test_every_shown_string_in_the_widgets_is_translatable() -> None:
    problems = [p for path in widget_files() for p in untranslated(path)]
    assert not problems, "wrap these in self.tr(...) or QCoreApplication.translate(...):\n" + "\n".join(problems)
