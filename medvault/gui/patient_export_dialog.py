"""Export of a patient's file on request: for whom, which parts, then (for a third party) the
sharing consent on file and the user's decision, the file to write, and the generated password,
shown once with the reminder to send it by another channel than the file.

Reception sees only the administrative parts (identity and administrative documents): the
clinical choices are absent from its dialog, and the service refuses them anyway.

The export itself runs on a worker thread (patient_export_task) behind an application-modal
progress dialog: meanwhile this dialog keeps off the session, and its `busy_changed` reaches
the main window through the consent tab and the file window, as for a document import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from medvault.core.consent import ConsentDecision
from medvault.core.errors import FieldError, KnownError
from medvault.core.patient_export_request import (
    RECIPIENT_MAX,
    ConsentCheck,
    ExportRequest,
    ExportResult,
    ExportSection,
    RecipientKind,
)
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import language
from medvault.gui.patient_export_task import PatientExporter
from medvault.gui.widgets import SUCCESS_STYLE, message_label, muted_label, title_label
from medvault.services import patient_export_consent
from medvault.services.patient_export_consent import ConsentReport
from medvault.services.session import Session


class PatientExportDialog(QDialog):
    """`busy_changed(bool)` around the export on its worker thread (the file window passes it
    on to the main window, which keeps backups off the session meanwhile); `stop_work()`
    cancels it and waits, for a window that closes or a vault that locks."""

    busy_changed = Signal(bool)

    def __init__(
        self, session: Session, patient_id: int, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patient_export_dialog")
        self.setWindowTitle(self.tr("Exporter le dossier — medvault"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._session = session
        self._patient_id = patient_id
        self._dialogs = dialogs
        self.result_info: ExportResult | None = None
        self.exporter = PatientExporter(session, self)
        self.exporter.busy_changed.connect(self._on_exporter_busy_changed)
        self.exporter.export_finished.connect(self._on_exporter_export_finished)
        self.exporter.export_failed.connect(self._on_exporter_export_failed)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._password_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(560, 0)

    # -- pages ---------------------------------------------------------------------------------
    def _choice_page(self) -> QWidget:
        page = QWidget()
        self.choice_page = page
        self.patient_radio = QRadioButton(self.tr("Le patient ou son représentant légal"))
        self.patient_radio.setObjectName("patient_radio")
        self.third_party_radio = QRadioButton(self.tr("Un tiers (confrère, établissement…)"))
        self.third_party_radio.setObjectName("third_party_radio")
        self.patient_radio.setChecked(True)
        kinds = QButtonGroup(page)
        kinds.addButton(self.patient_radio)
        kinds.addButton(self.third_party_radio)
        self.recipient_edit = QLineEdit("patient")
        self.recipient_edit.setObjectName("recipient_edit")
        self.recipient_edit.setMaxLength(RECIPIENT_MAX)
        self.recipient_edit.setToolTip(
            self.tr("Un libellé court, gardé dans le journal d'audit (ex. « Dr Lefevre »).")
        )
        self.recipient_error = message_label("recipient_error_label")
        self.third_party_radio.toggled.connect(self._on_third_party_radio_toggled)

        who = QFormLayout()
        who.addRow(self.patient_radio)
        who.addRow(self.third_party_radio)
        who.addRow(self.tr("Destinataire"), self.recipient_edit)
        who.addRow(self.recipient_error)

        self.section_boxes: dict[ExportSection, QCheckBox] = {}
        parts = QGroupBox(self.tr("Contenu (l'identité est toujours incluse)"))
        parts_layout = QVBoxLayout(parts)
        labels = {
            ExportSection.ADMIN_DOCUMENTS: self.tr("Documents administratifs"),
            ExportSection.HISTORY: self.tr("Antécédents"),
            ExportSection.ALLERGIES: self.tr("Allergies et intolérances"),
            ExportSection.TREATMENTS: self.tr("Traitements"),
            ExportSection.VACCINATIONS: self.tr("Vaccinations"),
            ExportSection.CONSULTATIONS: self.tr("Consultations et constantes"),
            ExportSection.CLINICAL_DOCUMENTS: self.tr("Documents médicaux"),
        }
        for section, label in labels.items():
            if section.is_clinical and not self._session.has_clinical_access:
                continue  # absent, not greyed
            box = QCheckBox(label)
            box.setObjectName(f"{section.value}_check")
            box.setChecked(True)
            parts_layout.addWidget(box)
            self.section_boxes[section] = box

        self.error_label = message_label("error_label")
        self.export_button = QPushButton(self.tr("Exporter…"))
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(page)
        layout.addWidget(title_label(self.tr("Exporter le dossier du patient"), "export_title"))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Un seul fichier chiffré (ZIP AES-256) : un PDF lisible, le dossier au "
                    "format FHIR R4 et les documents d'origine. Son mot de passe sera affiché "
                    "une seule fois."
                ),
                "export_hint_label",
            )
        )
        layout.addLayout(who)
        layout.addWidget(parts)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        return page

    def _password_page(self) -> QWidget:
        page = QWidget()
        self.done_label = message_label("done_label", SUCCESS_STYLE)
        self.password_label = QLabel()
        self.password_label.setObjectName("password_label")
        self.password_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.password_label.setFont(font)
        reminder = QLabel(
            self.tr(
                "Notez ce mot de passe maintenant : il ne sera plus affiché et n'est conservé "
                "nulle part. Transmettez-le par un autre moyen que le fichier (par téléphone, "
                "SMS ou de vive voix), jamais dans le même courriel ni sur la même clé USB."
            )
        )
        reminder.setObjectName("reminder_label")
        reminder.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(title_label(self.tr("Export terminé"), "done_title"))
        layout.addWidget(self.done_label)
        layout.addWidget(self.password_label)
        layout.addWidget(reminder)
        layout.addWidget(close)
        return page

    # -- steps ---------------------------------------------------------------------------------
    def request(self) -> ExportRequest:
        kind = (
            RecipientKind.THIRD_PARTY
            if self.third_party_radio.isChecked()
            else (RecipientKind.PATIENT)
        )
        sections = frozenset(s for s, box in self.section_boxes.items() if box.isChecked())
        return ExportRequest(self._patient_id, kind, self.recipient_edit.text(), sections)

    def _on_third_party_radio_toggled(self, checked: bool) -> None:
        if checked and self.recipient_edit.text() == "patient":
            self.recipient_edit.clear()
            self.recipient_edit.setFocus()
        elif not checked and not self.recipient_edit.text():
            self.recipient_edit.setText("patient")

    def _consent_text(self, report: ConsentReport) -> str:
        words = {
            ConsentCheck.GRANTED: self.tr("Un accord de partage en vigueur nomme ce destinataire."),
            ConsentCheck.REFUSED: self.tr(
                "ATTENTION : un refus ou un retrait de partage est en vigueur pour ce destinataire."
            ),
            ConsentCheck.NONE: self.tr("Aucun consentement de partage ne nomme ce destinataire."),
        }
        decided = {
            ConsentDecision.GRANTED: self.tr("accord"),
            ConsentDecision.REFUSED: self.tr("refus"),
            ConsentDecision.WITHDRAWN: self.tr("retrait"),
        }
        lines = [words.get(report.check, "")]
        if report.sharing:
            lines.append(self.tr("Consentements de partage enregistrés :"))
            lines += [
                f"• {r.form.recipient} : {decided[r.form.decision]} "
                f"({r.form.decided_on.strftime('%d/%m/%Y')})"
                for r in report.sharing
            ]
        lines.append(self.tr("Exporter quand même vers ce destinataire ?"))
        return "\n".join(lines)

    def _on_export_button_clicked(self) -> None:
        self.error_label.clear()
        self.recipient_error.clear()
        request = self.request()
        try:
            report = patient_export_consent.check_export_consent(self._session, request)
        except FieldError as error:
            self.recipient_error.setText(error.message(language()))
            return
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            return
        if report.check is not ConsentCheck.NOT_NEEDED:
            title = self.tr("Consentement au partage")
            if not self._dialogs.confirm(title, self._consent_text(report)):
                self._decline(request, report.check)
                return
        target = self._dialogs.get_save_path(
            self.tr("Enregistrer l'export chiffré"), None, self.tr("Archive ZIP (*.zip)")
        )
        if target is None:
            if report.check is not ConsentCheck.NOT_NEEDED:
                self._decline(request, report.check)
            return
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        self._export(request, target, report.check)

    def _decline(self, request: ExportRequest, shown: ConsentCheck) -> None:
        try:
            patient_export_consent.decline_export(self._session, request, shown)
        except KnownError as error:
            self.error_label.setText(error.message(language()))

    def _export(self, request: ExportRequest, target: Path, shown: ConsentCheck) -> None:
        self.exporter.start(request, target, shown)

    @property
    def busy(self) -> bool:
        return self.exporter.busy

    def stop_work(self) -> None:
        """Cancel an export under way and wait for it: the session is free on return and no
        file is left under the chosen name."""
        self.exporter.stop()

    def _on_exporter_busy_changed(self, busy: bool) -> None:
        self.choice_page.setEnabled(not busy)  # nothing here may reach the session meanwhile
        self.busy_changed.emit(busy)

    def _on_exporter_export_failed(self, error: KnownError) -> None:
        self.error_label.setText(error.message(language()))

    def _on_exporter_export_finished(self, result: ExportResult) -> None:
        self.result_info = result
        self.done_label.setText(
            self.tr("Le fichier {name} a été enregistré ({count} document(s) joint(s)).").format(
                name=result.path_name, count=result.document_count
            )
        )
        self.password_label.setText(result.password)
        self.pages.setCurrentIndex(1)
        self.adjustSize()

    def reject(self) -> None:
        if not self.busy:  # while the export runs, its progress dialog has the Cancel
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
