"""Synthetic but realistic images for tests, benchmarks and the simulator.

A DX chest is built from smooth anatomy-like structures (body outline, lungs,
mediastinum, spine, ribs, a little bowel gas) plus signal-dependent, detector-blurred
quantum noise, 12 bits stored in 16, so lossless compression behaves as on
real films (about 2.7:1 with JPEG-LS, not 50:1).
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


def chest_pixels(size: int = 3000, seed: int = 0) -> np.ndarray:
    """A 12-bit chest-like radiograph as uint16 (bright = dense, as in MONOCHROME2)."""
    rng = np.random.default_rng(seed)
    half = (size + 1) // 2  # smooth anatomy at half resolution, noise at full
    y, x = np.mgrid[0:half, 0:half].astype(np.float32) / half
    body = np.exp(-(((x - 0.5) / 0.40) ** 6 + ((y - 0.58) / 0.52) ** 6))
    lungs = sum(np.exp(-(((x - cx) / 0.13) ** 2 + ((y - 0.45) / 0.25) ** 2) ** 2)
                for cx in (0.31, 0.69))
    spine = np.exp(-((x - 0.5) / 0.04) ** 2) * (1 / (1 + np.exp(-(y - 0.08) * 60)))
    heart = np.exp(-(((x - 0.55) / 0.12) ** 2 + ((y - 0.62) / 0.12) ** 2))
    arch = 0.18 * (np.abs(x - 0.5) * 2) ** 2  # ribs curve down towards the sides
    ribs = (0.5 + 0.5 * np.cos(2 * np.pi * (y - arch) * 12)) ** 8 * np.clip(lungs * 1.5, 0, 1)
    clavicles = np.exp(-((y - 0.16 - 0.1 * np.abs(x - 0.5)) / 0.012) ** 2) * (
        np.abs(x - 0.5) < 0.3)
    image = (350 + 2700 * body - 1450 * lungs + 900 * spine + 650 * heart + 420 * ribs
             + 500 * clavicles)
    image = np.repeat(np.repeat(image, 2, axis=0), 2, axis=1)[:size, :size]
    image += _quantum_noise(image, rng)
    return np.clip(image, 0, 4095).astype(np.uint16)


def _quantum_noise(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Photon noise as a detector records it, in the log-processed grey scale.

    Behind dense anatomy fewer photons arrive, so after the log transform the
    noise grows with the grey value: σ doubles every ~1400 grey levels, from
    about 10 in the direct-exposure background to 60-80 behind the spine and
    heart (2000 grey levels per unit of attenuation).  The scintillator spreads each
    photon over neighbouring pixels, so the noise is spatially correlated
    (a 1-2-1 blur each way, renormalised to keep σ).  White noise of one σ
    everywhere — the older model — made images compress at 2.1:1, below the
    2.5-3.5:1 that JPEG-LS reaches on clinical chest radiographs.
    """
    noise = rng.standard_normal(image.shape, dtype=np.float32)
    for axis in (0, 1):
        noise = 0.5 * noise + 0.25 * (np.roll(noise, 1, axis) + np.roll(noise, -1, axis))
    noise /= 0.375  # the 2-D 1-2-1 blur keeps 0.375² of the variance
    sigma = 10 * np.exp((image - 350) / 2000, dtype=np.float32)
    return sigma * noise


def dx_dataset(demo: Demographics, *, size: int = 3000, seed: int = 0,
               charset: str = "ISO_IR 192", phonetic_names: bool = False,
               series_uid: str | None = None, instance_number: int = 1,
               view: str = "PA", station_ae: str = "DR01") -> Dataset:
    """A complete DX For Presentation image (Explicit VR Little Endian)."""
    now = datetime.now()
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
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = now.strftime("%Y%m%d")
    ds.StudyTime = ds.SeriesTime = ds.ContentTime = now.strftime("%H%M%S")
    ds.AccessionNumber = demo.accession_number
    ds.Modality = "DX"
    ds.Manufacturer = "Tiered Workstation simulator"
    ds.StationName = station_ae
    ds.StudyDescription = demo.study_description
    ds.SeriesDescription = f"Chest {view}"
    ds.PatientName = person_name(demo.patient_name, demo.patient_phonetic,
                                 phonetic_groups=phonetic_names)
    ds.PatientID = demo.patient_id
    ds.PatientBirthDate = demo.birth_date
    ds.PatientSex = demo.sex
    ds.BodyPartExamined = "CHEST"
    ds.ViewPosition = view
    ds.PresentationIntentType = "FOR PRESENTATION"
    ds.SeriesNumber = 1
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
    ds.PixelData = chest_pixels(size, seed).tobytes()
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
        ds.SeriesDescription = "Chest axial 2.5 mm"
        for keyword in ("ViewPosition", "PresentationIntentType", "PixelIntensityRelationship",
                        "PixelIntensityRelationshipSign", "ImagerPixelSpacing"):
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
