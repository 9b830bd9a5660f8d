"""One consultation: date, reason, SOAP notes and vitals; the body mass index is computed while
weight and height are typed (never typed in, never stored)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medvault.core.clinical_consultation import (
    Consultation,
    ConsultationData,
    SoapNotes,
    Vitals,
    body_mass_index,
)
from medvault.core.errors import FieldError, KnownError
from medvault.gui.clinical_fields import FieldGrid, FieldKind, FieldSpec, format_number
from medvault.gui.editor_drafts import decode_fields, encode_fields
from medvault.gui.messages import language
from medvault.gui.widgets import ERROR_STYLE, SUCCESS_STYLE, WARNING_STYLE, message_label
from medvault.services import clinical_consultations
from medvault.services.session import Session

_SOAP = ("subjective", "objective", "assessment", "plan")
_VITALS = (
    "weight_kg",
    "height_cm",
    "systolic_mmhg",
    "diastolic_mmhg",
    "pulse_bpm",
    "temperature_c",
)


class ConsultationEditor(QWidget):
    """Emits consultation_saved(Consultation) after each successful save."""

    consultation_saved = Signal(object)

    def __init__(self, session: Session, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultation_editor")
        self._session = session
        self._patient_id = patient_id
        self._current: Consultation | None = None
        notes_form = QFormLayout()
        notes_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._notes = FieldGrid(
            notes_form,
            (
                FieldSpec("consulted_on", self.tr("Date *"), FieldKind.DATE),
                FieldSpec("reason", self.tr("Motif *")),
                FieldSpec("subjective", self.tr("S — Subjectif"), FieldKind.TEXT),
                FieldSpec("objective", self.tr("O — Objectif (examen)"), FieldKind.TEXT),
                FieldSpec("assessment", self.tr("A — Évaluation"), FieldKind.TEXT),
                FieldSpec("plan", self.tr("P — Plan"), FieldKind.TEXT),
            ),
            "consultation",
        )
        vitals_box = QGroupBox(self.tr("Constantes"))
        vitals_form = QFormLayout(vitals_box)
        self._vitals = FieldGrid(
            vitals_form,
            (
                FieldSpec("weight_kg", self.tr("Poids (kg)"), FieldKind.NUMBER),
                FieldSpec("height_cm", self.tr("Taille (cm)"), FieldKind.NUMBER),
                FieldSpec("systolic_mmhg", self.tr("PA systolique (mmHg)"), FieldKind.NUMBER),
                FieldSpec("diastolic_mmhg", self.tr("PA diastolique (mmHg)"), FieldKind.NUMBER),
                FieldSpec("pulse_bpm", self.tr("Pouls (bpm)"), FieldKind.NUMBER),
                FieldSpec("temperature_c", self.tr("Température (°C)"), FieldKind.NUMBER),
            ),
            "consultation",
        )
        self._bmi_label = QLabel()
        self._bmi_label.setObjectName("bmi_label")
        vitals_form.addRow(self.tr("IMC"), self._bmi_label)
        self._title = QLabel()
        self._title.setObjectName("consultation_title")
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._message = message_label("consultation_message")
        self._save_button = QPushButton(self.tr("Enregistrer la consultation"))
        self._save_button.setObjectName("consultation_save_button")

        columns = QHBoxLayout()
        columns.addLayout(notes_form, 3)
        side = QVBoxLayout()
        side.addWidget(vitals_box)
        side.addStretch(1)
        columns.addLayout(side, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self._message, 1)
        buttons.addWidget(self._save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

        for name in ("weight_kg", "height_cm"):
            edit = self._vitals.editor(name)
            assert isinstance(edit, QLineEdit)
            edit.textChanged.connect(self._on_measure_text_changed)
        self._save_button.clicked.connect(self._on_save_button_clicked)
        self.edit(None)

    @property
    def current(self) -> Consultation | None:
        """The consultation being edited, None for a new one."""
        return self._current

    def edit(self, consultation: Consultation | None) -> None:
        """Show a consultation, or an empty one dated today (None)."""
        self._current = consultation
        if consultation is None:
            self._title.setText(self.tr("Nouvelle consultation"))
            self._notes.set_values({"consulted_on": self._today()})
            self._vitals.set_values({})
        else:
            data = consultation.data
            self._title.setText(
                self.tr("Consultation du {date}").format(
                    date=data.consulted_on.strftime("%d/%m/%Y")
                )
            )
            notes = {name: getattr(data.notes, name) for name in _SOAP}
            self._notes.set_values(
                {"consulted_on": data.consulted_on, "reason": data.reason, **notes}
            )
            self._vitals.set_values({name: getattr(data.vitals, name) for name in _VITALS})
        self._baseline = self._raw()
        self._notes.clear_errors()
        self._vitals.clear_errors()
        self._message.clear()
        self._on_measure_text_changed()

    def _today(self) -> date:
        return self._session.config.clock.now().astimezone().date()

    def _raw(self) -> tuple[dict[str, object], dict[str, object]]:
        return self._notes.raw(), self._vitals.raw()

    def has_unsaved_changes(self) -> bool:
        return self._raw() != self._baseline

    # -- drafts (kept encrypted when the session locks mid-edit) --------------------------------
    def draft_key(self) -> str:
        return "consultation:new" if self._current is None else f"consultation:{self._current.id}"

    def draft_content(self) -> str:
        notes, vitals = self._raw()
        return encode_fields({"notes": notes, "vitals": vitals})

    def apply_draft(self, content: str) -> bool:
        """Put typed text back over the consultation being edited; it stays unsaved."""
        groups = decode_fields(content, ("notes", "vitals"))
        if groups is None:
            return False
        self._notes.set_values(groups["notes"])
        self._vitals.set_values(groups["vitals"])
        self._on_measure_text_changed()
        self._show(
            self.tr("Brouillon restauré : relisez puis enregistrez la consultation."),
            WARNING_STYLE,
        )
        return True

    def bmi_text(self) -> str:
        return self._bmi_label.text()

    def _on_measure_text_changed(self) -> None:
        try:
            values = self._vitals.values()
            bmi = body_mass_index(values["weight_kg"], values["height_cm"])
        except (FieldError, ZeroDivisionError):
            bmi = None
        self._bmi_label.setText("—" if bmi is None else f"{format_number(bmi)} kg/m²")

    def _data(self) -> ConsultationData:
        notes, vitals = self._notes.values(), self._vitals.values()
        return ConsultationData(
            consulted_on=notes["consulted_on"],
            reason=notes["reason"],
            notes=SoapNotes(**{name: notes[name] for name in _SOAP}),
            vitals=Vitals(**vitals),
        )

    def save(self) -> bool:
        self._notes.clear_errors()
        self._vitals.clear_errors()
        self._message.clear()
        try:
            data = self._data()
            if self._current is None:
                saved = clinical_consultations.create_consultation(
                    self._session, self._patient_id, data
                )
            else:
                saved = clinical_consultations.update_consultation(
                    self._session, self._current.id, data, expected_version=self._current.version
                )
        except FieldError as error:
            if not (self._notes.show_error(error) or self._vitals.show_error(error)):
                self._show(error.message(language()), ERROR_STYLE)
            return False
        except KnownError as error:
            self._show(error.message(language()), ERROR_STYLE)
            return False
        self.edit(saved)
        self._show(self.tr("Consultation enregistrée."), SUCCESS_STYLE)
        self.consultation_saved.emit(saved)
        return True

    def _show(self, text: str, style: str) -> None:
        self._message.setStyleSheet(style)
        self._message.setText(text)

    def _on_save_button_clicked(self) -> None:
        self.save()
