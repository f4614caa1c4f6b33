"""Start and stop the desktop application: services, embedded node, login, main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from ..app.bootstrap import Services, SiteNotReadyError, open_site
from ..app.first_admin import create_first_admin, needs_first_admin
from ..app.log_files import install_file_log
from ..app.sign_in import sign_in
from ..config import ConfigError
from .alerts import QtAlertBanner, QtAlertCenter
from .app_icons import DESKTOP_ID, add_bundled_font, application_icon, tray_icon
from .event_bridge import QtEventBridge
from .gui_gc import GuiThreadCollector
from .i18n import ENGLISH, choose_language, install_translators, remove_translators
from .log_capture import QtLogCapture
from .main_window import QtMainWindow
from .problem_bar import QtProblemBar, QtProblemCenter
from .qt_first_admin import QtFirstAdminDialog
from .qt_log_page import QtLogPage
from .qt_login import LANGUAGE_CHANGED, QtLoginDialog, SignedIn
from .qt_node_page import QtNodePage
from .tasks import TaskRunner
from .theme import LIGHT, apply_theme

LOGGER = logging.getLogger(__name__)


def settings_store(site_code: str, path: Path | None = None) -> QSettings:
    """Per-user window state, column layouts and preferences of this site's app."""
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings("TieredWorkstation", f"tiered-ws-{site_code}")


class QtWorkstation(QObject):
    """One running application over one site's services.

    Owns the task runner and the event bridge; starts the site's node in a
    worker when the configuration embeds it, and stops everything on
    :meth:`shutdown` so no thread outlives the window.
    """

    node_started = Signal()
    node_failed = Signal(str)

    def __init__(self, services: Services, store: QSettings) -> None:
        super().__init__()
        self.services = services
        self.store = store
        self.translators: list[QTranslator] = []  # kept alive while installed
        self.log = QtLogCapture(self)
        self.log.install()  # first, so the node's start-up problems are heard too
        self.log_file: Path | None = None
        self.problems = QtProblemCenter(self.log, self)
        self.tasks = TaskRunner(self)
        self.bridge = QtEventBridge(services.bus, self)
        self.window: QtMainWindow | None = None
        self.alerts: QtAlertCenter | None = None
        self.node_running = False

    def start_node(self, *, long_poll_seconds: float = 25.0) -> None:
        if not self.services.settings.gui.embed_node:
            return
        self.tasks.net(self.services.start, long_poll_seconds=long_poll_seconds).success(
            self._on_node_started).failure(self._on_node_failed)

    def _on_node_started(self, _: object) -> None:
        self.node_running = True
        self.node_started.emit()

    def _on_node_failed(self, error: BaseException) -> None:
        LOGGER.error("the site's node did not start", exc_info=error)
        self.node_failed.emit(str(error))

    @staticmethod
    def settle_memory() -> None:
        """Move everything alive after start-up out of the garbage collector's sight.

        Modules, mappers, Qt wrappers and the board's rows would otherwise be
        walked by every full collection — pauses of 100-200 ms on the GUI
        thread while events stream in (bench/status_board.py). Called once the
        main window has loaded its pages.
        """
        gc.collect()
        gc.freeze()

    def login_dialog(self, language: str = ENGLISH) -> QtLoginDialog:
        site = self.services.settings.site
        return QtLoginDialog(partial(sign_in, self.services.database, site_code=site.code),
                             site.code, site.name, self.tasks, language=language)

    def first_admin_dialog(self) -> QtFirstAdminDialog:
        site = self.services.settings.site
        return QtFirstAdminDialog(partial(create_first_admin, self.services.database,
                                          site.code), site.code, site.name, self.tasks)

    def language(self) -> str:
        """The interface language this workstation starts in (see ``i18n``)."""
        settings = self.services.settings
        return choose_language(settings.gui.language,
                               user_choice=str(self.store.value("ui/language", "") or ""),
                               timezone=settings.site.timezone)

    def ask_sign_in(self, app: QCoreApplication) -> SignedIn | None:
        """Show the sign-in dialog until someone signs in (None: it was closed); a language
        switch installs the language, remembers it and asks again in it. A site without
        accounts first asks for its first administrator."""
        language = self.language()
        self.translators = install_translators(app, language)
        username = ""
        if needs_first_admin(self.services.database):  # a new site: nobody could sign in
            first = self.first_admin_dialog()
            first.exec()
            if first.created is None and needs_first_admin(self.services.database):
                return None  # closed without an account
            username = first.created or ""
        while True:
            dialog = self.login_dialog(language)
            dialog.username.setText(username)
            result = dialog.exec()
            if result != LANGUAGE_CHANGED:
                ok = result == QtLoginDialog.DialogCode.Accepted
                return dialog.session if ok else None
            language = dialog.language
            self.store.setValue("ui/language", language)
            remove_translators(app, self.translators)
            self.translators = install_translators(app, language)

    def open_main_window(self, session: SignedIn) -> QtMainWindow:
        self.window = window = QtMainWindow(self.services, session, self.tasks, self.bridge,
                                            self.store, log=self.log, log_file=self.log_file)
        bar = QtProblemBar(self.problems, tz=self.services.settings.site.tz)
        window.add_banner(bar)
        log_page = window.pages.get("log")
        if isinstance(log_page, QtLogPage):  # the bar's own window, even with another open
            bar.details_requested.connect(
                lambda problem: (window.show_page("log"), log_page.show_problem(problem)))
        bar.refresh()  # problems from before sign-in (the node's start) show at once
        QTimer.singleShot(3000, self.settle_memory)
        self.alerts = QtAlertCenter(self.services, self.tasks, self.bridge, self)
        self.window.add_banner(QtAlertBanner(self.alerts))
        if QSystemTrayIcon.isSystemTrayAvailable():
            tray = QSystemTrayIcon(tray_icon(), self.window)
            tray.show()
            self.alerts.attach_tray(tray)
        node_page = self.window.pages.get("node")
        if isinstance(node_page, QtNodePage):
            node_page.set_node_running(self.node_running)
            self.node_started.connect(lambda: node_page.set_node_running(True))
        self.node_failed.connect(lambda text: self.window and self.window.statusBar().showMessage(
            self.tr("The site's DICOM node could not start: {error}").format(error=text)))
        return self.window

    def shutdown(self) -> None:
        """Save the window's state, stop the node and every worker thread."""
        if self.window is not None:
            self.window.save_state()
            self.window.close()
        self.release()
        self.services.close()

    def release(self) -> None:
        """Stop listening and join every worker; the services stay open (tests, tools)."""
        self.bridge.close()
        remove_translators(QCoreApplication.instance(), self.translators)
        self.translators = []
        self.tasks.shutdown(wait=True)
        self.log.remove()


def say_site_not_ready(detail: str) -> None:
    """The desktop's words when it has no site to open (there is no terminal to read),
    in the machine's language."""
    app = QCoreApplication.instance()
    translators = install_translators(app, choose_language("auto", timezone=_zone()))
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("QtWorkstation", "Tiered Workstation"),
                      QCoreApplication.translate(
                          "QtWorkstation",
                          "This computer's site could not be opened, so the workstation "
                          "cannot start. Ask your IT staff to set the site up "
                          "(tiered-ws init) and to put its site.toml in "
                          "~/.config/tiered-ws/ or /etc/tiered-ws/."))
    box.setDetailedText(detail)
    box.exec()
    remove_translators(app, translators)


def _zone() -> str:
    """The machine's time zone name (for a machine without a locale), if it has one."""
    try:
        return Path("/etc/timezone").read_text().strip()
    except OSError:
        return os.environ.get("TZ", "")


def run_gui(config_path: str | None = None) -> int:
    """`tiered-ws gui`: the whole application until its window is closed."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Tiered Workstation")
    app.setOrganizationName("TieredWorkstation")
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(application_icon())
    add_bundled_font()
    GuiThreadCollector(app)  # Qt objects are freed on the GUI thread only
    try:
        services = open_site(config_path)
    except (ConfigError, SiteNotReadyError) as exc:  # e.g. started from the menu, no site
        LOGGER.error("the site could not be opened: %s", exc)
        say_site_not_ready(str(exc))
        return 2
    store = settings_store(services.settings.site.code)
    apply_theme(app, str(store.value("ui/theme", LIGHT)))
    workstation = QtWorkstation(services, store)
    workstation.log_file = install_file_log(services.settings.data_dir / "logs")
    try:
        workstation.start_node()
        session = workstation.ask_sign_in(app)
        if session is None:
            return 0
        window = workstation.open_main_window(session)
        window.show()
        return app.exec()
    finally:
        workstation.shutdown()
