"""``aitasker-desktop``: start the window on a qasync event loop."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")  # qasync must pick PySide6 even if PyQt is installed

from app.api import DEFAULT_API_URL, check_api_url  # noqa: E402
from app.errors import InvalidAddress  # noqa: E402

log = logging.getLogger("aitasker")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="aitasker-desktop", description="Post tasks to AITasker and follow them.")
    parser.add_argument("--demo", action="store_true", help="use a practice server on this computer (no account needed)")
    parser.add_argument("--api-url", default=os.environ.get("AITASKER_API_URL", DEFAULT_API_URL), help="the AITasker API address")
    parser.add_argument("--data-dir", type=Path, help="where to keep drafts and tasks (default: your user data folder)")
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="save a picture of the window once shown, then quit")
    parser.add_argument("--demo-speed", type=float, default=10.0, help=argparse.SUPPRESS)
    parser.add_argument("--debug", action="store_true", help="log more detail")
    return parser.parse_args(argv)


async def run_window(args: argparse.Namespace, app: object) -> int:
    from PySide6.QtCore import QSettings

    from app.sandbox import SandboxConfig, start_sandbox
    from app.sandbox.service import DEMO_API_KEY
    from app.store import Store, StoreError
    from ui.main_window import Connection, MainWindow

    # Demo work is kept apart from a real account's drafts and tasks.
    data_dir = args.data_dir / "demo" if args.demo else args.data_dir
    try:
        store = Store.in_dir(data_dir)
    except (StoreError, OSError) as exc:
        print(f"aitasker-desktop: {getattr(exc, 'user_message', exc)}", file=sys.stderr)
        return 3
    sandbox = None
    if args.demo:
        # The practice server remembers the demo tasks of earlier runs, so they stay followable.
        known = [t.model_dump(mode="json") for t in store.list_tasks()]
        sandbox = await asyncio.to_thread(start_sandbox, SandboxConfig(speed=args.demo_speed, preload=known))
        connection = Connection(api_url=sandbox.url, api_key=DEMO_API_KEY, demo=True)
    else:
        connection = Connection(api_url=args.api_url, api_key=os.environ.get("AITASKER_API_KEY") or None)
    settings = QSettings(str(args.data_dir / "ui-state.ini"), QSettings.Format.IniFormat)
    window = MainWindow(connection, store, settings=settings)
    try:
        window.show()
        await window.start()
        if args.screenshot is not None:
            await asyncio.sleep(0.2)  # let layouts settle and paint once
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(args.screenshot), "PNG"):
                log.error("could not write the screenshot to %s", args.screenshot)
                return 1
            window.close()
        await window.closed.wait()
    finally:
        await window.shutdown()
        window.deleteLater()
        store.close()
        if sandbox is not None:
            await asyncio.to_thread(sandbox.stop)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not args.demo:
        try:
            args.api_url = check_api_url(args.api_url)
        except InvalidAddress as exc:
            print(f"aitasker-desktop: {exc}", file=sys.stderr)
            return 2
    if args.data_dir is None:
        import platformdirs

        args.data_dir = platformdirs.user_data_path("aitasker-desktop", "AITasker")
    args.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("AITasker Desktop")
    app.setOrganizationName("AITasker")
    app.setQuitOnLastWindowClosed(False)  # the coroutine ends the run once the window closed
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        return runner.run(run_window(args, app))


if __name__ == "__main__":
    sys.exit(main())
