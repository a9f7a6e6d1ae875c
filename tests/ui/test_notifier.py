"""Desktop notifications through a real (private) D-Bus session bus and a stand-in notification service."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator

import pytest

from app.review.alerts import ReviewAlert
from tests.conftest import wait_until
from ui.desktop.notifier import Notifier

ALERT = ReviewAlert(
    "task-1", "review", "Ready for your review", "‘Logo for my bakery’ is ready for your review — closes at 15:40"
)


@pytest.fixture
def session_bus() -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("needs dbus-daemon (Debian package dbus-daemon) for a private session bus")
    process = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", "--nopidfile"], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    try:
        yield address
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(5)


async def test_a_notification_reaches_the_desktop_service_and_a_click_opens_the_review(qtbot, session_bus: str) -> None:
    from tests.fake_notifications import FakeNotifications

    service = FakeNotifications(session_bus)
    notifier = Notifier(bus_address=session_bus, use_tray=False)
    opened: list[str] = []
    notifier.activated.connect(opened.append)
    try:
        notifier.notify(ALERT)
        await wait_until(lambda: service.calls, what="the Notify call")
        signature, args = service.calls[0]
        assert signature == "susssasa{sv}i"  # exactly what the specification asks (the id is unsigned)
        assert args[0] == "AITasker Desktop" and args[3:5] == (ALERT.summary, ALERT.body)
        assert "default" in args[5]
        await wait_until(lambda: 1 in notifier._ids, what="the notification id")
        service.click(99)  # someone else's notification: ignored
        service.click(1)
        await wait_until(lambda: opened, what="the click")
        assert opened == ["task-1"]
    finally:
        notifier.close()
        service.close()


async def test_without_a_service_or_tray_nothing_is_shown_and_nothing_breaks(qtbot, session_bus: str) -> None:
    # A bus with nobody owning the notification name, and no tray (offscreen): the alert goes nowhere.
    notifier = Notifier(bus_address=session_bus, use_tray=False)
    try:
        notifier.notify(ALERT)
        await wait_until(lambda: notifier._dbus is None or "task-1" in notifier._texts, what="the attempt")
        nowhere = Notifier(bus_address="unix:path=/nonexistent/bus", use_tray=False)
        await wait_until(lambda: nowhere._dbus is None, what="giving up on a missing bus")
        assert not nowhere.available
        nowhere.notify(ALERT)  # nothing to show it with: no error
        nowhere.close()
    finally:
        notifier.close()


def test_no_session_bus_in_the_environment_means_no_crash(qtbot, monkeypatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    notifier = Notifier(use_tray=False)
    notifier.notify(ALERT)
    notifier.close()
    assert os.environ.get("DBUS_SESSION_BUS_ADDRESS") is None
