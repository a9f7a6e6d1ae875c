"""Names from a server or a title, made safe; a delivery's items read whatever their shape."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.delivery.items import delivery_item, delivery_items, media_type, type_contradicts
from app.delivery.names import MAX_NAME_BYTES, numbered, safe_file_name, safe_folder_name, split_extension

HOSTILE = [
    ("../../etc/passwd", "passwd"),
    ("/etc/passwd", "passwd"),
    ("C:\\Windows\\win.ini", "win.ini"),
    ("\u202egnp.exe", "gnp.exe"),
    ("invoice\u2066.pdf\u2069.exe", "invoice.pdf.exe"),
    ("con.txt", "_con.txt"),
    ("NUL", "_NUL"),
    ("lpt1.tar.gz", "_lpt1.tar.gz"),
    ("com¹.png", "_com¹.png"),
    ("console.txt", "console.txt"),
    (".", "file"),
    ("..", "file"),
    ("", "file"),
    ("   ", "file"),
    (".bashrc", "bashrc"),
    ("logo.png. . ", "logo.png"),
    ('a<b>c:d"e|f?g*h.png', "a_b_c_d_e_f_g_h.png"),
    ("line\nbreak\t.txt", "linebreak.txt"),
    ("zero\x00byte.png", "zerobyte.png"),
    ("👩\u200d👧 family.png", "👩\u200d👧 family.png"),  # the joiner stays: it is part of the emoji
    ("Cafe\u0301.txt", "Café.txt"),
]


@pytest.mark.parametrize(("given_name", "expected"), HOSTILE)
def test_hostile_names_become_plain_base_names(given_name: str, expected: str) -> None:
    assert safe_file_name(given_name) == expected


def test_a_long_name_keeps_its_extension_and_fits() -> None:
    name = safe_file_name("a" * 300 + ".png")
    assert name.endswith(".png") and len(name.encode()) == MAX_NAME_BYTES
    wide = safe_file_name("日本" * 150 + ".tar.gz")
    assert wide.endswith(".tar.gz") and len(wide.encode()) <= MAX_NAME_BYTES
    assert len(safe_file_name("x" * 300).encode()) == MAX_NAME_BYTES


def test_numbering_keeps_the_extension() -> None:
    assert [numbered("logo.png", n) for n in (1, 2, 3)] == ["logo.png", "logo (2).png", "logo (3).png"]
    assert numbered("site.tar.gz", 2) == "site (2).tar.gz"
    assert numbered("README", 2) == "README (2)"
    assert numbered("v1.0 final", 2, keep_extension=False) == "v1.0 final (2)"
    assert split_extension("notes.backup copy") == ("notes.backup copy", "")


def test_folder_names_from_titles() -> None:
    assert safe_folder_name("Logo for my bakery", "x") == "Logo for my bakery"
    assert safe_folder_name("Logo: v2 / final?", "x") == "Logo_ v2 _ final_"
    assert safe_folder_name("  tabs\tand   spaces ", "x") == "tabs and spaces"
    assert safe_folder_name("", "AITasker task") == "AITasker task"
    assert safe_folder_name(None, "AITasker task") == "AITasker task"
    assert safe_folder_name("aux", "x") == "_aux"
    assert len(safe_folder_name("t" * 500, "x").encode()) <= MAX_NAME_BYTES // 2


@given(st.text(max_size=400))
def test_any_name_is_safe(name: str) -> None:
    safe = safe_file_name(name)
    assert safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe and not safe.startswith(".")
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES + 1  # + the "_" before a device name
    assert not any(unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") for c in safe)
    assert not any(c in safe for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
    assert safe == safe_file_name(safe)  # made safe once is safe


def test_items_are_read_whatever_their_shape() -> None:
    base = "https://api.example"
    sha = "ab" * 32
    assert delivery_item("https://cdn.example/x/Logo%20final.png") is not None
    assert delivery_item("https://cdn.example/x/Logo%20final.png").name == "Logo final.png"
    item = delivery_item(
        {
            "Filename": "a.pdf",
            "download_url": "/files/a",
            "mime_type": "application/x-pdf",
            "size": "42",
            "checksum": f"sha256:{sha}",
        },
        base,
    )
    assert item is not None
    assert (item.name, item.url, item.content_type, item.size, item.sha256, item.kind) == (
        "a.pdf",
        "https://api.example/files/a",
        "application/pdf",
        42,
        sha,
        "file",
    )
    text = delivery_item({"type": "text", "content": "Hallo"})
    assert text is not None and (text.content, text.size, text.content_type, text.kind) == (
        b"Hallo",
        5,
        "text/plain",
        "text",
    )
    nameless = delivery_item({"url": "https://cdn.example/", "content_type": "image/png", "size_bytes": True})
    assert nameless is not None and nameless.name == "item-1" and nameless.size is None and nameless.kind == "picture"
    assert delivery_item({"url": "javascript:alert(1)"}) is None
    assert delivery_item({"name": "nothing"}) is None and delivery_item(42) is None
    assert [i.name for i in delivery_items({"files": ["https://x.example/a.zip", {"bad": 1}]})] == ["a.zip"]
    assert delivery_items([{"text": "t"}])[0].content == b"t"
    assert delivery_items("not a delivery") == [] and delivery_items({"artifacts": "x"}) == []


def test_which_types_contradict() -> None:
    assert media_type("Image/PNG; q=1") == "image/png" and media_type("image/jpg") == "image/jpeg"
    assert media_type("png") == "" and media_type(None) == ""
    assert type_contradicts("image/png", "text/html")
    assert type_contradicts("application/zip", "application/pdf")
    assert not type_contradicts("image/png", "image/png; charset=binary")
    assert not type_contradicts("application/zip", "application/x-zip-compressed")
    assert not type_contradicts("image/png", "application/octet-stream")
    assert not type_contradicts("", "text/html") and not type_contradicts("image/png", "")
