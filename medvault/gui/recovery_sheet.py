"""The printed recovery sheet: practice, date, vault location, the recovery code and what to do
with it, in French then English. It never holds patient data, only the code that opens the vault
(so it is kept like the key of the practice's safe)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

_FR_INSTRUCTIONS = (
    "Ce code de secours ouvre le coffre et ses sauvegardes si plus aucun mot de passe de "
    "praticien n'est connu. Il n'est enregistré nulle part ailleurs et ne sera plus jamais "
    "affiché.",
    "Rangez cette feuille sous clé, à l'écart de l'ordinateur (coffre, armoire fermée), comme "
    "la clé du cabinet. Ne la photographiez pas et ne la recopiez pas dans un fichier.",
    "Il sert en cas de mot de passe de praticien oublié ou pour restaurer une sauvegarde : "
    "saisissez alors les 8 groupes (les tirets et les majuscules ne comptent pas).",
)
_EN_INSTRUCTIONS = (
    "This recovery code opens the vault and its backups when no practitioner password is known "
    "any more. It is stored nowhere else and will never be shown again.",
    "Keep this sheet locked away from the computer (safe, locked cabinet), like the key of "
    "the practice. Do not photograph it or copy it into a file.",
    "It is used when a practitioner password is forgotten or to restore a backup: type the "
    "8 groups (dashes and case do not matter).",
)


@dataclass(frozen=True)
class RecoverySheet:
    practice_name: str
    vault_path: Path
    recovery_code: str
    date: datetime.date

    def html(self) -> str:
        parts = [escape(g) for g in self.recovery_code.split("-")]
        # Two lines of four groups: one line would not fit an A4 page at this size.
        groups = "<br/>".join(" &nbsp; ".join(parts[i : i + 4]) for i in range(0, len(parts), 4))
        practice = escape(self.practice_name)
        path = escape(str(self.vault_path))
        day = self.date.strftime("%d/%m/%Y")
        iso_day = self.date.isoformat()
        french = "".join(f"<li>{escape(line)}</li>" for line in _FR_INSTRUCTIONS)
        english = "".join(f"<li>{escape(line)}</li>" for line in _EN_INSTRUCTIONS)
        return f"""
<html><body style="font-family: sans-serif; font-size: 11pt;">
<h1 style="font-size: 20pt;">medvault — Code de secours / Recovery code</h1>
<table cellpadding="4">
<tr><td><b>Cabinet / Practice</b></td><td>{practice}</td></tr>
<tr><td><b>Date</b></td><td>{day} ({iso_day})</td></tr>
<tr><td><b>Coffre / Vault</b></td><td>{path}</td></tr>
</table>
<p style="font-family: monospace; font-size: 22pt; font-weight: bold; text-align: center;
border: 2px solid black; padding: 12px; margin: 24px 0;">{groups}</p>
<h2 style="font-size: 14pt;">Français</h2>
<ul>{french}</ul>
<h2 style="font-size: 14pt;">English</h2>
<ul>{english}</ul>
</body></html>
"""

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(self.html())
        return document

    def print_to(self, printer: QPrinter) -> None:
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName("medvault")  # spoolers show this name: no practice name
        self.document().print_(printer)

    def save_pdf(self, path: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        self.print_to(printer)
