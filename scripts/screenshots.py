"""Render the main screens of a fresh demo vault to PNG files, for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUTPUT_DIR [--english]

The last screens follow a lock: a consultation note half typed, the idle lock (a short delay
here), the lock screen, then the same user's unlock with the note given back.

The vault is made in a temporary folder and deleted afterwards. Argon2id runs with a cheap
profile here (the screens are what is looked at, not the unlock time)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTabWidget, QWidget

from medvault.core.kdf import Argon2Params, KdfProfile
from medvault.gui.agenda_window import AgendaWindow
from medvault.gui.app import install_translations
from medvault.gui.audit_window import AuditWindow
from medvault.gui.dialogs import Button, Dialogs
from medvault.gui.first_run_wizard import FirstRunWizard
from medvault.gui.lock_settings_dialog import LockSettingsDialog
from medvault.gui.login_window import LoginWindow
from medvault.gui.main_window import MainWindow
from medvault.gui.patient_export_dialog import PatientExportDialog
from medvault.gui.patient_file_window import open_patient_file
from medvault.gui.recovery_code_wizard import RecoveryCodeWizard
from medvault.gui.retention_window import RetentionWindow
from medvault.gui.users_dialog import UsersDialog
from medvault.gui.vault_controller import VaultController
from medvault.services import patients_search
from medvault.services.config import ServiceConfig
from medvault.services.demo_accounts import DEMO_PRACTITIONER, DEMO_RECEPTIONIST
from medvault.services.demo_data import create_demo_vault
from medvault.services.unlock import unlock


def _save(widget: QWidget, out: Path, name: str) -> None:
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def _wait(app: QCoreApplication, condition: object, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)


def _lock_sequence(app: QApplication, vault: Path, config: ServiceConfig, out: Path) -> None:
    """A note half typed, the idle lock, the lock screen, the unlock and the note back."""
    dialogs = Dialogs()
    controller = VaultController(vault, config=config, dialogs=dialogs, lock_delay_ms=1500)
    controller.start()
    login = controller.login_window
    login.findChild(QLineEdit, "login_edit").setText(DEMO_PRACTITIONER.login)
    login.findChild(QLineEdit, "password_edit").setText(DEMO_PRACTITIONER.password)
    login.findChild(QLineEdit, "password_edit").returnPressed.emit()
    window = controller.main_window
    assert window is not None
    window.resize(1200, 760)
    first = patients_search.list_patients(window.session).patients[0].id
    file_window = window.open_patient(first)
    assert file_window is not None and file_window.clinical_tabs is not None
    tab = file_window.clinical_tabs.consultations
    file_window.tabs.setCurrentWidget(tab)
    tab.editor.findChild(QLineEdit, "consultation_reason_edit").setText("Toux persistante")
    note = tab.editor.findChild(QPlainTextEdit, "consultation_subjective_edit")
    note.setPlainText("Toux sèche depuis trois semaines, pire la nuit. Pas de fièvre.")
    _save(file_window, out, "50_note_being_typed")
    _wait(app, lambda: controller.main_window is None)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _save(login, out, "51_lock_screen")
    dialogs.queue_answers(Button.Yes)  # "reopen the unsaved work?"
    login.findChild(QLineEdit, "password_edit").setText(DEMO_PRACTITIONER.password)
    login.findChild(QLineEdit, "password_edit").returnPressed.emit()
    window = controller.main_window
    assert window is not None and window.file_windows
    _save(window.file_windows[0], out, "52_note_given_back")
    window.lock()
    login.close()


def main(out: Path, english: bool = False) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_translations(app, "en" if english else "fr")
    config = ServiceConfig(kdf=KdfProfile.fixed(Argon2Params(1, 64, 1)))
    dialogs = Dialogs()
    with tempfile.TemporaryDirectory(prefix="medvault-shots-") as tmp:
        vault = Path(tmp) / "Demo.medvault"
        create_demo_vault(vault, config=config, patients=300)
        _save(
            LoginWindow(vault, practice_name="Cabinet de démonstration", config=config),
            out,
            "01_login",
        )
        _save(FirstRunWizard(config=config, dialogs=dialogs), out, "02_first_run_wizard")
        for account, tag in ((DEMO_PRACTITIONER, "practitioner"), (DEMO_RECEPTIONIST, "desk")):
            session = unlock(vault, account.login, account.password, config=config)
            main_window = MainWindow(session, dialogs=dialogs)
            main_window.resize(1200, 760)
            _save(main_window, out, f"10_main_{tag}")
            first = patients_search.list_patients(session).patients[0].id
            window = open_patient_file(session, first, dialogs)
            if window is not None:
                window.resize(1100, 760)
                tabs = window.findChild(QTabWidget)
                for index in range(tabs.count() if tabs is not None else 1):
                    if tabs is not None:
                        tabs.setCurrentIndex(index)
                    _save(window, out, f"20_file_{tag}_tab{index}")
                window.close()
            agenda = AgendaWindow(session, dialogs)
            agenda.resize(1100, 700)
            _save(agenda, out, f"30_agenda_{tag}")
            if UsersDialog.available_to(session):
                _save(UsersDialog(session, dialogs=dialogs), out, "40_users")
                _save(LockSettingsDialog(session), out, "41_lock_settings")
                audit = AuditWindow(session, dialogs)
                audit.show()
                _wait(app, lambda chain=audit.chain: not chain.running)  # the verdict
                _save(audit, out, "42_audit")
                audit.close()
                _save(RecoveryCodeWizard(session, dialogs), out, "45_new_recovery_code")
                _save(RetentionWindow(session, dialogs), out, "43_retention")
            _save(PatientExportDialog(session, first, dialogs), out, f"44_export_{tag}")
            main_window.close()
            session.close()
        _lock_sequence(app, vault, config, out)
    del app
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--english"]
    target = Path(arguments[0] if arguments else "screenshots")
    raise SystemExit(main(target, english="--english" in sys.argv[1:]))
