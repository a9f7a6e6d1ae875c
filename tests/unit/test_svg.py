"""Pictures from the server, made safe to show: SVG without references outside itself."""

from __future__ import annotations

import gzip

from app.review.svg import looks_like_svg, self_contained_svg


def test_svg_keeps_its_drawing_and_loses_what_reaches_outside() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<rect width="10" height="10" fill="#00f"/>'
        b'<image xlink:href="file:///etc/secret.png"/><image href="/etc/secret.png"/><image href="../x.png"/>'
        b'<image href="data:image/png;base64,AAAA"/><use href="#r"/><use href="other.svg#r"/>'
        b'<feImage href="https://tracker.example/p.png"/><script>alert(1)</script>'
        b"<style>@import url(https://x.example/a.css);</style></svg>"
    )
    clean = self_contained_svg(svg)
    assert clean is not None
    for gone in (b"secret", b"../x.png", b"other.svg", b"tracker", b"script", b"@import"):
        assert gone not in clean, gone
    for kept in (b"<rect", b"data:image/png", b'href="#r"'):
        assert kept in clean, kept
    assert looks_like_svg(svg) and looks_like_svg(gzip.compress(svg))
    packed = self_contained_svg(gzip.compress(svg))
    assert packed is not None and b"secret" not in packed
    assert not looks_like_svg(b"\x89PNG\r\n\x1a\n") and self_contained_svg(b"<html></html>") is None
    assert self_contained_svg(b"<svg><unclosed></svg>") is None
