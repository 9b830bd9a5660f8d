"""The question asked before leaving a form with unsaved changes: save, discard or stay.

Asked through the Dialogs wrapper, so tests pre-answer it (Dialogs.queue_answers)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from medvault.gui.dialogs import Dialogs

Button = QMessageBox.StandardButton
SAVE_DISCARD_CANCEL = Button.Save | Button.Discard | Button.Cancel


class UnsavedEditor(Protocol):
    """A form that knows whether it holds unsaved changes and can try to save them."""

    def has_unsaved_changes(self) -> bool: ...

    def save(self) -> bool:
        """True when saved; False when refused (the form then shows why)."""
        ...


def ask_unsaved(dialogs: Dialogs) -> Button:
    """Enregistrer / Ignorer / Annuler."""
    return dialogs.question(
        QCoreApplication.translate("unsaved_changes", "Modifications non enregistrées"),
        QCoreApplication.translate(
            "unsaved_changes",
            "Cette fiche contient des modifications qui ne sont pas enregistrées.\n"
            "Voulez-vous les enregistrer avant de la quitter ?",
        ),
        SAVE_DISCARD_CANCEL,
    )


def may_leave(editors: list[UnsavedEditor], dialogs: Dialogs) -> bool:
    """Whether the caller may close: asks once for all dirty editors; saving stops at the
    first refusal (the user then sees the message beside the field and stays)."""
    dirty = [editor for editor in editors if editor.has_unsaved_changes()]
    if not dirty:
        return True
    choice = ask_unsaved(dialogs)
    if choice == Button.Discard:
        return True
    if choice == Button.Save:
        return all(editor.save() for editor in dirty)
    return False  # Cancel, Escape or the box closed: stay
