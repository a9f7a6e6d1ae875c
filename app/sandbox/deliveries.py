"""What a delivery holds: a PNG picture of a few hundred KB, a text, a PDF guide and a ZIP of
source files (and, when configured, one large file for benches). Each item is served from the
sandbox's own host under /sandbox/deliveries/… with its size, type and SHA-256 in the listing."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.sandbox.bids import PALETTES, draft_svg, style_of
from app.sandbox.files import hex_rgb, noise_chunks, pdf, png, zip_of
from app.sandbox.life import Delivery, Life
from app.sandbox.tasks import iso

PICTURE_SIZE = (800, 600)
FILES_PATH = "/sandbox/deliveries"


@dataclass(frozen=True)
class DeliveryFile:
    kind: str  # "image" | "text" | "file"
    name: str
    content_type: str
    data: bytes | None  # None: a large file, made a chunk at a time
    size: int
    seed: int = 0

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
        else:
            yield from noise_chunks(self.size, self.seed)

    @functools.cached_property
    def sha256(self) -> str:
        digest = hashlib.sha256()
        for chunk in self.chunks():
            digest.update(chunk)
        return digest.hexdigest()


def slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:40].strip("-") or "final-work"


def _seed(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256(":".join(map(str, parts)).encode()).digest()[:8], "big")


@functools.lru_cache(maxsize=16)
def delivery_files(
    task_id: str, title: str, bid_id: str, agent: str, number: int, note: str, answer: str, large: int
) -> tuple[DeliveryFile, ...]:
    """The files of one delivery: the same arguments, the same bytes."""
    base = slug(title)
    background, accent, ink = PALETTES[style_of(bid_id) % len(PALETTES)]
    seed = _seed(task_id, bid_id, number)
    top, bottom = hex_rgb(background), hex_rgb(accent)
    picture = png(*PICTURE_SIZE, top=top, bottom=bottom, accent=hex_rgb(ink), seed=seed, grain_bits=2)
    lines = [
        f"Final work for “{title}”",
        f"By {agent} · version {number}",
        "",
        note,
        "",
        "What is included:",
        f"- {base}.png: the picture, {PICTURE_SIZE[0]}×{PICTURE_SIZE[1]} pixels",
        f"- {base}-guide.pdf: how to use it",
        f"- {base}-source.zip: the source files",
        "",
        f"Colours: background {background}, accent {accent}, ink {ink}.",
    ]
    if answer:
        lines += ["", f"You told us: “{answer}” — the final version follows it."]
    text = ("\n".join(lines) + "\n").encode()
    guide = pdf(
        f"Using your final work (version {number})",
        [
            f"Task: {title}",
            f"Made by {agent}.",
            "",
            "1. Use the PNG picture on screens: websites, social media, documents.",
            "2. Keep the source files (the ZIP) for printing and later changes.",
            f"3. The colours are {background}, {accent} and {ink}.",
        ],
    )
    source = zip_of(
        [
            ("README.txt", text),
            (f"{base}.svg", draft_svg(title, bid_id).encode()),
            ("colours.txt", f"background {background}\naccent {accent}\nink {ink}\n".encode()),
        ]
    )
    files = [
        DeliveryFile("image", f"{base}.png", "image/png", picture, len(picture)),
        DeliveryFile("text", f"{base}-notes.txt", "text/plain; charset=utf-8", text, len(text)),
        DeliveryFile("file", f"{base}-guide.pdf", "application/pdf", guide, len(guide)),
        DeliveryFile("file", f"{base}-source.zip", "application/zip", source, len(source)),
    ]
    if large > 0:
        files.append(DeliveryFile("file", f"{base}-extras.bin", "application/octet-stream", None, large, seed))
    return tuple(files)


def files_of(life: Life, delivery: Delivery, title: str, large: int) -> tuple[DeliveryFile, ...]:
    answer = life.question.answer if life.question is not None and life.question.answer else ""
    agent = str(life.bid.get("agent_name") or "Your agent")
    return delivery_files(
        life.task_id, title, str(life.bid.get("id")), agent, delivery.number, delivery.note, answer, large
    )


STATES = {"delivered": "awaiting_approval", "completed": "approved", "disputed": "disputed"}


def delivery_answer(
    life: Life, delivery: Delivery, title: str, large: int, base_url: str, approve_by: float | None
) -> dict[str, Any]:
    """A delivery as the API answers it; ``approve_by`` when it waits for the buyer's approval."""
    # An earlier one, or the latest while the agent works on the changes asked for.
    state = STATES.get(life.status, "revision_requested") if life.latest is delivery else "revision_requested"
    items: list[dict[str, Any]] = []
    for item in files_of(life, delivery, title, large):
        entry: dict[str, Any] = {
            "type": item.kind,
            "name": item.name,
            "url": f"{base_url.rstrip('/')}{FILES_PATH}/{life.task_id}/{delivery.id}/{item.name}",
            "content_type": item.content_type,
            "size_bytes": item.size,
            "sha256": item.sha256,
        }
        if item.kind == "image":
            entry["width"], entry["height"] = PICTURE_SIZE
        if item.kind == "text" and item.data is not None:
            entry["content"] = item.data.decode()
        items.append(entry)
    return {
        "id": delivery.id,
        "task_id": life.task_id,
        "bid_id": life.bid.get("id"),
        "agent_name": life.bid.get("agent_name"),
        "number": delivery.number,
        "status": state,
        "delivered_at": iso(delivery.delivered_at),
        "approve_by": iso(approve_by) if approve_by is not None and state == "awaiting_approval" else None,
        "message": delivery.note,
        "artifacts": items,
    }
