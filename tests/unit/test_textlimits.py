"""Lengths counted as the API counts them (characters), never cutting a character in half, nor
what a person sees as one character (grapheme clusters, issue 22 point 8)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.api.schema import TaskDraft, max_length
from app.textlimits import (
    char_count,
    clean,
    clusters,
    counted,
    fit,
    is_boundary,
    qt_max_length,
    room_note,
    shown_count,
    utf16_units,
)

TITLE_MAX = max_length("title") or 0
BASE = {"category": "data", "task_type": "data-analysis", "budget_usd": 45}

EMOJI = "😀"
FAMILY = "👨\u200d👩\u200d👧"  # one family: 5 code points
THUMB = "👍🏽"  # thumb + skin tone: 2 code points
FLAG = "🇫🇷"  # two regional indicators
E_ACUTE = "e\u0301"  # e + combining acute
KEYCAP = "1\ufe0f\u20e3"


def test_200_emoji_are_200_characters_and_a_valid_title() -> None:
    title = EMOJI * TITLE_MAX
    assert char_count(title) == TITLE_MAX and utf16_units(title) == 2 * TITLE_MAX
    assert fit(title, TITLE_MAX) == title  # not cut to 100, as Qt's maxLength did
    assert TaskDraft.model_validate({**BASE, "title": title}).title == title
    assert qt_max_length(TITLE_MAX) >= utf16_units(title)


def test_201_emoji_fit_as_200_whole_ones() -> None:
    assert fit(EMOJI * (TITLE_MAX + 1), TITLE_MAX) == EMOJI * TITLE_MAX


@pytest.mark.parametrize(
    ("text", "limit", "fitted"),
    [
        ("ab" + FAMILY, 4, "ab"),  # a family is not cut into a man and a woman
        ("ab" + FAMILY, 7, "ab" + FAMILY),
        ("a" + THUMB, 2, "a"),  # no thumb without its skin tone... nor a tone alone
        ("a" + FLAG + FLAG, 4, "a" + FLAG),  # flags are pairs
        ("a" + FLAG + FLAG, 2, "a"),
        ("caf" + E_ACUTE, 4, "caf"),  # the accent stays with its letter
        ("x" + KEYCAP, 3, "x"),
        ("line\r\nnext", 5, "line"),
        (E_ACUTE * 3, 1, ""),  # one letter longer than the limit: left out whole, never cut (issue 22)
        (FAMILY, 1, ""),  # never a lone man from a family
    ],
)
def test_fit_never_splits_what_a_person_sees_as_one_character(text: str, limit: int, fitted: str) -> None:
    assert fit(text, limit) == fitted


def test_a_broken_half_character_is_joined_or_dropped() -> None:
    assert clean("a\ud83d\ude00") == "a" + EMOJI  # a pair that arrived as two halves
    assert clean("a\ud83d") == "a" and clean("\ude00b") == "b"
    assert char_count("a\ud83d") == 1


def test_the_model_refuses_a_half_character_in_words() -> None:
    from pydantic import ValidationError

    from app.api.schema import plain_field_errors

    with pytest.raises(ValidationError) as caught:
        TaskDraft.model_validate({**BASE, "title": "Logo \ud83d"})
    assert "broken character" in plain_field_errors(caught.value.errors())["title"][0]


texts = st.lists(
    st.sampled_from(
        [
            "a",
            "é",
            E_ACUTE,
            EMOJI,
            FAMILY,
            THUMB,
            FLAG,
            KEYCAP,
            "\u0301",
            "\u200d",
            "\r",
            "\n",
            "\ud83d",
            "字",
            "नि",
            "👩",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 60))
def test_fit_is_a_clean_prefix_within_the_limit(text: str, limit: int) -> None:
    fitted = fit(text, limit)
    assert char_count(fitted) <= limit
    assert clean(text).startswith(fitted)
    assert clean(fitted) == fitted  # never half of a character
    if char_count(text) <= limit:
        assert fitted == clean(text)
    elif fitted and len(fitted) < limit:
        assert is_boundary(clean(text), len(fitted))  # shortened only to end between characters
    # Whole characters as a person sees them, always: the first clusters of the text, no part of one.
    whole = clusters(clean(text))
    assert clusters(fitted) == whole[: len(clusters(fitted))]
    assert is_boundary(clean(text), len(fitted))


def test_a_family_emoji_after_199_emoji_is_left_out_whole_not_cut() -> None:
    """Issue 22, point 8: 👨‍👩‍👧 after 199 😀 must not leave a lone 👨 (typed at the end, or pasted)."""
    before = EMOJI * (TITLE_MAX - 1)
    assert fit(before + FAMILY, TITLE_MAX) == before
    assert fit(FAMILY, TITLE_MAX - char_count(before)) == ""  # what the form keeps of what was typed
    sendable = fit(before + "a" + FAMILY, TITLE_MAX)
    assert sendable == before + "a" and TaskDraft.model_validate({**BASE, "title": sendable})


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        (FAMILY + FAMILY, [FAMILY, FAMILY]),  # ZWJ sequences
        ("👩🇩🇪", ["👩", "🇩🇪"]),  # a flag right after an emoji (Qt's own boundary finder splits it)
        ("👩\u200d👧🇩🇪", ["👩\u200d👧", "🇩🇪"]),
        (FLAG + FLAG + "🇩", [FLAG, FLAG, "🇩"]),  # flags pair up from the start
        (THUMB + "👍🏿", [THUMB, "👍🏿"]),  # skin tones stay with their hand
        ("cafe\u0301!", ["c", "a", "f", E_ACUTE, "!"]),  # combining marks stay with their letter
        ("नमस्ते", ["न", "म", "स्ते"]),  # Devanagari: vowel signs stay with their letter, a conjunct is one (UAX #29 GB9c)
        (
            "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
            ["🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"],
        ),
        (KEYCAP + "x", [KEYCAP, "x"]),
        ("a\r\nb", ["a", "\r\n", "b"]),
    ],
)
def test_clusters_are_what_a_person_sees_as_characters(text: str, seen: list[str]) -> None:
    assert clusters(text) == seen and shown_count(text) == len(seen)
    for cut in range(len(text) + 1):
        assert is_boundary(text, cut) == (cut in {len("".join(seen[:k])) for k in range(len(seen) + 1)})


def test_the_counter_counts_what_a_person_sees_and_the_room_the_api_leaves() -> None:
    assert counted(EMOJI * (TITLE_MAX - 1), TITLE_MAX) == (TITLE_MAX - 1, TITLE_MAX)
    assert counted(FAMILY, TITLE_MAX) == (1, TITLE_MAX - 4)  # one seen; room for 196 in all
    assert counted(EMOJI * (TITLE_MAX - 5) + FAMILY, TITLE_MAX) == (TITLE_MAX - 4, TITLE_MAX - 4)  # full
    assert counted("a" * (TITLE_MAX + 3), TITLE_MAX) == (TITLE_MAX + 3, TITLE_MAX)  # 3 too many
    assert counted(FAMILY * 41, TITLE_MAX) == (41, 36)  # 205 of AITasker's characters: 5 too many
    assert counted("free", None) == (4, None)
    assert room_note("plain", TITLE_MAX) == ""
    assert str(TITLE_MAX) in room_note(THUMB, TITLE_MAX)
