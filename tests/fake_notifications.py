"""A stand-in for the desktop's notification service on a private D-Bus session bus (for tests).

Owns ``org.freedesktop.Notifications`` on the bus at ``address``, records every ``Notify`` call
(signature and arguments), answers with an id, and can emit ``ActionInvoked`` as a click would.
Runs with jeepney (a keyring dependency) in a thread; no Qt.
"""

from __future__ import annotations

import threading
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class FakeNotifications:
    def __init__(self, address: str) -> None:
        self.conn = open_dbus_connection(bus=address)
        reply = self.conn.send_and_get_reply(message_bus.RequestName(NAME, 4))  # 4: do not queue
        if reply.body[0] != 1:
            raise RuntimeError("could not own the notification service name")
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.senders: list[str] = []
        self._next_id = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True, name="fake-notifications")
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self.conn.receive(timeout=0.1)
            except TimeoutError:
                continue
            except Exception:
                return
            header = msg.header
            if header.message_type != MessageType.method_call or header.fields.get(HeaderFields.interface) != NAME:
                continue
            member = header.fields.get(HeaderFields.member)
            with self._lock:
                if member == "Notify":
                    self._next_id += 1
                    self.calls.append((header.fields.get(HeaderFields.signature, ""), tuple(msg.body)))
                    self.senders.append(str(header.fields.get(HeaderFields.sender, "")))
                    self.conn.send(new_method_return(msg, "u", (self._next_id,)))
                elif member == "GetCapabilities":
                    self.conn.send(new_method_return(msg, "as", (["body", "actions"],)))
                else:
                    self.conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", ("no",)))

    def click(self, notification_id: int, action: str = "default") -> None:
        """What the desktop sends when the user clicks the notification (or one of its actions)."""
        signal = new_signal(DBusAddress(PATH, interface=NAME), "ActionInvoked", "us", (notification_id, action))
        with self._lock:
            self.conn.send(signal)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.conn.close()
