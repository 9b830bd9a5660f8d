"""Replacing one's own password (required after an initial or reset password)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from medvault.core.errors import KnownError, WrongCredentialsError
from medvault.core.password_policy import evaluate_password
from medvault.gui.messages import language
from medvault.gui.widgets import SUCCESS_STYLE, WARNING_STYLE, message_label
from medvault.services.session import Session
from medvault.services.users import change_own_password


class ChangePasswordDialog(QDialog):
    """Accepted once the service has rewrapped the user's key slot."""

    def __init__(self, session: Session, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Changer le mot de passe"))

        intro = QLabel(
            self.tr(
                "Choisissez un mot de passe personnel pour remplacer le mot de passe initial. "
                "Une phrase de plusieurs mots est plus facile à retenir."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("intro_label")

        self._current_edit = self._password_field("current_edit")
        self._new_edit = self._password_field("new_edit")
        self._confirm_edit = self._password_field("confirm_edit")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Mot de passe actuel"), self._current_edit)
        form.addRow(self.tr("Nouveau mot de passe"), self._new_edit)
        form.addRow(self.tr("Confirmation"), self._confirm_edit)

        self._strength_label = message_label("strength_label", WARNING_STYLE)
        # Room for the longest verdict up front: a top-level dialog does not grow for a
        # word-wrapped label, so the text would be clipped.
        self._strength_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self._strength_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._match_label = message_label("match_label", WARNING_STYLE)
        self._error_label = message_label("error_label")

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Changer / Change")
        )
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Annuler / Cancel")
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self._strength_label)
        layout.addWidget(self._match_label)
        layout.addWidget(self._error_label)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(560)

        self._new_edit.textChanged.connect(self._on_new_edit_text_changed)
        self._confirm_edit.textChanged.connect(self._on_confirm_edit_text_changed)
        self._current_edit.textChanged.connect(self._on_current_edit_text_changed)
        self._buttons.accepted.connect(self._on_buttons_accepted)
        self._buttons.rejected.connect(self.reject)
        self._update_state()

    def _password_field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _context(self) -> tuple[str, ...]:
        # The same personal words the service refuses, so the live verdict matches it.
        return (self._session.login or "", self._session.header.practice_name)

    def _update_state(self) -> None:
        new = self._new_edit.text()
        accepted = False
        if not new:
            self._strength_label.clear()
        else:
            verdict = evaluate_password(new, self._context())
            accepted = verdict.accepted
            if accepted:
                self._strength_label.setText(self.tr("Robustesse : suffisante."))
                self._strength_label.setStyleSheet(SUCCESS_STYLE)
            else:
                self._strength_label.setText(
                    self.tr("Robustesse : insuffisante. {reasons}").format(
                        reasons=verdict.explain(language())
                    )
                )
                self._strength_label.setStyleSheet(WARNING_STYLE)
        confirm = self._confirm_edit.text()
        matches = new == confirm
        if confirm and not matches:
            self._match_label.setText(self.tr("Les deux nouveaux mots de passe diffèrent."))
        else:
            self._match_label.clear()
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self._current_edit.text()) and accepted and matches)

    def _on_new_edit_text_changed(self, _text: str) -> None:
        self._error_label.clear()
        self._update_state()

    def _on_confirm_edit_text_changed(self, _text: str) -> None:
        self._error_label.clear()
        self._update_state()

    def _on_current_edit_text_changed(self, _text: str) -> None:
        self._error_label.clear()
        self._update_state()

    def _on_buttons_accepted(self) -> None:
        try:
            change_own_password(
                self._session, current=self._current_edit.text(), new=self._new_edit.text()
            )
        except WrongCredentialsError:
            self._current_edit.clear()
            self._current_edit.setFocus()
            self._error_label.setText(self.tr("Le mot de passe actuel est incorrect."))
            return
        except KnownError as error:
            self._error_label.setText(error.message(language()))
            return
        self.accept()

    def done(self, result: int) -> None:
        for edit in (self._current_edit, self._new_edit, self._confirm_edit):
            edit.clear()
        super().done(result)
