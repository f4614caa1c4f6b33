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


def _filled(page: QtRegistrationPage, rows: tuple[tuple, ...]) -> QGridLayout:
    """A grid of (row, column, caption, field widget, form key[, required[, span]])."""
    grid = _grid()
    for row, column, caption, widget, key, *extra in rows:
        required, span = (extra[0] if extra else False), (extra[1] if len(extra) > 1 else 1)
        page.rows.place(grid, row, column, caption, widget, key, required=required, span=span)
    return grid


def patient_grid(page: QtRegistrationPage) -> QGridLayout:
    translate = QCoreApplication.translate
    return _filled(page, (
        (0, 0, translate("QtRegistrationPage", "Name"), page.name, "name", True),
        (0, 1, translate("QtRegistrationPage", "Pinyin"), page.phonetic, "name_phonetic"),
        (1, 0, translate("QtRegistrationPage", "Sex"), page.sex, "sex", True),
        (1, 1, translate("QtRegistrationPage", "ID card number"), page.national_id,
         "national_id"),
        (2, 0, translate("QtRegistrationPage", "Birth date"), page.birth_date, "birth_date"),
        (2, 1, translate("QtRegistrationPage", "Age"), page.age, "age_years"),
        (3, 0, translate("QtRegistrationPage", "Phone"), page.phone, "phone"),
        (3, 1, translate("QtRegistrationPage", "Record number"), page.request.record_number,
         "record_number"),
    ))


def exam_grid(page: QtRegistrationPage) -> QGridLayout:
    translate, request = QCoreApplication.translate, page.request
    return _filled(page, (
        (0, 0, translate("QtRegistrationPage", "Exam"), page.procedure, "procedure_code",
         True, 2),
        (1, 0, translate("QtRegistrationPage", "Priority"), page.priority, "priority"),
        (1, 1, translate("QtRegistrationPage", "Reading"), page.reading_mode, "reading_mode"),
        (2, 0, translate("QtRegistrationPage", "Patient source"), request.source,
         "patient_source"),
        (2, 1, translate("QtRegistrationPage", "Admission ID"), request.admission_id,
         "admission_id"),
        (3, 0, translate("QtRegistrationPage", "Requesting department"), request.department,
         "requesting_department"),
        (3, 1, translate("QtRegistrationPage", "Requesting doctor"), request.doctor,
         "referring_physician"),
        (4, 0, translate("QtRegistrationPage", "Clinical information"), page.clinical_info,
         "clinical_info", False, 2),
    ))


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
