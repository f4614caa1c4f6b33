"""Render the teaching pages to PNG, in English and Chinese: the sign dialog's peer
review, the case editor, the library, the lesson recorder and player, the quiz with its
diff, and the dashboard.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_teaching.py \
        [--out docs/screenshots]

A center site with a busy morning (``demo/board.py``) is created in a temporary
folder; one signed exam gets images and becomes a teaching case, and three community
doctors get eight weeks of graded preliminaries. Nothing else is touched.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication
from screenshots import archive_exam_images, busy_center, save, settle
from sqlalchemy import select

from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.i18n import install_translators, remove_translators
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.qt.review.qt_sign_dialog import SignDialog
from tiered_workstation.qt.teaching.qt_case_editor import CaseEditor
from tiered_workstation.qt.theme import LIGHT, apply_theme
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.review.templates import load_templates
from tiered_workstation.simulator.narration import write_narration
from tiered_workstation.storage.enums import ExamState, PeerReviewGrade, Role, Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.teaching import PeerReview
from tiered_workstation.teaching.cases import CaseDraft
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.agreement import measure

REVIEWER = Actor("rev.chest", Role.REVIEWER, "CH01", "刘主任")
DOCTORS = (("dr.li", "李医生", "CM01", 0.55), ("dr.wu", "吴医生", "CM01", 0.8),
           ("dr.zhao", "赵医生", "CM02", 0.7))
PARTS = ("CHEST", "CHEST", "SPINE", "ABDOMEN")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme(app, LIGHT)
    with tempfile.TemporaryDirectory() as tmp:
        services = busy_center(Path(tmp))
        now = datetime.now(UTC).replace(microsecond=0)
        signed = teaching_case(services, Path(tmp))
        graded_weeks(services, now)
        station = QtWorkstation(services, settings_store("CH01", Path(tmp) / "ui.ini"))
        try:
            for language in ("en", "zh_CN"):
                translators = install_translators(app, language)
                shoot(app, station, services, signed, language, args.out)
                remove_translators(app, translators)
        finally:
            station.release()
            services.close()


def teaching_case(services, tmp: Path):
    """A signed chest exam of the board, with images, made into a case; its row."""
    with services.database.session() as session:
        exam_id = session.scalar(select(Exam.id).where(
            Exam.state.in_((ExamState.FINAL, ExamState.PRINTED)), Exam.body_part == "CHEST")
            .order_by(Exam.id))
    row = services.reading_desk.report_view(
        exam_id, REVIEWER.username, load_templates(services.settings.data_dir), "zh").row
    archive_exam_images(services, row.accession_number, tmp / "case-images")
    services.teaching_desk.make_case(row.exam_id, REVIEWER, CaseDraft(
        title="右下肺炎 Right lower lobe pneumonia", diagnosis="社区获得性肺炎",
        body_part="CHEST", difficulty=2, tags=("肺炎", "轮廓征", "pneumonia"),
        teaching_points="右膈面模糊而右心缘清楚，提示病变位于右下叶（轮廓征）；侧位片确认"
                        "病变位于斜裂之后。"))
    return row


def graded_weeks(services, now: datetime) -> None:
    """Eight weeks of graded preliminaries for three community doctors, improving (each
    on an exam of its own, registered here)."""
    tech = Actor("tech.ch01", Role.TECHNICIAN, "CH01", "中心技师")
    order = OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST")
    with services.database.transaction() as session:
        exams = [register_exam(session, services.workflow, services.registration, tech,
                               PatientInput(f"患者{n}", Sex.MALE, f"Huan^Zhe{n}"), order)[0]
                 for n in range(8 * 3 * len(DOCTORS))]
        n, dice = 0, random.Random(2026)
        for week in range(8):
            for username, name, site, base in DOCTORS:
                for k in range(3):
                    if n >= len(exams):
                        return
                    share = min(base + week * 0.05, 0.95)
                    part = PARTS[(k + n) % len(PARTS)]
                    chance = share - (0.25 if part == "SPINE" else 0)  # the hard one
                    roll = dice.random()
                    grade = PeerReviewGrade.AGREE if roll < chance else (
                        PeerReviewGrade.MAJOR if roll > 0.9 else PeerReviewGrade.MINOR)
                    session.add(PeerReview(
                        exam_id=exams[n].id, author_username=username, author_name=name,
                        author_site=site, reviewer_username="rev.chest",
                        reviewer_name="刘主任", modality="DX", body_part=part,
                        findings_distance=0.04 if grade is PeerReviewGrade.AGREE else 0.3,
                        impression_distance=0.0 if grade is PeerReviewGrade.AGREE else 0.6,
                        impression_changed=grade is not PeerReviewGrade.AGREE,
                        proposed_grade=grade, grade=grade,
                        reviewed_at=now - timedelta(weeks=7 - week, hours=k)))
                    n += 1


def shoot(app: QApplication, station: QtWorkstation, services, row, language: str,
          out: Path) -> None:
    agreement = measure("双肺纹理增多，右下肺见片状模糊影。", "右下肺炎症。",
                        "双肺纹理增多，右下肺见斑片状模糊影，边界不清，右心缘模糊。",
                        "右中叶肺炎，建议抗炎治疗后复查。")
    dialog = SignDialog(None, agreement)
    dialog.adjustSize()
    save(dialog, out / f"teaching-sign-dialog-{language}.png")
    series = services.teaching_desk.series_of(row.exam_id)
    editor = CaseEditor(None, row, series)
    editor.diagnosis.setText("社区获得性肺炎")
    editor.tags.setText("肺炎, 轮廓征")
    editor.points.setPlainText("右膈面模糊而右心缘清楚，提示病变位于右下叶（轮廓征）。")
    editor.resize(560, 640)
    save(editor, out / f"teaching-case-editor-{language}.png")

    window = station.open_main_window(SignedIn("rev.chest", "刘主任", "CH01",
                                               (Role.REVIEWER,), Role.REVIEWER))
    window.resize(1440, 900)
    window.show()
    window.show_page("library")
    library = window.pages["library"]
    settle(app, lambda: library.table.rowCount() > 0)
    library.table.selectRow(0)
    settle(app, lambda: library.case is not None)
    settle(app, seconds=0.3)
    save(window, out / f"teaching-library-{language}-1440x900.png")
    lesson_pages(app, library, Path(services.settings.data_dir), language, out)
    library.quiz.start(library.case)
    library.tabs.setCurrentWidget(library.quiz)
    library.quiz.findings.setPlainText("双肺纹理增多，右下肺见片状影。")
    library.quiz.impression.setPlainText("右下肺炎症，建议复查。")
    library.quiz.reveal()
    settle(app, seconds=0.3)
    save(window, out / f"teaching-quiz-{language}-1440x900.png")
    window.show_page("teaching")
    dashboard = window.pages["teaching"]
    settle(app, lambda: dashboard.data is not None)
    settle(app, seconds=0.3)
    save(window, out / f"teaching-dashboard-{language}-1440x900.png")
    window.close()


def lesson_pages(app: QApplication, library, tmp: Path, language: str, out: Path) -> None:
    """The recorder while the teacher speaks and marks, then the player of that lesson."""
    library.voice_file = write_narration(tmp / "narration.wav", 4.0)
    recorder = library.record_lesson()
    settle(app, lambda: recorder.viewer.views[0].image is not None)
    recorder.record()
    view = recorder.viewer.views[0]
    settle(app, seconds=0.6)
    view.set_zoom(1.4)
    settle(app, seconds=0.6)
    rows, columns = view.image.frames.shape[1:3]
    view.add_text(rows * 0.62, columns * 0.3, "右下肺野 right lower zone")
    settle(app, seconds=0.6)
    save(recorder, out / f"teaching-lesson-recorder-{language}.png")
    before = library.lessons.count()
    recorder.stop()
    settle(app, lambda: library.lessons.count() > before, seconds=20)
    recorder.close()
    library.lessons.setCurrentRow(library.lessons.count() - 1)
    player = library.play_lesson()
    settle(app, lambda: player.viewer.views[0].image is not None and bool(
        player.timeline.actions))
    player.show_moment(player.lesson.duration_ms)
    settle(app, seconds=0.4)
    save(player, out / f"teaching-lesson-player-{language}.png")
    player.close()


if __name__ == "__main__":
    main()
