"""A real process autosaving drafts is killed with SIGKILL at random moments, 100 times.

After each kill the file must open, pass ``PRAGMA integrity_check``, and hold every draft whose
save the process had reported as done (its commit returned)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.store.repository import Store

CHILD = r"""
import sys, random
from app.store.repository import Store
store = Store.in_dir(sys.argv[1])
start = int(sys.argv[2])
print("ready", flush=True)
i = start
while True:
    slot = i % 25
    store.save_draft(f"d{slot}", {"title": f"version {i}", "n": i, "description": "x" * random.randint(0, 4000)})
    print(i, flush=True)
    i += 1
"""

KILLS = 100


def test_sigkill_during_autosave_never_loses_a_saved_draft(tmp_path: Path) -> None:
    rng = random.Random(20261128)
    confirmed: dict[str, int] = {}
    next_n = 0
    saves_seen_before_kills = 0
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path), str(next_n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        # Kill at a random moment: a fifth of the time while the store may still be opening or migrating,
        # otherwise after a random number of confirmed saves (counted, not timed: a loaded machine is slow).
        seen: list[str] = []
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0.0, 0.05))
        else:
            wanted = rng.randint(1, 12)
            while len([line for line in seen if line.strip().isdigit()]) < wanted:
                line = child.stdout.readline()
                if not line:
                    break
                seen.append(line)
            saves_seen_before_kills += wanted
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err
        for line in [*seen, *out.splitlines()]:
            line = line.strip()
            if line.isdigit():
                n = int(line)
                confirmed[f"d{n % 25}"] = n
                next_n = max(next_n, n + 1)
        store = Store.in_dir(tmp_path)
        try:
            assert store.moved_aside is None, "a kill made the file unreadable"
            assert store.integrity_ok()
            stored = {d.id: d.values["n"] for d in store.list_drafts()}
            for draft_id, n in confirmed.items():
                assert stored.get(draft_id, -1) >= n, f"{draft_id}: saved {n}, found {stored.get(draft_id)}"
        finally:
            store.close()
    # The kills did land amid real work: every slot was written, and as many saves as were waited for.
    assert len(confirmed) == 25 and next_n >= saves_seen_before_kills > 300
