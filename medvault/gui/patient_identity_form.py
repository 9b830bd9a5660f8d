"""Identity and contact details of one patient: create or edit, one field per PatientForm field.

A refused field gets its message right under it (FieldError.field names it). The record's
version is kept from loading to saving, so a change made meanwhile elsewhere is refused in
plain words instead of being overwritten. Likely duplicates found on saving are listed with a
button to open each one and, for a profile allowed to, to merge the two files."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medvault.core.drafts import NEW_PATIENT_EDITOR_KEY
from medvault.core.errors import FieldError, KnownError, StaleWriteError
from medvault.core.patient import Patient, PatientForm, SavedPatient
from medvault.gui.editor_drafts import decode_fields, encode_fields
from medvault.gui.messages import language
from medvault.gui.patient_duplicates_panel import DuplicatesPanel
from medvault.gui.patient_list_model import phone_for_display
from medvault.gui.unsaved_changes import UnsavedEditor
from medvault.gui.widgets import ERROR_STYLE, SUCCESS_STYLE, WARNING_STYLE, message_label
from medvault.services import patients
from medvault.services.session import Session

_IDENTITY_LINES = (
    "birth_name",
    "used_name",
    "first_names",
    "used_first_name",
    "birth_date",
    "birth_place_insee",
    "nir",
)
_CONTACT_LINES = (
    "address",
    "postal_code",
    "city",
    "country",
    "phone_mobile",
    "phone_other",
    "email",
    "referring_physician",
)


class PatientIdentityForm(QWidget):
    """Emits patient_saved(Patient) after each successful save, duplicate_open_requested(id)
    and patients_merged(kept_id) from the list of likely duplicates."""

    patient_saved = Signal(object)
    duplicate_open_requested = Signal(int)
    patients_merged = Signal(int)

    def __init__(
        self,
        session: Session,
        patient: Patient | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patient_identity_form")
        self._session = session
        # Other editors of the same window: a merge reopens the file, so they count too.
        self.companion_editors: list[UnsavedEditor] = []
        self._patient: Patient | None = None
        self._lines: dict[str, QLineEdit] = {}
        self._errors: dict[str, QLabel] = {}
        self._combos: dict[str, QComboBox] = {}
        self._visual_order: list[QWidget] = []  # editors as laid out, for the Tab key
        self._notes = QPlainTextEdit()
        self._notes.setObjectName("admin_notes_edit")
        self._notes.setTabChangesFocus(True)
        self._notes.setMaximumHeight(90)

        identity = QGroupBox(self.tr("Identité"))
        identity.setObjectName("identity_group")
        identity_form = self._form(identity)
        labels = {
            "birth_name": self.tr("Nom de naissance *"),
            "used_name": self.tr("Nom d'usage"),
            "first_names": self.tr("Prénoms de naissance *"),
            "used_first_name": self.tr("Prénom d'usage"),
            "birth_date": self.tr("Date de naissance *"),
            "birth_place_insee": self.tr("Lieu de naissance (INSEE)"),
            "nir": self.tr("NIR / NIA"),
            "address": self.tr("Adresse"),
            "postal_code": self.tr("Code postal"),
            "city": self.tr("Ville"),
            "country": self.tr("Pays (code ISO)"),
            "phone_mobile": self.tr("Téléphone portable"),
            "phone_other": self.tr("Autre téléphone"),
            "email": self.tr("E-mail"),
            "referring_physician": self.tr("Médecin traitant"),
        }
        placeholders = {
            "first_names": self.tr("séparés par des espaces"),
            "birth_date": self.tr("jj/mm/aaaa"),
            "birth_place_insee": self.tr("ex. 75056"),
            "nir": self.tr("15 caractères"),
            "phone_mobile": self.tr("06 12 34 56 78"),
        }
        for name in _IDENTITY_LINES[:4]:
            self._add_line(identity_form, name, labels[name], placeholders.get(name, ""))
        self._add_combo(
            identity_form,
            "sex",
            self.tr("Sexe *"),
            [
                ("", "—"),
                ("F", self.tr("Féminin")),
                ("M", self.tr("Masculin")),
                ("I", self.tr("Indéterminé")),
            ],
        )
        for name in _IDENTITY_LINES[4:]:
            self._add_line(identity_form, name, labels[name], placeholders.get(name, ""))
        self._add_combo(
            identity_form,
            "nir_kind",
            self.tr("Type d'identifiant"),
            [("", self.tr("Déduit du numéro")), ("NIR", "NIR"), ("NIA", "NIA")],
        )
        self._add_combo(
            identity_form,
            "identity_status",
            self.tr("Statut de l'identité"),
            [
                ("provisional", self.tr("Provisoire")),
                ("retrieved", self.tr("Récupérée")),
                ("validated", self.tr("Validée")),
                ("qualified", self.tr("Qualifiée")),
            ],
        )

        contact = QGroupBox(self.tr("Coordonnées"))
        contact.setObjectName("contact_group")
        contact_form = self._form(contact)
        for name in _CONTACT_LINES:
            self._add_line(contact_form, name, labels[name], placeholders.get(name, ""))
        self._add_row(contact_form, "admin_notes", self.tr("Notes administratives"), self._notes)

        self._build_bottom()
        columns = QHBoxLayout()
        columns.addWidget(identity, 1)
        columns.addWidget(contact, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self._message, 1)
        buttons.addWidget(self._reload_button)
        buttons.addWidget(self._save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.duplicates)
        layout.addStretch(1)
        layout.addLayout(buttons)

        # Tab follows the screen: identity column, then contact column, then the buttons.
        for first, second in pairwise(
            [*self._visual_order, self._reload_button, self._save_button]
        ):
            QWidget.setTabOrder(first, second)

        self._save_button.clicked.connect(self._on_save_button_clicked)
        self._reload_button.clicked.connect(self._on_reload_button_clicked)
        self._load(patient)

    def _build_bottom(self) -> None:
        self._message = message_label("form_message_label")
        self._reload_button = QPushButton(self.tr("Recharger la fiche"))
        self._reload_button.setObjectName("reload_button")
        self._reload_button.hide()
        self._save_button = QPushButton(self.tr("Enregistrer"))
        self._save_button.setObjectName("save_button")
        self._save_button.setDefault(True)
        self._save_button.setToolTip(self.tr("Enregistrer la fiche (Ctrl+S)"))
        self.duplicates = DuplicatesPanel(self._session)
        self.duplicates.open_requested.connect(self.duplicate_open_requested)
        self.duplicates.merge_requested.connect(self._on_duplicates_merge_requested)
        self.duplicates.merged.connect(self.patients_merged)

    # -- building ------------------------------------------------------------------------------
    def _form(self, group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        return form

    def _add_row(self, form: QFormLayout, name: str, label: str, editor: QWidget) -> None:
        error = message_label(f"{name}_error")
        error.hide()
        self._errors[name] = error
        self._visual_order.append(editor)
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(editor)
        cell.addWidget(error)
        form.addRow(label, cell)

    def _add_line(self, form: QFormLayout, name: str, label: str, placeholder: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(f"{name}_edit")
        edit.setPlaceholderText(placeholder)
        self._lines[name] = edit
        self._add_row(form, name, label, edit)

    def _add_combo(
        self, form: QFormLayout, name: str, label: str, choices: list[tuple[str, str]]
    ) -> None:
        combo = QComboBox()
        combo.setObjectName(f"{name}_combo")
        for value, text in choices:
            combo.addItem(text, value)
        self._combos[name] = combo
        self._add_row(form, name, label, combo)

    # -- state ---------------------------------------------------------------------------------
    @property
    def patient(self) -> Patient | None:
        return self._patient

    def editor(self, name: str) -> QWidget:
        return self._lines.get(name) or self._combos.get(name) or self._notes

    def _typed(self) -> tuple[dict[str, str], dict[str, str]]:
        """The line fields' text and the choices' codes, by field name."""
        text = {name: edit.text() for name, edit in self._lines.items()}
        choice = {name: str(combo.currentData()) for name, combo in self._combos.items()}
        return text, choice

    def form(self) -> PatientForm:
        """What the fields hold now, as typed."""
        text, choice = self._typed()
        return PatientForm(
            birth_name=text["birth_name"],
            first_names=text["first_names"],
            sex=choice["sex"],
            birth_date=text["birth_date"],
            used_name=text["used_name"],
            used_first_name=text["used_first_name"],
            birth_place_insee=text["birth_place_insee"],
            nir=text["nir"],
            nir_kind=choice["nir_kind"] or None,
            identity_status=choice["identity_status"],
            address=text["address"],
            postal_code=text["postal_code"],
            city=text["city"],
            country=text["country"],
            phone_mobile=text["phone_mobile"],
            phone_other=text["phone_other"],
            email=text["email"],
            referring_physician=text["referring_physician"],
            admin_notes=self._notes.toPlainText(),
        )

    def has_unsaved_changes(self) -> bool:
        return self.form() != self._baseline

    # -- drafts (kept encrypted when the session locks mid-edit) --------------------------------
    def pending_draft(self) -> tuple[str, str] | None:
        """(editor key, typed fields) when something typed is unsaved: "identity" for an
        existing file, NEW_PATIENT_EDITOR_KEY for a file not created yet."""
        if not self.has_unsaved_changes():
            return None
        text, choice = self._typed()
        notes = {"admin_notes": self._notes.toPlainText()}
        key = "identity" if self._patient is not None else NEW_PATIENT_EDITOR_KEY
        return key, encode_fields({"lines": text, "choices": choice, "notes": notes})

    def restore_draft(self, content: str) -> bool:
        groups = decode_fields(content, ("lines", "choices", "notes"))
        if groups is None:
            return False
        for name, edit in self._lines.items():
            edit.setText(str(groups["lines"].get(name) or ""))
        for name, combo in self._combos.items():
            combo.setCurrentIndex(max(0, combo.findData(str(groups["choices"].get(name) or ""))))
        self._notes.setPlainText(str(groups["notes"].get("admin_notes") or ""))
        self._show_message(self.tr("Brouillon restauré : relisez puis enregistrez."), WARNING_STYLE)
        return True

    def _on_duplicates_merge_requested(self, found_id: int) -> None:
        editors = [self, *self.companion_editors]
        if any(editor.has_unsaved_changes() for editor in editors):
            self.duplicates.show_error(self.tr("Enregistrez d'abord vos modifications."))
            return
        self.duplicates.ask_merge(found_id)

    def _load(self, patient: Patient | None) -> None:
        self._patient = patient
        form = (
            PatientForm.from_data(patient.data)
            if patient is not None
            else PatientForm(birth_name="", first_names="", sex="", birth_date="")
        )
        values = {name: getattr(form, name) for name in (*_IDENTITY_LINES, *_CONTACT_LINES)}
        values["first_names"] = " ".join(form.first_names)
        for phone in ("phone_mobile", "phone_other"):
            values[phone] = phone_for_display(str(values[phone]))
        if not isinstance(form.birth_date, str):
            values["birth_date"] = form.birth_date.strftime("%d/%m/%Y")
        for name, edit in self._lines.items():
            edit.setText(str(values[name]))
        for name, combo in self._combos.items():
            value = getattr(form, name)
            combo.setCurrentIndex(max(0, combo.findData("" if value is None else str(value))))
        self._notes.setPlainText(form.admin_notes)
        self._baseline = self.form()
        self._clear_messages()

    def _clear_messages(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        self._message.clear()
        self._reload_button.hide()

    def _show_message(self, text: str, style: str) -> None:
        self._message.setStyleSheet(style)
        self._message.setText(text)

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        """Create or update; True when written. A refusal is shown and nothing is written."""
        self._clear_messages()
        try:
            saved = self._write(self.form())
        except FieldError as error:
            self._show_field_error(error)
            return False
        except StaleWriteError as error:
            self._show_message(error.message(language()), ERROR_STYLE)
            self._reload_button.show()
            return False
        except KnownError as error:
            self._show_message(error.message(language()), ERROR_STYLE)
            return False
        self._load(saved.patient)
        self.duplicates.show_duplicates(saved.patient, saved.possible_duplicates)
        self._show_message(self.tr("Fiche enregistrée."), SUCCESS_STYLE)
        self.patient_saved.emit(saved.patient)
        return True

    def _write(self, form: PatientForm) -> SavedPatient:
        if self._patient is None:
            return patients.create_patient(self._session, form)
        return patients.update_patient(
            self._session, self._patient.id, form, expected_version=self._patient.version
        )

    def _show_field_error(self, error: FieldError) -> None:
        label = self._errors.get(error.field)
        if label is None:
            self._show_message(error.message(language()), ERROR_STYLE)
            return
        label.setText(error.message(language()))
        label.show()
        self._show_message(
            self.tr("La fiche n'a pas été enregistrée : voir ci-dessus."), ERROR_STYLE
        )
        self.editor(error.field).setFocus()

    def _on_save_button_clicked(self) -> None:
        self.save()

    def _on_reload_button_clicked(self) -> None:
        if self._patient is None:
            return
        try:
            current = patients.get_patient(self._session, self._patient.id)
        except KnownError as error:
            self._show_message(error.message(language()), ERROR_STYLE)
            return
        self._load(current)
        self._show_message(
            self.tr("Fiche rechargée : vos modifications ont été ignorées."), WARNING_STYLE
        )
