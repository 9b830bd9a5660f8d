"""The banner at the top of a patient file when allergies or intolerances are recorded: it must
be seen before anything is prescribed, so it is loud and always above the tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from medvault.core.clinical import AllergyData, AllergyKind, Severity

_STYLE = (
    "QLabel#allergy_banner { background: #b00020; color: white; font-weight: bold;"
    " padding: 8px 12px; border-radius: 4px; }"
)


class AllergyBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allergy_banner")
        self.setWordWrap(True)
        self.setStyleSheet(_STYLE)
        self.setAccessibleName(self.tr("Allergies connues"))
        self.hide()

    def show_entries(self, entries: list[Any]) -> None:
        """Shown with every current allergy and intolerance; hidden when there are none."""
        items = [self._describe(entry.data) for entry in entries]
        self.setVisible(bool(items))
        self.setText(
            self.tr("⚠ Allergies et intolérances : {items}").format(items=" · ".join(items))
        )

    def _describe(self, data: AllergyData) -> str:
        details = []
        if data.kind is AllergyKind.INTOLERANCE:
            details.append(self.tr("intolérance"))
        if data.severity is Severity.SEVERE:
            details.append(self.tr("SÉVÈRE"))
        elif data.severity is Severity.MODERATE:
            details.append(self.tr("modérée"))
        return f"{data.substance} ({', '.join(details)})" if details else data.substance
