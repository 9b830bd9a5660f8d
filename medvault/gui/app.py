"""The `medvault` desktop entry point: options, the Qt application, and the first window."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import medvault
from medvault.core.errors import KnownError
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import bilingual
from medvault.gui.resources import icon_path
from medvault.gui.vault_controller import VaultController
from medvault.services.config import ServiceConfig
from medvault.services.demo import DEMO_LOGIN, DEMO_PASSWORD, default_demo_dir, ensure_demo_vault


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medvault",
        description=(
            "Coffre-fort chiffré pour les dossiers patients / Encrypted patient-record vault"
        ),
    )
    # Handled by hand rather than action="version", which exits through SystemExit.
    parser.add_argument(
        "--version", action="store_true", help="affiche la version / show the version"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--vault", metavar="PATH", type=Path, help="ouvrir ce coffre / open this vault"
    )
    where.add_argument(
        "--demo",
        action="store_true",
        help="ouvrir (ou créer) le coffre de démonstration / open (or create) the demo vault",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.version:
        # No QApplication here: this must work without a display.
        print(f"medvault {medvault.__version__}")
        return 0
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("medvault")
    app.setApplicationVersion(medvault.__version__)
    app.setWindowIcon(QIcon(str(icon_path())))
    translator = _qt_translator()
    if translator is not None:
        app.installTranslator(translator)
    dialogs = Dialogs()
    previous_hook = sys.excepthook
    sys.excepthook = _BugHook(dialogs)
    try:
        controller = open_vault(args, config=ServiceConfig(), dialogs=dialogs)
        if controller is None:
            return 0 if args.vault is None and not args.demo else 1
        controller.start()
        return app.exec()
    finally:
        sys.excepthook = previous_hook


def open_vault(
    args: argparse.Namespace, *, config: ServiceConfig, dialogs: Dialogs
) -> VaultController | None:
    """The controller for the vault the options name, or None once the user has been told why
    there is none (no vault given yet, or a known error such as a missing or busy vault)."""
    title = QCoreApplication.translate("app", "medvault")
    if not args.demo and args.vault is None:
        dialogs.inform(title, first_run_text())
        return None
    try:
        if args.demo:
            directory = ensure_demo_vault(default_demo_dir(), config)
            return VaultController(
                directory, config=config, login=DEMO_LOGIN, demo_password=DEMO_PASSWORD
            )
        return VaultController(Path(args.vault).expanduser(), config=config)
    except KnownError as error:
        dialogs.warn(title, bilingual(error))
        return None


def first_run_text() -> str:
    return QCoreApplication.translate(
        "app",
        "L'assistant de premier démarrage n'est pas encore disponible.\n"
        "Pour essayer medvault : medvault --demo\n"
        "Pour créer votre coffre : medvault-admin init, puis medvault --vault CHEMIN\n\n"
        "The first-run wizard is not available yet.\n"
        "To try medvault: medvault --demo\n"
        "To create your vault: medvault-admin init, then medvault --vault PATH",
    )


def _qt_translator() -> QTranslator | None:
    """Qt's own French strings (standard buttons, context menus) when the system is French."""
    translator = QTranslator()
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", directory):
        return translator
    return None


class _BugHook:
    """Anything that is not a known error is a bug: say so plainly, keep the traceback for the
    log (stderr) and out of the dialog, which must never show data."""

    def __init__(self, dialogs: Dialogs) -> None:
        self._dialogs = dialogs

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn("medvault", bilingual(error))
            return
        # Frames and type only: an exception's message might quote data.
        sys.stderr.write("".join(traceback.format_tb(tb)) + f"{kind.__qualname__}\n")
        self._dialogs.warn(
            "medvault",
            QCoreApplication.translate(
                "app",
                "Une erreur inattendue s'est produite. Le détail technique a été écrit dans "
                "le journal.\n\nAn unexpected error occurred. The technical details were "
                "written to the log.",
            ),
        )
