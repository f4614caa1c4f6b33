"""The live status board page: filters, the exam table and a detail drawer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app.board import BoardDesk, BoardRow
from ...config import Settings
from ...events import Event
from ...storage.enums import ExamState, PatientSource
from ...workflow.tat import TatStatus
from ..event_bridge import QtEventBridge
from ..labels import request_rows, state_label, tat_label
from ..tasks import TaskRunner
from .qt_board_header import QtBoardHeader
from .qt_board_model import QtBoardFilter, QtBoardModel, colours_for_theme, format_elapsed

OPEN = "open"


class QtExamDrawer(QFrame):
    """The selected exam: who, what, where it stands, and every step with who and when."""

    closed = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawer")
        self._tz = settings.site.tz
        self.title = QLabel()
        self.title.setObjectName("drawerTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        self.subtitle.setWordWrap(True)
        self.request = QLabel()  # record number, source, who asks
        self.request.setObjectName("drawerRequest")
        self.request.setWordWrap(True)
        self.tat = QLabel()
        self.tat.setObjectName("tatBadge")
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.closed.emit)
        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels([self.tr("Time"), self.tr("State"), self.tr("By"),
                                       self.tr("Note")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.segments = QTreeWidget()
        self.segments.setHeaderLabels([self.tr("Segment"), self.tr("Duration")])
        self.segments.setRootIsDecorated(False)
        self.segments.setMaximumHeight(190)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.request)
        layout.addWidget(self.tat)
        heading = QLabel(self.tr("Timeline"))
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        layout.addWidget(self.timeline, 1)
        heading = QLabel(self.tr("Turnaround"))
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        layout.addWidget(self.segments)

    def show_detail(self, detail: dict[str, Any]) -> None:
        patient = detail["patient"]
        self.title.setText(f"{patient['name']}  ·  {detail['procedure']}")
        phonetic = (patient.get("name_phonetic") or "").replace("^", " ")
        self.subtitle.setText(self.tr("{accession} · {site} · {modality} · {phonetic}").format(
            accession=detail["accession_number"], site=detail["site"],
            modality=detail["modality"], phonetic=phonetic))
        rows = request_rows(detail.get("record_number", ""),
                            PatientSource(detail.get("patient_source", "outpatient")),
                            detail.get("requesting_department", ""),
                            detail.get("referring_physician", ""),
                            detail.get("admission_id", ""))
        self.request.setText("\n".join(f"{caption}: {value}" for caption, value in rows))
        tat = detail["tat"]
        status = TatStatus(tat["status"])
        foreground, background = colours_for_theme().tat[status]
        self.tat.setText(self.tr("{status} — {elapsed} since registration").format(
            status=tat_label(status),
            elapsed=format_elapsed(timedelta(seconds=tat["elapsed_seconds"]))))
        self.tat.setStyleSheet(f"color: {foreground}; background: {background or 'transparent'};"
                               "border-radius: 4px; padding: 4px 8px; font-weight: 600;")
        self.timeline.clear()
        for step in detail["timeline"]:
            at = datetime.fromisoformat(step["at"]).astimezone(self._tz)
            who = f"{step['name'] or step['by']} ({step['site']})"
            QTreeWidgetItem(self.timeline, [f"{at:%H:%M:%S}",
                                            state_label(ExamState(step["to_state"])), who,
                                            step["note"]])
        for column in range(3):
            self.timeline.resizeColumnToContents(column)
        self.segments.clear()
        for segment in tat["segments"]:
            seconds = segment["seconds"]
            QTreeWidgetItem(self.segments, [
                self._segment_label(segment["segment"]),
                format_elapsed(timedelta(seconds=seconds)) if seconds is not None else "—"])
        self.segments.resizeColumnToContents(0)

    def _segment_label(self, label: str) -> str:
        labels = {"Acquisition": self.tr("Acquisition"),
                  "Transfer to center": self.tr("Transfer to center"),
                  "Triage": self.tr("Triage"),
                  "Preliminary report": self.tr("Preliminary report"),
                  "Review and sign-off": self.tr("Review and sign-off"),
                  "Printing": self.tr("Printing")}
        return labels.get(label, label)


class QtStatusPage(QWidget):
    """Every exam of the last days and every open one, live."""

    loaded = Signal(int)  # rows on the board after a (re)load
    open_requested = Signal(int)  # exam id: show its images (double-click, Enter)

    def __init__(self, desk: BoardDesk, settings: Settings, tasks: TaskRunner,
                 bridge: QtEventBridge, *, reader_name: str = "",
                 clock: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._settings = settings
        self._tasks = tasks
        self._reader_name = reader_name
        self._selected: int | None = None
        target = timedelta(minutes=settings.workflow.tat_target_minutes)
        self.model = QtBoardModel(target, settings.site.tz, clock, self)
        self.proxy = QtBoardFilter(self)
        self.proxy.setSourceModel(self.model)
        self.model.missing_exam.connect(self._fetch_missing)
        bridge.exam_transition.connect(self._on_transition)
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self.reload()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, pinyin, accession, exam…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_filters(text=text))
        self.site_filter = QComboBox()
        self.site_filter.addItem(self.tr("All sites"), "")
        self.site_filter.currentIndexChanged.connect(self._apply_filters)
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("All states"), "")
        self.state_filter.addItem(self.tr("Open exams"), OPEN)
        for state in ExamState:
            self.state_filter.addItem(state_label(state), state.value)
        self.state_filter.currentIndexChanged.connect(self._apply_filters)
        self.modality_filter = QComboBox()
        self.modality_filter.addItem(self.tr("All modalities"), "")
        for modality in ("DX", "CR", "CT", "MR", "US", "MG"):
            self.modality_filter.addItem(modality, modality)
        self.modality_filter.currentIndexChanged.connect(self._apply_filters)
        self.date_filter = QComboBox()
        self.date_filter.addItem(self.tr("Today"), 0)
        self.date_filter.addItem(self.tr("Last 7 days"), 7)
        self.date_filter.addItem(self.tr("Last 30 days"), 30)
        self.date_filter.currentIndexChanged.connect(self.reload)
        self.mine = QCheckBox(self.tr("Mine"))
        self.mine.setToolTip(self.tr("Only exams assigned to me, read or signed by me"))
        self.mine.setEnabled(bool(self._reader_name))
        self.mine.toggled.connect(self._apply_filters)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for widget in (self.site_filter, self.state_filter, self.modality_filter,
                       self.date_filter, self.mine):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.counts)

        self.table = QTableView()
        self.table.setObjectName("board")
        self.table.setHorizontalHeader(QtBoardHeader(self.table))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self._sort_newest_first()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.activated.connect(
            lambda index: self.open_requested.emit(self.proxy.source_row(index.row()).exam_id))
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = {"priority": 26, "accession": 132, "patient_id": 124, "patient": 96, "sex_age": 66,
                  "procedure": 180, "modality": 50, "site": 56, "state": 108, "reader": 76,
                  "reviewer": 76, "registered": 100, "elapsed": 92}
        for n, column in enumerate(QtBoardModel.COLUMNS):
            header.resizeSection(n, widths[column])
        header.setSectionResizeMode(QtBoardModel.COLUMNS.index("procedure"),
                                    QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.drawer = QtExamDrawer(self._settings)
        self.drawer.setMinimumWidth(340)
        self.drawer.setMaximumWidth(520)
        self.drawer.closed.connect(self.close_drawer)
        self.drawer.hide()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.drawer)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_drawer)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload)

    def _sort_newest_first(self) -> None:
        """The board's usual order; the header's indicator says the same."""
        self.table.sortByColumn(QtBoardModel.COLUMNS.index("registered"),
                                Qt.SortOrder.DescendingOrder)

    # -- data ----------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        days = int(self.date_filter.currentData() or 0)
        local_today = datetime.now(self._settings.site.tz).replace(
            hour=0, minute=0, second=0, microsecond=0)
        since = (local_today - timedelta(days=days)).astimezone(UTC)
        self._tasks.db(self._desk.rows, since).success(self._on_loaded)

    def _on_loaded(self, rows: list[BoardRow]) -> None:
        self.model.set_rows(rows)
        sites = sorted({row.site_code for row in rows} | {self._settings.site.code})
        current = self.site_filter.currentData()
        self.site_filter.blockSignals(True)
        while self.site_filter.count() > 1:
            self.site_filter.removeItem(1)
        for site in sites:
            self.site_filter.addItem(site, site)
        self.site_filter.setCurrentIndex(max(0, self.site_filter.findData(current)))
        self.site_filter.blockSignals(False)
        self._update_counts()
        self.loaded.emit(len(rows))

    @Slot(object)
    def _on_transition(self, event: Event) -> None:
        # the counts follow at the next tick
        if self.model.apply_transition(event) and event.payload.get("exam_id") == self._selected:
            self._load_detail(self._selected)

    @Slot(int)
    def _fetch_missing(self, exam_id: int) -> None:
        since = datetime(1970, 1, 1, tzinfo=UTC)
        self._tasks.db(self._desk.rows, since, [exam_id]).success(self._on_fetched)

    def _on_fetched(self, rows: list[BoardRow]) -> None:
        self.model.upsert(rows)
        self._update_counts()

    def _tick(self) -> None:
        self.model.tick()
        self._repaint_elapsed()
        self._update_counts()

    def _repaint_elapsed(self) -> None:
        """Repaint the visible elapsed cells only (a whole-table repaint costs ~50 ms)."""
        column = QtBoardModel.COLUMNS.index("elapsed")
        header = self.table.horizontalHeader()
        viewport = self.table.viewport()
        x = header.sectionViewportPosition(column)
        viewport.update(x, 0, header.sectionSize(column), viewport.height())

    def _update_counts(self) -> None:
        now = self.model._now
        target = self.model.target
        statuses = Counter(r.tat_status(target, now) for r in self.model.rows()
                           if r.state is not ExamState.CANCELLED)
        overdue, at_risk = statuses[TatStatus.OVERDUE], statuses[TatStatus.AT_RISK]
        open_count = statuses[TatStatus.ON_TRACK] + at_risk + overdue
        self.counts.setText(self.tr("{shown} shown · {open} open · {risk} at risk · "
                                    "{overdue} overdue").format(
            shown=self.proxy.rowCount(), open=open_count, risk=at_risk, overdue=overdue))

    def _apply_filters(self) -> None:
        state = self.state_filter.currentData()
        states = [s for s in ExamState if s not in (ExamState.PRINTED, ExamState.CANCELLED)] \
            if state == OPEN else ([ExamState(state)] if state else [])
        self.proxy.set_filters(site=self.site_filter.currentData() or "", states=states,
                               modality=self.modality_filter.currentData() or "",
                               reader=self._reader_name if self.mine.isChecked() else "")
        self._update_counts()

    # -- drawer --------------------------------------------------------------------------
    def _on_current(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        row = self.proxy.source_row(current.row())
        self._selected = row.exam_id
        self._load_detail(row.exam_id)

    def _load_detail(self, exam_id: int) -> None:
        self._tasks.db(self._desk.detail, exam_id, self.model.target).success(
            self._show_detail)

    def _show_detail(self, detail: dict[str, Any]) -> None:
        self.drawer.show_detail(detail)
        self.drawer.show()

    @Slot()
    def close_drawer(self) -> None:
        self.drawer.hide()
        self._selected = None
        self.table.selectionModel().clear()  # so choosing the same exam opens it again

    # -- persistence ---------------------------------------------------------------------
    def save_state(self, store: QSettings) -> None:
        store.setValue("status/header", self.table.horizontalHeader().saveState())
        store.setValue("status/columns", ",".join(QtBoardModel.COLUMNS))
        store.setValue("status/splitter", self.splitter.saveState())
        store.setValue("status/days", self.date_filter.currentIndex())

    def restore_state(self, store: QSettings) -> None:
        state = store.value("status/header")
        header = self.table.horizontalHeader()
        same_columns = store.value("status/columns") == ",".join(QtBoardModel.COLUMNS)
        if state is not None and same_columns and header.restoreState(state) \
                and 0 <= header.sortIndicatorSection() < len(QtBoardModel.COLUMNS):
            # the rows follow the restored indicator
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        else:
            self._sort_newest_first()
        splitter = store.value("status/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        days = store.value("status/days")
        if days is not None:
            self.date_filter.setCurrentIndex(int(days))
