"""A signed exam's images and a reader's marks, archived as the node would have them;
graded preliminaries of two community doctors."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid
from sqlalchemy import select

from review.conftest import Reading, by_accession
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.app.local_archive import archive_file
from tiered_workstation.dicom.synth import Demographics, ct_series, dx_dataset
from tiered_workstation.storage.enums import PeerReviewGrade, Role, StudyActivity
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.teaching import PeerReview, TeachingCase
from tiered_workstation.teaching.study import record_study
from tiered_workstation.viewer.gsps import GSPS_SOP_CLASS
from tiered_workstation.workflow.actors import Actor


def _patient_of(reading: Reading, accession: str) -> Demographics:
    """张三 as the modality names him, on the exam's study."""
    with reading.services.database.session() as session:
        exam = by_accession(session, accession)
        return Demographics(patient_name="张三", patient_phonetic="Zhang^San",
                            patient_id="P000777", accession_number=accession,
                            study_instance_uid=exam.study_instance_uid)


def archive_marked_images(reading: Reading, accession: str, tmp: Path, *,
                          burned: bool = False) -> str:
    """A DX of the exam's patient and a presentation state marking it; returns the DX's
    SOP Instance UID."""
    services = reading.services
    image = dx_dataset(_patient_of(reading, accession), size=128)
    image.BurnedInAnnotation = "YES" if burned else "NO"
    image.save_as(tmp / "dx.dcm", enforce_file_format=True)
    archive_file(services, tmp / "dx.dcm")
    ps = Dataset()
    ps.file_meta = FileMetaDataset()
    ps.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ps.SpecificCharacterSet = "ISO_IR 192"
    ps.SOPClassUID, ps.SOPInstanceUID = GSPS_SOP_CLASS, generate_uid()
    ps.StudyInstanceUID, ps.SeriesInstanceUID = image.StudyInstanceUID, generate_uid()
    ps.PatientName, ps.PatientID, ps.AccessionNumber = "Zhang^San=张^三", "P000777", accession
    ps.Modality, ps.StudyDate = "PR", image.StudyDate
    ref = Dataset()
    ref.ReferencedSOPClassUID, ref.ReferencedSOPInstanceUID = image.SOPClassUID, \
        image.SOPInstanceUID
    text = Dataset()
    text.UnformattedTextValue = "张三 右下肺病灶"
    annotation = Dataset()
    annotation.ReferencedImageSequence = Sequence([ref])
    annotation.TextObjectSequence = Sequence([text])
    ps.GraphicAnnotationSequence = Sequence([annotation])
    ps.save_as(tmp / "ps.dcm", enforce_file_format=True)
    archive_file(services, tmp / "ps.dcm", sop_class=GSPS_SOP_CLASS)
    return str(image.SOPInstanceUID)


def archive_ct(reading: Reading, accession: str, tmp: Path, *, slices: int = 8) -> str:
    """A small CT series of the exam's patient; returns its Series Instance UID."""
    services = reading.services
    series = ct_series(_patient_of(reading, accession), slices=slices, size=64)
    for n, ds in enumerate(series):
        ds.save_as(tmp / f"ct{n}.dcm", enforce_file_format=True)
        archive_file(services, tmp / f"ct{n}.dcm")
    return str(series[0].SeriesInstanceUID)


TZ = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 12, 4)  # a Friday
A, M, J = PeerReviewGrade.AGREE, PeerReviewGrade.MINOR, PeerReviewGrade.MAJOR
# (doctor, body part, days before today, grade)
GRADED = [("dr.li", "CHEST", 15, M), ("dr.li", "CHEST", 14, J), ("dr.li", "CHEST", 1, A),
          ("dr.li", "SPINE", 2, A), ("dr.li", "SPINE", 3, A),
          ("dr.wu", "CHEST", 0, A), ("dr.wu", "CHEST", 8, A)]
NAMES = {"dr.li": "李医生", "dr.wu": "吴医生"}


def seed_peer_reviews(services: Services, new_exam) -> list[str]:
    """Graded preliminaries of two community doctors over a month, two library cases and
    some study; returns the exams' accession numbers in GRADED order."""
    accessions = [new_exam() for _ in GRADED]
    with services.database.transaction() as session:
        for accession, (who, part, days, grade) in zip(accessions, GRADED, strict=True):
            exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
            session.add(PeerReview(
                exam_id=exam.id, author_username=who, author_name=NAMES[who],
                author_site="CM01", reviewer_username="rev", reviewer_name="刘主任",
                modality="DX", body_part=part, findings_distance=0.3 if grade is J else 0.05,
                impression_distance=0.8 if grade is J else 0.0, impression_changed=grade is J,
                proposed_grade=grade, grade=grade,
                reviewed_at=datetime.combine(TODAY - timedelta(days=days),
                                             datetime.min.time(), TZ).replace(hour=10)))
        session.add(TeachingCase(uid="c-chest", title="右下肺炎", body_part="CHEST",
                                 author_username="rev"))
        session.add(TeachingCase(uid="c-spine", title="腰椎滑脱", body_part="SPINE",
                                 author_username="rev"))
        learner = Actor("dr.li", Role.COMMUNITY_DOCTOR, "CM01", "李医生")
        record_study(session, learner, "c-chest", StudyActivity.QUIZ, quiz=("", "", 0.5))
        record_study(session, learner, "c-chest", StudyActivity.LESSON)
        record_study(session, learner, "c-chest", StudyActivity.LESSON)
    return accessions
