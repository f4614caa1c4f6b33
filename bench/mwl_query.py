"""Modality Worklist query latency: our MWL SCP against dcmtk wlmscpfs.

10,000 scheduled exams with Chinese names over ten days, served by our node
from the database and by ``wlmscpfs -csk`` from the same items exported as
.wl files (GB18030).  dcmtk ``findscu -W`` asks each, in GB18030, for a name
wildcard and for a date range; the median latency of each query is printed
with the ratio (wlmscpfs time / ours; above 1 means we are faster).

    .venv/bin/python bench/mwl_query.py [--exams 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian
from store_throughput import free_port, new_site, wait_port  # same folder (bench/)

from tiered_workstation.dicom.worklist_answers import worklist_item
from tiered_workstation.storage.enums import ExamState, Priority, ReadingMode, Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.patients import Patient

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"
START = datetime(2026, 11, 20, 0, 30, tzinfo=UTC)


def populate(services, count: int) -> list[Exam]:
    rng = random.Random(7)
    exams = []
    with services.database.transaction() as session:
        for i in range(count):
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))
            patient = Patient(consortium_id=str(uuid.uuid4()), name=name, sex=Sex.UNKNOWN)
            when = START + timedelta(minutes=rng.randrange(10 * 24 * 60))
            exam = Exam(accession_number=f"CH01{i:010d}", study_instance_uid=f"2.25.{i + 1}",
                        patient=patient, site_code="CH01", procedure_code="DXCHEST2",
                        procedure_description="DR 胸部正侧位", modality="DX", body_part="CHEST",
                        priority=Priority.ROUTINE, reading_mode=ReadingMode.CENTER_FULL,
                        state=ExamState.SCHEDULED, scheduled_station_ae="DR01",
                        scheduled_start=when, registered_by="bench", registered_at=when,
                        state_changed_at=when)
            session.add(exam)
            exams.append(exam)
        session.flush()
        tz = services.settings.site.tz
        items = [worklist_item(e, tz, "CH01", charset="GB18030", phonetic_names=False)
                 for e in exams]
    return items


def query(path: Path, **keys: str) -> Path:
    ds = Dataset()
    ds.SpecificCharacterSet = "GB18030"
    ds.PatientName = keys.get("name", "")
    ds.PatientID = ""
    ds.AccessionNumber = ""
    ds.StudyInstanceUID = ""
    step = Dataset()
    step.Modality = "DX"
    step.ScheduledStationAETitle = ""
    step.ScheduledProcedureStepStartDate = keys.get("date", "")
    step.ScheduledProcedureStepStartTime = ""
    ds.ScheduledProcedureStepSequence = [step]
    ds.save_as(path, implicit_vr=False, little_endian=True)
    return path


def ask(port: int, called: str, query_file: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(["findscu", "-W", "-aet", "FINDSCU", "-aec", called, "127.0.0.1",
                             str(port), str(query_file), "-v"], capture_output=True, timeout=300)
    elapsed = time.perf_counter() - start
    answers = (result.stdout + result.stderr).count(b"Find Response:")
    return elapsed, answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exams", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        root = Path(tmp)
        port = free_port()
        services = new_site(root / "site", port, [
            {"ae_title": "FINDSCU", "host": "127.0.0.1", "port": 104, "kind": "modality",
             "charset": "GB18030"}])
        items = populate(services, args.exams)
        folder = root / "wl" / "WLM"
        folder.mkdir(parents=True)
        for n, item in enumerate(items):
            item.file_meta = FileMetaDataset()
            item.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
            item.save_as(folder / f"{n:05d}.wl", implicit_vr=False, little_endian=True)
        (folder / "lockfile").touch()
        wl_port = free_port()
        wlm = subprocess.Popen(["wlmscpfs", "-csk", "-dfp", str(root / "wl"), str(wl_port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        services.node.start()
        try:
            wait_port(wl_port)
            wait_port(port)
            queries = {"name wildcard 张*": query(root / "q1.dcm", name="张*"),
                       "date range (3 days)": query(root / "q2.dcm",
                                                    date="20261121-20261123")}
            print(f"{args.exams} scheduled exams; median of {args.runs} findscu -W runs:")
            for label, path in queries.items():
                ours = [ask(port, "CH01_PACS", path) for _ in range(args.runs)]
                theirs = [ask(wl_port, "WLM", path) for _ in range(args.runs)]
                t_ours = statistics.median(t for t, _ in ours)
                t_theirs = statistics.median(t for t, _ in theirs)
                print(f"  {label:<22} ours {1000 * t_ours:7.0f} ms ({ours[0][1]} answers)   "
                      f"wlmscpfs {1000 * t_theirs:7.0f} ms ({theirs[0][1]} answers)   "
                      f"ratio {t_theirs / t_ours:5.2f}")
        finally:
            services.close()
            wlm.terminate()
            wlm.wait(timeout=30)


if __name__ == "__main__":
    main()
