"""The board's column header: its sort arrow points the way the rows run.

Qt's styles draw ▲ for a descending sort (largest on top). People read ▲ as
"ascending" and ▼ as "descending", as in file managers, so the arrow is
flipped here; ``sortIndicatorOrder()`` is unchanged and always the model's order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyleOptionHeader, QWidget

UP = QStyleOptionHeader.SortIndicator.SortUp
DOWN = QStyleOptionHeader.SortIndicator.SortDown


def arrow_for(order: Qt.SortOrder) -> QStyleOptionHeader.SortIndicator:
    """▲ (SortUp) for ascending, ▼ (SortDown) for descending."""
    return UP if order == Qt.SortOrder.AscendingOrder else DOWN


class QtBoardHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # a click sorts (the default header does this)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader,
                                logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        if self.isSortIndicatorShown() and logicalIndex == self.sortIndicatorSection():
            option.sortIndicator = arrow_for(self.sortIndicatorOrder())
