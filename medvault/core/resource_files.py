"""Where the shipped resources are (icons, translations, the PDF font): inside the package when
installed from a wheel or frozen, at the top of the source tree when run from a checkout."""

from __future__ import annotations

from pathlib import Path

import medvault

_PACKAGE = Path(medvault.__file__).resolve().parent


def resources_dir() -> Path:
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("medvault resources folder not found")


def pdf_fonts() -> tuple[Path, Path]:
    """DejaVu Sans, regular and bold: the PDF export's font, which covers the names of every
    alphabet a French practice meets (Latin with all its accents, Greek, Cyrillic...)."""
    fonts = resources_dir() / "fonts"
    return fonts / "DejaVuSans.ttf", fonts / "DejaVuSans-Bold.ttf"
