"""Signing a report: the password that unlocks the signing key and, when another doctor
wrote the preliminary, the peer-review grade (RADPEER-style), proposed from the edit."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...storage.enums import PeerReviewGrade
from ...workflow.agreement import Agreement


class Signature(NamedTuple):
    password: str
    grade: PeerReviewGrade | None


class Addendum(NamedTuple):
    text: str
    password: str


def password_and_buttons(dialog: QDialog, layout: QVBoxLayout, prompt: str,
                         sign: str) -> QLineEdit:
    """The password field under ``prompt`` and the Sign/Cancel buttons, added to
    ``layout``; returns the field."""
    layout.addWidget(QLabel(prompt))
    password = QLineEdit()
    password.setEchoMode(QLineEdit.EchoMode.Password)
    layout.addWidget(password)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(sign)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return password


class SignDialog(QDialog):
    """Password, and the grade of the preliminary when there is one to grade."""

    def __init__(self, parent: QWidget | None, agreement: Agreement | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign report"))
        self.agreement = agreement
        layout = QVBoxLayout(self)
        self.grades = QButtonGroup(self)
        if agreement is not None:
            layout.addWidget(self._grade_box(agreement))
        self.password = password_and_buttons(
            self, layout, self.tr("Your password (unlocks your signing key):"), self.tr("Sign"))

    def _grade_box(self, agreement: Agreement) -> QGroupBox:
        box = QGroupBox(self.tr("Peer review of the preliminary"))
        column = QVBoxLayout(box)
        column.addWidget(QLabel(self.tr(
            "You changed {findings:.0%} of the findings and {impression:.0%} of the "
            "impression.").format(findings=agreement.findings_distance,
                                  impression=agreement.impression_distance)))
        labels = {PeerReviewGrade.AGREE: self.tr("1 — Agree"),
                  PeerReviewGrade.MINOR: self.tr("2 — Minor discrepancy"),
                  PeerReviewGrade.MAJOR: self.tr("3 — Major discrepancy")}
        for grade, label in labels.items():
            if grade is agreement.proposed_grade:
                label = self.tr("{grade} (proposed)").format(grade=label)
            button = QRadioButton(label)
            button.setProperty("grade", grade.value)
            button.setChecked(grade is agreement.proposed_grade)
            self.grades.addButton(button)
            column.addWidget(button)
        return box

    def grade(self) -> PeerReviewGrade | None:
        checked = self.grades.checkedButton()
        return PeerReviewGrade(checked.property("grade")) if checked else None

    def answer(self) -> Signature | None:
        """Run the dialog: the password and grade, or None when cancelled or empty."""
        if self.exec() != QDialog.DialogCode.Accepted or not self.password.text():
            return None
        return Signature(self.password.text(), self.grade())


class AddendumDialog(QDialog):
    """The addendum's text and the password that signs it, in one dialog."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add addendum"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Addendum text:")))
        self.text = QPlainTextEdit()
        layout.addWidget(self.text)
        self.password = password_and_buttons(
            self, layout, self.tr("Your password (unlocks your signing key):"), self.tr("Sign"))

    def answer(self) -> Addendum | None:
        """Run the dialog: the text and password, or None when cancelled or empty."""
        if self.exec() != QDialog.DialogCode.Accepted or not self.password.text() \
                or not self.text.toPlainText().strip():
            return None
        return Addendum(self.text.toPlainText(), self.password.text())
