"""The log viewer: every record the program wrote this session, filterable, with details;
problems in plain words next to the technical message."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .log_capture import LogEntry, QtLogCapture
from .problem_bar import ActiveProblem
from .problem_words import problem_words

Index = QModelIndex | QPersistentModelIndex
LEVEL_COLOURS = {logging.WARNING: "#b26a00", logging.ERROR: "#c62828",
                 logging.CRITICAL: "#c62828"}


class QtLogModel(QAbstractTableModel):
    COLUMNS = ("time", "level", "source", "message")

    def __init__(self, capture: QtLogCapture) -> None:
        super().__init__()
        self._capacity = capture.entries.maxlen or 5000
        self._rows: list[LogEntry] = list(capture.entries)
        capture.captured.connect(self.append)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time"), self.tr("Level"), self.tr("Source"),
                self.tr("Message"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "time":
                return entry.at.astimezone().strftime("%H:%M:%S")
            if column == "level":
                return level_label(entry.level)
            if column == "source":
                return entry.source
            return entry.message.splitlines()[0] if entry.message else ""
        if role == Qt.ItemDataRole.ForegroundRole and column in ("level", "message"):
            colour = LEVEL_COLOURS.get(entry.level)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return entry.message
        return None

    def append(self, entry: LogEntry) -> None:
        if len(self._rows) >= self._capacity:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            del self._rows[0]
            self.endRemoveRows()
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(entry)
        self.endInsertRows()

    def entries(self) -> list[LogEntry]:
        return list(self._rows)


class QtLogFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.min_level = logging.INFO
        self.problems_only = False
        self.text = ""

    def set_filters(self, min_level: int, problems_only: bool, text: str) -> None:
        self.beginFilterChange()
        self.min_level, self.problems_only, self.text = min_level, problems_only, \
            text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        entry: LogEntry = model.data(model.index(row, 0, parent), Qt.ItemDataRole.UserRole)
        if entry.level < self.min_level or (self.problems_only and entry.problem is None):
            return False
        return not self.text or self.text in entry.message.lower() \
            or self.text in entry.source.lower()


def level_label(level: int) -> str:
    if level >= logging.ERROR:
        return QCoreApplication.translate("LogLevel", "Error")
    if level >= logging.WARNING:
        return QCoreApplication.translate("LogLevel", "Warning")
    if level >= logging.INFO:
        return QCoreApplication.translate("LogLevel", "Information")
    return QCoreApplication.translate("LogLevel", "Debug")


class QtLogPage(QWidget):
    """Filter by level, problems and text; the selected record's details below."""

    def __init__(self, capture: QtLogCapture, log_file: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QtLogModel(capture)
        self.proxy = QtLogFilter()
        self.proxy.setSourceModel(self.model)
        self._log_file = log_file

        self.level = QComboBox()
        for label, value in ((self.tr("Everything"), logging.INFO),
                             (self.tr("Warnings and errors"), logging.WARNING),
                             (self.tr("Errors only"), logging.ERROR)):
            self.level.addItem(label, value)
        self.problems_only = QCheckBox(self.tr("Problems for people only"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the log (AE title, accession, …)"))
        self.search.setClearButtonEnabled(True)
        self.save_button = QPushButton(self.tr("Save as text…"))
        self.save_button.clicked.connect(self._save_dialog)
        self.folder_button = QPushButton(self.tr("Open log folder"))
        self.folder_button.setEnabled(log_file is not None)
        self.folder_button.clicked.connect(self._open_folder)
        self.level.currentIndexChanged.connect(self._apply)
        self.problems_only.toggled.connect(self._apply)
        self.search.textChanged.connect(self._apply)
        tools = QHBoxLayout()
        tools.addWidget(self.level)
        tools.addWidget(self.problems_only)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.save_button)
        tools.addWidget(self.folder_button)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setObjectName("logDetails")
        self.details.setPlaceholderText(self.tr("Select a line to see everything about it."))
        self.file_label = QLabel(self.tr("Also written to {path}").format(path=log_file)
                                 if log_file else self.tr("This session's log is not written "
                                                          "to a file."))
        self.file_label.setObjectName("muted")
        self.count = QLabel()
        self.count.setObjectName("counts")
        self.proxy.rowsInserted.connect(self._on_rows)
        self.proxy.modelReset.connect(self._on_rows)
        self.proxy.layoutChanged.connect(self._on_rows)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count)
        footer.addStretch(1)
        footer.addWidget(self.file_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(tools)
        layout.addWidget(split, 1)
        layout.addLayout(footer)
        self._on_rows()

    def _apply(self) -> None:
        self.proxy.set_filters(self.level.currentData(), self.problems_only.isChecked(),
                               self.search.text())
        self._on_rows()

    def _on_rows(self, *_: object) -> None:
        self.count.setText(self.tr("%n line(s) shown", "", self.proxy.rowCount()))

    def show_problem(self, problem: ActiveProblem) -> None:
        """Show problems only and select the newest record of ``problem``."""
        self.problems_only.setChecked(True)
        for row in range(self.proxy.rowCount() - 1, -1, -1):
            entry: LogEntry = self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole)
            if entry.problem is problem.kind:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                break

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.clear()
            return
        self.details.setPlainText(self.describe(current.data(Qt.ItemDataRole.UserRole)))

    def describe(self, entry: LogEntry) -> str:
        lines = [f"{entry.at.astimezone():%Y-%m-%d %H:%M:%S}  {level_label(entry.level)}  "
                 f"{entry.source}", "", entry.message]
        if entry.problem is not None:
            what, todo = problem_words(entry.problem, entry.facts)
            lines += ["", self.tr("What this means: {what}").format(what=what),
                      self.tr("What to do: {todo}").format(todo=todo)]
        if entry.details:
            lines += ["", entry.details]
        return "\n".join(lines)

    def save_text(self, path: Path) -> int:
        """Write the lines shown now to ``path``; returns how many."""
        rows = [self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
                for r in range(self.proxy.rowCount())]
        text = "\n".join(f"{e.at.astimezone():%Y-%m-%d %H:%M:%S} {e.level_name} {e.source}: "
                         f"{e.message}" + (f"\n{e.details}" if e.details else "")
                         for e in rows)
        path.write_text(text + "\n", encoding="utf-8")
        return len(rows)

    def _save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the log"),
                                              "tiered-workstation-log.txt",
                                              self.tr("Text (*.txt)"))
        if name:
            self.save_text(Path(name))

    def _open_folder(self) -> None:
        if self._log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_file.parent)))
