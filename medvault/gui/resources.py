"""The shipped resources the interface uses (see core/resource_files for where they are)."""

from __future__ import annotations

from pathlib import Path

from medvault.core.resource_files import resources_dir

__all__ = ["icon_path", "resources_dir"]


def icon_path() -> Path:
    return resources_dir() / "icons" / "medvault.svg"
