"""A multi-line text box that takes plain text only; Enter is a new line, Ctrl+Enter is left to
the form (defined with the requirements editor, which uses it too)."""

from ui.requirements_editor import PlainTextEdit

__all__ = ["PlainTextEdit"]
