"""The "Consentements" tab of a patient's file: consents and refusals with their history, a form
to record one (a withdrawal is a new record), and the export of the file on the patient's
request. Administrative: both roles get it (the desk collects signed forms); what is typed here
is visible to the desk, so the tab says to keep clinical detail out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medvault.core.consent import (
    NOTE_MAX,
    RECIPIENT_MAX,
    CollectionMethod,
    ConsentDecision,
    ConsentForm,
    ConsentRecord,
    ConsentScope,
)
from medvault.core.errors import FieldError, KnownError
from medvault.gui.dialogs import Dialogs
from medvault.gui.editor_drafts import decode_fields, encode_fields
from medvault.gui.messages import language
from medvault.gui.patient_export_dialog import PatientExportDialog
from medvault.gui.widgets import message_label, muted_label
from medvault.services import consent
from medvault.services.session import Session


def scope_labels() -> dict[ConsentScope, str]:
    return {
        ConsentScope.SHARING: QCoreApplication.translate(
            "ConsentTab", "Partage avec un confrère ou un tiers"
        ),
        ConsentScope.TELEHEALTH: QCoreApplication.translate(
            "ConsentTab", "Télésanté (téléconsultation, téléexpertise)"
        ),
        ConsentScope.RESEARCH: QCoreApplication.translate("ConsentTab", "Recherche"),
        ConsentScope.SHARED_RECORD: QCoreApplication.translate(
            "ConsentTab", "Dossier médical partagé (Mon espace santé)"
        ),
        ConsentScope.OTHER: QCoreApplication.translate("ConsentTab", "Autre"),
    }


def decision_labels() -> dict[ConsentDecision, str]:
    return {
        ConsentDecision.GRANTED: QCoreApplication.translate("ConsentTab", "Accord"),
        ConsentDecision.REFUSED: QCoreApplication.translate("ConsentTab", "Refus"),
        ConsentDecision.WITHDRAWN: QCoreApplication.translate("ConsentTab", "Retrait"),
    }


def method_labels() -> dict[CollectionMethod, str]:
    return {
        CollectionMethod.ORAL: QCoreApplication.translate("ConsentTab", "Oral (noté au moment)"),
        CollectionMethod.WRITTEN: QCoreApplication.translate("ConsentTab", "Formulaire signé"),
        CollectionMethod.ELECTRONIC: QCoreApplication.translate(
            "ConsentTab", "Électronique (courriel, formulaire en ligne)"
        ),
        CollectionMethod.REPRESENTATIVE: QCoreApplication.translate(
            "ConsentTab", "Par le représentant légal"
        ),
    }


# The draft editor key of a consent entry left half typed at a lock.
CONSENT_EDITOR_KEY = "consent"


def _combo(name: str, labels: Iterable[tuple[object, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, label in labels:
        combo.addItem(label, value)
    return combo


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ConsentTab(QWidget):
    """`busy_changed(bool)` around a patient export running on its worker thread."""

    consent_recorded = Signal()
    busy_changed = Signal(bool)

    def __init__(
        self, session: Session, patient_id: int, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consent_tab")
        self._session = session
        self._patient_id = patient_id
        self._dialogs = dialogs
        self._records: list[ConsentRecord] = []
        self.export_dialog: PatientExportDialog | None = None

        self._build_table()
        box = self._build_form()

        layout = QVBoxLayout(self)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Un retrait est un nouvel enregistrement daté : l'historique reste visible. "
                    "Ces informations sont visibles par l'accueil : n'y notez aucun détail "
                    "médical."
                ),
                "consent_hint_label",
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        export_row.addWidget(self.export_button)
        layout.addLayout(export_row)

        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.reload()

    def _build_table(self) -> None:
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("consents_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Objet"), self.tr("Décision"), self.tr("Recueil"),
             self.tr("Destinataire"), self.tr("Note")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

    def _build_form(self) -> QGroupBox:
        self.scope_combo = _combo("scope_combo", scope_labels().items())
        self.decision_combo = _combo("decision_combo", decision_labels().items())
        self.method_combo = _combo("method_combo", method_labels().items())
        self.method_combo.setCurrentIndex(1)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setDate(_qdate(self._today()))
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setObjectName("recipient_edit")
        self.recipient_edit.setMaxLength(RECIPIENT_MAX)
        self.recipient_edit.setPlaceholderText(self.tr("Ex. Dr Lefèvre, cardiologue"))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setMaxLength(NOTE_MAX)
        self.error_label = message_label("error_label")
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.setObjectName("save_button")
        self.withdraw_button = QPushButton(self.tr("Préparer un retrait"))
        self.withdraw_button.setObjectName("withdraw_button")
        self.withdraw_button.setToolTip(
            self.tr("Remplit le formulaire pour retirer le consentement sélectionné.")
        )
        self.withdraw_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("Exporter le dossier (demande du patient)…"))
        self.export_button.setObjectName("export_button")

        form = QFormLayout()
        form.addRow(self.tr("Objet"), self.scope_combo)
        form.addRow(self.tr("Décision"), self.decision_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Recueil"), self.method_combo)
        form.addRow(self.tr("Destinataire"), self.recipient_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        box = QGroupBox(self.tr("Nouvel enregistrement"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.error_label)
        box_layout.addLayout(buttons)
        return box

    def _today(self) -> date:
        return self._session.config.clock.now().astimezone().date()

    # -- drafts (kept encrypted when the session locks mid-entry) ----------------------------
    def pending_draft(self) -> tuple[str, str] | None:
        """(CONSENT_EDITOR_KEY, the form) when a recipient or a note is typed, not recorded."""
        if not (self.recipient_edit.text().strip() or self.note_edit.text().strip()):
            return None
        fields: dict[str, object] = {
            name: str(combo.currentData()) for name, combo in self._form_combos().items()
        }
        fields["date"] = self.date_edit.date().toString("yyyy-MM-dd")
        fields["recipient"] = self.recipient_edit.text()
        fields["note"] = self.note_edit.text()
        return CONSENT_EDITOR_KEY, encode_fields({"form": fields})

    def restore_draft(self, content: str) -> bool:
        groups = decode_fields(content, ("form",))
        if groups is None:
            return False
        fields = groups["form"]
        for name, combo in self._form_combos().items():
            wanted = str(fields.get(name) or "")
            for index in range(combo.count()):
                if str(combo.itemData(index)) == wanted:
                    combo.setCurrentIndex(index)
        day = QDate.fromString(str(fields.get("date") or ""), "yyyy-MM-dd")
        if day.isValid():
            self.date_edit.setDate(day)
        self.recipient_edit.setText(str(fields.get("recipient") or ""))
        self.note_edit.setText(str(fields.get("note") or ""))
        return True

    def _form_combos(self) -> dict[str, QComboBox]:
        return {
            "scope": self.scope_combo,
            "decision": self.decision_combo,
            "method": self.method_combo,
        }

    def reload(self) -> None:
        try:
            self._records = consent.list_consents(self._session, self._patient_id)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            return
        scopes, decisions, methods = scope_labels(), decision_labels(), method_labels()
        self.table.setRowCount(len(self._records))
        for row, record in enumerate(self._records):
            form = record.form
            cells = (
                form.decided_on.strftime("%d/%m/%Y"),
                scopes[form.scope],
                decisions[form.decision],
                methods[form.method],
                form.recipient,
                form.note,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.withdraw_button.setEnabled(False)

    def _selected(self) -> ConsentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self._records[rows[0].row()] if rows else None

    def _on_table_item_selection_changed(self) -> None:
        record = self._selected()
        self.withdraw_button.setEnabled(
            record is not None and record.form.decision is ConsentDecision.GRANTED
        )

    def _on_withdraw_button_clicked(self) -> None:
        record = self._selected()
        if record is None:
            return
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(record.form.scope))
        self.decision_combo.setCurrentIndex(self.decision_combo.findData(ConsentDecision.WITHDRAWN))
        self.recipient_edit.setText(record.form.recipient)
        self.date_edit.setDate(_qdate(self._today()))
        self.note_edit.setFocus()

    def _on_save_button_clicked(self) -> None:
        self.error_label.clear()
        qdate = self.date_edit.date()
        form = ConsentForm(
            scope=ConsentScope(self.scope_combo.currentData()),
            decision=ConsentDecision(self.decision_combo.currentData()),
            decided_on=qdate.toPython(),  # type: ignore[arg-type]
            method=CollectionMethod(self.method_combo.currentData()),
            recipient=self.recipient_edit.text(),
            note=self.note_edit.text(),
        )
        try:
            consent.record_consent(self._session, self._patient_id, form)
        except FieldError as error:
            self.error_label.setText(error.message(language()))
            return
        except KnownError as error:
            self._dialogs.warn(self.tr("Consentements"), error.message(language()))
            return
        self.recipient_edit.clear()
        self.note_edit.clear()
        self.reload()
        self.consent_recorded.emit()

    def _on_export_button_clicked(self) -> None:
        dialog = PatientExportDialog(self._session, self._patient_id, self._dialogs, self)
        dialog.busy_changed.connect(self.busy_changed)
        self.export_dialog = dialog
        dialog.open()
