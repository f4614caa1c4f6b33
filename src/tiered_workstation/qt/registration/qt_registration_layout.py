"""Where the registration desk's parts go: the form in two columns of fields with the
Register button under it, returning patient and scans beside it, today's table below
taking the rest, so that a 1440×900 screen shows everything without scrolling.  Its
words keep the desk's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from ..widgets import card

if TYPE_CHECKING:
    from .qt_registration_page import QtRegistrationPage


def _grid() -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(8)
    grid.setVerticalSpacing(6)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    grid.setColumnMinimumWidth(2, 0)
    return grid


def patient_grid(page: QtRegistrationPage) -> QGridLayout:
    grid, place = _grid(), page.rows.place
    place(
        grid,
        0,
        0,
        QCoreApplication.translate("QtRegistrationPage", "Name"),
        page.name,
        "name",
        required=True,
    )
    place(
        grid,
        0,
        1,
        QCoreApplication.translate("QtRegistrationPage", "Pinyin"),
        page.phonetic,
        "name_phonetic",
    )
    place(
        grid,
        1,
        0,
        QCoreApplication.translate("QtRegistrationPage", "Sex"),
        page.sex,
        "sex",
        required=True,
    )
    place(
        grid,
        1,
        1,
        QCoreApplication.translate("QtRegistrationPage", "ID card number"),
        page.national_id,
        "national_id",
    )
    place(
        grid,
        2,
        0,
        QCoreApplication.translate("QtRegistrationPage", "Birth date"),
        page.birth_date,
        "birth_date",
    )
    place(
        grid, 2, 1, QCoreApplication.translate("QtRegistrationPage", "Age"), page.age, "age_years"
    )
    place(
        grid, 3, 0, QCoreApplication.translate("QtRegistrationPage", "Phone"), page.phone, "phone"
    )
    place(
        grid,
        3,
        1,
        QCoreApplication.translate("QtRegistrationPage", "Record number"),
        page.request.record_number,
        "record_number",
    )
    return grid


def exam_grid(page: QtRegistrationPage) -> QGridLayout:
    grid, place, request = _grid(), page.rows.place, page.request
    place(
        grid,
        0,
        0,
        QCoreApplication.translate("QtRegistrationPage", "Exam"),
        page.procedure,
        "procedure_code",
        required=True,
        span=2,
    )
    place(
        grid,
        1,
        0,
        QCoreApplication.translate("QtRegistrationPage", "Priority"),
        page.priority,
        "priority",
    )
    place(
        grid,
        1,
        1,
        QCoreApplication.translate("QtRegistrationPage", "Reading"),
        page.reading_mode,
        "reading_mode",
    )
    place(
        grid,
        2,
        0,
        QCoreApplication.translate("QtRegistrationPage", "Patient source"),
        request.source,
        "patient_source",
    )
    place(
        grid,
        2,
        1,
        QCoreApplication.translate("QtRegistrationPage", "Admission ID"),
        request.admission_id,
        "admission_id",
    )
    place(
        grid,
        3,
        0,
        QCoreApplication.translate("QtRegistrationPage", "Requesting department"),
        request.department,
        "requesting_department",
    )
    place(
        grid,
        3,
        1,
        QCoreApplication.translate("QtRegistrationPage", "Requesting doctor"),
        request.doctor,
        "referring_physician",
    )
    place(
        grid,
        4,
        0,
        QCoreApplication.translate("QtRegistrationPage", "Clinical information"),
        page.clinical_info,
        "clinical_info",
        span=2,
    )
    return grid


def arrange(page: QtRegistrationPage, chip_row: QHBoxLayout, actions: QHBoxLayout) -> None:
    """Lay the page out (its widgets exist already)."""
    grids = patient_grid(page), exam_grid(page)
    captions = set(page.rows.captions.values())
    for column in (0, 2):  # both cards' captions as wide, so that their fields line up
        cells = (
            grid.itemAtPosition(row, column) for grid in grids for row in range(grid.rowCount())
        )
        width = max(
            cell.widget().sizeHint().width()
            for cell in cells
            if cell is not None and cell.widget() in captions
        )
        for grid in grids:
            grid.setColumnMinimumWidth(column, width)
    form_column = QVBoxLayout()
    form_column.setSpacing(8)
    form_column.addWidget(
        card(QCoreApplication.translate("QtRegistrationPage", "Patient"), grids[0], chip_row)
    )
    form_column.addWidget(card(QCoreApplication.translate("QtRegistrationPage", "Exam"), grids[1]))
    form_column.addWidget(page.outcome)
    form_column.addLayout(actions)
    form_column.addStretch(1)
    side_column = QVBoxLayout()
    side_column.setSpacing(8)
    side_column.addWidget(
        card(
            QCoreApplication.translate("QtRegistrationPage", "Returning patient"),
            page.matches,
            page.matches.status_row,
        )
    )
    side_column.addWidget(
        card(
            QCoreApplication.translate("QtRegistrationPage", "Requisition scans"),
            page.scans,
            page.scan_problem,
            stretch_first=True,
        ),
        1,
    )
    top = QHBoxLayout()
    top.setSpacing(12)
    top.addLayout(form_column, 7)
    top.addLayout(side_column, 4)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 8, 16, 8)
    layout.setSpacing(8)
    layout.addLayout(top)
    layout.addWidget(
        card(
            QCoreApplication.translate("QtRegistrationPage", "Registered today"),
            page.today,
            page.today_count,
            stretch_first=True,
        ),
        1,
    )
