"""Node status: this site's services, its peers (with a connection test), queues and errors."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..app.bootstrap import Services
from ..app.connectivity import ConnectionCheck, check_center_api, check_peer
from ..app.status import SiteStatus, collect_status
from .labels import peer_kind_label
from .tasks import TaskRunner
from .widgets import card, row_table

OK_COLOUR, BAD_COLOUR = "#1b7f3b", "#b3261e"
CENTER_API = "__center_api__"


class QtNodePage(QWidget):
    """Refreshed every few seconds on the database worker; tests run on the network pool."""

    refreshed = Signal(object)  # SiteStatus
    checked = Signal(str, object)  # peer AE title (or CENTER_API), ConnectionCheck

    def __init__(self, services: Services, tasks: TaskRunner, *, node_running: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._node_running = node_running
        settings = services.settings

        self.services_table = self._table([self.tr("Service"), self.tr("Address"),
                                           self.tr("State")])
        self.peers_table = self._table([self.tr("AE title"), self.tr("Kind"),
                                        self.tr("Address"), self.tr("Security"),
                                        self.tr("Test")])
        self.peers_table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch)
        self._peer_rows: dict[str, int] = {}
        peers = list(settings.peers)
        self.peers_table.setRowCount(len(peers) + (1 if settings.sync.center_url else 0))
        for row, peer in enumerate(peers):
            self._peer_rows[peer.ae_title] = row
            security = self.tr("mutual TLS") if peer.tls else self.tr("plain")
            for column, text in enumerate((peer.ae_title, peer_kind_label(peer.kind),
                                           f"{peer.host}:{peer.port}", security, "")):
                self.peers_table.setItem(row, column, QTableWidgetItem(text))
        if settings.sync.center_url:
            row = len(peers)
            self._peer_rows[CENTER_API] = row
            for column, text in enumerate((settings.site.center or "", self.tr("Center sync API"),
                                           settings.sync.center_url, self.tr("mutual TLS"), "")):
                self.peers_table.setItem(row, column, QTableWidgetItem(text))
        self.peers_table.resizeColumnsToContents()

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("primary")
        self.test_button.setToolTip(self.tr("C-ECHO the selected peer, or call the center's API"))
        self.test_button.clicked.connect(self.test_selected)
        self.test_all_button = QPushButton(self.tr("Test all"))
        self.test_all_button.clicked.connect(self.test_all)

        self.queues = QLabel()
        self.queues.setWordWrap(True)
        self.queues.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.errors = QLabel()
        self.errors.setObjectName("error")
        self.errors.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("muted")

        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.addWidget(card(self.tr("Services of this site"), self.services_table,
                            self.summary, stretch_first=True), 0, 0)
        grid.addWidget(card(self.tr("Queues"), self.queues, self.errors, stretch_first=True),
                       0, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.test_all_button)
        buttons.addWidget(self.test_button)
        grid.addWidget(card(self.tr("Peers"), self.peers_table, buttons, stretch_first=True),
                       1, 0, 1, 2)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    # -- layout helpers ------------------------------------------------------------------
    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = row_table(headers, len(headers) - 1)
        table.setShowGrid(False)
        return table

    def _service_label(self, kind: str, fallback: str) -> str:
        ae = self._services.settings.dicom.ae_title
        return {"dicom": self.tr("DICOM node {ae}").format(ae=ae),
                "dicom_tls": self.tr("DICOM TLS (mutual)"),
                "sync_api": self.tr("Sync API (HTTPS)")}.get(kind, fallback)

    # -- status --------------------------------------------------------------------------
    def set_node_running(self, running: bool) -> None:
        self._node_running = running
        self.refresh()

    def refresh(self) -> None:
        self._tasks.db(collect_status, self._services).success(self._show_status)

    def _show_status(self, status: SiteStatus) -> None:
        self.services_table.setRowCount(len(status.services))
        for row, service in enumerate(status.services):
            state = self.tr("listening") if service.listening else self.tr("not running")
            items = (self._service_label(service.kind, service.name), service.address, state)
            for column, text in enumerate(items):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setForeground(QColor(OK_COLOUR if service.listening else BAD_COLOUR))
                self.services_table.setItem(row, column, item)
        self.services_table.resizeColumnsToContents()
        embedded = self._services.settings.gui.embed_node
        if not embedded:
            self.summary.setText(self.tr("This app does not run the node itself "
                                         "(gui.embed_node = false); a separate service does."))
        elif self._node_running:
            self.summary.setText(self.tr("The node runs inside this app."))
        else:
            self.summary.setText(self.tr("The node inside this app is starting or stopped."))
        waiting = ", ".join(f"{site}: {count}" for site, count in
                            sorted(status.outbox_waiting.items())) or self.tr("empty")
        self.queues.setText(self.tr("Messages waiting for other sites: {waiting}\n"
                                    "Image batches waiting to be forwarded: {forward}").format(
            waiting=waiting, forward=status.forward_pending))
        errors = [e for e in (status.outbox_last_error, status.forward_last_error) if e]
        self.errors.setText(self.tr("Last error: {error}").format(error=errors[0])
                            if errors else "")
        self.refreshed.emit(status)

    # -- connection tests ----------------------------------------------------------------
    def test_selected(self) -> None:
        row = self.peers_table.currentRow()
        key = next((k for k, r in self._peer_rows.items() if r == row), None)
        if key is not None:
            self._test(key)

    def test_all(self) -> None:
        for key in self._peer_rows:
            self._test(key)

    def _test(self, key: str) -> None:
        settings = self._services.settings
        self._set_result(key, self.tr("testing…"), None)
        if key == CENTER_API:
            op = self._tasks.net(check_center_api, settings)
        else:
            peer = settings.peer(key)
            assert peer is not None
            op = self._tasks.net(check_peer, settings, peer)
        op.success(lambda check, k=key: self._on_checked(k, check))

    def _check_words(self, check: ConnectionCheck) -> str:
        """What a test found, in the desk's language (the English message otherwise)."""
        words = {
            "answered": self.tr("{ae} answered"),
            "answered_tls": self.tr("{ae} answered over TLS"),
            "api_answered": self.tr("the center {site} answered over HTTPS"),
            "refused": self.tr("{ae} at {host}:{port} refused the association (is {calling} "
                               "registered there as a peer?)"),
            "no_answer": self.tr("no DICOM node answered at {host}:{port} (check the host, "
                                 "the port and that the node is running)"),
            "no_echo": self.tr("{ae} did not answer the echo in time"),
            "status": self.tr("{ae} answered the echo with status {status}"),
            "tls_missing": self.tr("this peer expects DICOM TLS, but this site has no TLS "
                                   "identity ([dicom.tls] in site.toml)"),
            "no_center_url": self.tr("no center URL is configured ([sync] center_url)"),
        }.get(check.kind)
        return words.format(**check.facts) if words else check.message

    def _on_checked(self, key: str, check: ConnectionCheck) -> None:
        detail = self._check_words(check)
        if check.ok:
            text = self.tr("OK in {ms} ms — {detail}").format(ms=round(check.milliseconds),
                                                               detail=detail)
        else:
            text = self.tr("Failed — {detail}").format(detail=detail)
        self._set_result(key, text, check.ok)
        self.checked.emit(key, check)

    def _set_result(self, key: str, text: str, ok: bool | None) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if ok is not None:
            item.setForeground(QColor(OK_COLOUR if ok else BAD_COLOUR))
        self.peers_table.setItem(self._peer_rows[key], 4, item)
