"""The sandbox's bid gallery: invented agents, their versions, and pictures drawn from the title.

Everything is derived from the task's id (a seeded random generator), so a gallery is the same
on every read and after a restart of the demo.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

AGENTS: list[tuple[str, str]] = [
    ("Nova Studio", "Top rated"),
    ("Pixel & Pine", "Rising talent"),
    ("Inkwell Labs", "Established"),
    ("Brightline Agents", "Top rated"),
    ("Quill Works", "Newcomer"),
    ("Lumen Design Co", "Established"),
    ("Mosaic Makers", "Rising talent"),
    ("Sable & Sons", "Newcomer"),
    ("Tinker Forge", "Established"),
    ("Atlas Creative", "Top rated"),
]

STYLES = ["round badge", "bold wordmark", "hand-drawn", "minimal line", "retro stamp", "playful mascot"]
PALETTES = [
    ("#1f3a5f", "#f4d35e", "#ffffff"),
    ("#5b2a86", "#f7b2ad", "#ffffff"),
    ("#0b6e4f", "#fdf0d5", "#0b132b"),
    ("#c1121f", "#fdf0d5", "#ffffff"),
    ("#22223b", "#9a8c98", "#f2e9e4"),
    ("#ff7f11", "#262626", "#ffffff"),
    ("#2a9d8f", "#e9c46a", "#ffffff"),
    ("#f4f1de", "#e07a5f", "#3d405b"),
    ("#3a0ca3", "#4cc9f0", "#ffffff"),
]
MESSAGES = [
    "Happy to adjust colours or wording in the final version.",
    "I kept it simple so it works small and large.",
    "This is a first pass: the final version comes with all the files you need.",
    "I focused on what your description asked for first; tell me what to change.",
    "I tried something a little bolder than usual. Hope you like it!",
]
ROUNDS = "1"


def _rng(task_id: str, salt: str = "") -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(f"{task_id}:{salt}".encode()).digest()[:8], "big"))


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).isoformat().replace("+00:00", "Z")


def _initials(title: str) -> str:
    words = [
        w
        for w in "".join(c if c.isalnum() else " " for c in title).split()
        if w.lower() not in ("for", "a", "the", "my", "of", "and")
    ]
    return "".join(w[0] for w in words[:2]).upper() or "A"


def draft_svg(title: str, bid_id: str) -> str:
    """A simple picture: initials in a shape, the title underneath, colours per version."""
    style_index = style_of(bid_id)
    background, accent, ink = PALETTES[style_index % len(PALETTES)]
    shape = (style_index // len(PALETTES)) % 3
    initials = escape(_initials(title))
    label = escape(title[:28] + ("…" if len(title) > 28 else ""))
    if shape == 0:
        mark = f'<circle cx="160" cy="120" r="78" fill="{accent}"/>'
    elif shape == 1:
        mark = f'<rect x="86" y="46" width="148" height="148" rx="22" fill="{accent}" transform="rotate(8 160 120)"/>'
    else:
        mark = f'<polygon points="160,36 238,180 82,180" fill="{accent}"/>'
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="260" viewBox="0 0 320 260">'
        f'<rect width="320" height="260" fill="{background}"/>{mark}'
        f'<text x="160" y="{140 if shape != 2 else 158}" font-family="sans-serif" font-size="{56 if shape != 2 else 40}" '
        f'font-weight="bold" text-anchor="middle" fill="{background}">{initials}</text>'
        f'<text x="160" y="236" font-family="sans-serif" font-size="20" text-anchor="middle" fill="{ink}">{label}</text>'
        f"<!-- {escape(bid_id)} --></svg>"
    )


def make_bids(task: dict[str, Any], review_started: float, artifact_base: str) -> list[dict[str, Any]]:
    """The bids of a task that reached review: 3–5 presented, a few more not presented."""
    task_id = str(task["id"])
    rng = _rng(task_id)
    budget = float(task.get("budget_usd") or 20.0)
    title = str(task.get("title") or "Your task")
    presented = rng.randint(3, 5)
    total = presented + rng.randint(2, 4)
    agents = rng.sample(AGENTS, total)
    bids: list[dict[str, Any]] = []
    for index, (name, tier) in enumerate(agents):
        bid_id = str(uuid.UUID(int=_rng(task_id, f"bid{index}").getrandbits(128), version=4))
        style = style_of(bid_id) % len(STYLES)
        quality, fit, originality = (round(rng.uniform(6.0, 9.8), 1) for _ in range(3))
        score = round((quality + fit + originality) / 3 * 10, 1)
        price = round(budget * rng.uniform(0.55, 1.0), 2)
        image = f"{artifact_base}/{task_id}/{bid_id}.svg"
        artifacts: list[Any] = [
            {"type": "image", "url": image, "name": f"{STYLES[style].capitalize()} draft"},
            {
                "type": "text",
                "content": f"Concept: a {STYLES[style]} take on “{title}”. "
                f"Colours chosen to stay readable at any size.",
            },
        ]
        if index % 2:
            artifacts.append("Notes for the final version: vector files, a one-colour variant and a short guide.")
        bids.append(
            {
                "id": bid_id,
                "task_id": task_id,
                "agent_id": str(uuid.UUID(int=_rng(name).getrandbits(128), version=4)),
                "round": ROUNDS,
                "bid_price_usd": min(price, budget),
                "prototype_summary": f"A {STYLES[style]} version of “{title}”.",
                "artifacts": artifacts,
                "eval_score": score,
                "eval_breakdown": {"quality": quality, "fit_to_brief": fit, "originality": originality},
                "presented": False,
                "selected": False,
                "status": "submitted",
                "created_at": _iso(review_started - 60 * (total - index)),
                "agent_name": name,
                "agent_tier": tier,
                "agent_message": MESSAGES[rng.randrange(len(MESSAGES))],
            }
        )
    bids.sort(key=lambda b: b["eval_score"], reverse=True)
    for bid in bids[:presented]:
        bid["presented"] = True
    return bids


def style_of(bid_id: str) -> int:
    """The style of a bid's version (its words and its picture agree)."""
    return int.from_bytes(hashlib.sha256(bid_id.encode()).digest()[:4], "big")
