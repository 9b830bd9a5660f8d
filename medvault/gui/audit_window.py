"""The audit viewer (practitioners): the whole trail, live log and archive, newest first, filtered
by user, patient file number, action, outcome and dates in SQL; whether the chain verifies; the
CSV export of the filtered view; and the retention period with the archiving of older records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from medvault.core.audit import AuditAction, Outcome
from medvault.core.audit_query import AuditFilter
from medvault.core.audit_retention import (
    MAX_RETENTION_MONTHS,
    MIN_RETENTION_MONTHS,
    ArchivedRange,
)
from medvault.core.errors import KnownError
from medvault.core.permissions import Permission
from medvault.gui.audit_chain_row import AuditChainRow
from medvault.gui.audit_model import (
    AuditTableModel,
    action_labels,
    audit_table_view,
    outcome_labels,
)
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import language
from medvault.gui.widgets import (
    SUCCESS_STYLE,
    message_label,
    title_label,
)
from medvault.services import audit_retention, audit_view
from medvault.services.session import Session


def _local_start(day: QDate) -> datetime:
    """Midnight of a local calendar day, as an aware datetime."""
    return datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()


class AuditWindow(QWidget):
    """Opening it is audited by the services (and refused, audited too, without AUDIT_READ)."""

    def __init__(
        self, session: Session, dialogs: Dialogs, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._session = session
        self._dialogs = dialogs
        self.setObjectName("audit_window")
        self.setWindowTitle(self.tr("Journal d'audit — medvault"))
        overview = audit_view.open_audit_log(session)

        self.chain = AuditChainRow(session)

        self.model = AuditTableModel(session, self)
        self.table = audit_table_view(self.model, "audit_table")

        self.export_button = QPushButton(self.tr("Exporter la vue en CSV…"))
        self.export_button.setObjectName("export_button")
        export_note = QLabel(
            self.tr(
                "Le fichier CSV contient des numéros et des codes (identifiants, n° de dossier, "
                "actions), jamais de nom de patient ni de contenu médical."
            )
        )
        export_note.setWordWrap(True)
        export_row = QHBoxLayout()
        export_row.addWidget(export_note, 1)
        export_row.addWidget(self.export_button)

        self.error_label = message_label("error_label")
        self.status_label = message_label("status_label", SUCCESS_STYLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(title_label(self.tr("Journal d'audit"), "audit_title"))
        layout.addWidget(self.chain)
        layout.addWidget(self._filter_box(overview.logins))
        layout.addWidget(self.table, 1)
        layout.addLayout(export_row)
        layout.addWidget(self._retention_box())
        layout.addWidget(self.error_label)
        layout.addWidget(self.status_label)
        self.resize(1200, 800)

        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.patient_edit.returnPressed.connect(self._on_apply_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.save_retention_button.clicked.connect(self._on_save_retention_button_clicked)
        self.archive_button.clicked.connect(self._on_archive_button_clicked)
        self.model.load_failed.connect(self.error_label.setText)
        self._show_archive(overview.archived)
        self.chain.start()
        self.apply_filter()

    @staticmethod
    def available_to(session: Session) -> bool:
        return session.config.policy.is_allowed(session.role, Permission.AUDIT_READ)

    # -- building --------------------------------------------------------------------------------
    def _combo(self, name: str, items: list[tuple[str, str | None]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _date_pair(self, name: str, text: str) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text)
        check.setObjectName(f"{name}_check")
        edit = QDateEdit(QDate.currentDate())
        edit.setObjectName(f"{name}_edit")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _filter_box(self, logins: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(self.tr("Filtres"))
        every = self.tr("(tous)")
        self.user_combo = self._combo("user_combo", [(every, None), *((x, x) for x in logins)])
        actions = action_labels()
        self.action_combo = self._combo(
            "action_combo",
            [(every, None), *sorted((actions.get(a.value, a.value), a.value) for a in AuditAction)],
        )
        outcomes = outcome_labels()
        self.outcome_combo = self._combo(
            "outcome_combo", [(every, None), *((outcomes[o.value], o.value) for o in Outcome)]
        )
        self.patient_edit = QLineEdit()
        self.patient_edit.setObjectName("patient_edit")
        self.patient_edit.setPlaceholderText(self.tr("n° de dossier"))
        self.patient_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), self.patient_edit)
        )
        self.since_check, self.since_edit = self._date_pair("since", self.tr("Du"))
        self.until_check, self.until_edit = self._date_pair("until", self.tr("Au"))
        self.apply_button = QPushButton(self.tr("Appliquer"))
        self.apply_button.setObjectName("apply_button")
        self.apply_button.setDefault(True)
        self.reset_button = QPushButton(self.tr("Tout afficher"))
        self.reset_button.setObjectName("reset_button")

        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Utilisateur")), 0, 0)
        grid.addWidget(self.user_combo, 0, 1)
        grid.addWidget(QLabel(self.tr("Action")), 0, 2)
        grid.addWidget(self.action_combo, 0, 3)
        grid.addWidget(QLabel(self.tr("Résultat")), 0, 4)
        grid.addWidget(self.outcome_combo, 0, 5)
        grid.addWidget(QLabel(self.tr("N° patient")), 1, 0)
        grid.addWidget(self.patient_edit, 1, 1)
        dates = QHBoxLayout()
        for widget in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            dates.addWidget(widget)
        dates.addStretch(1)
        grid.addLayout(dates, 1, 2, 1, 4)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.apply_button)
        grid.addLayout(buttons, 2, 0, 1, 6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)
        return box

    def _retention_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Conservation du journal"))
        self.retention_spin = QSpinBox()
        self.retention_spin.setObjectName("retention_spin")
        self.retention_spin.setRange(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS)
        self.retention_spin.setSuffix(self.tr(" mois"))
        self.retention_spin.setValue(audit_retention.retention_months(self._session))
        self.save_retention_button = QPushButton(self.tr("Enregistrer"))
        self.save_retention_button.setObjectName("save_retention_button")
        self.archive_button = QPushButton(self.tr("Archiver les enregistrements anciens"))
        self.archive_button.setObjectName("archive_button")
        self.archive_label = QLabel()
        self.archive_label.setObjectName("archive_label")
        self.archive_label.setWordWrap(True)
        allowed = self._session.config.policy.is_allowed(
            self._session.role, Permission.AUDIT_RETENTION
        )
        for widget in (self.retention_spin, self.save_retention_button, self.archive_button):
            widget.setEnabled(allowed)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Garder dans le journal courant")))
        row.addWidget(self.retention_spin)
        row.addWidget(self.save_retention_button)
        row.addStretch(1)
        row.addWidget(self.archive_button)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(self.archive_label)
        return box

    # -- state -----------------------------------------------------------------------------------
    def _run(self, action: Callable[[], object]) -> bool:
        self.error_label.clear()
        self.status_label.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            action()
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def _show_archive(self, archived: ArchivedRange | None) -> None:
        if archived is not None:
            self.archive_label.setText(
                self.tr(
                    "Archive : enregistrements n°{first} à n°{last}, conservés dans le coffre "
                    "et ses sauvegardes, vérifiés avec le journal."
                ).format(first=archived.first_seq, last=archived.last_seq)
            )
        else:
            self.archive_label.setText(self.tr("Aucun enregistrement archivé pour l'instant."))

    def current_filter(self) -> AuditFilter:
        patient = self.patient_edit.text().strip()
        since = _local_start(self.since_edit.date()) if self.since_check.isChecked() else None
        until = None
        if self.until_check.isChecked():
            until = _local_start(self.until_edit.date()) + timedelta(days=1)
        return AuditFilter(
            user_login=self.user_combo.currentData(),
            patient_id=patient or None,
            action=self.action_combo.currentData(),
            outcome=self.outcome_combo.currentData(),
            since=since,
            until=until,
        )

    def apply_filter(self) -> bool:
        audit_filter = self.current_filter()
        return self._run(
            lambda: self.model.set_cursor(audit_view.query_audit(self._session, audit_filter))
        )

    def clear_view(self) -> None:
        """Forget every row (the session is locking)."""
        self.model.clear()

    # -- slots -----------------------------------------------------------------------------------
    def _on_apply_button_clicked(self) -> None:
        self.apply_filter()

    def _on_reset_button_clicked(self) -> None:
        for combo in (self.user_combo, self.action_combo, self.outcome_combo):
            combo.setCurrentIndex(0)
        self.patient_edit.clear()
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)
        self.apply_filter()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.chain.stop()  # also what a lock does: the check ends before the keys go
        super().closeEvent(event)

    def _on_export_button_clicked(self) -> None:
        audit_filter = self.current_filter()
        target = self._dialogs.get_save_path(
            self.tr("Exporter le journal d'audit (CSV, sans nom de patient)"),
            Path.home() / "journal-audit.csv",
            self.tr("Fichiers CSV (*.csv)"),
        )
        if target is None:
            return
        written: list[int] = []
        if self._run(
            lambda: written.append(audit_view.export_audit_csv(self._session, audit_filter, target))
        ):
            self.status_label.setText(
                self.tr("{count} enregistrements exportés dans {name}.").format(
                    count=written[0], name=target.name
                )
            )

    def _on_save_retention_button_clicked(self) -> None:
        months = self.retention_spin.value()
        if self._run(lambda: audit_retention.set_retention_months(self._session, months)):
            self.status_label.setText(
                self.tr("Durée de conservation enregistrée : {months} mois.").format(months=months)
            )

    def _on_archive_button_clicked(self) -> None:
        if not self._dialogs.confirm(
            self.tr("Archiver le journal"),
            self.tr(
                "Déplacer dans l'archive les enregistrements plus anciens que la durée de "
                "conservation ? Ils restent dans le coffre et dans les sauvegardes, et sont "
                "toujours vérifiés ; rien n'est effacé."
            ),
        ):
            return
        moved: list[ArchivedRange | None] = []
        if not self._run(lambda: moved.append(audit_retention.archive_expired(self._session))):
            return
        self.chain.start()
        self._run(lambda: self._show_archive(audit_view.archived_range(self._session)))
        self.apply_filter()
        done = moved[0]
        if done is None:
            self.status_label.setText(self.tr("Aucun enregistrement assez ancien à archiver."))
        else:
            self.status_label.setText(
                self.tr("{count} enregistrements déplacés dans l'archive.").format(count=done.count)
            )
