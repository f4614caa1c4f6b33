"""The reading desk's layout: worklist, the exam's images, the report — one splitter whose
proportions each reader keeps (saved per user with the window's state)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QWidget

DEFAULT_SIZES = (300, 640, 500)  # fits a 1440-wide screen beside the sidebar


class QtReadingSplit(QSplitter):
    def __init__(self, worklist: QWidget, images: QWidget, report: QWidget, *,
                 username: str) -> None:
        super().__init__()
        self._key = f"reading/{username}/split"
        self._saved: QByteArray | None = None
        for n, part in enumerate((worklist, images, report)):
            self.addWidget(part)
            self.setStretchFactor(n, (2, 4, 3)[n])
        self.setChildrenCollapsible(True)
        self.setSizes(list(DEFAULT_SIZES))

    def save_state(self, store: QSettings) -> None:
        store.setValue(self._key, self.saveState())

    def restore_state(self, store: QSettings) -> None:
        """Applied when first shown, at the window's real size (not stretched after)."""
        self._saved = store.value(self._key)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._saved is not None:
            self.restoreState(self._saved)
            self._saved = None
