"""A signed exam's images and a reader's marks, archived as the node would have them."""

from __future__ import annotations

from pathlib import Path

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from review.conftest import Reading, by_accession
from tiered_workstation.app.local_archive import archive_file
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.viewer.gsps import GSPS_SOP_CLASS


def archive_marked_images(reading: Reading, accession: str, tmp: Path, *,
                          burned: bool = False) -> str:
    """A DX of the exam's patient and a presentation state marking it; returns the DX's
    SOP Instance UID."""
    services = reading.services
    with services.database.session() as session:
        exam = by_accession(session, accession)
        demo = Demographics(patient_name="张三", patient_phonetic="Zhang^San",
                            patient_id="P000777", accession_number=accession,
                            study_instance_uid=exam.study_instance_uid)
    image = dx_dataset(demo, size=128)
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
