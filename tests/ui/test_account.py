"""Connecting an account: Test connection, a 401 mid-session, and a key that never leaks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from app.credentials import KeyStore
from app.sandbox import SandboxConfig, SandboxServer
from tests.conftest import wait_until
from tests.ui.helpers import open_window, parts, trigger
from ui.windows.connect import ConnectDialog

SECRET = "aitk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0"
WRONG = "aitk_live_0000wrongwrongwrong0000abcdef"


def connect_dialog() -> ConnectDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, ConnectDialog) and w.isVisible()), None)


async def test_test_connection_says_what_worked(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig(api_key=SECRET)) as server:
        dialog = ConnectDialog(KeyStore(tmp_path), api_url=server.url, keyring_available=False)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.key.echoMode() == QLineEdit.EchoMode.Password
        assert dialog.where_buttons["session"].isChecked() and "keyring" not in dialog.where_buttons
        qtbot.keyClicks(dialog.key, "not-a-real-key")
        assert dialog.key_hint.isVisible()  # a gentle warning, not a refusal
        assert dialog.connect_button.isEnabled()
        dialog.test_connection()
        await wait_until(lambda: "✗" in dialog.test_result.text() or "✓ Your" in dialog.test_result.text())
        assert "✓ AITasker answered" in dialog.test_result.text()
        assert "✗ AITasker did not accept your API key" in dialog.test_result.text()
        dialog.key.setText(SECRET)
        assert not dialog.key_hint.isVisible()
        dialog.test_connection()
        await wait_until(lambda: "✓ Your API key works." in dialog.test_result.text())
        dialog.address.setText("http://example.com")
        dialog.connect_button.click()
        assert dialog.error.isVisible() and "https://" in dialog.error.text() and dialog.choice is None


async def test_a_401_opens_the_key_dialog_and_keeps_the_form(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig(api_key=SECRET)) as server:
        keystore = KeyStore(tmp_path / "config", environ={})
        async with open_window(qtbot, server.url, WRONG, tmp_path, demo=False, keystore=keystore) as window:
            ui = parts(window)
            qtbot.keyClicks(ui.form.title, "Still here")
            await wait_until(lambda: connect_dialog() is not None, what="the key dialog")
            dialog = connect_dialog()
            assert dialog is not None and "did not accept" in dialog.message.text()
            dialog.key.setText(SECRET)
            dialog.connect_button.click()
            await wait_until(
                lambda: (
                    window.session.connection.api_key == SECRET
                    and window.session.client is not None
                    and "not accepted" not in ui.connection_label.text()
                ),
                what="the new key in use",
            )
            assert ui.form.title.text() == "Still here"
            assert await window.session.client.list_categories()
            stored = await keystore.load()
            assert stored is not None and stored.source == "session"


def test_the_key_never_reaches_any_file_or_output(tmp_path: Path) -> None:
    """Two real runs, one with the right key and one refused (401s), then search everything written."""
    data = tmp_path / "data"
    outputs = []
    with SandboxServer(SandboxConfig(api_key=SECRET)) as server:
        for key in (SECRET, WRONG):
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AITASKER_API_KEY": key}
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "ui",
                    "--api-url",
                    server.url,
                    "--data-dir",
                    str(data),
                    "--debug",
                    "--screenshot",
                    str(tmp_path / f"shot-{key[-4:]}.png"),
                ],
                capture_output=True,
                text=True,
                timeout=60,
                env=env,
            )
            assert result.returncode == 0, result.stderr
            outputs.append(result.stdout + result.stderr)
        requests = [r for r in server.app.state.requests_seen if r[1].startswith("/api/")]
    assert len(requests) >= 2  # both runs made authenticated calls (one of them refused)
    written = [p for p in [*data.rglob("*"), *tmp_path.glob("*.png")] if p.is_file()]
    log_text = "".join(p.read_text(errors="replace") for p in written if p.suffix == ".log" or ".log." in p.name)
    assert "401" in log_text or "not accept" in log_text  # the failed calls were logged...
    for key in (SECRET, WRONG):
        for path in written:
            assert key.encode() not in path.read_bytes(), f"the key is in {path}"
        assert all(key not in out for out in outputs)


def settings_dialog():
    from ui.windows.settings import SettingsDialog

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()), None)


async def test_settings_change_cadence_and_theme_and_forget_the_key(qtbot, tmp_path: Path) -> None:
    from app.credentials import KeyStore
    from tests.ui.helpers import confirmation, press

    with SandboxServer(SandboxConfig(api_key=SECRET)) as server:
        keystore = KeyStore(tmp_path / "config", environ={})
        await keystore.save(SECRET, where="file")
        async with open_window(qtbot, server.url, SECRET, tmp_path, demo=False, keystore=keystore) as window:
            trigger(window, "settingsAction")
            await wait_until(lambda: settings_dialog() is not None, what="the settings")
            dialog = settings_dialog()
            assert SECRET not in dialog.key_source.text() and dialog.key_source.text()
            dialog.refresh.setCurrentIndex(dialog.refresh.findData(60.0))
            dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
            dialog.accept()
            await wait_until(lambda: window.account.refresh_interval() == 60.0, what="the new cadence")
            assert window.account.theme() == "dark" and window.session.refresher.interval == 60.0
            trigger(window, "settingsAction")
            await wait_until(lambda: settings_dialog() is not None, what="the settings again")
            settings_dialog().forget_key.click()
            await wait_until(lambda: confirmation() is not None, what="the question")
            press(confirmation(), "Forget key")
            await wait_until(lambda: window.session.client is None, what="the key to be forgotten")
            assert not keystore.key_file.exists() and await keystore.load() is None
            assert parts(window).form.isEnabled()


async def test_first_run_welcome_offers_the_demo_or_an_account(qtbot, tmp_path: Path) -> None:
    import argparse
    import asyncio

    from app.logs import Secrets
    from ui.windows.connect import WelcomeDialog, choose_account

    def welcome() -> WelcomeDialog | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, WelcomeDialog) and w.isVisible()), None)

    args = argparse.Namespace(screenshot=None, api_url="https://api.aitasker.co")
    keystore = KeyStore(tmp_path / "config", environ={})
    secrets = Secrets()
    picking = asyncio.ensure_future(choose_account(args, keystore, secrets))
    await wait_until(lambda: welcome() is not None, what="the welcome screen")
    welcome().findChild(QPushButton, "tryDemo").click()
    assert await asyncio.wait_for(picking, 5) == (True, None)

    with SandboxServer(SandboxConfig(api_key=SECRET)) as server:
        args.api_url = server.url
        picking = asyncio.ensure_future(choose_account(args, keystore, secrets))
        await wait_until(lambda: welcome() is not None, what="the welcome screen")
        welcome().findChild(QPushButton, "connectAccount").click()
        await wait_until(lambda: connect_dialog() is not None, what="the key dialog")
        dialog = connect_dialog()
        dialog.key.setText(f"  {SECRET}  ")  # pasted with spaces around it
        dialog.where_buttons["file"].setChecked(True)
        dialog.connect_button.click()
        assert await asyncio.wait_for(picking, 5) == (False, SECRET)
    stored = await keystore.load()
    assert stored is not None and stored.source == "file" and stored.key == SECRET
    assert SECRET in list(secrets())  # registered for redaction before any use
    # Next start: the stored key is used without asking.
    assert await choose_account(args, keystore, secrets) == (False, SECRET)


async def test_where_the_keychain_works_the_key_is_kept_there_by_default(qtbot, tmp_path: Path) -> None:
    from tests.unit.test_credentials import MemoryKeyring

    keystore = KeyStore(tmp_path, backend=MemoryKeyring())
    dialog = ConnectDialog(keystore, keyring_available=await keystore.keyring_available())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.where_buttons["keyring"].isChecked()  # remembered: the next start does not ask again
    assert "session" in dialog.where_buttons  # "this session only" is still there to choose


async def test_a_long_failure_is_shown_whole(qtbot, tmp_path: Path) -> None:
    from tests.conftest import free_port

    message = "AITasker did not accept this key (401). Paste the key again, or a new one from your dashboard."
    dialog = ConnectDialog(
        KeyStore(tmp_path), api_url=f"http://127.0.0.1:{free_port()}", keyring_available=False, message=message
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(320, 240)  # small (a small screen, text twice the size): the failure wraps
    dialog.key.setText(SECRET)
    dialog.test_connection()
    await wait_until(lambda: "✗" in dialog.test_result.text(), timeout=30, what="the failure")
    await wait_until(
        lambda: all(
            label.visibleRegion().boundingRect() == label.rect()
            and label.height() >= label.heightForWidth(label.width())
            for label in (dialog.message, dialog.test_result)
        ),
        what="the message and the failure shown whole, not cut at the top or the bottom",
    )
