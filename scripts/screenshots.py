"""Render the main screens of a fresh demo vault to PNG files, for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUTPUT_DIR

The vault is made in a temporary folder and deleted afterwards. Argon2id runs with a cheap
profile here (the screens are what is looked at, not the unlock time)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from medvault.core.kdf import Argon2Params, KdfProfile
from medvault.gui.agenda_window import AgendaWindow
from medvault.gui.dialogs import Dialogs
from medvault.gui.first_run_wizard import FirstRunWizard
from medvault.gui.login_window import LoginWindow
from medvault.gui.main_window import MainWindow
from medvault.gui.patient_file_window import open_patient_file
from medvault.gui.users_dialog import UsersDialog
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


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
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
            main_window.close()
            session.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
