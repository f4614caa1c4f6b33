"""Settings: the site's network identity, devices and alerts (administrators), and the
user's own look (everyone). Site settings are written to site.toml, validated exactly
as the loader reads them; a wrong value is named and nothing is written.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..app.site_edit import save_settings
from ..config import KNOWN_CHARSETS, ConfigError, PeerKind, PeerNode, Settings
from ..printing.printers import system_printers
from ..storage.enums import Role
from ..viewer.hanging import RULES_FILE, Rule, load_rules
from .alerts import ROUTINE, QtSoundPlayer
from .labels import peer_kind_label
from .tasks import TaskRunner
from .theme import DARK, LIGHT, apply_theme
from .viewer.qt_hanging_editor import QtHangingEditor
from .widgets import card

PEER_COLUMNS = ("ae_title", "host", "port", "kind", "charset", "tls")


class QtSettingsPage(QWidget):
    """Edits a copy of the settings; Save writes site.toml through the database worker."""

    saved = Signal(object)  # the Settings as read back from the file
    hanging_rules_saved = Signal(object)  # list[Rule] the hanging-protocol editor wrote

    def __init__(self, settings: Settings, config_path: Path | None, role: Role,
                 tasks: TaskRunner, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._config_path = config_path
        self._tasks = tasks
        self._store = store
        self.can_edit_site = role is Role.ADMIN and config_path is not None

        # -- site and network ------------------------------------------------------------
        self.ae_title = QLineEdit(settings.dicom.ae_title)
        self.dicom_port = self._port(settings.dicom.port)
        self.tls_port = self._port(settings.dicom.tls.port if settings.dicom.tls else 0, 0)
        self.tls_port.setEnabled(settings.dicom.tls is not None)
        self.api_port = self._port(settings.api.port)
        self.center_url = QLineEdit(settings.sync.center_url)
        self.center_url.setPlaceholderText("https://10.1.0.5:8443")
        network = QFormLayout()
        network.addRow(self.tr("AE title of this site"), self.ae_title)
        network.addRow(self.tr("DICOM port"), self.dicom_port)
        network.addRow(self.tr("DICOM TLS port (0 = none)"), self.tls_port)
        network.addRow(self.tr("Sync API port (center)"), self.api_port)
        network.addRow(self.tr("Center URL (community)"), self.center_url)
        self.retrieve = QComboBox()
        for label, value in ((self.tr("Automatic (C-MOVE, else C-GET)"), "auto"),
                             (self.tr("The center connects back (C-MOVE)"), "move"),
                             (self.tr("This site asks, behind NAT (C-GET)"), "get")):
            self.retrieve.addItem(label, value)
        self.retrieve.setCurrentIndex(max(0, self.retrieve.findData(
            settings.forward.retrieve_priors)))
        self.retrieve.setToolTip(self.tr("How a community fetches a patient's prior images "
                                         "from the center"))
        network.addRow(self.tr("Priors from the center"), self.retrieve)
        tls = settings.dicom.tls
        tls_text = self.tr("Certificate {cert}, CA {ca}").format(
            cert=tls.certificate.name, ca=tls.ca_certificates.name) if tls else \
            self.tr("No TLS identity: run `tiered-ws pki issue-site` at the consortium CA.")
        tls_label = QLabel(tls_text)
        tls_label.setObjectName("muted")
        tls_label.setWordWrap(True)
        network.addRow(self.tr("TLS identity"), tls_label)

        # -- devices -----------------------------------------------------------------------
        self.peers = QTableWidget(0, len(PEER_COLUMNS))
        self.peers.setHorizontalHeaderLabels([
            self.tr("AE title"), self.tr("Host"), self.tr("Port"), self.tr("Kind"),
            self.tr("Character set"), self.tr("TLS")])
        self.peers.verticalHeader().hide()
        self.peers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peers.horizontalHeader().setStretchLastSection(True)
        for peer in settings.peers:
            self._add_peer_row(peer)
        self.peers.resizeColumnsToContents()
        add = QPushButton(self.tr("Add device"))
        add.clicked.connect(lambda: self._add_peer_row(PeerNode("NEW_DEVICE", "127.0.0.1", 104,
                                                                kind=PeerKind.MODALITY)))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.peers.removeRow(self.peers.currentRow()))
        device_buttons = QHBoxLayout()
        device_buttons.addStretch(1)
        device_buttons.addWidget(add)
        device_buttons.addWidget(remove)
        self._device_buttons = (add, remove)

        # -- alerts ------------------------------------------------------------------------
        alerts = settings.alerts
        self.sound = QCheckBox(self.tr("Play a sound for arrivals"))
        self.sound.setChecked(alerts.sound)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(alerts.volume)
        test_sound = QPushButton(self.tr("Play test sound"))
        test_sound.clicked.connect(self._play_test)
        self.quiet = QCheckBox(self.tr("Quiet hours"))
        self.quiet.setChecked(bool(alerts.quiet_start and alerts.quiet_end))
        self.quiet_start = QTimeEdit(QTime.fromString(alerts.quiet_start or "22:00", "HH:mm"))
        self.quiet_end = QTimeEdit(QTime.fromString(alerts.quiet_end or "07:00", "HH:mm"))
        for edit in (self.quiet_start, self.quiet_end):
            edit.setDisplayFormat("HH:mm")
        self.speech = QCheckBox(self.tr("Speak the alert (where a speech engine is installed)"))
        self.speech.setChecked(alerts.speech)
        self.repeat = QSpinBox()
        self.repeat.setRange(10, 3600)
        self.repeat.setSuffix(self.tr(" s"))
        self.repeat.setValue(alerts.repeat_urgent_seconds)
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(test_sound)
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(self.quiet)
        quiet_row.addWidget(self.quiet_start)
        quiet_row.addWidget(QLabel("–"))
        quiet_row.addWidget(self.quiet_end)
        quiet_row.addStretch(1)
        alert_form = QFormLayout()
        alert_form.addRow(self.sound)
        alert_form.addRow(self.tr("Volume"), volume_row)
        alert_form.addRow(quiet_row)
        alert_form.addRow(self.speech)
        alert_form.addRow(self.tr("Repeat urgent alerts every"), self.repeat)

        # -- language and look -------------------------------------------------------------
        self.language = QComboBox()
        for label, value in ((self.tr("As the system (automatic)"), "auto"),
                             ("简体中文", "zh_CN"), ("English", "en")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.gui.language)))
        self.embed_node = QCheckBox(self.tr("This app runs the site's node (DICOM, sync, "
                                            "forwarding, printing)"))
        self.embed_node.setChecked(settings.gui.embed_node)
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Light"), LIGHT)
        self.theme.addItem(self.tr("Dark (reading room)"), DARK)
        self.theme.setCurrentIndex(max(0, self.theme.findData(store.value("ui/theme", LIGHT))))
        self.theme.currentIndexChanged.connect(self._apply_theme)
        look = QFormLayout()
        look.addRow(self.tr("Language (applies at next start)"), self.language)
        look.addRow(self.embed_node)
        look.addRow(self.tr("My theme"), self.theme)

        # -- printing and reading ----------------------------------------------------------
        printing = settings.printing
        self.printer = QComboBox()
        self.printer.addItem(self.tr("PDF folder only (no printer)"), "")
        if printing.printer:
            self.printer.addItem(printing.printer, printing.printer)
            self.printer.setCurrentIndex(1)
        tasks.net(system_printers).success(self._add_printers)
        self.auto_print = QCheckBox(self.tr("Print signed reports automatically (once each)"))
        self.auto_print.setChecked(printing.auto_print)
        self.paper = QComboBox()
        for size in ("A4", "A5"):
            self.paper.addItem(size, size)
        self.paper.setCurrentIndex(max(0, self.paper.findData(printing.paper)))
        self.overload = QSpinBox()
        self.overload.setRange(0, 1000)
        self.overload.setSpecialValueText(self.tr("off"))
        self.overload.setValue(settings.workflow.overload_threshold)
        self.overload.setToolTip(self.tr("While more of this community's exams wait for its "
                                         "own doctors, new exams are read at the center."))
        print_form = QFormLayout()
        print_form.addRow(self.tr("Printer"), self.printer)
        print_form.addRow(self.tr("Paper"), self.paper)
        print_form.addRow(self.auto_print)
        print_form.addRow(self.tr("Overload: read at the center above"), self.overload)
        self.hanging_button = QPushButton(self.tr("Edit…"))
        self.hanging_button.clicked.connect(self.edit_hanging_rules)
        self.hanging_editor: QtHangingEditor | None = None
        print_form.addRow(self.tr("Viewer hanging protocols"), self.hanging_button)

        # -- save --------------------------------------------------------------------------
        self.save_button = QPushButton(self.tr("Save site settings"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        note = QLabel(self.tr("Only an administrator can change the site's settings.")
                      if not self.can_edit_site else
                      self.tr("Network and device changes apply when the node restarts."))
        note.setObjectName("muted")
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(self.message, 2)
        bottom.addWidget(self.save_button)

        grid = QGridLayout()
        grid.addWidget(card(self.tr("Site and network"), network), 0, 0)
        grid.addWidget(card(self.tr("Arrival alerts"), alert_form), 0, 1)
        devices = QVBoxLayout()
        devices.addWidget(self.peers, 1)
        devices.addLayout(device_buttons)
        grid.addWidget(card(self.tr("DICOM devices and nodes"), devices, stretch_first=True),
                       1, 0, 2, 1)
        grid.addWidget(card(self.tr("Language and look"), look), 1, 1)
        grid.addWidget(card(self.tr("Printing and reading"), print_form), 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)

        if not self.can_edit_site:
            for widget in (self.ae_title, self.dicom_port, self.tls_port, self.api_port,
                           self.center_url, self.retrieve, self.peers,
                           *self._device_buttons, self.sound,
                           self.volume, self.quiet, self.quiet_start, self.quiet_end,
                           self.speech, self.repeat, self.language, self.embed_node,
                           self.printer, self.auto_print, self.paper, self.overload,
                           self.save_button):
                widget.setEnabled(False)

    # -- helpers -------------------------------------------------------------------------
    @staticmethod
    def _port(value: int, minimum: int = 1) -> QSpinBox:
        box = QSpinBox()
        box.setRange(minimum, 65535)
        box.setValue(value)
        return box

    def _add_peer_row(self, peer: PeerNode) -> None:
        row = self.peers.rowCount()
        self.peers.insertRow(row)
        self.peers.setItem(row, 0, QTableWidgetItem(peer.ae_title))
        self.peers.setItem(row, 1, QTableWidgetItem(peer.host))
        self.peers.setItem(row, 2, QTableWidgetItem(str(peer.port)))
        kind = QComboBox()
        for value in PeerKind:
            kind.addItem(peer_kind_label(value), value.value)
        kind.setCurrentIndex(kind.findData(peer.kind.value))
        self.peers.setCellWidget(row, 3, kind)
        charset = QComboBox()
        charset.addItem(self.tr("(site default)"), "")
        for name in KNOWN_CHARSETS:
            charset.addItem(name, name)
        charset.setCurrentIndex(max(0, charset.findData(peer.charset or "")))
        self.peers.setCellWidget(row, 4, charset)
        tls = QTableWidgetItem()
        tls.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        tls.setCheckState(Qt.CheckState.Checked if peer.tls else Qt.CheckState.Unchecked)
        self.peers.setItem(row, 5, tls)

    def _peers_from_table(self) -> tuple[PeerNode, ...]:
        peers = []
        for row in range(self.peers.rowCount()):
            ae = self.peers.item(row, 0).text().strip()
            original = next((p for p in self._settings.peers if p.ae_title == ae), None)
            port_text = self.peers.item(row, 2).text().strip()
            kind = self.peers.cellWidget(row, 3)
            charset = self.peers.cellWidget(row, 4)
            assert isinstance(kind, QComboBox)
            assert isinstance(charset, QComboBox)
            values = {"ae_title": ae, "host": self.peers.item(row, 1).text().strip(),
                      "port": int(port_text) if port_text.isdigit() else -1,
                      "kind": PeerKind(kind.currentData()),
                      "charset": charset.currentData() or None,
                      "tls": self.peers.item(row, 5).checkState() == Qt.CheckState.Checked}
            peers.append(dataclasses.replace(original, **values) if original
                         else PeerNode(**values))
        return tuple(peers)

    def candidate(self) -> Settings:
        """The settings as edited on this page (not yet validated)."""
        s = self._settings
        tls = s.dicom.tls
        if tls is not None:
            tls = dataclasses.replace(tls, port=self.tls_port.value())
        quiet = self.quiet.isChecked()
        return dataclasses.replace(
            s,
            dicom=dataclasses.replace(s.dicom, ae_title=self.ae_title.text().strip(),
                                      port=self.dicom_port.value(), tls=tls),
            api=dataclasses.replace(s.api, port=self.api_port.value()),
            sync=dataclasses.replace(s.sync, center_url=self.center_url.text().strip()),
            forward=dataclasses.replace(s.forward,
                                        retrieve_priors=str(self.retrieve.currentData())),
            alerts=dataclasses.replace(
                s.alerts, sound=self.sound.isChecked(), volume=self.volume.value(),
                speech=self.speech.isChecked(),
                repeat_urgent_seconds=self.repeat.value(),
                quiet_start=self.quiet_start.time().toString("HH:mm") if quiet else "",
                quiet_end=self.quiet_end.time().toString("HH:mm") if quiet else ""),
            gui=dataclasses.replace(s.gui, language=self.language.currentData(),
                                    embed_node=self.embed_node.isChecked()),
            printing=dataclasses.replace(s.printing, printer=self.printer.currentData(),
                                         auto_print=self.auto_print.isChecked(),
                                         paper=self.paper.currentData()),
            workflow=dataclasses.replace(s.workflow,
                                         overload_threshold=self.overload.value()),
            peers=self._peers_from_table())

    def edit_hanging_rules(self) -> None:
        """Open the rules editor on the site's rules (read on the file thread)."""
        path = self._settings.data_dir / RULES_FILE

        def read() -> tuple[list[Rule], str]:
            if not path.is_file():
                return load_rules(), ""
            try:
                return load_rules(path), ""
            except (OSError, ValueError) as exc:
                return load_rules(), str(exc)
        self._tasks.db(read).success(lambda found: self._open_editor(path, *found))

    def _open_editor(self, path: Path, rules: list[Rule], problem: str) -> None:
        note = self.tr("The site's file is not valid ({error}); the shipped rules are "
                       "shown.").format(error=problem) if problem else ""
        editor = QtHangingEditor(rules, path, self._tasks, can_save=self.can_edit_site,
                                 note=note, parent=self)
        editor.saved.connect(self.hanging_rules_saved)
        self.hanging_editor = editor
        editor.open()

    def _add_printers(self, names: list[str]) -> None:
        for name in names:
            if self.printer.findData(name) < 0:
                self.printer.addItem(name, name)

    # -- actions -------------------------------------------------------------------------
    def save(self) -> None:
        if not self.can_edit_site or self._config_path is None:
            return
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Saving…"))
        self._tasks.db(save_settings, self._config_path, self.candidate()).success(
            self._on_saved).failure(self._on_refused)

    def _on_saved(self, settings: Settings) -> None:
        self._settings = settings
        self.save_button.setEnabled(True)
        self.message.setObjectName("")
        self.message.setText(self.tr("Saved to {path}.").format(path=self._config_path))
        self.saved.emit(settings)

    def _on_refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setObjectName("error")
        self.message.style().polish(self.message)
        if isinstance(error, ConfigError):
            self.message.setText(self.tr("Not saved: {problem}").format(problem=error))
        else:
            self.message.setText(self.tr("Not saved: the file could not be written "
                                         "({error}).").format(error=error))

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        name = self.theme.currentData()
        apply_theme(app, name)
        self._store.setValue("ui/theme", name)

    def _play_test(self) -> None:
        player = getattr(self, "_player", None)
        if player is None:
            player = self._player = QtSoundPlayer(self.volume.value(), self)
        if not player.play(ROUTINE):
            self.message.setText(self.tr("No sound device is available on this computer."))
