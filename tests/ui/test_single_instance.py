"""One instance per data folder, with the real program in subprocesses (offscreen Qt).

A second launch on a folder hands its arguments to the first (which comes to the front) and exits 0
without a window; a launch on another folder runs beside it; a first run killed with SIGKILL leaves
nothing that blocks the next start; two launches at the same moment end with exactly one running.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.instance_lock import FolderLock, instance_name
from tests.ui.test_startup import TROUBLE, assert_screenshot

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def remove_stale_socket(data_dir: Path) -> None:
    """A killed instance leaves its socket file behind (the next holder of the folder would remove
    it); tests remove it themselves so that no file is left in the temporary folder."""
    from PySide6.QtNetwork import QLocalServer

    QLocalServer.removeServer(instance_name(data_dir))


def log_text(data_dir: Path) -> str:
    log = data_dir / "logs" / "aitasker-desktop.log"
    return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def launch(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ui", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui", *args], capture_output=True, text=True, env=ENV, timeout=timeout)


@contextmanager
def running(data_dir: Path, logged: str = "holding") -> Iterator[subprocess.Popen[str]]:
    """The app in demo mode on ``data_dir``, up and holding its folder (once its log says ``logged``)."""
    first = launch("--demo", "--data-dir", str(data_dir))
    try:
        wait_for(
            lambda: logged in log_text(data_dir) or first.poll() is not None,
            60,
            f"the first launch to log {logged!r}",
        )
        assert first.poll() is None, first.communicate()[1]
        yield first
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate(timeout=30)
        remove_stale_socket(data_dir)


def test_a_second_launch_on_the_same_folder_hands_over_and_exits(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with running(data) as first:
        second = run("--demo", "--data-dir", str(data), timeout=60)
        assert second.returncode == 0, second.stderr
        assert not [t for t in TROUBLE if t in second.stderr], second.stderr
        wait_for(
            lambda: "asked to come to the front" in log_text(data), 20, "the first to be asked to come to the front"
        )
        assert "already running" in log_text(data)
        assert first.poll() is None, "the first instance must keep running"
        # Another folder runs side by side (it shows its window, takes its picture and quits).
        shot = tmp_path / "other.png"
        other = run("--demo", "--data-dir", str(tmp_path / "other"), "--screenshot", str(shot))
        assert other.returncode == 0, other.stderr
        assert_screenshot(shot)
        assert first.poll() is None


def test_a_killed_first_run_does_not_block_the_next_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with running(data) as first:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    shot = tmp_path / "after.png"
    again = run("--demo", "--data-dir", str(data), "--screenshot", str(shot))
    assert again.returncode == 0, again.stderr
    assert_screenshot(shot)


def test_two_launches_at_the_same_moment_leave_exactly_one_running(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    both = [launch("--demo", "--data-dir", str(data)) for _ in range(2)]
    try:
        wait_for(lambda: any(p.poll() is not None for p in both), 90, "one launch to hand over and exit")
        ended = [p for p in both if p.poll() is not None]
        assert len(ended) == 1 and ended[0].returncode == 0, ended[0].communicate()[1]
        wait_for(lambda: "asked to come to the front" in log_text(data), 20, "the other to take the hand-over")
        assert sum(p.poll() is None for p in both) == 1
    finally:
        for p in both:
            if p.poll() is None:
                p.kill()
            p.communicate(timeout=30)
        remove_stale_socket(data)


def test_the_folder_lock_excludes_a_second_holder_until_released(tmp_path: Path) -> None:
    first, second = FolderLock(tmp_path), FolderLock(tmp_path)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_the_instance_name_is_per_folder_not_per_spelling(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "a")
    assert (
        instance_name(tmp_path / "a") == instance_name(tmp_path / "link") == instance_name(tmp_path / "a" / ".." / "a")
    )
    assert instance_name(tmp_path / "a") != instance_name(tmp_path / "b")
    assert len(instance_name(tmp_path / "a")) < 60  # fits a local socket path


def hand_over(folder: Path, script: str | None = None) -> subprocess.CompletedProcess[str]:
    """Another launch on ``folder`` (in a process of its own): prints (no instance?, exit code)."""
    return subprocess.run(
        [sys.executable, "-c", script or HAND_OVER, str(folder)], capture_output=True, text=True, timeout=60, env=ENV
    )


HAND_OVER = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.desktop.single_instance import claim_or_hand_over
app = QApplication([])
instance, code = claim_or_hand_over(Path(sys.argv[1]), ["--demo", "file with spaces"])
print(instance is None, code)
"""


async def test_the_running_instance_gets_the_arguments_and_comes_to_the_front(qtbot, tmp_path: Path) -> None:
    """In this process the first instance (a minimised window); a second process hands over."""
    import asyncio

    from PySide6.QtWidgets import QWidget

    from ui.desktop.single_instance import SingleInstance, bring_to_front

    first = SingleInstance(tmp_path)
    assert first.claim()
    received: list[list[str]] = []
    first.activated.connect(received.append)
    first.activated.connect(lambda argv: bring_to_front())
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    try:
        second = await asyncio.to_thread(hand_over, tmp_path)
        assert second.stdout.split() == ["True", "0"], second.stderr
        assert received == [["--demo", "file with spaces"]]
        assert not window.isMinimized() and window.isVisible()
    finally:
        first.release()
    # Released (the first one quit): the next launch is the first again.
    again = hand_over(tmp_path, HAND_OVER.replace('["--demo", "file with spaces"]', "[]"))
    assert again.stdout.split() == ["False", "None"], again.stderr


async def test_a_launch_while_the_first_is_still_drawing_its_window_waits_for_it(qtbot, tmp_path: Path) -> None:
    """The app takes its folder at once but listens for later launches only after its window's
    first picture (ui/main.py): a launch in between finds the folder taken and nobody listening,
    keeps trying, and hands over as soon as the first one listens (no "does not answer")."""
    import asyncio

    from ui.desktop.single_instance import SingleInstance

    first = SingleInstance(tmp_path)
    assert first.claim(listen=False)
    received: list[list[str]] = []
    first.activated.connect(received.append)
    try:
        launch = subprocess.Popen(
            [sys.executable, "-c", SAYS_WHEN_REFUSED + HAND_OVER, str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        try:
            said: list[str] = []  # it found the folder taken, then tried again: it waits
            output = launch.stdout
            assert output is not None
            while said.count("refused") < 2:
                said.append((await asyncio.wait_for(asyncio.to_thread(output.readline), 60)).strip())
                assert said[-1], launch.communicate()[1]
            assert launch.poll() is None
            first.listen()
            out, err = await asyncio.to_thread(launch.communicate, timeout=60)
        finally:
            if launch.poll() is None:
                launch.kill()
                launch.communicate()
        assert out.split()[-2:] == ["True", "0"], err
        assert received == [["--demo", "file with spaces"]]
    finally:
        first.release()


SAYS_WHEN_REFUSED = r"""
from ui.desktop.single_instance import SingleInstance
_claim = SingleInstance.claim
def _saying(self, **kwargs):
    got = _claim(self, **kwargs)
    if not got:
        print("refused", flush=True)
    return got
SingleInstance.claim = _saying
"""


ENDS_AFTER_ONE_CALL = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer
from app.instance_lock import FolderLock, instance_name
app = QCoreApplication([])
folder = Path(sys.argv[1])
lock = FolderLock(folder)
assert lock.acquire()
server = QLocalServer()
QLocalServer.removeServer(instance_name(folder))
assert server.listen(instance_name(folder))
print("listening", flush=True)
assert server.waitForNewConnection(120_000)
server.nextPendingConnection().abort()  # never answers: it is quitting
server.close()
lock.release()
print("ended", flush=True)
"""


def test_a_launch_whose_first_instance_ends_meanwhile_takes_the_folder(tmp_path: Path) -> None:
    """The instance holding the folder quits just as a second launch calls it (it takes the call,
    never answers, and lets go of the folder): the launch opens the app itself instead of saying
    that an instance "is already open but does not answer"."""
    data = tmp_path / "data"
    data.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", ENDS_AFTER_ONE_CALL, str(data)], stdout=subprocess.PIPE, text=True, env=ENV
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "listening"
        shot = tmp_path / "after.png"
        second = run("--demo", "--data-dir", str(data), "--screenshot", str(shot))
        assert holder.stdout.readline().strip() == "ended"  # the launch did call the holder first
        assert second.returncode == 0, second.stderr
        assert "does not answer" not in second.stderr
        assert_screenshot(shot)
        assert "this launch takes the folder" in log_text(data)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate(timeout=30)
        remove_stale_socket(data)


def test_a_launch_while_the_first_shows_its_startup_problem_hands_over(tmp_path: Path) -> None:
    """The first launch cannot open its demo store (``demo`` is a file, not a folder) and shows the
    "cannot start" window, holding the folder. A second launch on the folder must bring that window
    to the front and exit 0 at once, as it did before the two-step start; it must not wait 5 s and
    say that the app "does not answer" (exit 4): nothing ever listens on the problem path."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "demo").write_text("not a folder")
    with running(data, logged="cannot start") as first:  # its start-up problem window is up
        second = run("--demo", "--data-dir", str(data), timeout=60)
        assert "does not answer" not in second.stderr, second.stderr
        assert second.returncode == 0, second.stderr
        assert first.poll() is None, "the first instance (its problem window) must keep running"
