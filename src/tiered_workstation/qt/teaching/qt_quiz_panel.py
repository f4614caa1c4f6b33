"""Quiz mode: the case as unknown, the learner's short report, then the answer.

The learner writes findings and an impression; "Show answer" reveals the expert's
report and the teaching points, with the learner's text shown against the expert's
(green: what the expert wrote that the learner did not, red: the reverse).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...teaching.library import CaseDetail
from ...teaching.study import QuizResult, mark_quiz
from ..labels import body_part_label
from ..review.qt_diff_view import QtDiffView
from ..widgets import button


class QtQuizPanel(QWidget):
    answered = Signal(object, object)  # (CaseDetail, QuizResult): the learner's attempt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: CaseDetail | None = None
        self.result: QuizResult | None = None
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.findings = QPlainTextEdit()
        self.findings.setPlaceholderText(self.tr("Your findings (影像所见)"))
        self.impression = QPlainTextEdit()
        self.impression.setPlaceholderText(self.tr("Your impression (诊断意见)"))
        self.impression.setMaximumHeight(90)
        self.reveal_button = button(self.tr("Show answer"), self.reveal, primary=True)
        self.score = QLabel()
        self.score.setObjectName("sectionHeading")
        self.diff = QtDiffView()
        self.points = QTextBrowser()
        self.points.setObjectName("reportView")
        answer = QHBoxLayout()
        answer.addWidget(self.diff, 3)
        answer.addWidget(self.points, 2)
        row = QHBoxLayout()
        row.addWidget(self.score, 1)
        row.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.findings, 2)
        layout.addWidget(self.impression, 1)
        layout.addLayout(row)
        layout.addLayout(answer, 3)
        self.start(None)

    def start(self, case: CaseDetail | None) -> None:
        """A new attempt at ``case``: the answer hidden, the learner's text empty."""
        self.case, self.result = case, None
        self.findings.clear()
        self.impression.clear()
        self.findings.setReadOnly(False)
        self.impression.setReadOnly(False)
        self.diff.clear()
        self.points.clear()
        self.score.clear()
        self.diff.hide()
        self.points.hide()
        self.reveal_button.setEnabled(case is not None)
        self.prompt.setText(self.tr(
            "Unknown case ({modality}, {body_part}). Read the images, then write a short "
            "report.").format(modality=case.summary.modality,
                              body_part=body_part_label(case.summary.body_part))
            if case else self.tr("Choose a case to take as a quiz."))

    def reveal(self) -> None:
        case = self.case
        if case is None:
            return
        result = mark_quiz(case.findings, case.impression, self.findings.toPlainText(),
                           self.impression.toPlainText())
        self.result = result
        self.findings.setReadOnly(True)
        self.impression.setReadOnly(True)
        self.reveal_button.setEnabled(False)
        self.score.setText(self.tr("Agreement with the expert: {score:.0%}").format(
            score=result.agreement))
        self.diff.show_diff(self.tr("Your report against the expert's"), result.diff)
        heading = html.escape(self.tr("Diagnosis"))
        points = html.escape(self.tr("Teaching points"))
        self.points.setHtml(
            f"<h3>{html.escape(case.summary.title)}</h3>"
            f"<h4>{heading}</h4><p>{html.escape(case.summary.diagnosis or '—')}</p>"
            f"<h4>{points}</h4><p>{html.escape(case.teaching_points or '—')}</p>")
        self.diff.show()
        self.points.show()
        self.answered.emit(case, result)
