"""The action journal over a real store file: recorded before sending, one open action per task,
kept across a restart, unclear answers settled only by reading the server's state."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.actions import (
    Action,
    ActionBusy,
    ActionJournal,
    Checking,
    JournalEntry,
    Phase,
    Verdict,
    check_until_settled,
    phase_after,
)
from app.api.errors import ApiError, Forbidden, Offline, OutcomeUnknown, ServerError
from app.store.repository import Store
from tests.conftest import FakeClock


@pytest.fixture
def store(tmp_path: Path):
    store = Store(tmp_path / "aitasker.sqlite3")
    yield store
    store.close()


def test_an_action_is_on_disk_before_it_is_sent_and_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "aitasker.sqlite3"
    first = Store(path)
    entry = ActionJournal(first).begin("task-1", Action.CHOOSE, {"version": "bid-7"})
    first.close()  # as if killed right after: nothing else was written

    again = Store(path)
    try:
        journal = ActionJournal(again)
        found = journal.after_restart()
        assert [(e.id, e.task_id, e.action, e.params, e.key) for e in found] == [
            (entry.id, "task-1", Action.CHOOSE, {"version": "bid-7"}, entry.key)
        ]
        assert found[0].phase == Phase.UNSURE  # cut off: never taken as sent, never as lost
        assert journal.open_for("task-1") == found[0]
    finally:
        again.close()


def test_one_open_action_per_task(store: Store) -> None:
    journal = ActionJournal(store)
    first = journal.begin("task-1", Action.CHOOSE, {"version": "a"})
    with pytest.raises(ActionBusy) as busy:
        journal.begin("task-1", Action.CHOOSE, {"version": "b"})
    assert busy.value.entry.id == first.id
    with pytest.raises(ActionBusy):
        journal.begin("task-1", Action.CANCEL)
    journal.begin("task-2", Action.CANCEL)  # another task is free
    journal.settle(first, Phase.UNSURE)
    with pytest.raises(ActionBusy):  # unsure is still open
        journal.begin("task-1", Action.CHOOSE, {"version": "b"})
    journal.settle(first, Phase.NOT_DONE)
    assert journal.begin("task-1", Action.CHOOSE, {"version": "b"}).params == {"version": "b"}


def test_each_action_has_its_own_idempotency_key(store: Store) -> None:
    journal = ActionJournal(store)
    a = journal.begin("t1", Action.APPROVE)
    journal.settle(a, Phase.DONE)
    b = journal.begin("t1", Action.REVISION, {"message": "bigger"})
    assert a.key != b.key and len(a.key) == 36
    assert [e.action for e in journal.entries("t1")] == [Action.APPROVE, Action.REVISION]
    assert journal.latest("t1", Action.APPROVE) is not None
    assert journal.latest("t1", Action.APPROVE).phase == Phase.DONE


@pytest.mark.parametrize(
    ("error", "phase"),
    [
        (Offline(), Phase.NOT_SENT),
        (OutcomeUnknown(), Phase.UNSURE),
        (ServerError(status=500), Phase.UNSURE),  # it may have been applied before the server failed
        (Forbidden(status=403), Phase.REFUSED),
        (ApiError(status=409), Phase.REFUSED),
    ],
)
def test_what_an_answer_says_about_the_action(error: Exception, phase: Phase) -> None:
    assert phase_after(error) == phase


class Server:
    """Answers the journal's reads with a scripted list of verdicts (the last one repeats)."""

    def __init__(self, *verdicts: Verdict | Exception) -> None:
        self.verdicts = list(verdicts)
        self.reads = 0

    async def __call__(self, entry: JournalEntry) -> Verdict:
        self.reads += 1
        item = self.verdicts.pop(0) if len(self.verdicts) > 1 else self.verdicts[0]
        if isinstance(item, Exception):
            raise item
        return item


def checking(clock: FakeClock) -> Checking:
    async def sleep(seconds: float) -> None:
        clock.now += seconds
        await asyncio.sleep(0)

    return Checking(pauses=(1, 2, 4), quiet_for=30, sleep=sleep, monotonic=clock)


async def test_a_late_answer_is_found_by_reading_not_by_sending_again(store: Store) -> None:
    """The slow choice: no sign at first, a failed read, then the server shows it: done."""
    clock = FakeClock(1000.0)
    journal = ActionJournal(store)
    entry = journal.settle(journal.begin("t1", Action.CHOOSE, {"version": "v1"}), Phase.UNSURE)
    server = Server(Verdict.NO_SIGN, ServerError(status=503), Verdict.NO_SIGN, Verdict.HAPPENED)
    settled = await check_until_settled(journal, entry, server, checking(clock))
    assert settled.phase == Phase.DONE and server.reads == 4
    assert journal.open_for("t1") is None


async def test_no_sign_counts_as_lost_only_after_the_quiet_period(store: Store) -> None:
    """A server that applies an accepted action a few seconds later is not taken for a lost one."""
    clock = FakeClock(1000.0)
    journal = ActionJournal(store)
    entry = journal.begin("t1", Action.CANCEL)
    server = Server(Verdict.NO_SIGN)
    settled = await check_until_settled(journal, entry, server, checking(clock))
    assert settled.phase == Phase.NOT_DONE
    assert clock.now - 1000.0 >= 30  # it waited the quiet period out, reading all along
    assert server.reads >= 8


async def test_a_task_that_moved_on_without_it_settles_at_once(store: Store) -> None:
    clock = FakeClock(1000.0)
    journal = ActionJournal(store)
    entry = journal.begin("t1", Action.CHOOSE, {"version": "v1"})
    settled = await check_until_settled(journal, entry, Server(Verdict.RULED_OUT), checking(clock))
    assert settled.phase == Phase.NOT_DONE and clock.now == 1000.0


def test_listeners_hear_every_change(store: Store) -> None:
    journal = ActionJournal(store)
    heard: list[tuple[str, Phase]] = []
    journal.add_listener(lambda e: heard.append((e.task_id, e.phase)))
    entry = journal.begin("t1", Action.EXTEND)
    journal.settle(entry, Phase.DONE)
    assert heard == [("t1", Phase.SENDING), ("t1", Phase.DONE)]


def test_settled_entries_are_pruned_but_open_ones_never(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.store import journal as table

    monkeypatch.setattr(table, "KEPT_MAX", 5)
    journal = ActionJournal(store)
    stuck = journal.begin("stuck", Action.APPROVE)  # open: must survive any pruning
    for n in range(20):
        journal.settle(journal.begin(f"t{n}", Action.CANCEL), Phase.DONE)
    rows = store.action_rows()
    assert len(rows) <= 6
    assert journal.open_for("stuck") == stuck


def test_what_the_gallery_says_about_a_choice() -> None:
    from app.review import verdicts
    from app.review.gallery import Gallery

    entry = JournalEntry(1, "t1", Action.CHOOSE, {"version": "b2"}, "k", Phase.UNSURE, 0.0, 0.0)

    def gallery(status: str, selected: str | None = None) -> Gallery:
        bids = [{"id": b, "selected": b == selected} for b in ("b1", "b2")]
        return Gallery.model_validate({"task": {"id": "t1", "status": status}, "bids": bids})

    assert verdicts.choose(entry, None, gallery("review")) is Verdict.NO_SIGN  # 202: not applied yet
    assert verdicts.choose(entry, None, gallery("review", selected="b2")) is Verdict.HAPPENED
    assert verdicts.choose(entry, None, gallery("delivering", selected="b1")) is Verdict.RULED_OUT
    assert verdicts.choose(entry, None, gallery("delivering")) is Verdict.HAPPENED
    assert verdicts.choose(entry, None, gallery("expired")) is Verdict.RULED_OUT


async def test_reads_that_failed_do_not_count_as_quiet(store: Store) -> None:
    """AITasker could not be read for longer than the quiet period, then showed no sign: that first
    "no sign" was taken as "did not happen" at once, though the server had shown nothing for 0 s
    (it may apply an accepted action a little later). The quiet period counts from the first read."""
    clock = FakeClock(1000.0)
    journal = ActionJournal(store)
    entry = journal.settle(journal.begin("t1", Action.CHOOSE, {"version": "v1"}), Phase.UNSURE)
    unreadable = [ServerError(status=503)] * 12  # 1 + 2 + 4 * 10 = 43 s of failed reads
    server = Server(*unreadable, Verdict.NO_SIGN, Verdict.NO_SIGN, Verdict.HAPPENED)
    settled = await check_until_settled(journal, entry, server, checking(clock))
    assert settled.phase == Phase.DONE


def test_an_answer_that_cannot_be_written_down_still_counts_in_this_run(store: Store) -> None:
    """The server answered, but the disk would not take the new phase: the entry stayed "sending" (its
    request's job ended with the store's error, the window said "Sending…" for ever and held every
    action on the task). Now the phase holds in this run, is told, and is written once writing works;
    on disk it stays open meanwhile, so a kill before that leaves it to be checked, never resent."""
    journal = ActionJournal(store)
    told: list[Phase] = []
    journal.add_listener(lambda entry: told.append(entry.phase))
    entry = journal.begin("t1", Action.CHOOSE, {"version": "v1"})
    store._db.execute("PRAGMA query_only = 1")  # every write now fails (SQLITE_READONLY)
    done = journal.settle(entry, Phase.DONE)
    assert done.phase == Phase.DONE and told == [Phase.SENDING, Phase.DONE]
    assert journal.open_for("t1") is None and journal.open_entries() == []
    latest = journal.latest("t1", Action.CHOOSE)
    assert latest is not None and latest.phase == Phase.DONE
    assert [row[5] for row in store.action_rows()] == ["sending"]  # on disk: still open
    store._db.execute("PRAGMA query_only = 0")  # writing works again
    journal.settle(journal.begin("t2", Action.CANCEL), Phase.REFUSED)
    assert [row[5] for row in store.action_rows()] == ["done", "refused"]
