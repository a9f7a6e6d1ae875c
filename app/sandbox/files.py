"""Real files for the sandbox's deliveries, written with the standard library only (no Qt in app/):
a PNG picture, a one-page PDF and a ZIP. Every byte follows from the arguments, so the same
delivery is the same bytes on every read and in every run."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Iterator

RGB = tuple[int, int, int]
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


def hex_rgb(colour: str) -> RGB:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width: int, height: int, *, top: RGB, bottom: RGB, accent: RGB, seed: int, grain_bits: int = 3) -> bytes:
    """An RGB picture: a vertical gradient from ``top`` to ``bottom``, a disc and a ring in
    ``accent``, and a seeded film grain in the lowest ``grain_bits`` bits of every channel (so it
    weighs what a real picture does instead of compressing to nothing)."""
    rng = random.Random(seed)
    stride = width * 3
    grain_mask = int.from_bytes(bytes([(1 << grain_bits) - 1]) * stride, "big")
    cx, cy = width / 2, height * 0.46
    radius, ring = min(width, height) * 0.28, min(width, height) * 0.36
    accent_px = bytes(accent)
    ring_px = bytes(max(0, c - 40) for c in accent)
    rows = []
    for y in range(height):
        t = y / max(1, height - 1)
        colour = bytes(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        row = bytearray(colour * width)
        dy = y + 0.5 - cy
        for r, pixel, width_px in ((ring, ring_px, 6.0), (radius, accent_px, 0.0)):
            if abs(dy) < r:
                half = (r * r - dy * dy) ** 0.5
                inner = (max(0.0, (r - width_px) ** 2 - dy * dy) ** 0.5) if width_px else 0.0
                for x0, x1 in (
                    ((cx - half, cx - inner), (cx + inner, cx + half)) if width_px else ((cx - half, cx + half),)
                ):
                    a, b = max(0, int(x0)), min(width, int(x1))
                    if b > a:
                        row[a * 3 : b * 3] = pixel * (b - a)
        noisy = int.from_bytes(row, "big") ^ (int.from_bytes(rng.randbytes(stride), "big") & grain_mask)
        rows.append(b"\x00" + noisy.to_bytes(stride, "big"))  # filter type 0 per row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 6))
        + _chunk(b"IEND", b"")
    )


def _pdf_text(text: str) -> str:
    latin = text.encode("latin-1", "replace").decode("latin-1")
    return latin.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF: a heading and lines of text in Helvetica (Latin-1; others become '?')."""
    ops = ["BT", "/F1 20 Tf", "56 780 Td", f"({_pdf_text(title[:70])}) Tj", "/F1 11 Tf", "0 -34 Td"]
    for line in lines[:55]:
        ops += [f"({_pdf_text(line[:95])}) Tj", "0 -15 Td"]
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zip_of(entries: list[tuple[str, bytes]]) -> bytes:
    """A ZIP of (name, bytes), deflated, with fixed dates (the same entries give the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def noise_chunks(size: int, seed: int, chunk: int = 1 << 16) -> Iterator[bytes]:
    """``size`` seeded random bytes, a chunk at a time (a large file never held in memory)."""
    rng = random.Random(seed)
    left = size
    while left > 0:
        piece = min(chunk, left)
        yield rng.randbytes(piece)
        left -= piece
