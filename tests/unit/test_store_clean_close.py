"""A large store closed cleanly is trusted at the next launch without reading it all; anything
that touched it since (a crash, another program, damage) and it is checked as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.early_check import CLEAN_SUFFIX, EarlyCheck
from app.store.repository import Store


@pytest.fixture(autouse=True)
def every_store_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EarlyCheck, "WORTH_IT", 0)


def test_a_cleanly_closed_store_is_vouched_for_at_once_and_only_once(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "x"})
    store.close()
    mark = store.path.with_name(store.path.name + CLEAN_SUFFIX)
    assert mark.exists() and mark.stat().st_mode & 0o777 == 0o600
    early = EarlyCheck.start(store.path)
    assert early is not None and early.vouches_for(store.path, wait=0)  # no thread, no reading
    assert not mark.exists()  # this start writes to the store: the mark is used up
    again = Store.in_dir(tmp_path, checked=early)
    assert again.get_draft("a") is not None and again.moved_aside is None
    again.save_draft("b", {"title": "y"})
    assert not mark.exists()  # were it killed now (no clean close), the next start would read it all
    again.close()
    assert mark.exists()


def test_a_store_touched_after_its_clean_close_is_checked_and_damage_caught(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "x"})
    store.close()
    data = bytearray(store.path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    store.path.write_bytes(bytes(data))  # damaged by something else after the clean close
    early = EarlyCheck.start(store.path)
    assert early is not None
    fresh = Store.in_dir(tmp_path, checked=early)
    assert fresh.moved_aside is not None and fresh.list_drafts() == []
    fresh.close()
