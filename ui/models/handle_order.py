"""Arrays of row handles kept in order of a key (the tasks proxy's): finding one, and where a
sorted block goes among them. Binary searches with the key as a function, on C arrays of ints."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import groupby, islice
from operator import gt, itemgetter, le
from typing import Any

Key = Callable[[int], Any]


def locate(rows: array[int], handle: int, key: Key | None) -> int | None:
    """Where this handle is (binary search on the key, then the handle among equal keys)."""
    try:
        if key is None:
            return rows.index(handle)
        value = key(handle)
        low = bisect_left(rows, value, key=key)
        return rows.index(handle, low, bisect_right(rows, value, lo=low, key=key))
    except ValueError:
        return None


def in_key_order(handles: array[int], key: Key) -> array[int]:
    """``sorted(handles, key=key)`` (stable), for a key in C: a block already in order, or in
    reverse order with no two keys equal (a page of the load comes newest first), is seen to be so
    in one pass of C and not sorted."""
    keys = list(map(key, handles))
    if all(map(le, keys, islice(keys, 1, None))):
        return array("i", handles)
    if all(map(gt, keys, islice(keys, 1, None))):
        return array("i", reversed(handles))
    return array("i", sorted(handles, key=key))


def places(rows: array[int], block: array[int], key: Key) -> list[tuple[int, array[int]]]:
    """Where a block sorted by ``key`` goes among ``rows``: (place, run of the block) pairs in
    order, each run going between the same two rows. A block that falls in one gap (pages of the
    load arrive in order, even when a task refreshed meanwhile sits among the older ones) is one
    run, found with two binary searches."""
    low = bisect_left(rows, key(block[0]), key=key)
    high = bisect_right(rows, key(block[-1]), key=key)
    if low == high:
        return [(low, block)]
    at = [bisect_right(rows, key(h), lo=low, hi=high, key=key) for h in block]
    return [
        (place, array("i", (h for h, _ in group)))
        for place, group in groupby(zip(block, at, strict=True), itemgetter(1))
    ]
