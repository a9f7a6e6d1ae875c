"""Make shown text in widgets translatable, mechanically: ``.venv/bin/python packaging/wrap_tr.py ui/x.py ...``

Wraps every literal that tests/unit/test_translatable.py reports (a text handed straight to a
label, button, title, tooltip, banner...) in ``self.tr(...)`` inside a method, else in
``translate("<Class or module>", ...)``; an f-string becomes ``fill(self.tr("... %1 ..."), value)``.
Review the result (text built up in variables is not seen), run ``ruff check --fix --select I``,
then ``make translations`` and translate the new entries.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.unit.test_translatable import shown_texts


def qstr(text: str) -> str:
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{out}"'


class Finder(ast.NodeVisitor):
    def __init__(self, module: str) -> None:
        self.module = module
        self.stack: list[ast.AST] = []
        self.edits: list[tuple[ast.AST, str]] = []  # (node, kind)
        self.needs_fill = False
        self.needs_translate = False

    def generic_visit(self, node: ast.AST) -> None:
        self.stack.append(node)
        super().generic_visit(node)
        self.stack.pop()

    def context(self) -> tuple[str, bool]:
        """(context, use_self_tr)"""
        cls = None
        func = None
        for node in reversed(self.stack):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and func is None:
                func = node
            if isinstance(node, ast.ClassDef):
                cls = node
                break
        if cls is not None and isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = func.args.args
            is_static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in func.decorator_list)
            if args and args[0].arg == "self" and not is_static:
                return cls.name, True
        if cls is not None and func is not None and not isinstance(func, ast.Lambda):
            return cls.name, False
        if cls is not None:
            return cls.name, False
        return self.module, False

    def visit_Call(self, node: ast.Call) -> None:
        for arg, _ in shown_texts(node):
            self.edits.append((arg, self.context()))
        self.generic_visit(node)


def offsets(source: str) -> list[int]:
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def convert(path: Path) -> int:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    finder = Finder(path.stem)
    finder.visit(tree)
    starts = offsets(source)
    replacements = []
    for node, (ctx, use_self) in finder.edits:
        start = starts[node.lineno - 1] + len(
            source.splitlines(keepends=True)[node.lineno - 1].encode()[: node.col_offset].decode()
        )
        end = starts[node.end_lineno - 1] + len(
            source.splitlines(keepends=True)[node.end_lineno - 1].encode()[: node.end_col_offset].decode()
        )
        if isinstance(node, ast.Constant):
            literal = source[start:end]
            args: list[str] = []
        else:
            template = ""
            args = []
            for value in node.values:
                if isinstance(value, ast.Constant):
                    template += value.value
                else:
                    args.append(value)
                    template += f"%{len(args)}"
            literal = qstr(template)
            args = [
                ast.unparse(a.value)
                if (a.conversion == -1 and a.format_spec is None)
                else ast.unparse(ast.JoinedStr([a]))
                for a in args
            ]
        call = f"self.tr({literal})" if use_self else f'translate("{ctx}", {literal})'
        if not use_self:
            finder.needs_translate = True
        if args:
            finder.needs_fill = True
            call = f"fill({call}, {', '.join(args)})"
        replacements.append((start, end, call))
    for start, end, call in sorted(replacements, reverse=True):
        source = source[:start] + call + source[end:]
    imports = []
    if finder.needs_fill:
        imports.append("from ui.i18n import fill\n")
    if finder.needs_translate:
        imports.append("from ui.i18n import translate\n")
    if imports:
        lines = source.splitlines(keepends=True)
        # after the last top-level import
        last = max(
            i
            for i, line in enumerate(lines)
            if line.startswith(("import ", "from ")) and not line.startswith("from __future__")
        )
        # skip multi-line import continuation
        j = last
        if lines[last].rstrip().endswith("("):
            while not lines[j].startswith(")"):
                j += 1
        lines[j + 1 : j + 1] = imports
        source = "".join(lines)
    path.write_text(source, encoding="utf-8")
    return len(replacements)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(name, convert(Path(name)))
