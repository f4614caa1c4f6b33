"""Table model of the live status board, and its filter.

Rows are :class:`~tiered_workstation.app.board.BoardRow` values. A state
change event replaces one row in place (one ``dataChanged``). Sorting is done
here on plain values, one key per row; the proxy only filters. The elapsed
column follows a clock advanced once a second and views repaint just the
cells they show, so 5,000 rows are never re-filtered or re-sorted for the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ...app.board import BoardRow
from ...events import Event
from ...storage.enums import ExamState, Priority
from ..labels import priority_label, sex_label, state_label, tat_label
from .board_colours import BoardColours, board_colours

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


def colours_for_theme() -> BoardColours:
    """The board's colours readable on the current theme's background."""
    app = QCoreApplication.instance()
    return board_colours(str(app.property("tw_theme") or "") if app is not None else "")


Index = QModelIndex | QPersistentModelIndex


def format_elapsed(elapsed: timedelta) -> str:
    """``h:mm`` from an hour on, ``m′ss″`` under it (the header says which is which)."""
    seconds = max(0, int(elapsed.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}" if hours else f"{rest // 60}′{rest % 60:02d}″"


class QtBoardModel(QAbstractTableModel):
    """Exams on the board, keyed by exam id."""

    missing_exam = Signal(int)  # an event named an exam the board has not loaded

    COLUMNS = ("priority", "accession", "patient_id", "patient", "sex_age", "procedure", "modality",
               "site", "state", "reader", "reviewer", "registered", "elapsed")

    def __init__(self, target: timedelta, timezone: ZoneInfo,
                 clock: Callable[[], datetime] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BoardRow] = []
        self._position: dict[int, int] = {}
        self._sort_column = self.COLUMNS.index("registered")
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._order_stale = False
        self.target = target
        self.timezone = timezone
        self.clock = clock or (lambda: datetime.now(UTC))
        self._now = self.clock()
        self._today = self._now.astimezone(timezone).date()
        self._headers = (self.tr("!"), self.tr("Accession"), self.tr("Patient ID"),
                         self.tr("Patient"),
                         self.tr("Sex/Age"), self.tr("Exam"), self.tr("Mod."),
                         self.tr("Site"), self.tr("State"), self.tr("Reader"),
                         self.tr("Reviewer"), self.tr("Registered"),
                         self.tr("Elapsed\nh:mm · m′s″"))
        self._bold = QFont()
        self._bold.setBold(True)
        self._colours = colours_for_theme()

    # -- data in -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[BoardRow]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self._position = {row.exam_id: n for n, row in enumerate(self._rows)}
        self.endResetModel()

    # Sorting happens here, on plain Python values with one key per row, not in
    # the proxy (which would call data() twice per comparison, ~130,000 calls
    # for 5,000 rows). The proxy only filters.
    def _sorted(self, rows: Iterable[BoardRow]) -> list[BoardRow]:
        column = self.COLUMNS[self._sort_column]
        return sorted(rows, key=lambda row: self._sort_key(row, column),
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._reorder()

    def _reorder(self) -> None:
        self._order_stale = False
        self.layoutAboutToBeChanged.emit()
        old_rows = {row.exam_id: n for n, row in enumerate(self._rows)}
        self._rows = self._sorted(self._rows)
        self._position = {row.exam_id: n for n, row in enumerate(self._rows)}
        moved = {old_rows[row.exam_id]: n for n, row in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(moved[i.row()], i.column()) for i in persistent])
        self.layoutChanged.emit()

    def upsert(self, rows: Iterable[BoardRow]) -> None:
        for row in rows:
            n = self._position.get(row.exam_id)
            if n is None:
                n = len(self._rows)
                self.beginInsertRows(QModelIndex(), n, n)
                self._rows.append(row)
                self._position[row.exam_id] = n
                self.endInsertRows()
                self._order_stale = True
            else:
                self._rows[n] = row
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.COLUMNS) - 1))
        if self._order_stale:
            self._reorder()

    def apply_transition(self, event: Event) -> bool:
        """Apply an ``exam.transition`` event; False when the exam is not on the board."""
        exam_id = event.payload.get("exam_id")
        n = self._position.get(exam_id) if isinstance(exam_id, int) else None
        if n is None:
            accession = event.payload.get("accession_number")
            n = next((i for i, r in enumerate(self._rows)
                      if r.accession_number == accession), None)
            if n is None:
                if isinstance(exam_id, int):
                    self.missing_exam.emit(exam_id)
                return False
        before = self._rows[n]
        self._rows[n] = before.with_transition(event.payload, event.at)
        column = self.COLUMNS[self._sort_column]
        if self._sort_key(before, column) != self._sort_key(self._rows[n], column):
            self._order_stale = True  # re-sorted at the next tick, not 100 times a second
        self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.COLUMNS) - 1))
        return True

    def tick(self) -> None:
        """Advance the clock used for elapsed times and colours.

        No ``dataChanged`` is emitted: a filtering proxy would re-filter every row
        for it. The views repaint their visible cells instead (``repaint_views``).
        """
        self._now = self.clock()
        self._today = self._now.astimezone(self.timezone).date()
        self._colours = colours_for_theme()
        if self._order_stale:
            self._reorder()

    # -- data out ------------------------------------------------------------------------
    def row_at(self, n: int) -> BoardRow:
        return self._rows[n]

    def rows(self) -> list[BoardRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if column == "elapsed" and role in (Qt.ItemDataRole.ForegroundRole,
                                            Qt.ItemDataRole.BackgroundRole):
            foreground, background = self._colours.tat[row.tat_status(self.target, self._now)]
            if row.state is ExamState.CANCELLED:  # no turnaround: greyed like its state
                foreground, background = self._colours.state[row.state], None
            colour = foreground if role == Qt.ItemDataRole.ForegroundRole else background
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "priority" and row.priority is not Priority.ROUTINE:
                return QBrush(QColor(self._colours.urgent))
            if column == "state":
                return QBrush(QColor(self._colours.state[row.state]))
        if role == Qt.ItemDataRole.FontRole and (
                column == "patient" or (column == "priority"
                                        and row.priority is not Priority.ROUTINE)):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "elapsed" and row.state is not ExamState.CANCELLED:
                return tat_label(row.tat_status(self.target, self._now))
            if column == "patient" and row.patient_phonetic:
                return row.patient_phonetic.replace("^", " ")
            if column == "priority":
                return priority_label(row.priority)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("elapsed", "sex_age",
                                                                    "priority", "modality"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, row: BoardRow, column: str) -> str:
        if column == "priority":
            return "" if row.priority is Priority.ROUTINE else "!"
        if column == "accession":
            return row.accession_number
        if column == "patient_id":
            return row.patient_id
        if column == "patient":
            return row.patient_name
        if column == "sex_age":
            age = row.age_on(self._today)
            return f"{sex_label(row.sex)} {age if age is not None else ''}".strip()
        if column == "procedure":
            return row.procedure
        if column == "modality":
            return row.modality
        if column == "site":
            return row.site_code
        if column == "state":
            return state_label(row.state)
        if column == "reader":
            return row.reader or "—"
        if column == "reviewer":
            return row.reviewer or "—"
        if column == "registered":
            local = row.registered_at.astimezone(self.timezone)
            return f"{local:%H:%M}" if local.date() == self._today else f"{local:%m-%d %H:%M}"
        return format_elapsed(row.elapsed(self._now))

    @staticmethod
    def _sort_key(row: BoardRow, column: str) -> Any:
        if column == "priority":
            return 0 if row.priority is Priority.ROUTINE else 1
        if column == "state":
            return list(ExamState).index(row.state)
        if column == "sex_age":
            return row.birth_date.toordinal() if row.birth_date else 0
        if column in ("registered", "elapsed"):
            # elapsed grows with age; for printed exams the frozen figure still
            # orders them well enough, and the key never changes with the clock
            return -row.registered_at.timestamp() if column == "elapsed" \
                else row.registered_at.timestamp()
        return QtBoardModel._display_key(row, column)

    @staticmethod
    def _display_key(row: BoardRow, column: str) -> str:
        return {"accession": row.accession_number, "patient_id": row.patient_id,
                "patient": row.patient_phonetic or
                row.patient_name, "procedure": row.procedure, "modality": row.modality,
                "site": row.site_code, "reader": row.reader,
                "reviewer": row.reviewer}.get(column, "")


class QtBoardFilter(QSortFilterProxyModel):
    """Filters of the board: site, states, modality, registered since, mine, search."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(ROW_ROLE)
        self.setDynamicSortFilter(True)  # re-filter a row when its exam changes
        self._site = ""
        self._states: frozenset[ExamState] = frozenset()
        self._modality = ""
        self._since: datetime | None = None
        self._reader = ""
        self._text = ""

    def set_filters(self, *, site: str | None = None,
                    states: Iterable[ExamState] | None = None, modality: str | None = None,
                    since: date | datetime | bool | None = False, reader: str | None = None,
                    text: str | None = None, timezone: ZoneInfo | None = None) -> None:
        """Change any of the filters (arguments left out keep their value)."""
        self.beginFilterChange()
        if site is not None:
            self._site = site
        if states is not None:
            self._states = frozenset(states)
        if modality is not None:
            self._modality = modality
        if since is not False:
            if isinstance(since, date) and not isinstance(since, datetime):
                since = datetime.combine(since, datetime.min.time(), timezone or UTC)
            self._since = since if isinstance(since, datetime) else None
        if reader is not None:
            self._reader = reader
        if text is not None:
            self._text = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model (fast); this proxy keeps the source's order."""
        model = self.sourceModel()
        assert isinstance(model, QtBoardModel)
        model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QtBoardModel)
        row = model.row_at(source_row)
        if self._site and row.site_code != self._site:
            return False
        if self._states and row.state not in self._states:
            return False
        if self._modality and row.modality != self._modality:
            return False
        if self._since is not None and row.registered_at < self._since \
                and row.state in (ExamState.PRINTED, ExamState.CANCELLED):
            return False
        if self._reader and not row.involves(self._reader):
            return False
        return row.matches(self._text)

    def source_row(self, proxy_row: int) -> BoardRow:
        model = self.sourceModel()
        assert isinstance(model, QtBoardModel)
        return model.row_at(self.mapToSource(self.index(proxy_row, 0)).row())
