from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from medvault.gui.first_run_common import PageId
from medvault.gui.first_run_wizard import FirstRunWizard
from medvault.gui.recovery_sheet import RecoverySheet
from medvault.services.config import ServiceConfig
from tests.gui.conftest import RecordingDialogs
from tests.gui.test_first_run_wizard import fill_create_page

CODE = "M3BM-YQ7H-CX1B-2P3R-04H0-14FT-2QYS-5EBC"


def sheet(tmp_path: Path) -> RecoverySheet:
    return RecoverySheet(
        practice_name="Cabinet <du> Parc",
        vault_path=tmp_path / "Cabinet.medvault",
        recovery_code=CODE,
        date=datetime.date(2025, 3, 14),
    )


def test_sheet_holds_practice_date_path_code_and_both_languages(tmp_path: Path) -> None:
    html = sheet(tmp_path).html()
    assert "Cabinet &lt;du&gt; Parc" in html  # escaped, not markup
    assert "14/03/2025" in html
    assert str(tmp_path / "Cabinet.medvault") in html
    for group in CODE.split("-"):
        assert group in html
    french, english = html.index("Français</h2>"), html.index("English</h2>")
    assert french < english
    assert "sous clé" in html[french:english]
    assert "locked away" in html[english:]


def test_sheet_text_shows_the_whole_code(qtbot: QtBot, tmp_path: Path) -> None:
    text = sheet(tmp_path).document().toPlainText()
    assert " ".join(CODE.split("-")) in " ".join(text.split())


def test_sheet_renders_to_a_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "secours.pdf"
    sheet(tmp_path).save_pdf(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 1000
    # Qt compresses page content; the document name it writes in clear carries no practice name.
    assert b"Parc" not in data


def recovery_page_wizard(
    qtbot: QtBot, tmp_path: Path, config: ServiceConfig, dialogs: RecordingDialogs
) -> FirstRunWizard:
    wizard = FirstRunWizard(config=config, dialogs=dialogs, start=PageId.CREATE)
    qtbot.addWidget(wizard)
    wizard.show()
    folder = tmp_path / "vault"
    folder.mkdir()
    fill_create_page(wizard, dialogs, folder)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentId() == PageId.RECOVERY
    return wizard


def test_pdf_button_saves_the_sheet_where_the_user_chose(
    qtbot: QtBot, tmp_path: Path, config: ServiceConfig, dialogs: RecordingDialogs
) -> None:
    wizard = recovery_page_wizard(qtbot, tmp_path, config, dialogs)
    page = wizard.recovery_page
    dialogs.queue_answers(tmp_path / "feuille")  # no extension typed
    page.pdf_button.click()
    saved = tmp_path / "feuille.pdf"
    assert saved.read_bytes().startswith(b"%PDF-")
    assert "supprimez ce fichier" in page.print_status.text()
    dialogs.queue_answers(None)  # cancelled: nothing written, nothing said
    page.pdf_button.click()
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["feuille.pdf"]


@pytest.mark.skipif(
    bool(QPrinterInfo.availablePrinters()), reason="a printer is installed: the print dialog shows"
)
def test_print_without_printer_falls_back_to_pdf(
    qtbot: QtBot, tmp_path: Path, config: ServiceConfig, dialogs: RecordingDialogs
) -> None:
    wizard = recovery_page_wizard(qtbot, tmp_path, config, dialogs)
    dialogs.queue_answers(tmp_path / "secours.pdf")
    wizard.recovery_page.print_button.click()
    assert (tmp_path / "secours.pdf").read_bytes().startswith(b"%PDF-")
    assert dialogs.answered[-1] == ("save", "Enregistrer la feuille de secours")
