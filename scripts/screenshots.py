"""Render every page of the desktop app to PNG, in English and Chinese, at two sizes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

A center site with a busy morning (``demo/board.py``) is created in a
temporary folder; nothing else is touched.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pydicom.uid import generate_uid
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from tiered_workstation.app.alerts import AlertKind
from tiered_workstation.app.bootstrap import bootstrap
from tiered_workstation.app.local_archive import archive_file
from tiered_workstation.app.site_setup import InitRequest, init_site
from tiered_workstation.config import load_settings
from tiered_workstation.demo.board import seed_board
from tiered_workstation.dicom.synth import Demographics, ct_series, dx_dataset
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.i18n import install_translators
from tiered_workstation.qt.problem_bar import QtProblemBar
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.qt.registration.qt_scan_strip import scan_from_bytes
from tiered_workstation.qt.tasks import TaskRunner
from tiered_workstation.qt.theme import DARK, LIGHT, apply_theme
from tiered_workstation.qt.viewer.qt_image_view import Measurement, Tool
from tiered_workstation.qt.viewer.qt_viewer_page import QtViewerPage
from tiered_workstation.registration.catalogue import load_catalogue
from tiered_workstation.registration.form import RegistrationForm, check_form
from tiered_workstation.registration.phonetic import phonetic_name
from tiered_workstation.review.consultation import post_message, request_consultation
from tiered_workstation.review.signoff import save_review
from tiered_workstation.storage.enums import ExamState, Role
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.reports import Report
from tiered_workstation.workflow.actors import Actor

SIZES = ((1440, 900), (1920, 1080))
PEERS = [{"ae_title": "DR01", "host": "127.0.0.1", "port": 1, "kind": "modality",
          "charset": "GB18030"},
         {"ae_title": "CM01_PACS", "host": "127.0.0.1", "port": 2, "kind": "node",
          "site": "CM01", "tls": True}]


SEEDED: tuple[str, str] = ("", "")  # (in consultation, edited by the reviewer)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def settle(app: QApplication, until=None, seconds: float = 10.0) -> None:
    """Process events until ``until()`` holds (or, without it, for ``seconds``)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if until is not None and until():
            return
        time.sleep(0.02)
    if until is not None:
        raise RuntimeError("the page did not finish loading")


def save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path)


def busy_center(tmp: Path, peers: list[dict] | None = None):
    """A center site in ``tmp`` with a busy morning (``demo/board.py``); its services."""
    _, config = init_site(InitRequest(mode="center", site_code="CH01",
                                      data_dir=tmp / "center",
                                      name="市中心医院 City Center Hospital",
                                      dicom_port=free_port(), api_port=free_port(),
                                      extra={"peers": peers or []}))
    services = bootstrap(load_settings(config))
    seed_board(services, datetime.now(UTC).replace(microsecond=0))
    return services


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        services = busy_center(Path(tmp), PEERS)
        global SEEDED
        SEEDED = seed_consultation(services)
        archive_exam_images(services, SEEDED[1], Path(tmp) / "edited-exam")
        community = community_site(Path(tmp))
        session = SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,), Role.REVIEWER)
        try:
            for language in ("en", "zh_CN"):
                translators = install_translators(app, language)
                for theme in (LIGHT, DARK):
                    apply_theme(app, theme)
                    shoot(app, services, session, language, theme, Path(tmp), args.out)
                apply_theme(app, LIGHT)
                shoot_registration(app, community, language, Path(tmp), args.out)
                apply_theme(app, DARK)
                shoot_viewer(app, language, Path(tmp), args.out)
                for translator in translators:
                    app.removeTranslator(translator)
        finally:
            services.close()
            community.close()


def shoot_problem(app: QApplication, station: QtWorkstation, window, language: str,
                  out: Path) -> None:
    """An unknown device knocks (dcmtk echoscu as 'STRANGER'): the bar, then the log."""
    dicom = station.services.settings.dicom
    subprocess.run(["echoscu", "-aet", "STRANGER", "-aec", dicom.ae_title, "127.0.0.1",
                    str(dicom.port)], capture_output=True, timeout=30, check=False)
    settle(app, lambda: bool(station.problems.active))
    settle(app, seconds=0.3)
    size = f"{SIZES[0][0]}x{SIZES[0][1]}"
    save(window, out / f"problem-{language}-{size}.png")
    window.findChild(QtProblemBar).details.click()
    settle(app, seconds=0.3)
    save(window, out / f"log-{language}-{size}.png")
    station.problems.dismiss()
    window.show_page("status")


def viewer_images(tmp: Path) -> tuple[list[Path], Path]:
    folder = tmp / "images"
    if folder.exists():
        return sorted(folder.glob("dx-*.dcm")), folder / "ct"
    (folder / "ct").mkdir(parents=True)
    demo = Demographics(patient_name="王芳", patient_phonetic="Wang^Fang", sex="F",
                        birth_date="19491231")
    study = generate_uid()
    for n, view in enumerate(("PA", "LL")):
        ds = dx_dataset(demo, size=1500, seed=n, series_number=n + 1, view=view)
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, generate_uid()
        ds.SeriesDescription = "胸部正位 PA" if view == "PA" else "胸部侧位 LAT"
        ds.PatientAge = "076Y"
        ds.save_as(folder / f"dx-{n}.dcm", enforce_file_format=True)
    for n, ds in enumerate(ct_series(demo, slices=60, size=512)):
        ds.StudyDescription = "CT 胸部平扫 Chest"
        ds.save_as(folder / "ct" / f"{n:03d}.dcm", enforce_file_format=True)
    return sorted(folder.glob("dx-*.dcm")), folder / "ct"


def shoot_viewer(app: QApplication, language: str, tmp: Path, out: Path) -> None:
    """The 2D viewer (dark, as in a reading room): a chest pair, a measurement, a CT."""
    chest, ct = viewer_images(tmp)
    tasks = TaskRunner()
    page = QtViewerPage(tasks)
    page.resize(*SIZES[0])
    page.show()
    size = f"{SIZES[0][0]}x{SIZES[0][1]}"
    try:
        page.open(chest)
        settle(app, lambda: all(v.image is not None for v in page.views[:2]))
        settle(app, seconds=0.5)
        save(page, out / f"viewer-dx-{language}-{size}.png")
        view = page.views[0]
        for tool, points in ((Tool.LINE, [(380.0, 300.0), (380.0, 1200.0)]),
                             (Tool.ELLIPSE, [(600.0, 330.0), (800.0, 560.0)])):
            view._finish(Measurement(tool, 0, points))
        settle(app, seconds=0.2)
        save(page, out / f"viewer-measure-{language}-{size}.png")
        page.open([ct])
        settle(app, lambda: page.views[0].image is not None
               and page.views[0].image.frame_count == 60)
        page.presets.activated.emit(page.presets.findText(page.tr("Lung")))
        page.views[0].set_frame(18)
        settle(app, seconds=0.3)
        save(page, out / f"viewer-ct-{language}-{size}.png")
        page.mpr_button.setChecked(True)
        settle(app, lambda: page.mpr is not None and page.mpr.volume is not None, 60)
        rendered: list[bool] = []
        page.mpr.rendered.connect(lambda: rendered.append(True))
        page.mpr.preset.setCurrentIndex(page.mpr.preset.findData("soft_tissue"))
        page.mpr.slab.setCurrentIndex(page.mpr.slab.findData(10.0))
        settle(app, lambda: bool(rendered), 60)
        settle(app, seconds=0.3)
        save(page, out / f"viewer-mpr-{language}-{size}.png")
    finally:
        page.close()
        tasks.shutdown()


def community_site(tmp: Path):
    """A community whose center is out of reach: today's registrations wait to sync."""
    _, config = init_site(InitRequest(
        mode="community", site_code="CM01", center="CH01", data_dir=tmp / "community",
        name="第一社区卫生服务中心 Community 1", dicom_port=free_port(),
        extra={"sync": {"center_url": "https://127.0.0.1:9"}, "peers": PEERS[:1]}))
    services = bootstrap(load_settings(config))
    today = date.today()
    for name, sex, birth, code in (("李秀英", "F", date(1952, 3, 8), "DXCHEST2"),
                                   ("张伟", "M", date(1978, 11, 2), "DXLSPINE"),
                                   ("欧阳娜娜", "F", date(1990, 6, 21), "DXKNEE")):
        form = RegistrationForm(name=name, name_phonetic=phonetic_name(name), sex=sex,
                                birth_date=birth.isoformat(), procedure_code=code)
        checked = check_form(form, load_catalogue(), today).result
        services.registration_desk.register(Actor("tech.li", Role.TECHNICIAN, "CM01", "李技师"),
                         checked)
    return services


def shoot_registration(app: QApplication, services, language: str, tmp: Path,
                       out: Path) -> None:
    station = QtWorkstation(services, settings_store("CM01", tmp / f"desk-{language}.ini"))
    try:
        window = station.open_main_window(
            SignedIn("tech.li", "李技师", "CM01", (Role.TECHNICIAN,), Role.TECHNICIAN))
        window.show_page("registration")
        page = window.pages["registration"]
        settle(app, lambda: page.today.rowCount() == 3)
        page.name.setText("王芳")
        page.name.textEdited.emit("王芳")
        page.national_id.setText("11010519491231002X")
        page.national_id.textEdited.emit("11010519491231002X")
        page.phone.setText("138 0013 8000")
        page.procedure.setCurrentIndex(page.procedure.findData("DXCHEST2"))
        page.clinical_info.setPlainText("咳嗽、低热两周，吸烟史三十年。")
        page.scans.add_scan(scan_from_bytes("申请单.png", requisition_png()))
        page.lookup_now()
        settle(app, lambda: "center" in page.lookup_status.text().lower()
               or "中心" in page.lookup_status.text())
        for width, height in SIZES:
            window.resize(width, height)
            window.show()
            settle(app, seconds=0.3)
            page.scans.thumbnails.setCurrentRow(0)
            save(window, out / f"registration-{language}-{width}x{height}.png")
        page.clear_form()
        page.submit()
        settle(app, seconds=0.3)
        window.resize(*SIZES[0])
        save(window, out / f"registration-errors-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png")
        window.close()
    finally:
        station.release()


def requisition_png() -> bytes:
    """A plausible request form, drawn (no patient's real paper is used)."""
    image = QImage(850, 1100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("#222"))
    font = painter.font()
    font.setPixelSize(34)
    painter.setFont(font)
    painter.drawText(60, 90, "第一社区卫生服务中心  影像检查申请单")
    font.setPixelSize(24)
    painter.setFont(font)
    lines = ("姓名：王芳    性别：女    年龄：76岁", "检查项目：DR 胸部正侧位",
             "临床诊断：咳嗽、低热两周，排除肺部感染", "申请医生：陈医生    2026-11-28")
    for n, line in enumerate(lines):
        painter.drawText(60, 180 + n * 60, line)
    painter.drawRect(40, 40, 770, 1020)
    painter.end()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(array.data())


def shoot(app: QApplication, services, session: SignedIn, language: str, theme: str,
          tmp: Path, out: Path) -> None:
    station = QtWorkstation(services, settings_store("CH01", tmp / f"ui-{language}.ini"))
    station.start_node(long_poll_seconds=1)
    settle(app, lambda: station.node_running)
    try:
        if theme == LIGHT:
            dialog = station.login_dialog(language)
            dialog.resize(460, 300)
            dialog.username.setText("rev.chest")
            save(dialog, out / f"login-{language}.png")
        window = station.open_main_window(session)
        board = window.pages["status"]
        settle(app, lambda: board.proxy.rowCount() > 0)
        sizes = SIZES if theme == LIGHT else SIZES[:1]
        for width, height in sizes:
            window.resize(width, height)
            window.show()
            board.close_drawer()
            settle(app, seconds=0.2)
            suffix = f"{language}-{width}x{height}" + ("" if theme == LIGHT else "-dark")
            save(window, out / f"status-{suffix}.png")
            board.table.selectRow(4)
            settle(app, lambda: board.drawer.isVisible())
            settle(app, seconds=0.3)
            save(window, out / f"status-drawer-{suffix}.png")
        if theme == LIGHT:
            window.resize(*SIZES[0])
            board.close_drawer()
            urgent = next(r for r in board.model.rows() if r.priority.value != "routine")
            station.alerts._raise(AlertKind.NEW_EXAM, urgent, {"CM01": "第一社区卫生服务中心"})
            settle(app, seconds=0.3)
            save(window, out / f"status-alert-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png")
            station.alerts.acknowledge()
            window.show_page("node")
            node = window.pages["node"]
            settle(app, lambda: node.services_table.rowCount() > 0)
            node.peers_table.selectRow(0)
            node.test_button.click()
            settle(app, lambda: node.peers_table.item(0, 4).text().startswith(("OK", "Fail",
                                                                                "成功", "失败")))
            save(window, out / f"node-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png")
            signed = next(r for r in board.model.rows()
                          if r.state.value == "printed" and r.birth_date)
            window.show_page("history")
            history = window.pages["history"]
            history.query.setText(signed.patient_name)
            history.birth_date.setText(signed.birth_date.isoformat())
            history.search()
            settle(app, lambda: history.people.count() > 0)
            settle(app, seconds=0.3)
            save(window, out / f"history-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png")
            shoot_desks(app, station, window, language, out)
            window.show_page("status")
            shoot_problem(app, station, window, language, out)
            admin = station.open_main_window(SignedIn("admin", "系统管理员", "CH01",
                                                     (Role.ADMIN,), Role.ADMIN))
            admin.resize(*SIZES[0])
            admin.show_page("settings")
            admin.show()
            settle(app, seconds=0.3)
            save(admin, out / f"settings-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png")
            settings_page = admin.pages["settings"]
            settings_page.edit_hanging_rules()
            settle(app, lambda: settings_page.hanging_editor is not None)
            settle(app, seconds=0.3)
            save(settings_page.hanging_editor, out / f"hanging-editor-{language}.png")
            settings_page.hanging_editor.close()
            admin.close()
        window.close()
    finally:
        station.release()
        services.node.stop()


def seed_consultation(services) -> tuple[str, str]:
    """One preliminary report of the seeded board goes to the expert group, another
    gets the reviewer's edits; returns their accession numbers."""
    reviewer = Actor("rev.chest", Role.REVIEWER, "CH01", "刘主任")
    expert = Actor("exp.chest", Role.REVIEWER, "CH01", "王教授")
    with services.database.transaction() as session:
        preliminary = session.scalars(select(Exam).where(
            Exam.state == ExamState.PRELIMINARY).order_by(Exam.id)).all()
        second = next(e for e in preliminary if e.body_part == "CHEST")
        first = next(e for e in preliminary if e is not second)
        request_consultation(session, services.workflow, first, reviewer,
                             "右肺门区结节影：肿大淋巴结还是肿块？请专家组会诊。")
        post_message(session, first, expert, "倾向肿大淋巴结，边界清楚，建议胸部增强CT进一步检查。")
        report = session.scalar(select(Report).where(Report.exam_id == second.id))
        text = report.latest
        save_review(session, second, reviewer,
                    findings=text.findings.replace("。", "，请结合临床。", 1) + "余未见明显异常。",
                    impression=text.impression, comment="补充描述")
        return first.accession_number, second.accession_number


def archive_exam_images(services, accession: str, folder: Path) -> None:
    """A chest PA and lateral of this exam's patient, archived at the center as if the
    community had forwarded them (the seeded board has no images)."""
    folder.mkdir(parents=True, exist_ok=True)
    with services.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        patient = exam.patient
        demo = Demographics(
            patient_name=patient.name, patient_phonetic=patient.name_phonetic,
            patient_id=exam.record_number, sex=patient.sex.value,
            birth_date=f"{patient.birth_date:%Y%m%d}" if patient.birth_date else "",
            accession_number=accession, study_instance_uid=exam.study_instance_uid,
            study_description=exam.procedure_description, patient_age=exam.patient_age)
    for n, view in enumerate(("PA", "LL")):
        path = folder / f"{view}.dcm"
        dx_dataset(demo, size=1200, seed=n, series_number=n + 1, view=view).save_as(
            path, enforce_file_format=True)
        archive_file(services, path)


def shoot_desks(app: QApplication, station: QtWorkstation, window, language: str,
                out: Path) -> None:
    size = f"{SIZES[0][0]}x{SIZES[0][1]}"
    window.show_page("reading")
    reading = window.pages["reading"]
    settle(app, lambda: reading.table.rowCount() > 0)
    edited = next(n for n, r in enumerate(reading._rows) if r.accession_number == SEEDED[1])
    reading.table.selectRow(edited)
    settle(app, lambda: reading.view is not None
           and reading.view.row.accession_number == SEEDED[1])
    viewer = window.pages["viewer"]   # the exam's own images, opened by the desk
    settle(app, lambda: len(viewer.views) > 1 and viewer.views[1].image is not None)
    settle(app, seconds=0.3)
    save(window, out / f"reading-editor-{language}-{size}.png")
    reading.tabs.setCurrentIndex(1)
    settle(app, seconds=0.2)
    save(window, out / f"reading-diff-{language}-{size}.png")
    reading.scope.setCurrentIndex(1)  # in consultation
    settle(app, lambda: any(r.accession_number == SEEDED[0] for r in reading._rows),
           seconds=5)
    if reading.table.rowCount():
        reading.table.selectRow(next(n for n, r in enumerate(reading._rows)
                                     if r.accession_number == SEEDED[0]))
        settle(app, lambda: reading.view is not None
               and reading.view.row.accession_number == SEEDED[0])
        settle(app, seconds=0.5)
        reading.tabs.setCurrentIndex(2)
        settle(app, seconds=0.2)
        save(window, out / f"reading-consultation-{language}-{size}.png")
    reading.tabs.setCurrentIndex(0)
    window.show_page("tat")
    settle(app, lambda: window.pages["tat"].summary is not None)
    settle(app, seconds=0.3)
    save(window, out / f"tat-{language}-{size}.png")
    triage = station.open_main_window(SignedIn("triage", "赵分诊", "CH01", (Role.TRIAGE,),
                                              Role.TRIAGE))
    triage.resize(*SIZES[0])
    triage.show_page("triage")
    triage.show()
    page = triage.pages["triage"]
    settle(app, lambda: page.table.rowCount() > 0, seconds=3)
    settle(app, seconds=0.5)
    save(triage, out / f"triage-{language}-{size}.png")
    triage.close()



if __name__ == "__main__":
    main()
