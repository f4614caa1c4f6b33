"""The center's teaching library over the real mutual-TLS API: a community searches it,
takes cases and courses offline (encrypted at rest, resumable), and opens them with
no connection, byte for byte what the center holds."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.dataset import FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid
from sqlalchemy import select

from tiered_workstation.app.teaching_download import DownloadFailed, TeachingDownloader
from tiered_workstation.security import pki
from tiered_workstation.security.at_rest import AtRestError
from tiered_workstation.security.tls import client_context
from tiered_workstation.storage.enums import DownloadState, LessonKind, Role
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.storage.teaching import (
    Lesson,
    TeachingCase,
    TeachingDownload,
    TeachingInstance,
)
from tiered_workstation.sync.client import SyncClient
from tiered_workstation.teaching import catalogue
from tiered_workstation.teaching.library import LibraryQuery
from tiered_workstation.teaching.timeline import Timeline
from tiered_workstation.workflow.actors import Actor

from .conftest import Consortium

LEARNER = Actor(username="dr.wang", role=Role.COMMUNITY_DOCTOR, site_code="CM01",
                display_name="王医生")


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
    voice = os.urandom(300_000)
    (folder / "lesson.m4a").write_bytes(voice)
    case.lessons.append(Lesson(uid=str(uuid.uuid4()), kind=LessonKind.VOICE, title=title,
                               media_type="audio/mp4", path=f"cases/{uid}/lesson.m4a",
                               size=len(voice), sha256=hashlib.sha256(voice).hexdigest(),
                               duration_ms=3000, timeline=Timeline().to_json(),
                               author_username="rev.chest", author_name="刘主任"))
    with center.database.transaction() as session:
        session.add(case)
    return uid


def _downloader(consortium: Consortium, on_progress=None, client=None) -> TeachingDownloader:
    community = consortium.community
    return TeachingDownloader(community.database, client or consortium.client_for("CM01"),
                              community.teaching_dir, community.vault.key, "CH01", LEARNER,
                              on_progress)


def test_search_download_and_open_offline_encrypted_at_rest(consortium: Consortium) -> None:
    chest = seed_case(consortium.center, "右肺上叶周围型肺癌", "CHEST")
    seed_case(consortium.center, "肾结石", "ABDOMEN")
    downloader = _downloader(consortium)
    found = downloader.search(LibraryQuery(body_part="chest"))
    assert [c.uid for c in found] == [chest]
    assert found[0].bytes > 4_000_000
    assert found[0].lessons == 1
    assert [c.title for c in downloader.search(LibraryQuery(tag="nodule"))] == \
        ["肾结石", "右肺上叶周围型肺癌"]
    assert downloader.search(LibraryQuery(author="刘主任", difficulty=3)) == []

    progress = []
    downloader._on_progress = progress.append
    assert downloader.download_cases([chest]) == [chest]
    assert progress[-1].bytes_done == progress[-1].bytes_total == found[0].bytes
    assert progress[-1].cases_done == 1
    assert [p.bytes_done for p in progress] == sorted(p.bytes_done for p in progress)
    downloader.close()

    community = consortium.community
    stored = sorted((community.teaching_dir / "offline" / chest).iterdir())
    assert len(stored) == 3
    assert all(p.suffix == ".enc" for p in stored)
    for path in stored:
        raw = path.read_bytes()
        assert b"DICM" not in raw
        assert b"1.2.840.10008" not in raw
    desk = community.teaching_desk
    detail = desk.detail(chest)
    assert detail is not None
    assert detail.summary.offline
    assert detail.findings == "右肺上叶结节。"
    with consortium.center.database.session() as session:
        originals = {i.sop_instance_uid: consortium.center.teaching_dir / i.path
                     for i in session.scalar(select(TeachingCase).where(
                         TeachingCase.uid == chest)).instances}
    opened = desk.files(chest)
    assert len(opened) == 2
    for path in opened:
        assert str(path).startswith(("/dev/shm/", "/tmp"))
        ds = pydicom.dcmread(path)
        assert path.read_bytes() == originals[ds.SOPInstanceUID].read_bytes()
    lesson = desk.lessons(chest)[0]
    media, timeline = desk.lesson(lesson)
    assert media.suffix == ".m4a"
    assert media.stat().st_size == 300_000
    assert timeline.actions == ()
    with community.database.session() as session:
        row = session.scalar(select(TeachingDownload).where(TeachingDownload.case_uid == chest))
        assert row.state is DownloadState.DONE
        assert row.bytes_done == row.bytes_total
        assert session.scalar(select(AuditEvent).where(AuditEvent.action == "teaching.download"))
    with consortium.center.database.session() as session:
        audit = session.scalar(select(AuditEvent).where(
            AuditEvent.action == "sync.teaching.case"))
        assert audit is not None
        assert audit.object_id == chest
    community.vault.close()
    assert not any(p.exists() for p in opened)  # the plaintext went with the vault


def test_a_cut_download_goes_on_from_where_it_stopped(consortium: Consortium) -> None:
    uid = seed_case(consortium.center, "大文件", "CHEST", files=1)

    class Cut(Exception):
        pass

    def cut_after_1_5mb(p) -> None:
        if p.bytes_done > 1_500_000:
            raise Cut

    with pytest.raises(Cut):
        _downloader(consortium, cut_after_1_5mb).download_cases([uid])
    parts = list((consortium.community.teaching_dir / "offline" / uid).glob("*.part"))
    assert len(parts) == 1
    assert parts[0].stat().st_size >= (1 << 20) + 16
    first = []
    _downloader(consortium, lambda p: first.append(p.bytes_done)).download_cases([uid])
    assert first[0] > 1 << 20  # it asked for the rest (a Range), not the whole file
    files = consortium.community.teaching_desk.files(uid)
    with consortium.center.database.session() as session:
        original = session.scalar(select(TeachingInstance))
        assert hashlib.sha256(files[0].read_bytes()).hexdigest() == original.sha256


def test_a_whole_course_goes_offline_and_tampering_is_refused(consortium: Consortium) -> None:
    uids = [seed_case(consortium.center, f"病例 {n}", "CHEST", files=1) for n in range(3)]
    with consortium.center.database.transaction() as session:
        course = catalogue.make_course(session, Actor.system("CH01", "teacher"), "胸部 CT 入门",
                                       uids[::-1])
    downloader = _downloader(consortium)
    assert [c.title for c in downloader.courses()] == ["胸部 CT 入门"]
    assert downloader.download_course(course) == uids[::-1]
    community = consortium.community
    summaries = community.teaching_desk.search(LibraryQuery())
    assert {s.uid for s in summaries} == set(uids)
    assert all(s.offline for s in summaries)
    victim = next((community.teaching_dir / "offline" / uids[0]).glob("*.enc"))
    raw = bytearray(victim.read_bytes())
    raw[100] ^= 0xFF
    victim.write_bytes(raw)
    community.vault.close()
    with pytest.raises(AtRestError, match="altered"):
        community.teaching_desk.files(uids[0])
    # the offline copies are never offered on from a community's own library
    with community.database.session() as session:
        assert catalogue.bundle_of(session, uids[0]) is None


def test_a_certificate_from_outside_the_consortium_is_refused(consortium: Consortium,
                                                             tmp_path: Path) -> None:
    seed_case(consortium.center, "病例", "CHEST", files=1)
    stranger = tmp_path / "other-ca"
    pki.init_ca(stranger)
    files = pki.issue_site(stranger, "CM01", tmp_path / "stranger")
    context = client_context(files.certificate, files.private_key,
                             consortium.ca_dir / pki.CA_CERT)
    downloader = _downloader(consortium, client=SyncClient(consortium.url, context=context,
                                                           timeout=5))
    with pytest.raises(DownloadFailed, match=r"certificate|cannot be reached"):
        downloader.search(LibraryQuery())
    assert not (consortium.community.teaching_dir / "offline").exists()
