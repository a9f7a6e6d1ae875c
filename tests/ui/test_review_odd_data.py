"""Odd data shown honestly in the review (issue 22, point 9): a price or score that is not a number,
negative or infinite shows as "—" (the value as sent under More details), versions without an id
still show (and are not offered for choosing), and text from the server cannot turn a sentence
around. The window is given a gallery decoded from the server's JSON text, as the client decodes it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QToolButton

from app.api.operations import Operation
from app.api.schema import Task
from app.review.artifacts import classify_artifacts
from app.review.gallery import parse_gallery
from app.review.operations import ReviewOperations
from tests.ui.helpers import version_card, version_list
from ui.windows.review.window import ReviewWindow

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
TASK = Task(id="t-1", status="review", title="Logo for my bakery", expires_at=NOW + timedelta(hours=1))
SELECT = ReviewOperations(
    "found", select=Operation("/api/v1/tasks/{task_id}/select", "task_id", bid_in="body", bid_field="bid_id")
)
DIRECTION_CONTROLS = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


@pytest.fixture
def window(qtbot) -> Iterator[ReviewWindow]:
    shown = ReviewWindow(TASK, now=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    shown.show_operations(SELECT)
    yield shown
    shown.close()


def show(window: ReviewWindow, body: str) -> None:
    """What the controller does with a gallery the server sent as ``body``."""
    gallery = parse_gallery(json.loads(body))
    window.show_gallery(gallery, {b.id: classify_artifacts(b.artifacts, "https://api.example") for b in gallery.bids})


def card_text(window: ReviewWindow, name: str) -> str:
    label = version_card(window).findChild(QLabel, name)
    assert label is not None, f"no {name} on the card"
    return label.text()


def more_details(window: ReviewWindow) -> str:
    card = version_card(window)
    toggle = card.findChild(QToolButton, "versionMoreDetails")
    assert toggle is not None and not toggle.isChecked()
    toggle.click()
    text = card.findChild(QPlainTextEdit, "versionMoreDetailsText")
    assert text is not None and text.isVisibleTo(card)
    return text.toPlainText()


def test_a_price_that_is_not_a_number_or_negative_shows_as_a_dash(window: ReviewWindow) -> None:
    show(
        window,
        '{"bids": [{"id": "a", "agent_name": "Nova", "bid_price_usd": NaN, "eval_score": 80},'
        ' {"id": "b", "agent_name": "Atlas", "bid_price_usd": -5, "eval_score": 70}]}',
    )
    for row, raw in ((0, "nan"), (1, "-5")):
        version_list(window).setCurrentRow(row)
        line = version_list(window).item(row).text()
        assert "nan" not in line.lower() and "5.00" not in line and "—" in line, line
        price = card_text(window, "cardPrice")
        assert price == "Price: —", price
        assert f"Price as sent: {raw}" in more_details(window)


def test_an_infinite_score_is_not_called_excellent(window: ReviewWindow) -> None:
    show(window, '{"bids": [{"id": "a", "agent_name": "Nova", "bid_price_usd": 30, "eval_score": Infinity}]}')
    line = version_list(window).item(0).text()
    assert "excellent" not in line and "100" not in line, line
    score = card_text(window, "cardScore")
    assert "excellent" not in score and "100" not in score and "—" in score, score
    assert "Score as sent: inf" in more_details(window)


def test_versions_without_an_id_are_shown_and_counted_but_not_offered_for_choosing(window: ReviewWindow) -> None:
    show(
        window,
        '{"bids": [{"agent_name": "Nova", "bid_price_usd": 30}, {"id": null, "agent_name": "Atlas"}],'
        ' "total_bids_generated": 2}',
    )
    assert version_list(window).count() == 2
    assert window.facts.text() == "2 versions to choose from"
    keys = [window.current_bid().id]
    assert not window.choose_button.isEnabled() and "website" in window.choose_button.toolTip()
    version_list(window).setCurrentRow(1)
    keys.append(window.current_bid().id)
    assert len(set(keys)) == 2
    show(window, '{"bids": [{"agent_name": "Nova", "bid_price_usd": 30}, {"id": null, "agent_name": "Atlas"}]}')
    assert window.current_bid().id == keys[1]  # the same key on the next reading


def test_a_right_to_left_override_in_a_link_name_cannot_turn_the_button_around(window: ReviewWindow) -> None:
    show(
        window,
        json.dumps(
            {
                "bids": [
                    {
                        "id": "a",
                        "agent_name": "Nova \u202estudio",
                        "prototype_summary": "\u202eevil summary",
                        "artifacts": [{"url": "https://example.live/x.bin", "name": "Invoice\u202efdp.exe"}],
                    }
                ]
            }
        ),
    )
    link = version_card(window).findChild(QPushButton, "artifactLink")
    assert link is not None
    assert not DIRECTION_CONTROLS & set(link.text()), repr(link.text())
    assert link.text() == "Open Invoicefdp.exe on example.live"
    assert not DIRECTION_CONTROLS & set(card_text(window, "cardAgent"))
    assert not DIRECTION_CONTROLS & set(card_text(window, "cardSummary"))
    assert not DIRECTION_CONTROLS & set(version_list(window).item(0).text())


def test_right_to_left_names_are_isolated_from_the_sentence_around_them(window: ReviewWindow) -> None:
    show(
        window,
        json.dumps(
            {
                "bids": [
                    {
                        "id": "a",
                        "agent_name": "סטודיו 5",
                        "artifacts": [{"url": "https://example.com/f.pdf", "name": "חשבונית 2"}],
                    }
                ]
            }
        ),
    )
    assert version_list(window).item(0).text().startswith("\u2068סטודיו 5\u2069")
    link = version_card(window).findChild(QPushButton, "artifactLink")
    assert link is not None
    assert link.text() == "Open \u2068חשבונית 2\u2069 on example.com"


def test_fewer_versions_than_were_made_says_why(window: ReviewWindow) -> None:
    show(
        window,
        '{"bids": [{"id": "a", "agent_name": "Nova", "bid_price_usd": 30, "presented": true},'
        ' {"id": "b", "agent_name": "Atlas", "bid_price_usd": 20, "presented": true},'
        ' {"id": "c", "agent_name": "Quill", "bid_price_usd": 10, "presented": false}],'
        ' "total_bids_generated": 7}',
    )
    # Not "2 versions to choose from (7 made)", which left the five others unexplained.
    assert window.facts.text() == "2 versions to choose from: the best judged of the 7 that agents made"
