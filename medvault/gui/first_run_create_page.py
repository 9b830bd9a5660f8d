"""Creating the vault: where, the practice, the first practitioner and a strong password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from medvault.core.errors import KnownError
from medvault.core.password_policy import evaluate_password
from medvault.gui.dialogs import Dialogs
from medvault.gui.first_run_common import (
    FolderField,
    PageId,
    WizardOutcome,
    busy,
    default_folder,
    stacked,
    vault_path_in,
)
from medvault.gui.settings_store import interface_language
from medvault.gui.widgets import SUCCESS_STYLE, WARNING_STYLE, message_label, muted_label
from medvault.services.config import ServiceConfig
from medvault.services.vault_create import create_vault

_METER_COLOURS = ("#b00020", "#b00020", "#c56000", "#8a7a00", "#1b5e20")


class CreatePage(QWizardPage):
    def __init__(
        self,
        outcome: WizardOutcome,
        *,
        config: ServiceConfig,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._outcome = outcome
        self._config = config
        self.setObjectName("create_page")
        self.setTitle(self.tr("Créer le coffre"))
        self.setSubTitle(
            self.tr("Le coffre est un dossier chiffré ; vous en serez le premier praticien.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Créer le coffre"))

        self.location = FolderField(
            dialogs, title=self.tr("Dossier où créer le coffre"), name="location"
        )
        self.location.set_path(default_folder())
        self._target_label = muted_label("", "target_label")
        self.practice_edit = self._edit("practice_edit", 120)
        self.login_edit = self._edit("login_edit", 32)
        self.login_edit.setPlaceholderText(self.tr("ex. : dr.martin"))
        self.name_edit = self._edit("display_name_edit", 100)
        self.name_edit.setPlaceholderText(self.tr("ex. : Dr Claire Martin"))
        self.password_edit = self._edit("password_edit", 256, secret=True)
        self.confirm_edit = self._edit("confirm_edit", 256, secret=True)

        self.meter = QProgressBar()
        self.meter.setObjectName("strength_meter")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.verdict_label = message_label("verdict_label", WARNING_STYLE)
        self.match_label = message_label("match_label", WARNING_STYLE)
        self.match_label.hide()
        self.error_label = message_label("error_label")
        self._lay_out()

        self.location.path_changed.connect(self._on_location_path_changed)
        for edit in (self.practice_edit, self.login_edit, self.name_edit):
            edit.textChanged.connect(self._on_identity_text_changed)
        self.password_edit.textChanged.connect(self._on_password_edit_text_changed)
        self.confirm_edit.textChanged.connect(self._on_confirm_edit_text_changed)
        self._accepted = False
        self._update_target()

    def _lay_out(self) -> None:
        rule = QLabel(
            self.tr(
                "Règle de la CNIL pour un mot de passe seul : au moins 12 caractères mêlant "
                "majuscules, minuscules, chiffres et caractères spéciaux, ou 14 caractères "
                "avec majuscules, minuscules et chiffres, ou une phrase d'au moins 7 mots. "
                "Il ne doit pas être facile à deviner (nom, date, mot courant). Une phrase "
                "de plusieurs mots est la plus facile à retenir."
            )
        )
        rule.setObjectName("cnil_label")
        rule.setWordWrap(True)
        rule.setContentsMargins(0, 8, 0, 4)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.addRow(self.tr("Emplacement"), stacked(self.location, self._target_label))
        form.addRow(self.tr("Nom du cabinet"), self.practice_edit)
        form.addRow(self.tr("Identifiant"), self.login_edit)
        form.addRow(self.tr("Nom affiché"), self.name_edit)
        form.addRow(rule)
        form.addRow(self.tr("Mot de passe"), self.password_edit)
        form.addRow(self.tr("Confirmation"), self.confirm_edit)
        form.addRow(self.tr("Robustesse"), self.meter)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.match_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.practice_edit.setFocus()

    def _edit(self, name: str, max_length: int, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(max_length)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def target(self) -> Path | None:
        folder = self.location.path
        if folder is None:
            return None
        return vault_path_in(folder, self.practice_edit.text().strip() or "Cabinet")

    def _update_target(self) -> None:
        target = self.target()
        self._target_label.setText(
            self.tr("Le coffre sera créé dans : {path}").format(path=target)
            if target is not None
            else ""
        )

    def _update_strength(self) -> None:
        password = self.password_edit.text()
        if not password:
            self._accepted = False
            self.meter.setValue(0)
            self.verdict_label.clear()
        else:
            context = (self.login_edit.text(), self.name_edit.text(), self.practice_edit.text())
            verdict = evaluate_password(password, context)
            self._accepted = verdict.accepted
            self.meter.setValue(verdict.score)
            colour = _METER_COLOURS[verdict.score]
            self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
            if verdict.accepted:
                self.verdict_label.setText(self.tr("Robustesse : suffisante."))
                self.verdict_label.setStyleSheet(SUCCESS_STYLE)
            else:
                self.verdict_label.setText(
                    self.tr("Robustesse : insuffisante. {reasons}").format(
                        reasons=verdict.explain(interface_language())
                    )
                )
                self.verdict_label.setStyleSheet(WARNING_STYLE)
        confirm = self.confirm_edit.text()
        differ = bool(confirm) and confirm != password
        self.match_label.setText(self.tr("Les deux mots de passe diffèrent.") if differ else "")
        self.match_label.setVisible(differ)
        self.completeChanged.emit()

    def _on_location_path_changed(self, _path: object) -> None:
        self._update_target()
        self.completeChanged.emit()

    def _on_identity_text_changed(self, _text: str) -> None:
        self.error_label.clear()
        self._update_target()
        self._update_strength()  # the password must not contain these words

    def _on_password_edit_text_changed(self, _text: str) -> None:
        self.error_label.clear()
        self._update_strength()

    def _on_confirm_edit_text_changed(self, _text: str) -> None:
        self._update_strength()

    def isComplete(self) -> bool:
        filled = all(
            edit.text().strip() for edit in (self.practice_edit, self.login_edit, self.name_edit)
        )
        return (
            filled
            and self.location.path is not None
            and self._accepted
            and self.password_edit.text() == self.confirm_edit.text()
        )

    def validatePage(self) -> bool:
        target = self.target()
        if target is None:
            return False
        try:
            with busy(self.wizard()):
                created = create_vault(
                    target,
                    practice_name=self.practice_edit.text(),
                    login=self.login_edit.text().strip(),
                    display_name=self.name_edit.text(),
                    password=self.password_edit.text(),
                    config=self._config,
                )
        except KnownError as error:
            self.error_label.setText(error.message(interface_language()))
            return False
        self.password_edit.clear()
        self.confirm_edit.clear()
        self._outcome.directory = created.directory
        self._outcome.practice_name = " ".join(self.practice_edit.text().split())
        self._outcome.recovery_code = created.recovery_code
        return True

    def nextId(self) -> int:
        return int(PageId.RECOVERY)
