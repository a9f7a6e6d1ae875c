"""The Qt-free core speaks through app.translatable: English by default, the window's language once
a translator is installed (a plain function here, Qt's QCoreApplication.translate in the app)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import translatable
from app.api.validation import plain_field_errors
from app.form_rules import counter_words, send_reason, under_field

GERMAN = {
    "Please choose %1.": "Bitte wählen Sie %1.",
    "a category": "eine Kategorie",
    "too long": "zu lang",
    "This is %1 characters too long (at most %2).": "Das ist %1 Zeichen zu lang (höchstens %2).",
    "Category": "Kategorie",
    "%1: %2": "%1: %2",
}


@pytest.fixture
def german() -> Iterator[None]:
    translatable.set_translator(
        lambda context, text: GERMAN.get(text, text),
        lambda v, d: f"{v:.{d}f} $".replace(".", ","),
        lambda n: f"{n:,}".replace(",", "."),
    )
    yield
    translatable.set_translator(None)


def test_english_without_a_translator() -> None:
    assert plain_field_errors([{"loc": ["body", "category"], "type": "missing"}]) == {
        "category": ["Please choose a category."]
    }
    assert counter_words(5001, 5000)[0] == "⚠ 5,001/5,000: 1 character too many"


def test_composed_sentences_follow_the_installed_translator(german: None) -> None:
    problems = plain_field_errors([{"loc": ["body", "category"], "type": "missing"}])
    assert problems == {"category": ["Bitte wählen Sie eine Kategorie."]}
    assert send_reason(problems) == "Kategorie: bitte wählen Sie eine Kategorie."
    assert counter_words(12, 5000) == ("12/5.000", False)


def test_the_counter_still_hides_a_translated_too_long_message(german: None) -> None:
    too_long = plain_field_errors(
        [{"loc": ["title"], "type": "string_too_long", "ctx": {"max_length": 200}, "input": "x" * 203}]
    )["title"]
    assert too_long == ["Das ist 3 Zeichen zu lang (höchstens 200)."]
    assert under_field("title", too_long) == []  # the counter under the field already says it


def test_fill_puts_each_value_in_its_place_once() -> None:
    assert translatable.fill("%2 für %1", "Logo", "50%1") == "50%1 für Logo"
