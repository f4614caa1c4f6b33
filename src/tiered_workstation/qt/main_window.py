"""The main window: a navigation sidebar by role and site capabilities, pages on the right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..app.bootstrap import Capabilities, Services
from ..app.presentation_states import archive_presentation_state
from ..app.priors import prior_files, priors_for_header
from ..app.study_files import exam_image_files
from ..review.reading import WorkRow
from ..storage.enums import Role
from ..teaching.cases import AUTHORS
from ..viewer.hanging import RULES_FILE
from ..workflow.actors import Actor
from .event_bridge import QtEventBridge
from .labels import role_label
from .log_capture import QtLogCapture
from .qt_history_page import QtHistoryPage
from .qt_log_page import QtLogPage
from .qt_login import SignedIn
from .qt_node_page import QtNodePage
from .qt_settings_page import QtSettingsPage
from .registration.qt_registration_page import QtRegistrationPage
from .review.qt_reading_page import QtReadingPage
from .review.qt_reports_page import QtReportsPage
from .review.qt_tat_page import QtTatPage
from .review.qt_triage_page import QtTriagePage
from .status.qt_status_page import QtStatusPage
from .tasks import TaskRunner
from .teaching.qt_case_editor import CaseEditor, start_case_editor
from .teaching.qt_center_library import QtCenterLibrary
from .teaching.qt_dashboard_page import QtTeachingDashboard
from .teaching.qt_library_page import QtLibraryPage
from .theme import DARK, LIGHT, apply_theme
from .viewer.qt_viewer_dock import QtViewerDock
from .viewer.qt_viewer_page import QtViewerPage
from .widgets import home


@dataclass(frozen=True)
class PageSpec:
    """A page of the sidebar: shown when ``visible`` says so for this site and role."""

    key: str
    title: Callable[[], str]
    build: Callable[[], QWidget]
    visible: Callable[[Capabilities, Role], bool]


class QtMainWindow(QMainWindow):
    """Sidebar + stacked pages; remembers geometry, layouts and the last page."""

    page_changed = Signal(str)

    def __init__(self, services: Services, session: SignedIn, tasks: TaskRunner,
                 bridge: QtEventBridge, store: QSettings, parent: QWidget | None = None, *,
                 log: QtLogCapture | None = None, log_file: Path | None = None) -> None:
        super().__init__(parent)
        self._log = log
        self._log_file = log_file
        self.services = services
        self.session = session
        self._tasks = tasks
        self._bridge = bridge
        self._store = store
        site = services.settings.site
        self.setWindowTitle(self.tr("Tiered Workstation — {site}").format(site=site.name))
        self.pages: dict[str, QWidget] = {}
        self._keys: list[str] = []

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        for spec in self._page_specs():
            if not spec.visible(services.capabilities, session.role):
                continue
            page = spec.build()
            self.pages[spec.key] = page
            self._keys.append(spec.key)
            # the viewer moves (beside the report, onto a second screen): its page is a home
            self.stack.addWidget(home() if spec.key == "viewer" else page)
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._show_row)
        viewer = self.pages.get("viewer")
        self.viewer_dock: QtViewerDock | None = None
        self._reading_exam: int | None = None
        if isinstance(viewer, QtViewerPage):
            self.viewer_dock = QtViewerDock(
                viewer, self.stack.widget(self._keys.index("viewer")), self)
            reading = self.pages.get("reading")
            if isinstance(reading, QtReadingPage):
                reading.loaded.connect(lambda view: self._read_images(view.row.exam_id))
                self.viewer_dock.settle(reading.image_home)  # so its layout restores whole
            self._wire_priors(viewer)
            viewer.set_state_archive(
                lambda path: archive_presentation_state(self.services, path),
                self.services.archive.root)
            settings_page = self.pages.get("settings")
            if isinstance(settings_page, QtSettingsPage):
                settings_page.hanging_rules_saved.connect(viewer.set_hanging_rules)
        dashboard = self.pages.get("teaching")
        if isinstance(dashboard, QtTeachingDashboard):
            dashboard.open_requested.connect(
                lambda accession: self.open_images(accession_number=accession))
        library = self.pages.get("library")
        if isinstance(library, QtLibraryPage) and isinstance(viewer, QtViewerPage):
            library.open_requested.connect(lambda paths: (viewer.open(paths),
                                                          self.show_page("viewer")))
        if isinstance(viewer, QtViewerPage) and services.capabilities.reviews_and_signs \
                and session.role in AUTHORS:
            viewer.teaching_button.setVisible(True)
            viewer.teaching_requested.connect(self._teaching_case)
        history = self.pages.get("history")
        if isinstance(history, QtHistoryPage):
            history.open_requested.connect(
                lambda accession: self.open_images(accession_number=accession))
        status = self.pages.get("status")
        if isinstance(status, QtStatusPage):
            status.open_requested.connect(lambda exam_id: self.open_images(exam_id=exam_id))

        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(216)
        brand = QLabel(self.tr("Tiered Workstation"))
        brand.setObjectName("brand")
        site_label = QLabel(f"{site.name} · {site.code}")
        site_label.setObjectName("brandSite")
        site_label.setWordWrap(True)
        user = QLabel(f"{session.display_name}\n{role_label(session.role)}")
        user.setObjectName("userBox")
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addWidget(brand)
        side.addWidget(site_label)
        side.addWidget(self.navigation, 1)
        side.addWidget(user)

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        header = QFrame()
        header.setObjectName("headerBar")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(16, 10, 16, 10)
        header_layout.addWidget(self.title)
        header_layout.addStretch(1)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        content_layout.addWidget(header)
        content_layout.addWidget(self.stack, 1)
        self._content_layout = content_layout

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(content, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Signed in as {name} ({role})").format(
            name=session.display_name, role=role_label(session.role)))
        self._add_actions()
        self._restore()

    ask_case = staticmethod(CaseEditor.answer)  # a test answers it instead

    def _teaching_case(self, study_instance_uid: str) -> None:
        """The Viewer's *Teaching case…*: the open study's signed exam, in the case editor."""
        viewer = self.pages["viewer"]
        session = self.session
        actor = Actor(session.username, session.role, session.site_code, session.display_name)

        def edit(row: WorkRow | None) -> None:
            if row is None:
                viewer.message.setText(self.tr("Only a signed exam of this site can become a "
                                               "teaching case."))
                return
            start_case_editor(viewer, self._tasks, self.services.teaching_desk, row, actor,
                              ask=self.ask_case, done=viewer.message.setText,
                              failed=lambda error: viewer.message.setText(
                                  self.tr("Not done: {reason}").format(reason=error)))
        self._tasks.db(self.services.reading_desk.signed_row, study_instance_uid).success(edit)

    def _library_page(self) -> QtLibraryPage:
        """The library; at a community with a center, the center's library beside it."""
        s = self.services
        center = None
        if s.settings.sync.center_url and not s.capabilities.reviews_and_signs \
                and s.vault is not None:
            actor = Actor(self.session.username, self.session.role, self.session.site_code,
                          self.session.display_name)
            center = QtCenterLibrary(lambda progress: s.teaching_downloader(actor, progress),
                                     self._tasks, relay=s.lesson_relay)
        return QtLibraryPage(s.teaching_desk, self.session, self._tasks, center=center)

    def _site_hanging_rules(self) -> Path | None:
        """The site's own hanging protocols (DATA_DIR/hanging_protocols.json), if any."""
        path = self.services.settings.data_dir / RULES_FILE
        return path if path.is_file() else None

    def _wire_priors(self, viewer: QtViewerPage) -> None:
        services = self.services
        viewer.set_prior_source(
            lambda header: priors_for_header(services.settings, services.database, header),
            lambda prior, progress: prior_files(services, prior, progress=progress))

    def _read_images(self, exam_id: int) -> None:
        """The reading desk opened an exam: its images come up beside the report (once:
        acting on the report reopens it, and must not undo the reader's marks)."""
        if exam_id != self._reading_exam:
            self._reading_exam = exam_id
            self.open_images(exam_id=exam_id, switch=False)

    def open_images(self, *, exam_id: int | None = None,
                    accession_number: str | None = None, switch: bool = True) -> None:
        """Show an exam's images in the viewer, when this site holds them (``switch``: and
        go to the Viewer page)."""
        viewer = self.pages.get("viewer")
        if not isinstance(viewer, QtViewerPage):
            return
        def show(paths: list[Path]) -> None:
            if not paths:
                words = self.tr("The images of this exam are not on this site (yet).")
                self.statusBar().showMessage(words, 8000)
                if not switch:  # beside a report: not the previous patient's images
                    viewer.close_study(words)
                return
            viewer.open(list(paths))
            if switch:
                self.show_page("viewer")

        self._tasks.db(exam_image_files, self.services, exam_id=exam_id,
                       accession_number=accession_number).success(show)

    def add_banner(self, banner: QWidget) -> None:
        """Show ``banner`` (alerts) between the page title and the page."""
        self._content_layout.insertWidget(1, banner)

    def _page_specs(self) -> list[PageSpec]:
        s = self.services
        return [
            PageSpec("registration", lambda: self.tr("Registration"),
                     lambda: QtRegistrationPage(s, self.session, self._tasks, self._bridge),
                     lambda caps, role: caps.registers_patients and (
                         not caps.reviews_and_signs or role is Role.TECHNICIAN)),
            PageSpec("status", lambda: self.tr("Status board"),
                     lambda: QtStatusPage(s.board_desk, s.settings, self._tasks, self._bridge,
                                          reader_name=self.session.display_name),
                     lambda caps, role: True),
            PageSpec("triage", lambda: self.tr("Triage"),
                     lambda: QtTriagePage(s, self.session, self._tasks, self._bridge),
                     lambda caps, role: caps.triages_and_assigns and role in (
                         Role.TRIAGE, Role.ADMIN)),
            PageSpec("reading", lambda: self.tr("Reading"),
                     lambda: QtReadingPage(s, self.session, self._tasks, self._bridge,
                                           key_images=s.settings.data_dir / "annotations"),
                     lambda caps, role: role in (Role.ATTENDING, Role.REVIEWER) or (
                         caps.writes_preliminary_reports and role is Role.COMMUNITY_DOCTOR)),
            PageSpec("reports", lambda: self.tr("Reports"),
                     lambda: QtReportsPage(s, self.session, self._tasks, self._bridge),
                     lambda caps, role: caps.prints_reports and role in (
                         Role.TECHNICIAN, Role.COMMUNITY_DOCTOR, Role.ADMIN, Role.REVIEWER)),
            PageSpec("tat", lambda: self.tr("Turnaround"),
                     lambda: QtTatPage(s, self._tasks, self._bridge),
                     lambda caps, role: role in (Role.ADMIN, Role.TRIAGE, Role.REVIEWER,
                                                 Role.COMMUNITY_DOCTOR)),
            PageSpec("library", lambda: self.tr("Teaching library"),
                     self._library_page,
                     lambda caps, role: role in (Role.ATTENDING, Role.REVIEWER, Role.ADMIN)
                     if caps.reviews_and_signs else role is Role.COMMUNITY_DOCTOR),
            PageSpec("teaching", lambda: self.tr("Teaching progress"),
                     lambda: QtTeachingDashboard(
                         s.teaching_desk, self._tasks, tz=s.settings.site.tz,
                         site_name=s.settings.site.name,
                         own_site=None if s.capabilities.reviews_and_signs
                         else s.settings.site.code),
                     lambda caps, role: role in (Role.REVIEWER, Role.ADMIN, Role.ATTENDING,
                                                 Role.COMMUNITY_DOCTOR)),
            PageSpec("viewer", lambda: self.tr("Viewer"),
                     lambda: QtViewerPage(self._tasks,
                                          annotations=s.settings.data_dir / "annotations",
                                          hanging_rules=self._site_hanging_rules(),
                                          creator=self.session.display_name,
                                          uid_root=s.settings.uid_root),
                     lambda caps, role: True),
            PageSpec("history", lambda: self.tr("History"),
                     lambda: QtHistoryPage(s, self._tasks), lambda caps, role: True),
            PageSpec("node", lambda: self.tr("Node status"),
                     lambda: QtNodePage(s, self._tasks), lambda caps, role: True),
            PageSpec("log", lambda: self.tr("Log"),
                     lambda: QtLogPage(self._log, self._log_file),  # type: ignore[arg-type]
                     lambda caps, role: self._log is not None),
            PageSpec("settings", lambda: self.tr("Settings"),
                     lambda: QtSettingsPage(s.settings, s.settings.source, self.session.role,
                                            self._tasks, self._store),
                     lambda caps, role: True),
        ]

    def _add_actions(self) -> None:
        for n in range(min(9, len(self._keys))):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _=False, row=n: self.navigation.setCurrentRow(row))
            self.addAction(action)
        theme = QAction(self.tr("Switch light/dark theme"), self)
        theme.setShortcut(QKeySequence("Ctrl+Shift+L"))
        theme.triggered.connect(self.toggle_theme)
        self.addAction(theme)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        key = self._keys[row]
        reading = self.pages.get("reading")
        if self.viewer_dock is not None and key == "viewer":
            self.viewer_dock.to_page()
        elif self.viewer_dock is not None and key == "reading" and \
                isinstance(reading, QtReadingPage):
            self.viewer_dock.beside(reading.image_home)
        self.title.setText(self.navigation.item(row).text())
        self.page_changed.emit(key)

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(self._keys.index(key))

    @property
    def current_page(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def toggle_theme(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        name = LIGHT if app.property("tw_theme") == DARK else DARK
        apply_theme(app, name)
        self._store.setValue("ui/theme", name)

    # -- persistence ---------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self._store.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        for page in self.pages.values():
            restore = getattr(page, "restore_state", None)
            if restore is not None:
                restore(self._store)
        last = self._store.value("window/page", "status")
        self.show_page(last if last in self._keys else self._keys[0])

    def save_state(self) -> None:
        self._store.setValue("window/geometry", self.saveGeometry())
        self._store.setValue("window/page", self.current_page)
        for page in self.pages.values():
            save = getattr(page, "save_state", None)
            if save is not None:
                save(self._store)
        self._store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.viewer_dock is not None:
            self.viewer_dock.close()
        super().closeEvent(event)
