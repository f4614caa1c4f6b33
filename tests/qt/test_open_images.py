"""Open an exam's images from the status board (double-click) and from history: the
images a DR sent with dcmtk storescu appear in the viewer page."""

from __future__ import annotations

import subprocess
from pathlib import Path

from dicom.conftest import RunningNode, node  # noqa: F401 - a running center node
from support import TECH
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.qt.status.qt_board_model import QtBoardModel
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import Role, Sex

WAIT_MS = 20_000


def stored_exam(node: RunningNode, folder: Path, name: str, phonetic: str, *,  # noqa: F811
                images: int = 1) -> tuple[int, str]:
    """Register a chest exam and send its images to the node with dcmtk storescu."""
    services = node.services
    with services.database.transaction() as session:
        exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                PatientInput(name, Sex.FEMALE, phonetic),
                                OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST"))
        exam_id, accession, study_uid = exam.id, exam.accession_number, \
            exam.study_instance_uid
    demo = Demographics(patient_name=name, patient_phonetic=phonetic,
                        accession_number=accession, study_instance_uid=study_uid)
    files = []
    for n in range(images):
        path = folder / f"{n}.dcm"
        dx_dataset(demo, size=256, seed=n, instance_number=n + 1).save_as(
            path, enforce_file_format=True)
        files.append(str(path))
    sent = subprocess.run(["storescu", "-aet", "STORESCU", *node.target(), *files],
                          capture_output=True, text=True, timeout=60)
    assert sent.returncode == 0, sent.stderr
    return exam_id, accession


def test_double_click_on_the_board_opens_the_exams_images(qtbot, node: RunningNode,  # noqa: F811
                                                          tmp_path: Path) -> None:
    services = node.services
    _, accession = stored_exam(node, tmp_path, "王芳", "Wang^Fang", images=2)

    station = QtWorkstation(services, settings_store("CH01", tmp_path / "ui.ini"))
    try:
        window = station.open_main_window(
            SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,), Role.REVIEWER))
        qtbot.addWidget(window)
        board = window.pages["status"]
        qtbot.waitUntil(lambda: board.proxy.rowCount() == 1, timeout=WAIT_MS)
        index = board.proxy.index(0, QtBoardModel.COLUMNS.index("patient"))
        board.table.activated.emit(index)
        viewer = window.pages["viewer"]
        qtbot.waitUntil(lambda: window.current_page == "viewer", timeout=WAIT_MS)
        qtbot.waitUntil(lambda: viewer.view.image is not None, timeout=WAIT_MS)
        assert str(viewer.view.image.header.AccessionNumber) == accession
        assert viewer.view.overlay["tl"][0] == "王芳"

        # the reader's marks saved as GSPS stay with the study: reopened without the
        # annotation files, the archived state brings them back
        viewer.view.add_text(40, 40, "左肺结节？")
        with qtbot.waitSignal(viewer.state_saved, timeout=WAIT_MS):
            viewer.export_presentation_state()
        assert "kept with the study's images" in viewer.message.text()
        for saved in (services.settings.data_dir / "annotations").glob("*.json"):
            saved.unlink()
        viewer.view.clear_measurements()
        viewer.view.measurements = []
        window.open_images(accession_number=accession)
        qtbot.waitUntil(lambda: any(m.text == "左肺结节？" for v in viewer.views
                                    for m in v.measurements), timeout=WAIT_MS)
        assert "刘主任" in viewer.message.text()

        window.show_page("history")  # an exam without images here says so
        window.open_images(accession_number="NOPE")
        qtbot.waitUntil(lambda: "not on this site" in window.statusBar().currentMessage(),
                        timeout=WAIT_MS)
    finally:
        station.release()


def test_reading_opens_the_exams_images_beside_its_report(qtbot, node: RunningNode,  # noqa: F811
                                                         tmp_path: Path) -> None:
    services = node.services
    exam_id, accession = stored_exam(node, tmp_path, "李娜", "Li^Na")

    store = settings_store("CH01", tmp_path / "ui.ini")
    station = QtWorkstation(services, store)
    try:
        window = station.open_main_window(
            SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,), Role.REVIEWER))
        qtbot.addWidget(window)
        window.resize(1440, 900)
        window.show()
        reading, viewer = window.pages["reading"], window.pages["viewer"]
        window.show_page("reading")
        assert viewer.parentWidget() is reading.image_home  # the one viewer, not a copy
        with qtbot.waitSignal(reading.loaded, timeout=WAIT_MS):
            reading.open_exam(exam_id)
        qtbot.waitUntil(lambda: viewer.view.image is not None, timeout=WAIT_MS)
        assert str(viewer.view.image.header.AccessionNumber) == accession
        assert window.current_page == "reading"  # the report stays in front
        qtbot.wait(500)  # the hanging has placed the study and restored its (no) marks
        viewer.view.add_text(30, 30, "请对比旧片")
        with qtbot.waitSignal(reading.loaded, timeout=WAIT_MS):
            reading.open_exam(exam_id)  # as after an action on the report
        qtbot.wait(300)
        assert [m.text for m in viewer.view.measurements] == ["请对比旧片"]  # not reloaded

        with services.database.transaction() as session:  # another patient, no images yet
            other, _ = register_exam(session, services.workflow, services.registration, TECH,
                                     PatientInput("赵敏", Sex.FEMALE, "Zhao^Min"),
                                     OrderInput("DXHAND", "DR 左手正斜位", "DX", "HAND"))
            other_id = other.id
        with qtbot.waitSignal(reading.loaded, timeout=WAIT_MS):
            reading.open_exam(other_id)
        qtbot.waitUntil(lambda: all(v.image is None for v in viewer.views), timeout=WAIT_MS)
        assert viewer.thumbnails.count() == 0   # 李娜's films are not beside 赵敏's report
        assert "not on this site" in viewer.message.text()
        with qtbot.waitSignal(reading.loaded, timeout=WAIT_MS):
            reading.open_exam(exam_id)
        qtbot.waitUntil(lambda: viewer.view.image is not None, timeout=WAIT_MS)

        window.show_page("viewer")
        assert viewer.parentWidget() is window.stack.currentWidget()
        window.show_page("reading")
        assert viewer.parentWidget() is reading.image_home

        reading.split.setSizes([200, 900, 340])
        sizes = reading.split.sizes()
        window.save_state()
        window.close()
        again = station.open_main_window(
            SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,), Role.REVIEWER))
        qtbot.addWidget(again)
        again.resize(1440, 900)
        again.show()
        again.show_page("reading")
        assert again.pages["reading"].split.sizes() == sizes  # the reader's own layout
    finally:
        station.release()
