"""Make docs/main-window.png, the README's picture: the demo window with a few tasks in it.

    .venv/bin/python packaging/readme_screenshot.py   (or: make screenshot)

Seeds a throw-away data folder with demo tasks of different ages (the practice server moves them
through their statuses from their creation time), then runs the real program with
``--demo --screenshot``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.api.schema import Task  # noqa: E402
from app.sandbox.service import DEMO_USER_ID, PHASES  # noqa: E402
from app.store.repository import Store  # noqa: E402

SPEED = 10.0  # the demo's compressed clock
# (title, category, task type, budget, real seconds ago)
SAMPLES = [
    ("Logo for my bakery", "graphics-design", "logo-design", 45.0, 1.0),
    ("Blog post: 5 tips for spring gardening", "writing-translation", "blog-post", 25.0, 20),
    ("Summarise last quarter's sales figures", "data", "data-analysis-summary", 60.0, 120),
    ("Instagram post for our opening day", "digital-marketing", "social-media-post", 15.0, 300),
    ("Translate our menu into Spanish", "writing-translation", "translation", 30.0, 900),
]


def status_at(created: datetime, now: datetime) -> tuple[str, datetime]:
    """What the practice server will report (its PHASES on the demo clock), so the first paint is right."""
    age = (now - created).total_seconds() * SPEED
    bid_window_end = sum(d for name, d in PHASES if name != "review")
    start = 0.0
    for name, duration in PHASES:
        if age < start + duration:
            deadline = bid_window_end if name != "review" else start + duration
            return name, created + timedelta(seconds=deadline / SPEED)
        start += duration
    return "expired", created + timedelta(seconds=start / SPEED)


def seed(data_dir: Path) -> None:
    now = datetime.now(UTC)
    store = Store.in_dir(data_dir / "demo")
    try:
        for i, (title, category, task_type, budget, ago) in enumerate(SAMPLES):
            created = now - timedelta(seconds=ago)
            status, expires = status_at(created, now)
            store.upsert_task(
                Task(
                    id=f"5a3e0c1e-0000-4000-8000-{i:012d}",
                    status=status,
                    user_id=DEMO_USER_ID,
                    title=title,
                    description=title,
                    category=category,
                    task_type=task_type,
                    budget_usd=budget,
                    compute_budget=budget,
                    experimentation=0.3,
                    created_at=created,
                    expires_at=expires,
                )
            )
    finally:
        store.close()


def main() -> int:
    target = ROOT / "docs" / "main-window.png"
    with tempfile.TemporaryDirectory() as tmp:
        seed(Path(tmp))
        # An offscreen screen of a laptop's size, so the window opens at its usual size.
        screen = Path(tmp) / "screen.json"
        screen.write_text(
            '{"screens": [{"name": "screen", "x": 0, "y": 0, "width": 1280, "height": 800, '
            '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}'
        )
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", f"offscreen:configfile={screen}")}
        result = subprocess.run(
            [sys.executable, "-m", "ui", "--demo", "--data-dir", tmp, "--screenshot", str(target)], cwd=ROOT, env=env
        )
    if result.returncode == 0:
        print(target.relative_to(ROOT))
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
