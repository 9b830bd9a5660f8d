"""The users screen (practitioners only): list accounts, add one, give a new one-time password,
disable one, and rotate the vault keys after a departure. It also flags accounts unused for a
while and reminds the practitioner, once a year, to review who may open the vault."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medvault.core.errors import KnownError
from medvault.core.permissions import Permission, Role
from medvault.core.rights_review import MAX_UNUSED_DAYS, MIN_UNUSED_DAYS, RightsReviewStatus
from medvault.core.users import User
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import role_label
from medvault.gui.settings_store import interface_language
from medvault.gui.widgets import SUCCESS_STYLE, WARNING_STYLE, message_label, muted_text_colour
from medvault.services.key_rotation import rotate_keys
from medvault.services.rights_review import (
    record_rights_review,
    rights_review_status,
    set_unused_days,
)
from medvault.services.session import Session
from medvault.services.users import add_user, disable_user, list_users, reset_password

_COLUMNS = 7


class UsersDialog(QDialog):
    """Raises PermissionDeniedError (audited by the service) when the session may not list
    users; `available_to` tells a menu whether to offer the screen at all."""

    def __init__(
        self, session: Session, *, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._dialogs = dialogs
        self._users: list[User] = []
        self._unused_days: int | None = None
        self.setObjectName("users_dialog")
        self.setWindowTitle(self.tr("Utilisateurs du coffre"))

        self.table = QTableWidget(0, _COLUMNS)
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Identifiant"),
                self.tr("Nom"),
                self.tr("Profil"),
                self.tr("Actif"),
                self.tr("Mot de passe à changer"),
                self.tr("Dernière connexion"),
                self.tr("À revoir"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.reset_button = self._button("reset_button", self.tr("Nouveau mot de passe…"))
        self.reset_button.setToolTip(
            self.tr("Donne un mot de passe provisoire ; réactive aussi un compte désactivé.")
        )
        self.disable_button = self._button("disable_button", self.tr("Désactiver…"))
        self.rotate_button = self._button("rotate_button", self.tr("Renouveler les clés…"))
        self.rotate_button.setToolTip(
            self.tr(
                "Rechiffre le coffre avec de nouvelles clés (après le départ d'un utilisateur)."
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.reset_button)
        row.addWidget(self.disable_button)
        row.addStretch(1)
        row.addWidget(self.rotate_button)

        self.error_label = message_label("error_label")
        self.status_label = message_label("status_label", SUCCESS_STYLE)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self._review_box())
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self._add_box())
        layout.addWidget(self.error_label)
        layout.addWidget(self.status_label)
        layout.addWidget(close)
        self.resize(900, 680)
        self._connect()
        self._reload()  # list_users refuses (and audits) a profile without USERS_LIST

    def _connect(self) -> None:
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.disable_button.clicked.connect(self._on_disable_button_clicked)
        self.rotate_button.clicked.connect(self._on_rotate_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.review_done_button.clicked.connect(self._on_review_done_button_clicked)
        self.unused_days_spin.editingFinished.connect(self._on_unused_days_spin_editing_finished)

    @property
    def session(self) -> Session:
        return self._session

    @staticmethod
    def available_to(session: Session) -> bool:
        policy = session.config.policy
        return policy.is_allowed(session.role, Permission.USERS_MANAGE)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    def _review_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Revue des droits"))
        self.review_label = QLabel()
        self.review_label.setObjectName("review_label")
        self.review_label.setWordWrap(True)
        self.review_done_button = self._button(
            "review_done_button", self.tr("Revue effectuée aujourd'hui")
        )
        self.review_done_button.setToolTip(
            self.tr(
                "Après avoir vérifié que chaque compte actif correspond à une personne présente "
                "et au bon profil."
            )
        )
        self.unused_days_spin = QSpinBox()
        self.unused_days_spin.setObjectName("unused_days_spin")
        self.unused_days_spin.setRange(MIN_UNUSED_DAYS, MAX_UNUSED_DAYS)
        self.unused_days_spin.setSuffix(self.tr(" jours"))
        top = QHBoxLayout()
        top.addWidget(self.review_label, 1)
        top.addWidget(self.review_done_button)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Signaler les comptes inutilisés depuis")))
        bottom.addWidget(self.unused_days_spin)
        bottom.addStretch(1)
        column = QVBoxLayout(box)
        column.addLayout(top)
        column.addLayout(bottom)
        return box

    def _show_review(self, status: RightsReviewStatus | None) -> None:
        self.review_label.setStyleSheet(WARNING_STYLE if status and status.review_due else "")
        if status is None:
            self.review_label.setText("")
            return
        if status.last_review_at:
            text = self.tr("Dernière revue des droits : {date}.").format(
                date=self._when(status.last_review_at).split(" ")[0]
            )
        else:
            text = self.tr("Aucune revue des droits enregistrée.")
        if status.review_due:
            text += " " + self.tr(
                "Une revue annuelle est due : vérifiez chaque compte et son profil, désactivez "
                "ceux qui ne servent plus, puis indiquez que la revue est faite."
            )
        unused = status.unused_logins
        if unused:
            text += " " + self.tr("{count} compte(s) inutilisé(s) à examiner.").format(
                count=len(unused)
            )
        self.review_label.setText(text)
        self._unused_days = status.unused_days
        self.unused_days_spin.blockSignals(True)
        self.unused_days_spin.setValue(status.unused_days)
        self.unused_days_spin.blockSignals(False)

    def _add_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ajouter un utilisateur"))
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("new_login_edit")
        self.login_edit.setMaxLength(32)
        self.login_edit.setPlaceholderText(self.tr("minuscules, chiffres, . - _ (ex. : accueil2)"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("new_name_edit")
        self.name_edit.setMaxLength(100)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("new_role_combo")
        self.role_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for role in (Role.RECEPTIONIST, Role.PRACTITIONER):
            self.role_combo.addItem(role_label(role), role.value)  # Qt keeps a plain str
        self.add_button = self._button("add_button", self.tr("Ajouter"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Identifiant"), self.login_edit)
        form.addRow(self.tr("Nom affiché"), self.name_edit)
        form.addRow(self.tr("Profil"), self.role_combo)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        form.addRow(add_row)
        return box

    # -- table ----------------------------------------------------------------------------------
    def _reload(self) -> None:
        self._users = list_users(self._session)
        status = rights_review_status(self._session) if self.available_to(self._session) else None
        unused = set(status.unused_logins) if status else set()
        self._show_review(status)
        self.table.setRowCount(len(self._users))
        yes, no = self.tr("oui"), self.tr("non")
        flag = self.tr("inutilisé depuis plus de {days} j").format(
            days=status.unused_days if status else ""
        )
        for row, user in enumerate(self._users):
            cells = (
                user.login,
                user.display_name,
                role_label(user.role),
                yes if user.active else no,
                yes if user.must_change_password else no,
                self._when(user.last_login_at),
                flag if user.login in unused else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(
                        muted_text_colour(
                            self.palette(), QPalette.ColorRole.Text, QPalette.ColorRole.Base
                        )
                    )
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _when(self, iso: str | None) -> str:
        if not iso:
            return self.tr("jamais")
        moment = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
        if not moment.isValid():
            moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
        return moment.toLocalTime().toString("dd/MM/yyyy HH:mm") if moment.isValid() else iso

    def selected_user(self) -> User | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self._users[rows.pop()] if len(rows) == 1 else None

    def select_login(self, login: str) -> None:
        for row, user in enumerate(self._users):
            if user.login == login:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected_user()
        is_self = user is not None and user.login == self._session.login
        self.reset_button.setEnabled(user is not None and not is_self)
        self.disable_button.setEnabled(user is not None and user.active and not is_self)

    def _on_table_item_selection_changed(self) -> None:
        self._update_buttons()

    # -- actions --------------------------------------------------------------------------------
    def _run(self, action: Callable[[], object]) -> bool:
        """Run a service call; a known error goes to the error label in plain words."""
        self.error_label.clear()
        self.status_label.clear()
        try:
            action()
        except KnownError as error:
            self.error_label.setText(error.message(interface_language()))
            return False
        return True

    def _show_one_time_password(self, login: str, password: str) -> None:
        self._dialogs.show_secret(
            self.tr("Mot de passe provisoire"),
            self.tr(
                "Mot de passe provisoire de « {login} ». Il ne sera plus affiché : notez-le ou "
                "sélectionnez-le puis copiez-le (Ctrl+C), et remettez-le à la personne en main "
                "propre. Elle devra le remplacer à sa première connexion."
            ).format(login=login),
            password,
        )

    def _on_review_done_button_clicked(self) -> None:
        if self._run(lambda: record_rights_review(self._session)):
            self._run(self._reload)
            self.status_label.setText(self.tr("Revue des droits enregistrée."))

    def _on_unused_days_spin_editing_finished(self) -> None:
        days = self.unused_days_spin.value()
        if days == self._unused_days:
            return  # focus left the field without a change: nothing to record
        if self._run(lambda: set_unused_days(self._session, days)):
            self._run(self._reload)

    def _on_add_button_clicked(self) -> None:
        login = self.login_edit.text().strip()
        role = Role(self.role_combo.currentData())
        created: list[str] = []

        def add() -> None:
            created.append(
                add_user(self._session, login=login, display_name=self.name_edit.text(), role=role)
            )

        if not self._run(add):
            return
        self.login_edit.clear()
        self.name_edit.clear()
        self._run(self._reload)
        self.select_login(login)
        self._show_one_time_password(login, created[0])

    def _on_reset_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None or not self._dialogs.confirm(
            self.tr("Nouveau mot de passe"),
            self.tr(
                "Donner un nouveau mot de passe provisoire à « {login} » ? Son mot de passe "
                "actuel ne fonctionnera plus."
            ).format(login=user.login),
        ):
            return
        issued: list[str] = []
        if not self._run(lambda: issued.append(reset_password(self._session, login=user.login))):
            return
        self._run(self._reload)
        self.select_login(user.login)
        self._show_one_time_password(user.login, issued[0])

    def _on_disable_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None or not self._dialogs.confirm(
            self.tr("Désactiver un utilisateur"),
            self.tr(
                "Désactiver « {login} » ? Son mot de passe n'ouvrira plus le coffre. Son "
                "historique reste dans le journal."
            ).format(login=user.login),
        ):
            return
        if not self._run(lambda: disable_user(self._session, login=user.login)):
            return
        self._run(self._reload)
        self.status_label.setText(self.tr("« {login} » est désactivé.").format(login=user.login))
        if self._dialogs.confirm(self.tr("Renouveler les clés"), self._rotation_text()):
            self._rotate()

    def _rotation_text(self) -> str:
        return self.tr(
            "Une personne qui a eu accès au coffre peut avoir conservé une copie de ses clés. "
            "Renouveler les clés rechiffre tout le coffre avec de nouvelles clés : les anciennes "
            "n'ouvriront plus rien. Les mots de passe des autres utilisateurs et le code de "
            "secours restent valables. Cela prend quelques secondes.\n\n"
            "Renouveler les clés maintenant ?"
        )

    def _on_rotate_button_clicked(self) -> None:
        if self._dialogs.confirm(self.tr("Renouveler les clés"), self._rotation_text()):
            self._rotate()

    def _rotate(self) -> None:
        self.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = self._run(lambda: rotate_keys(self._session))
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.setEnabled(True)
        if done:
            self.status_label.setText(self.tr("Les clés du coffre ont été renouvelées."))
