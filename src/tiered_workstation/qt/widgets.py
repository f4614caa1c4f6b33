"""Small building blocks shared by the pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


def card(title: str, *parts: QWidget | QLayout, stretch_first: bool = False) -> QFrame:
    """A white panel with a small upper-case heading and ``parts`` stacked below it.

    With ``stretch_first`` the first part takes the spare height; otherwise the
    parts keep their size and the space is left at the bottom.
    """
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    heading = QLabel(title)
    heading.setObjectName("sectionHeading")
    layout.addWidget(heading)
    for n, part in enumerate(parts):
        stretch = 1 if stretch_first and n == 0 else 0
        if isinstance(part, QLayout):
            layout.addLayout(part, stretch)
        else:
            layout.addWidget(part, stretch)
    if not stretch_first:
        layout.addStretch(1)
    return frame


DialogPart = QWidget | QLayout | int | tuple[QWidget, Qt.AlignmentFlag]


def dialog_card(dialog: QDialog, *parts: DialogPart) -> None:
    """Lay ``dialog`` out as one card (sign-in, first start): widgets and layouts stacked,
    an int as that much space, a (widget, alignment) pair aligned."""
    frame = QFrame()
    frame.setObjectName("card")
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(24, 20, 24, 20)
    for part in parts:
        if isinstance(part, int):
            inner.addSpacing(part)
        elif isinstance(part, tuple):
            inner.addWidget(part[0], 0, part[1])
        elif isinstance(part, QLayout):
            inner.addLayout(part)
        else:
            inner.addWidget(part)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(24, 24, 24, 24)
    outer.addWidget(frame)


def chart_view() -> tuple[QChart, QChartView]:
    """A still chart (no animation) with its legend below, drawn antialiased."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return chart, view


def row_table(headers: list[str], stretch: int) -> QTableWidget:
    """A read-only table of rows picked one at a time, column ``stretch`` taking the width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def home(parent: QWidget | None = None) -> QWidget:
    """An empty place a movable widget (the viewer) can be put in."""
    holder = QWidget(parent)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder


def button(text: str, slot: Callable[[], object], *, primary: bool = False) -> QPushButton:
    """A push button calling ``slot``; ``primary`` gives it the accent style."""
    widget = QPushButton(text)
    if primary:
        widget.setObjectName("primary")
    widget.clicked.connect(lambda _checked=False: slot())
    return widget
