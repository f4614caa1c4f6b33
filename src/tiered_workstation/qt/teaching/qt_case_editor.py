"""The case editor: a signed exam becomes a de-identified teaching case.

Opened from the Reading desk on a signed exam. The series list comes from a worker;
the de-identification and copy run in a worker too, and the page hears the result.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...review.reading import WorkRow
from ...teaching.cases import CaseDraft
from ...teaching.desk import SeriesChoice, TeachingDesk
from ...workflow.actors import Actor
from ..tasks import TaskRunner

BODY_PARTS = ("CHEST", "HEAD", "ABDOMEN", "PELVIS", "SPINE", "EXTREMITY", "BREAST")


class CaseEditor(QDialog):
    """Title, diagnosis, body part, difficulty, tags, teaching points and the series."""

    def __init__(self, parent: QWidget | None, row: WorkRow,
                 series: list[SeriesChoice]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New teaching case"))
        self.resize(560, 620)
        self.title = QLineEdit(row.procedure)
        self.diagnosis = QLineEdit()
        self.body_part = QComboBox()
        self.body_part.setEditable(True)
        self.body_part.addItems(BODY_PARTS)
        self.body_part.setCurrentText(row.body_part or "CHEST")
        self.difficulty = QComboBox()
        for level, label in ((1, self.tr("1 — Basic")), (2, self.tr("2 — Intermediate")),
                             (3, self.tr("3 — Advanced"))):
            self.difficulty.addItem(label, level)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. 肺炎, 轮廓征"))
        self.points = QPlainTextEdit()
        self.points.setPlaceholderText(self.tr("What a learner should see in this case"))
        self.series = QListWidget()
        self.series.setMaximumHeight(160)
        for choice in series:
            item = QListWidgetItem(self.tr("Series {number} · {modality} · {description} "
                                           "({images} images)").format(
                number=choice.number or "–", modality=choice.modality,
                description=choice.description or "—", images=choice.images))
            item.setData(Qt.ItemDataRole.UserRole, choice.series_instance_uid)
            item.setCheckState(Qt.CheckState.Checked)
            self.series.addItem(item)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Diagnosis"), self.diagnosis)
        form.addRow(self.tr("Body part"), self.body_part)
        form.addRow(self.tr("Difficulty"), self.difficulty)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Teaching points"), self.points)
        form.addRow(self.tr("Series"), self.series)
        note = QLabel(self.tr(
            "The images, the reader's marks and the signed report are de-identified "
            "(DICOM PS3.15 Basic Profile) before they leave the clinical archive. An image "
            "with the patient's details burned into it is refused."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Make teaching case"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def draft(self) -> CaseDraft:
        chosen = tuple(str(self.series.item(n).data(Qt.ItemDataRole.UserRole))
                       for n in range(self.series.count())
                       if self.series.item(n).checkState() == Qt.CheckState.Checked)
        return CaseDraft(
            title=self.title.text().strip(), diagnosis=self.diagnosis.text().strip(),
            body_part=self.body_part.currentText().strip().upper(),
            difficulty=int(self.difficulty.currentData()),
            tags=tuple(t.strip() for t in self.tags.text().replace("，", ",").split(",")),
            teaching_points=self.points.toPlainText().strip(), series_uids=chosen)

    def answer(self) -> CaseDraft | None:
        return self.draft() if self.exec() == QDialog.DialogCode.Accepted else None


def start_case_editor(page: QWidget, tasks: TaskRunner, desk: TeachingDesk, row: WorkRow,
                      actor: Actor, *, done: Callable[[str], None],
                      failed: Callable[[BaseException], None],
                      ask: Callable[[CaseEditor], CaseDraft | None] = CaseEditor.answer
                      ) -> None:
    """Fetch the exam's series, ask for the case, then make it, each step in a worker;
    ``done`` hears a sentence for the user, ``failed`` the reason it was refused."""
    def edit(series: list[SeriesChoice]) -> None:
        draft = ask(CaseEditor(page, row, series))
        if draft is not None:
            tasks.net(desk.make_case, row.exam_id, actor, draft).success(
                lambda _uid: done(QCoreApplication.translate(
                    "CaseEditor", "Teaching case made; it is in the library."))
            ).failure(failed)
    tasks.db(desk.series_of, row.exam_id).success(edit).failure(failed)
