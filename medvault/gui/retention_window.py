"""The "Conservation des dossiers" window (practitioner): files past their retention term, the
longest overdue first; for the selected one, extend the term with a reason, or erase the file
(the legal erasure, basis "retention period over"). Never built for a session without the
clinical key: the term depends on the last consultation, which is clinical."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medvault.core.errors import FieldError, KnownError
from medvault.core.permissions import Permission, Role
from medvault.core.retention import (
    REASON_MAX,
    ReferenceKind,
    RetentionCase,
    RetentionExtension,
    add_years,
)
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import language
from medvault.gui.widgets import message_label, muted_label, title_label
from medvault.services import retention
from medvault.services.session import Session


def _day(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


class RetentionWindow(QWidget):
    """Emits patients_erased(ids) after an erasure, so open lists can refresh."""

    patients_erased = Signal(list)

    @staticmethod
    def available_to(session: Session) -> bool:
        return (
            session.has_clinical_access
            and session.role is Role.PRACTITIONER
            and session.config.policy.is_allowed(session.role, Permission.RETENTION_REVIEW)
        )

    def __init__(self, session: Session, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("retention_window")
        self.setWindowTitle(self.tr("Conservation des dossiers — medvault"))
        self._session = session
        self._dialogs = dialogs
        self._cases: tuple[RetentionCase, ...] = ()

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("retention_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Patient"), self.tr("Né(e) le"), self.tr("Compté à partir de"),
             self.tr("Échéance"), self.tr("Prolongé jusqu'au"), self.tr("État")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        extend_box = self._build_extend_box()

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title_label(self.tr("Conservation des dossiers"), "retention_title"))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Un dossier est conservé 20 ans après la dernière consultation (à défaut, "
                    "après sa création dans le coffre) et, pour un patient mineur à ce moment, "
                    "au moins jusqu'à ses 28 ans. Les dossiers ci-dessous ont dépassé ce terme : "
                    "prolongez-les avec un motif ou effacez-les."
                ),
                "retention_hint_label",
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(extend_box)
        layout.addWidget(self.error_label)
        self.resize(980, 620)

        self.refresh_button.clicked.connect(self.reload)
        self.extend_button.clicked.connect(self._on_extend_button_clicked)
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.reload()

    def _build_extend_box(self) -> QGroupBox:
        self.until_edit = QDateEdit()
        self.until_edit.setObjectName("until_edit")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("dd/MM/yyyy")
        self.until_edit.setDate(QDate(*add_years(self._today(), 5).timetuple()[:3]))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(self.tr("Motif (obligatoire), ex. suivi en cours"))
        self.extend_button = QPushButton(self.tr("Prolonger"))
        self.extend_button.setObjectName("extend_button")
        self.erase_button = QPushButton(self.tr("Effacer le dossier…"))
        self.erase_button.setObjectName("erase_button")
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.refresh_button.setObjectName("refresh_button")
        self.error_label = message_label("error_label")

        extend_box = QGroupBox(self.tr("Dossier sélectionné"))
        row = QHBoxLayout(extend_box)
        row.addWidget(QLabel(self.tr("Conserver jusqu'au")))
        row.addWidget(self.until_edit)
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.extend_button)
        row.addSpacing(24)
        row.addWidget(self.erase_button)
        return extend_box

    def _today(self) -> date:
        return self._session.config.clock.now().astimezone().date()

    def reload(self) -> None:
        self.error_label.clear()
        try:
            review = retention.review_past_term(self._session)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            return
        self._cases = review.cases
        if review.total == 0:
            self.count_label.setText(self.tr("Aucun dossier n'a dépassé sa durée de conservation."))
        elif review.total > len(review.cases):
            self.count_label.setText(
                self.tr("{total} dossiers ont dépassé leur durée de conservation ; les {shown} "
                        "plus anciens sont affichés.").format(
                    total=review.total, shown=len(review.cases)
                )
            )  # fmt: skip
        else:
            self.count_label.setText(
                self.tr("{total} dossier(s) ont dépassé leur durée de conservation.").format(
                    total=review.total
                )
            )
        self.table.setRowCount(len(self._cases))
        for row, case in enumerate(self._cases):
            reference = (
                self.tr("Dernière consultation, {day}")
                if case.reference_kind is ReferenceKind.CONSULTATION
                else self.tr("Création du dossier, {day}")
            ).format(day=_day(case.reference))
            cells = (
                case.display_name,
                _day(case.birth_date),
                reference,
                _day(case.term),
                _day(case.extended_until),
                self.tr("Supprimé (corbeille)") if case.deleted else self.tr("Actif"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._on_table_item_selection_changed()

    def selected_case(self) -> RetentionCase | None:
        rows = self.table.selectionModel().selectedRows()
        return self._cases[rows[0].row()] if rows else None

    def _on_table_item_selection_changed(self) -> None:
        selected = self.selected_case() is not None
        self.extend_button.setEnabled(selected)
        self.erase_button.setEnabled(selected)

    def _on_extend_button_clicked(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        self.error_label.clear()
        extension = RetentionExtension(
            self.until_edit.date().toPython(),  # type: ignore[arg-type]
            self.reason_edit.text(),
        )
        try:
            retention.extend_retention(self._session, case.patient_id, extension)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            if not isinstance(error, FieldError):
                self.reload()
            return
        self.reason_edit.clear()
        self.reload()

    def _on_erase_button_clicked(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        question = self.tr(
            "Effacer définitivement le dossier de {name} (identité, rendez-vous, documents, "
            "dossier médical) ? Le journal d'audit gardera seulement son numéro, la date et le "
            "motif « durée de conservation échue ». Les sauvegardes existantes le contiennent "
            "encore jusqu'à leur rotation."
        ).format(name=case.display_name)
        if not self._dialogs.confirm(self.tr("Effacer le dossier"), question):
            return
        try:
            erased = retention.erase_past_term(self._session, case.patient_id)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            self.reload()
            return
        self.reload()
        self.patients_erased.emit(erased)
