"""Confirming the merge of two patient files that are the same person: both identities side by
side, the choice of the file that is kept (the older one by default, usually the one the desk
already knows), and what becomes of the other before anything is written."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from medvault.core.patient import Patient, Sex
from medvault.gui.patient_list_model import phone_for_display
from medvault.gui.widgets import WARNING_STYLE

_BOX_STYLE = (
    "QGroupBox {{ border: 2px solid {border}; border-radius: 4px; margin-top: 1.4em;"
    " padding-top: 6px; }}"
    " QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px;"
    " color: {title}; font-weight: bold; }}"
)
_KEPT_STYLE = _BOX_STYLE.format(border="#1b5e20", title="#1b5e20")
_MERGED_STYLE = _BOX_STYLE.format(border="#bbbbbb", title="#777777")


def _local_date(iso_utc: str) -> str:
    try:
        return (
            datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone().strftime("%d/%m/%Y")
        )
    except ValueError:
        return iso_utc[:10]


class PatientMergeDialog(QDialog):
    """Accepted = merge as shown; `kept_id`/`merged_id` say which file stays."""

    def __init__(
        self,
        current: Patient,
        found: Patient,
        *,
        with_clinical: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patient_merge_dialog")
        self.setWindowTitle(self.tr("Fusionner deux dossiers"))
        self._current = current
        self._found = found
        self._with_clinical = with_clinical

        intro = QLabel(
            self.tr(
                "Ces deux fiches semblent concerner la même personne. Vérifiez-les côte à côte, "
                "choisissez la fiche conservée, puis confirmez."
            )
        )
        intro.setWordWrap(True)
        self._current_box = self._identity_box(current)
        self._found_box = self._identity_box(found)
        self.keep_current_radio = QRadioButton(self.tr("Conserver cette fiche"))
        self.keep_current_radio.setObjectName("keep_current_radio")
        self.keep_found_radio = QRadioButton(self.tr("Conserver la fiche trouvée"))
        self.keep_found_radio.setObjectName("keep_found_radio")
        columns = QHBoxLayout()
        for box, radio in (
            (self._current_box, self.keep_current_radio),
            (self._found_box, self.keep_found_radio),
        ):
            column = QVBoxLayout()
            column.addWidget(box, 1)
            column.addWidget(radio)
            columns.addLayout(column, 1)

        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("merge_outcome_label")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setStyleSheet(WARNING_STYLE)
        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton(
            self.tr("Fusionner"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("confirm_merge_button")
        cancel = buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)  # Enter never merges by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.outcome_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(760)

        # The older record by default: it is the one appointments and documents already use.
        older = min((current, found), key=lambda p: (p.created_at, p.id))
        (self.keep_current_radio if older is current else self.keep_found_radio).setChecked(True)
        self.keep_current_radio.toggled.connect(self._on_keep_current_radio_toggled)
        self._on_keep_current_radio_toggled(self.keep_current_radio.isChecked())

    @property
    def kept_id(self) -> int:
        return self._current.id if self.keep_current_radio.isChecked() else self._found.id

    @property
    def merged(self) -> Patient:
        """The file that disappears into the kept one."""
        return self._found if self.keep_current_radio.isChecked() else self._current

    def _identity_box(self, patient: Patient) -> QGroupBox:
        data = patient.data
        box = QGroupBox()
        form = QFormLayout(box)
        sex = {Sex.FEMALE: self.tr("Féminin"), Sex.MALE: self.tr("Masculin")}.get(
            data.sex, self.tr("Indéterminé")
        )
        rows = (
            (self.tr("Nom de naissance"), data.birth_name),
            (self.tr("Nom d'usage"), data.used_name or "—"),
            (self.tr("Prénoms"), " ".join(data.first_names)),
            (self.tr("Sexe"), sex),
            (self.tr("Date de naissance"), data.birth_date.strftime("%d/%m/%Y")),
            (self.tr("Lieu de naissance (INSEE)"), data.birth_place_insee or "—"),
            (self.tr("NIR / NIA"), data.nir or "—"),
            (self.tr("Ville"), data.city or "—"),
            (self.tr("Téléphone portable"), phone_for_display(data.phone_mobile or "") or "—"),
            (self.tr("Créée le"), _local_date(patient.created_at)),
        )
        for label, value in rows:
            shown = QLabel(value)
            shown.setWordWrap(True)
            form.addRow(label, shown)
        return box

    def _on_keep_current_radio_toggled(self, keep_current: bool) -> None:
        kept, merged = (
            (self._current_box, self._found_box)
            if keep_current
            else (self._found_box, self._current_box)
        )
        kept.setStyleSheet(_KEPT_STYLE)
        merged.setStyleSheet(_MERGED_STYLE)
        # Said in words too, not by colour alone.
        names = {
            self._current_box: self.tr("Cette fiche"),
            self._found_box: self.tr("Fiche trouvée"),
        }
        ids = {self._current_box: self._current.id, self._found_box: self._found.id}
        kept.setTitle(
            self.tr("{title} (n° {id}) : conservée").format(title=names[kept], id=ids[kept])
        )
        merged.setTitle(
            self.tr("{title} (n° {id}) : fusionnée").format(title=names[merged], id=ids[merged])
        )
        if self._with_clinical:
            moved = self.tr("ses rendez-vous, ses documents et son dossier médical")
        else:  # the medical record follows at the next practitioner login
            moved = self.tr(
                "ses rendez-vous et ses documents administratifs (le dossier médical suivra à "
                "la prochaine connexion d'un praticien)"
            )
        self.outcome_label.setText(
            self.tr(
                "La fiche n° {kept} est conservée. La fiche n° {merged} y est fusionnée : elle "
                "disparaît des recherches et {moved} passent sur la fiche conservée. Cette "
                "fusion est inscrite au journal."
            ).format(kept=self.kept_id, merged=self.merged.id, moved=moved)
        )
