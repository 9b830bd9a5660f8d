"""The `medvault` desktop entry point: options, the Qt application, and the first window.

Start time matters: the first-run wizard and the demo generator are imported only when used, so
that opening a vault loads little more than its login window (see vault_controller)."""

from __future__ import annotations

import argparse
import atexit
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import medvault
from medvault.core.errors import KnownError
from medvault.core.process_hardening import disable_core_dumps
from medvault.gui.dialogs import Dialogs
from medvault.gui.main_thread_gc import MainThreadCollector
from medvault.gui.messages import bilingual
from medvault.gui.resources import icon_path, resources_dir
from medvault.gui.settings_store import APPLICATION, LANGUAGES, ORGANIZATION, SettingsStore
from medvault.gui.termination import TerminationHandler
from medvault.gui.vault_controller import VaultController
from medvault.services.config import ServiceConfig

if TYPE_CHECKING:
    from medvault.gui.first_run_wizard import FirstRunWizard


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
        help=(
            "ouvrir un coffre de démonstration neuf, effacé à la fermeture / open a fresh demo "
            "vault, deleted on exit"
        ),
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    disable_core_dumps()  # before anything decrypted can reach memory
    args = build_parser().parse_args(argv)
    if args.version:
        # No QApplication here: this must work without a display.
        print(f"medvault {medvault.__version__}")
        return 0
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(medvault.__version__)
    app.setWindowIcon(QIcon(str(icon_path())))
    settings = SettingsStore.for_user()
    install_translations(app, settings.language())
    collector = MainThreadCollector(app)
    collector.install()  # before any worker thread can start
    dialogs = Dialogs()
    previous_hook = sys.excepthook
    sys.excepthook = _BugHook(dialogs)
    try:
        startup = Startup(args, config=ServiceConfig(), dialogs=dialogs, settings=settings)
        # Installed before the first window: a logout while the demo vault is being made
        # still ends through the event loop, which removes it.
        termination = TerminationHandler(startup.lock_then, parent=app)
        termination.install()
        try:
            if not startup.start():
                return 1
            return app.exec()
        finally:
            termination.uninstall()
    finally:
        sys.excepthook = previous_hook
        collector.uninstall()


class Startup(QObject):
    """Picks the first window: the vault named by the options, else the remembered vault's
    login window, else the first-run wizard; then the login window of the vault it chose."""

    def __init__(
        self,
        args: argparse.Namespace,
        *,
        config: ServiceConfig,
        dialogs: Dialogs,
        settings: SettingsStore,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._args = args
        self._config = config
        self._dialogs = dialogs
        self._settings = settings
        self.controller: VaultController | None = None
        self.wizard: FirstRunWizard | None = None

    def start(self) -> bool:
        """False when there is nothing to show (the user has been told why)."""
        if self._args.demo or self._args.vault is not None:
            self.controller = open_vault(
                self._args, config=self._config, dialogs=self._dialogs, settings=self._settings
            )
            if self.controller is None:
                return False
            if self._args.vault is not None:
                self._settings.remember_vault(Path(self._args.vault).expanduser())
            self.controller.start()
            return True
        remembered = self._settings.last_vault()
        if remembered is not None:
            try:
                self.controller = VaultController(
                    remembered, config=self._config, settings=self._settings
                )
            except KnownError as error:
                self._dialogs.warn(_title(), _remembered_missing_text(remembered, error))
            else:
                self.controller.start()
                return True
        from medvault.gui.first_run_wizard import FirstRunWizard  # deferred: see module doc

        self.wizard = FirstRunWizard(config=self._config, dialogs=self._dialogs)
        self.wizard.vault_chosen.connect(self._on_wizard_vault_chosen)
        self.wizard.show()
        return True

    def lock_then(self, done: Callable[[], None]) -> bool:
        """Lock the open session (drafts kept) and call `done` once it is locked; False when no
        session is open."""
        window = self.controller.main_window if self.controller is not None else None
        if window is None:
            return False
        window.locked.connect(done)
        window.lock("system")
        return True

    def _on_wizard_vault_chosen(self, directory: Path) -> None:
        self._settings.remember_vault(directory)
        try:
            self.controller = VaultController(
                directory, config=self._config, settings=self._settings
            )
        except KnownError as error:
            self._dialogs.warn(_title(), bilingual(error))
            return
        self.controller.start()


def open_vault(
    args: argparse.Namespace,
    *,
    config: ServiceConfig,
    dialogs: Dialogs,
    settings: SettingsStore | None = None,
    demo_root: Path | None = None,
) -> VaultController | None:
    """The controller for the vault the options name (--vault or --demo), or None once the
    user has been told why there is none (a known error such as a missing or busy vault)."""
    if not args.demo and args.vault is None:
        return None
    try:
        if args.demo:
            from medvault.services.demo import (  # deferred: see module doc
                DEMO_LOGIN,
                DEMO_PASSWORD,
                create_temporary_demo_vault,
                remove_temporary_demo_vault,
            )

            # A fresh vault each time, deleted when the application quits.
            directory = create_temporary_demo_vault(config, root=demo_root)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(lambda: remove_temporary_demo_vault(directory))
            atexit.register(remove_temporary_demo_vault, directory)  # also if Qt never quits
            return VaultController(
                directory,
                config=config,
                login=DEMO_LOGIN,
                demo_password=DEMO_PASSWORD,
                settings=settings,
            )
        return VaultController(Path(args.vault).expanduser(), config=config, settings=settings)
    except KnownError as error:
        dialogs.warn(_title(), bilingual(error))
        return None


def _title() -> str:
    return QCoreApplication.translate("app", "medvault")


def _remembered_missing_text(directory: Path, error: KnownError) -> str:
    intro = QCoreApplication.translate(
        "app",
        "Le coffre utilisé la dernière fois ({path}) ne peut pas être ouvert. S'il est sur un "
        "disque externe ou un partage, branchez-le puis relancez medvault ; sinon, choisissez "
        "un coffre dans l'assistant.",
    ).format(path=directory)
    return f"{intro}\n\n{bilingual(error)}"


def effective_language(setting: str, system: QLocale) -> str:
    """The chosen language, else French on a French system and English otherwise."""
    if setting in LANGUAGES:
        return setting
    return "fr" if system.language() == QLocale.Language.French else "en"


def install_translations(app: QCoreApplication, setting: str) -> str:
    """Install medvault's and Qt's translators for the interface language; returns it."""
    language = effective_language(setting, QLocale.system())
    if language != "fr":  # French is the source language: nothing to load
        ours = QTranslator(app)  # parented: a translator must outlive its installation
        if ours.load(str(translations_dir() / f"medvault_{language}.qm")):
            app.installTranslator(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(language), "qtbase", "_", qt_dir):  # standard buttons, context menus
        app.installTranslator(qt)
    return language


def translations_dir() -> Path:
    return resources_dir() / "translations"


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
