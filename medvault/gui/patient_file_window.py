"""One patient's file, in a window of its own: a header, the allergy banner, and tabs.

Every role gets identity and contact details, appointments and administrative documents. The
clinical tabs are built only for a session holding the clinical key: for reception they are
absent (not greyed) and no clinical service is ever called. The window title carries no
patient data (it shows in the task bar and in screen-sharing pickers).

After a merge the window shows the file that was kept, read afresh. Closing the window stops
any document import, sweep or patient export under way (cancelled and waited for) before the
session moves on."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from medvault.core.clinical import ClinicalFile
from medvault.core.drafts import NEW_PATIENT_EDITOR_KEY, DraftKind
from medvault.core.errors import KnownError
from medvault.core.patient import Patient, Sex
from medvault.gui.appointments_tab import AppointmentsTab
from medvault.gui.clinical_allergy_banner import AllergyBanner
from medvault.gui.clinical_tabs import ClinicalTabs
from medvault.gui.consent_tab import CONSENT_EDITOR_KEY, ConsentTab
from medvault.gui.dialogs import Dialogs
from medvault.gui.documents_tab import DocumentsTab
from medvault.gui.editor_drafts import PendingDraft
from medvault.gui.messages import language
from medvault.gui.patient_access_tab import PatientAccessTab
from medvault.gui.patient_export_dialog import PatientExportDialog
from medvault.gui.patient_identity_form import PatientIdentityForm
from medvault.gui.unsaved_changes import UnsavedEditor, may_leave
from medvault.gui.widgets import title_label
from medvault.services import clinical, patients
from medvault.services.session import Session


def open_patient_file(
    session: Session, patient_id: int, dialogs: Dialogs, parent: QWidget | None = None
) -> PatientFileWindow | None:
    """Read the file (audited: get_patient, and open_clinical_file for a practitioner) and
    build its window; None once the user has been told why it cannot be opened."""
    try:
        patient = patients.get_patient(session, patient_id)
        clinical_file = (
            clinical.open_clinical_file(session, patient_id)
            if session.has_clinical_access
            else None
        )
    except KnownError as error:
        dialogs.warn(
            QCoreApplication.translate("PatientFileWindow", "Dossier patient"),
            error.message(language()),
        )
        return None
    return PatientFileWindow(session, dialogs, patient, clinical_file, parent=parent)


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class PatientFileWindow(QWidget):
    """`patient` None opens an empty identity form (create mode); the other tabs appear once
    the record exists. Emits patient_saved(id) (also for the kept file after a merge),
    open_patient_requested(id) (a duplicate) and session_busy_changed(bool) while a worker
    thread imports documents (the session must then be left alone)."""

    patient_saved = Signal(int)
    open_patient_requested = Signal(int)
    session_busy_changed = Signal(bool)

    def __init__(
        self,
        session: Session,
        dialogs: Dialogs,
        patient: Patient | None = None,
        clinical_file: ClinicalFile | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("patient_file_window")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Dossier patient — medvault"))
        self._session = session
        self._dialogs = dialogs
        self._forced = False
        self.clinical_tabs: ClinicalTabs | None = None

        self._header = title_label("", "patient_header_label")
        self._details = QLabel()
        self._details.setObjectName("patient_details_label")
        # Clinical widgets exist only for a session holding the clinical key.
        self.allergy_banner = AllergyBanner() if session.has_clinical_access else None
        self.tabs = self._new_tabs(patient, clinical_file)

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self._layout.addWidget(self._header)
        self._layout.addWidget(self._details)
        if self.allergy_banner is not None:
            self._layout.addWidget(self.allergy_banner)
        self._layout.addWidget(self.tabs, 1)
        self.resize(1100, 760)

        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save_shortcut_activated)
        # Esc and Ctrl+W close like a dialog would; closeEvent still asks about unsaved changes.
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self._show_header(patient)

    @property
    def patient_id(self) -> int | None:
        patient = self.identity_form.patient
        return None if patient is None else patient.id

    # -- building ------------------------------------------------------------------------------
    def _new_tabs(self, patient: Patient | None, clinical_file: ClinicalFile | None) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("patient_tabs")
        self.tabs.setDocumentMode(True)
        self.identity_form = PatientIdentityForm(self._session, patient)
        self.tabs.addTab(self.identity_form, self.tr("Identité et coordonnées"))
        self.identity_form.patient_saved.connect(self._on_identity_form_patient_saved)
        self.identity_form.duplicate_open_requested.connect(self.open_patient_requested)
        self.identity_form.patients_merged.connect(self._on_identity_form_patients_merged)
        if patient is not None:
            self._build_other_tabs(patient, clinical_file)
        return self.tabs

    def _build_other_tabs(self, patient: Patient, clinical_file: ClinicalFile | None) -> None:
        if clinical_file is not None and self.allergy_banner is not None:
            self.clinical_tabs = ClinicalTabs(
                self._session, clinical_file, self.tabs, self.allergy_banner, self._dialogs
            )
            self.identity_form.companion_editors = self.clinical_tabs.editors()
        session, dialogs = self._session, self._dialogs
        self.tabs.insertTab(
            1, AppointmentsTab(session, patient.id, dialogs), self.tr("Rendez-vous")
        )
        self.tabs.insertTab(
            2,
            self._documents_tab(patient.id, "administrative"),
            self.tr("Documents administratifs"),
        )
        if clinical_file is not None:
            self.tabs.addTab(
                self._documents_tab(patient.id, "clinical"), self.tr("Documents médicaux")
            )
        consents = ConsentTab(session, patient.id, dialogs)
        consents.busy_changed.connect(self.session_busy_changed)  # a patient export
        self.tabs.addTab(consents, self.tr("Consentements"))
        if PatientAccessTab.available_to(session):
            self.tabs.addTab(PatientAccessTab(session, patient.id), self.tr("Accès au dossier"))

    def _documents_tab(self, patient_id: int, kind: str) -> DocumentsTab:
        tab = DocumentsTab(self._session, patient_id, kind, self._dialogs)
        tab.busy_changed.connect(self.session_busy_changed)
        return tab

    def documents_tabs(self) -> list[DocumentsTab]:
        return self.tabs.findChildren(DocumentsTab)

    def stop_document_work(self) -> None:
        """Cancel any import, sweep or patient export under way and wait for it: the session
        is free after."""
        for tab in self.documents_tabs():
            tab.stop_work()
        for export in self.findChildren(PatientExportDialog):
            export.stop_work()

    def show_patient(self, patient_id: int) -> bool:
        """Show another record in this window (the file kept by a merge), read afresh and
        audited as on opening; False once the user has been told why it could not be read."""
        try:
            patient = patients.get_patient(self._session, patient_id)
            clinical_file = (
                clinical.open_clinical_file(self._session, patient_id)
                if self._session.has_clinical_access
                else None
            )
        except KnownError as error:
            self._dialogs.warn(self.tr("Dossier patient"), error.message(language()))
            return False
        self.stop_document_work()
        old = self.tabs
        self.clinical_tabs = None
        self._layout.replaceWidget(old, self._new_tabs(patient, clinical_file))
        old.hide()
        old.deleteLater()
        self._show_header(patient)
        return True

    def _show_header(self, patient: Patient | None) -> None:
        if patient is None:
            self._header.setText(self.tr("Nouveau patient"))
            self._details.setText(self.tr("Les champs marqués * sont obligatoires."))
            return
        data = patient.data
        names = data.birth_name
        if data.used_name:
            names = self.tr("{used} (né(e) {birth})").format(used=data.used_name, birth=names)
        self._header.setText(f"{names} {' '.join(data.first_names)}")
        today = self._session.config.clock.now().astimezone().date()
        sex = {Sex.FEMALE: self.tr("Femme"), Sex.MALE: self.tr("Homme")}.get(
            data.sex, self.tr("Sexe indéterminé")
        )
        self._details.setText(
            self.tr("Né(e) le {date} ({age} ans) · {sex}").format(
                date=data.birth_date.strftime("%d/%m/%Y"),
                age=_age(data.birth_date, today),
                sex=sex,
            )
        )

    # -- editing and leaving ---------------------------------------------------------------------
    def editors(self) -> list[UnsavedEditor]:
        editors: list[UnsavedEditor] = [self.identity_form]
        if self.clinical_tabs is not None:
            editors.extend(self.clinical_tabs.editors())
        return editors

    def has_unsaved_changes(self) -> bool:
        return any(editor.has_unsaved_changes() for editor in self.editors())

    def pending_drafts(self) -> list[PendingDraft]:
        """Unsaved edits to keep as drafts if the session locks now (a file not created yet:
        its identity form, under no patient id)."""
        patient_id = self.patient_id
        found: list[PendingDraft] = []
        identity = self.identity_form.pending_draft()
        if identity is not None:
            found.append(PendingDraft(DraftKind.ADMINISTRATIVE, patient_id, *identity))
        consents = self.findChild(ConsentTab)
        entry = consents.pending_draft() if consents is not None else None
        if patient_id is not None and entry is not None:
            found.append(PendingDraft(DraftKind.ADMINISTRATIVE, patient_id, *entry))
        if patient_id is not None and self.clinical_tabs is not None:
            for tab in self.clinical_tabs.draft_sources():
                pending = tab.pending_draft()
                if pending is not None:
                    found.append(PendingDraft(DraftKind.CLINICAL, patient_id, *pending))
        return found

    def restore_draft(self, draft: PendingDraft) -> bool:
        """Show the editor the draft belongs to with the draft in it; False if this file has
        no such editor (any more)."""
        if draft.patient_id != self.patient_id:
            return False
        administrative = draft.kind is DraftKind.ADMINISTRATIVE
        consents = self.findChild(ConsentTab)
        if administrative and draft.editor_key == CONSENT_EDITOR_KEY and consents is not None:
            self.tabs.setCurrentWidget(consents)
            return consents.restore_draft(draft.content)
        expected = "identity" if self.patient_id is not None else NEW_PATIENT_EDITOR_KEY
        if administrative and draft.editor_key == expected:
            self.tabs.setCurrentWidget(self.identity_form)
            return self.identity_form.restore_draft(draft.content)
        if draft.kind is DraftKind.CLINICAL and self.clinical_tabs is not None:
            for tab in self.clinical_tabs.draft_sources():
                if tab.restore_draft(draft.editor_key, draft.content):
                    self.tabs.setCurrentWidget(tab)
                    return True
        return False

    def discard_and_close(self) -> None:
        """Close without asking (the vault is being locked)."""
        self._forced = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._forced and not may_leave(self.editors(), self._dialogs):
            event.ignore()
            return
        self.stop_document_work()
        super().closeEvent(event)

    def _on_save_shortcut_activated(self) -> None:
        current = self.tabs.currentWidget()
        save = getattr(current, "save", None)
        if callable(save):
            save()

    def _on_identity_form_patients_merged(self, kept_id: int) -> None:
        if self.show_patient(kept_id):
            self.patient_saved.emit(kept_id)  # lists refresh: the merged file leaves them

    def _on_identity_form_patient_saved(self, patient: Patient) -> None:
        created = self.tabs.count() == 1
        if created:
            clinical_file = None
            if self._session.has_clinical_access:
                try:
                    clinical_file = clinical.open_clinical_file(self._session, patient.id)
                except KnownError as error:
                    self._dialogs.warn(self.tr("Dossier patient"), error.message(language()))
            self._build_other_tabs(patient, clinical_file)
        self._show_header(patient)
        self.patient_saved.emit(patient.id)
