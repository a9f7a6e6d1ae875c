"""Which alerts were already given, per task, kept in the store's settings across restarts.

The review's alerts (:mod:`app.review.alerts`) and the task alerts (:mod:`app.tasks.needs_you`)
each give an alert at most once per task and step: both remember it here, for the most recent
``max_remembered`` tasks (memory and the setting stay bounded), or more when the caller says that
more need remembering at once (:meth:`AlertMemory.keep_at_least`: thousands waiting for review).
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.store.repository import SettingsStore

log = logging.getLogger(__name__)

MAX_REMEMBERED = 1000


class AlertMemory:
    """The alerts shown, by task id, the most recently touched task last; ``setting`` names where
    they are kept and ``what`` names them in the log."""

    def __init__(
        self, store: SettingsStore | None, setting: str, *, what: str = "alerts", max_remembered: int = MAX_REMEMBERED
    ) -> None:
        self._store = store
        self._setting = setting
        self._what = what
        self._max = max_remembered
        self._shown: OrderedDict[str, set[str]] = OrderedDict()
        self._load()
        self._max = max(self._max, len(self._shown))  # as many as were kept last time

    def _load(self) -> None:
        if self._store is None:
            return
        try:
            raw = self._store.get_setting(self._setting)
            items = json.loads(raw) if raw else []
        except Exception as exc:  # a damaged setting: start afresh, at worst an alert repeats once
            log.info("%s shown before could not be read: %s", self._what, exc)
            return
        if not isinstance(items, list):
            return
        for item in items:  # as many as were saved: bounded when they were
            if isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], list):
                self._shown[item[0]] = {str(k) for k in item[1]}

    def save(self) -> None:
        if self._store is None:
            return
        try:
            self._store.set_setting(self._setting, json.dumps([[k, sorted(v)] for k, v in self._shown.items()]))
        except Exception as exc:
            log.warning("could not remember which %s were shown: %s", self._what, exc)

    def keep_at_least(self, count: int) -> None:
        """Remember at least ``count`` tasks from now on (as many as need it at once)."""
        self._max = max(self._max, count)

    def of(self, task_id: str) -> Collection[str]:
        """What was shown for this task (empty when nothing)."""
        return self._shown.get(task_id, ())

    def shown(self, task_id: str, key: str) -> bool:
        return key in self._shown.get(task_id, ())

    def mark(self, task_id: str, *keys: str) -> None:
        """Remember ``keys`` as shown for this task (now its most recent)."""
        self._shown.setdefault(task_id, set()).update(keys)
        self._shown.move_to_end(task_id)
        while len(self._shown) > self._max:
            self._shown.popitem(last=False)

    def first_time(self, task_id: str, key: str) -> bool:
        """True (and remembered) the first time ``key`` comes up for this task."""
        if self.shown(task_id, key):
            self._shown.move_to_end(task_id)
            return False
        self.mark(task_id, key)
        return True
