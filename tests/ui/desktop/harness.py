"""A real desktop for one test module: Xvfb, a D-Bus session with the accessibility bus, the real program,
keys typed with xdotool and the window read through AT-SPI, as a keyboard and screen-reader user meets it.

Needs Debian's xvfb, xdotool, dbus-x11 (dbus-launch), at-spi2-core and python3-pyatspi; `missing_tools()`
names what is absent so the tests can skip with that reason."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
REPO = HERE.parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
APT = "apt-get install -y xvfb xdotool dbus-x11 at-spi2-core python3-pyatspi"


def missing_tools() -> str | None:
    absent = [tool for tool in ("Xvfb", "xdotool", "dbus-launch") if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        absent.append("at-spi-bus-launcher")
    if (
        not Path(SYSTEM_PYTHON).exists()
        or subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=30).returncode
    ):
        absent.append("python3-pyatspi")
    if absent:
        return f"needs {', '.join(absent)} for a real window read by a screen reader ({APT})"
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "from app.display_check import missing, XCB_LIBRARIES, can_load;"
            "print(' '.join(l.debian for l in missing(XCB_LIBRARIES, can_load)))",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO,
    )
    if probe.stdout.strip():
        return f"Qt's X11 plugin lacks system libraries: apt-get install -y {probe.stdout.strip()}"
    return None


@dataclass
class Node:
    depth: int
    role: str
    name: str
    focused: bool = False
    focusable: bool = False
    showing: bool = True
    enabled: bool = True
    expandable: bool = False
    expanded: bool = False
    text: str | None = None
    children: list[Node] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find(
        self, role: str | None = None, name: str | Callable[[str], bool] | None = None, showing: bool = True
    ) -> list[Node]:
        def matches(node: Node) -> bool:
            if role is not None and node.role != role:
                return False
            if showing and not node.showing:
                return False
            if name is None:
                return True
            return name(node.name) if callable(name) else node.name == name

        return [node for node in self.walk() if matches(node)]


class Desktop:
    """Xvfb + D-Bus session + accessibility bus; the program runs inside it."""

    def __init__(self, screen: str = "1366x768x24") -> None:
        self.screen = screen
        self.procs: list[subprocess.Popen[bytes]] = []
        self.env: dict[str, str] = {}
        self.app: subprocess.Popen[str] | None = None
        self.app_log: Path | None = None

    def start(self) -> None:
        number = next(
            n
            for n in range(150, 400)
            if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists()
        )
        display = f":{number}"
        self.procs.append(
            subprocess.Popen(
                ["Xvfb", display, "-screen", "0", self.screen, "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        deadline = time.monotonic() + 20
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.1)
        base = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        base["DISPLAY"] = display
        out = subprocess.run(
            ["dbus-launch", "--sh-syntax"], capture_output=True, text=True, env=base, timeout=30
        ).stdout
        for line in out.splitlines():
            if "=" in line and line.startswith("DBUS_SESSION_BUS"):
                key, _, value = line.rstrip(";").partition("=")
                base[key] = value.strip("'\"")
        self.env = base
        self.procs.append(
            subprocess.Popen(
                [BUS_LAUNCHER, "--launch-immediately"], env=base, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
        time.sleep(0.5)

    def launch(self, data_dir: Path, *args: str) -> None:
        env = {**self.env, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
        self.app_log = data_dir.parent / f"{data_dir.name}-app.log"
        log = self.app_log.open("w")
        self.app = subprocess.Popen(
            [sys.executable, "-m", "ui", "--data-dir", str(data_dir), *args],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def close_app(self) -> None:
        if self.app is not None and self.app.poll() is None:
            self.app.send_signal(signal.SIGTERM)
            try:
                self.app.wait(15)
            except subprocess.TimeoutExpired:
                self.app.kill()
                self.app.wait(5)
        self.app = None

    def stop(self) -> None:
        self.close_app()
        pid = self.env.get("DBUS_SESSION_BUS_PID")
        for proc in reversed(self.procs):
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if pid:
            try:
                os.kill(int(pid), signal.SIGTERM)
            except (ProcessLookupError, ValueError):
                pass

    # --- what a screen reader reads -------------------------------------------------------------
    def tree(self, app_name: str = "AITasker Desktop") -> Node:
        result = subprocess.run(
            [SYSTEM_PYTHON, str(HERE / "atspi_dump.py"), app_name],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=60,
        )
        root = Node(-1, "desktop", "")
        stack = [root]
        for line in result.stdout.splitlines():
            data = json.loads(line)
            node = Node(**data)
            while stack[-1].depth >= node.depth:
                stack.pop()
            stack[-1].children.append(node)
            stack.append(node)
        return root

    def wait_for(self, what: str, condition: Callable[[Node], object], timeout: float = 60.0) -> Node:
        deadline = time.monotonic() + timeout
        tree = self.tree()
        while not condition(tree):
            if self.app is not None and self.app.poll() is not None:
                raise AssertionError(
                    f"the program ended (exit {self.app.returncode}) while waiting for {what}: "
                    + (self.app_log.read_text()[-3000:] if self.app_log else "")
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the screen reader saw:\n" + outline(tree))
            time.sleep(0.5)
            tree = self.tree()
        return tree

    def focused(self) -> Node | None:
        found = [
            n
            for n in self.tree().walk()
            if n.focused and n.focusable and n.role not in ("list item", "page tab", "frame")
        ]
        return found[-1] if found else None

    # --- the keyboard ---------------------------------------------------------------------------
    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=self.env, check=True, timeout=30)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "20", text], env=self.env, check=True, timeout=60)
        time.sleep(0.2)

    def focus_window(self, title: str) -> None:
        ids = subprocess.run(
            ["xdotool", "search", "--name", title], capture_output=True, text=True, env=self.env, timeout=30
        ).stdout.split()
        if ids:
            subprocess.run(["xdotool", "windowfocus", "--sync", ids[-1]], env=self.env, timeout=30)


def outline(tree: Node, limit: int = 250) -> str:
    lines = []
    for node in tree.walk():
        if node.depth < 0 or not node.showing:
            continue
        extra = f" text={node.text[:50]!r}" if node.text else ""
        lines.append("  " * node.depth + f"[{node.role}] {node.name!r}{extra}{' FOCUSED' if node.focused else ''}")
    return "\n".join(lines[:limit])
