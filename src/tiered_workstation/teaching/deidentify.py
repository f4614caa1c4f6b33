"""De-identification of a teaching case's images and presentation states, following
DICOM PS3.15 Annex E (Basic Application Level Confidentiality Profile).

dicognito does the replacements it knows (names, IDs, UIDs, dates, addresses), seeded
per case so UIDs and the date shift agree across the case's files; ``profile`` applies
every other action of Table E.1-1. This module adds what a teaching case needs beyond
them: the names and IDs inside any remaining text (GSPS labels, SR text, descriptions)
in every character set, the profile's marking attributes, and the mapping the center
keeps.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dicognito.anonymizer import Anonymizer
from pydicom import config
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.multival import MultiValue
from pydicom.sequence import Sequence

from . import profile
from .text_scrub import CaseIdentities

TEXT_VRS = {"LO", "LT", "SH", "ST", "UT", "UC", "PN"}
# DCM codes of PS3.16 CID 7050 for what is applied
PROFILE_CODES = (
    ("113100", "Basic Application Confidentiality Profile"),
    ("113103", "Clean Graphics Option"),
    ("113105", "Clean Descriptors Option"),
    ("113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
    ("113108", "Retain Patient Characteristics Option"),
)
METHOD = "PS3.15 E Basic Profile, dicognito; 113103 113105 113107 113108"  # LO: 64 at most


class DeidentificationRefused(ValueError):
    """An instance that cannot be made anonymous (e.g. names burned into the pixels)."""


@dataclass
class DeidMapping:
    """What the center keeps, and never sends, to trace a case back to its exam."""

    patient_id: str = ""
    pseudonym: str = ""
    day_shift: int | None = None
    uids: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"patient_id": self.patient_id, "pseudonym": self.pseudonym,
                "day_shift": self.day_shift, "uids": dict(self.uids)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeidMapping:
        return cls(str(data.get("patient_id", "")), str(data.get("pseudonym", "")),
                   data.get("day_shift"), dict(data.get("uids", {})))


class CaseDeidentifier:
    """De-identifies every file of one case alike (same seed, same identities)."""

    def __init__(self, seed: str, identities: CaseIdentities) -> None:
        self.identities = identities
        self.mapping = DeidMapping()
        self._seed = seed
        self._anonymizer = Anonymizer(id_prefix="TC", seed=seed)

    def deidentify(self, ds: Dataset) -> Dataset:
        """De-identify ``ds`` in place and return it; refuse burned-in annotation."""
        if str(ds.get("BurnedInAnnotation", "NO")).upper() == "YES":
            raise DeidentificationRefused(
                "This image has patient details burned into its pixels (Burned In "
                "Annotation is YES), so it cannot become a teaching case.")
        if not hasattr(ds, "file_meta"):
            ds.file_meta = FileMetaDataset()
        ds.decode()  # text in the device's character set becomes Unicode first
        before = _uids(ds)
        patient_id, study_date = str(ds.get("PatientID", "")), str(ds.get("StudyDate", ""))
        age = str(ds.get("PatientAge", "") or "") or age_at(ds.get("PatientBirthDate"),
                                                            study_date)
        profile.remove(ds)
        replaced = profile.snapshot(ds)
        with _quiet_keyword_checks():
            self._anonymizer.anonymize(ds)
        self._remember(ds, before, patient_id, study_date)
        profile.finish(ds, replaced, self._seed, self.mapping.day_shift)
        ds.walk(self._scrub_element)
        if age:  # the birth date is gone; the age stays (113108)
            ds.PatientAge = age
        ds.SpecificCharacterSet = "ISO_IR 192"
        ds.PatientIdentityRemoved = "YES"
        ds.DeidentificationMethod = METHOD
        ds.DeidentificationMethodCodeSequence = Sequence([_code(v, m) for v, m in PROFILE_CODES])
        ds.LongitudinalTemporalInformationModified = "MODIFIED"
        return ds

    def scrub_text(self, text: str) -> str:
        """A report's findings or impression without the patient's names and IDs."""
        return self.identities.scrub(text)

    def _scrub_element(self, ds: Dataset, element: DataElement) -> None:
        if element.VR not in TEXT_VRS or element.value in (None, ""):
            return
        if element.VR == "PN":
            return  # dicognito replaced every PN
        if isinstance(element.value, MultiValue):
            element.value = [self.identities.scrub(str(v)) for v in element.value]
        else:
            element.value = self.identities.scrub(str(element.value))

    def _remember(self, ds: Dataset, before: dict[str, str], patient_id: str,
                  study_date: str) -> None:
        after = _uids(ds)
        for key, old in before.items():
            if key in after:
                self.mapping.uids[old] = after[key]
        if patient_id and not self.mapping.patient_id:
            self.mapping.patient_id, self.mapping.pseudonym = patient_id, str(ds.PatientID)
        new_date = str(ds.get("StudyDate", ""))
        if self.mapping.day_shift is None and len(study_date) == 8 and len(new_date) == 8:
            self.mapping.day_shift = (_date(new_date) - _date(study_date)).days


_CONFIG_LOCK = threading.Lock()


@contextmanager
def _quiet_keyword_checks() -> Iterator[None]:
    """dicognito asks for keywords of newer dictionaries (``"LastMenstrualTime" in ds``):
    a harmless miss that pydicom would otherwise warn about once per attribute and file.
    The setting is global, so one thread at a time holds it."""
    with _CONFIG_LOCK:
        previous, config.INVALID_KEY_BEHAVIOR = config.INVALID_KEY_BEHAVIOR, "IGNORE"
        try:
            yield
        finally:
            config.INVALID_KEY_BEHAVIOR = previous


def _uids(ds: Dataset) -> dict[str, str]:
    keys = ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "FrameOfReferenceUID")
    return {k: str(ds.get(k)) for k in keys if ds.get(k)}


def _code(value: str, meaning: str) -> Dataset:
    item = Dataset()
    item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, "DCM", meaning
    return item


def age_at(birth: object, on: str) -> str:
    """An AS age (``061Y``) from a birth date and a study date; empty when unknown."""
    text = str(birth or "")
    if len(text) != 8 or len(on) != 8 or not (text + on).isdigit():
        return ""
    born, day = _date(text), _date(on)
    years = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    return f"{years:03d}Y" if 0 <= years < 1000 else ""


def _date(text: str) -> date:
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
