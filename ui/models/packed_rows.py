"""The stored tasks as the table needs them, packed: one entry per task in parallel arrays.

A task is a slot number (its order of arrival, which never changes). Its status and its
category/type pair are small integer codes into short tables, its budget and times are C doubles
(NaN for none), its title and description are kept once, as one string (the title's length beside
it), and the id once, as the key of the id → slot dict. What the search box looks in is packed
too: the title and description, case-folded and UTF-8 encoded, each task's followed by a zero
byte, in chunks of about :data:`CHUNK` tasks. A search is then a few passes of C over those
bytes (:meth:`PackedRows.text_mask`) instead of a Python test per task; a status filter is one
``bytes.translate`` over the status codes. About 0.3 KB a task, against 0.9 KB for an object per
row with its own strings."""

from __future__ import annotations

import math
import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

CHUNK = 2048  # tasks per chunk of search text (a change rewrites one chunk: about 60 KB)
NONE = math.nan  # a budget or expiry that is not there
_KEEP_MARKS = bytes(range(2, 256))  # translate() deletes these: only the row ends (0) and hits (1) stay


def search_bytes(texts: list[str]) -> bytes:
    """The search text of these tasks ("title\\ndescription" each), case-folded, UTF-8, each
    followed by a zero byte. Zero and one bytes in the text become spaces (they mark rows and hits)."""
    if not texts:
        return b""
    joined = "\0".join(texts)
    if joined.count("\0") != len(texts) - 1:
        joined = "\0".join(t.replace("\0", " ") for t in texts)
    if "\1" in joined:
        joined = joined.replace("\1", " ")
    return (joined.casefold() + "\0").encode("utf-8", "surrogatepass")


def needle_bytes(needle: str) -> bytes:
    """What :meth:`PackedRows.text_mask` looks for: the case-folded text, encoded like the rows."""
    return needle.casefold().replace("\0", " ").replace("\1", " ").encode("utf-8", "surrogatepass")


def chunk_mask(chunk: bytes, needle: bytes, rows: int) -> bytes:
    """One byte per task of ``chunk``: 1 where its text holds ``needle``, else 0 (all in C)."""
    if needle not in chunk:
        return bytes(rows)
    marks = chunk.replace(needle, b"\1").translate(None, _KEEP_MARKS)
    if len(marks) == 2 * rows and marks.count(b"\1\0") == rows:
        return b"\1" * rows  # one hit in every task (a short word typed into a large table)
    while b"\1\1" in marks:  # two hits in one task count once
        marks = marks.replace(b"\1\1", b"\1")
    return marks.replace(b"\1\0", b"\1")


class Codes:
    """A value ↔ small integer table (statuses, category/type pairs): few values, many tasks."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self._code: dict[Any, int] = {}

    def code(self, value: Any) -> int:
        code = self._code.get(value)
        if code is None:
            code = self._code[value] = len(self.values)
            self.values.append(value)
        return code

    def codes(self, values: Iterable[Any]) -> list[int]:
        known = self._code
        return [known[v] if v in known else self.code(v) for v in values]


class PackedRows:
    """Every stored task's row, packed (see the module). Slots only grow; a task stored again
    (refreshed) is rewritten in its slot."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.slot_of: dict[str, int] = {}
        self.statuses = Codes()
        self.kinds = Codes()  # (category, task_type)
        self.status = array("H")
        self.kind = array("I")
        self.budget = array("d")
        self.created = array("d")
        self.expires = array("d")
        self.text: list[str] = []  # title + description, kept once
        self.title_len = array("I")
        self._chunks: list[bytes] = []  # search text, CHUNK tasks or fewer each
        self._chunk_start: list[int] = []  # the first slot of each chunk

    def __len__(self) -> int:
        return len(self.ids)

    # --- adding and changing ------------------------------------------------------------------
    def extend(self, fields: Sequence[tuple[Any, ...]]) -> None:
        """Append tasks given as the store's plain rows (app.store.tasks_table.TASK_ROW_FIELDS);
        the caller has skipped ids already known. Column by column: few Python steps per task."""
        if not fields:
            return
        ids, statuses, titles, descriptions, categories, types, budgets, created, expires = zip(*fields, strict=True)
        start = len(self.ids)
        self.ids.extend(ids)
        self.slot_of.update(zip(ids, range(start, start + len(ids)), strict=True))
        self.status.extend(self.statuses.codes(statuses))
        self.kind.extend(self.kinds.codes(zip(categories, types, strict=True)))
        self.budget.extend([NONE if b is None else b for b in budgets])
        self.created.extend([c or 0.0 for c in created])
        self.expires.extend([NONE if e is None else e for e in expires])
        self.text.extend(map(str.__add__, titles, descriptions))
        self.title_len.extend(map(len, titles))
        self._add_search(start, search_bytes(list(map("{}\n{}".format, titles, descriptions))))

    def _add_search(self, start: int, packed: bytes) -> None:
        if self._chunks and start - self._chunk_start[-1] < CHUNK:
            self._chunks[-1] += packed  # the last chunk is not full: it grows (a copy of at most a chunk)
        else:
            self._chunks.append(packed)
            self._chunk_start.append(start)

    def replace(self, slot: int, fields: tuple[Any, ...]) -> None:
        """Rewrite a task's slot (it was stored again: a refresh, a status change)."""
        _id, status, title, description, category, task_type, budget, created, expires = fields
        self.status[slot] = self.statuses.code(status)
        self.kind[slot] = self.kinds.code((category, task_type))
        self.budget[slot] = NONE if budget is None else budget
        self.created[slot] = created or 0.0
        self.expires[slot] = NONE if expires is None else expires
        self.text[slot] = title + description
        self.title_len[slot] = len(title)
        n = bisect_right(self._chunk_start, slot) - 1
        parts = self._chunks[n].split(b"\0")
        parts[slot - self._chunk_start[n]] = search_bytes([f"{title}\n{description}"])[:-1]
        self._chunks[n] = b"\0".join(parts)

    def staging(self) -> PackedRows:
        """An empty pack sharing this one's code tables: filled bit by bit, then :meth:`adopt`-ed whole."""
        other = PackedRows()
        other.statuses, other.kinds = self.statuses, self.kinds
        return other

    def adopt(self, other: PackedRows) -> None:
        """Append every task of ``other`` (made by :meth:`staging`; no id of it known here): the
        arrays, lists and chunks are joined in C, a few milliseconds for tens of thousands of tasks."""
        start = len(self.ids)
        self.ids.extend(other.ids)
        self.slot_of.update(zip(other.ids, range(start, start + len(other.ids)), strict=True))
        for column in ("status", "kind", "budget", "created", "expires", "title_len"):
            getattr(self, column).extend(getattr(other, column))
        self.text.extend(other.text)
        for chunk, first in zip(other._chunks, other._chunk_start, strict=True):
            self._add_search(start + first, chunk)

    # --- reading ------------------------------------------------------------------------------
    def fields(self, slot: int) -> tuple[Any, ...]:
        """The task's row as the store gives it (TASK_ROW_FIELDS)."""
        text, cut = self.text[slot], self.title_len[slot]
        category, task_type = self.kinds.values[self.kind[slot]]
        budget, expires = self.budget[slot], self.expires[slot]
        return (
            self.ids[slot],
            self.statuses.values[self.status[slot]],
            text[:cut],
            text[cut:],
            category,
            task_type,
            None if budget != budget else budget,  # NaN: none
            self.created[slot],
            None if expires != expires else expires,
        )

    def status_name(self, slot: int) -> str:
        return self.statuses.values[self.status[slot]]

    def status_mask(self, accepts: Callable[[str], bool]) -> bytes:
        """One byte per task: 1 where ``accepts`` its status (a test per status, not per task)."""
        verdicts = bytes(1 if accepts(s) else 0 for s in self.statuses.values)
        if len(verdicts) > 256:  # not seen in practice: a test per task
            return bytes(verdicts[c] for c in self.status)
        low = self.status.tobytes()[0 if sys.byteorder == "little" else 1 :: 2]  # codes < 256: their low byte
        return low.translate(verdicts.ljust(256, b"\0"))

    def text_mask(self, needle: str) -> bytes:
        """One byte per task: 1 where its title or description holds ``needle`` (case-folded)."""
        if not self._chunks:
            return b""
        wanted = needle_bytes(needle)
        ends = [*self._chunk_start[1:], len(self.ids)]
        return b"".join(
            chunk_mask(chunk, wanted, end - start)
            for chunk, start, end in zip(self._chunks, self._chunk_start, ends, strict=True)
        )


def both(first: bytes, second: bytes) -> bytes:
    """The bytewise AND of two masks of 0/1 bytes (as big integers: C speed)."""
    size = len(first)
    return (int.from_bytes(first, "little") & int.from_bytes(second, "little")).to_bytes(size, "little")
