"""The Reading desk's Changes tab: any two versions of a report side by side,
character by character.  Its words keep the desk's translation context."""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...review.reading import ReportView
from ...storage.enums import VersionKind
from .qt_diff_view import QtDiffView


def kind_label(kind: VersionKind) -> str:
    return {VersionKind.DRAFT: QCoreApplication.translate("QtReadingPage", "draft"),
            VersionKind.PRELIMINARY: QCoreApplication.translate("QtReadingPage", "preliminary"),
            VersionKind.REVIEW: QCoreApplication.translate("QtReadingPage", "review"),
            VersionKind.FINAL: QCoreApplication.translate("QtReadingPage", "final"),
            VersionKind.ADDENDUM: QCoreApplication.translate("QtReadingPage", "addendum"),
            }[kind]


class QtVersionsPanel(QWidget):
    """Two version pickers over a diff view; the teaching pair is chosen first."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._view: ReportView | None = None
        self.old_version = QComboBox()
        self.new_version = QComboBox()
        self.old_version.currentIndexChanged.connect(self.show_diff)
        self.new_version.currentIndexChanged.connect(self.show_diff)
        self.diff = QtDiffView()
        pick = QHBoxLayout()
        pick.addWidget(QLabel(QCoreApplication.translate("QtReadingPage", "Compare")))
        pick.addWidget(self.old_version, 1)
        pick.addWidget(QLabel("→"))
        pick.addWidget(self.new_version, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.diff, 1)

    def show_view(self, view: ReportView) -> None:
        self._view = view
        for combo in (self.old_version, self.new_version):
            combo.blockSignals(True)
            combo.clear()
            for version in view.versions:
                combo.addItem(f"v{version.number} · {kind_label(version.kind)} · "
                              f"{version.author} · "
                              f"{version.at.astimezone(self._tz):%m-%d %H:%M}", version.number)
            combo.blockSignals(False)
        pair = view.teaching_pair()
        if pair:
            self.old_version.setCurrentIndex(self.old_version.findData(pair[0]))
            self.new_version.setCurrentIndex(self.new_version.findData(pair[1]))
        self.show_diff()

    def show_diff(self) -> None:
        view = self._view
        old, new = self.old_version.currentData(), self.new_version.currentData()
        if view is None or old is None or new is None:
            nothing = QCoreApplication.translate("QtReadingPage", "No versions to compare yet.")
            self.diff.setHtml(f"<p>{html.escape(nothing)}</p>")
            return
        comment = next((v.comment for v in view.versions if v.number == new), "")
        self.diff.show_diff(QCoreApplication.translate(
            "QtReadingPage", "Version {old} → version {new}").format(old=old, new=new),
            view.diff(old, new), comment)
