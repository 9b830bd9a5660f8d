"""What users install: the wheel and the PyInstaller one-folder build.

The wheel carries the icons and compiled translations inside the package, and the installed copy
finds them there (not in a source tree) and answers `medvault --version`. The frozen build
(build.spec) runs without the interpreter or the virtual environment: `--version`, then the
application's own entry point started offscreen until its login window has painted; it ships
the resources and none of the Qt parts it was trimmed of."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import medvault
from benchmarks import gui
from medvault.services.config import ServiceConfig
from medvault.services.vault_create import create_vault
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD

ROOT = Path(__file__).resolve().parent.parent
RUN_TIMEOUT_S = 120
BUILD_TIMEOUT_S = 900
RESOURCES = ("icons/medvault.svg", "translations/medvault_en.qm", "fonts/DejaVuSans.ttf")


def _run(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        env=env,
        cwd=cwd,
        check=False,
    )


# -- the wheel ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)]
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (path,) = out.glob("medvault-*.whl")
    return path


def test_wheel_carries_the_resources_inside_the_package_and_both_commands(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    for resource in RESOURCES:
        assert f"medvault/resources/{resource}" in names
    assert "medvault = medvault.gui.app:main" in scripts
    assert "medvault-admin = medvault.cli.admin:main" in scripts
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)


def test_installed_wheel_finds_its_own_resources_and_tells_its_version(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    installed = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ]
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    # The installed copy comes first on the path, ahead of this checkout.
    env = {**os.environ, "PYTHONPATH": str(target), "HOME": str(tmp_path)}
    where = _run(
        [
            sys.executable,
            "-c",
            "import medvault; from medvault.gui.resources import resources_dir, icon_path; "
            "print(medvault.__file__); print(resources_dir()); print(icon_path().is_file())",
        ],
        env,
        cwd=tmp_path,  # not the checkout: `python -c` puts the working folder first on the path
    )
    assert where.returncode == 0, where.stderr[-2000:]
    package_file, resources, icon_found = where.stdout.splitlines()
    assert Path(package_file).is_relative_to(target)
    assert Path(resources) == target / "medvault" / "resources"
    assert icon_found == "True"
    version = _run([str(target / "bin" / "medvault"), "--version"], env, cwd=tmp_path)
    assert version.returncode == 0, version.stderr[-2000:]
    assert version.stdout.strip() == f"medvault {medvault.__version__}"


# -- the frozen build --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """dist/medvault built from build.spec with its start probe, in a temporary folder."""
    work = tmp_path_factory.mktemp("pyinstaller")
    env = {**os.environ, "MEDVAULT_BUILD_START_PROBE": "1"}
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert built.returncode == 0, built.stderr[-4000:]
    yield work


def _bare_environment(home: Path) -> dict[str, str]:
    """No virtual environment, no Python variables (a bundled app ignores them anyway), a
    private home and configuration folder, offscreen."""
    home.mkdir(exist_ok=True)
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        "PYTHONHOME": str(home / "no-python"),
        "PYTHONPATH": str(home / "no-python"),
        "QT_QPA_PLATFORM": "offscreen",
    }


@pytest.mark.packaging
def test_frozen_build_tells_its_version_without_python(frozen: Path, tmp_path: Path) -> None:
    program = frozen / "dist" / "medvault" / "medvault"
    result = _run([str(program), "--version"], _bare_environment(tmp_path / "home"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == f"medvault {medvault.__version__}"


@pytest.mark.packaging
def test_frozen_build_starts_offscreen_and_paints_its_login_window(
    frozen: Path, tmp_path: Path, config: ServiceConfig
) -> None:
    vault = tmp_path / "Cabinet.medvault"
    create_vault(
        vault,
        practice_name="Cabinet Martin",
        login=PRACTITIONER_LOGIN,
        display_name="Dr Claire Martin",
        password=PRACTITIONER_PASSWORD,
        config=config,
    )
    home = tmp_path / "home"
    probe = frozen / "dist" / "medvault" / "medvault-start-probe"
    result = _run([str(probe), "start", "--vault", str(vault)], _bare_environment(home))
    assert result.returncode == 0, result.stderr[-2000:]
    # One JSON line, printed from the login window's first paint, then a clean quit.
    report = json.loads(result.stdout.splitlines()[0])
    assert report["rss_kib"] > 0
    assert "Traceback" not in result.stderr
    # The vault chosen on the command line is remembered in the private configuration only.
    assert any((home / "config").rglob("*"))


@pytest.mark.packaging
def test_frozen_build_ships_the_resources_and_is_trimmed(frozen: Path) -> None:
    internal = frozen / "dist" / "medvault" / "_internal"
    for resource in RESOURCES:
        assert (internal / "medvault" / "resources" / resource).is_file()
    assert not list((internal / "medvault" / "resources").rglob("*.ts"))
    shipped = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    assert "PySide6/QtPdf.abi3.so" in shipped
    assert "PySide6/QtDBus.abi3.so" in shipped
    assert "PySide6/QtPrintSupport.abi3.so" in shipped
    unwanted = ("Qt6Quick", "Qt6Qml", "VirtualKeyboard", "QtNetwork.abi3", "qgtk3", "qeglfs")
    assert not [p for p in shipped if any(word in p for word in unwanted)]
    translations = {p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir()}
    assert translations == {"qtbase_fr.qm", "qtbase_en.qm"}
    report = json.loads((frozen / "build" / "build" / "trim-report.json").read_text())
    assert report and all(group["bytes"] > 0 for group in report.values())


@pytest.mark.packaging
def test_gui_benchmark_times_the_frozen_start_when_named(
    frozen: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: ServiceConfig
) -> None:
    vault = tmp_path / "Cabinet.medvault"
    create_vault(
        vault,
        practice_name="Cabinet Martin",
        login=PRACTITIONER_LOGIN,
        display_name="Dr Claire Martin",
        password=PRACTITIONER_PASSWORD,
        config=config,
    )
    monkeypatch.setenv(gui.FROZEN_ENV, str(frozen / "dist" / "medvault"))

    measurements, context = gui._frozen_start(vault, _bare_environment(tmp_path / "home"), 2)

    (start,) = measurements
    assert start.name == "frozen start to login window"
    assert start.medvault.samples == start.baseline.samples == 2
    assert start.medvault.p50 > 0 and start.baseline.p50 > 0
    assert context["repeats"] == 2
