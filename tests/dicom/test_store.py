"""Storage SCP against dcmtk storescu: every transfer syntax, kept as received."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pydicom.data
import pytest
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.uid import (
    DeflatedExplicitVRLittleEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGBaseline8Bit,
    JPEGExtended12Bit,
    JPEGLosslessSV1,
    JPEGLSLossless,
    RLELossless,
)
from sqlalchemy import select

from dicom.conftest import RunningNode
from support import TECH
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.archive import file_sha256
from tiered_workstation.storage.enums import AuditOutcome, ExamState, Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.imaging import Instance, Study
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.storage.patients import Patient

CHARSET_FILES = Path(pydicom.data.__file__).parent / "charset_files"


def synthetic(path: Path, syntax: str, **demo: str) -> Path:
    ds = dx_dataset(Demographics(**demo), size=256)
    if syntax in (RLELossless, JPEGLSLossless, JPEG2000Lossless):
        ds.compress(syntax)
        ds.save_as(path, enforce_file_format=True)
    elif syntax == DeflatedExplicitVRLittleEndian:
        ds.file_meta.TransferSyntaxUID = syntax
        ds.save_as(path, enforce_file_format=True)
    else:
        ds.file_meta.TransferSyntaxUID = syntax
        ds.save_as(path, implicit_vr=syntax == ImplicitVRLittleEndian, little_endian=True,
                   enforce_file_format=True)
    return path


def bundled(name: str) -> object:
    return lambda path, syntax: Path(get_testdata_file(name))


SYNTAXES = [
    ("implicit", ImplicitVRLittleEndian, synthetic, ["-xi"]),
    ("explicit", ExplicitVRLittleEndian, synthetic, ["-xe"]),
    ("deflated", DeflatedExplicitVRLittleEndian, synthetic, ["-xd"]),
    ("rle", RLELossless, synthetic, ["-xr"]),
    ("jpeg-ls", JPEGLSLossless, synthetic, ["-xt"]),
    ("jpeg2000", JPEG2000Lossless, synthetic, ["-xv"]),
    ("jpeg-baseline", JPEGBaseline8Bit, bundled("SC_rgb_jpeg_dcmtk.dcm"), ["-xy"]),
    ("jpeg-lossless", JPEGLosslessSV1, bundled("SC_rgb_jpeg_gdcm.dcm"), ["-xs"]),
    ("jpeg-extended", JPEGExtended12Bit, bundled("JPGExtended.dcm"), ["-xx"]),
]


@pytest.mark.parametrize(("name", "syntax", "make", "flags"), SYNTAXES,
                         ids=[s[0] for s in SYNTAXES])
def test_every_transfer_syntax_is_archived_as_received(node: RunningNode, tmp_path: Path,
                                                       name: str, syntax: str, make,
                                                       flags: list[str]) -> None:
    source = make(tmp_path / f"{name}.dcm", syntax)
    sent = dcmread(source)
    assert sent.file_meta.TransferSyntaxUID == syntax
    result = node.run("storescu", *flags, *node.target(), str(source))
    assert result.returncode == 0, result.stderr
    with node.services.database.session() as session:
        instance = session.scalars(select(Instance)).one()
    assert instance.transfer_syntax_uid == syntax
    assert instance.sop_instance_uid == sent.SOPInstanceUID
    stored = node.services.archive.absolute(instance.path)
    assert stored.stat().st_size == instance.size_bytes
    kept = dcmread(stored)
    assert kept.file_meta.TransferSyntaxUID == syntax
    assert kept.PixelData == sent.PixelData  # never re-encoded
    assert list(node.services.archive.incoming.iterdir()) == []


@pytest.mark.parametrize(("filename", "name", "phonetic"), [
    ("chrH31.dcm", "山田太郎", "Yamada^Tarou"),  # ISO 2022 IR 87 code extensions
    ("chrX1.dcm", "王小東", "Wang^XiaoDong"),  # ISO_IR 192
    ("chrX2.dcm", "王小东", "Wang^XiaoDong"),  # GB18030
    ("chrFren.dcm", "Buc^Jérôme", "Buc^Jérôme"),  # ISO_IR 100
])
def test_bundled_charset_files_keep_their_names(node: RunningNode, filename: str, name: str,
                                                phonetic: str) -> None:
    result = node.run("storescu", *node.target(), str(CHARSET_FILES / filename))
    assert result.returncode == 0, result.stderr
    with node.services.database.session() as session:
        patient = session.scalars(select(Patient)).one()
    assert (patient.name, patient.name_phonetic) == (name, phonetic)


def test_iso2022_ir58_names_are_not_garbled(node: RunningNode, tmp_path: Path) -> None:
    """pydicom alone reads 'ESC $ ) A' GB 2312 text as '$)A张'; we must not."""
    ds = dx_dataset(Demographics(patient_name="X", study_description="Chest"), size=32,
                    charset="ISO_IR 100")
    ds.SpecificCharacterSet = ["ISO 2022 IR 6", "ISO 2022 IR 58"]
    ds.PatientName = b"Zhang^San=\x1b$)A\xd5\xc5^\x1b$)A\xc8\xfd"  # as dcmtk writes it
    ds.save_as(tmp_path / "ir58.dcm", enforce_file_format=True)
    assert node.run("storescu", *node.target(), str(tmp_path / "ir58.dcm")).returncode == 0
    with node.services.database.session() as session:
        patient = session.scalars(select(Patient)).one()
    assert (patient.name, patient.name_phonetic) == ("张三", "Zhang^San")


@pytest.mark.filterwarnings("ignore:Failed to encode value:UserWarning")  # the data lies on purpose
def test_gbk_device_that_declares_latin1_is_read_as_gbk(node: RunningNode,
                                                        tmp_path: Path) -> None:
    ds = dx_dataset(Demographics(patient_name="X", study_description="Chest"), size=64,
                    charset="ISO_IR 100")
    ds.PatientName = "张三".encode("gbk")  # what the mislabelling console really sends
    path = tmp_path / "liar.dcm"
    ds.save_as(path, enforce_file_format=True)
    result = node.run("storescu", "-aet", "DR_GBK", *node.target(), str(path))
    assert result.returncode == 0, result.stderr
    unlabelled = dx_dataset(Demographics(patient_name="X", patient_id="P2"), size=64)
    del unlabelled.SpecificCharacterSet
    unlabelled.PatientName = "李四".encode("gb18030")
    unlabelled.save_as(tmp_path / "unlabelled.dcm", enforce_file_format=True)
    assert node.run("storescu", *node.target(), str(tmp_path / "unlabelled.dcm")).returncode == 0
    with node.services.database.session() as session:
        names = set(session.scalars(select(Patient.name)))
    assert names == {"张三", "李四"}


def test_images_link_to_their_exam_and_mark_it_acquired(node: RunningNode,
                                                       tmp_path: Path) -> None:
    services = node.services
    with services.database.transaction() as session:
        exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                PatientInput("张三", Sex.MALE, "Zhang^San",
                                             birth_date=date(1965, 3, 15)),
                                OrderInput("DXCHEST2", "Chest", "DX", "CHEST"))
        accession, study_uid = exam.accession_number, exam.study_instance_uid
    pa = synthetic(tmp_path / "pa.dcm", ExplicitVRLittleEndian, accession_number=accession,
                   study_instance_uid=study_uid)
    lat = synthetic(tmp_path / "lat.dcm", ExplicitVRLittleEndian, accession_number=accession,
                    study_instance_uid=study_uid)
    result = node.run("storescu", *node.target(), str(pa), str(lat))
    assert result.returncode == 0, result.stderr
    with services.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        assert exam.state is ExamState.ACQUIRED
        assert [t.action for t in exam.transitions] == ["register", "complete_acquisition"]
        assert exam.transitions[-1].actor_username == "system:images from STORESCU"
        study = session.scalars(select(Study)).one()
        assert study.exam_id == exam.id
        assert study.patient_id == exam.patient_id
        assert len(session.scalars(select(Instance)).all()) == 2


def test_duplicates_same_bytes_once_different_bytes_as_new_version(node: RunningNode,
                                                                  tmp_path: Path) -> None:
    first = synthetic(tmp_path / "a.dcm", ExplicitVRLittleEndian)
    assert node.run("storescu", *node.target(), str(first), str(first)).returncode == 0
    changed = dcmread(first)
    changed.SeriesDescription = "re-sent with a correction"
    changed.save_as(tmp_path / "b.dcm")
    assert node.run("storescu", *node.target(), str(tmp_path / "b.dcm")).returncode == 0
    node.services.node.checksums.wait_idle()
    with node.services.database.session() as session:
        rows = session.scalars(select(Instance).order_by(Instance.version)).all()
    assert [r.version for r in rows] == [1, 2]
    archive = node.services.archive
    assert [r.sha256 for r in rows] == [file_sha256(archive.absolute(r.path)) for r in rows]
    assert rows[0].sha256 != rows[1].sha256
    assert dcmread(archive.absolute(rows[1].path)).SeriesDescription == "re-sent with a correction"


def test_checksums_are_computed_in_the_background_and_after_a_crash(
        node: RunningNode, tmp_path: Path) -> None:
    files = [synthetic(tmp_path / f"{i}.dcm", ExplicitVRLittleEndian) for i in range(3)]
    assert node.run("storescu", *node.target(), *map(str, files)).returncode == 0
    checksums = node.services.node.checksums
    checksums.wait_idle()
    with node.services.database.transaction() as session:
        rows = session.scalars(select(Instance)).all()
        assert all(r.sha256 == file_sha256(node.services.archive.absolute(r.path))
                   for r in rows)
        rows[0].sha256 = ""  # as if the node had been killed before hashing it
    checksums.stop()
    checksums.start()  # a restart finds the missing checksum
    checksums.wait_idle()
    with node.services.database.session() as session:
        assert "" not in session.scalars(select(Instance.sha256)).all()


def test_echo_works_and_unknown_ae_titles_are_refused_and_audited(node: RunningNode) -> None:
    assert node.run("echoscu", *node.target()).returncode == 0
    refused = node.run("echoscu", "-aet", "INTRUDER", *node.target())
    assert refused.returncode != 0
    assert "Calling AE Title Not Recognized" in refused.stderr + refused.stdout
    with node.services.database.session() as session:
        audit = session.scalars(select(AuditEvent).where(
            AuditEvent.outcome == AuditOutcome.REFUSED)).one()
    assert audit.action == "dicom.association.rejected"
    assert audit.actor_username == "ae:INTRUDER"
    assert "not a registered peer" in audit.detail["reason"]
