"""The task window: one task from start to finish (progress, versions, final work, money)."""
