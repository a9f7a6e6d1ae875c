"""A message in a task's window or its review is true when said and goes once the task has moved past
it: "… is finishing it now" after the final work came or the task ended, "A new version of the final
work follows" once it has; what was said at the end stays. And once the choice is made, the review
no longer says how many versions there are "to choose from", nor what extensions are left."""

from __future__ import annotations

from typing import Any

from app.api.schema import Task
from app.review.gallery import Gallery
from ui.windows.review.window import ReviewWindow
from ui.windows.task.window import TaskWindow


def task(status: str, **extra: Any) -> Task:
    return Task.model_validate({"id": "t1", "status": status, "title": "Logo for my bakery", **extra})


def test_the_task_windows_message_goes_once_the_task_has_moved_past_it(qtbot) -> None:
    window = TaskWindow(task("delivered", delivery={"number": 1}))
    qtbot.addWidget(window)
    window.say("Your request for changes was sent. A new version of the final work follows.")
    window.show_task(task("delivering", delivery={"number": 1}))  # the agent works on it: still true
    assert window.message.text().endswith("follows.") and not window.message.isHidden()
    window.show_task(task("delivered", delivery={"number": 2}))  # it came
    assert window.message.isHidden() and window.message.text() == ""

    window.say("Approved: AITasker has your approval.")  # said at the last step: it stays
    window.show_task(task("delivered", delivery={"number": 2}))
    assert window.message.text() == "Approved: AITasker has your approval."


def test_the_reviews_choice_message_and_facts_end_with_the_choice(qtbot) -> None:
    review = ReviewWindow(task("review"))
    qtbot.addWidget(review)
    gallery = Gallery.model_validate(
        {
            "task_id": "t1",
            "bids": [{"id": "b1", "agent_name": "Nova Studio"}, {"id": "b2", "agent_name": "Brightline"}],
            "review_extensions_remaining": 1,
            "remix_available": True,
        }
    )
    review.show_gallery(gallery, {})
    assert "2 versions to choose from" in review.facts.text() and "extension" in review.facts.text()
    review.say("You chose Nova Studio's version. Nova Studio is finishing it now.")
    review.update_task(task("delivering"))
    assert "finishing it now" in review.message.text()  # true while the agent works
    assert review.facts.text().startswith("2 versions") and "choose" not in review.facts.text()
    assert "extension" not in review.facts.text() and "new round" not in review.facts.text()
    review.update_task(task("completed"))
    assert review.message.isHidden() and review.message.text() == ""


def test_the_reviews_closing_time_is_written_as_every_other_time(qtbot) -> None:
    """ "Review closes in 30 min (at 3:40 PM)" in American English, as the table and the details write
    times — not "15:40" beside "3:40 PM"."""
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import QLocale

    from ui.i18n import clock_when

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        closes = (datetime.now(UTC) + timedelta(minutes=30)).replace(hour=15, minute=40)
        if closes <= datetime.now(UTC):
            closes += timedelta(days=1)
        review = ReviewWindow(task("review", expires_at=closes.isoformat()))
        qtbot.addWidget(review)
        written = clock_when(closes)
        assert "PM" in written or "AM" in written
        assert f"(at {written})" in review.closes.text()
    finally:
        QLocale.setDefault(before)
