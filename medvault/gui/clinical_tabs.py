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

# Called by this name with literal arguments so that lupdate extracts every string.
translate = QCoreApplication.translate


def _label(choices: tuple[tuple[str, str], ...], value: object) -> str:
    return dict(choices).get(str(value), str(value))


def _specs() -> tuple[EntrySpec, ...]:
    history_kinds = (
        ("medical", translate("clinical_tabs", "Médical")),
        ("surgical", translate("clinical_tabs", "Chirurgical")),
        ("family", translate("clinical_tabs", "Familial")),
    )
    allergy_kinds = (
        ("allergy", translate("clinical_tabs", "Allergie")),
        ("intolerance", translate("clinical_tabs", "Intolérance")),
    )
    severities = (
        ("unknown", translate("clinical_tabs", "Non précisée")),
        ("mild", translate("clinical_tabs", "Légère")),
        ("moderate", translate("clinical_tabs", "Modérée")),
        ("severe", translate("clinical_tabs", "Sévère")),
    )

    def when(data: Any) -> str:
        return format_date(data.on_date) or (str(data.year) if data.year else "")

    def treatment_end(data: Any) -> str:
        return translate("clinical_tabs", "arrêté") if data.stopped else format_date(data.end_date)

    return (
        EntrySpec(
            HistoryData,
            "history",
            (
                FieldSpec(
                    "kind", translate("clinical_tabs", "Type *"), FieldKind.CHOICE, history_kinds
                ),
                FieldSpec("label", translate("clinical_tabs", "Intitulé *")),
                FieldSpec("on_date", translate("clinical_tabs", "Date"), FieldKind.DATE),
                FieldSpec("year", translate("clinical_tabs", "ou année"), FieldKind.YEAR),
                FieldSpec("description", translate("clinical_tabs", "Description"), FieldKind.TEXT),
                FieldSpec("notes", translate("clinical_tabs", "Notes"), FieldKind.TEXT),
            ),
            (
                (translate("clinical_tabs", "Type"), lambda d: _label(history_kinds, d.kind)),
                (translate("clinical_tabs", "Intitulé"), lambda d: d.label),
                (translate("clinical_tabs", "Date"), when),
            ),
            translate("clinical_tabs", "Nouvel antécédent"),
        ),
        EntrySpec(
            AllergyData,
            "allergy",
            (
                FieldSpec("substance", translate("clinical_tabs", "Substance *")),
                FieldSpec(
                    "kind", translate("clinical_tabs", "Type"), FieldKind.CHOICE, allergy_kinds
                ),
                FieldSpec(
                    "severity", translate("clinical_tabs", "Sévérité"), FieldKind.CHOICE, severities
                ),
                FieldSpec("reaction", translate("clinical_tabs", "Réaction"), FieldKind.TEXT),
                FieldSpec(
                    "recorded_on", translate("clinical_tabs", "Constatée le"), FieldKind.DATE
                ),
                FieldSpec("notes", translate("clinical_tabs", "Notes"), FieldKind.TEXT),
            ),
            (
                (translate("clinical_tabs", "Substance"), lambda d: d.substance),
                (translate("clinical_tabs", "Type"), lambda d: _label(allergy_kinds, d.kind)),
                (translate("clinical_tabs", "Sévérité"), lambda d: _label(severities, d.severity)),
            ),
            translate("clinical_tabs", "Nouvelle allergie"),
        ),
        EntrySpec(
            TreatmentData,
            "treatment",
            (
                FieldSpec("drug_name", translate("clinical_tabs", "Médicament *")),
                FieldSpec("dosage", translate("clinical_tabs", "Posologie")),
                FieldSpec("frequency", translate("clinical_tabs", "Fréquence")),
                FieldSpec("start_date", translate("clinical_tabs", "Début"), FieldKind.DATE),
                FieldSpec("end_date", translate("clinical_tabs", "Fin"), FieldKind.DATE),
                FieldSpec("stopped", translate("clinical_tabs", "Arrêté"), FieldKind.CHECK),
                FieldSpec("prescriber", translate("clinical_tabs", "Prescripteur")),
                FieldSpec("notes", translate("clinical_tabs", "Notes"), FieldKind.TEXT),
            ),
            (
                (translate("clinical_tabs", "Médicament"), lambda d: d.drug_name),
                (
                    translate("clinical_tabs", "Posologie"),
                    lambda d: " ".join(p for p in (d.dosage, d.frequency) if p),
                ),
                (translate("clinical_tabs", "Début"), lambda d: format_date(d.start_date)),
                (translate("clinical_tabs", "Fin"), treatment_end),
            ),
            translate("clinical_tabs", "Nouveau traitement"),
        ),
        EntrySpec(
            VaccinationData,
            "vaccination",
            (
                FieldSpec("vaccine", translate("clinical_tabs", "Vaccin *")),
                FieldSpec("given_on", translate("clinical_tabs", "Date *"), FieldKind.DATE),
                FieldSpec("dose", translate("clinical_tabs", "Dose")),
                FieldSpec("lot_number", translate("clinical_tabs", "N° de lot")),
                FieldSpec("notes", translate("clinical_tabs", "Notes"), FieldKind.TEXT),
            ),
            (
                (translate("clinical_tabs", "Vaccin"), lambda d: d.vaccine),
                (translate("clinical_tabs", "Date"), lambda d: format_date(d.given_on)),
                (translate("clinical_tabs", "Dose"), lambda d: d.dose),
                (translate("clinical_tabs", "Lot"), lambda d: d.lot_number),
            ),
            translate("clinical_tabs", "Nouvelle vaccination"),
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
        self.history = EntryListTab(
            session, patient_id, history, clinical_file.history, dialogs=dialogs
        )
        self.allergies = EntryListTab(
            session, patient_id, allergy, clinical_file.allergies, dialogs=dialogs
        )
        self.treatments = EntryListTab(
            session, patient_id, treatment, clinical_file.treatments, dialogs=dialogs
        )
        self.vaccinations = EntryListTab(
            session, patient_id, vaccination, clinical_file.vaccinations, dialogs=dialogs
        )
        self.consultations = ConsultationsTab(
            session, patient_id, clinical_file.consultations, dialogs
        )
        tabs.addTab(self.consultations, translate("clinical_tabs", "Consultations"))
        tabs.addTab(self.history, translate("clinical_tabs", "Antécédents"))
        tabs.addTab(
            self.allergies,
            translate("clinical_tabs", "Allergies ({count})").format(
                count=len(clinical_file.allergies)
            ),
        )
        tabs.addTab(self.treatments, translate("clinical_tabs", "Traitements"))
        tabs.addTab(self.vaccinations, translate("clinical_tabs", "Vaccinations"))
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

    def draft_sources(self) -> list[ConsultationsTab | EntryListTab]:
        """The editors whose unsaved text is kept as a clinical draft at lock."""
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
        self._tabs.setTabText(
            index, translate("clinical_tabs", "Allergies ({count})").format(count=len(entries))
        )
