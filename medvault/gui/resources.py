"""Where the shipped resources (icons, translations) are: inside the package when installed
from a wheel, at the top of the source tree when run from a checkout."""

from __future__ import annotations

from pathlib import Path

import medvault

_PACKAGE = Path(medvault.__file__).resolve().parent


def resources_dir() -> Path:
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("medvault resources folder not found")


def icon_path() -> Path:
    return resources_dir() / "icons" / "medvault.svg"
