"""Desktop notifications: the freedesktop notification service, else a tray icon, else nothing.

The freedesktop service (``org.freedesktop.Notifications`` on the session D-Bus, what GNOME, KDE,
XFCE, dunst… provide) is spoken to from a worker thread with jeepney, which the key store already
brings on Linux. QtDBus from Python cannot be used for it: PySide6 marshals a Python int as a
16-bit value, and ``Notify`` needs an unsigned 32-bit id (only a blocking introspection through
``QDBusInterface`` would convert it). The worker never blocks the window: it talks to D-Bus on
its own thread and hands results back through a queue the GUI thread reads on a timer.

Clicking a notification (its default action) emits :attr:`Notifier.activated` with the task id.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import OrderedDict
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import about
from ui.i18n import translate

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
APP_NAME = about.NAME
MAX_TRACKED = 200


class Alert(Protocol):
    """What a notification says (app.review.alerts.ReviewAlert, app.tasks.needs_you.TaskAlert)."""

    @property
    def task_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def body(self) -> str: ...


REVIEW_KINDS = ("review", "closing")


class _Events:
    """What the worker thread reports, read on the GUI thread by a timer (no Qt call crosses threads)."""

    def __init__(self) -> None:
        self.queue: queue.SimpleQueue[tuple[str, str | int, str | int]] = queue.SimpleQueue()

    def shown(self, task_id: str, notification_id: int) -> None:
        self.queue.put(("shown", task_id, notification_id))

    def clicked(self, notification_id: int, action: str) -> None:
        self.queue.put(("clicked", notification_id, action))

    def failed(self, task_id: str, reason: str) -> None:
        self.queue.put(("failed", task_id, reason))


class _DBusWorker(threading.Thread):
    def __init__(self, events: _Events, address: str) -> None:
        super().__init__(daemon=True, name="notifications")
        self._events = events
        self._address = address
        self._outbox: queue.Queue[tuple[str, str, str, str]] = queue.Queue(maxsize=50)
        self._halt = threading.Event()

    def send(self, task_id: str, summary: str, body: str, action: str) -> bool:
        try:
            self._outbox.put_nowait((task_id, summary, body, action))
            return True
        except queue.Full:
            return False

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        try:
            from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, new_method_call
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection

            conn = open_dbus_connection(bus=self._address, auth_timeout=2.0)
            conn.send_and_get_reply(
                message_bus.AddMatch(MatchRule(type="signal", interface=SERVICE, member="ActionInvoked")), timeout=2.0
            )
        except Exception as exc:  # no session bus, no jeepney, a refused connection
            log.info("no desktop notification service: %s", type(exc).__name__)
            self._events.failed("", "no session bus")
            return
        address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        pending: dict[int, str] = {}
        try:
            while not self._halt.is_set():
                while True:
                    try:
                        task_id, summary, body, action = self._outbox.get_nowait()
                    except queue.Empty:
                        break
                    message = new_method_call(
                        address,
                        "Notify",
                        "susssasa{sv}i",
                        (APP_NAME, 0, "", summary, body, ["default", action], {}, -1),
                    )
                    serial = next(conn.outgoing_serial)
                    conn.send(message, serial=serial)
                    pending[serial] = task_id
                    while len(pending) > MAX_TRACKED:
                        pending.pop(next(iter(pending)))
                try:
                    incoming = conn.receive(timeout=0.2)
                except TimeoutError:
                    continue
                header = incoming.header
                if header.message_type == MessageType.signal:
                    if header.fields.get(HeaderFields.member) == "ActionInvoked" and len(incoming.body) >= 2:
                        self._events.clicked(int(incoming.body[0]), str(incoming.body[1]))
                    continue
                reply_to = header.fields.get(HeaderFields.reply_serial)
                if reply_to not in pending:
                    continue
                task_id = pending.pop(reply_to)
                if header.message_type == MessageType.method_return and incoming.body:
                    self._events.shown(task_id, int(incoming.body[0]))
                else:
                    self._events.failed(task_id, str(header.fields.get(HeaderFields.error_name, "error")))
        except Exception as exc:
            log.info("desktop notifications stopped: %s", type(exc).__name__)
            self._events.failed("", "connection lost")
        finally:
            conn.close()


class Notifier(QObject):
    """Shows review alerts where the desktop can; ``activated(task_id)`` when one is clicked."""

    activated = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        bus_address: str | None = "SESSION",
        icon: QIcon | None = None,
        use_tray: bool = True,
        start_now: bool = True,
    ) -> None:
        """With ``start_now=False`` the desktop-bus worker waits for ``start()`` (the main window
        calls it after its first picture: the worker's imports would compete with the start-up)."""
        super().__init__(parent)
        self._events = _Events()
        self._poll = QTimer(self)
        self._poll.setInterval(250)
        self._poll.timeout.connect(self._drain)
        self._ids: OrderedDict[int, str] = OrderedDict()
        self._texts: OrderedDict[str, tuple[str, str]] = OrderedDict()  # task id -> (summary, body), for the tray
        self._dbus: _DBusWorker | None = None
        if bus_address:
            self._dbus = _DBusWorker(self._events, bus_address)
            if start_now:
                self.start()
        self._icon = icon if icon is not None else QIcon()
        self._use_tray = use_tray
        self._tray: QSystemTrayIcon | None = None
        self._tray_task = ""

    def start(self) -> None:
        """Start listening on the desktop bus (once; the constructor does it unless told not to)."""
        if self._dbus is not None and self._dbus.ident is None:
            self._dbus.start()
            self._poll.start()

    @property
    def available(self) -> bool:
        return self._dbus is not None or self._tray_available()

    def _tray_available(self) -> bool:
        return self._use_tray and QSystemTrayIcon.isSystemTrayAvailable()

    def notify(self, alert: Alert) -> None:
        self._texts[alert.task_id] = (alert.summary, alert.body)
        while len(self._texts) > MAX_TRACKED:
            self._texts.popitem(last=False)
        action = (
            translate("Notifier", "Open the review")
            if alert.kind in REVIEW_KINDS
            else translate("Notifier", "Open the task")
        )
        if (
            self._dbus is not None
            and self._dbus.is_alive()
            and self._dbus.send(alert.task_id, alert.summary, alert.body, action)
        ):
            self._remember("desktop", alert.task_id)
            return
        self._by_tray(alert.task_id, alert.summary, alert.body)

    def _by_tray(self, task_id: str, summary: str, body: str) -> None:
        if not self._tray_available():
            log.info("no way to show a desktop notification; the window shows what waits")
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(self._tray_icon(), self)
            self._tray.setToolTip(APP_NAME)
            self._tray.messageClicked.connect(lambda: self.activated.emit(self._tray_task) if self._tray_task else None)
            self._tray.show()
        self._tray_task = task_id
        self._tray.showMessage(summary, body, QSystemTrayIcon.MessageIcon.Information, 15000)
        self._remember("tray", task_id)

    def _tray_icon(self) -> QIcon:
        """The given icon, else the application's, else a plain drawn mark (a tray needs one)."""
        if not self._icon.isNull():
            return self._icon
        app_icon = QApplication.windowIcon()
        if not app_icon.isNull():
            return app_icon
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#1f3a5f"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(2, 2, 28, 28)
        painter.end()
        return QIcon(pixmap)

    def _remember(self, how: str, task_id: str) -> None:
        log.info("notification for %s shown by the %s", task_id, how)

    def _drain(self) -> None:
        while True:
            try:
                kind, first, second = self._events.queue.get_nowait()
            except queue.Empty:
                return
            if kind == "shown":
                self._on_shown(str(first), int(second))
            elif kind == "clicked":
                self._on_clicked(int(first), str(second))
            else:
                self._on_failed(str(first), str(second))

    def _on_shown(self, task_id: str, notification_id: int) -> None:
        self._ids[notification_id] = task_id
        while len(self._ids) > MAX_TRACKED:
            self._ids.popitem(last=False)

    def _on_clicked(self, notification_id: int, action: str) -> None:
        task_id = self._ids.get(notification_id)
        if task_id is not None:  # another program's notification is none of our business
            self.activated.emit(task_id)

    def _on_failed(self, task_id: str, reason: str) -> None:
        if not task_id:
            self._dbus = None  # no service: the tray (if any) from now on
            self._poll.stop()
            return
        log.info("desktop notification refused (%s); trying the tray", reason)
        if task_id in self._texts:
            self._by_tray(task_id, *self._texts[task_id])

    def close(self) -> None:
        self._poll.stop()
        if self._dbus is not None:
            self._dbus.stop()
            self._dbus = None
        if self._tray is not None:
            self._tray.hide()
