"""``aitasker-desktop``: start the window on a qasync event loop."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_API", "pyside6")  # qasync must pick PySide6 even if PyQt is installed

from app import about, preload
from app.api.errors import InvalidAddress
from app.command_line import parse_args
from app.demo_server import SERVE_ARGUMENT
from ui.desktop.start_imports import import_before_qt, lighter_pyside_import_check

if TYPE_CHECKING:
    from app.store.disk_errors import StoreError

log = logging.getLogger("aitasker")


async def until_closed(work: Coroutine[Any, Any, Any], closed: Any) -> bool:
    """Run ``work`` until it ends (True) or ``closed`` (an asyncio.Event) is set first (False:
    ``work`` is cancelled). Its errors are raised."""
    import asyncio
    import contextlib

    job = asyncio.ensure_future(work)
    waiter = asyncio.ensure_future(closed.wait())
    try:
        done, _ = await asyncio.wait({job, waiter}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
    if job in done:
        job.result()
        return True
    job.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await job
    return False


def open_window(settings: Any, store: Any, connection: Any, secrets: Any, keystore: Any = None) -> Any:
    """The main window's parts on ``store``, shown (the session and the controllers come with
    :meth:`MainWindow.attach` once it has drawn itself). ``AITASKER_BENCH_HOOK`` may name a module
    whose ``install(window, store)`` is called first (the measuring points of tests/bench/hooks.py)."""
    from ui.main_window import MainWindow

    window = MainWindow(connection, store, settings=settings, keystore=keystore, secrets=secrets.add, staged=True)
    if hook := os.environ.get("AITASKER_BENCH_HOOK"):
        import importlib

        importlib.import_module(hook).install(window, store)
    window.show()
    return window


def prepare_looks(args: argparse.Namespace) -> Any:
    """The window's saved settings (``ui-state.ini``), their language and look applied, and combo
    boxes announced by their label (before any window)."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from ui.i18n import LANGUAGE_KEY, SYSTEM_LANGUAGE, install_translations
    from ui.theme import apply_theme
    from ui.widgets import accessibility, accessible_combo

    settings = QSettings(str(args.data_dir / "ui-state.ini"), QSettings.Format.IniFormat)
    language = str(settings.value(LANGUAGE_KEY, SYSTEM_LANGUAGE, type=str))
    if language != SYSTEM_LANGUAGE:  # chosen in Settings (the system's was installed at start)
        app = QCoreApplication.instance()
        if app is not None:
            install_translations(app, choice=language)
    apply_theme(str(settings.value("ui/theme", "system", type=str)))
    accessible_combo.install()
    accessibility.install()
    return settings


def show_demo_window(args: argparse.Namespace, secrets: Any, checked: Any = None) -> tuple[Any, Any] | StoreError:
    """Demo mode, before the event loop starts: the window on the demo store, drawn once (asyncio,
    the session and the practice server load after it). The store's problem when it cannot open."""
    from app.store.disk_errors import StoreError
    from app.store.repository import Store
    from ui.desktop.first_paint import wait_until_painted
    from ui.main_window import Connection

    settings = prepare_looks(args)
    try:
        store = Store.in_dir(args.data_dir / "demo", checked=checked)  # demo work is kept apart from an account's
    except StoreError as exc:
        return exc
    window = open_window(settings, store, Connection(api_url="", api_key=None, demo=True), secrets)
    wait_until_painted(window)
    return window, store


async def run_window(
    args: argparse.Namespace,
    secrets: Any,
    config_dir: Path | None,
    instance: Any = None,
    problem: Any = None,
    shown: tuple[Any, Any] | None = None,
    checked: Any = None,
    servers: list[Any] | None = None,
) -> int:
    """The app once the event loop runs. ``shown``: (window, store) already on the screen (demo);
    ``servers``: demo mode's practice server (app.demo_server) once started (the caller stops it)."""
    import asyncio

    gc.freeze()  # what start-up made lives on: collections from now on look only at what is new
    gc.enable()  # (off while starting: see main)

    if instance is not None:  # another launch on this folder: whatever is showing comes to the front
        from ui.desktop.single_instance import bring_to_front

        instance.activated.connect(lambda argv: bring_to_front())

    async def say_problem(problem: Any) -> int:
        """The data folder cannot be used: say so in a window (later launches are taken meanwhile)."""
        from ui.windows.startup_problem import show_startup_problem

        if instance is not None:
            instance.listen()
        await show_startup_problem(problem, screenshot=args.screenshot)
        return 3

    if problem is not None:
        return await say_problem(problem)

    from app.logs import asyncio_exception_handler
    from app.store.disk_errors import StoreError
    from app.store.repository import Store
    from ui.desktop.first_paint import first_paint
    from ui.main_window import Connection

    asyncio.get_running_loop().set_exception_handler(asyncio_exception_handler)
    if shown is not None:
        window, store = shown
        demo, connection = True, None  # it connects once the practice server is up (below)
    else:
        settings = prepare_looks(args)
        keystore = None
        demo, key = args.demo, None
        if not demo:
            from app.credentials import KeyStore
            from ui.windows.connect import choose_account

            keystore = KeyStore(config_dir)
            picked = await choose_account(args, keystore, secrets, instance)
            if picked is None:
                return 0
            demo, key = picked
        # Demo work is kept apart from a real account's drafts and tasks.
        try:
            store = Store.in_dir(args.data_dir / "demo" if demo else args.data_dir, checked=checked)
        except StoreError as exc:
            return await say_problem(exc)
        # Demo mode connects once the practice server is up, after the window's first picture:
        # importing and starting it (FastAPI, uvicorn) costs more than everything else at start.
        connection = Connection(api_url="", api_key=None, demo=True) if demo else Connection(args.api_url, key)
        window = open_window(settings, store, connection, secrets, keystore)
        await first_paint(window)  # the picture first; then the session, the form's checks, the rest
        preload.start(DEMO_AFTER_FIRST_PICTURE if demo else AFTER_FIRST_PICTURE)
    await asyncio.to_thread(preload.wait)  # the loop turns meanwhile: the window answers while they load
    try:
        window.attach()
        if instance is not None:  # later launches on this folder are taken from now on
            instance.listen()
        if demo:
            from app.demo_server import DEMO_API_KEY, DemoServer

            window.start_loading()
            servers = [] if servers is None else servers
            if not servers:  # demo chosen on the welcome screen
                servers.append(DemoServer(args.demo_speed, store.path))
            server = servers[0]
            secrets.add(DEMO_API_KEY)
            connection = Connection(api_url=await asyncio.to_thread(server.url), api_key=DEMO_API_KEY, demo=True)
        # A server that does not answer keeps the first connection waiting up to 45 s: closing the
        # window meanwhile ends the wait (the process must not linger, holding the folder).
        if not await until_closed(window.start(connection), window.closed):
            return 0
        if demo:  # its practice server is plain http on this computer: TLS only for what comes from elsewhere
            preload.start((preload.TLS,))
        if args.screenshot is not None:
            await asyncio.sleep(0.2)  # let layouts settle and paint once
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(args.screenshot), "PNG"):
                log.error("could not write the screenshot to %s", args.screenshot)
                return 1
            window.close()
        await window.closed.wait()
    finally:
        try:
            await window.shutdown()
        except Exception:  # say the last save failed (disk full): the rest must still run, or Quit hangs
            log.exception("while closing the window")
        window.deleteLater()
        store.close()
    return 0


# What attaching the window imports, loaded in a thread once the first picture is up (app.preload).
AFTER_FIRST_PICTURE: tuple[str, ...] = (*preload.AFTER_FIRST_PICTURE, "ui.controllers.account", "ui.desktop.notifier")
AFTER_FIRST_PICTURE += ("ui.controllers.drafts", "ui.controllers.review", "ui.controllers.send", "ui.controllers.tasks")
AFTER_FIRST_PICTURE += ("ui.controllers.records", "ui.controllers.saving", "ui.controllers.task_windows")
AFTER_FIRST_PICTURE += ("app.review.keep", "ui.controllers.pictures", "PySide6.QtNetwork")  # QtNetwork: listening
DEMO_AFTER_FIRST_PICTURE = tuple(n for n in AFTER_FIRST_PICTURE if n != preload.TLS)  # TLS: once connected


EXIT_DEADLINE = 10.0  # seconds the process may take to end once the window has closed


def leave_within(seconds: float, code: int) -> None:
    """Once the app is done, the process ends within ``seconds`` even if a thread (a stuck keychain
    or network call) would keep Python waiting for it: Quit must always end the process."""
    import threading

    def force() -> None:
        log.warning("still running %.0f s after closing; ending the process", seconds)
        logging.shutdown()
        os._exit(code)

    timer = threading.Timer(seconds, force)
    timer.daemon = True
    timer.start()


def main(argv: list[str] | None = None) -> int:
    """Run the app; returns the exit code. The process is ended ``EXIT_DEADLINE`` seconds after
    the run if something still holds it."""
    # No cyclic garbage collection until the event loop runs: start-up makes hundreds of thousands
    # of objects that all live on, and collecting among them is about 2% of the time to the first
    # picture. (run_window turns it back on; so does leaving early.)
    gc.disable()
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == [SERVE_ARGUMENT]:  # the bundle's program, started as demo mode's practice server
        from app.sandbox.__main__ import main as serve

        return serve(arguments[1:])
    servers: list[Any] = []  # demo mode's practice server (app.demo_server), once started
    try:
        return _main(argv, servers)
    finally:
        for server in servers:
            server.stop()
        gc.enable()


def _main(argv: list[str] | None, servers: list[Any]) -> int:
    args = parse_args(argv)
    if not args.demo:  # demo mode never needs the client before its first picture (httpx loads later)
        from app.api.client import DEFAULT_API_URL, check_api_url

        args.api_url = args.api_url or DEFAULT_API_URL
        try:
            args.api_url = check_api_url(args.api_url)
        except InvalidAddress as exc:
            print(f"aitasker-desktop: {exc.user_message} (got {args.api_url!r})", file=sys.stderr)
            return 2

    from app.logs import Secrets, install_excepthook, setup_logging
    from app.store.disk_errors import StoreError, write_error
    from app.store.early_check import EarlyCheck
    from app.store.repository import STORE_FILENAME

    explicit = args.data_dir is not None
    if not explicit:
        import platformdirs

        args.data_dir = platformdirs.user_data_path(about.SLUG, about.ORG)
    problem: StoreError | None = None
    try:
        args.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        problem = write_error(exc, args.data_dir / STORE_FILENAME, opening=True)
    if args.demo and problem is None:  # the practice server starts now, in its own process, beside the window
        from app.demo_server import DemoServer

        servers.append(DemoServer(args.demo_speed, args.data_dir / "demo" / STORE_FILENAME))
    # The store's integrity check reads the whole file: it starts now, beside the imports below.
    checked = EarlyCheck.start((args.data_dir / "demo" if args.demo else args.data_dir) / STORE_FILENAME)
    secrets = Secrets()
    try:
        log_file = setup_logging(args.data_dir / "logs" if explicit else None, debug=args.debug, secrets=secrets)
    except OSError as exc:  # no log file (full disk, read-only folder): warnings still reach stderr
        import tempfile

        log_file = None
        setup_logging(Path(tempfile.mkdtemp(prefix="aitasker-logs-")), debug=args.debug, secrets=secrets)
        problem = problem or write_error(exc, args.data_dir / STORE_FILENAME, opening=True)
    logging.raiseExceptions = False  # a log line that cannot be written (disk full) is dropped, not a traceback
    restore_hooks = install_excepthook()
    log.info("starting; log file %s", log_file)

    # Qt aborts with a misleading hint when it cannot draw; look first and say what is missing.
    from app.display_check import prepare_display

    display = prepare_display(offscreen_ok=args.screenshot is not None)
    if not display.ok:
        log.info("cannot open a window: %s", display.message.strip())  # the file only; stderr gets it below
        print(display.message, file=sys.stderr, end="")
        restore_hooks()
        return display.exit_code

    import_before_qt()
    from PySide6.QtWidgets import QApplication

    lighter_pyside_import_check()

    from ui.desktop.identity import configure_application
    from ui.i18n import install_translations
    from ui.theme import STYLE, application_arguments

    app = QApplication.instance()
    if app is None:
        app = QApplication(application_arguments(sys.argv[0]))
        app.setProperty("style_from_arguments", STYLE)
    assert isinstance(app, QApplication)  # made here, or by whoever called main(): never a bare QCoreApplication
    configure_application(app)  # names shared with platformdirs, the window icon
    install_translations(app)  # the user's language (LANGUAGE / LANG) when the app has it
    app.setQuitOnLastWindowClosed(False)  # the coroutine ends the run once the window closed
    instance = None
    if problem is None:  # one instance per folder: a second launch hands over and leaves
        from ui.desktop.single_instance import claim_or_hand_over

        try:
            instance, leave = claim_or_hand_over(
                args.data_dir, sys.argv[1:] if argv is None else list(argv), listen=False
            )
        except OSError as exc:
            problem = write_error(exc, args.data_dir / STORE_FILENAME, opening=True)
        else:
            if leave is not None:
                restore_hooks()
                return leave

    shown = None

    async def run_then_leave() -> int:
        code = 1
        try:
            config_dir = args.data_dir / "config" if explicit else None
            code = await run_window(args, secrets, config_dir, instance, problem, shown, checked, servers)
            return code
        finally:  # armed before the loop closes: closing it waits for every worker thread
            leave_within(EXIT_DEADLINE, code)

    try:
        if args.demo and problem is None:
            # The demo's window draws itself before the event loop (asyncio, qasync) is loaded.
            opened = show_demo_window(args, secrets, checked)
            preload.start(DEMO_AFTER_FIRST_PICTURE)  # the picture is on the screen
            if isinstance(opened, StoreError):
                problem = opened
            else:
                shown = opened
        import asyncio

        import qasync

        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(run_then_leave())
    finally:
        if instance is not None:
            instance.release()
        restore_hooks()


if __name__ == "__main__":
    sys.exit(main())
