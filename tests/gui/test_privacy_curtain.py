"""PrivacyCurtain: hides the windows at once, shows nothing but the practice name, and brings
back exactly what was on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from medvault.gui.privacy_curtain import PrivacyCurtain

PRACTICE = "Cabinet du Parc"
PATIENT_NAME = "Jeanne Dupont"


def patient_window(qtbot: QtBot, rect: QRect) -> QWidget:
    """A stand-in for a patient file: a top-level window showing a patient's name."""
    window = QWidget()
    window.setWindowTitle("Dossier")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel(PATIENT_NAME))
    layout.addWidget(QLineEdit("1 85 03 75 056 112 47"))
    qtbot.addWidget(window)
    window.setGeometry(rect)
    window.show()
    qtbot.waitExposed(window)
    return window


def make_curtain(qtbot: QtBot) -> PrivacyCurtain:
    curtain = PrivacyCurtain(PRACTICE)
    qtbot.addWidget(curtain)
    return curtain


def test_cover_hides_the_windows_and_shows_the_curtain(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    file_window = patient_window(qtbot, QRect(120, 90, 420, 300))
    curtain = make_curtain(qtbot)
    assert not curtain.is_covering

    curtain.cover([main, file_window])

    assert curtain.is_covering
    assert curtain.isVisible()
    assert not main.isVisible()
    assert not file_window.isVisible()
    assert curtain.isFullScreen()


def test_key_press_restores_geometry_and_active_window(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    file_window = patient_window(qtbot, QRect(120, 90, 420, 300))
    file_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is file_window)
    geometries = (main.geometry(), file_window.geometry())
    curtain = make_curtain(qtbot)
    curtain.cover([main, file_window])

    with qtbot.waitSignal(curtain.uncovered, timeout=2000):
        qtbot.keyClick(curtain, Qt.Key.Key_Space)

    assert not curtain.is_covering
    assert main.isVisible()
    assert file_window.isVisible()
    assert (main.geometry(), file_window.geometry()) == geometries
    qtbot.waitUntil(lambda: QApplication.activeWindow() is file_window)


def test_click_restores(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    curtain = make_curtain(qtbot)
    curtain.cover([main])

    with qtbot.waitSignal(curtain.uncovered, timeout=2000):
        qtbot.mouseClick(curtain, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))

    assert main.isVisible()
    assert not curtain.is_covering


def test_auto_repeat_of_the_shortcut_does_not_uncover(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    curtain = make_curtain(qtbot)
    curtain.cover([main])

    repeat = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier, "h", True
    )
    QApplication.sendEvent(curtain, repeat)
    assert repeat.isAccepted()
    assert curtain.is_covering
    assert not main.isVisible()


def test_only_windows_that_were_visible_come_back(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    closed = patient_window(qtbot, QRect(60, 60, 300, 200))
    closed.hide()
    curtain = make_curtain(qtbot)
    curtain.cover([main, closed])

    curtain.uncover()

    assert main.isVisible()
    assert not closed.isVisible()


def test_child_windows_are_hidden_with_their_parent(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    viewer = QDialog(main)  # e.g. a document viewer: its own window, owned by the main one
    viewer.setGeometry(QRect(200, 200, 300, 200))
    viewer.show()
    qtbot.waitExposed(viewer)
    curtain = make_curtain(qtbot)

    curtain.cover([main])
    assert not viewer.isVisible()

    curtain.uncover()
    assert viewer.isVisible()
    assert viewer.geometry() == QRect(200, 200, 300, 200)


def test_modal_dialog_is_left_in_place_not_dismissed(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    question = QDialog(main)
    question.setModal(True)
    question.show()
    qtbot.waitExposed(question)
    finished: list[int] = []
    question.finished.connect(finished.append)
    curtain = make_curtain(qtbot)

    curtain.cover([main, question])

    assert not main.isVisible()
    assert question.isVisible()  # hiding it would have answered it
    assert finished == []
    with qtbot.waitSignal(curtain.uncovered, timeout=2000):
        qtbot.keyClick(curtain, Qt.Key.Key_Escape)  # reaches the curtain, not the dialog
    assert finished == []
    assert main.isVisible()


def test_drop_forgets_the_windows(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    curtain = make_curtain(qtbot)
    emitted: list[bool] = []
    curtain.uncovered.connect(lambda: emitted.append(True))
    curtain.cover([main])

    curtain.drop()

    assert not curtain.is_covering
    assert not main.isVisible()
    curtain.uncover()  # nothing left to bring back
    assert not main.isVisible()
    assert emitted == []


def test_window_deleted_while_covered_is_skipped(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    doomed = QWidget()
    doomed.show()
    curtain = make_curtain(qtbot)
    curtain.cover([main, doomed])
    doomed.deleteLater()
    qtbot.waitUntil(lambda: not QApplication.topLevelWidgets().count(doomed), timeout=2000)

    curtain.uncover()
    assert main.isVisible()


def test_closing_the_curtain_brings_the_windows_back(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    curtain = make_curtain(qtbot)
    curtain.cover([main])

    with qtbot.waitSignal(curtain.uncovered, timeout=2000):
        curtain.close()
    assert main.isVisible()


def test_curtain_shows_no_patient_text(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    main.setToolTip(PATIENT_NAME)
    curtain = make_curtain(qtbot)
    curtain.cover([main])

    texts = [curtain.windowTitle(), curtain.toolTip()]
    for widget in curtain.findChildren(QWidget):
        texts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
    shown = [text for text in texts if text]
    assert PRACTICE in shown
    assert any("touche" in text for text in shown)
    assert all(PATIENT_NAME not in text and "Dossier" not in text for text in shown)
    hint = curtain.tr("Appuyez sur une touche ou cliquez pour revenir")
    assert set(shown) <= {PRACTICE, "medvault", hint}


def test_open_menu_is_closed_by_the_curtain(qtbot: QtBot) -> None:
    main = patient_window(qtbot, QRect(40, 40, 500, 400))
    menu = QMenu(main)
    menu.addAction(PATIENT_NAME)
    menu.popup(main.mapToGlobal(QPoint(20, 20)))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    curtain = make_curtain(qtbot)

    curtain.cover([main])

    assert not menu.isVisible()
    assert QApplication.activePopupWidget() is None
    curtain.uncover()
    assert not menu.isVisible()  # a menu is not brought back: it was an open gesture
