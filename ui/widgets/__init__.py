"""Reusable widgets: nothing here knows about panels, controllers or the main window."""
