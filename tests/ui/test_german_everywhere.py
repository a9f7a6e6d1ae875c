"""A German window shows no English word: on the form, the table, the details, the drafts, the menus,
the review window and every dialog (issue 20 point 6, issue 23 point 4).

One scripted scenario runs twice against the practice server, once in English and once in German,
and reads what the running windows show (tests/ui/shown_text.py: titles, labels, buttons, tabs,
menus, combo box items, placeholders, table headers and cells with their tooltips, the status
bar, accessible names and descriptions). A word (3+ letters) that appears at the same place in
both runs is untranslated unless it is also German (it occurs in the German catalogue's
translations, e.g. "Budget", "Status", "Demo") or it is data: what the scenario typed, what the
practice server's agents wrote, and a few proper names (:data:`NAMES`). The German run must also
write money, decimals and dates the German way, and a count of one in the singular (:data:`MISFORMATTED`).
"""

from __future__ import annotations

import errno
import json
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QListWidget, QMenu, QPushButton, QToolButton, QWidget

from app.api.contract import STATUSES, status_info
from app.credentials import KeyStore
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY
from app.store.repository import write_error
from app.taxonomy import TASK_TYPE_NAMES, friendly_name
from tests.conftest import FakeClock, free_port, wait_until
from tests.ui.helpers import Parts, confirmation, find, open_window, parts, trigger
from tests.ui.shown_text import shown_texts
from ui.i18n import install_translations, remove_translations
from ui.main_window import MainWindow
from ui.models.task_rows import column_index

W = TypeVar("W", bound=QWidget)
ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "aitasker_de.ts"
ENGLISH = {"LANG": "en_US.UTF-8"}
GERMAN = {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}

# Proper names and notations that are the same in every language.
NAMES = {
    "AITasker",  # the product
    "Desktop",  # "AITasker Desktop", the app's name
    "Qt",
    "PySide",
    "Python",
    "API",  # "API-Schlüssel": the German catalogue writes it too
    "aitk",  # the key's prefix in "aitk_live_…"
    "GNU",
    "LGPL",
    "SVG",
    "PNG",
    "English",  # languages by their own names, in Settings' language choice
    "Deutsch",
}
WORD = re.compile(r"[^\W\d_]{3,}")
# Not words: addresses, IDs, identifiers with underscores.
NOT_WORDS = re.compile(
    r"[a-z]+://\S+"  # an address
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:io|com|org|net|html)\b"  # a host name
    r"|(?<!\w)/\S+"  # a folder
    r"|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"  # a task's ID
    r"|\S*_\S*"  # an identifier
)


def words_of(text: str) -> set[str]:
    return set(WORD.findall(NOT_WORDS.sub(" ", text)))


def german_words() -> set[str]:
    """Every word of the German catalogue's translations, and German's month and day names (April,
    August… are written the same in English)."""
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    names = [german.monthName(m, f) for m in range(1, 13) for f in QLocale.FormatType]
    names += [german.dayName(d, f) for d in range(1, 8) for f in QLocale.FormatType]
    found: set[str] = {w for name in names for w in words_of(name)}
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        texts = [translation.text or ""] + [n.text or "" for n in translation.iter("numerusform")]
        for text in texts:
            found |= words_of(text)
    return found


# --- the scenario ------------------------------------------------------------------------------

BUSINESS_TYPE = "pitch-deck"  # a task type the person typed (the taxonomy lists none for Business)
TYPED = {  # what the scenario types
    "title": "Logo for my bakery",
    "description": "A round logo with a loaf of bread, warm colours.",
    "draft": "Idea for later",
    "offline": "Sent while offline",
    "key": "not-a-key",
    "requirements": '{"colours": "blue and gold", "pages": 2, "formats": ["svg", "png"]}',
    "half-typed JSON": '{"colours": ',
}


def _task(n: int, title: str, category: str, task_type: str, now: float, age: float, **extra: Any) -> dict[str, Any]:
    created = datetime.fromtimestamp(now - age, UTC).isoformat().replace("+00:00", "Z")
    body = {
        "id": str(uuid.UUID(int=0x5EED0000 + n, version=4)),
        "user_id": "00000000-0000-4000-8000-000000000001",
        "title": title,
        "description": f"{title}: please keep it simple.",
        "category": category,
        "task_type": task_type,
        "budget_usd": 10.0 + n,
        "compute_budget": 2.0,
        "experimentation": 0.3,
        "requirements": {"colours": "blue and gold", "pages": 2} if n == 3 else {},
        "created_at": created,
        "attachments": None,
        "prototype_tier": 1,
    }
    body.update(extra)
    return body


def preloaded(now: float) -> list[dict[str, Any]]:
    """Tasks of every status (and of every category and task type) the practice server knows."""
    review = BID_WINDOW_SECONDS + 60
    return [
        _task(1, "Blog post about sourdough", "writing-translation", "blog-post", now, 2),  # open
        _task(2, "Menu in French", "writing-translation", "translation", now, 10),  # matching
        _task(3, "Spring campaign post", "digital-marketing", "social-media-post", now, 100),  # prototyping
        _task(4, "Shop logo", "graphics-design", "logo-design", now, review),  # review
        _task(5, "Sales figures", "data", "data-analysis", now, review + 100, _selected_at=now - 10),  # delivering
        _task(6, "Survey summary", "data", "data-analysis-summary", now, review, _final="completed"),
        _task(7, "Pitch deck", "business", BUSINESS_TYPE, now, BID_WINDOW_SECONDS + 3600 + 100),  # expired
        _task(8, "Support chatbot", "ai-services", "chatbot", now, 50, _final="cancelled"),
        _task(9, "Invoice script", "programming-automation", "script", now, 50, _final="on_hold"),  # unknown status
    ]


def server_data(body: dict[str, Any]) -> set[str]:
    """What the window shows of a preloaded task as the server sent it: what the person wrote in it,
    and a task type or status the app does not know (shown as the server's slug in words)."""
    found = {w for key in ("title", "description", "requirements") for w in words_of(str(body[key]))}
    if body["task_type"] not in TASK_TYPE_NAMES:
        found |= words_of(friendly_name(body["task_type"]))
    if body.get("_final") not in (*STATUSES, None):
        found |= words_of(status_info(body["_final"]).label)
    return found


class Scenario:
    """Runs the scenario in one language and keeps what was shown at each step."""

    def __init__(self, qtbot: Any, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.tmp_path = tmp_path
        self.shown: dict[str, str] = {}
        self.server_words: set[str] = set()

    def snap(self, step: str, *extra: QWidget) -> None:
        for place, text in shown_texts(list(extra)).items():
            self.shown[f"{step}: {place}"] = text

    async def dialog(self, step: str, opened: Callable[[], QDialog | None], window: MainWindow) -> QDialog:
        await wait_until(lambda: opened() is not None, what=step)
        dialog = opened()
        assert dialog is not None
        self.snap(step, window)
        return dialog

    async def run(self, env: dict[str, str]) -> dict[str, str]:
        app = QApplication.instance()
        assert app is not None
        install_translations(app, env)
        (self.tmp_path / "data").mkdir(parents=True)
        clock = FakeClock()
        port = free_port()
        server = SandboxServer(SandboxConfig(seed=3, clock=clock, preload=preloaded(clock.now)), port=port)
        for body in server.config.preload:
            self.server_words |= server_data(body)
        keystore = KeyStore(self.tmp_path / "config", environ={})
        with ExitStack() as running:
            running.enter_context(server)
            async with open_window(
                self.qtbot, server.url, DEMO_API_KEY, self.tmp_path / "data", demo=False, keystore=keystore
            ) as window:
                client = window.session.client
                assert client is not None
                client._retry_base_delay = 0.001  # an unreachable server is told at once
                await self.online(window, server)
                running.close()  # the server goes away: the rest happens offline
                await self.offline(window)
        await self.standalone()
        return self.shown

    async def online(self, window: MainWindow, server: SandboxServer) -> None:
        qtbot, ui = self.qtbot, parts(window)
        form = ui.form
        await wait_until(lambda: form.category.count() > 1, what="the categories")
        self.snap("start", window)

        # The form: problems, the suggestion, more options, the confirmation.
        form.request_send()
        self.snap("form problems", window)
        qtbot.keyClicks(form.title, TYPED["title"])
        await wait_until(lambda: form.suggestion.isVisible(), what="the suggestion")
        self.snap("suggestion", window)
        form.more_toggle.setChecked(True)
        qtbot.keyClicks(form.description, TYPED["description"])
        form.category.setCurrentIndex(form.category.findData("graphics-design"))
        form.task_type.setCurrentIndex(form.task_type.findData("logo-design"))
        self.snap("form filled", window)
        requirements = form.requirements
        requirements.set_value(json.loads(TYPED["requirements"]))
        requirements.table.setCurrentCell(1, 1)
        self.snap("requirements", window)
        requirements.json_toggle.setChecked(True)
        requirements.json_text.setPlainText(TYPED["half-typed JSON"])  # half-typed JSON: a message
        self.snap("requirements as JSON", window)
        requirements.json_text.setPlainText("{}")
        requirements.json_toggle.setChecked(False)
        form.budget.spin.setFocus()
        form.budget.spin.selectAll()
        qtbot.keyClicks(form.budget.spin, "500")  # over the limit: a message
        self.snap("budget over the limit", window)
        form.budget.spin.selectAll()
        qtbot.keyClicks(form.budget.spin, "12")
        qtbot.keyClick(form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: confirmation() is not None, what="the post confirmation")
        self.snap("post confirmation", window)
        qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
        await wait_until(lambda: ui.model.rowCount() == 1, what="the posted task")

        # Tasks of every status, added by their IDs.
        for body in server.config.preload:
            task_id = str(body["id"])
            ui.add_by_id.setText(task_id)
            ui.add_button.click()
            await wait_until(added(ui, task_id), what=f"the added task {body['title']}")
        ui.add_by_id.setText(str(uuid.UUID(int=1, version=4)))  # not on the account: a message
        ui.add_button.click()
        await wait_until(lambda: ui.banner.isVisible() and ui.add_by_id.text() != "", what="not found")
        await wait_until(lambda: ui.status.review_button.isVisible(), what="1 needs your review")
        ui.table.sortByColumn(column_index("Title"), Qt.SortOrder.AscendingOrder)
        find(ui.tasks, QToolButton, "moreDetails").setChecked(True)
        self.snap("table", window)
        for row in range(ui.proxy.rowCount()):
            ui.table.selectRow(row)
            self.snap(f"details of row {row}", window)
        review_id = preloaded(0)[3]["id"]
        source_row = ui.model.row_of(review_id)
        assert source_row is not None
        review_row = ui.proxy.mapFromSource(ui.model.index(source_row, 0))
        for row in (review_row.row(), 0):
            ui.table.customContextMenuRequested.emit(ui.table.visualRect(ui.proxy.index(row, 1)).center())
            await wait_until(lambda: _visible(QMenu, "taskMenu") is not None, what="the task menu")
            self.snap(f"task menu on row {row}", window)
            menu = _visible(QMenu, "taskMenu")
            assert menu is not None
            menu.close()

        # The review window, every version, and choosing's question.
        ui.tasks.select(review_id)
        trigger(window, "reviewNextAction")
        await wait_until(lambda: review_id in window.reviews.windows, what="the review window")
        review = window.reviews.windows[review_id]
        versions = review.findChild(QListWidget)
        await wait_until(lambda: versions.count() >= 3 and review.operations is not None, what="the versions")
        await wait_until(
            lambda: all(not versions.item(r).icon().isNull() for r in range(versions.count())), what="the pictures"
        )
        for row in range(versions.count()):
            versions.setCurrentRow(row)
            for more in review.findChildren(QToolButton, "versionMoreDetails"):
                more.setChecked(more.isVisible())  # the version's values as sent
            self.snap(f"review, version {row}", window)
        for bid in server.app.state.tasks[review_id].body["_bids"]:
            for field in ("agent_name", "agent_message", "prototype_summary"):
                self.server_words |= words_of(str(bid.get(field) or ""))
            for artifact in bid["artifacts"]:
                self.server_words |= words_of(str(artifact if isinstance(artifact, str) else artifact.get("content")))
                self.server_words |= words_of(str(artifact.get("name") if isinstance(artifact, dict) else ""))

        def pictures() -> list[QToolButton]:
            return [b for b in review.findChildren(QToolButton, "artifactImage") if b.isVisible()]

        await wait_until(lambda: any(not b.icon().isNull() for b in pictures()), what="a picture on the card")
        pictures()[0].click()
        viewer = await self.dialog("picture", lambda: _visible(QDialog, "imageViewer"), window)
        viewer.close()
        choose = review.findChild(QPushButton, "chooseButton")
        await wait_until(choose.isEnabled, what="Choose this version")
        extend = review.findChild(QPushButton, "extendButton")
        assert extend.isVisible()
        extend.click()
        question = await self.dialog("more time question", confirmation, window)
        question.reject()
        await wait_until(lambda: confirmation() is None and choose.isEnabled(), what="the question to close")
        choose.click()
        question = await self.dialog("choose question", confirmation, window)
        question.reject()
        await wait_until(lambda: confirmation() is None and choose.isEnabled(), what="the question to close")
        review.close()

        # The windows and dialogs of the menus.
        trigger(window, "spendingAction")
        spending = await self.dialog("spending", lambda: _visible(QDialog, "spendingWindow"), window)
        spending.close()
        trigger(window, "aboutAction")
        about = await self.dialog("about", lambda: _visible(QDialog, "aboutDialog"), window)
        about.close()
        trigger(window, "settingsAction")
        settings = await self.dialog("settings", lambda: _visible(QDialog, "settingsDialog"), window)
        settings.reject()
        trigger(window, "changeKeyAction")
        key = await self.dialog("connect", lambda: _visible(QDialog, "connectDialog"), window)
        qtbot.keyClicks(key.findChild(QWidget, "apiKey"), TYPED["key"])  # a key of the wrong form: a hint
        self.snap("connect with a hint", window)
        key.reject()
        await wait_until(lambda: _visible(QDialog, "connectDialog") is None, what="the key dialog to close")
        trigger(window, "forgetKeyAction")
        forget = await self.dialog("forget question", confirmation, window)
        forget.reject()
        await wait_until(lambda: confirmation() is None, what="the question to close")

        # A draft in the drafts tab.
        trigger(window, "newTaskAction")
        qtbot.keyClicks(form.title, TYPED["draft"])
        trigger(window, "newTaskAction")
        ui.tabs.setCurrentIndex(1)
        ui.drafts_list.setCurrentRow(0)
        self.snap("drafts", window)
        ui.tabs.setCurrentIndex(0)

    async def offline(self, window: MainWindow) -> None:
        qtbot, ui = self.qtbot, parts(window)
        form = ui.form
        qtbot.keyClicks(form.title, TYPED["offline"])
        form.category.setCurrentIndex(form.category.findData("data"))
        form.task_type.setCurrentIndex(form.task_type.findData("data-analysis"))
        qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: confirmation() is not None, what="the post confirmation")
        qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
        await wait_until(lambda: window.store.outbox() != [], what="the task to wait in the outbox")
        await wait_until(lambda: ui.outbox_label.text() != "", what="1 waiting to send")
        ui.table.sortByColumn(column_index("Title"), Qt.SortOrder.AscendingOrder)
        self.snap("offline", window)
        ui.tabs.setCurrentIndex(1)
        ui.drafts_list.setCurrentRow(0)
        self.snap("offline drafts", window)

    async def standalone(self) -> None:
        """The windows shown before the main window: welcome, start-up problems."""
        from ui.windows.connect import WelcomeDialog
        from ui.windows.startup_problem import problem_box

        welcome = WelcomeDialog()
        self.qtbot.addWidget(welcome)
        welcome.show()
        self.snap("welcome")
        welcome.close()
        folder = self.tmp_path / "data" / "data" / "tasks.db"
        for name, error in (
            ("disk full", OSError(errno.ENOSPC, "No space left on device")),
            ("read-only", OSError(errno.EACCES, "Permission denied")),
            ("other", OSError(errno.EIO, "Input/output error")),
        ):
            box = problem_box(write_error(error, folder, opening=True))
            self.qtbot.addWidget(box)
            box.show()
            self.snap(f"startup problem: {name}")
            box.close()


def added(ui: Parts, task_id: str) -> Callable[[], bool]:
    """The task is in the table and the ID box is empty again (the Add went through)."""
    return lambda: ui.model.row_of(task_id) is not None and ui.add_by_id.text() == ""


def _visible(kind: type[W], name: str) -> W | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.objectName() == name and w.isVisible()),
        None,
    )


@pytest.fixture
def app() -> Iterator[QApplication]:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    yield application
    remove_translations(application)


# Written the English way in a German window: dollars before the amount, a decimal point, a day
# without its full stop before the month, a count of one with a plural verb.
MISFORMATTED = {
    "money": re.compile(r"\$\s?\d"),
    "decimal point": re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])"),
    "date": re.compile(r"\b\d{1,2} (?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)"),
    "plural": re.compile(r"(?<![\d.,])1 (?:warten|brauchen|Versionen|Verlängerungen|Aufgaben|Tagen)\b"),
}


def misformatted(german: dict[str, str]) -> list[str]:
    return [
        f"{place}: {kind} in {text[:120]!r}"
        for place, text in german.items()
        for kind, pattern in MISFORMATTED.items()
        if pattern.search(text) and not place.endswith(RAW_NUMBERS)
    ]


# Panes that list values exactly as the server sent them ("name: value" lines, the server's JSON):
# only the names are the app's words.
AS_SENT = ("versionMoreDetailsText.text", "moreDetailsText.text")
RAW_NUMBERS = ("versionMoreDetailsText.text",)  # "Price as sent: 11.42": the number as it came


def shown_words(place: str, text: str) -> set[str]:
    if place.endswith(AS_SENT):
        return {w for line in text.splitlines() for w in words_of(line.split(": ", 1)[0])}
    return words_of(text)


def assert_all_german(english: dict[str, str], german: dict[str, str], known: set[str]) -> None:
    """No place shows English words in German (:func:`untranslated`), and none writes numbers,
    money or dates the English way (:func:`misformatted`); the first 40 of each are named."""
    problems = untranslated(english, german, known)
    wrong = misformatted(german)
    assert not problems and not wrong, (
        f"{len(problems)} places show English in German:\n"
        + "\n".join(problems[:40])
        + f"\n{len(wrong)} places write numbers, money or dates the English way:\n"
        + "\n".join(wrong[:40])
    )


def untranslated(english: dict[str, str], german: dict[str, str], known: set[str]) -> list[str]:
    """Places whose German text shares a non-German word with the English text at that place."""
    problems = []
    seen: set[tuple[str, str]] = set()
    for place, text in german.items():
        there = english.get(place)
        if there is None:
            continue
        shared = sorted((shown_words(place, text) & shown_words(place, there)) - known)
        where = place.split(": ", 1)[1]
        if shared and (where, text) not in seen:
            seen.add((where, text))
            problems.append(f"{place}\n    {text[:160]!r}\n    English: {', '.join(shared)}")
    return problems


async def test_a_german_window_shows_no_english_word(app: QApplication, qtbot, tmp_path: Path) -> None:
    english = Scenario(qtbot, tmp_path / "en")
    shown_in_english = await english.run(ENGLISH)
    german = Scenario(qtbot, tmp_path / "de")
    shown_in_german = await german.run(GERMAN)

    compared = set(shown_in_english) & set(shown_in_german)
    steps = {place.split(": ", 1)[0] for place in compared}
    assert len(compared) > 500 and {"post confirmation", "review, version 0", "settings", "offline"} <= steps
    data = {w for text in TYPED.values() for w in words_of(text)} | english.server_words | german.server_words
    assert_all_german(shown_in_english, shown_in_german, german_words() | NAMES | data)
