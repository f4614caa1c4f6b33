"""PS3.15 Table E.1-1, the Basic Profile, applied attribute by attribute at every depth.

dicognito replaces the attributes it knows (names, IDs, UIDs, dates, addresses) with
values seeded per case. The table lists far more: equipment and acquisition identifiers,
clinical-trial, GPS and camera attributes, scheduling, locations, free text. This module
applies the table's action to each of them, keeping what the declared options keep:

- Retain Patient Characteristics (113108): age, sex, size, weight, smoking, pregnancy;
- Clean Descriptors (113105): study, series and protocol descriptions, scrubbed later;
- Clean Graphics (113103): presentation-state annotations, scrubbed later;
- Retain Longitudinal Temporal Information, Modified Dates (113107): dates are shifted
  by the case's day shift, times of day stay.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.uid import generate_uid

PATIENT_CHARACTERISTICS = frozenset({
    "PatientAge", "PatientSex", "PatientSize", "PatientWeight", "PatientSexNeutered",
    "SmokingStatus", "PregnancyStatus"})
DESCRIPTORS = frozenset({"StudyDescription", "SeriesDescription", "ProtocolName"})
GRAPHICS = frozenset({"GraphicAnnotationSequence"})
# X/Z/U*: references a teaching case needs (a presentation state to its images)
REFERENCES = frozenset({"ReferencedImageSequence", "SourceImageSequence"})
KEPT = PATIENT_CHARACTERISTICS | DESCRIPTORS | GRAPHICS | REFERENCES
# Not in the table, but it qualifies the issuer of the real patient ID
ALSO_REMOVED = frozenset({"IssuerOfPatientIDQualifiersSequence"})
# Emptied as the table says (Z) even though dates are otherwise shifted (113107): a
# shifted birth date gives the real one back to anyone who knows the exam's day; the
# age (kept, 113108) is what a teaching case needs
NOT_SHIFTED = frozenset({"PatientBirthDate", "PatientBirthTime"})
DATES, TIMES = ("DA", "DT"), ("DA", "DT", "TM")
DUMMY = "ANONYMIZED"


@cache
def basic_profile() -> dict[int, str]:
    """Tag -> Basic Profile action (X, Z, D, U, X/Z, X/D, Z/D, X/Z/D, X/Z/U*)."""
    text = resources.files(__package__).joinpath("ps3_15_table_e1_1.csv").read_text(
        encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {int(row["tag"], 16): row["action"] for row in rows}


@dataclass(frozen=True)
class Snapshot:
    """Values before dicognito ran, to find what it left unchanged."""

    uids: frozenset[str]
    values: frozenset[tuple[int, str]]


def remove(ds: Dataset) -> None:
    """The table's X actions, at every depth, with private tags, curves (50xx) and
    overlays (60xx), which may carry drawn text."""
    ds.remove_private_tags()
    profile = basic_profile()

    def visit(dataset: Dataset, element: DataElement) -> None:
        group = element.tag.group
        if 0x5000 <= group <= 0x50FF or (0x6000 <= group <= 0x60FF and group % 2 == 0):
            del dataset[element.tag]
            return
        if element.keyword in ALSO_REMOVED:
            del dataset[element.tag]
            return
        action = profile.get(int(element.tag))
        if element.keyword in NOT_SHIFTED:
            element.value = None
            return
        if action is None or element.keyword in KEPT or element.VR in TIMES:
            return  # dates and times stay, to be shifted (113107)
        if action.startswith("X"):
            del dataset[element.tag]

    ds.walk(visit)


def snapshot(ds: Dataset) -> Snapshot:
    """What the replaced (D, U) attributes hold now."""
    profile = basic_profile()
    uids: set[str] = set()
    values: set[tuple[int, str]] = set()
    for element in ds.iterall():
        action = profile.get(int(element.tag), "")
        if action == "U" and element.value:
            uids.update(str(v) for v in _values(element))
        elif _replaced(action, element) and element.value not in (None, ""):
            values.add((int(element.tag), str(element.value)))
    return Snapshot(frozenset(uids), frozenset(values))


def finish(ds: Dataset, before: Snapshot, seed: str, day_shift: int | None) -> None:
    """After dicognito: Z attributes are emptied, and the D and U attributes it left as
    they were are replaced: UIDs are remapped (the same old UID gives the same new one in
    every file of the case), dates shifted, text given a dummy, binary values removed."""
    profile = basic_profile()

    def visit(dataset: Dataset, element: DataElement) -> None:
        action = profile.get(int(element.tag), "")
        emptied = action == "Z" and element.VR not in TIMES and element.keyword not in KEPT
        if emptied or element.keyword in NOT_SHIFTED:  # dicognito may have made one up
            element.value = None
        elif action == "U" and element.value:
            element.value = [_uid(seed, v) if v in before.uids else v
                             for v in map(str, _values(element))]
            if len(element.value) == 1:
                element.value = element.value[0]
        elif _replaced(action, element) and element.keyword not in KEPT \
                and (int(element.tag), str(element.value)) in before.values:
            _replace(dataset, element, day_shift)

    ds.walk(visit)


def _replaced(action: str, element: DataElement) -> bool:
    """Whether the table wants this element's value replaced (D, or a date under 113107)."""
    return bool(action) and element.VR != "SQ" and ("D" in action or element.VR in DATES)


def _replace(dataset: Dataset, element: DataElement, day_shift: int | None) -> None:
    if element.VR in DATES and day_shift is not None:
        element.value = shift_date(str(element.value), day_shift)
    elif element.VR in ("LO", "SH", "LT", "ST", "UT", "UC", "PN", "CS", "AE"):
        element.value = DUMMY[:16] if element.VR in ("SH", "CS", "AE") else DUMMY
    else:
        del dataset[element.tag]


def shift_date(value: str, days: int) -> str:
    """A DA (or the date part of a DT) moved by ``days``; the rest of a DT stays."""
    if len(value) < 8 or not value[:8].isdigit():
        return ""
    moved = date(int(value[:4]), int(value[4:6]), int(value[6:8])) + timedelta(days=days)
    return moved.strftime("%Y%m%d") + value[8:]


def _uid(seed: str, old: str) -> str:
    return generate_uid(entropy_srcs=[seed, old])


def _values(element: DataElement) -> list[object]:
    value = element.value
    return list(value) if isinstance(value, MultiValue | list) else [value]
