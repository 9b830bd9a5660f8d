"""The practitioner's tabs of a patient file: history, allergies (with the banner above the
tabs), treatments, vaccinations and consultations, all filled from one audited
open_clinical_file. Only ever built for a session holding the clinical key."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from medvault.core.clinical import (
    AllergyData,
    ClinicalFile,
    HistoryData,
    TreatmentData,
    VaccinationData,
)
from medvault.gui.clinical_allergy_banner import AllergyBanner
from medvault.gui.clinical_consultations_tab import ConsultationsTab
from medvault.gui.clinical_entries import EntryListTab, EntrySpec
from medvault.gui.clinical_fields import FieldKind, FieldSpec, format_date
from medvault.gui.dialogs import Dialogs
from medvault.gui.unsaved_changes import UnsavedEditor
from medvault.services.session import Session


def _tr(text: str) -> str:
    return QCoreApplication.translate("clinical_tabs", text)


def _label(choices: tuple[tuple[str, str], ...], value: object) -> str:
    return dict(choices).get(str(value), str(value))


def _specs() -> tuple[EntrySpec, ...]:
    history_kinds = (
        ("medical", _tr("Médical")),
        ("surgical", _tr("Chirurgical")),
        ("family", _tr("Familial")),
    )
    allergy_kinds = (("allergy", _tr("Allergie")), ("intolerance", _tr("Intolérance")))
    severities = (
        ("unknown", _tr("Non précisée")),
        ("mild", _tr("Légère")),
        ("moderate", _tr("Modérée")),
        ("severe", _tr("Sévère")),
    )

    def when(data: Any) -> str:
        return format_date(data.on_date) or (str(data.year) if data.year else "")

    def treatment_end(data: Any) -> str:
        return _tr("arrêté") if data.stopped else format_date(data.end_date)

    return (
        EntrySpec(
            HistoryData,
            "history",
            (
                FieldSpec("kind", _tr("Type *"), FieldKind.CHOICE, history_kinds),
                FieldSpec("label", _tr("Intitulé *")),
                FieldSpec("on_date", _tr("Date"), FieldKind.DATE),
                FieldSpec("year", _tr("ou année"), FieldKind.YEAR),
                FieldSpec("description", _tr("Description"), FieldKind.TEXT),
                FieldSpec("notes", _tr("Notes"), FieldKind.TEXT),
            ),
            (
                (_tr("Type"), lambda d: _label(history_kinds, d.kind)),
                (_tr("Intitulé"), lambda d: d.label),
                (_tr("Date"), when),
            ),
            _tr("Nouvel antécédent"),
        ),
        EntrySpec(
            AllergyData,
            "allergy",
            (
                FieldSpec("substance", _tr("Substance *")),
                FieldSpec("kind", _tr("Type"), FieldKind.CHOICE, allergy_kinds),
                FieldSpec("severity", _tr("Sévérité"), FieldKind.CHOICE, severities),
                FieldSpec("reaction", _tr("Réaction"), FieldKind.TEXT),
                FieldSpec("recorded_on", _tr("Constatée le"), FieldKind.DATE),
                FieldSpec("notes", _tr("Notes"), FieldKind.TEXT),
            ),
            (
                (_tr("Substance"), lambda d: d.substance),
                (_tr("Type"), lambda d: _label(allergy_kinds, d.kind)),
                (_tr("Sévérité"), lambda d: _label(severities, d.severity)),
            ),
            _tr("Nouvelle allergie"),
        ),
        EntrySpec(
            TreatmentData,
            "treatment",
            (
                FieldSpec("drug_name", _tr("Médicament *")),
                FieldSpec("dosage", _tr("Posologie")),
                FieldSpec("frequency", _tr("Fréquence")),
                FieldSpec("start_date", _tr("Début"), FieldKind.DATE),
                FieldSpec("end_date", _tr("Fin"), FieldKind.DATE),
                FieldSpec("stopped", _tr("Arrêté"), FieldKind.CHECK),
                FieldSpec("prescriber", _tr("Prescripteur")),
                FieldSpec("notes", _tr("Notes"), FieldKind.TEXT),
            ),
            (
                (_tr("Médicament"), lambda d: d.drug_name),
                (_tr("Posologie"), lambda d: " ".join(p for p in (d.dosage, d.frequency) if p)),
                (_tr("Début"), lambda d: format_date(d.start_date)),
                (_tr("Fin"), treatment_end),
            ),
            _tr("Nouveau traitement"),
        ),
        EntrySpec(
            VaccinationData,
            "vaccination",
            (
                FieldSpec("vaccine", _tr("Vaccin *")),
                FieldSpec("given_on", _tr("Date *"), FieldKind.DATE),
                FieldSpec("dose", _tr("Dose")),
                FieldSpec("lot_number", _tr("N° de lot")),
                FieldSpec("notes", _tr("Notes"), FieldKind.TEXT),
            ),
            (
                (_tr("Vaccin"), lambda d: d.vaccine),
                (_tr("Date"), lambda d: format_date(d.given_on)),
                (_tr("Dose"), lambda d: d.dose),
                (_tr("Lot"), lambda d: d.lot_number),
            ),
            _tr("Nouvelle vaccination"),
        ),
    )


class ClinicalTabs:
    """Adds the clinical tabs to a patient file's tab widget and keeps the banner current."""

    def __init__(
        self,
        session: Session,
        clinical_file: ClinicalFile,
        tabs: QTabWidget,
        banner: AllergyBanner,
        dialogs: Dialogs,
    ) -> None:
        patient_id = clinical_file.patient_id
        history, allergy, treatment, vaccination = _specs()
        self.history = EntryListTab(session, patient_id, history, clinical_file.history)
        self.allergies = EntryListTab(session, patient_id, allergy, clinical_file.allergies)
        self.treatments = EntryListTab(session, patient_id, treatment, clinical_file.treatments)
        self.vaccinations = EntryListTab(
            session, patient_id, vaccination, clinical_file.vaccinations
        )
        self.consultations = ConsultationsTab(
            session, patient_id, clinical_file.consultations, dialogs
        )
        tabs.addTab(self.consultations, _tr("Consultations"))
        tabs.addTab(self.history, _tr("Antécédents"))
        tabs.addTab(
            self.allergies, _tr("Allergies ({count})").format(count=len(clinical_file.allergies))
        )
        tabs.addTab(self.treatments, _tr("Traitements"))
        tabs.addTab(self.vaccinations, _tr("Vaccinations"))
        self._tabs = tabs
        self._banner = banner
        banner.show_entries(list(clinical_file.allergies))
        self.allergies.entries_changed.connect(self._on_allergies_entries_changed)

    def editors(self) -> list[UnsavedEditor]:
        return [
            self.consultations,
            self.history,
            self.allergies,
            self.treatments,
            self.vaccinations,
        ]

    def _on_allergies_entries_changed(self, entries: list[Any]) -> None:
        self._banner.show_entries(entries)
        index = self._tabs.indexOf(self.allergies)
        self._tabs.setTabText(index, _tr("Allergies ({count})").format(count=len(entries)))
