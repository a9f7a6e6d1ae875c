"""Kept galleries and deliveries: on a real disk, across restarts, under a size cap, and killed mid-write."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from app.review.keep import FOLDER, KeptTasks

ROOT = Path(__file__).resolve().parents[2]
GALLERY = {"bids": [{"id": "b1", "artifacts": ["https://cdn.example/1.png"], "agent_name": "Nova Studio"}]}


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


def disk_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_what_was_kept_is_readable_after_a_restart(tmp_path: Path) -> None:
    kept = KeptTasks(tmp_path)
    assert kept.gallery("t1") is None and kept.file("t1", "https://cdn.example/1.png") is None
    assert kept.put_gallery("t1", GALLERY)
    assert kept.put_file("t1", "https://cdn.example/1.png", b"\x89PNG picture")
    assert kept.put_delivery("t1", {"id": "d1", "artifacts": []}, number=1)
    assert kept.put_delivery("t1", {"id": "d2", "artifacts": []}, number=2)
    saved = tmp_path / "Downloads" / "logo.png"
    saved.parent.mkdir()
    saved.write_bytes(b"the final picture")
    assert kept.add_file("t1", "https://files.example/logo.png", saved)

    again = KeptTasks(tmp_path)  # the next start, offline: nothing asks the network
    assert again.gallery("t1") == GALLERY
    assert again.file("t1", "https://cdn.example/1.png") == b"\x89PNG picture"
    assert again.delivery("t1") == {"id": "d2", "artifacts": []}
    assert again.delivery("t1", 1) == {"id": "d1", "artifacts": []}
    path = again.file_path("t1", "https://files.example/logo.png")
    assert path is not None and path.read_bytes() == b"the final picture" and path.is_relative_to(tmp_path / FOLDER)
    assert again.size == kept.size == disk_size(tmp_path / FOLDER)


def test_the_least_recently_used_tasks_go_first_when_over_the_cap(tmp_path: Path) -> None:
    clock = Clock()
    kept = KeptTasks(tmp_path, cap_bytes=1000, clock=clock)
    for task in ("a", "b", "c"):
        assert kept.put_file(task, "pic", b"x" * 300)
    assert kept.file("a", "pic") == b"x" * 300  # a is used again: b is now the oldest
    assert kept.put_file("d", "pic", b"x" * 300)
    assert sorted(kept.tasks()) == ["a", "c", "d"] and not kept.has("b")
    assert kept.size <= 1000 and not (tmp_path / FOLDER / "b").exists()

    restarted = KeptTasks(tmp_path, cap_bytes=1000, clock=clock)  # the order comes back from the disk
    assert restarted.tasks() == ["d", "a", "c"]
    assert restarted.put_file("e", "pic", b"x" * 300)
    assert sorted(restarted.tasks()) == ["a", "d", "e"]

    restarted.set_cap(650)  # a smaller cap from the settings: applied at once
    assert restarted.tasks() == ["e", "d"] and restarted.size == disk_size(tmp_path / FOLDER) <= 650


def test_what_cannot_fit_alone_is_not_kept_and_nothing_else_is_lost(tmp_path: Path) -> None:
    kept = KeptTasks(tmp_path, cap_bytes=1000)
    assert kept.put_gallery("small", GALLERY)
    assert not kept.put_file("huge", "movie", b"x" * 1001)
    assert kept.file("huge", "movie") is None and kept.gallery("small") == GALLERY
    assert kept.put_file("t", "one", b"x" * 600)
    assert not kept.put_file("t", "two", b"x" * 600)  # the task itself would pass the cap
    assert kept.file("t", "one") == b"x" * 600
    assert kept.put_file("t", "one", b"y" * 900)  # replacing counts the new size, not both
    assert kept.file("t", "one") == b"y" * 900 and kept.size == disk_size(tmp_path / FOLDER)


def test_odd_task_ids_stay_inside_the_folder_and_damage_is_only_a_miss(tmp_path: Path) -> None:
    kept = KeptTasks(tmp_path)
    assert kept.put_gallery("../../escape", GALLERY) and kept.gallery("../../escape") == GALLERY
    assert sorted(p.name for p in tmp_path.iterdir()) == [FOLDER]
    assert kept.put_gallery("t2", GALLERY)
    (tmp_path / FOLDER / "t2" / "gallery.json").write_text("{not json")
    assert KeptTasks(tmp_path).gallery("t2") is None
    kept.forget("t2")
    assert not kept.has("t2") and not (tmp_path / FOLDER / "t2").exists()


def test_writes_from_many_threads_keep_the_count_true(tmp_path: Path) -> None:
    kept = KeptTasks(tmp_path, cap_bytes=50_000)

    def work(n: int) -> None:
        for i in range(20):
            kept.put_file(f"task{n}", f"pic{i % 5}", bytes([n]) * (500 + i * 10))
            kept.gallery(f"task{(n + 1) % 6}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert kept.size == disk_size(tmp_path / FOLDER) <= 50_000
    assert KeptTasks(tmp_path).size == kept.size


CHILD = r"""
import sys
from app.review.keep import KeptTasks
kept = KeptTasks(sys.argv[1])
n = 0
while True:
    kept.put_gallery("t", {"n": n, "bids": [{"id": str(i), "text": "x" * 2000} for i in range(50)]})
    print(n, flush=True)
    n += 1
"""


def test_a_run_killed_while_keeping_leaves_the_old_version_or_the_new(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    last_seen = -1
    for kill_after in (1, 3, 7, 12, 20):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout is not None
        for line in child.stdout:
            last_seen = int(line)
            if last_seen >= kill_after:
                os.kill(child.pid, signal.SIGKILL)
                break
        child.wait(timeout=30)
        kept = KeptTasks(tmp_path)
        gallery = kept.gallery("t")
        assert gallery is not None and gallery["n"] >= last_seen and len(gallery["bids"]) == 50
        assert not [p for p in (tmp_path / FOLDER).rglob("*.tmp")]  # the unfinished write was cleared
        assert json.loads((tmp_path / FOLDER / "t" / "gallery.json").read_text())["n"] == gallery["n"]


FULL_DISK_KEEP = r"""
import json, sys
from pathlib import Path
from app.review.keep import FOLDER, KeptTasks
small = Path(sys.argv[1])
kept = KeptTasks(small)
out = {"gallery_kept": kept.put_gallery("t", {"bids": []})}
out["big_kept"] = kept.put_file("t", "big", b"x" * (8 * 1024 * 1024))  # more than the 3 MB disk holds
out["gallery"] = kept.gallery("t")
out["big"] = kept.file("t", "big")
out["temporary"] = [str(p) for p in (small / FOLDER).rglob("*.tmp")]
out["counted"] = kept.size
out["on_disk"] = sum(p.stat().st_size for p in (small / FOLDER).rglob("*") if p.is_file())
print(json.dumps(out))
"""


def test_a_full_disk_only_means_not_kept(tmp_path: Path) -> None:
    from tests import disk

    out = disk.on_small_disk(tmp_path, FULL_DISK_KEEP)
    assert out["gallery_kept"] and not out["big_kept"]
    assert out["gallery"] == {"bids": []} and out["big"] is None
    assert out["temporary"] == [] and out["counted"] == out["on_disk"]
