"""One instance per data folder: a second launch hands its arguments to the first and exits.

Who runs is decided by the folder lock (:class:`app.instance_lock.FolderLock`), which the kernel
releases when a process ends however it ends. The holder listens on a local socket named for this
user and folder (:func:`app.instance_lock.instance_name`); since it holds the lock, any socket file
left under that name is stale (a crashed run) and is removed before listening. A second launch
that finds the lock taken connects, sends its arguments as one line of JSON and waits for "ok";
the first brings its window to the front. Another folder has another lock and another name, so
two folders run side by side. (The approach of Vorta's ``qt_single_application.py``, with the
lock added so that two launches at the same moment, or a crash, cannot let two writers in.)

:meth:`SingleInstance.hand_over` blocks for at most a few seconds; it runs before any window
exists, in the launch that is about to exit.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.instance_lock import FolderLock, instance_name

if TYPE_CHECKING:  # QtNetwork loads when listening or handing over: the first picture needs neither
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MAX_MESSAGE = 64 * 1024  # a launch's arguments; anything longer is dropped
ACK = b"ok\n"


class SingleInstance(QObject):
    """``claim()`` once at start; ``activated(argv)`` when another launch on the folder asked."""

    activated = Signal(list)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.lock = FolderLock(self.folder)
        self._name: str | None = None
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def name(self) -> str:
        """The local socket's name for this user and folder (worked out when first needed)."""
        if self._name is None:
            self._name = instance_name(self.folder)
        return self._name

    def claim(self, *, listen: bool = True) -> bool:
        """True: this process is the one for the folder (lock held; listening for later launches,
        or from :meth:`listen` on when ``listen`` is False: a launch meanwhile waits for it).
        False: another process holds the folder. Raises OSError when the folder cannot be used."""
        if not self.lock.acquire():
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Take later launches' arguments from now on (once; the folder's lock is held)."""
        if self._server is not None or not self.lock.held:
            return
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)  # we hold the lock: a socket left here is stale
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # The lock still keeps other writers out; a later launch then says it cannot reach us.
            log.warning("could not listen for other launches: %s", server.errorString())
        server.newConnection.connect(self._accept)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self.lock.release()

    # --- the second launch ---------------------------------------------------------------------
    def hand_over(self, argv: list[str], timeout: float = 5.0) -> bool:
        """Give ``argv`` to the instance that holds the folder; True once it answered "ok".
        Retries while the first one is still starting (lock taken, not listening yet). When the
        holder ends meanwhile, this launch claims the folder instead (False, ``lock.held``)."""
        from PySide6.QtNetwork import QLocalSocket

        message = json.dumps({"argv": list(argv)}).encode() + b"\n"
        deadline = time.monotonic() + timeout
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                socket.write(message)
                socket.waitForBytesWritten(1000)
                answer = b""
                while ACK not in answer and socket.waitForReadyRead(max(1, int((deadline - time.monotonic()) * 1000))):
                    answer += bytes(socket.readAll().data())
                socket.disconnectFromServer()
                if ACK in answer:
                    return True
            elif self.claim():  # the holder ended while we waited (nothing listens): the folder is ours
                log.info("the instance that held %s has ended; this launch takes the folder", self.folder)
                return False
            if time.monotonic() >= deadline:
                log.warning("the running instance did not answer: %s", socket.errorString())
                return False
            time.sleep(0.1)

    # --- the first launch ----------------------------------------------------------------------
    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                socket.abort()
                self._forget(socket)
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            argv = json.loads(line)["argv"]
            if not isinstance(argv, list):
                raise TypeError("argv")
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed message from another launch")
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        log.info("another launch on this folder asked to come to the front")
        self.activated.emit([str(a) for a in argv])

    def _forget(self, socket: QLocalSocket) -> None:
        if self._buffers.pop(socket, None) is not None:
            socket.deleteLater()


def claim_or_hand_over(
    folder: Path, argv: list[str], *, listen: bool = True
) -> tuple[SingleInstance | None, int | None]:
    """At start: (the instance, None) when this launch is the one for ``folder`` (listening for
    later launches unless ``listen`` is False: then call its :meth:`SingleInstance.listen`);
    (None, exit code) when another launch holds it: 0 once it took our arguments, 4 when it did
    not answer (said on stderr). Raises OSError when the folder cannot be used at all."""
    instance = SingleInstance(folder)
    if instance.claim(listen=listen):
        return instance, None
    if instance.hand_over(argv):
        log.info("already running on %s: handed over", folder)
        return None, 0
    if instance.lock.held:  # the one that held the folder ended while this launch waited
        return instance, None
    print(
        f"aitasker-desktop: AITasker Desktop is already open with the folder {folder}, but it does not "
        "answer. Close it (or end it) and try again.",
        file=sys.stderr,
    )
    return None, 4


def bring_to_front() -> None:
    """Show the app's visible windows (restored if minimised), raised and activated."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.isWindow():
            if widget.isMinimized():
                widget.showNormal()
            widget.raise_()
            widget.activateWindow()
