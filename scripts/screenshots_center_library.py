"""Render a community doctor's library page to PNG, in English and Chinese: the center's
library online (with a course downloaded), and an offline case taken as a quiz.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_center_library.py \
        [--out docs/screenshots]

The two-site teaching demo (`tiered-ws demo --teaching`) runs in a temporary folder;
the center then makes a second case (王芳's normal chest) and keeps its sync API up
while the community's desktop window is shot. Nothing else is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication
from screenshots import save, settle
from sqlalchemy import select

from tiered_workstation.app.bootstrap import open_site
from tiered_workstation.demo.loop import run_loop_demo
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.i18n import install_translators, remove_translators
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.qt.theme import LIGHT, apply_theme
from tiered_workstation.storage.enums import Role
from tiered_workstation.storage.exams import Exam
from tiered_workstation.teaching.cases import CaseDraft
from tiered_workstation.workflow.actors import Actor

REVIEWER = Actor("rev.chest", Role.REVIEWER, "CH01", "刘主任")
DOCTOR = SignedIn("dr.cm01", "王医生", "CM01", (Role.COMMUNITY_DOCTOR,), Role.COMMUNITY_DOCTOR)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out = args.out.absolute()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme(app, LIGHT)
    with tempfile.TemporaryDirectory() as tmp:
        result = run_loop_demo(Path(tmp) / "demo", lambda _line: None, image_size=1024,
                               teaching=True)
        center = open_site(result.center_config)
        community = open_site(result.community_config)
        with center.database.session() as session:
            second = session.scalar(select(Exam.id).where(
                Exam.accession_number == result.accessions[1]))
        center.teaching_desk.make_case(second, REVIEWER, CaseDraft(
            title="正常胸片 — 排除肺炎", diagnosis="未见异常", body_part="CHEST",
            difficulty=1, tags=("正常", "胸片"), teaching_points="先看肺野，再看纵隔和膈面。"))
        center.start(long_poll_seconds=1)
        station = QtWorkstation(community, settings_store("CM01", Path(tmp) / "ui.ini"))
        try:
            for language in ("en", "zh_CN"):
                translators = install_translators(app, language)
                shoot(app, station, language, args.out)
                remove_translators(app, translators)
        finally:
            station.release()
            community.close()
            center.close()


def shoot(app: QApplication, station: QtWorkstation, language: str, out: Path) -> None:
    window = station.open_main_window(DOCTOR)
    window.resize(1440, 900)
    window.show()
    window.show_page("library")
    library = window.pages["library"]
    center = library.center
    library.sources.setCurrentWidget(center)
    settle(app, lambda: center.table.rowCount() == 2, seconds=30)
    center.table.selectRow(0)
    center.download_case()
    settle(app, lambda: not center._busy, seconds=60)
    center.table.selectRow(1)
    center.look_online()  # the other case, looked at online: it shows on the right
    settle(app, lambda: library.case is not None and library.lessons.count() > 0, seconds=30)
    settle(app, seconds=0.3)
    save(window, out / f"teaching-center-library-{language}-1440x900.png")
    library.sources.setCurrentIndex(0)
    settle(app, lambda: library.table.rowCount() >= 1)
    library.table.selectRow(0)
    first = library.cases[0].uid
    settle(app, lambda: library.case is not None and library.case.summary.uid == first)
    settle(app, seconds=0.3)
    library.take_quiz()
    library.quiz.findings.setPlainText("右下肺见片状影。")
    library.quiz.impression.setPlainText("右下肺炎症。")
    library.quiz.reveal()
    settle(app, seconds=0.5)
    save(window, out / f"teaching-offline-viewer-{language}-1440x900.png")  # the quiz's images
    window.show_page("library")
    settle(app, seconds=0.3)
    save(window, out / f"teaching-offline-quiz-{language}-1440x900.png")
    window.close()


if __name__ == "__main__":
    main()
