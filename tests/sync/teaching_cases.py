"""A de-identified case put straight into a center's library (with real DICOM files
and a lesson), for the tests of the library's API and its community side."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import uuid
from functools import cache
from pathlib import Path

import numpy as np
import pydicom
from pydicom.dataset import FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

from tiered_workstation.simulator.narration import write_narration
from tiered_workstation.storage.enums import LessonKind
from tiered_workstation.storage.teaching import Lesson, TeachingCase, TeachingInstance
from tiered_workstation.teaching.lessons import encode_voice
from tiered_workstation.teaching.timeline import Timeline

NARRATION_S = 40


@cache
def narration() -> bytes:
    """A real voice lesson (AAC in MP4, 40 s, about 320 kB), made once."""
    folder = Path(tempfile.mkdtemp(prefix="tw-narration-"))
    wav = write_narration(folder / "voice.wav", NARRATION_S)
    data = encode_voice(wav, folder / "voice.m4a").read_bytes()
    shutil.rmtree(folder)
    return data


def _ct_file(path: Path, study: str, rows: int = 1024) -> bytes:
    ds = pydicom.Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = CTImageStorage
    ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPClassUID, ds.SOPInstanceUID = CTImageStorage, ds.file_meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID, ds.SeriesInstanceUID = study, study[:60] + ".1"
    ds.Modality, ds.PatientName, ds.PatientIdentityRemoved = "CT", "ANON", "YES"
    ds.Rows = ds.Columns = rows
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.PixelData = np.random.default_rng().integers(0, 4096, (rows, rows), np.uint16).tobytes()
    ds.save_as(path, enforce_file_format=True)
    return path.read_bytes()


def seed_case(center, title: str, body_part: str, files: int = 2) -> str:
    """A de-identified case in the center's library, with a voice lesson."""
    teaching = center.teaching_dir
    uid, study = str(uuid.uuid4()), generate_uid()
    folder = teaching / "cases" / uid
    folder.mkdir(parents=True)
    case = TeachingCase(uid=uid, title=title, diagnosis="肺结节", modality="CT",
                        body_part=body_part, difficulty=2, tags="nodule,chest",
                        teaching_points="看清分叶和毛刺。", findings="右肺上叶结节。",
                        impression="考虑肺癌。", study_instance_uid=study,
                        author_username="rev.chest", author_name="刘主任", origin_site="CH01")
    for n in range(files):
        data = _ct_file(folder / f"{n}.dcm", study)
        ds = pydicom.dcmread(folder / f"{n}.dcm", stop_before_pixels=True)
        case.instances.append(TeachingInstance(
            sop_instance_uid=ds.SOPInstanceUID, series_instance_uid=ds.SeriesInstanceUID,
            sop_class_uid=CTImageStorage, modality="CT", path=f"cases/{uid}/{n}.dcm",
            size=len(data), sha256=hashlib.sha256(data).hexdigest(), key_image=n == 0))
    voice = narration()
    (folder / "lesson.m4a").write_bytes(voice)
    case.lessons.append(Lesson(uid=str(uuid.uuid4()), kind=LessonKind.VOICE, title=title,
                               media_type="audio/mp4", path=f"cases/{uid}/lesson.m4a",
                               size=len(voice), sha256=hashlib.sha256(voice).hexdigest(),
                               duration_ms=NARRATION_S * 1000, timeline=Timeline().to_json(),
                               author_username="rev.chest", author_name="刘主任"))
    with center.database.transaction() as session:
        session.add(case)
    return uid
