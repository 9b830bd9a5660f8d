"""Audit records as a lazily fetched table, newest first.

The model holds an AuditCursor (a filter resolved by the services) and asks for one page at a
time as the view scrolls: the log may hold millions of records, none is read before it is
needed, and nothing is sorted or filtered in Python."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from medvault.core.audit_query import AuditCursor, AuditEntry
from medvault.core.errors import KnownError
from medvault.gui.messages import language, role_label
from medvault.services import audit_view
from medvault.services.session import Session

PAGE_SIZE = 200
COLUMN_KEYS = (
    "seq",
    "timestamp",
    "user",
    "role",
    "action",
    "area",
    "patient",
    "target",
    "outcome",
    "archived",
)
ModelIndex = QModelIndex | QPersistentModelIndex

translate = QCoreApplication.translate


def column_headers() -> tuple[str, ...]:
    return (
        translate("audit", "N°"),
        translate("audit", "Date et heure"),
        translate("audit", "Utilisateur"),
        translate("audit", "Profil"),
        translate("audit", "Action"),
        translate("audit", "Domaine"),
        translate("audit", "N° patient"),
        translate("audit", "Objet"),
        translate("audit", "Résultat"),
        translate("audit", "Archivé"),
    )


def action_labels() -> dict[str, str]:
    """French words for the action codes (the code itself for any other)."""
    return {
        "vault_create": translate("audit", "Création du coffre"),
        "login": translate("audit", "Connexion"),
        "failed_login": translate("audit", "Connexion refusée"),
        "logout": translate("audit", "Déconnexion"),
        "lock": translate("audit", "Verrouillage"),
        "unlock": translate("audit", "Déverrouillage"),
        "read": translate("audit", "Consultation"),
        "create": translate("audit", "Création"),
        "update": translate("audit", "Modification"),
        "delete": translate("audit", "Suppression"),
        "export": translate("audit", "Export"),
        "print": translate("audit", "Impression"),
        "backup": translate("audit", "Sauvegarde"),
        "restore": translate("audit", "Restauration"),
        "user_add": translate("audit", "Ajout d'utilisateur"),
        "user_disable": translate("audit", "Désactivation d'utilisateur"),
        "user_password_change": translate("audit", "Changement de mot de passe"),
        "user_password_reset": translate("audit", "Nouveau mot de passe provisoire"),
        "key_rotation": translate("audit", "Renouvellement des clés"),
        "recovery_unlock": translate("audit", "Ouverture par code de secours"),
        "vault_check": translate("audit", "Vérification"),
        "draft_save": translate("audit", "Brouillon enregistré"),
        "draft_restore": translate("audit", "Brouillon repris"),
        "draft_discard": translate("audit", "Brouillon abandonné"),
        "settings_change": translate("audit", "Changement de réglage"),
        "audit_archive": translate("audit", "Archivage du journal"),
        "rights_review": translate("audit", "Revue des droits"),
    }


def area_labels() -> dict[str, str]:
    return {
        "administrative": translate("audit", "Administratif"),
        "clinical": translate("audit", "Médical"),
        "system": translate("audit", "Système"),
    }


def outcome_labels() -> dict[str, str]:
    return {
        "success": translate("audit", "Réussi"),
        "denied": translate("audit", "Refusé"),
        "error": translate("audit", "Erreur"),
    }


def local_time(iso: str) -> str:
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return iso
    return moment.toLocalTime().toString("dd/MM/yyyy HH:mm:ss")


class AuditTableModel(QAbstractTableModel):
    """Empty until set_cursor(); emits load_failed(message) when a page cannot be read."""

    load_failed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._headers = column_headers()
        self._actions = action_labels()
        self._areas = area_labels()
        self._outcomes = outcome_labels()
        self._rows: list[AuditEntry] = []
        self._cursor: AuditCursor | None = None
        self._has_more = False
        self._fetching = False

    # -- what the view reads ---------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # The tooltip shows a long target (an archive checkpoint) in full.
            return self._text(self._rows[index.row()], COLUMN_KEYS[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMN_KEYS[index.column()] in (
            "seq",
            "patient",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def _text(self, entry: AuditEntry, key: str) -> str:
        record = entry.record
        if key == "seq":
            return str(record.seq)
        if key == "timestamp":
            return local_time(record.timestamp)
        if key == "user":
            return record.user_login or translate("audit", "(code de secours)")
        if key == "role":
            return role_label(record.role) if record.role else ""
        if key == "action":
            return self._actions.get(record.action, record.action)
        if key == "area":
            return self._areas.get(record.area, record.area)
        if key == "patient":
            return record.patient_id or ""
        if key == "target":
            return record.target or ""
        if key == "outcome":
            return self._outcomes.get(record.outcome, record.outcome)
        return translate("audit", "oui") if entry.archived else ""

    def entry(self, row: int) -> AuditEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- lazy fetching ---------------------------------------------------------------------------
    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: ModelIndex) -> None:
        if not self.canFetchMore(parent) or self._cursor is None:
            return
        self._fetching = True  # a view may ask again while rows are being inserted
        try:
            page = self._page(self._cursor)
            self._has_more = len(page) == PAGE_SIZE
            if page:
                self._cursor = self._cursor.after(page)
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        finally:
            self._fetching = False

    def _page(self, cursor: AuditCursor) -> list[AuditEntry]:
        try:
            return audit_view.audit_page(self._session, cursor, PAGE_SIZE)
        except KnownError as error:
            self.load_failed.emit(error.message(language()))
            return []

    def set_cursor(self, cursor: AuditCursor | None) -> None:
        """Show a new view from its first page (None: empty)."""
        self.beginResetModel()
        try:
            self._rows, self._cursor, self._has_more = [], cursor, False
            if cursor is not None:
                page = self._page(cursor)
                self._rows = page
                self._cursor = cursor.after(page)
                self._has_more = len(page) == PAGE_SIZE
        finally:
            self.endResetModel()

    def clear(self) -> None:
        self.set_cursor(None)


def audit_table_view(model: AuditTableModel, name: str) -> QTableView:
    """A read-only view of audit records, with column widths that fit their contents."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(COLUMN_KEYS.index("target"), QHeaderView.ResizeMode.Stretch)
    for column, width in enumerate((70, 140, 100, 130, 190, 100, 80, 150, 80, 60)):
        table.setColumnWidth(column, width)
    return table
