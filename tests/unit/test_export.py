"""Tasks to CSV: what a spreadsheet or Python's csv reader reads back is exactly what was written,
and no cell is run as a formula."""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.export import HEADERS, INERT_PREFIX, cells, inert, write_csv

TZ = timezone(timedelta(hours=1))
TRICKY = [
    'a, b, and "c"',
    "line one\nline two\r\nline three",
    "emoji 🎉👨‍👩‍👧 and ü",
    '=HYPERLINK("http://x","click")',
    "+1+2",
    "-3",
    "@SUM(A1)",
    "\tTabbed",
    "\rcarriage",
    "\nnewline first",
    "'already quoted",
    "",
    " spaced ",
]


class Row:
    def __init__(self, i: int, rng: random.Random) -> None:
        self.id = f"00000000-0000-4000-8000-{i:012d}"
        self.title = rng.choice(TRICKY) + f" #{i}" if rng.random() < 0.9 else rng.choice(TRICKY)
        self.description = rng.choice(TRICKY) * rng.randint(1, 3)
        self.status = rng.choice(["open", "completed", "cancelled"])
        self.category = "graphics-design"
        self.task_type = "logo-design"
        self.budget_usd = rng.choice([None, 3.0, 45.37, 300.0, round(rng.uniform(3, 300), 2)])
        self.created_ts = rng.choice([0.0, 1_767_323_045.0, rng.uniform(1.6e9, 1.9e9)])
        self.expires_ts = rng.choice([None, 1_767_409_445.0])


class Words:
    def when(self, moment: datetime | None) -> str:
        return "" if moment is None else moment.strftime("%d %b %Y, %H:%M")

    def status(self, status: str) -> str:
        return {"open": "Posted", "completed": "Completed", "cancelled": "=Cancelled"}[status]

    def category(self, slug: str) -> str:
        return "Graphics, design"

    def task_type(self, category: str, slug: str) -> str:
        return '"Logo" design'

    def link(self, task_id: str) -> str:
        return f"https://api.example/api/v1/tasks/{task_id}"


def test_10000_tricky_tasks_read_back_exactly(tmp_path: Path) -> None:
    rng = random.Random(24)
    rows = [Row(i, rng) for i in range(10_000)]
    rows[0].title = '=1+2";=1+2'  # OWASP's own example
    path = tmp_path / "tasks.csv"
    assert write_csv(path, rows, Words(), tz=TZ) == 10_000
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    with open(path, encoding="utf-8-sig", newline="") as f:
        read = list(csv.reader(f))
    assert read[0] == list(HEADERS)
    assert len(read) == 10_001
    words = Words()
    for row, line in zip(rows, read[1:], strict=True):
        posted = datetime.fromtimestamp(row.created_ts, TZ) if row.created_ts else None
        expires = datetime.fromtimestamp(row.expires_ts, TZ) if row.expires_ts else None
        # Exactly what was given, except that a text starting like a formula has one ' before it.
        expected_texts = [
            row.id,
            row.title,
            row.description,
            "Graphics, design",
            '"Logo" design',
            words.status(row.status),
        ]
        for written, given in zip(line[:6], expected_texts, strict=True):
            if given[:1] in ("=", "+", "-", "@", "\t", "\r", "\n"):
                assert written == INERT_PREFIX + given
            else:
                assert written == given
        assert line[6] == ("" if row.budget_usd is None else f"{row.budget_usd:.2f}")
        assert line[6] == "" or float(line[6]) == row.budget_usd  # a number, not "$45.37"
        assert line[7] == "USD"
        assert line[8] == ("" if posted is None else posted.isoformat(timespec="seconds"))
        assert line[8] == "" or datetime.fromisoformat(line[8]).timestamp() == int(row.created_ts)
        assert line[9] == words.when(posted)
        assert line[10] == ("" if expires is None else expires.isoformat())
        assert line[11] == words.when(expires)
        assert line[12] == words.link(row.id)
    # OWASP: '=1+2";=1+2' becomes "'=1+2"";=1+2" in the file: a prefix, doubled quotes, quoted.
    assert '"\'=1+2"";=1+2"' in raw.decode("utf-8-sig")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_no_cell_starts_like_a_formula(start: str) -> None:
    assert inert(start + "1+1") == "'" + start + "1+1"
    row = Row(1, random.Random(1))
    row.title = row.description = start + "cmd|' /C calc'!A0"
    row.budget_usd = 5.0
    line = cells(row, Words(), TZ)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")) for cell in line)


def test_a_failed_write_leaves_no_half_file(tmp_path: Path) -> None:
    class Broken(Words):
        def link(self, task_id: str) -> str:
            raise OSError("disk gone")

    path = tmp_path / "tasks.csv"
    path.write_text("the old file")
    with pytest.raises(OSError):
        write_csv(path, [Row(1, random.Random(1))], Broken(), tz=TZ)
    assert path.read_text() == "the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["tasks.csv"]
