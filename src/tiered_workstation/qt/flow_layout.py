"""A layout that lines its widgets up left to right and wraps onto the next row when the
width runs out — for tool rows that must fit a full screen and a half one alike."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout's item list -------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- geometry ------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One row of everything (what it takes not to wrap)."""
        width = sum(i.sizeHint().width() for i in self._items) + \
            self._gap * max(len(self._items) - 1, 0)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        """The widest single item: anything wider wraps."""
        width = max((i.minimumSize().width() for i in self._items), default=0)
        height = max((i.minimumSize().height() for i in self._items), default=0)
        return QSize(width, height)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = rect.x()
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            size = item.sizeHint()
            if rows[-1] and x + size.width() > rect.right() + 1:
                rows.append([])
                x = rect.x()
            rows[-1].append((item, size))
            x += size.width() + self._gap
        y = rect.y()
        for row in rows:
            height = max((size.height() for _, size in row), default=0)
            x = rect.x()
            for item, size in row:  # each row's items centred on its middle line
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2),
                                           size))
                x += size.width() + self._gap
            y += height + self._gap
        return max(y - self._gap - rect.y(), 0)
