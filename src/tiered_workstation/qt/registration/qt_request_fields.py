"""The registration form's request rows: the record number (病历号) from the
requisition, where the patient comes from, who asks, and an inpatient's admission ID."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from ...storage.enums import PatientSource
from ..labels import source_label


class RequestFields:
    """The widgets of those rows, and what they put into the form."""

    def __init__(self, referring: QLineEdit) -> None:
        self.record_number = QLineEdit()
        self.record_number.setMaxLength(64)
        self.record_number.setPlaceholderText(
            QCoreApplication.translate(
                "QtRegistrationPage", "from the requisition; empty: the next number"
            )
        )
        self.source = QComboBox()
        for source in PatientSource:
            self.source.addItem(source_label(source), source.value)
        self.department = QLineEdit()
        self.department.setMaxLength(64)
        self.doctor = referring
        self.admission_id = QLineEdit()
        self.admission_id.setMaxLength(64)
        self.admission_id.setPlaceholderText(
            QCoreApplication.translate("QtRegistrationPage", "inpatients only")
        )
        self.source.currentIndexChanged.connect(self._source_changed)
        self._source_changed()

    def values(self) -> dict[str, str]:
        return {
            "record_number": self.record_number.text(),
            "patient_source": self.source.currentData() or PatientSource.OUTPATIENT.value,
            "requesting_department": self.department.text(),
            "admission_id": self.admission_id.text(),
        }

    def clear(self) -> None:
        for widget in (self.record_number, self.department, self.admission_id):
            widget.clear()
        self.source.setCurrentIndex(0)

    def _source_changed(self) -> None:
        inpatient = self.source.currentData() == PatientSource.INPATIENT.value
        self.admission_id.setEnabled(inpatient)
        if not inpatient:
            self.admission_id.clear()
