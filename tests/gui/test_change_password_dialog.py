from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from medvault.core.password_policy import evaluate_password
from medvault.gui.change_password_dialog import ChangePasswordDialog
from medvault.services.session import Session
from tests.conftest import PRACTITIONER_PASSWORD
from tests.gui.conftest import field

NEW_PASSWORD = "Lavande-Phare-Maree-73!"


def make_dialog(qtbot: QtBot, session: Session) -> ChangePasswordDialog:
    dialog = ChangePasswordDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def ok_button(dialog: ChangePasswordDialog) -> QPushButton:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def label_text(dialog: ChangePasswordDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_weak_password_is_explained_and_refused(qtbot: QtBot, practitioner: Session) -> None:
    dialog = make_dialog(qtbot, practitioner)
    qtbot.keyClicks(field(dialog, "current_edit"), PRACTITIONER_PASSWORD)
    qtbot.keyClicks(field(dialog, "new_edit"), "motdepasse")
    qtbot.keyClicks(field(dialog, "confirm_edit"), "motdepasse")
    verdict = evaluate_password("motdepasse")
    assert verdict.explain("fr") in label_text(dialog, "strength_label")
    assert not ok_button(dialog).isEnabled()


def test_strong_password_is_accepted_live(qtbot: QtBot, practitioner: Session) -> None:
    dialog = make_dialog(qtbot, practitioner)
    qtbot.keyClicks(field(dialog, "new_edit"), NEW_PASSWORD)
    assert label_text(dialog, "strength_label") == "Robustesse : suffisante."


def test_mismatch_is_shown(qtbot: QtBot, practitioner: Session) -> None:
    dialog = make_dialog(qtbot, practitioner)
    qtbot.keyClicks(field(dialog, "current_edit"), PRACTITIONER_PASSWORD)
    qtbot.keyClicks(field(dialog, "new_edit"), NEW_PASSWORD)
    qtbot.keyClicks(field(dialog, "confirm_edit"), NEW_PASSWORD[:-1])
    assert label_text(dialog, "match_label") == "Les deux nouveaux mots de passe diffèrent."
    assert not ok_button(dialog).isEnabled()
    qtbot.keyClicks(field(dialog, "confirm_edit"), NEW_PASSWORD[-1])
    assert label_text(dialog, "match_label") == ""
    assert ok_button(dialog).isEnabled()


def test_wrong_current_password_keeps_dialog_open(qtbot: QtBot, practitioner: Session) -> None:
    dialog = make_dialog(qtbot, practitioner)
    qtbot.keyClicks(field(dialog, "current_edit"), "Pas-Le-Mot-Actuel-5!")
    qtbot.keyClicks(field(dialog, "new_edit"), NEW_PASSWORD)
    qtbot.keyClicks(field(dialog, "confirm_edit"), NEW_PASSWORD)
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert label_text(dialog, "error_label") == "Le mot de passe actuel est incorrect."
    assert field(dialog, "current_edit").text() == ""
    assert dialog.isVisible()


def test_service_refusal_is_shown_in_plain_words(qtbot: QtBot, practitioner: Session) -> None:
    # The live check and the service agree on personal words: the practice name is refused.
    dialog = make_dialog(qtbot, practitioner)
    weak = "Cabinet du Parc 2024"
    qtbot.keyClicks(field(dialog, "new_edit"), weak)
    assert "insuffisante" in label_text(dialog, "strength_label")
