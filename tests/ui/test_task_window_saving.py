"""Saving the final work from the task window, against a sandbox: Save all into the Downloads
folder (the desktop's, or the one the settings name) byte for byte what the sandbox serves, Save
as… where the person chooses, and Cancel leaving nothing half-written."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from app.sandbox import Faults, SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import open_window, trigger
from tests.ui.task_sandbox import add_to_table, delivered, read
from tests.ui.test_task_window import open_with_enter
from ui.windows.task.window import TaskWindow


async def served(url: str) -> bytes:
    async with httpx.AsyncClient() as client:
        answer = await client.get(url)
        assert answer.status_code == 200
        return answer.content


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


async def final_work_of(window, task_id: str, qtbot) -> TaskWindow:
    await add_to_table(window, task_id)
    task_window = await open_with_enter(window, task_id, qtbot)
    await wait_until(lambda: task_window.buttons["save"].isEnabled(), what="Save all to be offered")
    return task_window


async def test_save_all_puts_every_item_in_downloads_as_the_sandbox_serves_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "Herunterladen"
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(downloads))
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=31, clock=clock, question_share=0.0)) as server:
        task_id, _ = await delivered(server, clock)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            task_window = await final_work_of(window, task_id, qtbot)
            task_window.activateWindow()
            await wait_until(lambda: QApplication.activeWindow() is task_window, what="the task window active")
            save = task_window.buttons["save"]
            save.setFocus()  # Tab to it …
            qtbot.keyClick(save, Qt.Key.Key_Space)  # … and press it
            await wait_until(lambda: task_window.save_bar.saving, what="the saving under way")
            assert task_window.focusWidget() is task_window.save_bar.cancel_button  # Save all held: Cancel is next
            bar = task_window.save_bar
            await wait_until(lambda: bar.open_button.isVisible(), timeout=30, what="the files saved")
            folder = downloads / "Logo for my bakery"
            sent = await read(server, f"/api/v1/tasks/{task_id}/delivery")
            assert files_in(folder) == sorted(item["name"] for item in sent["artifacts"])
            for item in sent["artifacts"]:
                assert (folder / item["name"]).read_bytes() == await served(item["url"]), item["name"]
            assert bar.text.text() == f"Saved 4 items in {folder}." and bar.folder == folder
            assert task_window.focusWidget() is bar.open_button  # where the files went, one key away
            assert bar.open_button.width() <= bar.open_button.sizeHint().width() * 1.5  # a button, not a bar
            assert task_window.buttons["save"].isEnabled()  # and again, as often as wanted

            # Again: nothing is overwritten, the second copies are numbered.
            task_window.buttons["save"].click()
            # (however quickly it goes: done means eight whole files, no temporary one, Save all back)
            await wait_until(
                lambda: (
                    task_window.buttons["save"].isEnabled()
                    and len(files_in(folder)) == 8
                    and not any(name.endswith(".part") for name in files_in(folder))
                ),
                timeout=30,
                what="the second copies",
            )
            assert "logo-for-my-bakery (2).png" in files_in(folder)


async def test_the_setting_names_another_folder_and_save_as_asks_where(qtbot, tmp_path: Path) -> None:
    elsewhere = tmp_path / "Work" / "Bakery"
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)  # the window's own file
    settings.setValue("downloads/folder", str(elsewhere))
    settings.sync()
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=32, clock=clock, question_share=0.0)) as server:
        task_id, _ = await delivered(server, clock, title="Menu card")
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            task_window = await final_work_of(window, task_id, qtbot)
            task_window.buttons["save"].click()
            bar = task_window.save_bar
            await wait_until(lambda: bar.open_button.isVisible(), timeout=30, what="the files saved")
            assert len(files_in(elsewhere / "Menu card")) == 4
            await wait_until(lambda: task_window.buttons["save"].isEnabled(), what="saving to be over")

            sent = await read(server, f"/api/v1/tasks/{task_id}/delivery")
            pdf = next(i for i, item in enumerate(sent["artifacts"]) if item["name"].endswith(".pdf"))
            final = task_window.final_work
            final.list.setCurrentRow(pdf)
            final.save_as_button.click()
            await wait_until(
                lambda: any(isinstance(w, QFileDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                what="the question where",
            )
            dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
            assert dialog.windowModality() != Qt.WindowModality.NonModal and QApplication.activeModalWidget() is dialog
            chosen = tmp_path / "Chosen" / "guide for the printer.pdf"
            chosen.parent.mkdir()
            assert dialog.selectedFiles()[0].endswith(sent["artifacts"][pdf]["name"])  # its own name offered
            dialog.setDirectory(str(chosen.parent))  # as a person goes to a folder and types a name
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            name.setText(chosen.name)
            dialog.accept()
            await wait_until(lambda: chosen.exists(), timeout=30, what="the file saved as")
            assert chosen.read_bytes() == await served(sent["artifacts"][pdf]["url"])
            await wait_until(lambda: bar.text.text() == f"Saved as {chosen}.", what="where it went")


async def test_cancel_leaves_nothing_half_written(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    downloads = tmp_path / "Downloads"
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(downloads))
    clock = FakeClock()
    slow = Faults(download_rate=40_000)  # bytes per second: the picture alone takes many seconds
    with SandboxServer(SandboxConfig(seed=33, clock=clock, question_share=0.0, faults=slow)) as server:
        task_id, _ = await delivered(server, clock)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            task_window = await final_work_of(window, task_id, qtbot)
            task_window.buttons["save"].click()
            bar = task_window.save_bar
            await wait_until(lambda: bar.saving and bar.bar.value() > 0, timeout=30, what="the saving under way")
            assert not task_window.buttons["save"].isEnabled()  # one save at a time
            bar.cancel_button.click()
            await wait_until(lambda: not bar.saving, timeout=30, what="the saving to stop")
            assert bar.text.text() == "Saving was cancelled. Nothing was left half-saved."
            # What was complete stays (the small items may have made it); nothing half-written.
            folder = downloads / "Logo for my bakery"
            sent = {i["name"]: i["url"] for i in (await read(server, f"/api/v1/tasks/{task_id}/delivery"))["artifacts"]}
            picture = next(name for name in sent if name.endswith(".png"))
            assert picture not in files_in(folder) and set(files_in(folder)) <= set(sent)
            for name in files_in(folder):
                assert (folder / name).read_bytes() == await served(sent[name]), name
            await wait_until(lambda: task_window.buttons["save"].isEnabled(), what="Save all offered again")


async def test_the_downloads_folder_is_chosen_in_settings_and_save_all_goes_there(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.windows.settings import SettingsDialog

    system = tmp_path / "Downloads"
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(system))
    chosen = tmp_path / "Shop" / "Artwork"
    chosen.mkdir(parents=True)
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=34, clock=clock, question_share=0.0)) as server:
        task_id, _ = await delivered(server, clock, title="Shop sign")
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            trigger(window, "settingsAction")
            await wait_until(
                lambda: any(isinstance(w, SettingsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                what="the settings",
            )
            [settings] = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()]
            field = settings.downloads
            assert field.accessibleName() == "Downloads folder" and field.text() == ""  # empty: the system's
            assert field.placeholderText() == str(system)
            settings.choose_downloads.click()
            await wait_until(lambda: QApplication.activeModalWidget() is not settings, what="the folder question")
            folders = QApplication.activeModalWidget()
            assert isinstance(folders, QFileDialog) and folders.fileMode() == QFileDialog.FileMode.Directory
            assert settings.isVisible()  # the question is not awaited inside a nested loop: Settings waits
            folders.setDirectory(str(chosen.parent))  # as a person goes to the parent and picks the folder
            name = folders.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            name.setText(chosen.name)
            folders.accept()
            await wait_until(lambda: field.text() == str(chosen), what="the folder in the field")
            settings.accept()
            await wait_until(lambda: window.account.downloads_folder() == str(chosen), what="the folder kept")

            task_window = await final_work_of(window, task_id, qtbot)
            task_window.buttons["save"].click()
            bar = task_window.save_bar
            await wait_until(lambda: bar.open_button.isVisible(), timeout=30, what="the files saved")
            assert len(files_in(chosen / "Shop sign")) == 4 and not system.exists()
            assert bar.folder == chosen / "Shop sign"
            await wait_until(lambda: task_window.buttons["save"].isEnabled(), what="saving to be over")

            # Emptied again: the system's Downloads folder.
            trigger(window, "settingsAction")
            await wait_until(
                lambda: any(isinstance(w, SettingsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                what="the settings again",
            )
            [again] = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()]
            assert again.downloads.text() == str(chosen)
            again.downloads.clear()
            again.accept()
            await wait_until(lambda: window.account.downloads_folder() == "", what="back to the system's folder")
