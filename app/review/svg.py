"""SVG pictures from the server, without anything that reaches outside the picture.

Qt's SVG renderer reads an ``<image href="/some/file.png">`` from this computer's disk (a relative
href too, against the working folder), and no option of it turns that off. So before a remote SVG
is drawn, :func:`self_contained_svg` removes every element that would load something else (a
picture, a filter image, another document, a font, a script, embedded HTML) unless its reference
is a ``data:`` URI or a fragment of the picture itself (``#id``), and drops external references
from the remaining elements. What is left is drawn at the size the app chooses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zlib

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
MAX_SVG_BYTES = 8 * 1024 * 1024  # after unpacking an .svgz
_HREFS = ("href", f"{{{XLINK_NS}}}href")
_LOADERS = frozenset(("image", "feimage", "use", "font-face-uri", "tref", "script", "foreignobject", "iframe"))
_ALWAYS_REMOVED = frozenset(("script", "foreignobject", "iframe"))

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def looks_like_svg(data: bytes) -> bool:
    """An SVG document (plain, or gzip-packed as .svgz)."""
    if data[:2] == b"\x1f\x8b":
        return b"<svg" in _unpacked(data)[:4096]
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and b"<svg" in head


def _unpacked(data: bytes) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return zlib.decompressobj(wbits=31).decompress(data, MAX_SVG_BYTES)
    except zlib.error:
        return b""


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _is_inside(reference: str) -> bool:
    value = reference.strip()
    return value.startswith("#") or value[:5].lower() == "data:"


def self_contained_svg(data: bytes) -> bytes | None:
    """The SVG without references outside itself; None when it is not a readable SVG document."""
    text = _unpacked(data)
    if not text or len(text) >= MAX_SVG_BYTES:
        return None
    try:
        root = ET.fromstring(text)  # entities bounded by expat; external ones are not fetched
    except ET.ParseError:
        return None
    if _local(root.tag) != "svg":
        return None
    for parent in root.iter():
        for child in list(parent):
            if not isinstance(child.tag, str):
                continue
            name = _local(child.tag)
            outside = [h for h in _HREFS if h in child.attrib and not _is_inside(child.attrib[h])]
            if name in _ALWAYS_REMOVED or (name in _LOADERS and outside):
                parent.remove(child)
                continue
            for attribute in outside:
                del child.attrib[attribute]
            if name == "style" and child.text and "@import" in child.text.lower():
                parent.remove(child)
    for attribute in [h for h in _HREFS if h in root.attrib and not _is_inside(root.attrib[h])]:
        del root.attrib[attribute]
    try:
        return ET.tostring(root, encoding="utf-8")
    except ValueError:
        return None
