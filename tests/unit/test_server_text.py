"""Text from the server, made safe to show: direction controls removed, right-to-left isolated; and
local keys for versions without an id."""

from __future__ import annotations

from app.review.gallery import parse_gallery
from app.review.keys import with_local_keys
from app.server_text import FSI, PDI, isolate, isolate_lines


def test_direction_controls_are_removed_and_right_to_left_text_is_isolated() -> None:
    assert isolate("Invoice\u202efdp.exe") == "Invoicefdp.exe"
    assert isolate("a\u2066b\u2067c\u2068d\u2069e\u202a\u202b\u202c\u202d") == "abcde"
    assert isolate("Nova Studio") == "Nova Studio"  # left-to-right: nothing added
    assert isolate("סטודיו 5") == FSI + "סטודיו 5" + PDI
    assert isolate("مرحبا\u202e") == FSI + "مرحبا" + PDI
    assert isolate_lines("one\nשתיים") == "one\n" + FSI + "שתיים" + PDI


def test_versions_without_an_id_get_the_same_local_key_on_every_reading() -> None:
    body = [{"agent_name": "Nova"}, {"id": None, "agent_name": "Atlas"}, {"id": "", "agent_name": "Atlas"}, {"id": 7}]
    first, second = with_local_keys(body), with_local_keys(list(body))
    assert [b["id"] for b in first] == [b["id"] for b in second]
    assert len({b["id"] for b in first}) == 4 and first[3]["id"] == 7
    assert [b["local_key"] for b in first] == [True, True, True, False]
    gallery = parse_gallery({"bids": [{"agent_name": "Nova", "local_key": False}, {"id": "x", "local_key": True}]})
    assert [b.local_key for b in gallery.bids] == [True, False]  # what the server says about it is not believed
