"""The hanging-protocol rules of a site, as a table to edit (Settings → Hanging protocols).

Rows are tried from the top: the first rule whose modalities, body parts and
number of views fit a study decides its layout. Saving writes the site's own
``DATA_DIR/hanging_protocols.json`` (on the file thread); the shipped rules
can be restored at any time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...viewer.hanging import LAYOUT_SIZES, Rule, load_rules, parse_rules, save_rules
from ..tasks import TaskRunner

NOT_STATED = "-"      # in the body-parts column: images that do not say their body part
NAME, MODALITIES, BODY_PARTS, VIEWS, LAYOUT, ORDER = range(6)


def _words(text: str) -> list[str]:
    return [w.strip() for w in text.replace(";", ",").split(",") if w.strip()]


class QtHangingEditor(QDialog):
    """Edit, reorder, restore and save a site's hanging-protocol rules."""

    saved = Signal(object)   # list[Rule] as written

    def __init__(self, rules: list[Rule], path: Path, tasks: TaskRunner, *,
                 can_save: bool = True, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hanging protocols"))
        self.resize(1000, 480)
        self._path, self._tasks = path, tasks
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Modalities"), self.tr("Body parts"),
            self.tr("Least views"), self.tr("Layout"), self.tr("View order")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ORDER, QHeaderView.ResizeMode.Stretch)
        for column in (MODALITIES, BODY_PARTS):
            self.table.setColumnWidth(column, 150)
        tips = {MODALITIES: self.tr("Comma-separated, e.g. DX, CR"),
                BODY_PARTS: self.tr("Comma-separated; empty: any body part; "
                                    "\"-\": images that do not state one"),
                VIEWS: self.tr("The least number of views (series, or images of a "
                               "radiograph series) the study must have"),
                ORDER: self.tr("View positions from the first viewport on, e.g. PA, LL")}
        for column, tip in tips.items():
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(tip)
        self.set_rules(rules)

        self.add_button = QPushButton(self.tr("Add rule"))
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.restore_button = QPushButton(self.tr("Restore the shipped rules"))
        self.restore_button.clicked.connect(lambda: self.set_rules(load_rules()))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(can_save)
        cancel = QPushButton(self.tr("Close"))
        cancel.clicked.connect(self.reject)
        self.message = QLabel(note or self.tr("Rules are tried from the top; the first that "
                                              "fits a study decides where its images hang."))
        self.message.setWordWrap(True)
        self.message.setObjectName("muted")

        edit_row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button,
                       self.down_button, self.restore_button):
            edit_row.addWidget(button)
            button.setEnabled(can_save)
        edit_row.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(cancel)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addLayout(bottom)

    # -- rows --------------------------------------------------------------------------
    def set_rules(self, rules: list[Rule]) -> None:
        self.table.setRowCount(0)
        for rule in rules:
            self._append(rule)

    def _append(self, rule: Rule | None, at: int | None = None) -> None:
        row = self.table.rowCount() if at is None else at
        self.table.insertRow(row)
        parts = "" if rule is None or rule.body_parts is None else ", ".join(
            sorted(p or NOT_STATED for p in rule.body_parts))
        texts = {NAME: rule.name if rule else self.tr("New rule"),
                 MODALITIES: ", ".join(sorted(rule.modalities)) if rule else "",
                 BODY_PARTS: parts,
                 ORDER: ", ".join(rule.view_order) if rule else ""}
        for column, text in texts.items():
            self.table.setItem(row, column, QTableWidgetItem(text))
        views = QSpinBox()
        views.setRange(1, max(LAYOUT_SIZES.values()))
        views.setValue(rule.views if rule else 1)
        self.table.setCellWidget(row, VIEWS, views)
        layout = QComboBox()
        for key in LAYOUT_SIZES:
            layout.addItem(key.replace("x", " × "), key)
        layout.setCurrentIndex(max(0, layout.findData(rule.layout if rule else "1x1")))
        self.table.setCellWidget(row, LAYOUT, layout)

    def _row(self, row: int) -> dict[str, object]:
        def text(column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""
        views = self.table.cellWidget(row, VIEWS)
        layout = self.table.cellWidget(row, LAYOUT)
        assert isinstance(views, QSpinBox)
        assert isinstance(layout, QComboBox)
        raw: dict[str, object] = {"name": text(NAME), "modalities": _words(text(MODALITIES)),
                                  "views": views.value(), "layout": str(layout.currentData()),
                                  "view_order": _words(text(ORDER))}
        parts = _words(text(BODY_PARTS))
        if parts:
            raw["body_parts"] = ["" if p == NOT_STATED else p for p in parts]
        return raw

    def rules(self) -> list[Rule]:
        """The table as rules; a ValueError names the first wrong row."""
        return parse_rules([self._row(n) for n in range(self.table.rowCount())])

    def _add(self) -> None:
        at = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else \
            self.table.rowCount()
        self._append(None, at)
        self.table.setCurrentCell(at, NAME)
        self.table.editItem(self.table.item(at, NAME))

    def _remove(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        try:
            rules = self.rules()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        rules.insert(target, rules.pop(row))
        self.set_rules(rules)
        self.table.setCurrentCell(target, NAME)

    # -- saving ------------------------------------------------------------------------
    def save(self) -> None:
        try:
            rules = self.rules()
        except ValueError as exc:
            self.message.setText(self.tr("Not saved: {error}").format(error=exc))
            return
        if not rules:
            self.message.setText(self.tr("Not saved: keep at least one rule (or restore "
                                         "the shipped ones)."))
            return
        self.save_button.setEnabled(False)
        self._tasks.db(save_rules, self._path, rules).success(
            lambda _path: self._saved(rules)).failure(self._refused)

    def _saved(self, rules: list[Rule]) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("Saved; the viewer hangs new studies by these rules."))
        self.saved.emit(rules)

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("Not saved: {error}").format(error=error))
