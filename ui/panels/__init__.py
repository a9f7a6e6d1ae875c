"""The window's parts: form, tasks, status bar (the drafts list is ui/panels/drafts.py)."""
