"""Synthetic but realistic images for tests, benchmarks and the simulator.

A DX chest (PA or lateral, drawn by ``synth_chest``) is built from smooth
anatomy plus signal-dependent, detector-blurred quantum noise, 12 bits stored
in 16, so lossless compression behaves as on real films (about 2.7-2.9:1 with
JPEG-LS, not 50:1).  Its header is what a DR console writes: the acquisition's
own date and time, and the projection (View Position, Patient Orientation,
the view and anatomy codes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import (
    PYDICOM_IMPLEMENTATION_UID,
    CTImageStorage,
    DigitalXRayImageStorageForPresentation,
    ExplicitVRLittleEndian,
)

from ..workflow.identifiers import new_uid
from .charset import person_name, set_outgoing_charset
from .synth_chest import chest_pixels

__all__ = ["PROJECTIONS", "Demographics", "chest_pixels", "ct_series", "dicom_datetime",
           "dx_dataset", "stamp_times"]


@dataclass(frozen=True)
class Demographics:
    patient_name: str = "张三"
    patient_phonetic: str = "Zhang^San"
    patient_id: str = "P000001"
    birth_date: str = "19650315"
    sex: str = "M"
    accession_number: str = ""
    study_instance_uid: str = ""
    study_description: str = "DR 胸部正侧位 Chest PA+LAT"
    patient_age: str = ""  # DICOM AS (076Y), as the worklist gave it


# How a DR console labels each projection of a chest: Patient Orientation (the
# patient's direction along the rows, then down the columns, as displayed), the
# view (SNOMED CT, DICOM CID 4010) and the series' description.  The PA is shown
# as if facing the patient (her left on the image's right); the left lateral as
# seen from her left side, facing the viewer's left (her back on the right).
PROJECTIONS: dict[str, tuple[tuple[str, str], tuple[str, str], str]] = {
    "PA": (("L", "F"), ("272479007", "postero-anterior"), "Chest PA"),
    "AP": (("L", "F"), ("399348003", "antero-posterior"), "Chest AP"),
    "LL": (("P", "F"), ("399173006", "left lateral"), "Chest LAT"),
    "RL": (("A", "F"), ("399198007", "right lateral"), "Chest LAT"),
}
CHEST_REGION = ("43799004", "Chest")  # SNOMED CT, for Body Part Examined CHEST


def dicom_datetime(when: datetime) -> tuple[str, str]:
    """DICOM DA and TM of ``when`` as its own clock reads it (whole seconds)."""
    return when.strftime("%Y%m%d"), when.strftime("%H%M%S")


def stamp_times(ds: Dataset, *, study_started: datetime, acquired: datetime) -> None:
    """Study, Series, Acquisition and Content Date/Time as a console writes them: the
    study from when it was started, the rest from this image's exposure (local
    times; with their UTC offset when the times know their zone)."""
    ds.StudyDate, ds.StudyTime = dicom_datetime(study_started)
    ds.SeriesDate, ds.SeriesTime = dicom_datetime(acquired)
    ds.AcquisitionDate, ds.AcquisitionTime = dicom_datetime(acquired)
    ds.ContentDate, ds.ContentTime = dicom_datetime(acquired)
    offset = acquired.strftime("%z")  # "" for a naive time
    ds.AcquisitionDateTime = acquired.strftime("%Y%m%d%H%M%S") + offset
    if offset:
        ds.TimezoneOffsetFromUTC = offset
    elif "TimezoneOffsetFromUTC" in ds:
        del ds.TimezoneOffsetFromUTC


def _code(value: str, meaning: str, scheme: str = "SCT") -> Dataset:
    item = Dataset()
    item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, scheme, meaning
    return item


def dx_dataset(demo: Demographics, *, size: int = 3000, seed: int = 0,
               charset: str = "ISO_IR 192", phonetic_names: bool = False,
               series_uid: str | None = None, series_number: int = 1,
               instance_number: int = 1, view: str = "PA", station_ae: str = "DR01",
               acquired: datetime | None = None,
               study_started: datetime | None = None) -> Dataset:
    """A complete DX For Presentation chest image of ``view`` (PA, AP, LL or RL;
    Explicit VR Little Endian), exposed at ``acquired`` (default: now, local time)
    in a study started at ``study_started`` (default: the exposure)."""
    acquired = acquired or datetime.now().astimezone()
    orientation, (view_code, view_meaning), description = PROJECTIONS.get(
        view.upper(), PROJECTIONS["PA"])
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = DigitalXRayImageStorageForPresentation
    sop_uid = new_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = sop_uid
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
    set_outgoing_charset(ds, charset)
    ds.SOPClassUID = DigitalXRayImageStorageForPresentation
    ds.SOPInstanceUID = sop_uid
    ds.StudyInstanceUID = demo.study_instance_uid or new_uid()
    ds.SeriesInstanceUID = series_uid or new_uid()
    stamp_times(ds, study_started=study_started or acquired, acquired=acquired)
    ds.AccessionNumber = demo.accession_number
    ds.Modality = "DX"
    ds.Manufacturer = "Tiered Workstation simulator"
    ds.StationName = station_ae
    ds.StudyDescription = demo.study_description
    ds.SeriesDescription = ds.ProtocolName = description
    ds.PatientName = person_name(demo.patient_name, demo.patient_phonetic,
                                 phonetic_groups=phonetic_names)
    ds.PatientID = demo.patient_id
    ds.PatientBirthDate = demo.birth_date
    ds.PatientSex = demo.sex
    if demo.patient_age:
        ds.PatientAge = demo.patient_age
    ds.BodyPartExamined = "CHEST"
    ds.AnatomicRegionSequence = [_code(*CHEST_REGION)]
    ds.ImageLaterality = "U"  # the chest is not a paired part
    ds.ViewPosition = view
    view_item = _code(view_code, view_meaning)
    view_item.ViewModifierCodeSequence = []
    ds.ViewCodeSequence = [view_item]
    ds.PatientOrientation = list(orientation)
    ds.PresentationIntentType = "FOR PRESENTATION"
    ds.SeriesNumber = series_number
    ds.InstanceNumber = instance_number
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = ds.Columns = size
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.PixelIntensityRelationship = "LIN"
    ds.PixelIntensityRelationshipSign = 1
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "US"
    ds.WindowCenter, ds.WindowWidth = 2048, 4096
    spacing = round(430.0 / size, 4)  # a 43 cm detector
    ds.ImagerPixelSpacing = [spacing, spacing]
    ds.PixelSpacing = [spacing, spacing]
    ds.PixelData = chest_pixels(size, seed, view).tobytes()
    return ds


def ct_series(demo: Demographics, *, slices: int = 120, size: int = 512, seed: int = 0,
              charset: str = "ISO_IR 192", thickness: float = 2.5) -> list[Dataset]:
    """An axial chest CT series (signed 16-bit, HU = stored - 1024) from lung apex down."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size - 0.5
    body = ((x / 0.42) ** 2 + (y / 0.32) ** 2) <= 1
    spine = ((x / 0.05) ** 2 + ((y - 0.2) / 0.05) ** 2) <= 1
    study = demo.study_instance_uid or new_uid()
    series = new_uid()
    spacing = round(360.0 / size, 4)
    out = []
    for k in range(slices):
        z = k / max(slices - 1, 1)  # 0 = apex, 1 = upper abdomen
        lung_size = 0.05 + 0.09 * np.sin(np.pi * min(z * 1.3, 1.0))
        lungs = sum(((x - cx) / lung_size) ** 2 + ((y + 0.02) / (lung_size * 1.45)) ** 2 <= 1
                    for cx in (-0.2, 0.2)) if z < 0.8 else np.zeros_like(body)
        hu = np.full((size, size), -1000, np.float32)
        hu[body] = 40
        hu[np.asarray(lungs, bool) & body] = -820
        hu[spine] = 700
        hu += rng.normal(0, 12, hu.shape).astype(np.float32)
        stored = np.clip(hu + 1024, 0, 4095).astype(np.int16)
        ds = dx_dataset(demo, size=8, charset=charset)  # shared header, replaced below
        ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID = CTImageStorage
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = new_uid()
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.Modality, ds.BodyPartExamined = "CT", "CHEST"
        ds.SeriesDescription = ds.ProtocolName = "Chest axial 2.5 mm"
        for keyword in ("ViewPosition", "ViewCodeSequence", "PatientOrientation",
                        "ImageLaterality", "PresentationIntentType",
                        "PixelIntensityRelationship", "PixelIntensityRelationshipSign",
                        "ImagerPixelSpacing"):
            delattr(ds, keyword)
        ds.InstanceNumber = k + 1
        ds.Rows = ds.Columns = size
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 1
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = -1024, 1, "HU"
        ds.WindowCenter, ds.WindowWidth = [40, -600], [400, 1500]
        ds.PixelSpacing = [spacing, spacing]
        ds.SliceThickness = thickness
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [-180.0, -180.0, -k * thickness]
        ds.SliceLocation = -k * thickness
        ds.KVP, ds.FrameOfReferenceUID = 120, study + ".1"
        ds.PixelData = stored.tobytes()
        out.append(ds)
    return out
