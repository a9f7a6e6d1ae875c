"""Every sentence the Qt-free core puts in an error a person reads is translatable where it is built.

A :class:`app.api.errors.UserFacingError` carries ``user_message``, which the window shows through
``ui.i18n.words`` (fixed sentences marked with ``QT_TRANSLATE_NOOP("messages", …)``) or as built
(sentences composed with ``translate(...)`` and ``fill``). A plain literal or an f-string handed
to such an error would be English in every language; this test finds them in app/ (the practice
server, app/sandbox, speaks to programs, not people, and is left out).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import app
from app.api.errors import UserFacingError

ROOT = Path(__file__).resolve().parents[2]


def error_classes() -> dict[str, int]:
    """Every UserFacingError class of the core, by name: where ``user_message`` comes among its
    positional arguments (``DownloadError(reason, user_message)``)."""
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if not module.name.startswith("app.sandbox"):
            importlib.import_module(module.name)
    found: dict[str, int] = {}
    todo: list[type[UserFacingError]] = [UserFacingError]
    while todo:
        cls = todo.pop()
        names = [p.name for p in inspect.signature(cls.__init__).parameters.values()][1:]  # without self
        found[cls.__name__] = names.index("user_message") if "user_message" in names else 0
        todo += cls.__subclasses__()
    return found


def _name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def _plain_words(node: ast.expr) -> bool:
    """A literal, an f-string, or a sum holding one, not passed through a marker."""
    if isinstance(node, ast.Call):
        return False  # QT_TRANSLATE_NOOP(...), translate(...), fill(...), or words from elsewhere
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _plain_words(node.left) or _plain_words(node.right)
    if isinstance(node, ast.IfExp):
        return _plain_words(node.body) or _plain_words(node.orelse)
    return False


def untranslated_errors(source: str, errors: dict[str, int]) -> list[tuple[int, str]]:
    problems = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _name(node.func) in errors:
            at = errors[_name(node.func)]
            message = (
                node.args[at]
                if len(node.args) > at
                else next((k.value for k in node.keywords if k.arg == "user_message"), None)
            )
            if message is not None and _plain_words(message):
                problems.append((node.lineno, _name(node.func)))
    return problems


def test_the_checker_finds_a_plain_sentence() -> None:
    source = (
        "raise ApiError('It broke.')\n"
        "raise ApiError(f'It broke at {x}.')\n"
        "raise ApiError('It broke.' + (f' It said: {s}' if s else ''))\n"
        "raise ApiError(QT_TRANSLATE_NOOP('messages', 'It broke.'))\n"
        "raise ApiError(fill(translate('messages', 'It broke at %1.'), x))\n"
        "raise ApiError(CONSTANT, detail=f'HTTP {status}')\n"
    )
    assert [line for line, _ in untranslated_errors(source, {"ApiError": 0})] == [1, 2, 3]
    coded = (
        "raise DownloadError('space', translate('messages', 'No room.'))\nraise DownloadError('space', 'No room.')\n"
    )
    assert [line for line, _ in untranslated_errors(coded, {"DownloadError": 1})] == [2]


def test_every_error_sentence_of_the_core_is_translatable() -> None:
    errors = error_classes()
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {name}(...)"
        for path in sorted((ROOT / "app").rglob("*.py"))
        if "sandbox" not in path.parts
        for line, name in untranslated_errors(path.read_text(encoding="utf-8"), errors)
    ]
    assert not problems, "mark with QT_TRANSLATE_NOOP or build with translate/fill:\n" + "\n".join(problems)
