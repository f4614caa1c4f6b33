"""The simulated DR console against a running node: worklist → MPPS → images,
and its faults (mislabelled character set, dropped connection, resend); what it
writes: a PA and a lateral series stamped with the console's clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from pydicom import dcmread
from pydicom.dataset import Dataset
from sqlalchemy import func, select

from dicom.conftest import AE, RunningNode
from support import TECH
from tiered_workstation.dicom.scu import Target
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.simulator.modality import (
    ModalitySimulator,
    SimulatorOptions,
    performed_series,
)
from tiered_workstation.storage.enums import ExamState, Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.imaging import Instance, PerformedProcedureStep, Series, Study

SHANGHAI = ZoneInfo("Asia/Shanghai")


def schedule(node: RunningNode, *names: str, station: str = "DR01") -> list[str]:
    services = node.services
    numbers = []
    with services.database.transaction() as session:
        for name in names:
            exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                    PatientInput(name, Sex.MALE),
                                    OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST",
                                               scheduled_station_ae=station))
            numbers.append(exam.accession_number)
    return numbers


def simulator(node: RunningNode, calling: str, **options: object) -> ModalitySimulator:
    target = Target(AE, "127.0.0.1", node.port)
    return ModalitySimulator(SimulatorOptions(worklist=target, store=target,
                                              calling_ae=calling, size=256,
                                              **options))  # type: ignore[arg-type]


def stored(node: RunningNode, accession: str) -> list[Dataset]:
    """The study's images as the node archived them, read back from its files."""
    with node.services.database.session() as session:
        paths = session.scalars(select(Instance.path).join(Instance.series).join(Study)
                                .where(Study.accession_number == accession)
                                .order_by(Series.series_number)).all()
    return [dcmread(node.services.archive.absolute(path)) for path in paths]


def local_time(ds: Dataset, prefix: str) -> datetime:
    return datetime.strptime(ds[f"{prefix}Date"].value + ds[f"{prefix}Time"].value,
                             "%Y%m%d%H%M%S").replace(tzinfo=SHANGHAI)


def exam_state(node: RunningNode, accession: str) -> tuple[ExamState, int, str]:
    with node.services.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        images = session.scalar(select(func.count()).select_from(Instance).join(
            Instance.series).join(Study).where(Study.accession_number == accession))
        study = session.scalar(select(Study).where(Study.accession_number == accession))
        name = study.patient.name if study and study.patient else ""
        return exam.state, images, name


def test_worklist_to_acquired_with_mpps(node: RunningNode) -> None:
    first, second = schedule(node, "张三", "欧阳娜娜")
    schedule(node, "王五", station="CT01")  # another station's exam is not ours
    before = datetime.now(UTC).replace(microsecond=0)
    results = simulator(node, "FINDSCU", charset="GB18030", timezone=SHANGHAI).run_once()
    after = datetime.now(UTC)
    assert [(r.accession_number, r.images_sent, r.completed) for r in results] == [
        (first, 2, True), (second, 2, True)]
    assert exam_state(node, first) == (ExamState.ACQUIRED, 2, "张三")
    assert exam_state(node, second) == (ExamState.ACQUIRED, 2, "欧阳娜娜")
    with node.services.database.session() as session:
        steps = session.scalars(select(PerformedProcedureStep)).all()
        assert sorted(s.status for s in steps) == ["COMPLETED", "COMPLETED"]
        reported = [s.performed_series for s in steps]
    for accession in (first, second):
        pa, lateral = stored(node, accession)  # as the node archived them, series 1 and 2
        # a PA and a left lateral, each its own series, as real consoles send them
        assert [ds.ViewPosition for ds in (pa, lateral)] == ["PA", "LL"]
        assert [ds.SeriesNumber for ds in (pa, lateral)] == [1, 2]
        assert [ds.SeriesDescription for ds in (pa, lateral)] == ["Chest PA", "Chest LAT"]
        assert pa.SeriesInstanceUID != lateral.SeriesInstanceUID
        assert pa.StudyInstanceUID == lateral.StudyInstanceUID
        # the images carry her record number, from the worklist, not the consortium UUID
        with node.services.database.session() as session:
            patient = session.scalar(select(Exam).where(
                Exam.accession_number == accession)).patient
            assert pa.PatientID == lateral.PatientID == patient.identifier_at("CH01")
            assert pa.PatientID != patient.consortium_id
        # dated by the console's clock in its zone, when it acquired them
        for ds in (pa, lateral):
            assert ds.TimezoneOffsetFromUTC == "+0800"
            for prefix in ("Study", "Series", "Acquisition", "Content"):
                assert before <= local_time(ds, prefix) <= after, (prefix, ds[f"{prefix}Time"])
        # MPPS COMPLETED names both series, each with its own image
        series = next(r for r in reported
                      if r[0]["series_instance_uid"] == pa.SeriesInstanceUID)
        assert [(s["series_instance_uid"], s["description"], s["sop_instance_uids"])
                for s in series] == [
            (pa.SeriesInstanceUID, "Chest PA", [pa.SOPInstanceUID]),
            (lateral.SeriesInstanceUID, "Chest LAT", [lateral.SOPInstanceUID])]


def test_a_fixed_clock_gives_the_same_images_and_their_times() -> None:
    shanghai_morning = datetime(2026, 11, 28, 1, 0, 0, tzinfo=UTC)  # 09:00 in Shanghai
    target = Target(AE, "127.0.0.1", 1)  # never called: the images are made offline
    item = Dataset()
    item.AccessionNumber, item.PatientName, item.PatientID = "CM012611280007", "王^芳", "P7"
    item.PatientSex, item.StudyInstanceUID, item.PatientAge = "F", "1.2.3.4", "076Y"

    def console() -> ModalitySimulator:
        return ModalitySimulator(SimulatorOptions(worklist=target, store=target, size=64,
                                                  timezone=SHANGHAI),
                                 clock=lambda: shanghai_morning)

    images = console().images_for(item)
    again = console().images_for(item)
    assert [ds.PixelData for ds in images] == [ds.PixelData for ds in again]
    assert [ds.SOPInstanceUID for ds in images] == [ds.SOPInstanceUID for ds in again]
    for ds in images:
        assert (ds.StudyDate, ds.StudyTime, ds.AcquisitionTime) == (
            "20261128", "090000", "090000")
    pa, lateral = images
    assert [(ds.PatientID, ds.PatientAge) for ds in images] == [("P7", "076Y")] * 2
    assert [ds.ViewPosition for ds in images] == ["PA", "LL"]
    assert pa.SeriesInstanceUID != lateral.SeriesInstanceUID
    assert pa.PixelData != lateral.PixelData
    assert [(s.series_instance_uid, s.description, s.images) for s in performed_series(images)
            ] == [(ds.SeriesInstanceUID, ds.SeriesDescription,
                   [(str(ds.SOPClassUID), ds.SOPInstanceUID)]) for ds in images]
    later = ModalitySimulator(console().options,
                              clock=lambda: shanghai_morning + timedelta(hours=16))
    late = later.images_for(item)[0]  # past midnight in Shanghai: the next day's date
    assert (late.StudyDate, late.StudyTime) == ("20261129", "010000")


def test_a_mislabelling_console_is_read_right_with_the_peer_override(
        node: RunningNode) -> None:
    (accession,) = schedule(node, "张三")
    sim = simulator(node, "DR_GBK", charset="GB18030", mislabel_as="ISO_IR 100")
    assert sim.run_once()[0].completed
    assert exam_state(node, accession) == (ExamState.ACQUIRED, 2, "张三")


def test_dropped_connection_keeps_what_arrived_and_a_resend_completes_once(
        node: RunningNode) -> None:
    (accession,) = schedule(node, "李四")
    dropped_sim = simulator(node, "FINDSCU", drop_after=1)
    dropped = dropped_sim.run_once()
    assert (dropped[0].images_sent, dropped[0].completed) == (1, False)
    assert "dropped" in dropped[0].problem
    assert exam_state(node, accession) == (ExamState.IN_PROGRESS, 1, "李四")
    # the node kept serving; the console sends the study again, same images
    sim = dropped_sim
    sim.options = replace(sim.options, drop_after=None)
    (again,) = sim.run_once()
    assert (again.accession_number, again.completed) == (accession, True)
    assert exam_state(node, accession) == (ExamState.ACQUIRED, 2, "李四")  # not 3


def test_simulate_modality_command(node: RunningNode, capsys) -> None:
    from tiered_workstation.cli import main

    (accession,) = schedule(node, "赵六")
    worklist = ["simulate-modality", "--worklist", f"{AE}@127.0.0.1:{node.port}",
                "--calling-ae", "FINDSCU", "--size", "256"]
    assert main([*worklist, "--timezone", "Mars/Olympus"]) == 2
    assert "Unknown time zone 'Mars/Olympus'" in capsys.readouterr().err
    assert main([*worklist, "--timezone", "Asia/Shanghai"]) == 0
    assert f"{accession} 赵六: 2 image(s) done" in capsys.readouterr().out
    assert exam_state(node, accession)[0] is ExamState.ACQUIRED
    assert {ds.TimezoneOffsetFromUTC for ds in stored(node, accession)} == {"+0800"}


def test_looping_simulator_picks_up_new_exams_and_stops_when_told(node: RunningNode) -> None:
    import threading

    (first,) = schedule(node, "孙七")
    sim = simulator(node, "FINDSCU")
    stop = threading.Event()
    done: list = []
    worker = threading.Thread(target=lambda: done.extend(
        sim.run(loop=True, interval_s=0.2, stop=stop)))
    worker.start()
    try:
        (second,) = schedule(node, "周八")
        import time

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and second not in sim.done:
            time.sleep(0.05)
    finally:
        stop.set()
        worker.join(timeout=30)
    assert not worker.is_alive()
    assert {first, second} <= {r.accession_number for r in done if r.completed}
